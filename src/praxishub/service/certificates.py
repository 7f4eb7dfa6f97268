"""Certificates and the funder report in the programme service.

Rule: thin handlers. ``GET api/certificates/<CODE>`` is public: a funder or employer
checks a code without an account, so it is a plain handler that never asks the hub who
is calling and answers only what a verifier needs (name as printed, programme, course,
hours, date of issue, valid or revoked). A trainee lists and downloads their own
certificates (anyone else's is 404). The funder report, and issuing and downloading
any trainee's certificate, need ``custom:praxis:reports`` (coordinators): a course's
assignments are its webinars and whatever is released in its exchange outbound (the
service may read that, not the course folders).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from datetime import UTC, datetime
from html import escape
from typing import Any

from jupyterhub.utils import url_path_join
from sqlalchemy.engine import Engine
from tornado import web

from praxishub import certificate_pdf, db, exchange_store, i18n, report_files, reports
from praxishub import certificate_store as store
from praxishub import certificates as core
from praxishub.errors import PraxisError
from praxishub.layout import Layout
from praxishub.service.app import BaseHandler
from praxishub.settings import load_settings

log = logging.getLogger("praxishub.service.certificates")
REPORTS = "custom:praxis:reports"
LANGS = ["ru", "en"]
CODE = r"([A-Za-z0-9-]{1,40})"
TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "json": "application/json; charset=utf-8",
}


class VerifyHandler(web.RequestHandler):
    """Public: is this certificate code real and valid? (JSON; HTML for browsers.)"""

    def initialize(self, engine: Engine, **_: Any) -> None:
        self.engine = engine

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        )

    def check_xsrf_cookie(self) -> None:
        pass  # GET only, no cookies read

    def get(self, text: str) -> None:
        with db.session_scope(self.engine) as session:
            row = store.find(session, text)
            view = store.public_view(row) if row is not None else None
        wants_html = self.get_argument("format", "") == "html" or (
            self.get_argument("format", "") != "json"
            and "text/html" in self.request.headers.get("Accept", "")
        )
        if view is None:
            self.set_status(404)
            view = {"code": text, "valid": False, "status": "unknown"}
        if wants_html:
            lang = i18n.pick_language(
                self.get_argument("lang", None),
                self.request.headers.get("Accept-Language", ""),
                LANGS,
            )
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(check_page(view, lang))
            return
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(view, ensure_ascii=False))


def check_page(view: dict[str, Any], lang: str) -> str:
    """The check result as a small page, for a person who opened the printed URL."""
    t = i18n.t
    verdict = {
        "valid": t("cert_valid", lang),
        "revoked": t("cert_revoked", lang),
        "superseded": t("cert_superseded", lang),
        "unknown": t("cert_unknown", lang),
    }[view["status"]]
    colour = "#1b5e20" if view["valid"] else "#b00020"
    rows = ""
    if view["status"] != "unknown":
        facts = [
            (t("cert_name", lang), view["name"]),
            (t("cert_programme", lang), view["programme"]),
            (t("course", lang), view["course"]),
            (t("cert_hours", lang), certificate_pdf.format_number(view["hours"], lang)),
            (t("cert_date", lang), view["issued"]),
        ]
        rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in facts)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t('cert_code', lang))} {escape(view['code'])}</title>"
        "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}"
        "th{text-align:left;padding-right:1em;vertical-align:top}</style></head><body>"
        f"<p>{escape(t('cert_code', lang))}: <code>{escape(view['code'])}</code></p>"
        f'<h1 style="color:{colour}">{escape(verdict)}</h1><table>{rows}</table></body></html>'
    )


async def send_pdf(handler: web.RequestHandler, row: Any) -> None:
    """A certificate's PDF as a download (drawn off the event loop)."""
    try:
        data = await asyncio.get_running_loop().run_in_executor(None, certificate_pdf.render, row)
    except PraxisError as exc:  # a font is missing on the server
        raise web.HTTPError(500, str(exc)) from None
    handler.set_header("Content-Type", "application/pdf")
    handler.set_header(
        "Content-Disposition", f'attachment; filename="{certificate_pdf.file_name(row)}"'
    )
    handler.finish(data)


class MyCertificatesHandler(BaseHandler):
    def get(self) -> None:
        model = self.caller()
        with db.session_scope(self.engine) as session:
            rows = [store.owner_view(r) for r in store.of_trainee(session, model["name"])]
        self.write_json({"certificates": rows})


