"""The apps' interface texts (kept in praxishub.i18n) in the person's language."""

from __future__ import annotations

import os

from praxishub import i18n


def language() -> str:
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
