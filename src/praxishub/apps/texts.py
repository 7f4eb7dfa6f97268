"""The apps' interface texts (kept in praxishub.i18n) in the person's language."""

from __future__ import annotations

import os

from praxishub import i18n


def language() -> str:
    """The person's language: their server's setting, or in the shared dashboards
    service the first of their browser's languages we have, else the programme's."""
    from praxishub.apps.client import await_viewer

    await_viewer()
    for part in os.environ.get("HTTP_ACCEPT_LANGUAGE", "").split(","):
        lang = part.split(";")[0].strip().lower()[:2]
        if lang in ("ru", "en"):
            return lang
    return programme_language()


def programme_language() -> str:
    """The programme's (or the server's) language, known before any viewer is."""
    lang = os.environ.get("PRAXISHUB_LANGUAGE", "en")
    return lang if lang in ("ru", "en") else "en"


def t(key: str, lang: str | None = None, **values: object) -> str:
    text = i18n.t(key, lang or language())
    return text.format(**values) if values else text


def error_html(exc: Exception) -> str:
    """A refusal or failure to show a person, escaped."""
    import html

    return f"<b style='color:#a00'>{html.escape(str(exc))}</b>"


def ok_html(text: str) -> str:
    import html

    return f"<b style='color:#060'>{html.escape(text)}</b>"
