"""Praxis Hub on Kubernetes, with the Zero to JupyterHub chart.

Rule: one ``praxishub.yaml`` stays the only source. ``values`` turns the settings into
the chart's values (everything the chart has a key for), ``praxishub.k8s_manifests``
into the objects the chart does not make, and in the hub ``apply_kubernetes`` calls
``praxishub.hub.apply_settings`` and keeps what applies when every person's server is
a pod of its own. All three are pure: settings in, plain data or ``Config`` out; the
settings file and the tokens are read at the edges (the CLI, the chart's extraConfig).
Nothing that names a person goes into the values: the settings file is a Secret.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from traitlets.config import Config

from praxishub.errors import Problem, SettingsError
from praxishub.hub import (
    ACCESS,
    CUSTOM_SCOPES,
    DASHBOARDS,
    ROLE_SCOPES,
    SERVICE,
    Runtime,
    _apply_authentication,
    apply_settings,
)
from praxishub.settings import Settings

# Inside every Praxis Hub pod: the settings file (a Secret) and the dashboards' notebooks
# (in the image, see k8s/Dockerfile). A relative data_dir is relative to SETTINGS_DIR.
SETTINGS_DIR = PurePosixPath("/srv/praxishub")
SETTINGS_FILE = SETTINGS_DIR / "praxishub.yaml"
DASHBOARDS_DIR = "/opt/praxishub/dashboards"

# Names the chart gives its objects while fullnameOverride is "" (values set it so).
CHART_HUB = "hub"  # the chart's hub Service and Secret (the services' API tokens)
HUB_API = "http://hub:8081/hub/api"
PROXY_PUBLIC = "http://proxy-public"
# Labels the chart puts on its pods (its NetworkPolicies select them the same way).
HUB_PODS = {"app": "jupyterhub", "component": "hub"}
PROXY_PODS = {"app": "jupyterhub", "component": "proxy"}
# The chart's hub NetworkPolicy admits pods with this label to the hub's API.
HUB_ACCESS_LABEL = {"hub.jupyter.org/network-access-hub": "true"}

SERVICE_NAME = "praxis"
DASHBOARDS_NAME = "praxis-dashboards"
# People's servers reach the programme service through the proxy (their NetworkPolicy
# lets them reach no private address but the hub's and the proxy's pods).
USER_SERVICE_URL = f"{PROXY_PUBLIC}/services/{SERVICE}/"
PROGRAMME_ROLES = (*ROLE_SCOPES, "praxis-service")

EXTRA_CONFIG = """\
# Praxis Hub: login, roles, scopes and one server profile per role, from praxishub.yaml
# (praxishub.k8s.apply_kubernetes calls praxishub.hub.apply_settings). `c` and
# `get_secret_value` are given by the chart's jupyterhub_config.py.
import os

from praxishub.k8s import apply_kubernetes
from praxishub.settings import load_settings

