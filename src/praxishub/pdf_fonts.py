"""Fonts for PDFs with names in Russian, Kazakh, Czech, English and Chinese.

Rule: text is drawn in DejaVu Sans (Cyrillic with Kazakh letters, Latin with Czech
diacritics); the characters it lacks (Chinese) are drawn in WenQuanYi Zen Hei, run by
run. Both are TrueType files of Debian packages, found on the machine, never shipped;
a missing one is an error naming the package to install. ReportLab cannot embed
CFF-outline fonts, so Noto CJK (OpenType/CFF) does not serve.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from praxishub.errors import PraxisError, Problem

SANS, BOLD, CJK = "PraxisSans", "PraxisSans-Bold", "PraxisCJK"
FONT_DIRS_ENV = "PRAXISHUB_FONT_DIRS"  # extra folders to search, separated by ':'
DEFAULT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")


@dataclass(frozen=True)
class FontFile:
    role: str
    names: tuple[str, ...]  # file names, best first
    package: str  # the Debian package that ships the first


FONTS = (
    FontFile(SANS, ("DejaVuSans.ttf",), "fonts-dejavu-core"),
    FontFile(BOLD, ("DejaVuSans-Bold.ttf",), "fonts-dejavu-core"),
    FontFile(CJK, ("wqy-zenhei.ttc", "wqy-microhei.ttc"), "fonts-wqy-zenhei"),
)


class FontError(PraxisError):
    """A font needed to draw PDFs is not installed."""


def font_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(FONT_DIRS_ENV, "").split(":") if p]
    return [*extra, *map(Path, DEFAULT_DIRS)]


def find_font(spec: FontFile, dirs: list[Path] | None = None) -> Path:
    for folder in dirs if dirs is not None else font_dirs():
        if not folder.is_dir():
            continue
        for name in spec.names:
            found = sorted(folder.rglob(name))
            if found:
                return found[0]
    searched = ", ".join(str(d) for d in (dirs if dirs is not None else font_dirs()))
    raise FontError(
        f"The font {spec.names[0]} is not installed; PDFs need it.",
        [
            Problem(
                searched,
                f"no {' or '.join(spec.names)}",
                f"apt-get install {spec.package} (or put the file in a folder "
                f"named by {FONT_DIRS_ENV})",
            )
        ],
    )


@cache
def register() -> dict[str, object]:
    """Register the three fonts with ReportLab once; returns role -> TTFont."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = {}
    for spec in FONTS:
        path = find_font(spec)
        if path.suffix == ".ttc":
            font = TTFont(spec.role, str(path), subfontIndex=0)
        else:
            font = TTFont(spec.role, str(path))
        pdfmetrics.registerFont(font)
        fonts[spec.role] = font
    # <b> in a paragraph of PraxisSans means PraxisSans-Bold.
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, BOLD)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, BOLD)
    addMapping(CJK, 1, 0, CJK)
    addMapping(CJK, 0, 0, CJK)
    return fonts


def _covers(font: object, char: str) -> bool:
    return ord(char) in font.face.charToGlyph  # type: ignore[attr-defined]


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` neither font can draw (they would print as boxes)."""
    fonts = register()
    return sorted(
        {
            c
            for c in text
            if not c.isspace() and not _covers(fonts[SANS], c) and not _covers(fonts[CJK], c)
        }
    )


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, piece): DejaVu where it has the glyph, else the CJK font."""
    fonts = register()
    out: list[tuple[str, str]] = []
    for char in text:
        use_cjk = not _covers(fonts[SANS], char) and _covers(fonts[CJK], char)
        font = CJK if use_cjk else SANS
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def markup(text: str) -> str:
    """Paragraph markup of ``text`` (escaped) with the CJK runs in their own font."""
    return "".join(
        f'<font name="{CJK}">{escape(piece)}</font>' if font == CJK else escape(piece)
        for font, piece in runs(text)
    )


def has_cjk(text: str) -> bool:
    return any(font == CJK for font, _ in runs(text))
