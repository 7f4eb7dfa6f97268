"""Would helm accept `praxishub k8s values`, and are the pods it leads to locked down?

The chart's schema and default values are vendored in tests/data/z2jh/. Helm merges a
values file over the chart's defaults and validates the result against the schema; the
tests do the same. Pods are made by KubeSpawner itself, from the configuration the
chart's jupyterhub_config.py gives it (mirrored in `chart_config` for the keys we set)
and our extraConfig, run as the chart runs it.
"""

from __future__ import annotations

import asyncio
import copy
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from kubernetes_asyncio.client import ApiClient
from traitlets.config import Config

from praxishub import k8s, k8s_manifests
from praxishub.cli import main
from praxishub.errors import SettingsError
from praxishub.hub import ROLE_SCOPES
from praxishub.k8s_commands import to_yaml
from praxishub.settings import Settings, load_settings, parse_settings

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "hub_config" / "praxishub.example.yaml"
CHART = REPO / "tests" / "data" / "z2jh"
ROLES = list(ROLE_SCOPES)

POSTGRES = """\
programme: {name: Synthetic programme, languages: [en, ru]}
data_dir: /srv/praxis-data
database:
  url: postgresql+psycopg://praxis@praxis-db:5433/praxis
  hub_url: postgresql://hub@praxis-db:5433/hub
spawner: {idle_timeout: 1800}
kubernetes:
  image: {name: registry.example.org/p/praxishub, tag: "2026.11"}
  hub_image: {name: registry.example.org/p/hub, tag: "2026.11"}
  uid: 1001
  fs_gid: 1001
  storage_class: fast
  database_secret: praxis-db-password
  database_pods: {app: praxis-db}
  resources:
    trainee: {cpu_limit: 0.5, cpu_guarantee: 0.05, mem_limit: 1G, mem_guarantee: 256M}
    supervisor: {cpu_limit: 1, cpu_guarantee: 0.1, mem_limit: 2G, mem_guarantee: 512M}
    trainer: {cpu_limit: 4, cpu_guarantee: 0.5, mem_limit: 8G, mem_guarantee: 2G}
    coordinator: {cpu_limit: 1.5, cpu_guarantee: 0.2, mem_limit: 3G, mem_guarantee: 1G}
cohorts: [{id: c1, name: Cohort one}]
people:
  - {username: s.orlova, full_name: Светлана Орлова, email: s.orlova@example.org, role: supervisor}
  - {username: a.ivanova, full_name: Анна Иванова, email: a.ivanova@example.org, role: trainee,
     cohort: c1, supervisor: s.orlova}
"""


def postgres_settings() -> Settings:
    return parse_settings(POSTGRES, Path("/srv/p/praxishub.yaml"))


def chart_yaml(name: str) -> dict[str, Any]:
    return yaml.safe_load((CHART / name).read_text("utf-8"))


def helm_merge(defaults: Any, ours: Any) -> Any:
    """Helm's coalescing: maps merge key by key, anything else replaces, null deletes."""
    if not (isinstance(defaults, dict) and isinstance(ours, dict)):
        return copy.deepcopy(ours)
    merged = copy.deepcopy(defaults)
    for key, value in ours.items():
        if value is None:
            merged.pop(key, None)
        elif key in merged:
            merged[key] = helm_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def helm_errors(values: dict[str, Any]) -> list[str]:
    """What `helm install` would reject: our values over the chart's, against its schema."""
    schema = chart_yaml("values.schema.yaml")
    validator_class = jsonschema.validators.validator_for(schema)
    assert validator_class is jsonschema.Draft7Validator  # what the schema says it is
    validator_class.check_schema(schema)
    merged = helm_merge(chart_yaml("values.yaml"), values)
    return [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator_class(schema).iter_errors(merged)
    ]


def as_written(values: dict[str, Any]) -> dict[str, Any]:
    """The values as they come back from the YAML file the CLI writes."""
    return yaml.safe_load(to_yaml([values], "test"))


# ---- the values against the chart's schema ------------------------------------------


