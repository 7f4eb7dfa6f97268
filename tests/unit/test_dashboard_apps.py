"""The dashboard apps draw what the API's aggregates say, in either language, and pass the
viewer's filters on to the API."""

from __future__ import annotations

import json
import logging
import re
import threading

from test_dashboards import NOW, RULES, engine, fill, session  # noqa: F401 (fixtures)

from praxishub import dashboard_people, dashboards
from praxishub.apps.client import APIError
from praxishub.apps.dashboards_app import Overview, PersonView
from praxishub.apps.texts import t
from praxishub.dashboard_scope import Filters


class Recorded:
    """Answers the app's calls with the core's own results (as JSON, as the API sends)."""

    def __init__(self, answers: dict) -> None:
        self.answers, self.calls = answers, []

    def get(self, path: str, **params: str) -> dict:
        self.calls.append((path, {k: v for k, v in params.items() if v}))
        found = self.answers[path]
        if isinstance(found, Exception):
            raise found
        return json.loads(json.dumps(found(params) if callable(found) else found, default=str))


def test_overview_draws_the_aggregates_and_passes_filters(session):  # noqa: F811
    """Do the KPIs show the overview's numbers, and does choosing a cohort ask the API
    for that cohort's figures?"""

    def answer(params: dict) -> dict:
        return dashboards.overview(
            session, Filters(cohort=params.get("cohort") or None), RULES, NOW
        )

    api = Recorded({"api/dashboards/overview": answer})
    app = Overview(api)
    whole = dashboards.overview(session, Filters(), RULES, NOW)
    assert f">{whole['webinars_held']}<" in app.kpis.value
    assert f">{whole['unique_participants']}<" in app.kpis.value
    cohort = whole["choices"]["cohorts"][0]["cohort"]
    app.cohort.value = cohort
    assert api.calls[-1] == ("api/dashboards/overview", {"cohort": cohort})
    app.lang.value = "ru" if app.lang.value == "en" else "en"  # redrawn, not refetched
    assert len(api.calls) == 2


def test_plots_are_widget_state_redrawn_by_filters_and_language(session):  # noqa: F811
    """Are the overview's figures in its Output widget's state (drawn whenever a browser
    connects), redrawn for a chosen cohort and in the chosen language?"""

    def answer(params: dict) -> dict:
        return dashboards.overview(
            session, Filters(cohort=params.get("cohort") or None), RULES, NOW
        )

    def figures(app: Overview) -> list[dict]:
        return [o["data"]["application/vnd.plotly.v1+json"] for o in app.plots.box.outputs]

    def funnel(app: Overview) -> dict:
        return next(t for fig in figures(app) for t in fig["data"] if t.get("type") == "funnel")

    app = Overview(Recorded({"api/dashboards/overview": answer}))
    whole = dashboards.overview(session, Filters(), RULES, NOW)
    assert len(figures(app)) >= 2 and funnel(app)["x"][0] == whole["trainees"]
    cohort = whole["choices"]["cohorts"][0]["cohort"]
    app.cohort.value = cohort
    in_cohort = dashboards.overview(session, Filters(cohort=cohort), RULES, NOW)["trainees"]
    assert in_cohort != whole["trainees"] and funnel(app)["x"][0] == in_cohort
    app.lang.value = "en"
    english = [f["layout"]["title"]["text"] for f in figures(app)]
    app.lang.value = "ru"
    russian = [f["layout"]["title"]["text"] for f in figures(app)]
    assert english != russian and len(english) == len(russian)


def test_a_refusal_is_shown_not_raised():
    """Does a 403 from the API appear in the app?"""
    api = Recorded({"api/dashboards/overview": APIError(403, "this needs the dashboards scope")})
    assert "dashboards scope" in Overview(api).message.value
    api = Recorded({"api/dashboards/me": APIError(0, "the programme service did not answer")})
    assert "did not answer" in PersonView("api/dashboards/me", api).message.value


def test_person_views(session):  # noqa: F811
    """Do the supervisor's and the trainee's views show their own numbers?"""
    sup = dashboard_people.supervisor_view(session, "sup.one", NOW)
    view = PersonView("api/dashboards/supervisor", Recorded({"api/dashboards/supervisor": sup}))
    assert f">{len(sup['supervisees'])}<" in view.kpis.value
    me = dashboard_people.trainee_view(session, "t1", RULES, NOW)
    view = PersonView("api/dashboards/me", Recorded({"api/dashboards/me": me}))
    assert f">{me['cpd_hours']}<" in view.kpis.value


