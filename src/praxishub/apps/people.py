"""People app: a coordinator imports a roster file (CSV or XLSX) and so assigns supervisors.

Rule: as every app, it holds no rights: ``POST api/people/import`` decides who may import
and what the file means, exactly as ``praxishub people import`` would. "Check" sends a dry
run and shows what would change; "Import" is offered only for the file just checked.
After an import, first passwords for the new people (``POST api/people/passwords``) are
shown once, with a CSV to hand them out; a password already set is never replaced.
"""

from __future__ import annotations

import base64
import csv
import html
import io
from typing import Any

import ipywidgets as widgets

from praxishub.apps.client import APIError, ProgrammeAPI
from praxishub.apps.texts import error_html, ok_html, t
from praxishub.apps.uploads import chosen, file_body, file_label, problems_html, table_html

MANAGE = "custom:praxis:people:manage"
ROLE_ORDER = ("coordinator", "trainer", "supervisor", "trainee")
FIELDS = {
    "full_name": "imp_full_name",
    "email": "imp_email",
    "role": "imp_role",
    "cohort": "imp_cohort",
    "supervisor": "imp_supervisor",
}


def preview_html(answer: dict[str, Any]) -> str:
    """The plan or result of an import: counts, rows that change, supervisor assignments."""
    counts = {k: answer[k] for k in ("created", "updated", "unchanged")}
    lines = [ok_html(t("imp_preview" if not answer.get("applied") else "imp_done", **counts))]
    changing = [r for r in answer["rows"] if r["action"] != "unchanged"]
    if changing:
        rows = [
            (
                r["line"],
                r["username"],
                r["full_name"],
                r["role"],
                r["cohort"] or "",
                r["supervisor"] or "",
                t(f"imp_{r['action']}") if r["action"] else "",
                "; ".join(
                    f"{t(FIELDS[field])}: {old or '—'} → {new or '—'}"
                    for field, (old, new) in r["changes"].items()
                ),
            )
            for r in changing
        ]
        headers = [
            t(k)
            for k in (
                "imp_line",
                "imp_username",
                "imp_full_name",
                "imp_role",
                "imp_cohort",
                "imp_supervisor",
                "imp_action",
                "imp_changes",
            )
        ]
        lines.append(table_html(headers, rows, "praxis-plan"))
    if answer["supervisors"]:
        none = t("imp_nobody")
        assigned = [
            (
                f"{a['full_name']} ({a['username']})",
                f"{a['was'] or none} → {a['supervisor'] or none}",
            )
            for a in answer["supervisors"]
        ]
        lines.append(f"<h4>{html.escape(t('imp_supervisors'))}</h4>")
        lines.append(
            table_html([t("imp_username"), t("imp_supervisor")], assigned, "praxis-supervisors")
        )
    declared = answer.get("declared")
    if declared:
        names = ", ".join(declared["usernames"])
        lines.append(f"<p style='color:#a60'>{html.escape(t('imp_declared', names=names))}</p>")
    if answer.get("applied") and answer["created"]:
        lines.append(f"<p>{html.escape(t('imp_passwords'))}</p>")
    return "".join(lines)


def passwords_html(answer: dict[str, Any]) -> str:
    """First passwords, shown once: a table and the same as a CSV to download."""
    if not answer["issued"]:
        lines = [ok_html(t("imp_first_none"))]
    else:
        rows = [(i["username"], i["full_name"], i["password"]) for i in answer["issued"]]
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["username", "full_name", "password"])
        writer.writerows(rows)
        data = base64.b64encode(out.getvalue().encode("utf-8-sig")).decode()
        headers = [t("imp_username"), t("imp_full_name"), t("imp_password")]
        lines = [
            f"<p style='color:#a60'>{html.escape(t('imp_first_shown'))}</p>",
            table_html(headers, rows, "praxis-passwords"),
            f"<a class='praxis-passwords-file' download='first-passwords.csv' "
            f"href='data:text/csv;base64,{data}'>{html.escape(t('imp_first_file'))}</a>",
        ]
    if answer["skipped"]:
        names = ", ".join(s["username"] for s in answer["skipped"])
        lines.append(f"<p>{html.escape(t('imp_first_skipped', names=names))}</p>")
    return "".join(lines)


def roster_html(found: list[dict[str, Any]]) -> str:
    """Everyone the coordinator sees, staff first, each with their supervisor's name."""
    names = {p["username"]: p["full_name"] for p in found}
    order = {role: i for i, role in enumerate(ROLE_ORDER)}
    rows = [
        (
            p["username"],
            p["full_name"],
            p["role"],
            p.get("cohort") or "",
            f"{names.get(p['supervisor'], '')} ({p['supervisor']})" if p.get("supervisor") else "",
        )
        for p in sorted(found, key=lambda p: (order.get(p["role"], 9), p["username"]))
    ]
    headers = [t(k) for k in ("imp_username", "imp_full_name", "imp_role", "imp_cohort")]
    title = f"<h3>{html.escape(t('imp_roster', n=len(found)))}</h3>"
    return title + table_html([*headers, t("imp_supervisor")], rows, "praxis-roster")