@pytest.mark.parametrize("make", [lambda: load_settings(EXAMPLE), postgres_settings])
def test_values_pass_the_charts_schema(make):
    """Do the values from the example and from PostgreSQL settings pass the chart's schema?"""
    assert helm_errors(as_written(k8s.values(make()))) == []


def test_a_broken_value_is_rejected_by_the_schema():
    """Would helm reject a wrong type and a misspelt key? (The validation is real.)"""
    values = k8s.values(load_settings(EXAMPLE))
    values["singleuser"]["cpu"]["limit"] = "two cores"
    values["singleuser"]["profilelist"] = []
    errors = helm_errors(values)
    assert any(e.startswith("singleuser.cpu.limit:") for e in errors), errors
    assert any("'profilelist' was unexpected" in e for e in errors), errors


def test_postgres_hub_database_and_password_from_a_secret():
    """Is the hub's database PostgreSQL by URL, with the password from a Secret?"""
    hub = k8s.values(postgres_settings())["hub"]
    assert hub["db"] == {"type": "postgres", "url": "postgresql://hub@praxis-db:5433/hub"}
    assert hub["extraEnv"]["PGPASSWORD"]["valueFrom"]["secretKeyRef"] == {
        "name": "praxis-db-password",
        "key": "password",
    }
    assert k8s.values(load_settings(EXAMPLE))["hub"]["db"] == {"type": "sqlite-pvc"}


def test_a_local_hub_database_cannot_be_deployed():
    """Is an SQLite hub_url refused, naming the key and the fix?"""
    text = POSTGRES.replace("postgresql://hub@praxis-db:5433/hub", "sqlite:////tmp/hub.sqlite")
    with pytest.raises(SettingsError) as info:
        k8s.values(parse_settings(text, Path("praxishub.yaml")))
    assert "database.hub_url" in str(info.value)
    assert "PostgreSQL" in str(info.value)


def test_images_culler_and_services():
    """Are the images, the idle culler and the two hub services those of the settings?"""
    values = k8s.values(postgres_settings())
    assert values["singleuser"]["image"] == {
        "name": "registry.example.org/p/praxishub",
        "tag": "2026.11",
    }
    assert values["hub"]["image"]["name"] == "registry.example.org/p/hub"
    assert values["cull"] == {"enabled": True, "timeout": 1800}
    services = values["hub"]["services"]
    assert services["praxis"]["url"] == "http://praxis:10101"
    assert services["dashboards"]["url"] == "http://praxis-dashboards:10102"
    assert all("command" not in s for s in services.values())  # own Deployments
    off = POSTGRES.replace("idle_timeout: 1800", "idle_timeout: 0")
    assert k8s.values(parse_settings(off, Path("p.yaml")))["cull"] == {"enabled": False}


def test_peoples_pods_use_the_api_exchange_through_the_proxy():
    """With no shared filesystem, do people's pods exchange through the programme API,
    reached through the proxy (which their network policy admits), on either setting?"""
    for mode in ("filesystem", "api"):
        settings = postgres_settings()
        settings.values["exchange"]["mode"] = mode
        env = k8s.values(settings)["singleuser"]["extraEnv"]
        assert env["PRAXISHUB_EXCHANGE_MODE"] == "api"
        assert env["PRAXISHUB_SERVICE_URL"] == "http://proxy-public/services/praxis/"
    config = (Path(k8s.__file__).parent / "jupyter_config" / "nbgrader_config.py").read_text()
    assert "use_api_exchange" in config  # the image copies this folder to /etc/jupyter


def test_one_profile_per_role_with_its_limits():
    """Is there one KubeSpawner profile per role, with that role's limits?"""
    profiles = k8s.values(postgres_settings())["singleuser"]["profileList"]
    assert [p["slug"] for p in profiles] == ROLES
    trainer = next(p for p in profiles if p["slug"] == "trainer")
    assert trainer["kubespawner_override"] == {
        "cpu_limit": 4,
        "cpu_guarantee": 0.5,
        "mem_limit": "8G",
        "mem_guarantee": "2G",
    }


