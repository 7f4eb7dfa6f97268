"""Does apply_settings give JupyterHub the right configuration, without starting a hub?"""

from __future__ import annotations

from pathlib import Path

import pytest
from traitlets.config import Config

from praxishub.hub import ROLE_SCOPES, IsolationError, Runtime, apply_settings
from praxishub.settings import parse_settings

SETTINGS = """\
programme: {name: P, languages: [ru, en]}
ports: {public: 9000, hub: 9001, proxy_api: 9002, service: 9003}
people:
  - {username: s.orlova, full_name: S O, email: s@example.org, role: supervisor}
"""


def make(text: str = SETTINGS, *, root: bool = True) -> Config:
    settings = parse_settings(text, Path("/srv/p/praxishub.yaml"))
    runtime = Runtime(
        is_root=root, prefix=Path("/opt/venv"), service_token="t" * 64, hub_user="root"
    )
    return apply_settings(Config(), settings, runtime)


def roles(c: Config) -> dict[str, dict]:
    return {r["name"]: r for r in c.JupyterHub.load_roles}


def test_roles_are_assigned_through_role_groups():
    """Does each programme role go to its role group, with access to the programme service?"""
    got = roles(make())
    for role in ("trainee", "supervisor", "trainer", "coordinator"):
        assert got[role]["groups"] == [f"role-{role}"]
        assert "access:services!service=praxis" in got[role]["scopes"]


def test_no_user_role_holds_powers_over_other_users():
    """Does any non-admin role hold groups!group=, admin:users or access to others' servers? (No.)"""
    forbidden = ("admin:", "groups!group=", "access:servers", "servers", "users", "tokens")
    for name, role in roles(make()).items():
        if name not in ROLE_SCOPES:
            continue
        for scope in role["scopes"]:
            assert not scope.startswith(forbidden), (name, scope)


def test_custom_scopes_are_defined_and_offered_to_the_service():
    """Are the programme's actions JupyterHub custom scopes the service can see in tokens?"""
    c = make()
    assert "custom:praxis:grade" in c.JupyterHub.custom_scopes
    assert "custom:praxis:cases:publish" in c.JupyterHub.custom_scopes
    used = {s for scopes in ROLE_SCOPES.values() for s in scopes if s.startswith("custom:")}
    assert used <= set(c.JupyterHub.custom_scopes)
    service = c.JupyterHub.services[0]
    assert used <= set(service["oauth_client_allowed_scopes"])


def test_service_runs_as_its_own_unix_user_with_the_shared_token():
    """Does the programme service run as `praxis`, and does the authenticator know its token?"""
    c = make()
    service = c.JupyterHub.services[0]
    assert service["name"] == "praxis"
    assert service["user"] == "praxis"
    assert service["url"] == "http://127.0.0.1:9003"
    assert service["api_token"] == c.PraxisAuthenticator.service_token
    assert c.PraxisAuthenticator.service_url == "http://127.0.0.1:9003/services/praxis/"


def test_dashboards_service_is_open_to_all_and_holds_no_power_of_its_own():
    """Is the shared dashboards service Voila with preheated kernels, as its own Unix user,
    open to every role, with no role of its own (its kernels act with the viewer's OAuth
    token, which may carry only the viewer's programme scopes)?"""
    c = make(SETTINGS + "dashboards: {pool_size: 2}\n")
    dash = next(s for s in c.JupyterHub.services if s["name"] == "dashboards")
    assert dash["user"] == "praxis-dash"
    assert dash["url"] == "http://127.0.0.1:10102"
    assert dash["command"][1:3] == ["-m", "praxishub.dashboards_service"]
    assert dash["command"][3] == "/srv/p/var/dashboards/notebooks"
    assert "--VoilaConfiguration.preheat_kernel=True" in dash["command"]
    assert "--VoilaConfiguration.default_pool_size=2" in dash["command"]
    assert "api_token" not in dash  # the hub makes one; it can only check logins
    assert set(dash["oauth_client_allowed_scopes"]) <= {
        "access:services!service=praxis",
        *c.JupyterHub.custom_scopes,
    }
    got = roles(c)
    for role in ("trainee", "supervisor", "trainer", "coordinator"):
        assert "access:services!service=dashboards" in got[role]["scopes"]
    assert not any("dashboards" in r.get("services", []) for r in got.values())
    off = make(SETTINGS + "dashboards: {pool_size: 0}\n")
    dash = next(s for s in off.JupyterHub.services if s["name"] == "dashboards")
    assert "--VoilaConfiguration.preheat_kernel=False" in dash["command"]


def test_ports_and_state_live_under_the_data_dir():
    """Are the ports set, and the hub database and secrets under the data dir?"""
    c = make()
    assert (c.JupyterHub.port, c.JupyterHub.hub_port) == (9000, 9001)
    assert c.ConfigurableHTTPProxy.api_url == "http://127.0.0.1:9002"
    assert c.ConfigurableHTTPProxy.command == ["/opt/venv/bin/python", "-m", "praxishub.proxy"]
    assert c.JupyterHub.db_url == "sqlite:////srv/p/var/hub/jupyterhub.sqlite"
    assert c.JupyterHub.cookie_secret_file == "/srv/p/var/hub/jupyterhub_cookie_secret"


