"""Can one trainee reach another trainee's account, server or files? (They must not.)"""

from __future__ import annotations

import contextlib
import pwd
import re

import psutil
import pytest
import requests

from kernel import execute

pytestmark = pytest.mark.integration


def test_trainee_token_cannot_see_other_users(hub):
    """Does trainee A's token get 404 for B and 403 for the user list?"""
    a, b = hub.people("trainee")[:2]
    assert hub.api(a, "GET", f"/hub/api/users/{a}").status_code == 200
    assert hub.api(a, "GET", f"/hub/api/users/{b}").status_code == 404
    assert hub.api(a, "GET", "/hub/api/users").status_code == 403
    assert hub.api(a, "GET", "/hub/api/groups").status_code == 403


def test_wrong_password_and_unknown_person_are_refused(hub):
    """Does the login form refuse a wrong password and someone not in the roster?"""
    a = hub.people("trainee")[0]
    assert hub.login(a).login_status == 302
    assert hub.login(a, password="not-the-password").login_status == 403
    assert hub.login("nobody.here", password="whatever").login_status == 403


def test_password_guessing_is_held_back_at_the_login_form(hub):
    """After 5 wrong passwords for an account (the default), is even the right one refused
    with 429 and a message naming the wait, in the browser's language, while another
    account logs in as usual? (The last trainee: no other test logs in as them.)"""
    guessed, other = hub.people("trainee")[-1], hub.people("trainee")[-2]
    assert "failed_logins" not in hub.values.get("authentication", {})  # the defaults
    assert hub.login(guessed).login_status == 302
    for _ in range(5):
        assert hub.login(guessed, password="guess-0000").login_status == 403
    held = hub.login(guessed)
    assert held.login_status == 429
    s = requests.Session()
    s.get(f"{hub.url}/hub/login", timeout=10)
    page = s.post(
        f"{hub.url}/hub/login",
        data={
            "username": guessed,
            "password": hub.logins[guessed]["password"],
            "_xsrf": s.cookies.get("_xsrf", path="/hub/"),
        },
        headers={"Accept-Language": "ru"},
        allow_redirects=False,
        timeout=30,
    )
    assert page.status_code == 429
    # the login form again, with the message where "Invalid username or password" goes
    # (the page declares utf-8 in a meta tag, as browsers read it)
    shown = re.sub(r"<[^>]+>|\s+", " ", page.content.decode("utf-8"))
    assert "Слишком много неверных паролей" in shown and "15 мин" in shown, shown
    assert 'name="password"' in page.text
    assert hub.login(other).login_status == 302
    assert "held back: too many wrong passwords" in hub.log_tail()


def test_roster_groups_reach_the_hub(hub):
    """Does a logged-in trainee carry their role and cohort groups in the hub?"""
    a = hub.people("trainee")[0]
    cohort = next(p["cohort"] for p in hub.values["people"] if p["username"] == a)
    model = hub.api(a, "GET", f"/hub/api/users/{a}").json()
    assert set(model["groups"]) == {"role-trainee", f"cohort-{cohort}"}


def test_browser_session_of_a_cannot_open_b_lab(hub):
    """Does A's logged-in browser session get into /user/B/lab? (It must not.)"""
    a, b = hub.people("trainee")[2:4]
    hub.start_server(b)
    session = hub.login(a)
    r = session.get(f"{hub.url}/user/{b}/lab", timeout=60)
    # B's server sends A to the hub for an OAuth grant, which the hub refuses.
    assert r.status_code == 403
    assert "/hub/api/oauth2/authorize" in r.url
    assert not session.cookies.get(f"jupyterhub-user-{b}", path=f"/user/{b}/")


def test_code_in_b_kernel_cannot_read_a_home(hub):
    """Does code in trainee B's kernel get PermissionError opening a file in A's home?"""
    a, b = hub.people("trainee")[4:6]
    hub.start_server(a)
    hub.start_server(b)
    home_a = pwd.getpwnam(f"pt-{a.replace('.', '_')}").pw_dir
    secret = f"{home_a}/answers.txt"
    wrote = execute(
        hub.url, a, hub.token(a), f"open({secret!r}, 'w').write('only mine'); print('ok')"
    )
    assert wrote == {"stdout": "ok\n", "error": None}
    stolen = execute(hub.url, b, hub.token(b), f"print(open({secret!r}).read())")
    assert stolen["error"] == "PermissionError"
    assert "only mine" not in stolen["stdout"]
    listed = execute(hub.url, b, hub.token(b), f"import os; print(os.listdir({home_a!r}))")
    assert listed["error"] == "PermissionError"


def test_servers_run_as_their_own_unix_users_with_private_homes(hub):
    """Does each server run as the person's own Unix user, home mode 0700?"""
    import os
    import stat

    a = hub.people("trainee")[4]
    out = execute(
        hub.url, a, hub.token(a), "import os, getpass; print(getpass.getuser(), os.getcwd())"
    )
    user, cwd = out["stdout"].split()
    assert user == f"pt-{a.replace('.', '_')}"
    assert stat.S_IMODE(os.stat(cwd).st_mode) == 0o700


def test_programme_data_is_not_readable_from_a_kernel(hub):
    """Can a trainee's code read the programme database, the settings or the hub's secrets?"""
    a = hub.people("trainee")[4]
    data = hub.settings_path.parent
    for path in (
        data / "praxis" / "programme.sqlite",
        data / "praxishub.yaml",
        data / "hub" / "jupyterhub_cookie_secret",
        data / "demo-logins.json",
    ):
        out = execute(hub.url, a, hub.token(a), f"open({str(path)!r}, 'rb').read(1)")
        assert out["error"] == "PermissionError", path


def test_anonymous_requests_get_no_data(hub):
    """Does the programme API answer an anonymous request with data? (It must not.)"""
    for path in ("/services/praxis/api/me", "/services/praxis/api/people"):
        r = requests.get(f"{hub.url}{path}", timeout=10, allow_redirects=False)
        assert r.status_code == 403


def test_programme_service_runs_as_its_own_user_and_owns_the_database(hub):
    """Does the programme service run as `praxis`, owning a database no one else can reach?"""
    users = []
    for proc in psutil.process_iter(["username", "cmdline"]):
        if "praxishub.service" not in " ".join(proc.info["cmdline"] or []):
            continue
        with contextlib.suppress(psutil.NoSuchProcess):
            if proc.environ().get("PRAXISHUB_SETTINGS") == str(hub.settings_path):
                users.append(proc.info["username"])
    assert users == ["praxis"]
    praxis_dir = hub.settings_path.parent / "praxis"
    assert praxis_dir.owner() == "praxis"
    assert praxis_dir.stat().st_mode & 0o777 == 0o700
    assert (praxis_dir / "programme.sqlite").owner() == "praxis"


def test_trainee_server_has_no_grading_tools(hub):
    """Does a trainee's own server refuse formgrader while keeping the assignment list?"""
    a = hub.people("trainee")[4]
    hub.start_server(a)
    assert hub.api(a, "GET", f"/user/{a}/formgrader").status_code == 404
    listing = hub.api(a, "GET", f"/user/{a}/assignments?course_id=none")
    assert listing.status_code == 200, listing.text
    assert "success" in listing.json()