class MyCertificatePdfHandler(BaseHandler):
    async def get(self, text: str) -> None:
        model = self.caller()
        with db.session_scope(self.engine) as session:
            row = store.find(session, text)
        if row is None or row.username != model["name"]:
            raise web.HTTPError(404, "no such certificate of yours")
        await send_pdf(self, row)


class FunderReportHandler(BaseHandler):
    def initialize(
        self, engine: Engine, service_token: str, settings_path: str | None = None
    ) -> None:
        super().initialize(engine, service_token)
        self.settings_path = settings_path

    async def get(self) -> None:
        model = self.caller()
        if not self.has_scope(model, REPORTS):
            raise web.HTTPError(403, f"the funder report needs the {REPORTS} scope")
        kind = self.get_argument("format", "json")
        if kind not in TYPES:
            raise web.HTTPError(400, "format must be xlsx, pdf or json")
        if not self.settings_path:
            raise web.HTTPError(500, "the service was started without PRAXISHUB_SETTINGS")
        try:
            period = reports.Period(
                reports.parse_day(self.get_argument("from", ""), "from"),
                reports.parse_day(self.get_argument("to", ""), "to"),
            )
            lang = i18n.pick_language(
                self.get_argument("lang", None),
                self.request.headers.get("Accept-Language", ""),
                LANGS,
            )
            cohort = self.get_argument("cohort", None) or None
            data = await asyncio.get_running_loop().run_in_executor(
                None, self._make, period, cohort, lang, kind
            )
        except PraxisError as exc:
            raise web.HTTPError(400, str(exc)) from None
        if data is None:
            raise web.HTTPError(
                409,
                "the service knows no course's webinars yet: run "
                "`praxishub reports sync-courses -c praxishub.yaml` after deploying courses",
            )
        self.set_header("Content-Type", TYPES[kind])
        if kind != "json":
            name = f"funder-{period.start}-{period.end}.{kind}"
            self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.finish(data)

    def _make(self, period: reports.Period, cohort: str | None, lang: str, kind: str) -> Any:
        settings = load_settings(str(self.settings_path))
        with db.session_scope(self.engine) as session:
            known = store.catalogue(session)
            if not known:
                return None
            report = reports.funder_report(
                session,
                known,
                core.rules_of(settings),
                period,
                programme=settings["programme"]["name"],
                cohort=cohort,
                lang=lang,
                now=datetime.now(UTC),
            )
        if kind == "xlsx":
            return report_files.xlsx_bytes(report)
        if kind == "pdf":
            return report_files.pdf_bytes(report)
        return report_files.json_bytes(report)


class ReportsBase(BaseHandler):
    """A handler for holders of the reports scope, with the settings at hand."""

    def initialize(
        self, engine: Engine, service_token: str, settings_path: str | None = None
    ) -> None:
        super().initialize(engine, service_token)
        self.settings_path = settings_path

    def check_xsrf_cookie(self) -> None:
        if not self.request.headers.get("Authorization"):
            super().check_xsrf_cookie()  # token calls cannot be forged by a browser

    def reporter(self) -> dict[str, Any]:
        model = self.caller()
        if not self.has_scope(model, REPORTS):
            raise web.HTTPError(403, f"certificates and reports need the {REPORTS} scope")
        if not self.settings_path:
            raise web.HTTPError(500, "the service was started without PRAXISHUB_SETTINGS")
        return model

    def settings(self) -> Any:
        return load_settings(str(self.settings_path))

    def lang(self, settings: Any, asked: str | None) -> str:
        if asked in LANGS:
            return str(asked)
        return next((x for x in settings["programme"]["languages"] if x in LANGS), "en")

    def course(self, session: Any, settings: Any, course_id: str) -> core.Course:
        known = store.catalogue(session)
        if course_id not in known:
            raise web.HTTPError(
                404,
                f"no deployed course {course_id!r}; courses: {', '.join(known) or 'none'} "
                "(run `praxishub courses deploy -c praxishub.yaml`)",
            )
        found = known[course_id]
        outbound = Layout(settings.data_dir).exchange_dir / course_id / "outbound"
        try:
            released = sorted(p.name for p in outbound.iterdir() if p.is_dir())
        except OSError:
            released = []
        # released through the programme API (the exchange without a shared folder) too
        released += [
            i["name"]
            for i in exchange_store.listing(session, course_id, "outbound")
            if i["name"] not in released
        ]
        webinars = {w.id for w in found.webinars}
        cases = [*found.case_assignments]
        cases += [a for a in released if a not in webinars and a not in cases]
        return core.Course(found.id, found.title, found.webinars, tuple(cases))


