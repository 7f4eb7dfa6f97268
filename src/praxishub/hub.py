"""Apply Praxis Hub settings to a JupyterHub configuration.

Rule (as in the-littlest-jupyterhub): ``apply_settings`` is pure. It only
*sets* traitlets on the ``Config`` it is given, from the settings and the
runtime facts handed to it; it reads no file and starts nothing, so tests call
it on a plain ``Config()``.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from traitlets.config import Config

from praxishub.auth import roster_checked, roster_hook
from praxishub.courses import courses_of, grader_env, sandbox_user, trainer_group
from praxishub.layout import Layout
from praxishub.settings import Settings

SERVICE = "praxis"
ACCESS = f"access:services!service={SERVICE}"
DASHBOARDS = "dashboards"
DASHBOARDS_ACCESS = f"access:services!service={DASHBOARDS}"
# Login cookies of the hub, the services and every server: never sent with another site's
# requests (browsers differ in what they assume when SameSite is missing).
COOKIE_OPTIONS = {"samesite": "Lax"}

# Programme actions, checked by the programme service against the caller's scopes.
CUSTOM_SCOPES: dict[str, dict[str, str]] = {
    "custom:praxis:learn": {"description": "Take courses and submit own work."},
    "custom:praxis:supervise": {"description": "See and supervise own supervisees."},
    "custom:praxis:grade": {"description": "Grade submissions one may see."},
    "custom:praxis:courses:manage": {"description": "Write, release and deploy courses."},
    "custom:praxis:cases:contribute": {"description": "Submit cases for review."},
    "custom:praxis:cases:publish": {"description": "Review and publish cases."},
    "custom:praxis:dashboards:present": {"description": "Open programme-wide dashboards."},
    "custom:praxis:people:read": {"description": "See everyone in the programme."},
    "custom:praxis:people:manage": {"description": "Create people, cohorts, assignments."},
    "custom:praxis:reports": {"description": "Export funder reports and certificates."},
    "custom:praxis:audit:read": {"description": "Read the audit log."},
}

# The least each role needs. Hub-level data stays with JupyterHub's default
# `user` role (`self`); programme data is reached only through the service.
ROLE_SCOPES: dict[str, list[str]] = {
    "trainee": [ACCESS, "custom:praxis:learn"],
    "supervisor": [ACCESS, "custom:praxis:supervise", "custom:praxis:grade"],
    "trainer": [
        ACCESS,
        "custom:praxis:supervise",  # trainers may supervise too (people.SUPERVISING_ROLES)
        "custom:praxis:grade",
        "custom:praxis:courses:manage",
        "custom:praxis:cases:contribute",
        "custom:praxis:cases:publish",
        "custom:praxis:dashboards:present",
    ],
    "coordinator": [
        ACCESS,
        "custom:praxis:people:read",
        "custom:praxis:people:manage",
        "custom:praxis:reports",
        "custom:praxis:audit:read",
        "custom:praxis:dashboards:present",
    ],
}


@dataclass(frozen=True)
class Runtime:
    """Facts about the machine the hub starts on, gathered at the edge."""

    is_root: bool
    prefix: Path  # the Python environment Praxis Hub runs from
    service_token: str
    hub_user: str

    @classmethod
    def detect(cls) -> Runtime:
        return cls(
            is_root=os.geteuid() == 0,
            prefix=Path(sys.prefix),
            service_token=os.environ.get("PRAXISHUB_SERVICE_TOKEN") or secrets.token_hex(32),
            hub_user=os.environ.get("USER", "root"),
        )


class IsolationError(RuntimeError):
    """A programme that must isolate people was asked to run without root."""


def isolation_mode(settings: Settings, runtime: Runtime) -> str:
    """'unix-users' or 'none'; refuses to run a real programme unisolated."""
    wanted = settings["spawner"]["isolation"]
    if wanted == "unix-users" and not runtime.is_root:
        if not settings.is_demo:
            raise IsolationError(
                "Per-user isolation (spawner.isolation: unix-users) needs root to run "
                "each person's server as their own Unix user. Start Praxis Hub as root; "
                "only a demo programme (programme.demo: true) may run without isolation."
            )
        return "none"
    return wanted


def apply_settings(c: Config, settings: Settings, runtime: Runtime) -> Config:
    """Set everything JupyterHub needs for this programme on ``c``."""
    layout = Layout(settings.data_dir)
    ports = settings["ports"]
    bin_dir = runtime.prefix / "bin"
    language = settings["programme"]["languages"][0]
    service_url = f"http://127.0.0.1:{ports['service']}/services/{SERVICE}/"

    c.JupyterHub.ip = ports["ip"]
    c.JupyterHub.port = ports["public"]
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = ports["hub"]
    c.JupyterHub.db_url = settings["database"]["hub_url"] or f"sqlite:///{layout.hub_db}"
    c.JupyterHub.cookie_secret_file = str(layout.hub_dir / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(layout.hub_dir / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.concurrent_spawn_limit = settings["spawner"]["concurrent_spawn_limit"]
    c.JupyterHub.template_vars = {"announcement_login": settings["programme"]["name"]}
    # The spawner hands these on to each server; the services get them in their environment.
    c.JupyterHub.tornado_settings = {"cookie_options": COOKIE_OPTIONS}
    # The port of configurable-http-proxy with room for many requests (see praxishub.proxy).
    c.ConfigurableHTTPProxy.command = [str(bin_dir / "python"), "-m", "praxishub.proxy"]
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{ports['proxy_api']}"
    c.ConfigurableHTTPProxy.pid_file = str(layout.hub_dir / "proxy.pid")

    _apply_authentication(c, settings, runtime, service_url)
    _apply_roles(c)
    _apply_spawner(c, settings, runtime, layout, bin_dir, language)
    _apply_service(c, settings, runtime, layout, bin_dir)
    _apply_courses(c, settings, runtime, bin_dir)
    return c


def _apply_authentication(
    c: Config, settings: Settings, runtime: Runtime, service_url: str
) -> None:
    auth = settings["authentication"]
    c.Authenticator.manage_groups = True
    # The roster decides who gets in: the service refuses anyone not in it.
    c.Authenticator.allow_all = True
    c.Authenticator.auth_refresh_age = auth["refresh_seconds"]
    c.Authenticator.refresh_pre_spawn = True
    # A refresh that fails means the roster no longer has the person (or they were
    # deactivated). JupyterHub 6.1 lets API tokens and their servers' own requests go on with
    # stale auth unless refreshes are strict: a deactivated person's token could start their
    # server again. Strict, a failed refresh refuses those too (nothing changes for people in
    # the roster, whose refresh succeeds).
    c.Authenticator.auth_refresh_strict = True
    if auth["class"] == "local":
        c.JupyterHub.authenticator_class = "praxishub.auth.PraxisAuthenticator"
        c.PraxisAuthenticator.service_url = service_url
        c.PraxisAuthenticator.service_token = runtime.service_token
        failed = auth["failed_logins"]
        c.PraxisAuthenticator.failed_logins_per_address = failed["per_address"]
        c.PraxisAuthenticator.failed_logins_per_account = failed["per_account"]
        c.PraxisAuthenticator.failed_logins_minutes = failed["minutes"]
    else:
        # the configured class, with a refresh that asks the roster as well (RosterRefresh)
        c.JupyterHub.authenticator_class = roster_checked(auth["class"])
        c.Authenticator.post_auth_hook = roster_hook(service_url, runtime.service_token)
        c.RosterRefresh.roster_service_url = service_url
        c.RosterRefresh.roster_service_token = runtime.service_token
        section = auth["class"].rsplit(".", 1)[-1]
        for key, value in auth["config"].items():
            setattr(c[section], key, value)


def _apply_roles(c: Config) -> None:
    c.JupyterHub.custom_scopes = CUSTOM_SCOPES
    roles: list[dict[str, Any]] = [
        {
            "name": role,
            "description": f"Praxis Hub {role}",
            # Everyone may open the shared dashboards; the API decides what each one sees.
            "scopes": [*scopes, DASHBOARDS_ACCESS],
            "groups": [f"role-{role}"],
        }
        for role, scopes in ROLE_SCOPES.items()
    ]
    roles.append(
        {
            "name": "praxis-service",
            "description": (
                "The programme service: reads who is who, and stops the servers of people "
                "it deactivated."
            ),
            "scopes": [
                "list:users",
                "read:users:name",
                "read:users:groups",
                "read:groups",
                "read:servers",
                "delete:servers",
            ],
            "services": [SERVICE],
        }
    )
    c.JupyterHub.load_roles = roles


def _apply_spawner(
    c: Config,
    settings: Settings,
    runtime: Runtime,
    layout: Layout,
    bin_dir: Path,
    language: str,
) -> None:
    spawn = settings["spawner"]
    mode = isolation_mode(settings, runtime)
    if mode == "unix-users":
        c.JupyterHub.spawner_class = "praxishub.spawner.UnixUserSpawner"
        c.UnixUserSpawner.home_root = spawn["home_root"] or str(layout.homes)
        c.UnixUserSpawner.unix_prefix = spawn["unix_prefix"]
        c.UnixUserSpawner.default_language = language
        c.UnixUserSpawner.apps_dir = str(layout.apps_dir)
    else:
        c.JupyterHub.spawner_class = "praxishub.spawner.SharedUserSpawner"
        c.SharedUserSpawner.homes_dir = str(layout.demo_homes)
        c.SharedUserSpawner.default_language = language
        c.SharedUserSpawner.apps_dir = str(layout.apps_dir)
        if runtime.is_root:
            c.Spawner.args = ["--allow-root"]
    # praxishub-singleuser: jupyterhub-singleuser without a slow import (praxishub.fastimport)
    c.Spawner.cmd = [str(bin_dir / "praxishub-singleuser")]
    c.Spawner.default_url = spawn["default_url"]
    c.Spawner.start_timeout = spawn["start_timeout"]
    c.Spawner.http_timeout = spawn["http_timeout"]
    # Stop within the 10 s Praxis Hub promises on shutdown.
    c.LocalProcessSpawner.interrupt_timeout = 3
    c.LocalProcessSpawner.term_timeout = 3
    c.LocalProcessSpawner.kill_timeout = 2
    c.Spawner.environment = {
        # Per-user settings must win over the shared environment's (stack notes).
        "JUPYTER_PREFER_ENV_PATH": "0",
        "PATH": _path(bin_dir),
        "JUPYTER_CONFIG_PATH": str(resources.files("praxishub").joinpath("jupyter_config")),
        "PRAXISHUB_LANGUAGE": language,
        "PRAXISHUB_EXCHANGE": str(layout.exchange_dir),
        "PRAXISHUB_EXCHANGE_MODE": settings["exchange"]["mode"],
        # The apps (Voila) in a person's server call the programme service directly.
        "PRAXISHUB_SERVICE_URL": f"http://127.0.0.1:{settings['ports']['service']}/services/{SERVICE}/",
        # Each course's grading service, where a trainer's apps may put a case assignment
        # (the hub lets only the course's trainers in).
        "PRAXISHUB_COURSE_SERVICES": json.dumps(
            {
                course.id: f"http://127.0.0.1:{course.port}/services/{course.service}/"
                for course in courses_of(settings)
            }
        ),
    }
    # The server's token may call the programme service as its owner, with the owner's
    # programme scopes (JupyterHub gives the token only those the owner holds).
    c.Spawner.server_token_scopes = [
        "users:activity!user",
        "access:servers!server",
        ACCESS,
        "access:services",  # narrowed by the hub to the services the owner may open
        *CUSTOM_SCOPES,
    ]


def _path(bin_dir: Path) -> str:
    """The environment's tools first; never a folder other Unix users cannot read (/root)."""
    return f"{bin_dir}:/usr/local/bin:/usr/bin:/bin"