def test_no_person_is_named_in_the_values():
    """Do the values (kept by helm in a Secret, shown by `helm get values`) name no one?"""
    settings = postgres_settings()
    text = json.dumps(k8s.values(settings), ensure_ascii=False)
    for person in settings.people:
        for key in ("username", "full_name", "email"):
            assert person[key] not in text


# ---- network policies ---------------------------------------------------------------


def test_user_pods_reach_no_other_pod_nor_a_database():
    """Can a person's server reach another's, or any private address (the databases)? (No.)"""
    merged = helm_merge(chart_yaml("values.yaml"), k8s.values(postgres_settings()))
    policy = merged["singleuser"]["networkPolicy"]
    assert policy["enabled"] is True
    # Ingress: only the chart's rule (pods labelled network-access-singleuser: the hub and
    # the proxy); no extra rule, no port open to all, no other namespace.
    assert policy["ingress"] == []
    assert policy["allowedIngressPorts"] == []
    assert policy["interNamespaceAccessLabels"] == "ignore"
    labels = merged["singleuser"]["extraLabels"]
    assert "hub.jupyter.org/network-access-singleuser" not in labels
    # Egress: no private address (databases, the programme service's pod, other pods)
    # and no cloud metadata; the hub and the proxy are the chart's own exceptions.
    assert policy["egressAllowRules"]["privateIPs"] is False
    assert policy["egressAllowRules"]["cloudMetadataServer"] is False
    assert policy["egress"] == []


def test_only_the_hub_and_the_service_reach_the_database():
    """Does the database's NetworkPolicy admit the hub and the programme service only?"""
    objects = k8s_manifests.manifests(postgres_settings())
    policy = next(o for o in objects if o["metadata"]["name"] == "praxis-database")
    assert policy["spec"]["podSelector"] == {"matchLabels": {"app": "praxis-db"}}
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    [rule] = policy["spec"]["ingress"]
    sources = [s["podSelector"]["matchLabels"] for s in rule["from"]]
    assert sources == [
        {"app": "jupyterhub", "component": "hub"},
        {"app.kubernetes.io/name": "praxishub", "app.kubernetes.io/component": "praxis"},
    ]
    assert rule["ports"] == [{"protocol": "TCP", "port": 5433}]
    # SQLite only: no database pods to guard.
    names = [o["metadata"]["name"] for o in k8s_manifests.manifests(load_settings(EXAMPLE))]
    assert "praxis-database" not in names


def test_no_policy_admits_user_pods():
    """Does any of our NetworkPolicies let a person's server in? (No: they go via the proxy.)"""
    for obj in k8s_manifests.manifests(postgres_settings()):
        if obj["kind"] != "NetworkPolicy":
            continue
        for rule in obj["spec"]["ingress"]:
            assert rule["from"], obj["metadata"]["name"]  # never "from anywhere"
            for source in rule["from"]:
                assert set(source) == {"podSelector"}  # no namespace, no IP block
                labels = source["podSelector"]["matchLabels"]
                assert labels.get("component") != "singleuser-server"
                assert "hub.jupyter.org/network-access-singleuser" not in labels
    env = k8s.values(postgres_settings())["singleuser"]["extraEnv"]
    assert env["PRAXISHUB_SERVICE_URL"] == "http://proxy-public/services/praxis/"


# ---- manifests of the programme service and the dashboards ---------------------------


