"""The shared dashboards service (/services/dashboards/) through the real hub and proxy:
only logged-in people get in, each sees what the programme API lets them see, and
nothing but rendered dashboards is reachable: no JupyterLab, terminals, files or code."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import uuid
from pathlib import Path

import psutil
import pytest
import requests
import websocket

pytestmark = pytest.mark.integration

BASE = "/services/dashboards"
OVERVIEW = f"{BASE}/voila/render/programme_overview.ipynb"
# A figure only the programme-wide overview draws (its data needs dashboards:present).
PROGRAMME_FIGURE = "Cohorts compared"
READY = "praxis-ready"  # praxishub.apps.dashboards_app.READY: the first load has ended


# Everything but rendered dashboards: refused to anyone, however logged in.
UNREACHABLE = [
    ("GET", "/lab"),
    ("GET", "/tree"),
    ("GET", "/terminals/1"),
    ("GET", "/api/terminals"),
    ("POST", "/api/terminals"),
    ("GET", "/api/contents"),
    ("PUT", "/api/contents/x.ipynb"),
    ("GET", "/api/kernels"),
    ("POST", "/api/kernels"),
    ("GET", "/api/sessions"),
    ("GET", "/voila/files/programme_overview.ipynb"),
    ("GET", "/voila/files/../praxis/programme.sqlite"),
    ("GET", "/voila/files/%2e%2e/%2e%2e/praxis/programme.sqlite"),
    ("GET", "/voila/static/../../../../../etc/passwd"),
    ("GET", "/voila/api/contents/%2e%2e"),
    ("GET", "/voila/render/%2e%2e/apps/grading_desk.ipynb"),
]


def render(hub, username: str, path: str = OVERVIEW, **kw):
    s = hub.login(username)
    r = s.get(f"{hub.url}{path}", timeout=120, **kw)
    return s, r


def cookie_header(session) -> str:
    return "; ".join(f"{c.name}={c.value}" for c in session.cookies)


def kernel_id(page: str) -> str:
    found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page)
    assert found, "no kernel id in the rendered page"
    return found.group(1)


def test_only_logged_in_people_get_in(hub):
    """Does a visitor with no hub login get sent to the hub's login, never a dashboard?"""
    r = requests.get(f"{hub.url}{OVERVIEW}", allow_redirects=False, timeout=30)
    assert r.status_code == 302
    assert "/hub/" in r.headers["Location"]
    r = requests.get(f"{hub.url}{OVERVIEW}", timeout=30)
    assert PROGRAMME_FIGURE not in r.text and "kernelId" not in r.text


def shown(hub, username: str, **kw) -> str:
    """Everything the overview shows one viewer once it has loaded: the page and its
    widgets' state, asked of the page's kernel as the browser asks (ipywidgets' control
    comm, request_states), again until the app's root box says its first load has ended
    (class ``praxis-ready``: the page is sent before the data, which follow as widget
    updates)."""
    s, r = render(hub, username, **kw)
    assert r.status_code == 200
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{hub.values['ports']['public']}{BASE}/api/kernels/"
        f"{kernel_id(r.text)}/channels",
        header=[f"Cookie: {cookie_header(s)}"],
        origin=hub.url,
        timeout=30,
    )
    comm = uuid.uuid4().hex
    try:
        ws.send(
            json.dumps(
                message(
                    "comm_open",
                    {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}},
                    {"version": "1.0.0"},
                )
            )
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            states = widget_states(ws, comm, deadline)
            if any(
                READY in (st.get("state", {}).get("_dom_classes") or ()) for st in states.values()
            ):
                return r.text + json.dumps(states, ensure_ascii=False)
            time.sleep(0.2)
        raise AssertionError(f"the page's app never finished its first load ({READY})")
    finally:
        ws.close()


def widget_states(ws, comm: str, deadline: float) -> dict:
    """The kernel's widget states, asked once on the control comm."""
    ws.send(
        json.dumps(
            message(
                "comm_msg",
                {"comm_id": comm, "data": {"method": "request_states"}},
                {"version": "1.0.0"},
            )
        )
    )
    while time.monotonic() < deadline:
        frame = ws.recv()
        if isinstance(frame, bytes):
            continue  # a message with binary buffers: not the states' reply here
        msg = json.loads(frame)
        data = msg.get("content", {}).get("data", {})
        if msg["msg_type"] == "comm_msg" and data.get("method") == "update_states":
            return data["states"]
    raise AssertionError("the page's kernel sent no widget states")


def message(msg_type: str, content: dict, metadata: dict | None = None) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "username": "x",
            "session": uuid.uuid4().hex,
            "msg_type": msg_type,
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": metadata or {},
        "content": content,
        "channel": "shell",
        "buffers": [],
    }