def test_root_gets_unix_user_spawner():
    """Does a hub run as root give every person their own Unix user?"""
    c = make()
    assert c.JupyterHub.spawner_class == "praxishub.spawner.UnixUserSpawner"
    assert c.UnixUserSpawner.unix_prefix == "ph-"
    assert c.UnixUserSpawner.home_root == "/srv/p/var/home"  # all state under the data dir
    assert c.UnixUserSpawner.default_language == "ru"
    assert c.Spawner.environment["JUPYTER_PREFER_ENV_PATH"] == "0"


def test_real_programme_without_root_refuses_to_start():
    """Does a non-demo programme refuse to run without root (no isolation)?"""
    with pytest.raises(IsolationError, match="needs root"):
        make(root=False)


def test_demo_without_root_runs_unisolated_and_says_so():
    """Does a demo programme without root fall back to one shared Unix user?"""
    c = make(SETTINGS.replace("name: P,", "name: P, demo: true,"), root=False)
    assert c.JupyterHub.spawner_class == "praxishub.spawner.SharedUserSpawner"
    assert "user" not in c.JupyterHub.services[0]


def test_other_authenticator_is_gated_by_the_roster():
    """Does an OAuth authenticator get its settings, the roster hook at login, and the
    roster's refresh after it (its own class, with RosterRefresh mixed in)?"""
    from oauthenticator.generic import GenericOAuthenticator

    from praxishub.auth import RosterRefresh

    text = SETTINGS + (
        "authentication:\n  class: oauthenticator.generic.GenericOAuthenticator\n"
        "  config: {client_id: abc}\n"
    )
    c = make(text)
    chosen = c.JupyterHub.authenticator_class
    assert issubclass(chosen, GenericOAuthenticator) and issubclass(chosen, RosterRefresh)
    assert chosen.__name__ == "GenericOAuthenticator"  # so c.GenericOAuthenticator applies
    assert c.GenericOAuthenticator.client_id == "abc"
    authenticator = chosen(config=c)
    assert authenticator.client_id == "abc"
    assert authenticator.roster_service_url.startswith("http://127.0.0.1:")
    assert authenticator.roster_service_token
    assert callable(c.Authenticator.post_auth_hook)
    assert c.Authenticator.manage_groups is True


def test_idle_culler_is_a_service_with_least_scopes():
    """Is the idle culler configured from spawner.idle_timeout with only the scopes it needs?"""
    c = make()
    culler = next(s for s in c.JupyterHub.services if s["name"] == "idle-culler")
    assert "--timeout=3600" in culler["command"]
    assert "admin:users" not in roles(c)["idle-culler"]["scopes"]
    c = make(SETTINGS + "spawner: {idle_timeout: 0}\n")
    assert [s["name"] for s in c.JupyterHub.services] == ["praxis", "dashboards"]


COURSES = SETTINGS.replace(
    "people:\n",
    "courses:\n  - {id: pfa, trainers: [t.one]}\npeople:\n"
    "  - {username: t.one, full_name: T O, email: t@example.org, role: trainer}\n",
)


def test_each_course_gets_a_grader_and_a_sandboxing_autograder():
    """Does each course get formgrader as grader-<id> on its own port, and an autograder
    that collects as grader-<id> and runs trainee code as sandbox-<id>?"""
    c = make(COURSES)
    services = {s["name"]: s for s in c.JupyterHub.services}
    grader, auto = services["grader-pfa"], services["autograde-pfa"]
    assert grader["user"] == "grader-pfa"
    assert "user" not in auto  # root, to start kernels as the sandbox user
    assert auto["environment"]["PRAXISHUB_GRADER_USER"] == "grader-pfa"
    assert auto["environment"]["PRAXISHUB_SANDBOX_USER"] == "sandbox-pfa"
    assert auto["environment"]["JUPYTER_PATH"].endswith("jupyter_data")
    assert grader["url"] == "http://127.0.0.1:10200"
    assert grader["cwd"] == "/srv/p/var/courses/pfa"
    assert grader["environment"]["JUPYTER_CONFIG_PATH"].endswith("jupyter_config_grader")
    assert (
        auto["environment"]["PRAXISHUB_SCORES_URL"]
        == "http://127.0.0.1:9003/services/praxis/api/scores"
    )


def test_only_the_course_trainers_group_may_open_its_grader():
    """Is access to grader-<id> given to the course's trainer group and to no programme role?"""
    got = roles(make(COURSES))
    assert got["grader-pfa-access"]["scopes"] == ["access:services!service=grader-pfa"]
    assert got["grader-pfa-access"]["groups"] == ["course-pfa-trainers"]
    for role in ROLE_SCOPES:
        assert not any("grader" in s for s in got[role]["scopes"])


def test_a_course_trainer_must_be_a_trainer():
    """Is a course whose trainer is not a trainer of the programme refused?"""
    from praxishub.errors import SettingsError

    with pytest.raises(SettingsError, match=r"'s\.orlova' is not a trainer"):
        make(COURSES.replace("trainers: [t.one]", "trainers: [s.orlova]"))