def _apply_service(
    c: Config, settings: Settings, runtime: Runtime, layout: Layout, bin_dir: Path
) -> None:
    ports = settings["ports"]
    service: dict[str, Any] = {
        "name": SERVICE,
        "display": True,
        "url": f"http://127.0.0.1:{ports['service']}",
        "api_token": runtime.service_token,
        "command": [str(bin_dir / "python"), "-m", "praxishub.service"],
        "cwd": str(layout.praxis_dir),
        "environment": {
            "PRAXISHUB_SETTINGS": str(settings.path),
            "PYTHONUNBUFFERED": "1",
            "JUPYTERHUB_COOKIE_OPTIONS": json.dumps(COOKIE_OPTIONS),
        },
        "oauth_no_confirm": True,
        "oauth_client_allowed_scopes": [ACCESS, *CUSTOM_SCOPES],
    }
    if runtime.is_root:
        service["user"] = settings["service"]["unix_user"]
    services = [service, _dashboards_service(settings, runtime, layout, bin_dir)]
    idle = settings["spawner"]["idle_timeout"]
    if idle:
        services.append(
            {
                "name": "idle-culler",
                "command": [
                    str(bin_dir / "python"),
                    "-m",
                    "jupyterhub_idle_culler",
                    f"--timeout={idle}",
                ],
            }
        )
        c.JupyterHub.load_roles = [
            *c.JupyterHub.load_roles,
            {
                "name": "idle-culler",
                "description": "Stops servers idle for longer than spawner.idle_timeout.",
                "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
                "services": ["idle-culler"],
            },
        ]
    c.JupyterHub.services = services


