"""Signing in through an identity provider (OpenID Connect): does the roster still decide?

A programme may log people in with its university's sign-in instead of passwords
(`authentication.class: oauthenticator.generic.GenericOAuthenticator`). Here a real OpenID
Connect provider (oidc-provider-mock, on its own port: the stand-in for the university's)
signs people in; the hub runs JupyterHub's GenericOAuthenticator against it, with Praxis
Hub's roster hook at login and the roster's refresh after it. Chromium goes through the
provider's form as a person would. Nothing of the hub is stood in for.
"""

from __future__ import annotations

import re
import subprocess
import time

import pytest
import requests
from playwright.sync_api import expect

from harness import BIN, Hub, free_port, free_ports, own_hub, read_only

pytestmark = [pytest.mark.integration, pytest.mark.browser]

PREFIX = "po-"  # Unix names of this module's people
SIGN_IN = "Programme sign-in"


@pytest.fixture(scope="module")
def idp():
    """The identity provider: a real OpenID Connect server, in a process of its own."""
    port = free_port()
    proc = subprocess.Popen(
        [BIN / "python", "-m", "oidc_provider_mock", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{url}/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "no identity provider"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def oauth_hub(idp):
    ports = free_ports("public", "hub", "proxy_api", "service", "dashboards", "courses")
    public = f"http://127.0.0.1:{ports['public']}"
    authentication = {
        "class": "oauthenticator.generic.GenericOAuthenticator",
        "refresh_seconds": 2,
        "config": {
            "client_id": "praxis-hub",
            "client_secret": "a-test-secret",
            "oauth_callback_url": f"{public}/hub/oauth_callback",
            "authorize_url": f"{idp}/oauth2/authorize",
            "token_url": f"{idp}/oauth2/token",
            "userdata_url": f"{idp}/userinfo",
            "username_claim": "sub",
            "scope": ["openid"],
            "login_service": SIGN_IN,
        },
    }
    with own_hub("oauth", PREFIX, trainees=6, authentication=authentication, ports=ports) as hub:
        yield hub


def sign_in(page, hub: Hub, subject: str):
    """From the hub's login page through the provider's form, as `subject`."""
    page.goto(f"{hub.url}/hub/login")
    page.get_by_text(f"Sign in with {SIGN_IN}").click()
    page.wait_for_url(re.compile(r"^http://localhost:\d+/oauth2/authorize"))
    page.fill("input[name=sub]", subject)
    with page.expect_navigation(url=re.compile(r"^http://127\.0\.0\.1:\d+/")) as landed:
        page.get_by_role("button", name="Authorize").click()
    return landed.value


def me(page, hub: Hub):
    """The programme service's answer about the person in the browser (its index page
    first: that is where the service's own hub login happens, as for any person)."""
    page.goto(f"{hub.url}/services/praxis/")
    return page.goto(f"{hub.url}/services/praxis/api/me")


def hub_groups(hub: Hub, username: str) -> set[str]:
    """The person's groups in the hub's own database (read-only)."""
    from praxishub.layout import Layout

    rows = read_only(
        Layout(hub.settings_path.parent).hub_db,
        "SELECT g.name FROM groups g JOIN user_group_map m ON m.group_id = g.id "
        "JOIN users u ON u.id = m.user_id WHERE u.name = ?",
        username,
    )
    return {name for (name,) in rows}


def hub_has_user(hub: Hub, username: str) -> bool:
    from praxishub.layout import Layout

    path = Layout(hub.settings_path.parent).hub_db
    return bool(read_only(path, "SELECT 1 FROM users WHERE name = ?", username))


def praxishub(hub: Hub, *args: str) -> None:
    done = subprocess.run(
        [BIN / "praxishub", "people", *args, "-c", hub.settings_path],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def person(hub: Hub, username: str) -> dict:
    return next(p for p in hub.values["people"] if p["username"] == username)


def test_roster_people_sign_in_with_their_roles_and_others_are_refused(oauth_hub, page):
    """Does a trainee of the roster get in through the provider with their role and cohort
    groups (and reach the programme service as themselves), while someone the provider
    knows but the roster does not is refused and never becomes a hub user?"""
    hub = oauth_hub
    trainee = hub.people("trainee")[0]
    sign_in(page, hub, trainee)
    me(page, hub)
    expect(page.locator("body")).to_contain_text(f'"username": "{trainee}"')
    expect(page.locator("body")).to_contain_text('"roles": ["trainee"]')
    cohort = person(hub, trainee)["cohort"]
    assert hub_groups(hub, trainee) == {"role-trainee", f"cohort-{cohort}"}

    context = page.context.browser.new_context()
    try:
        stranger = context.new_page()
        response = sign_in(stranger, hub, "n.outsider")
        assert response.status == 403
        expect(stranger.locator("body")).to_contain_text("403")
    finally:
        context.close()
    assert not hub_has_user(hub, "n.outsider")


def test_the_roster_is_asked_again_after_sign_in(oauth_hub, page):
    """After sign-in, does the hub follow the roster (not the provider's answer at login):
    a cohort change regroups the person at the next refresh, and deactivation logs them
    out, refuses them at the programme service at once, and refuses their next sign-in?"""
    hub = oauth_hub
    trainee = hub.people("trainee")[1]
    sign_in(page, hub, trainee)
    me(page, hub)
    expect(page.locator("body")).to_contain_text(f'"username": "{trainee}"')
    known = person(hub, trainee)
    other = next(c["id"] for c in hub.values["cohorts"] if c["id"] != known["cohort"])
    roster = hub.settings_path.parent / "move.csv"
    row = [trainee, known["full_name"], known["email"], "trainee", other, known.get("supervisor")]
    roster.write_text(
        "username,full_name,email,role,cohort,supervisor\n" + ",".join(v or "" for v in row) + "\n",
        "utf-8",
    )
    praxishub(hub, "import", str(roster))
    deadline = time.monotonic() + 60
    while f"cohort-{other}" not in hub_groups(hub, trainee) and time.monotonic() < deadline:
        page.goto(f"{hub.url}/hub/home")
        page.wait_for_timeout(1000)
    assert hub_groups(hub, trainee) == {"role-trainee", f"cohort-{other}"}

    praxishub(hub, "deactivate", trainee)
    response = page.goto(f"{hub.url}/services/praxis/api/me")
    assert response is not None and response.status == 403
    deadline = time.monotonic() + 60
    while "/hub/login" not in page.url and time.monotonic() < deadline:
        page.wait_for_timeout(1000)
        page.goto(f"{hub.url}/hub/home")
    assert "/hub/login" in page.url, "the hub kept a deactivated person logged in"
    again = sign_in(page, hub, trainee)
    assert again.status == 403