def test_each_viewer_sees_what_the_api_lets_them_see(hub):
    """Does a coordinator's overview carry the programme's figures and a trainee's not,
    even when the trainee sends a viewer token of their own making (or the coordinator's)?
    (The figures are the app's widget state, which the browser asks the kernel for.)"""
    coordinator = hub.people("coordinator")[0]
    assert PROGRAMME_FIGURE in shown(hub, coordinator)
    trainee = hub.people("trainee")[3]
    assert PROGRAMME_FIGURE not in shown(hub, trainee)
    spoofed = {"X-Praxis-Viewer-Token": hub.token(coordinator)}
    assert PROGRAMME_FIGURE not in shown(hub, trainee, headers=spoofed)


def test_nothing_but_dashboards_is_reachable(hub):
    """Lab, notebook tree, terminals, contents, kernels, sessions, files outside the
    dashboards and the programme database: all refused to a logged-in coordinator."""
    s = hub.login(hub.people("coordinator")[0])
    assert s.get(f"{hub.url}{BASE}/", timeout=60).status_code == 200  # the list of dashboards
    xsrf = {"X-XSRFToken": s.cookies.get("_xsrf", path="/hub/") or ""}
    refused = []
    for method, path in UNREACHABLE:
        r = s.request(method, f"{hub.url}{BASE}{path}", headers=xsrf, timeout=60)
        assert r.status_code >= 400, f"{method} {path}: {r.status_code} {r.text[:200]}"
        assert "root:x:" not in r.text and "SQLite format" not in r.text
        refused.append(path)
    assert len(refused) == len(UNREACHABLE) == 16


def test_a_viewer_cannot_run_code_in_their_kernel(hub, tmp_path):
    """Voila's kernels take widget messages only: an execute request sent on the page's
    own kernel channel runs nothing, while a kernel_info request is answered."""
    s, r = render(hub, hub.people("trainee")[5], f"{BASE}/voila/render/my_progress.ipynb")
    kid = kernel_id(r.text)
    marker = Path("/tmp") / f"praxis-pwned-{uuid.uuid4().hex}"
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{hub.values['ports']['public']}{BASE}/api/kernels/{kid}/channels",
        header=[f"Cookie: {cookie_header(s)}"],
        origin=hub.url,
        timeout=30,
    )
    try:

        def send(msg_type: str, content: dict) -> str:
            msg_id = uuid.uuid4().hex
            ws.send(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "username": "x",
                            "session": uuid.uuid4().hex,
                            "msg_type": msg_type,
                            "version": "5.3",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "content": content,
                        "channel": "shell",
                        "buffers": [],
                    }
                )
            )
            return msg_id

        code = f"open({str(marker)!r}, 'w').write('x')"
        run = send("execute_request", {"code": code, "silent": False})
        info = send("kernel_info_request", {})
        replies = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            replies.append((msg["msg_type"], msg["parent_header"].get("msg_id")))
            if ("kernel_info_reply", info) in replies:
                break
        assert ("kernel_info_reply", info) in replies  # the channel works
        time.sleep(2)
        assert not any(parent == run for _, parent in replies)
        assert not marker.exists()
    finally:
        ws.close()
        marker.unlink(missing_ok=True)


def test_request_info_socket_is_not_reachable_through_the_proxy(hub):
    """The socket that hands a preheated kernel its viewer's token answers the kernels on
    this machine only: through the proxy, even with a valid login and kernel id, 403."""
    s, r = render(hub, hub.people("trainee")[6], f"{BASE}/voila/render/my_progress.ipynb")
    kid = kernel_id(r.text)
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(
            f"ws://127.0.0.1:{hub.values['ports']['public']}{BASE}/voila/query/{kid}",
            header=[f"Cookie: {cookie_header(s)}"],
            origin=hub.url,
            timeout=30,
        )
    assert refused.value.status_code == 403


def _kernels(unix_user: str | None) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["username", "cmdline"]):
        cmd = " ".join(proc.info["cmdline"] or [])
        ours = unix_user is None or proc.info["username"] == unix_user
        if "ipykernel" in cmd and "voila_" in cmd and ours:
            found.append(proc)
    return found


def test_kernels_run_as_their_own_user_without_the_service_token(hub):
    """Do the preheated kernels run as the dashboards' Unix user (root CI), with neither
    the service's hub token nor a way to read the programme's database?"""
    render(hub, hub.people("coordinator")[0])
    user = hub.values.get("dashboards", {}).get("unix_user", "praxis-dash")
    mine = _kernels(user if os.geteuid() == 0 else None)
    assert mine, "no dashboard kernel found"
    for proc in mine:
        environ = proc.environ()
        assert "JUPYTERHUB_API_TOKEN" not in environ
        assert environ.get("PRAXISHUB_SHARED_DASHBOARDS") == "1"
    if os.geteuid() == 0:
        db = Path(hub.settings_path).parent / "praxis" / "programme.sqlite"
        assert db.exists()
        read = subprocess.run(
            ["runuser", "-u", user, "--", "head", "-c", "16", str(db)], capture_output=True
        )
        assert read.returncode != 0 and b"SQLite" not in read.stdout