def _dashboards_service(
    settings: Settings, runtime: Runtime, layout: Layout, bin_dir: Path
) -> dict[str, Any]:
    """Voila behind the hub's login, kernels preheated (praxishub.dashboards_service).

    Its own token may do nothing but check who logs in; a viewer's OAuth token (the hub
    keeps only the viewer's own programme scopes in it) is what its kernels call the
    programme API with.
    """
    from praxishub.dashboards_service import voila_args

    port = settings["ports"]["dashboards"]
    prefix = f"/services/{DASHBOARDS}/"
    dash = settings["dashboards"]
    service: dict[str, Any] = {
        "name": DASHBOARDS,
        "display": True,
        "url": f"http://127.0.0.1:{port}",
        "command": [
            str(bin_dir / "python"),
            "-m",
            "praxishub.dashboards_service",
            *voila_args(str(layout.shared_dashboards), port, prefix, dash["pool_size"]),
        ],
        "cwd": str(layout.shared_dashboards),
        "environment": {
            "PATH": _path(bin_dir),
            "PRAXISHUB_LANGUAGE": settings["programme"]["languages"][0],
            "PRAXISHUB_SERVICE_URL": (
                f"http://127.0.0.1:{settings['ports']['service']}/services/{SERVICE}/"
            ),
            "PYTHONUNBUFFERED": "1",
            "JUPYTERHUB_COOKIE_OPTIONS": json.dumps(COOKIE_OPTIONS),
        },
        "oauth_no_confirm": True,
        "oauth_client_allowed_scopes": [ACCESS, *CUSTOM_SCOPES],
    }
    if runtime.is_root:
        service["user"] = dash["unix_user"]
    return service


