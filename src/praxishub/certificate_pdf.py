"""Draw a CPD certificate as a PDF (A4 landscape), from what its database row holds.

Rule: a certificate is drawn only from its stored row (name, course and webinars as
printed, hours, date, code, check URL), so drawing it again, by the CLI or for its
holder through the service, gives the same certificate. Texts come from i18n.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from praxishub import certificates as core
from praxishub import pdf_fonts
from praxishub.i18n import t

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(day: date, lang: str) -> str:
    if lang == "ru":
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def format_number(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "ru" else text


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=pdf_fonts.SANS, fontSize=11, leading=14)
    centred = ParagraphStyle("centred", parent=base, alignment=TA_CENTER)
    return {
        "programme": ParagraphStyle("programme", parent=centred, fontSize=12, leading=15),
        "title": ParagraphStyle(
            "title", parent=centred, fontName=pdf_fonts.BOLD, fontSize=34, leading=40
        ),
        "subtitle": ParagraphStyle("subtitle", parent=centred, fontSize=14, leading=18),
        "text": ParagraphStyle("text", parent=centred, fontSize=12, leading=16),
        "name": ParagraphStyle(
            "name", parent=centred, fontName=pdf_fonts.BOLD, fontSize=26, leading=32
        ),
        "course": ParagraphStyle(
            "course", parent=centred, fontName=pdf_fonts.BOLD, fontSize=16, leading=20
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11),
        "revoked": ParagraphStyle(
            "revoked", parent=centred, fontName=pdf_fonts.BOLD, fontSize=18, textColor="#b00020"
        ),
    }


def _para(text: str, style: Any, bold: bool = False) -> Any:
    from reportlab.platypus import Paragraph

    body = pdf_fonts.markup(text)
    if bold:
        body = f"<b>{body}</b>"
    if pdf_fonts.has_cjk(text):
        style = style.clone(f"{style.name}-cjk", wordWrap="CJK")
    return Paragraph(body, style)


def render(cert: Any) -> bytes:
    """The PDF of a certificate row (``praxishub.db.Certificate``)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    pdf_fonts.register()
    lang = cert.lang
    styles = _styles()
    code = core.format_code(cert.code)
    story: list[Any] = []
    if cert.revoked_at is not None:
        story.append(_para(t("cert_revoked", lang), styles["revoked"]))
    story += [
        _para(cert.programme, styles["programme"]),
        Spacer(1, 6 * mm),
        _para(t("cert_title", lang), styles["title"]),
        _para(t("cert_subtitle", lang), styles["subtitle"]),
        Spacer(1, 8 * mm),
        _para(t("cert_awarded", lang), styles["text"]),
        Spacer(1, 3 * mm),
        _para(cert.full_name, styles["name"]),
        Spacer(1, 3 * mm),
        _para(t("cert_for", lang), styles["text"]),
        Spacer(1, 2 * mm),
        _para(f"«{cert.course_title}»" if lang == "ru" else cert.course_title, styles["course"]),
        Spacer(1, 6 * mm),
    ]
    small = styles["small"]
    webinar_lines = [
        _para(f"{format_date(date.fromisoformat(w['date']), lang)}  {w['title']}", small)
        for w in cert.webinars
    ]
    facts = [
        _para(t("cert_hours", lang) + ": " + format_number(cert.hours, lang), small, bold=True),
        _para(t("cert_date", lang) + ": " + format_date(cert.issued_at.date(), lang), small),
        _para(t("cert_code", lang) + ": " + code, small, bold=True),
        _para(t("cert_check", lang) + ":", small),
        _para(cert.verify_url, small),
    ]
    qr = QrCodeWidget(cert.verify_url)
    x0, y0, x1, y1 = qr.getBounds()
    side = 30 * mm
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.add(qr)
    left = [_para(t("cert_webinars", lang) + ":", small, bold=True), *webinar_lines]
    bottom = Table(
        [[left, facts, drawing]],
        colWidths=[130 * mm, 88 * mm, 34 * mm],
    )
    bottom.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.grey),
            ]
        )
    )
    story.append(bottom)

    def border(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#2f4f6f"))
        canvas.setLineWidth(3)
        width, height = doc.pagesize
        canvas.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=16 * mm,
        title=f"{t('cert_title', lang)}: {cert.full_name}",
        author=cert.programme,
        subject=f"{cert.course_title} ({code})",
    )
    doc.build(story, onFirstPage=border, onLaterPages=border)
    return out.getvalue()


def file_name(cert: Any) -> str:
    """``<course>-<username>-<lang>-<code>.pdf``: one file per certificate."""
    return f"{cert.course}-{cert.username}-{cert.lang}-{core.format_code(cert.code)}.pdf"
