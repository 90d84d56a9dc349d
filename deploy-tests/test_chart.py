"""The Helm chart, rendered offline and checked object by object.

Every rendered manifest is validated against the Kubernetes OpenAPI schemas shipped by
kubernetes-validate (strict: unknown fields fail), and the objects are asserted on:
one Deployment + Service per service, gRPC probes on the right port, hardening, HPA and
PDB per service, the migration hook, and no secret value anywhere in the output."""

from __future__ import annotations

import copy
import json
import re
import tomllib

import helm_python as helm
import kubernetes_validate
import pytest
import yaml

from conftest import (
    CHART,
    NAMESPACE,
    RELEASE,
    ROOT,
    SERVICES,
    Rendered,
    component,
    env_setting_path,
    known_setting,
    load_values,
    render,
)

# The oldest Kubernetes the chart supports with every feature it renders (native gRPC
# probes are GA in 1.27, the preStop sleep action in the production values needs 1.30)
# and the newest kubernetes-validate ships.
KUBE_VERSIONS = ["1.30.0", "1.37.0"]

# Kinds without a Kubernetes schema (CRDs), checked structurally below instead.
CRD_KINDS = {"ServiceMonitor"}


def containers(obj: dict) -> list[dict]:
    spec = obj["spec"]["template"]["spec"]
    return spec.get("initContainers", []) + spec["containers"]


def workloads(r: Rendered) -> list[dict]:
    return r.of_kind("Deployment") + r.of_kind("Job")


def pod_labels(deployment: dict) -> dict:
    return deployment["spec"]["template"]["metadata"]["labels"]


