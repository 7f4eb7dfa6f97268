"""A real Praxis Hub for tests: `praxishub up` with the real proxy, the programme
service and real Unix users, on free random ports of 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import requests
import yaml

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.prefix) / "bin"
HUB_CONFIG = Path(os.environ.get("PRAXISHUB_HUB_CONFIG", REPO / "hub_config/jupyterhub_config.py"))
FIXTURES = REPO / "tests" / "fixtures"
TEST_PREFIX = "pt-"  # Unix names of test users, apart from real ones (ph-)
# What Hub.start()'s polling writes to the hub's log while it comes up
_POLLING = re.compile(
    r"404 GET /(?:hub/api/|services/praxis/api/health) |Failed to get custom error page"
)


def _ephemeral_start() -> int:
    """Where the kernel's ephemeral range starts (ports it hands out for port 0)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A free port below the kernel's ephemeral range. A port a test picks is closed again and
    bound later by a hub's process; an ephemeral one could meanwhile be handed to any process
    that binds port 0 (another test's kernel took a grader service's port once, in CI), while
    no such process is ever given one from below the range."""
    low = min(_ephemeral_start(), 30000)
    if low <= 20000:  # an unusual range: no room below it, so ask the kernel
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    for _ in range(500):
        port = random.randrange(20000, low - 100)  # room for a course's ports after it
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue  # in use: another
            return port
    raise RuntimeError(f"no free port found between 20000 and {low - 100} in 500 tries")


def free_ports(*names: str) -> dict[str, int]:
    """A free port for each name, all different (the kernel may hand one out twice)."""
    ports: dict[str, int] = {}
    while len(ports) < len(names):
        port = free_port()
        if port not in ports.values():
            ports[names[len(ports)]] = port
    return ports


def world_dir(prefix: str) -> Path:
    """A temporary folder other Unix users may pass through (pytest's tmp is 0700)."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    path.chmod(0o711)
    return path


def make_programme(
    base: Path, trainees: int = 40, course_ids: tuple[str, ...] = ("tiny",), **overrides: object
) -> Path:
    """The demo programme, adapted for a test: random ports, test homes, English first;
    the courses of tests/fixtures/courses named, each taught by the first trainer and,
    on the API exchange, for the demo's cohorts."""
    data = base / "var"
    database = overrides.pop("database", None) or {}
    subprocess.run(
        [
            BIN / "praxishub",
            "demo",
            "--data-dir",
            data,
            "--trainees",
            str(trainees),
            *(["--database-url", database["url"]] if database.get("url") else []),
            *(["--hub-database-url", database["hub_url"]] if database.get("hub_url") else []),
        ],
        check=True,
        capture_output=True,
    )
    settings_path = data / "praxishub.yaml"
    values = yaml.safe_load(settings_path.read_text("utf-8"))
    home = base / "home"
    home.mkdir(mode=0o755)
    values["programme"]["languages"] = ["en", "ru", "zh"]
    values["spawner"] = {
        "home_root": str(home),
        "unix_prefix": TEST_PREFIX,
        "idle_timeout": 0,
        "start_timeout": 90,
    }
    values["ports"] = free_ports("public", "hub", "proxy_api", "service", "dashboards", "courses")
    trainers = [p["username"] for p in values["people"] if p["role"] == "trainer"]
    values["courses"] = [{"id": c, "trainers": trainers[:1]} for c in course_ids]
    if (overrides.get("exchange") or {}).get("mode", "api") == "api":
        # each course is for the demo's cohorts (all its trainees), as a programme would
        # list them; a trainee taken out of every cohort loses the course
        for course in values["courses"]:
            course["cohorts"] = [c["id"] for c in values["cohorts"]]
    values["grading"] = {"cell_timeout": 10, "total_timeout": 45}
    for key, value in overrides.items():
        values[key] = value
    if database.get("gradebook_url"):
        values.setdefault("database", {})["gradebook_url"] = database["gradebook_url"]
    tmp = settings_path.with_suffix(".new")
    tmp.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    st = settings_path.stat()
    os.chown(tmp, st.st_uid, st.st_gid)
    tmp.chmod(0o640)
    tmp.replace(settings_path)
    subprocess.run(
        [
            BIN / "praxishub",
            "courses",
            "deploy",
            "-c",
            settings_path,
            "--from",
            FIXTURES / "courses",
        ],
        check=True,
        capture_output=True,
    )
    return settings_path


@dataclass
class Hub:
    settings_path: Path
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    _tokens: dict[str, str] = field(default_factory=dict)

    @property
    def values(self) -> dict:
        return yaml.safe_load(self.settings_path.read_text("utf-8"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.values['ports']['public']}"

    @property
    def logins(self) -> dict[str, dict[str, str]]:
        return json.loads((self.settings_path.parent / "demo-logins.json").read_text("utf-8"))

    def people(self, role: str) -> list[str]:
        """The demo's people of a role (those with logins)."""
        return [u for u, info in self.logins.items() if info["role"] == role]

    def roster(self, role: str | None = None) -> set[str]:
        """Everyone (of a role) in the programme's database now, people other tests
        imported included: read straight from the database, read-only."""
        from praxishub.layout import Layout

        rows = read_only(
            Layout(self.settings_path.parent).programme_db, "SELECT username, role FROM people"
        )
        return {name for name, kind in rows if role is None or kind == role}

    def start(self, timeout: float = 60) -> None:
        self.log_path = self.settings_path.parent / "up.log"
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [BIN / "praxishub", "up", "-c", self.settings_path, "--hub-config", HUB_CONFIG],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"praxishub up exited:\n{self.log_tail()}")
            try:
                hub = requests.get(f"{self.url}/hub/api/", timeout=2)
                svc = requests.get(f"{self.url}/services/praxis/api/health", timeout=2)
                if hub.status_code == 200 and svc.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"hub not ready in {timeout}s:\n{self.log_tail()}")

    def descendants(self) -> list[psutil.Process]:
        assert self.proc is not None
        try:
            return psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def service_process(self, module: str) -> psutil.Process | None:
        """The process of the hub-managed service run as ``python -m MODULE``."""
        for proc in self.descendants():
            with contextlib.suppress(psutil.Error):
                if module in proc.cmdline():
                    return proc
        return None

    def stop(self) -> float:
        """SIGTERM `praxishub up`; return the seconds it took to exit."""
        assert self.proc is not None
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        return time.monotonic() - started

    def log_tail(self, lines: int = 60) -> str:
        """The log's last lines, without the lines start()'s own polling leaves while the hub
        comes up (404s on /hub/api/ and the health check), which would hide why it stopped."""
        if not self.log_path or not self.log_path.exists():
            return ""
        kept = [
            line
            for line in self.log_path.read_text("utf-8", "replace").splitlines()
            if not _POLLING.search(line)
        ]
        return "\n".join(kept[-lines:])

    def login(self, username: str, password: str | None = None) -> requests.Session:
        """Log in through the hub's login form, as a browser would."""
        s = requests.Session()
        # One connection per request, closed at once: no socket is left for the GC to find.
        s.headers["Connection"] = "close"
        s.get(f"{self.url}/hub/login", timeout=10)
        password = self.logins[username]["password"] if password is None else password
        r = s.post(
            f"{self.url}/hub/login",
            data={
                "username": username,
                "password": password,
                "_xsrf": s.cookies.get("_xsrf", path="/hub/"),
            },
            allow_redirects=False,
            timeout=30,
        )
        s.login_status = r.status_code  # type: ignore[attr-defined]
        return s

    def token(self, username: str) -> str:
        """An API token the person made for themselves after logging in."""
        if username not in self._tokens:
            with self.login(username) as s:
                r = s.post(
                    f"{self.url}/hub/api/users/{username}/tokens",
                    headers={"X-XSRFToken": s.cookies.get("_xsrf", path="/hub/")},
                    json={"note": "test"},
                    timeout=10,
                )
            r.raise_for_status()
            self._tokens[username] = r.json()["token"]
        return self._tokens[username]

    def api(self, username: str, method: str, path: str, **kw: object) -> requests.Response:
        headers = {"Authorization": f"token {self.token(username)}"}
        return requests.request(method, f"{self.url}{path}", headers=headers, timeout=60, **kw)

    def start_server(self, username: str, timeout: float = 90) -> None:
        r = self.api(username, "POST", f"/hub/api/users/{username}/server")
        assert r.status_code in (201, 202, 400), r.text  # 400: already running
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api(username, "GET", f"/hub/api/users/{username}").json()
            if model["servers"].get("", {}).get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"server of {username} not ready:\n{self.log_tail()}")


