"""HTML pages of the programme service: pure functions from data to escaped HTML."""

from __future__ import annotations

from html import escape
from typing import Any

from praxishub.i18n import t

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733}
table{border-collapse:collapse}td,th{padding:.4rem .8rem;border-bottom:1px solid #d9dee5;text-align:left}
.ok{color:#1a7f37}.bad{color:#b3261e}.note{color:#57606a}
"""


def progress(rows: list[dict[str, Any]], lang: str) -> str:
    """The trainee's own scores: autograded points and the checks that failed."""
    head = (
        f"<tr><th>{t('course', lang)}</th><th>{t('assignment', lang)}</th>"
        f"<th>{t('autograded', lang)}</th><th></th><th>{t('total', lang)}</th>"
        f"<th>{t('failed_checks', lang)}</th></tr>"
    )
    body = []
    for r in rows:
        if r.get("status", "graded") != "graded":
            failed = f"<span class='bad message'>{escape(r.get('message') or '')}</span>"
        elif r["failed_checks"]:
            failed = f"<span class='bad'>{escape(', '.join(r['failed_checks']))}</span>"
        else:
            failed = f"<span class='ok'>{t('all_passed', lang)}</span>"
        body.append(
            f"<tr data-assignment='{escape(r['assignment'])}'><td>{escape(r['course'])}</td>"
            f"<td>{escape(r['assignment'])}</td>"
            f"<td class='score'>{r['auto_score']:g} / {r['auto_max']:g}</td>"
            + (
                f"<td class='bad late'>−{r['penalty_percent']:g}% {t('late', lang)}</td>"
                if r["penalty_percent"]
                else "<td></td>"
            )
            + f"<td>{r['max_score']:g}</td><td>{failed}</td></tr>"
        )
    table = (
        f"<table>{head}{''.join(body)}</table><p class='note'>{t('waiting_people', lang)}</p>"
        if rows
        else f"<p>{t('nothing_yet', lang)}</p>"
    )
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{t('my_progress', lang)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{t('my_progress', lang)}</h1>{table}</body></html>"
    )