def _apply_courses(c: Config, settings: Settings, runtime: Runtime, bin_dir: Path) -> None:
    """One grading service per course (formgrader), open to that course's trainers only."""
    mode = isolation_mode(settings, runtime)
    layout = Layout(settings.data_dir)
    service_url = f"http://127.0.0.1:{settings['ports']['service']}/services/{SERVICE}/"
    services = list(c.JupyterHub.services)
    roles = list(c.JupyterHub.load_roles)
    for course in courses_of(settings):
        command = [
            str(bin_dir / "praxishub-singleuser"),
            f"--ServerApp.root_dir={course.directory}",
        ]
        service: dict[str, Any] = {
            "name": course.service,
            "url": f"http://127.0.0.1:{course.port}",
            "command": command,
            "cwd": str(course.directory),
            "environment": {
                **grader_env(settings, course, mode),
                "PATH": _path(bin_dir),
                "JUPYTERHUB_DEFAULT_URL": "/formgrader",
                # The desk extension (praxishub.desk_server) reports gradebook rows here.
                "PRAXISHUB_SERVICE_URL": service_url,
                "PRAXISHUB_COURSE": course.id,
                "PRAXISHUB_COURSE_DIR": str(course.directory),
                "JUPYTERHUB_COOKIE_OPTIONS": json.dumps(COOKIE_OPTIONS),
            },
            "oauth_no_confirm": True,
        }
        if runtime.is_root and mode == "unix-users":
            service["user"] = course.service
        elif runtime.is_root:
            command.append("--allow-root")
        services.append(service)
        autograde: dict[str, Any] = {
            "name": f"autograde-{course.id}",
            "command": [str(bin_dir / "python"), "-m", "praxishub.autograder"],
            "cwd": str(course.directory),
            "environment": {
                **grader_env(settings, course, mode),
                "PATH": _path(bin_dir),
                "PRAXISHUB_COURSE": course.id,
                "PRAXISHUB_COURSE_DIR": str(course.directory),
                "PRAXISHUB_SCORES_URL": f"{service_url}api/scores",
                "PRAXISHUB_SERVICE_URL": service_url,
                "PRAXISHUB_CELL_TIMEOUT": str(settings["grading"]["cell_timeout"]),
                "PRAXISHUB_GRADING_TIMEOUT": str(settings["grading"]["total_timeout"]),
            },
        }
        if "user" in service:
            # Root, so that nbgrader can start each kernel as the sandbox user.
            autograde["environment"].update(
                {
                    "PRAXISHUB_GRADER_USER": course.service,
                    "PRAXISHUB_SANDBOX_USER": sandbox_user(course.id),
                    "PRAXISHUB_SANDBOX_DIR": str(layout.sandbox_dir / course.id),
                    "JUPYTER_PATH": str(resources.files("praxishub").joinpath("jupyter_data")),
                    "JUPYTER_RUNTIME_DIR": str(layout.hub_dir / "runtime" / course.id),
                }
            )
        services.append(autograde)
        roles.append(
            {
                "name": f"autograde-{course.id}",
                "description": f"Report autograded scores of course {course.id}.",
                "scopes": [ACCESS],
                "services": [f"autograde-{course.id}"],
            }
        )
        roles.append(
            {
                "name": f"{course.service}-reports",
                "description": f"Report the gradebook rows of course {course.id} to the desks.",
                "scopes": [ACCESS],
                "services": [course.service],
            }
        )
        roles.append(
            {
                "name": f"{course.service}-access",
                "description": f"Open the grading service of course {course.id}.",
                "scopes": [f"access:services!service={course.service}"],
                "groups": [trainer_group(course.id)],
            }
        )
    # The programme service calls each course's desk extension (praxishub.desk_server).
    for role in roles:
        if role["name"] == "praxis-service":
            role["scopes"] = [
                *role["scopes"],
                *(f"access:services!service={course.service}" for course in courses_of(settings)),
            ]
    c.JupyterHub.services = services
    c.JupyterHub.load_roles = roles


def log_isolation(settings: Settings, runtime: Runtime, log: logging.Logger) -> None:
    if isolation_mode(settings, runtime) == "none":
        log.warning(
            "\n%s\nDEMO MODE: every person's server runs as the Unix user %r.\n"
            "People are NOT isolated from each other. Never use this for real people.\n%s",
            "!" * 72,
            runtime.hub_user,
            "!" * 72,
        )
