"""Login storm: N trainees log in through the proxy at once, wait for their own servers and
fetch the webinar's assignment.

Measures, for Praxis Hub (`praxishub up`: real proxy, programme service, one Unix
user per trainee; each trainee also fetches an assignment released before the storm)
and, in the same run, for a stock JupyterHub with default limits (dummy authenticator,
all servers as root, no course: login and server only): success rate, p50/p95 seconds
from the login POST to a server that answers (and, for Praxis Hub, that has fetched),
wall time, memory and CPU seconds per user server (RSS and CPU time of its process
tree), hub and proxy memory. Writes bench/results/login_storm.json.

    .venv/bin/python bench/login_storm.py [--users 50]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import requests
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
import results_file  # noqa: E402

from harness import BIN, Hub, free_port, make_programme, remove_test_users, world_dir  # noqa: E402

READY_LIMIT_S = 600
COURSE = ("tiny", "w01-check")  # the test programme's course, released before the storm
RELAUNCH_S = 10
console = Console()


def fetch(s: requests.Session, url: str, name: str, course: tuple[str, str]) -> bool:
    """The Assignments tab's Fetch, as the browser sends it (cookie and _xsrf)."""
    xsrf = s.cookies.get("_xsrf", path=f"/user/{name}/") or s.cookies.get("_xsrf", "")
    r = s.post(
        f"{url}/user/{name}/assignments/fetch",
        json={"course_id": course[0], "assignment_id": course[1]},
        headers={"X-XSRFToken": xsrf},
        timeout=120,
    )
    return r.status_code == 200 and bool(r.json().get("success"))


def storm(
    url: str, users: dict[str, str], course: tuple[str, str] | None = None
) -> tuple[dict[str, float | None], float, int]:
    """Log everyone in at once; return each user's seconds from login to a ready server
    (None: failed) and the wall time from the first login to the last ready server."""
    starts: list[float] = []
    ends: list[float] = []
    errors: dict[str, str] = {}
    retries: dict[str, int] = {}
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(f"{len(users)} logins", total=len(users))

        def one(item: tuple[str, str]) -> tuple[str, float | None]:
            # What a browser does: log in (the hub starts the server), then open JupyterLab
            # (through the proxy and the OAuth dance) until it answers.
            name, password = item
            lab = f"{url}/user/{name}/lab"
            with requests.Session() as s:
                t0 = time.monotonic()
                starts.append(t0)
                try:
                    while "jupyterhub-hub-login" not in s.cookies:
                        # A busy hub may answer the login with an error page; people retry.
                        if time.monotonic() - t0 > READY_LIMIT_S:
                            return name, None
                        s.get(f"{url}/hub/login", timeout=60)
                        r = s.post(
                            f"{url}/hub/login?next=/hub/spawn",
                            data={"username": name, "password": password},
                            headers={"X-XSRFToken": s.cookies.get("_xsrf", "")},
                            timeout=120,
                        )
                        if r.status_code == 403:  # wrong password: the bench is broken
                            errors[name] = "login refused"
                            return name, None
                        if r.status_code >= 400:
                            errors[name] = f"login: HTTP {r.status_code}"
                            retries[name] = retries.get(name, 0) + 1
                            time.sleep(2)
                    launched = time.monotonic()
                    while time.monotonic() - t0 < READY_LIMIT_S:
                        r = s.get(lab, timeout=60)
                        if r.status_code == 200 and r.url.split("?")[0] == lab:
                            if course is not None and not fetch(s, url, name, course):
                                errors[name] = "fetch failed"
                                return name, None
                            ends.append(time.monotonic())
                            return name, ends[-1] - t0
                        errors[name] = f"lab: HTTP {r.status_code} at {r.url}"
                        if r.status_code == 424 and time.monotonic() - launched > RELAUNCH_S:
                            # Not running: the hub turned the start away ("too many users
                            # are starting, try again"), so press "Launch" again, as people do.
                            s.get(f"{url}/hub/spawn", timeout=60, allow_redirects=False)
                            launched = time.monotonic()
                        time.sleep(1)
                except requests.RequestException as e:
                    errors[name] = f"{type(e).__name__}: {e}"
                finally:
                    bar.advance(task)
            return name, None

        with ThreadPoolExecutor(len(users)) as pool:
            results = dict(pool.map(one, users.items()))
    for name, why in list(errors.items())[:5]:
        if results[name] is None:
            console.print(f"[red]{name} failed[/red]: {why}")
    return results, (max(ends) - min(starts)) if ends else 0.0, sum(retries.values())


def rss_mb(procs: list[psutil.Process]) -> float:
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total / 1024**2


def cpu_s(procs: list[psutil.Process]) -> float:
    """CPU seconds (user and system) the processes used so far."""
    total = 0.0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = p.cpu_times()
            total += times.user + times.system
    return total