@contextlib.contextmanager
def own_hub(name: str, prefix: str, trainees: int, **overrides: object):
    """A running hub of a test module's own (its own Unix prefix, apart from the shared
    hub's people), stopped and cleaned up afterwards."""
    base = world_dir(f"praxishub-{name}-")
    spawner = {
        "home_root": str(base / "home"),
        "unix_prefix": prefix,
        "idle_timeout": 0,
        "start_timeout": 90,
    }
    hub = Hub(make_programme(base, trainees=trainees, spawner=spawner, **overrides))
    try:
        hub.start()
        yield hub
    finally:
        if hub.proc is not None:
            hub.stop()
        remove_test_users(prefix)
        shutil.rmtree(base, ignore_errors=True)


def kill9(procs: list[psutil.Process]) -> None:
    """SIGKILL every one of them at once, and wait until they are gone."""
    for proc in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()
    psutil.wait_procs(procs, timeout=15)


def read_only(path: Path, sql: str, *args: object) -> list[tuple]:
    """Rows of a query on an SQLite database opened read-only (a live one included)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def remove_test_users(prefix: str = TEST_PREFIX) -> None:
    """Delete the Unix users tests made (by their prefix), and their processes."""
    for line in Path("/etc/passwd").read_text().splitlines():
        name = line.split(":", 1)[0]
        if name.startswith(prefix):
            subprocess.run(["pkill", "-KILL", "-u", name], check=False)
            subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)


def browser_log_in(page, hub: Hub, username: str) -> None:
    """Log in through the hub's login form in a Playwright page."""
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", username)
    page.fill("#password_input", hub.logins[username]["password"])
    page.click("#login_submit")


def submit_case(hub: Hub, raw_case: str, case_id: str) -> None:
    """Put a synthetic raw case (tests/fixtures/cases/raw/<raw_case>) into the review queue."""
    raw = FIXTURES / "cases" / "raw" / raw_case
    done = subprocess.run(
        [
            BIN / "praxishub",
            "cases",
            "submit",
            raw / "case.md",
            "--meta",
            raw / "intake.yaml",
            "--id",
            case_id,
            "-c",
            hub.settings_path,
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
