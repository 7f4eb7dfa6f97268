"""Where state lives under the data dir, and who owns it.

Rule: all state is under the data dir. Each part belongs to one Unix user and
is readable by nobody else: ``hub/`` to the hub (root), ``praxis/`` to the
programme service. No trainee's Unix user can read either.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    data_dir: Path

    @property
    def hub_dir(self) -> Path:
        return self.data_dir / "hub"

    @property
    def praxis_dir(self) -> Path:
        return self.data_dir / "praxis"

    @property
    def homes(self) -> Path:
        """Default parent of people's homes (their own Unix users' homes)."""
        return self.data_dir / "home"

    @property
    def courses_dir(self) -> Path:
        """One nbgrader course directory per course, each owned by its grader user."""
        return self.data_dir / "courses"

    @property
    def exchange_dir(self) -> Path:
        return self.data_dir / "exchange"

    @property
    def sandbox_dir(self) -> Path:
        """Per course: where autograding kernels keep their sockets and work folders."""
        return self.data_dir / "sandbox"

    @property
    def demo_homes(self) -> Path:
        return self.data_dir / "demo-homes"

    @property
    def logins_file(self) -> Path:
        """Demo logins (synthetic people only), readable by the one who made them."""
        return self.data_dir / "demo-logins.json"

    @property
    def apps_dir(self) -> Path:
        """The Voila apps (from the repo's dashboards/), copied into each person's home."""
        return self.data_dir / "apps"

    @property
    def dashboards_dir(self) -> Path:
        """The shared dashboards service: its notebooks (readable by all) and its home."""
        return self.data_dir / "dashboards"

    @property
    def shared_dashboards(self) -> Path:
        """The notebooks the shared dashboards service serves."""
        return self.dashboards_dir / "notebooks"

    @property
    def library_dir(self) -> Path:
        """The published case library the programme service serves (cases/<case_id>/)."""
        return self.praxis_dir / "library"

    @property
    def cases_store(self) -> Path:
        """Raw intake, review drafts, reports and the deny-list: the service's alone."""
        return self.praxis_dir / "cases"

    @property
    def hub_db(self) -> Path:
        return self.hub_dir / "jupyterhub.sqlite"

    @property
    def programme_db(self) -> Path:
        return self.praxis_dir / "programme.sqlite"