def memory(root_pid: int, client_cpu_s: float) -> dict[str, float]:
    tree = psutil.Process(root_pid).children(recursive=True)
    servers = [  # people's servers (a course's grading service is one too, but not a user's)
        p
        for p in tree
        # ours start as praxishub-singleuser (praxishub.fastimport), stock's as jupyterhub-
        if "-singleuser" in (line := " ".join(p.cmdline())) and "/courses/" not in line
    ]
    per_server = [rss_mb([s, *s.children(recursive=True)]) for s in servers]
    cpu = [cpu_s([s, *s.children(recursive=True)]) for s in servers]
    hub = [
        p
        for p in [psutil.Process(root_pid), *tree]
        if "bin/jupyterhub " in " ".join(p.cmdline()) + " "
    ]
    proxy = [
        p
        for p in tree
        if any(n in " ".join(p.cmdline()) for n in ("configurable-http-proxy", "praxishub.proxy"))
    ]
    others = [
        p
        for p in tree
        if p not in servers
        and not any(p in s.children(recursive=True) for s in servers)
        and p not in proxy
    ]
    users = max(len(servers), 1)
    return {
        # where the CPU went, per user: their server, the hub, the proxy, everything else
        # of the deployment (the programme service, graders), and this bench's own clients
        "cpu_breakdown_per_user_s": {
            "server": round(statistics.mean(cpu), 2) if cpu else 0.0,
            "hub": round(cpu_s(hub[:1]) / users, 2),
            "proxy": round(cpu_s(proxy) / users, 2),
            "other_services": round(cpu_s([p for p in others if p not in hub[:1]]) / users, 2),
            "bench_clients": round(client_cpu_s / users, 2),
        },
        "mem_per_user_mb": round(statistics.mean(per_server), 1) if per_server else 0.0,
        "cpu_per_user_s": round(statistics.mean(cpu), 2) if cpu else 0.0,
        "hub_mem_mb": round(rss_mb(hub[:1]), 1),
        "proxy_mem_mb": round(rss_mb(proxy), 1),
    }


def summary(
    results: dict[str, float | None], wall: float, retried: int, mem: dict[str, float]
) -> dict:
    times = sorted(t for t in results.values() if t is not None)
    failures = len(results) - len(times)
    q = statistics.quantiles(times, n=20, method="inclusive") if len(times) >= 2 else times * 19
    return {
        "users": len(results),
        "failures": failures,
        "success_rate": round(len(times) / len(results), 3),
        "wall_s": round(wall, 1),
        "p50_ready_s": round(statistics.median(times), 1) if times else None,
        "p95_ready_s": round(q[18], 1) if times else None,
        "login_errors_retried": retried,
        **mem,
    }


def run_praxishub(users: int) -> dict:
    base = world_dir("praxishub-bench-")
    hub = Hub(make_programme(base, trainees=max(users, 1)))
    try:
        hub.start(timeout=120)
        released = subprocess.run(
            [BIN / "praxishub", "courses", "release", *COURSE, "-c", hub.settings_path],
            capture_output=True,
            text=True,
        )
        if released.returncode != 0:
            raise SystemExit(f"could not release {COURSE}: {released.stderr}")
        trainees = {u: hub.logins[u]["password"] for u in hub.people("trainee")[:users]}
        before = cpu_s([psutil.Process()])
        results, wall, retried = storm(hub.url, trainees, COURSE)
        clients = cpu_s([psutil.Process()]) - before
        mode = (hub.values.get("exchange") or {}).get("mode", "api")  # the schema's default
        return {
            **summary(results, wall, retried, memory(hub.proc.pid, clients)),
            "exchange_mode": mode,
        }
    finally:
        hub.stop()
        remove_test_users()
        shutil.rmtree(base, ignore_errors=True)


STOCK_CONFIG = """
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {public}
c.JupyterHub.hub_port = {hub}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api}"
c.ConfigurableHTTPProxy.command = ["{bin}/configurable-http-proxy"]
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.Spawner.cmd = ["{bin}/jupyterhub-singleuser"]
c.Spawner.args = ["--allow-root"]
c.JupyterHub.cleanup_servers = True
"""


def run_stock(users: int) -> dict:
    base = Path(tempfile.mkdtemp(prefix="stock-hub-"))
    ports = {"public": free_port(), "hub": free_port(), "api": free_port()}
    (base / "jupyterhub_config.py").write_text(STOCK_CONFIG.format(bin=BIN, **ports))
    env = {**os.environ, "JUPYTER_PREFER_ENV_PATH": "0"}
    with (base / "hub.log").open("wb") as log:
        proc = subprocess.Popen(
            [BIN / "jupyterhub", "-f", base / "jupyterhub_config.py"],
            cwd=base,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{ports['public']}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/hub/api/", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        names = {f"stock{i:03d}": "any" for i in range(users)}
        before = cpu_s([psutil.Process()])
        results, wall, retried = storm(url, names)
        clients = cpu_s([psutil.Process()]) - before
        return summary(results, wall, retried, memory(proc.pid, clients))
    finally:
        tree = psutil.Process(proc.pid).children(recursive=True)
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        for p in tree:
            if p.is_running():
                p.kill()
        shutil.rmtree(base, ignore_errors=True)


FIGURES = (
    "success_rate",
    "failures",
    "p50_ready_s",
    "p95_ready_s",
    "wall_s",
    "mem_per_user_mb",
    "cpu_per_user_s",
    "hub_mem_mb",
    "proxy_mem_mb",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    args = parser.parse_args()
    console.print(f"Praxis Hub, {args.users} trainees at once …")
    ours = run_praxishub(args.users)
    console.print(f"Stock JupyterHub (default limits), {args.users} users at once …")
    stock = run_stock(args.users)
    table = Table(title=f"Login storm, {args.users} users at once")
    table.add_column("figure")
    table.add_column("Praxis Hub", justify="right")
    table.add_column("stock JupyterHub", justify="right")
    table.add_column("ratio (ours / stock)", justify="right")
    ratios = {}
    for key in FIGURES:
        a, b = ours[key], stock[key]
        ratios[key] = round(a / b, 2) if isinstance(a, int | float) and b else None
        table.add_row(key, str(a), str(b), "" if ratios[key] is None else f"{ratios[key]:.2f}")
    console.print(table)
    for who, figures in (("Praxis Hub", ours), ("stock", stock)):
        console.print(f"CPU seconds per user, {who}: {figures['cpu_breakdown_per_user_s']}")
    result = {
        **ours,
        "stock": stock,
        "ratios_ours_over_stock": ratios,
    }
    out = results_file.write("login_storm", result)
    console.print(f"written {out}")


if __name__ == "__main__":
    main()