def _standing(result: core.Eligibility, name: str, cert: Any) -> dict[str, Any]:
    return {
        "username": result.username,
        "full_name": name,
        "eligible": result.eligible,
        "attended": len(result.attended),
        "required": result.required,
        "assignments": result.assignments,
        "hours": result.hours,
        "reasons": list(result.reasons),
        "certificate": None
        if cert is None
        else {
            "code": core.format_code(cert.code),
            "issued": cert.issued_at.date().isoformat(),
            "hours": cert.hours,
            "pdf": f"{core.format_code(cert.code)}.pdf",
        },
    }


class CourseCertificatesHandler(ReportsBase):
    """GET: every trainee's standing in a course and their valid certificate, if any."""

    def get(self) -> None:
        self.reporter()
        settings = self.settings()
        lang = self.lang(settings, self.get_argument("lang", None))
        with db.session_scope(self.engine) as session:
            known = list(store.catalogue(session))
            course_id = self.get_argument("course", "") or (known[0] if known else "")
            if not course_id:
                self.write_json({"courses": [], "course": None, "trainees": []})
                return
            course = self.course(session, settings, course_id)
            names = {p.username: p.full_name for p in store.trainees(session)}
            rows = [
                _standing(
                    r, names[r.username], store.valid_of(session, r.username, course.id, lang)
                )
                for r in store.eligibility(session, course, core.rules_of(settings))
            ]
        self.write_json({"courses": known, "course": course_id, "lang": lang, "trainees": rows})


class IssueCertificatesHandler(ReportsBase):
    """POST {course, lang?, usernames?}: issue the course's certificate to those who
    earned it (issuing again changes nothing while what is printed is unchanged)."""

    def post(self) -> None:
        model = self.reporter()
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "send a JSON object") from None
        if not isinstance(body, dict) or not isinstance(body.get("course"), str):
            raise web.HTTPError(400, 'send {"course": "<course id>"}')
        usernames = body.get("usernames")
        if usernames is not None and not (
            isinstance(usernames, list) and all(isinstance(u, str) for u in usernames)
        ):
            raise web.HTTPError(400, "usernames must be a list of usernames")
        settings = self.settings()
        lang = self.lang(settings, body.get("lang"))
        with db.session_scope(self.engine) as session:
            course = self.course(session, settings, body["course"])
            issued, results = store.issue_course(
                session,
                course,
                core.rules_of(settings),
                settings["programme"]["name"],
                lang,
                core.verify_base(settings),
                usernames,
            )
            answer = {
                "course": course.id,
                "lang": lang,
                "issued": [
                    {
                        "username": i.certificate.username,
                        "code": core.format_code(i.certificate.code),
                        "status": i.status,
                        "hours": i.certificate.hours,
                    }
                    for i in issued
                ],
                "not_eligible": [
                    {"username": r.username, "reasons": list(r.reasons)}
                    for r in results
                    if not r.eligible
                ],
            }
        log.info(
            "%s issued %s certificates of %s",
            model["name"],
            sum(i["status"] != store.UNCHANGED for i in answer["issued"]),
            course.id,
        )
        self.write_json(answer)


class CertificatePdfHandler(ReportsBase):
    """GET: any certificate's PDF, for holders of the reports scope."""

    async def get(self, text: str) -> None:
        self.reporter()
        with db.session_scope(self.engine) as session:
            row = store.find(session, text)
        if row is None:
            raise web.HTTPError(404, "no certificate has this code")
        await send_pdf(self, row)


def routes(
    prefix: str, args: dict[str, Any], settings_path: str | None = None
) -> list[tuple[str, type, dict[str, Any]]]:
    settings_path = settings_path or os.environ.get("PRAXISHUB_SETTINGS")
    reporting = {**args, "settings_path": settings_path}
    return [
        (url_path_join(prefix, "api/me/certificates"), MyCertificatesHandler, args),
        (url_path_join(prefix, f"api/me/certificates/{CODE}\\.pdf"), MyCertificatePdfHandler, args),
        (url_path_join(prefix, "api/certificates"), CourseCertificatesHandler, reporting),
        (url_path_join(prefix, "api/certificates/issue"), IssueCertificatesHandler, reporting),
        (url_path_join(prefix, f"api/certificates/{CODE}\\.pdf"), CertificatePdfHandler, reporting),
        (url_path_join(prefix, f"api/certificates/{CODE}"), VerifyHandler, args),
        (
            url_path_join(prefix, "api/reports/funder"),
            FunderReportHandler,
            reporting,
        ),
    ]
