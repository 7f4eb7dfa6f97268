"""Plotly figures of the dashboards, drawn from their aggregates, in Russian or English.

Rule: a figure is a pure function of what ``praxishub.dashboards`` and
``praxishub.dashboard_people`` return (counts, shares, bins), never of raw rows, so a
figure of the whole programme is a few kilobytes whatever its size. Every text comes
from ``praxishub.i18n``; webinar titles in the language asked, else English, else
Russian, else their id.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from praxishub.certificates import localised
from praxishub.dashboards import FUNNEL
from praxishub.i18n import t

PRESENT_COLOUR, SHARE_COLOUR, OTHER_COLOUR = "#1f6f8b", "#e07a1f", "#9bb7c4"
LAYOUT = {"template": "plotly_white", "margin": {"l": 60, "r": 60, "t": 60, "b": 80}}


def _title(row: dict[str, Any], key: str, lang: str) -> str:
    return localised(row.get("title") or {}, lang, row[key])


def _cohort(row: dict[str, Any], lang: str) -> str:
    return row.get("name") or row.get("cohort") or t("dash_no_cohort", lang)


def _figure(title: str, **layout: Any) -> go.Figure:
    return go.Figure(layout={**LAYOUT, "title": {"text": title}, **layout})


def _or_no_data(fig: go.Figure, rows: list[Any], lang: str) -> go.Figure:
    """The figure, or, with no rows to draw, its title over "no data yet" and no axes
    (an empty plot's axes run from -1 to 6, which reads as data)."""
    if rows:
        return fig
    fig.data = ()
    fig.layout.shapes = ()
    fig.update_layout(
        xaxis={"visible": False},
        yaxis={"visible": False},
        yaxis2={"visible": False},
        annotations=[
            {
                "text": t("dash_no_data_yet", lang),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "font": {"size": 18, "color": OTHER_COLOUR},
            }
        ],
    )
    return fig


def attendance(overview: dict[str, Any], lang: str) -> go.Figure:
    """Present per held webinar (bars) and their share of the trainees (line)."""
    rows = overview["attendance"]
    labels = [f"{r['date']} · {_title(r, 'webinar', lang)}" for r in rows]
    fig = _figure(
        t("dash_attendance", lang),
        yaxis={"title": {"text": t("dash_present", lang)}, "rangemode": "tozero"},
        yaxis2={
            "title": {"text": t("dash_share", lang)},
            "overlaying": "y",
            "side": "right",
            "range": [0, 1],
            "tickformat": ".0%",
        },
        legend={"orientation": "h", "y": 1.08},
    )
    fig.add_bar(
        x=labels,
        y=[r["present"] for r in rows],
        name=t("dash_present", lang),
        marker_color=PRESENT_COLOUR,
        customdata=[r["attendees"] for r in rows],
        hovertemplate="%{x}<br>%{y} / %{customdata}<extra></extra>",
    )
    fig.add_scatter(
        x=labels,
        y=[r["share"] for r in rows],
        name=t("dash_share", lang),
        yaxis="y2",
        mode="lines+markers",
        line_color=SHARE_COLOUR,
        hovertemplate="%{y:.1%}<extra></extra>",
    )
    return _or_no_data(fig, rows, lang)


def funnel(overview: dict[str, Any], lang: str) -> go.Figure:
    """The completion funnel, each step out of the trainees in scope."""
    counts = {s["step"]: s["count"] for s in overview["funnel"]}
    fig = _figure(t("dash_funnel", lang))
    fig.add_trace(
        go.Funnel(
            y=[t(f"dash_step_{k}", lang) for k in FUNNEL],
            x=[counts[k] for k in FUNNEL],
            textinfo="value+percent initial",
            marker={"color": PRESENT_COLOUR},
        )
    )
    return fig


def grades(overview: dict[str, Any], lang: str) -> go.Figure:
    """Every assignment's score distribution as one row of a heat map (share of its
    graded submissions in each bin; the count on hover)."""
    rows = [r for r in overview["grades"] if r["graded"]]
    edges = overview["bin_edges"]
    bins = [f"{edges[k]:.0%}–{edges[k + 1]:.0%}" for k in range(len(edges) - 1)]
    fig = _figure(
        t("dash_grades", lang),
        xaxis={"title": {"text": t("dash_score_share", lang)}},
        yaxis={"autorange": "reversed"},
        height=max(320, 60 + 22 * len(rows)),
    )
    fig.add_heatmap(
        x=bins,
        y=[_title(r, "assignment", lang) for r in rows],
        z=[[round(n / r["graded"], 4) for n in r["bins"]] for r in rows],
        customdata=[r["bins"] for r in rows],
        colorscale="Blues",
        zmin=0,
        colorbar={"tickformat": ".0%"},
        hovertemplate="%{y}<br>%{x}: %{customdata} (%{z:.1%})<extra></extra>",
    )
    return _or_no_data(fig, rows, lang)


def grade_histogram(overview: dict[str, Any], assignment: str, lang: str) -> go.Figure:
    """One assignment's score distribution as bars."""
    row = next(r for r in overview["grades"] if r["assignment"] == assignment)
    edges = overview["bin_edges"]
    fig = _figure(
        f"{_title(row, 'assignment', lang)}: {t('dash_graded', lang)} {row['graded']}, "
        f"{t('dash_waiting', lang)} {row['waiting']}",
        xaxis={"title": {"text": t("dash_score_share", lang)}},
        yaxis={"title": {"text": t("dash_submissions", lang)}},
    )
    fig.add_bar(
        x=[f"{edges[k]:.0%}–{edges[k + 1]:.0%}" for k in range(len(edges) - 1)],
        y=row["bins"],
        marker_color=PRESENT_COLOUR,
    )
    return fig


def supervision(overview: dict[str, Any], lang: str) -> go.Figure:
    """Supervision hours per month: trainees' hours and the hours of sessions held."""
    months = overview["supervision"]["months"]
    x = [m["month"] for m in months]
    fig = _figure(
        t("dash_supervision", lang),
        barmode="group",
        yaxis={"title": {"text": t("dash_hours", lang)}},
        legend={"orientation": "h", "y": 1.08},
    )
    fig.add_bar(
        x=x,
        y=[m["trainee_hours"] for m in months],
        name=t("dash_trainee_hours", lang),
        marker_color=PRESENT_COLOUR,
    )
    fig.add_bar(
        x=x,
        y=[m["session_hours"] for m in months],
        name=t("dash_session_hours", lang),
        marker_color=OTHER_COLOUR,
    )
    return _or_no_data(fig, months, lang)


def cohorts(overview: dict[str, Any], lang: str) -> go.Figure:
    """Cohorts compared: attendance, completion and mean score shares (bars), and
    supervision hours per trainee (markers, right axis)."""
    rows = overview["cohorts"]
    x = [_cohort(r, lang) for r in rows]
    fig = _figure(
        t("dash_cohorts", lang),
        barmode="group",
        yaxis={"range": [0, 1], "tickformat": ".0%"},
        yaxis2={
            "title": {"text": t("dash_supervision_per_trainee", lang)},
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
        },
        legend={"orientation": "h", "y": 1.1},
    )
    for key, colour in (
        ("attendance_share", PRESENT_COLOUR),
        ("completion_share", SHARE_COLOUR),
        ("mean_score_share", OTHER_COLOUR),
    ):
        fig.add_bar(
            x=x,
            y=[r[key] for r in rows],
            name=t(f"dash_{key}", lang),
            marker_color=colour,
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
        )
    fig.add_scatter(
        x=x,
        y=[r["supervision_hours_per_trainee"] for r in rows],
        name=t("dash_supervision_per_trainee", lang),
        yaxis="y2",
        mode="markers",
        marker={"size": 11, "symbol": "diamond", "color": "#333"},
    )
    return _or_no_data(fig, rows, lang)


def overview_figures(overview: dict[str, Any], lang: str) -> dict[str, go.Figure]:
    return {
        "attendance": attendance(overview, lang),
        "funnel": funnel(overview, lang),
        "grades": grades(overview, lang),
        "supervision": supervision(overview, lang),
        "cohorts": cohorts(overview, lang),
    }


def supervisees(view: dict[str, Any], lang: str) -> go.Figure:
    """A supervisor's supervisees: submitted and waiting (bars), supervision hours."""
    rows = view["supervisees"]
    x = [r["full_name"] or r["trainee"] for r in rows]
    fig = _figure(
        t("dash_supervisees", lang),
        barmode="group",
        yaxis={"title": {"text": t("dash_submissions", lang)}, "rangemode": "tozero"},
        yaxis2={
            "title": {"text": t("dash_hours", lang)},
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
        },
        legend={"orientation": "h", "y": 1.1},
    )
    fig.add_bar(
        x=x, y=[r["submitted"] for r in rows], name=t("submitted", lang), marker_color=OTHER_COLOUR
    )
    fig.add_bar(
        x=x,
        y=[r["waiting"] for r in rows],
        name=t("dash_waiting", lang),
        marker_color=SHARE_COLOUR,
    )
    fig.add_scatter(
        x=x,
        y=[r["supervision_hours"] for r in rows],
        name=t("dash_supervision_hours", lang),
        yaxis="y2",
        mode="markers",
        marker={"size": 10, "color": PRESENT_COLOUR},
    )
    return _or_no_data(fig, rows, lang)


def my_attendance(view: dict[str, Any], lang: str) -> go.Figure:
    """A trainee's minutes at each held webinar, present or not."""
    rows = view["attendance"]
    fig = _figure(
        t("dash_my_attendance", lang),
        yaxis={"title": {"text": t("dash_minutes", lang)}, "rangemode": "tozero"},
    )
    fig.add_bar(
        x=[f"{r['date']} · {_title(r, 'webinar', lang)}" for r in rows],
        y=[r["minutes"] for r in rows],
        marker_color=[PRESENT_COLOUR if r["present"] else OTHER_COLOUR for r in rows],
        customdata=[t("dash_present" if r["present"] else "dash_absent", lang) for r in rows],
        hovertemplate="%{x}<br>%{y} · %{customdata}<extra></extra>",
    )
    return _or_no_data(fig, rows, lang)


def my_scores(view: dict[str, Any], lang: str) -> go.Figure:
    """A trainee's score share per assignment; the pass mark as a line."""
    rows = [s for s in view["scores"] if s["share"] is not None]
    fig = _figure(
        t("dash_my_scores", lang),
        yaxis={"range": [0, 1.05], "tickformat": ".0%"},
    )
    fig.add_bar(
        x=[_title(r, "assignment", lang) for r in rows],
        y=[r["share"] for r in rows],
        marker_color=[OTHER_COLOUR if r["status"] == "waiting" else PRESENT_COLOUR for r in rows],
        customdata=[t(f"dash_status_{r['status']}", lang) for r in rows],
        hovertemplate="%{x}<br>%{y:.0%} · %{customdata}<extra></extra>",
    )
    if "pass_share" in view:
        fig.add_hline(y=view["pass_share"], line_dash="dot", line_color=SHARE_COLOUR)
    return _or_no_data(fig, rows, lang)
