"""nbgrader exchange plugins for Praxis Hub.

Rule: a submission counts only if the Unix user who owns it is the trainee it
names. nbgrader itself only warns when they differ; here such a submission is
refused at collection and logged, and the trainee's own submissions are
collected as if it had never been made.
"""

from __future__ import annotations

import glob
import os
import pwd
from collections import defaultdict

from nbgrader.exchange.default.collect import ExchangeCollect


def hub_name(unix_owner: str, prefix: str) -> str | None:
    """The hub username behind a person's Unix name (inverse of unixusers.unix_name)."""
    if not prefix or not unix_owner.startswith(prefix):
        return None
    return unix_owner[len(prefix) :].replace("_", ".")


class OwnerCheckedCollect(ExchangeCollect):
    """Collect only submissions owned by the trainee they name."""

    def init_src(self) -> None:
        super().init_src()  # checks the course, reads the due date
        prefix = os.environ.get("PRAXISHUB_UNIX_PREFIX", "")
        if os.environ.get("PRAXISHUB_ISOLATION") == "none":
            return  # demo mode: one Unix user owns everything, there is nothing to check
        student = self.coursedir.student_id or "*"
        pattern = os.path.join(self.inbound_path, f"{student}+{self.coursedir.assignment_id}+*")
        by_student: dict[str, list[dict]] = defaultdict(list)
        for path in glob.glob(pattern):
            record = self._path_to_record(path)
            try:
                owner = pwd.getpwuid(os.stat(path).st_uid).pw_name
            except KeyError:
                owner = "unknown"
            if hub_name(owner, prefix) != record["username"]:
                self.log.error(
                    "Refused %s: it names %s but belongs to Unix user %s",
                    record["filename"],
                    record["username"],
                    owner,
                )
                continue
            by_student[record["username"]].append(record)
        self.src_records = [self._pick(records) for records in by_student.values()]

    def _pick(self, records: list[dict]) -> dict:
        records = self._sort_by_timestamp(records)
        if self.duedate is not None and self.before_duedate:
            on_time = [r for r in records if r["timestamp"] <= self.duedate]
            if on_time:
                return on_time[0]
        return records[0]