async def _round_trip(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    async with ApiClient() as api:
        out = []
        for obj in objects:
            model = api.deserialize(SimpleNamespace(data=json.dumps(obj)), f"V1{obj['kind']}")
            out.append(api.sanitize_for_serialization(model))
        return out


def test_manifests_are_kubernetes_objects():
    """Does every object read back unchanged through the Kubernetes API models?"""
    objects = k8s_manifests.manifests(postgres_settings())
    assert asyncio.run(_round_trip(objects)) == objects
    broken = copy.deepcopy(objects)
    broken[1]["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy_"] = "Always"
    assert asyncio.run(_round_trip(broken)) != broken  # an unknown key would show


def test_services_select_their_deployments_and_use_the_charts_tokens():
    """Do Services and Deployments fit together, with tokens the chart really keeps?"""
    settings = postgres_settings()
    objects = k8s_manifests.manifests(settings)
    kinds = {(o["kind"], o["metadata"]["name"]): o for o in objects}
    chart_services = k8s.values(settings)["hub"]["services"]
    for name, port in (("praxis", 10101), ("praxis-dashboards", 10102)):
        deployment = kinds[("Deployment", name)]["spec"]
        service = kinds[("Service", name)]["spec"]
        pod = deployment["template"]
        assert deployment["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
        assert service["selector"].items() <= pod["metadata"]["labels"].items()
        # The chart's hub NetworkPolicy lets these pods call the hub's API.
        assert pod["metadata"]["labels"]["hub.jupyter.org/network-access-hub"] == "true"
        [container] = pod["spec"]["containers"]
        assert container["ports"] == [{"name": "http", "containerPort": port}]
        assert service["ports"][0]["targetPort"] == "http"
        env = {e["name"]: e for e in container["env"]}
        assert len(env) == len(container["env"])
        key = env["JUPYTERHUB_API_TOKEN"]["valueFrom"]["secretKeyRef"]["key"]
        assert key.split(".")[2] in chart_services
        assert env["JUPYTERHUB_SERVICE_URL"]["value"] == f"http://0.0.0.0:{port}"
        assert pod["spec"]["automountServiceAccountToken"] is False
        assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
        assert container["securityContext"]["runAsUser"] == 1001
    service_pod = kinds[("Deployment", "praxis")]["spec"]["template"]["spec"]
    mounts = {m["name"]: m["mountPath"] for m in service_pod["containers"][0]["volumeMounts"]}
    assert mounts["data"] == "/srv/praxis-data/praxis"  # DATA_DIR/praxis on its volume
    claim = service_pod["volumes"][1]["persistentVolumeClaim"]["claimName"]
    assert ("PersistentVolumeClaim", claim) in kinds
    assert kinds[("PersistentVolumeClaim", claim)]["spec"]["storageClassName"] == "fast"
    # The dashboards never see the settings (they name people).
    dash = kinds[("Deployment", "praxis-dashboards")]["spec"]["template"]["spec"]
    assert dash["volumes"] == []
    assert "--Voila.ip=0.0.0.0" in dash["containers"][0]["command"]


# ---- the hub: extraConfig and the pods KubeSpawner makes ----------------------------


def chart_config(values: dict[str, Any]) -> Config:
    """What the chart's jupyterhub_config.py sets from the values we render (its mapping)."""
    merged = helm_merge(chart_yaml("values.yaml"), values)
    single = merged["singleuser"]
    c = Config()
    c.JupyterHub.spawner_class = "kubespawner.KubeSpawner"
    ks = c.KubeSpawner
    ks.uid = single["uid"]
    ks.fs_gid = single["fsGid"]
    ks.image = f"{single['image']['name']}:{single['image']['tag']}"
    ks.cpu_limit = single["cpu"]["limit"]
    ks.cpu_guarantee = single["cpu"]["guarantee"]
    ks.mem_limit = single["memory"]["limit"]
    ks.mem_guarantee = single["memory"]["guarantee"]
    ks.environment = single["extraEnv"]
    ks.extra_labels = single["extraLabels"]
    ks.extra_pod_config = single["extraPodConfig"]
    ks.profile_list = single["profileList"]
    ks.allow_privilege_escalation = single["allowPrivilegeEscalation"]
    if single.get("serviceAccountName"):
        ks.service_account = single["serviceAccountName"]
    if single["cloudMetadata"]["blockWithIptables"]:
        # The chart's privileged init container (root), when its blocking is asked for.
        ks.init_containers = [
            {
                "name": "block-cloud-metadata",
                "image": "quay.io/jupyterhub/k8s-network-tools:x",
                "securityContext": {"privileged": True, "runAsUser": 0},
            }
        ]
    c.JupyterHub.services = [
        {"name": key, **service} for key, service in merged["hub"]["services"].items()
    ]
    c.JupyterHub.load_roles = [{"name": "jupyterhub-idle-culler", "scopes": ["list:users"]}]
    return c


def run_extra_config(
    values: dict[str, Any], settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> Config:
    """Run hub.extraConfig as the chart does: exec'd with `c` and `get_secret_value`."""
    c = chart_config(values)
    tokens = {"hub.services.praxis.apiToken": "s" * 64}
    namespace = {"c": c, "get_secret_value": tokens.__getitem__}
    # hub.extraEnv gives the hub's container this variable; here it is the test's file.
    monkeypatch.setenv("PRAXISHUB_SETTINGS", str(settings_file))
    for name, snippet in sorted(values["hub"]["extraConfig"].items()):
        exec(compile(snippet, f"extraConfig.{name}", "exec"), namespace)  # noqa: S102
    return c


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "praxishub.yaml"
    path.write_text(POSTGRES, encoding="utf-8")
    return path


def test_extra_config_calls_apply_settings_with_the_mounted_settings(settings_file, monkeypatch):
    """Does the hub's extraConfig load the mounted settings and call apply_settings?"""
    calls = []
    real = k8s.apply_settings

    def spy(c, settings, runtime):
        calls.append((settings, runtime))
        return real(c, settings, runtime)

    monkeypatch.setattr(k8s, "apply_settings", spy)
    values = k8s.values(postgres_settings())
    assert values["hub"]["extraEnv"]["PRAXISHUB_SETTINGS"] == "/srv/praxishub/praxishub.yaml"
    c = run_extra_config(values, settings_file, monkeypatch)
    [(settings, runtime)] = calls
    assert settings.path == settings_file.resolve()
    assert settings["database"]["url"] == "postgresql+psycopg://praxis@praxis-db:5433/praxis"
    assert runtime.service_token == "s" * 64 and runtime.is_root is False
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert {"jupyterhub-idle-culler", "praxis-service", *ROLES} == set(roles)
    assert roles["trainee"]["groups"] == ["role-trainee"]
    assert "custom:praxis:grade" in c.JupyterHub.custom_scopes
    # The chart's services and spawner stay: nothing local (no command, no Unix users).
    assert [s["name"] for s in c.JupyterHub.services] == ["praxis", "dashboards"]
    assert c.JupyterHub.spawner_class == "kubespawner.KubeSpawner"
    assert c.JupyterHub.authenticator_class == "praxishub.auth.PraxisAuthenticator"
    assert c.PraxisAuthenticator.service_url == "http://praxis:10101/services/praxis/"
    assert c.PraxisAuthenticator.service_token == "s" * 64


def person(role: str | None) -> SimpleNamespace:
    groups = [SimpleNamespace(name="cohort-c1")]
    if role:
        groups.append(SimpleNamespace(name=f"role-{role}"))
    return SimpleNamespace(name=f"synthetic-{role}", id=7, url="/user/x/", groups=groups)


async def _pod(c: Config, who: SimpleNamespace, options: dict[str, Any]) -> dict[str, Any]:
    from kubespawner import KubeSpawner

    spawner = KubeSpawner(_mock=True, config=c, user=who)
    spawner.user_options = options
    await spawner.load_user_options()
    pod = await spawner.get_pod_manifest()
    async with ApiClient() as api:
        return api.sanitize_for_serialization(pod)


@pytest.fixture
def hub_config(settings_file, monkeypatch) -> Config:
    import kubespawner.spawner

    # No cluster here: KubeSpawner must not look for a kubeconfig or an API client.
    monkeypatch.setattr(kubespawner.spawner, "load_config", lambda **_: None)
    monkeypatch.setattr(kubespawner.spawner, "shared_client", lambda *_: None)
    return run_extra_config(k8s.values(postgres_settings()), settings_file, monkeypatch)


@pytest.mark.parametrize("role", ROLES)
def test_each_roles_pod_is_non_root_tokenless_and_limited(hub_config, role):
    """Does KubeSpawner make each role's pod non-root, with no token, at that role's limits?"""
    pod = asyncio.run(_pod(hub_config, person(role), {}))
    spec = pod["spec"]
    assert spec["automountServiceAccountToken"] is False
    assert "serviceAccountName" not in spec
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["fsGroup"] == 1001
    assert spec.get("initContainers", []) == []  # no privileged helper running as root
    [container] = spec["containers"]
    security = container["securityContext"]
    assert security["runAsUser"] == 1001
    assert security["runAsNonRoot"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"] == {"drop": ["ALL"]}
    assert container["image"] == "registry.example.org/p/praxishub:2026.11"
    wanted = postgres_settings()["kubernetes"]["resources"][role]
    limits, requests = container["resources"]["limits"], container["resources"]["requests"]
    assert float(limits["cpu"]) == wanted["cpu_limit"]
    assert float(requests["cpu"]) == wanted["cpu_guarantee"]
    bytes_of = {"M": 2**20, "G": 2**30}
    assert limits["memory"] == int(wanted["mem_limit"][:-1]) * bytes_of[wanted["mem_limit"][-1]]
    assert (
        requests["memory"]
        == int(wanted["mem_guarantee"][:-1]) * bytes_of[wanted["mem_guarantee"][-1]]
    )
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["PRAXISHUB_SERVICE_URL"] == "http://proxy-public/services/praxis/"


def test_a_person_gets_only_their_roles_profile(hub_config):
    """Can a trainee ask for the trainer's profile? (No; and no role means a trainee's.)"""
    with pytest.raises(ValueError, match="trainer"):
        asyncio.run(_pod(hub_config, person("trainee"), {"profile": "trainer"}))
    pod = asyncio.run(_pod(hub_config, person(None), {}))
    assert pod["spec"]["containers"][0]["resources"]["limits"]["cpu"] == 0.5
    assert hub_config.KubeSpawner.options_form == ""  # no choice offered


def test_the_charts_root_init_container_would_be_caught(settings_file, monkeypatch):
    """Were the chart's root init container switched back on, would the pod test see it?"""
    import kubespawner.spawner

    monkeypatch.setattr(kubespawner.spawner, "load_config", lambda **_: None)
    monkeypatch.setattr(kubespawner.spawner, "shared_client", lambda *_: None)
    values = k8s.values(postgres_settings())
    values["singleuser"]["cloudMetadata"]["blockWithIptables"] = True
    c = run_extra_config(values, settings_file, monkeypatch)
    pod = asyncio.run(_pod(c, person("trainee"), {}))
    assert pod["spec"]["initContainers"][0]["securityContext"]["runAsUser"] == 0


# ---- the command --------------------------------------------------------------------


def test_cli_writes_values_and_manifests(tmp_path):
    """Does `praxishub k8s values -o FILE` write values helm accepts, and manifests YAML?"""
    out = tmp_path / "values.yaml"
    runner = CliRunner()
    done = runner.invoke(main, ["k8s", "values", "--settings", str(EXAMPLE), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert helm_errors(yaml.safe_load(out.read_text("utf-8"))) == []
    assert out.read_text("utf-8").startswith("# Zero to JupyterHub values")
    assert "extraConfig:\n    praxishub: |\n" in out.read_text("utf-8")
    assert "courses" in done.output  # the note on what does not run on Kubernetes yet
    done = runner.invoke(main, ["k8s", "manifests", "--settings", str(EXAMPLE)])
    assert done.exit_code == 0, done.output
    kinds = [d["kind"] for d in yaml.safe_load_all(done.stdout)]
    assert kinds.count("Deployment") == 2 and kinds.count("NetworkPolicy") == 2


def test_cli_names_the_key_of_bad_settings(tmp_path):
    """Does a uid of 0 (root) stop the command with exit 2, naming the key?"""
    bad = tmp_path / "praxishub.yaml"
    bad.write_text(POSTGRES.replace("uid: 1001", "uid: 0"), encoding="utf-8")
    out = tmp_path / "values.yaml"
    done = CliRunner().invoke(main, ["k8s", "values", "-c", str(bad), "-o", str(out)])
    assert done.exit_code == 2
    assert "kubernetes.uid" in done.output
    assert not out.exists()