def selects(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


# ---------------------------------------------------------------- Kubernetes schemas


@pytest.mark.parametrize("kube_version", KUBE_VERSIONS)
def test_every_manifest_is_valid_kubernetes(scenario: Rendered, kube_version: str):
    assert scenario.objects, "nothing rendered"
    for obj in scenario.objects:
        if obj["kind"] in CRD_KINDS:
            continue
        where = f'{obj["kind"]}/{obj["metadata"]["name"]}'
        try:
            kubernetes_validate.validate(obj, kube_version, strict=True)
        except kubernetes_validate.ValidationError as e:
            pytest.fail(f"{where} is invalid for Kubernetes {kube_version}: {e.message} at {list(e.path)}")
        except kubernetes_validate.SchemaNotFoundError as e:
            pytest.fail(f"{where}: {e.message}")


def test_helm_lint_is_clean():
    for name in ("default", "production"):
        report = helm.lint(CHART, load_values(name), strict=True, namespace=NAMESPACE)
        problems = [m for m in report["messages"] if m["severity"] >= 2] + report["errors"]
        assert not problems, f"helm lint ({name}): {problems}"


# ------------------------------------------------------ one Deployment + Service each


def test_exactly_one_deployment_and_service_per_service(scenario: Rendered):
    deployments = {d["metadata"]["name"]: d for d in scenario.of_kind("Deployment")}
    services = {s["metadata"]["name"]: s for s in scenario.of_kind("Service")}
    expected = {component(n) for n in SERVICES}
    assert set(deployments) == expected
    assert set(services) == expected
    images = set()
    for name in SERVICES:
        d = deployments[component(name)]
        (c,) = d["spec"]["template"]["spec"]["containers"]
        assert c["args"] == [name], "the service is chosen by the argument to `omni`"
        assert "command" not in c, "the image's ENTRYPOINT (omni) runs"
        images.add(c["image"])
        port = scenario.values["services"][name]["port"]
        assert [p["containerPort"] for p in c["ports"] if p["name"] == "grpc"] == [port]
        s = services[component(name)]
        assert selects(s["spec"]["selector"], pod_labels(d))
        assert selects(d["spec"]["selector"]["matchLabels"], pod_labels(d))
        grpc = [p for p in s["spec"]["ports"] if p["name"] == "grpc"]
        assert grpc == [
            {"name": "grpc", "port": port, "targetPort": "grpc", "protocol": "TCP", "appProtocol": "grpc"}
        ]
        # The selector picks this service's pods only.
        for other in SERVICES:
            if other != name:
                assert not selects(s["spec"]["selector"], pod_labels(deployments[component(other)]))
    assert len(images) == 1, f"all services use one image, got {images}"


def omni_subcommands() -> set[str]:
    """Subcommands of the `omni` binary: the variants of `enum Command` in main.rs."""
    main = (CHART.parent.parent / "services" / "omni" / "src" / "main.rs").read_text()
    body = re.search(r"enum Command \{(.*?)\n\}", main, re.S).group(1)
    variants = re.findall(r"^    ([A-Z][A-Za-z]*)\b", body, re.M)
    return {re.sub(r"(?<!^)([A-Z])", r"-\1", v).lower() for v in variants}


def test_container_args_are_subcommands_of_the_binary(scenario: Rendered):
    commands = omni_subcommands()
    assert {"migrate", *SERVICES} <= commands, commands
    for w in workloads(scenario):
        for c in containers(w):
            assert c["args"][0] in commands, c["args"]


def test_image_reference_follows_tag_and_digest():
    default = render(None).named("Deployment", component("identity"))
    assert containers(default)[0]["image"] == f"omni:{yaml.safe_load((CHART / 'Chart.yaml').read_text())['appVersion']}"
    digest = "sha256:" + "ab" * 32
    pinned = render({"image": {"repository": "r.example/omni", "tag": "1.2.3", "digest": digest}})
    for w in workloads(pinned):
        assert containers(w)[0]["image"] == f"r.example/omni@{digest}"


# ------------------------------------------------------------------------ probes


def test_every_service_has_grpc_startup_liveness_and_readiness_probes(scenario: Rendered):
    for name, health_name in SERVICES.items():
        d = scenario.named("Deployment", component(name))
        (c,) = d["spec"]["template"]["spec"]["containers"]
        port = scenario.values["services"][name]["port"]
        for kind in ("startupProbe", "livenessProbe", "readinessProbe"):
            probe = c.get(kind)
            assert probe, f"{name}: {kind} missing"
            assert set(probe) & {"httpGet", "tcpSocket", "exec"} == set(), f"{name}: {kind} must be gRPC"
            assert probe["grpc"]["port"] == port, f"{name}: {kind} on the wrong port"
        # Startup and readiness ask for the service's own health entry (NOT_SERVING while
        # it drains); liveness for the whole server ("").
        assert c["startupProbe"]["grpc"]["service"] == health_name
        assert c["readinessProbe"]["grpc"]["service"] == health_name
        assert c["livenessProbe"]["grpc"].get("service", "") == ""


def test_health_names_match_the_services_proto_packages():
    # The names probes ask for are `<package>.<Service>` from proto/omni/<svc>/v1.
    for name, health_name in SERVICES.items():
        package, service = health_name.rsplit(".", 1)
        protos = list((CHART.parent.parent / "proto" / "omni" / name / "v1").glob("*.proto"))
        text = "\n".join(p.read_text() for p in protos)
        assert f"package {package};" in text, f"{name}: package {package} not in proto"
        assert re.search(rf"\bservice {service}\b", text), f"{name}: service {service} not in proto"


def test_probe_ports_follow_a_changed_service_port():
    r = render({"services": {"segment": {"port": 6100}}})
    d = r.named("Deployment", component("segment"))
    (c,) = d["spec"]["template"]["spec"]["containers"]
    assert {c[k]["grpc"]["port"] for k in ("startupProbe", "livenessProbe", "readinessProbe")} == {6100}
    toml = tomllib.loads(r.named("ConfigMap", RELEASE)["data"]["omni.toml"])
    assert toml["segment"]["listen"] == "0.0.0.0:6100"
    assert toml["segment"]["url"] == f"http://{component('segment')}.{NAMESPACE}.svc:6100"


# -------------------------------------------------------------------- hardening


def test_pods_run_non_root_with_a_read_only_root_filesystem(scenario: Rendered):
    for w in workloads(scenario):
        where = f'{w["kind"]}/{w["metadata"]["name"]}'
        pod = w["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, where
        assert pod["securityContext"]["runAsUser"] != 0, where
        assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault", where
        assert pod["automountServiceAccountToken"] is False, where
        for c in containers(w):
            sc = c["securityContext"]
            assert sc["readOnlyRootFilesystem"] is True, where
            assert sc["allowPrivilegeEscalation"] is False, where
            assert sc["capabilities"]["drop"] == ["ALL"], where
            assert "add" not in sc["capabilities"], where
            # The only writable path is an emptyDir at /tmp (data_dir lives under it).
            writable = [m for m in c["volumeMounts"] if not m.get("readOnly")]
            assert [m["mountPath"] for m in writable] == ["/tmp"], where
            tmp = next(v for v in pod["volumes"] if v["name"] == writable[0]["name"])
            assert "emptyDir" in tmp, where
            assert c.get("resources", {}).get("requests"), f"{where}: no resource requests"


def test_data_dir_is_on_the_writable_tmp(rendered):
    toml = tomllib.loads(rendered["default"].named("ConfigMap", RELEASE)["data"]["omni.toml"])
    assert toml["data_dir"].startswith("/tmp/")


# ---------------------------------------------------------------- HPA and PDB


def test_each_service_has_an_hpa_and_a_pdb(scenario: Rendered):
    hpas = {h["spec"]["scaleTargetRef"]["name"]: h for h in scenario.of_kind("HorizontalPodAutoscaler")}
    pdbs = scenario.of_kind("PodDisruptionBudget")
    assert len(hpas) == len(SERVICES) == len(pdbs)
    for name in SERVICES:
        d = scenario.named("Deployment", component(name))
        hpa = hpas[component(name)]
        assert hpa["spec"]["scaleTargetRef"]["kind"] == "Deployment"
        assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
        assert hpa["spec"]["metrics"], f"{name}: HPA without metrics"
        assert "replicas" not in d["spec"], f"{name}: replicas fight the HPA"
        matching = [p for p in pdbs if selects(p["spec"]["selector"]["matchLabels"], pod_labels(d))]
        assert len(matching) == 1, f"{name}: {len(matching)} PDBs select its pods"
        spec = matching[0]["spec"]
        assert ("minAvailable" in spec) != ("maxUnavailable" in spec)


def test_per_service_overrides_merge_over_the_defaults(rendered):
    r = rendered["production"]
    hpa = r.named("HorizontalPodAutoscaler", component("identity"))["spec"]
    assert (hpa["minReplicas"], hpa["maxReplicas"]) == (3, 30)
    assert {m["resource"]["name"] for m in hpa["metrics"]} == {"cpu", "memory"}
    assert r.named("PodDisruptionBudget", component("identity"))["spec"] == {
        "minAvailable": 2,
        "selector": r.named("Deployment", component("identity"))["spec"]["selector"],
    }
    assert r.named("PodDisruptionBudget", component("segment"))["spec"]["maxUnavailable"] == 1
    (c,) = r.named("Deployment", component("identity"))["spec"]["template"]["spec"]["containers"]
    assert c["resources"]["requests"]["cpu"] == "1"
    (c,) = r.named("Deployment", component("journey"))["spec"]["template"]["spec"]["containers"]
    assert c["resources"]["requests"]["cpu"] == "250m"


def test_topology_spread_defaults_to_each_services_own_pods(rendered):
    r = rendered["production"]
    for name in SERVICES:
        d = r.named("Deployment", component(name))
        constraints = d["spec"]["template"]["spec"]["topologySpreadConstraints"]
        assert [c["topologyKey"] for c in constraints] == ["topology.kubernetes.io/zone", "kubernetes.io/hostname"]
        for c in constraints:
            assert c["labelSelector"]["matchLabels"] == d["spec"]["selector"]["matchLabels"]


def test_autoscaling_off_sets_replicas_and_drops_the_hpa():
    r = render({"autoscaling": {"enabled": False}, "services": {"channel": {"replicaCount": 4}}})
    assert r.of_kind("HorizontalPodAutoscaler") == []
    assert r.named("Deployment", component("channel"))["spec"]["replicas"] == 4
    assert r.named("Deployment", component("identity"))["spec"]["replicas"] == 2


# ------------------------------------------------------------- migration hook


def test_migrations_run_as_a_pre_install_and_pre_upgrade_hook_job(scenario: Rendered):
    jobs = scenario.of_kind("Job")
    assert len(jobs) == 1
    job = jobs[0]
    annotations = job["metadata"]["annotations"]
    assert set(annotations["helm.sh/hook"].split(",")) == {"pre-install", "pre-upgrade"}
    assert "before-hook-creation" in annotations["helm.sh/hook-delete-policy"].split(",")
    int(annotations["helm.sh/hook-weight"])
    (c,) = job["spec"]["template"]["spec"]["containers"]
    assert c["args"] == ["migrate"]
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
    env = {e["name"]: e for e in c["env"]}
    for name in SERVICES:
        ref = env[f"OMNI__{name.upper()}__DATABASE_URL"]["valueFrom"]["secretKeyRef"]
        assert ref["name"] == scenario.values["postgres"]["existingSecret"]
        assert ref["key"] == scenario.values["postgres"]["databaseUrlKeys"][name]
    assert "secretKeyRef" in env["OMNI__REDIS__URL"]["valueFrom"]
    # A pre-install hook runs before this release's other objects exist: it must not
    # need the ConfigMap or the chart's ServiceAccount.
    pod = job["spec"]["template"]["spec"]
    assert "serviceAccountName" not in pod
    assert all("configMap" not in v for v in pod["volumes"])
    assert "envFrom" not in c
    assert c["image"] == containers(scenario.named("Deployment", component("identity")))[0]["image"]


def test_migrations_can_be_turned_off():
    assert render({"migrations": {"enabled": False}}).of_kind("Job") == []


# -------------------------------------------------------------------- secrets


SENTINELS = {"redis": "s3cr3t-redis-pw", "db": "s3cr3t-db-pw", "key": "s3cr3t-admin"}


def test_no_secret_is_rendered_and_env_draws_secrets_only_from_secret_refs(scenario: Rendered):
    assert scenario.of_kind("Secret") == [], "the chart never creates Secrets (existingSecret only)"
    sensitive = re.compile(r"(KEY|PASSWORD|USERNAME|SECRET|TOKEN|DATABASE_URL|REDIS__URL)$")
    for w in workloads(scenario):
        for c in containers(w):
            assert "envFrom" not in c
            for e in c["env"]:
                if sensitive.search(e["name"]):
                    assert "value" not in e, f'{e["name"]} inlined in {w["metadata"]["name"]}'
                    assert set(e["valueFrom"]) == {"secretKeyRef"}, e
                    assert e["valueFrom"]["secretKeyRef"].get("optional") is not True
    toml = tomllib.loads(scenario.named("ConfigMap", RELEASE)["data"]["omni.toml"])
    assert "redis" not in toml
    assert set(toml["auth"]) == {"bootstrap_workspace"}
    assert "username" not in toml["smtp"] and "password" not in toml["smtp"]
    for name in SERVICES:
        assert "database_url" not in toml[name]


def test_every_service_gets_keys_redis_and_only_its_own_database(scenario: Rendered):
    for name in SERVICES:
        (c,) = scenario.named("Deployment", component(name))["spec"]["template"]["spec"]["containers"]
        refs = {e["name"]: e["valueFrom"]["secretKeyRef"] for e in c["env"] if "valueFrom" in e}
        assert refs["OMNI__AUTH__BOOTSTRAP_KEY"]["name"] == scenario.values["auth"]["existingSecret"]
        assert refs["OMNI__AUTH__INTERNAL_KEY"]["key"] == scenario.values["auth"]["internalKeyKey"]
        assert refs["OMNI__REDIS__URL"]["key"] == scenario.values["redis"]["urlKey"]
        databases = sorted(k for k in refs if k.endswith("__DATABASE_URL"))
        assert databases == [f"OMNI__{name.upper()}__DATABASE_URL"]
        smtp = sorted(k for k in refs if k.startswith("OMNI__SMTP__"))
        if name == "channel" and scenario.values["smtp"]["existingSecret"]:
            assert smtp == ["OMNI__SMTP__PASSWORD", "OMNI__SMTP__USERNAME"]
        else:
            assert smtp == []


@pytest.mark.parametrize(
    "inline",
    [
        {"redis": {"url": f"redis://:{SENTINELS['redis']}@redis:6379"}},
        {"postgres": {"password": SENTINELS["db"]}},
        {"auth": {"bootstrapKey": SENTINELS["key"]}},
        {"smtp": {"password": SENTINELS["key"]}},
        {"services": {"identity": {"databaseUrl": f"postgres://u:{SENTINELS['db']}@db/x"}}},
    ],
    ids=["redis.url", "postgres.password", "auth.bootstrapKey", "smtp.password", "services.identity.databaseUrl"],
)
def test_secret_values_cannot_be_passed_inline(inline):
    with helm.Chart.load(CHART) as chart:
        with pytest.raises(helm.HelmValuesError, match="additional properties|additionalProperties"):
            chart.validate_schema(inline)


def test_env_values_are_scrubbed_of_secret_material(scenario: Rendered):
    # Belt and braces: nothing that looks like a credential-bearing URL is anywhere.
    text = "\n".join(scenario.files.values())
    assert not re.search(r"(postgres|redis|rediss)://[^\s\"]*:[^\s\"]*@", text)


# ------------------------------------------------------------ config contract


def test_configmap_keys_are_settings_the_binary_reads(scenario: Rendered):
    toml = tomllib.loads(scenario.named("ConfigMap", RELEASE)["data"]["omni.toml"])

    def walk(node, path):
        for k, v in node.items():
            if isinstance(v, dict):
                walk(v, path + [k])
            else:
                assert known_setting(path + [k]), f"omni.toml sets unknown key {'.'.join(path + [k])}"

    walk(toml, [])
    for w in workloads(scenario):
        for c in containers(w):
            for e in c["env"]:
                path = env_setting_path(e["name"])
                if path is not None:
                    assert known_setting(path), f'{e["name"]} names no setting'


def test_service_urls_point_at_the_rendered_services(scenario: Rendered):
    toml = tomllib.loads(scenario.named("ConfigMap", RELEASE)["data"]["omni.toml"])
    for name in SERVICES:
        svc = scenario.named("Service", component(name))
        port = svc["spec"]["ports"][0]["port"]
        assert toml[name]["url"] == f"http://{component(name)}.{NAMESPACE}.svc:{port}"
        assert toml[name]["listen"].endswith(f":{port}")
        d = scenario.named("Deployment", component(name))
        (c,) = d["spec"]["template"]["spec"]["containers"]
        assert {"name": "OMNI_CONFIG", "value": "/etc/omni/omni.toml"} in c["env"]
        mount = next(m for m in c["volumeMounts"] if m["mountPath"] == "/etc/omni")
        volume = next(v for v in d["spec"]["template"]["spec"]["volumes"] if v["name"] == mount["name"])
        assert volume["configMap"]["name"] == RELEASE


def test_config_values_survive_toml_quoting():
    tricky = 'Omni "Team" <no-reply@omni.example> \\ ü'
    r = render({"smtp": {"from": tricky}, "config": {"logFilter": "info,omni_identity=debug"}})
    toml = tomllib.loads(r.named("ConfigMap", RELEASE)["data"]["omni.toml"])
    assert toml["smtp"]["from"] == tricky
    assert toml["telemetry"]["log_filter"] == "info,omni_identity=debug"


def test_a_config_change_rolls_the_pods():
    a = render(None).named("Deployment", component("journey"))
    b = render({"config": {"logFilter": "debug"}}).named("Deployment", component("journey"))
    key = "checksum/config"
    assert a["spec"]["template"]["metadata"]["annotations"][key] != b["spec"]["template"]["metadata"]["annotations"][key]


# -------------------------------------------------------------- values schema


@pytest.mark.parametrize(
    "bad, where",
    [
        ({"services": {"identity": {"replicaCount": -1}}}, "/services/identity/replicaCount"),
        ({"services": {"segment": {"port": 0}}}, "/services/segment/port"),
        ({"services": {"channel": {"port": "50055"}}}, "/services/channel/port"),
        ({"autoscaling": {"minReplicas": 0}}, "/autoscaling/minReplicas"),
        ({"autoscaling": {"targetCPUUtilizationPercentage": 150}}, "/autoscaling/targetCPUUtilizationPercentage"),
        ({"podDisruptionBudget": {"maxUnavailable": "half"}}, "/podDisruptionBudget/maxUnavailable"),
        ({"config": {"logFormat": "xml"}}, "/config/logFormat"),
        ({"redis": {"mode": "sentinel"}}, "/redis/mode"),
        ({"smtp": {"tls": "ssl"}}, "/smtp/tls"),
        ({"image": {"digest": "latest"}}, "/image/digest"),
        ({"auth": {"existingSecret": ""}}, "/auth/existingSecret"),
        ({"replicas": 3}, "replicas"),
    ],
)
def test_schema_rejects_bad_values(bad, where):
    with helm.Chart.load(CHART) as chart:
        with pytest.raises(helm.HelmValuesError) as caught:
            chart.validate_schema(bad)
        assert where in str(caught.value)
        # The engine applies the schema on render too, so a bad install never renders.
        with pytest.raises(helm.HelmValuesError):
            chart.render(values=bad, name=RELEASE, namespace=NAMESPACE)


def test_schema_accepts_the_shipped_values_files():
    with helm.Chart.load(CHART) as chart:
        chart.validate_schema(None)
        chart.validate_schema(load_values("production"))
        chart.validate_schema(load_values("metrics"))


def test_redis_cluster_mode_is_refused_with_the_reason():
    with pytest.raises(helm.HelmRenderError, match="redis.mode=cluster"):
        render({"redis": {"mode": "cluster"}})


# --------------------------------------------------------- metrics (optional)


def test_service_monitor_is_off_by_default(rendered):
    for name in ("default", "production"):
        assert rendered[name].of_kind("ServiceMonitor") == []
        for s in rendered[name].of_kind("Service"):
            assert [p["name"] for p in s["spec"]["ports"]] == ["grpc"]


def test_service_monitor_scrapes_the_metrics_port_of_every_service(rendered):
    r = rendered["metrics"]
    (sm,) = r.of_kind("ServiceMonitor")
    assert sm["apiVersion"] == "monitoring.coreos.com/v1"
    assert sm["metadata"]["labels"]["release"] == "prometheus"
    (endpoint,) = sm["spec"]["endpoints"]
    assert endpoint["port"] == "metrics" and endpoint["path"] == "/metrics"
    assert sm["spec"]["namespaceSelector"] == {"matchNames": [NAMESPACE]}
    selected = [s for s in r.of_kind("Service") if selects(sm["spec"]["selector"]["matchLabels"], s["metadata"]["labels"])]
    assert len(selected) == len(SERVICES)
    for s in selected:
        ports = {p["name"]: p for p in s["spec"]["ports"]}
        assert ports["metrics"]["port"] == 9464
    for d in r.of_kind("Deployment"):
        (c,) = d["spec"]["template"]["spec"]["containers"]
        assert {"name": "metrics", "containerPort": 9464, "protocol": "TCP"} in c["ports"]


def test_metrics_enabled_makes_every_service_serve_metrics_on_the_port(rendered):
    toml = tomllib.loads(rendered["metrics"].named("ConfigMap", RELEASE)["data"]["omni.toml"])
    assert toml["telemetry"]["metrics_listen"] == "0.0.0.0:9464"
    for name in ("default", "production"):
        toml = tomllib.loads(rendered[name].named("ConfigMap", RELEASE)["data"]["omni.toml"])
        assert "metrics_listen" not in toml["telemetry"]


def instrument_names():
    """Prometheus names of the instruments the binary defines (libs/common/src/metrics.rs)."""
    source = (ROOT / "libs" / "common" / "src" / "metrics.rs").read_text()
    names = set()
    for kind, name in re.findall(r'\.(u64_counter|f64_histogram|i64_gauge)\("([a-z0-9_.]+)"\)', source):
        base = name.replace(".", "_")
        if kind == "u64_counter":
            names.add(base + "_total")
        elif kind == "f64_histogram":
            names.update(base + "_seconds" + suffix for suffix in ("_bucket", "_sum", "_count"))
        else:
            names.add(base)
    return names


def test_dashboard_ships_valid_json_that_queries_only_real_metrics(rendered):
    assert [c for c in rendered["default"].of_kind("ConfigMap") if "dashboard" in c["metadata"]["name"]] == []
    (cm,) = [c for c in rendered["metrics"].of_kind("ConfigMap") if "dashboard" in c["metadata"]["name"]]
    assert cm["metadata"]["labels"]["grafana_dashboard"] == "1"
    dashboard = json.loads(cm["data"]["omni-overview.json"])
    known = instrument_names()
    assert {"omni_rpc_server_requests_total", "omni_bus_consumer_lag", "omni_channel_sends_total",
            "omni_journey_timer_backlog", "omni_rpc_server_duration_seconds_bucket"} <= known
    used = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            used.update(re.findall(r"\bomni_[a-z0-9_]+", target["expr"]))
    assert used, "the dashboard queries nothing"
    assert used <= known, f"dashboard queries unknown metrics: {used - known}"


def test_service_monitor_without_metrics_is_refused():
    with pytest.raises(helm.HelmRenderError, match="serviceMonitor.enabled needs metrics.enabled"):
        render({"serviceMonitor": {"enabled": True}})


# ------------------------------------------------------------ NOTES and README


def test_notes_name_every_service_and_the_secrets_to_create(scenario: Rendered):
    notes = scenario.notes
    for name in SERVICES:
        assert f"http://{component(name)}.{NAMESPACE}.svc:" in notes
    assert scenario.values["auth"]["existingSecret"] in notes
    assert scenario.values["postgres"]["existingSecret"] in notes
    assert scenario.values["redis"]["existingSecret"] in notes


SCHEMA = json.loads((CHART / "values.schema.json").read_text())


def leaf_paths(node, schema=SCHEMA, prefix=""):
    """Dotted paths of every documented value: the schema's typed leaves, with free-form
    Kubernetes objects (resources, affinity, ...) as one value each."""
    props = schema.get("properties")
    if isinstance(node, dict) and node and props:
        for k, v in node.items():
            yield from leaf_paths(v, props.get(k, {}), f"{prefix}.{k}" if prefix else k)
    else:
        yield prefix


def test_readme_documents_every_value():
    readme = (CHART / "README.md").read_text()
    documented = set(re.findall(r"^\| `([^`]+)` \|", readme, re.M))
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    paths = set()
    for path in leaf_paths(values):
        # One row covers the same key of all six services.
        paths.add(re.sub(r"^services\.(identity|segment|decisioning|journey|channel|insights)\.", "services.<name>.", path))
    missing = sorted(paths - documented)
    assert not missing, f"values not documented in helm/omni/README.md: {missing}"
    stale = sorted(p for p in documented - paths if not any(p.startswith(q + ".") for q in paths))
    assert not stale, f"README documents values that do not exist: {stale}"


def test_schema_covers_every_value():
    values = yaml.safe_load((CHART / "values.yaml").read_text())

    def covered(path: list[str]) -> bool:
        node = SCHEMA
        for part in path:
            props = node.get("properties", {})
            if part in props:
                node = props[part]
            else:
                return False
        return "type" in node or "oneOf" in node

    missing = [p for p in leaf_paths(values) if not covered(p.split("."))]
    assert not missing, f"values without a schema: {missing}"


def test_rendering_is_deterministic():
    a = render(load_values("production")).files
    b = render(copy.deepcopy(load_values("production"))).files
    assert a == b