apply_kubernetes(
    c,
    load_settings(os.environ["PRAXISHUB_SETTINGS"]),
    get_secret_value("hub.services.praxis.apiToken"),
)
"""


def service_port(settings: Settings) -> int:
    return settings["ports"]["service"]


def in_cluster_service_url(settings: Settings) -> str:
    """Where the hub and the dashboards reach the programme service (its own Service)."""
    return f"http://{SERVICE_NAME}:{service_port(settings)}/services/{SERVICE}/"


def service_dir(settings: Settings) -> PurePosixPath:
    """DATA_DIR/praxis (the programme service's part) in its pod: its volume's mount."""
    return SETTINGS_DIR / settings["data_dir"] / "praxis"  # an absolute data_dir stays


def values(settings: Settings) -> dict[str, Any]:
    """The chart's values.yaml for this programme (helm merges them over its defaults)."""
    idle = settings["spawner"]["idle_timeout"]
    return {
        "fullnameOverride": "",  # the names used here (hub, proxy-public) depend on it
        "hub": _hub(settings),
        "singleuser": _singleuser(settings),
        "cull": {"enabled": True, "timeout": idle} if idle else {"enabled": False},
    }


def _hub(settings: Settings) -> dict[str, Any]:
    k8s = settings["kubernetes"]
    auth = settings["authentication"]["class"]
    env: dict[str, Any] = {"PRAXISHUB_SETTINGS": str(SETTINGS_FILE)}
    env.update(password_env(settings))
    allowed = [ACCESS, *CUSTOM_SCOPES]
    return {
        "image": dict(k8s["hub_image"]),
        "db": _hub_db(settings),
        "config": {
            "JupyterHub": {
                # The chart's default lets admins into everyone's server; nobody may.
                "admin_access": False,
                "authenticator_class": (
                    "praxishub.auth.PraxisAuthenticator" if auth == "local" else auth
                ),
            },
            "Spawner": {"http_timeout": settings["spawner"]["http_timeout"]},
        },
        "concurrentSpawnLimit": settings["spawner"]["concurrent_spawn_limit"],
        "services": {
            # Not started by the hub: each runs in its own Deployment (`k8s manifests`),
            # with the API token the chart keeps in its Secret under this key.
            SERVICE: {
                "url": f"http://{SERVICE_NAME}:{service_port(settings)}",
                "display": True,
                "oauth_no_confirm": True,
                "oauth_client_allowed_scopes": allowed,
            },
            DASHBOARDS: {
                "url": f"http://{DASHBOARDS_NAME}:{settings['ports']['dashboards']}",
                "display": True,
                "oauth_no_confirm": True,
                "oauth_client_allowed_scopes": allowed,
            },
        },
        "extraConfig": {"praxishub": EXTRA_CONFIG},
        "extraEnv": env,
        "extraVolumes": [settings_volume(settings)],
        "extraVolumeMounts": [settings_mount()],
    }


def _singleuser(settings: Settings) -> dict[str, Any]:
    k8s = settings["kubernetes"]
    spawn = settings["spawner"]
    least = k8s["resources"]["trainee"]  # until the hub knows the role: the least
    storage: dict[str, Any] = {
        "type": "dynamic",
        "capacity": k8s["home_size"],
        "homeMountPath": "/home/jovyan",
    }
    if k8s["storage_class"]:
        storage["dynamic"] = {"storageClass": k8s["storage_class"]}
    return {
        "image": dict(k8s["image"]),
        "uid": k8s["uid"],
        "fsGid": k8s["fs_gid"],
        "allowPrivilegeEscalation": False,
        # No service account (the chart's default) and no token mounted in the pod.
        "extraPodConfig": {"automountServiceAccountToken": False},
        "cpu": {"limit": least["cpu_limit"], "guarantee": least["cpu_guarantee"]},
        "memory": {"limit": least["mem_limit"], "guarantee": least["mem_guarantee"]},
        "profileList": profiles(settings),
        "storage": storage,
        "cmd": "praxishub-singleuser",  # jupyterhub-singleuser, started faster
        "defaultUrl": spawn["default_url"],
        "startTimeout": spawn["start_timeout"],
        "extraEnv": {
            # Per-user settings must win over the image's (stack notes).
            "JUPYTER_PREFER_ENV_PATH": "0",
            "PRAXISHUB_LANGUAGE": settings["programme"]["languages"][0],
            "PRAXISHUB_SERVICE_URL": USER_SERVICE_URL,
            # Pods share no filesystem: nbgrader's exchange goes through the programme
            # API whatever exchange.mode says (docs/exchange.md).
            "PRAXISHUB_EXCHANGE_MODE": "api",
            # No PRAXISHUB_COURSE_SERVICES (no course services here; and KubeSpawner
            # would read the braces of a JSON value as a {username}-style template).
        },
        "extraLabels": dict(HUB_ACCESS_LABEL),
        # The NetworkPolicy below blocks the metadata server; the chart's other way is a
        # privileged init container running as root in every person's pod.
        "cloudMetadata": {"blockWithIptables": False},
        "networkPolicy": {
            "enabled": True,
            # Nothing but the chart's own rule: only pods labelled
            # hub.jupyter.org/network-access-singleuser (the hub, the proxy) get in, so no
            # person's server can reach another's.
            "ingress": [],
            "allowedIngressPorts": [],
            "interNamespaceAccessLabels": "ignore",
            "egressAllowRules": {
                "cloudMetadataServer": False,
                # No private address (the databases, the programme service's pod, other
                # pods); the hub and the proxy are allowed by the chart's own rules.
                "privateIPs": False,
                "nonPrivateIPs": True,
                "dnsPortsKubeSystemNamespace": True,
                "dnsPortsPrivateIPs": True,
            },
        },
    }


def profiles(settings: Settings) -> list[dict[str, Any]]:
    """One KubeSpawner profile per role (slug = role); the hub offers each person theirs."""
    out = []
    for role in ROLE_SCOPES:
        res = settings["kubernetes"]["resources"][role]
        out.append(
            {
                "display_name": role.capitalize(),
                "slug": role,
                "description": (
                    f"{res['cpu_limit']} CPU, {res['mem_limit']} memory "
                    f"(guaranteed {res['cpu_guarantee']} CPU, {res['mem_guarantee']})"
                ),
                "kubespawner_override": {
                    "cpu_limit": res["cpu_limit"],
                    "cpu_guarantee": res["cpu_guarantee"],
                    "mem_limit": res["mem_limit"],
                    "mem_guarantee": res["mem_guarantee"],
                },
            }
        )
    return out


def _hub_db(settings: Settings) -> dict[str, Any]:
    url = settings["database"]["hub_url"]
    if not url:
        return {"type": "sqlite-pvc"}
    scheme = urlsplit(url).scheme.split("+")[0]
    kinds = {"postgresql": "postgres", "postgres": "postgres", "mysql": "mysql"}
    if scheme not in kinds:
        raise SettingsError(
            "These settings cannot be deployed on Kubernetes.",
            [
                Problem(
                    "database.hub_url",
                    f"a {scheme or 'local'} database cannot be shared with the hub's pod",
                    "use a PostgreSQL URL, or leave it empty (SQLite on the hub's volume)",
                )
            ],
        )
    return {"type": kinds[scheme], "url": url}


def password_env(settings: Settings) -> dict[str, Any]:
    secret = settings["kubernetes"]["database_secret"]
    if not secret:
        return {}
    return {"PGPASSWORD": {"valueFrom": {"secretKeyRef": {"name": secret, "key": "password"}}}}


def settings_volume(settings: Settings) -> dict[str, Any]:
    # 0440 with the pod's fsGroup: readable by the pod's user only, never world-readable.
    secret = {"secretName": settings["kubernetes"]["settings_secret"], "defaultMode": 0o440}
    return {"name": "praxishub-settings", "secret": secret}


def settings_mount() -> dict[str, Any]:
    return {
        "name": "praxishub-settings",
        "mountPath": str(SETTINGS_FILE),
        "subPath": "praxishub.yaml",
        "readOnly": True,
    }


def not_deployed(settings: Settings) -> list[str]:
    """What these settings ask for that the Kubernetes deployment does not run (yet)."""
    out = []
    if settings["courses"]:
        out.append(
            "courses: the course grading services (formgrader, sandboxed autograding) need "
            "Unix users and root, and do not run on Kubernetes yet; people's servers and "
            "the programme service do"
        )
    return out


# ---- in the hub --------------------------------------------------------------------


def apply_kubernetes(c: Config, settings: Settings, service_token: str) -> Config:
    """Set the programme's login, roles, scopes and per-role profiles on the chart's ``c``.

    Calls ``apply_settings`` on a fresh Config and keeps only what holds in a cluster:
    roles and custom scopes, the scopes of people's server tokens and the hub's page
    text. Addresses, spawner, proxy and services stay the chart's (from the values).
    """
    runtime = Runtime(
        is_root=False, prefix=Path(sys.prefix), service_token=service_token, hub_user="jovyan"
    )
    programme = apply_settings(Config(), _in_pods(settings), runtime)
    c.JupyterHub.custom_scopes = programme.JupyterHub.custom_scopes
    c.JupyterHub.template_vars = programme.JupyterHub.template_vars
    roles = [r for r in programme.JupyterHub.load_roles if r["name"] in PROGRAMME_ROLES]
    c.JupyterHub.load_roles = [*_already(c.JupyterHub, "load_roles"), *roles]
    c.Spawner.server_token_scopes = programme.Spawner.server_token_scopes
    _apply_authentication(c, settings, runtime, in_cluster_service_url(settings))

    # Each person gets their role's profile and no choice (no form); a profile asked for
    # through the API that is not theirs is refused by KubeSpawner's own check.
    c.KubeSpawner.profile_list = role_profiles(_already(c.KubeSpawner, "profile_list"))
    c.KubeSpawner.options_form = ""
    c.KubeSpawner.automount_service_account_token = False
    c.KubeSpawner.pod_security_context = {
        "runAsNonRoot": True,
        "seccompProfile": {"type": "RuntimeDefault"},
    }
    c.KubeSpawner.container_security_context = {
        "runAsNonRoot": True,
        "capabilities": {"drop": ["ALL"]},
    }
    return c


def _in_pods(settings: Settings) -> Settings:
    # Each person's server is a pod of its own: the hub's container switches no Unix
    # users, so the local-process spawner settings apply_settings derives are not used.
    pods = copy.deepcopy(settings.values)
    pods["spawner"]["isolation"] = "none"
    return Settings(path=settings.path, values=pods)


def _already(section: Config, key: str) -> list[Any]:
    value = section.get(key, [])
    return list(value) if isinstance(value, list) else []


def role_of(groups: list[str]) -> str:
    """A person's programme role from their hub groups (role-<role>); trainee if none."""
    for role in ROLE_SCOPES:
        if f"role-{role}" in groups:
            return role
    return "trainee"


def role_profiles(profiles: list[dict[str, Any]]) -> Callable[[Any], list[dict[str, Any]]]:
    """KubeSpawner's ``profile_list``: only the profile whose slug is the person's role."""
    by_slug = {p.get("slug"): p for p in profiles}

    def for_person(spawner: Any) -> list[dict[str, Any]]:
        role = role_of([group.name for group in spawner.user.groups])
        chosen = by_slug.get(role) or by_slug.get("trainee")
        # A copy: KubeSpawner marks the profile it picks as the default.
        return [copy.deepcopy(chosen)] if chosen else []

    return for_person