class PeopleImport:
    def __init__(self, api: ProgrammeAPI) -> None:
        self.api = api
        self.upload = widgets.FileUpload(
            accept=".csv,.xlsx", multiple=False, description=t("imp_choose")
        )
        self.file = widgets.HTML()
        self.check_button = widgets.Button(description=t("imp_check"), icon="search")
        self.check_button.on_click(lambda _b: self.send(dry_run=True))
        self.apply_button = widgets.Button(
            description=t("imp_apply"), button_style="primary", disabled=True
        )
        self.apply_button.on_click(lambda _b: self.send(dry_run=False))
        self.result = widgets.HTML()
        self.new_people: list[str] = []
        self.first_new = widgets.Button(icon="key", layout=widgets.Layout(display="none"))
        self.first_new.on_click(lambda _b: self.first_passwords(self.new_people))
        self.first_all = widgets.Button(description=t("imp_first_all"), icon="key")
        self.first_all.on_click(lambda _b: self.first_passwords(None))
        self.passwords = widgets.HTML()
        self.leavers = widgets.Text(placeholder=t("imp_leavers_placeholder"))
        self.deactivate_button = widgets.Button(description=t("imp_deactivate"), icon="user-times")
        self.deactivate_button.on_click(lambda _b: self.set_active(False))
        self.reactivate_button = widgets.Button(description=t("imp_reactivate"), icon="undo")
        self.reactivate_button.on_click(lambda _b: self.set_active(True))
        self.leavers_result = widgets.HTML()
        self.roster = widgets.HTML()
        self.upload.observe(lambda _c: self._chosen(), names="value")
        self.box = widgets.VBox(
            [
                widgets.HTML(f"<p>{html.escape(t('imp_people_intro'))}</p>"),
                widgets.HBox([self.upload, self.check_button, self.apply_button]),
                self.file,
                self.result,
                widgets.HBox([self.first_new, self.first_all]),
                self.passwords,
                widgets.HTML(f"<p>{html.escape(t('imp_leavers'))}</p>"),
                widgets.HBox([self.leavers, self.deactivate_button, self.reactivate_button]),
                self.leavers_result,
                self.roster,
            ]
        )
        self.refresh()

    def _chosen(self) -> None:
        # A new file must be checked before it may be imported.
        self.apply_button.disabled = True
        self.file.value = file_label(self.upload)
        self.result.value = ""

    def send(self, *, dry_run: bool) -> None:
        found = chosen(self.upload)
        if found is None:
            self.result.value = error_html(Exception(t("imp_no_file")))
            return
        try:
            answer = self.api.post("api/people/import", file_body(*found, dry_run))
        except APIError as exc:
            self.apply_button.disabled = True
            self.result.value = problems_html(exc)
            return
        self.result.value = preview_html(answer)
        self.apply_button.disabled = not dry_run or not (answer["created"] or answer["updated"])
        if not dry_run:
            self.new_people = [r["username"] for r in answer["rows"] if r["action"] == "created"]
            self.first_new.description = t("imp_first_new", n=len(self.new_people))
            self.first_new.layout.display = None if self.new_people else "none"
            self.refresh()

    def first_passwords(self, usernames: list[str] | None) -> None:
        body: dict[str, Any] = (
            {"without_password": True} if usernames is None else {"usernames": usernames}
        )
        try:
            answer = self.api.post("api/people/passwords", body)
        except APIError as exc:
            self.passwords.value = error_html(exc)
            return
        self.passwords.value = passwords_html(answer)
        if usernames is not None:
            self.first_new.layout.display = "none"  # shown once: not again for the same

    def set_active(self, active: bool) -> None:
        """Deactivate (or reactivate) the usernames typed, and show what changed."""
        usernames = [u.strip() for u in self.leavers.value.replace(";", ",").split(",")]
        usernames = [u for u in usernames if u]
        if not usernames:
            self.leavers_result.value = error_html(Exception(t("imp_no_usernames")))
            return
        try:
            answer = self.api.post("api/people/active", {"usernames": usernames, "active": active})
        except APIError as exc:
            self.leavers_result.value = error_html(exc)
            return
        lines = []
        if answer["changed"]:
            key = "imp_reactivated" if active else "imp_deactivated"
            lines.append(t(key, names=", ".join(answer["changed"])))
        if answer["skipped"]:
            names = ", ".join(f"{s['username']} ({s['reason']})" for s in answer["skipped"])
            lines.append(t("imp_active_skipped", names=names))
        if answer.get("servers_stopped"):
            lines.append(t("imp_servers_stopped", names=", ".join(answer["servers_stopped"])))
        if answer.get("servers_not_stopped"):
            names = ", ".join(s["username"] for s in answer["servers_not_stopped"])
            lines.append(t("imp_servers_not_stopped", names=names))
        self.leavers_result.value = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        if answer["changed"]:
            self.leavers.value = ""
            self.refresh()

    def refresh(self) -> None:
        try:
            found = self.api.get("api/people")["people"]
        except APIError as exc:
            self.roster.value = error_html(exc)
            return
        self.roster.value = roster_html(found)


def app(api: ProgrammeAPI | None = None) -> widgets.Widget:
    api = api or ProgrammeAPI()
    title = widgets.HTML(f"<h2>{html.escape(t('imp_people_title'))}</h2>")
    try:
        me = api.get("api/me")
    except APIError as exc:
        return widgets.VBox([title, widgets.HTML(error_html(exc))])
    if MANAGE not in me.get("scopes", []):
        return widgets.VBox(
            [title, widgets.HTML(error_html(Exception(t("imp_only_coordinators"))))]
        )
    return widgets.VBox([title, PeopleImport(api).box])
