"""The objects the Zero to JupyterHub chart does not make: Praxis Hub's own services.

Rule: as in ``praxishub.k8s``, settings in, plain Kubernetes objects out, nothing read or
applied here. The programme service and the dashboards each run in a Deployment of their
own (one replica, non-root, no service-account token), registered with the hub by the
values (``hub.services``) and reading their API tokens from the chart's Secret. Their
NetworkPolicies admit the hub and the proxy only (and the dashboards to the programme
service); the database's admits the hub and the programme service only.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from praxishub.hub import DASHBOARDS, SERVICE
from praxishub.k8s import (
    CHART_HUB,
    DASHBOARDS_DIR,
    DASHBOARDS_NAME,
    HUB_ACCESS_LABEL,
    HUB_API,
    HUB_PODS,
    PROXY_PODS,
    SERVICE_NAME,
    SETTINGS_FILE,
    in_cluster_service_url,
    password_env,
    service_dir,
    service_port,
    settings_mount,
    settings_volume,
)
from praxishub.settings import Settings


def manifests(settings: Settings) -> list[dict[str, Any]]:
    """The programme service and the dashboards: Deployments, Services, NetworkPolicies."""
    k8s = settings["kubernetes"]
    port = service_port(settings)
    dash_port = settings["ports"]["dashboards"]
    service_pods = _labels("praxis")
    dash_pods = _labels("dashboards")
    data: dict[str, Any] = {"accessModes": ["ReadWriteOnce"]}
    data["resources"] = {"requests": {"storage": k8s["data_size"]}}
    if k8s["storage_class"]:
        data["storageClassName"] = k8s["storage_class"]
    from praxishub.dashboards_service import voila_args

    prefix = f"/services/{DASHBOARDS}/"
    args = voila_args(DASHBOARDS_DIR, dash_port, prefix, settings["dashboards"]["pool_size"])
    # The proxy reaches Voila through its Service, so it listens on the pod's address.
    args = ["--Voila.ip=0.0.0.0" if a == "--Voila.ip=127.0.0.1" else a for a in args]
    objects = [
        {
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": {"name": "praxis-data", "labels": service_pods},
            "spec": data,
        },
        _deployment(
            settings,
            SERVICE_NAME,
            service_pods,
            ["python", "-m", "praxishub.service"],
            port,
            {**_hub_service_env(SERVICE, port), **password_env(settings)},
            [{"name": "data", "mountPath": str(service_dir(settings))}],
            [{"name": "data", "persistentVolumeClaim": {"claimName": "praxis-data"}}],
            with_settings=True,
        ),
        _service(SERVICE_NAME, service_pods, port),
        _deployment(
            settings,
            DASHBOARDS_NAME,
            dash_pods,
            ["python", "-m", "praxishub.dashboards_service", *args],
            dash_port,
            {
                **_hub_service_env(DASHBOARDS, dash_port),
                "PRAXISHUB_LANGUAGE": settings["programme"]["languages"][0],
                # Its kernels call the API with the viewer's own token.
                "PRAXISHUB_SERVICE_URL": in_cluster_service_url(settings),
            },
            [],
            [],
            with_settings=False,
        ),
        _service(DASHBOARDS_NAME, dash_pods, dash_port),
        _network_policy(
            SERVICE_NAME, service_pods, port, [HUB_PODS, PROXY_PODS, _selector(dash_pods)]
        ),
        _network_policy(DASHBOARDS_NAME, dash_pods, dash_port, [HUB_PODS, PROXY_PODS]),
    ]
    ports = database_ports(settings)
    if ports:
        objects.append(
            {
                "apiVersion": "networking.k8s.io/v1",
                "kind": "NetworkPolicy",
                "metadata": {"name": "praxis-database", "labels": _labels("database")},
                "spec": {
                    "podSelector": {"matchLabels": dict(k8s["database_pods"])},
                    "policyTypes": ["Ingress"],
                    "ingress": [
                        {
                            "from": [
                                {"podSelector": {"matchLabels": HUB_PODS}},
                                {"podSelector": {"matchLabels": _selector(service_pods)}},
                            ],
                            "ports": [{"protocol": "TCP", "port": p} for p in ports],
                        }
                    ],
                },
            }
        )
    return objects


def database_ports(settings: Settings) -> list[int]:
    """Ports of the PostgreSQL databases these settings use (none: SQLite only)."""
    found = set()
    for url in (settings["database"]["url"], settings["database"]["hub_url"]):
        if url and urlsplit(url).scheme.split("+")[0] in ("postgresql", "postgres"):
            found.add(urlsplit(url).port or 5432)
    return sorted(found)


def _labels(component: str) -> dict[str, str]:
    return {"app.kubernetes.io/name": "praxishub", "app.kubernetes.io/component": component}


def _selector(labels: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in labels.items() if k.startswith("app.kubernetes.io/")}


def _hub_service_env(name: str, port: int) -> dict[str, Any]:
    """What the hub gives a service it starts, for one that runs in its own pod."""
    prefix = f"/services/{name}/"
    token = {"secretKeyRef": {"name": CHART_HUB, "key": f"hub.services.{name}.apiToken"}}
    return {
        "JUPYTERHUB_API_TOKEN": {"valueFrom": token},
        "JUPYTERHUB_API_URL": HUB_API,
        "JUPYTERHUB_BASE_URL": "/",
        "JUPYTERHUB_SERVICE_NAME": name,
        "JUPYTERHUB_SERVICE_URL": f"http://0.0.0.0:{port}",
        "JUPYTERHUB_SERVICE_PREFIX": prefix,
        "JUPYTERHUB_CLIENT_ID": f"service-{name}",
        "JUPYTERHUB_OAUTH_CALLBACK_URL": f"{prefix}oauth_callback",
        "PYTHONUNBUFFERED": "1",
    }


def _deployment(
    settings: Settings,
    name: str,
    labels: dict[str, str],
    command: list[str],
    port: int,
    env: dict[str, Any],
    mounts: list[dict[str, Any]],
    volumes: list[dict[str, Any]],
    with_settings: bool,
) -> dict[str, Any]:
    k8s = settings["kubernetes"]
    image = f"{k8s['image']['name']}:{k8s['image']['tag']}"
    if with_settings:  # the settings name people: only the programme service reads them
        env = {"PRAXISHUB_SETTINGS": str(SETTINGS_FILE), **env}
        mounts = [settings_mount(), *mounts]
        volumes = [settings_volume(settings), *volumes]
    container = {
        "name": name,
        "image": image,
        "command": command,
        "env": [{"name": key, **_env_value(value)} for key, value in env.items()],
        "ports": [{"name": "http", "containerPort": port}],
        "readinessProbe": {"tcpSocket": {"port": "http"}, "periodSeconds": 5},
        "resources": {
            "requests": {"cpu": "100m", "memory": "256Mi"},
            "limits": {"memory": "2Gi"},
        },
        "securityContext": {
            "runAsNonRoot": True,
            "runAsUser": k8s["uid"],
            "allowPrivilegeEscalation": False,
            "capabilities": {"drop": ["ALL"]},
        },
        "volumeMounts": mounts,
    }
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "labels": labels},
        "spec": {
            # One writer of the data volume at a time.
            "replicas": 1,
            "strategy": {"type": "Recreate"},
            "selector": {"matchLabels": _selector(labels)},
            "template": {
                "metadata": {"labels": {**labels, **HUB_ACCESS_LABEL}},
                "spec": {
                    "automountServiceAccountToken": False,
                    "securityContext": {
                        "runAsNonRoot": True,
                        "fsGroup": k8s["fs_gid"],
                        "seccompProfile": {"type": "RuntimeDefault"},
                    },
                    "containers": [container],
                    "volumes": volumes,
                },
            },
        },
    }


def _env_value(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {"value": str(value)}


def _service(name: str, labels: dict[str, str], port: int) -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": name, "labels": labels},
        "spec": {
            "selector": _selector(labels),
            "ports": [{"name": "http", "port": port, "targetPort": "http"}],
        },
    }


def _network_policy(
    name: str, labels: dict[str, str], port: int, sources: list[dict[str, str]]
) -> dict[str, Any]:
    """Only the listed pods may open the service's port; nothing else reaches the pods."""
    return {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": name, "labels": labels},
        "spec": {
            "podSelector": {"matchLabels": _selector(labels)},
            "policyTypes": ["Ingress"],
            "ingress": [
                {
                    "from": [{"podSelector": {"matchLabels": dict(s)}} for s in sources],
                    "ports": [{"protocol": "TCP", "port": port}],
                }
            ],
        },
    }