def test_the_export_button_offers_the_views_tables_with_its_filters(session):  # noqa: F811
    """Does the overview's export ask the API for XLSX with the chosen filters and the
    app's language, and offer the file it got as a link to save?"""
    import base64

    from praxishub.dashboard_exports import export

    whole = dashboards.overview(session, Filters(), RULES, NOW)
    asked = []

    class WithFiles(Recorded):
        def get_bytes(self, path: str, **params: str) -> bytes:
            asked.append((path, {k: v for k, v in params.items() if v}))
            data = json.loads(json.dumps(whole, default=str))
            return export(data, "overview", params["format"], None, params["lang"])[1]

    app = Overview(WithFiles({"api/dashboards/overview": whole}))
    cohort = whole["choices"]["cohorts"][0]["cohort"]
    app.cohort.value = cohort
    app.lang.value = "ru"
    app.export.button.click()
    assert asked == [
        ("api/dashboards/overview", {"format": "xlsx", "lang": "ru", "cohort": cohort})
    ]
    link = app.export.link.value
    assert "download='overview.xlsx'" in link
    encoded = link.split("base64,", 1)[1].split("'", 1)[0]
    assert base64.b64decode(encoded)[:2] == b"PK"  # an XLSX (zip) file


class Slow(Recorded):
    """The API, answering only when let go (a first load still running in its thread)."""

    def __init__(self, answers: dict) -> None:
        super().__init__(answers)
        self.asked, self.go = threading.Event(), threading.Event()

    def get(self, path: str, **params: str) -> dict:
        self.asked.set()
        assert self.go.wait(30), "never let go"
        return super().get(path, **params)


def test_the_first_load_runs_after_the_page_and_says_so(session):  # noqa: F811
    """In the shared service the page goes out before the data: does the app show
    "loading" until its first load (in a thread) has drawn, only then mark its root box
    ready, and does a language switched meanwhile wait for it and win?"""
    from praxishub.apps.dashboards_app import READY

    def answer(params: dict) -> dict:
        return dashboards.overview(
            session, Filters(cohort=params.get("cohort") or None), RULES, NOW
        )

    api = Slow({"api/dashboards/overview": answer})
    app = Overview()
    app.start(api, background=True)
    assert "praxis-loading" in app.kpis.value
    assert READY not in app.root._dom_classes
    whole = dashboards.overview(session, Filters(), RULES, NOW)
    cohort = whole["choices"]["cohorts"][0]["cohort"]
    # The viewer switches the language while the first load still waits for the API.
    assert api.asked.wait(30)
    other = "ru" if app.lang.value == "en" else "en"
    switched = threading.Thread(target=lambda: setattr(app.lang, "value", other))
    switched.start()
    api.go.set()
    app.loading.thread.join(30)
    switched.join(30)
    assert READY in app.root._dom_classes
    assert "praxis-loading" not in app.kpis.value
    assert f">{whole['webinars_held']}<" in app.kpis.value
    assert t("dash_webinars_held", other) in app.kpis.value  # drawn in the language chosen
    app.cohort.value = cohort  # the choices came with the first load
    assert api.calls[-1] == ("api/dashboards/overview", {"cohort": cohort})
    assert app.data["trainees"] < whole["trainees"]


def test_an_unexpected_error_in_the_first_load_is_shown_and_the_app_ends_ready(caplog):
    """Is a failure in the thread (not a refusal: a broken answer) told to the viewer
    with a code that finds it in the log (never the error's own text), and is the app
    still marked ready, so nobody waits for ever?"""
    from praxishub.apps.dashboards_app import READY

    api = Recorded({"api/dashboards/me": lambda _p: {"no": "fields the view needs"}})
    view = PersonView("api/dashboards/me")
    with caplog.at_level(logging.ERROR, logger="praxishub.apps.dashboards_app"):
        view.start(api, background=True)
        view.loading.thread.join(30)
    assert READY in view.root._dom_classes
    ref = re.search(r"code ([0-9a-f]{8})", view.kpis.value).group(1)
    assert "KeyError" not in view.kpis.value and "fields" not in view.kpis.value
    logged = [r for r in caplog.records if ref in r.getMessage()]
    assert logged and "KeyError" in caplog.text
