"""The container image recipe and the local multi-container stack.

No Docker engine exists where these run, so nothing is built or started here: hadolint
(run by .ci/deploy-checks, and below when it is installed) lints the Dockerfile, and
these tests check what the files promise — a cached multi-stage build of the `omni`
binary onto a non-root runtime, and a compose stack whose six services reach each
other, Postgres, Redis and the collector with settings the binary actually reads."""

from __future__ import annotations

import fnmatch
import json
import os
import pathlib
import re
import shutil
import subprocess
import tomllib

import jsonschema
import pytest
import yaml

from conftest import DOCKER, ROOT, SERVICES, env_setting_path, known_setting


def instructions(path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined."""
    out, pending = [], ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    return out


def stages(path) -> list[list[tuple[str, str]]]:
    result = []
    for ins in instructions(path):
        if ins[0] == "FROM":
            result.append([])
        if result:
            result[-1].append(ins)
    return result


DOCKERFILE = DOCKER / "Dockerfile"


def test_dockerfile_is_multi_stage_with_a_dependency_layer_before_the_sources():
    all_stages = stages(DOCKERFILE)
    assert len(all_stages) >= 3, "builder and runtime stages at least"
    builder = next(s for s in all_stages if re.search(r"\bAS builder\b", s[0][1]))
    steps = [f"{i} {a}" for i, a in builder]
    cook = next(n for n, s in enumerate(steps) if "cargo chef cook" in s)
    copy_sources = next(n for n, s in enumerate(steps) if s.startswith("COPY . ."))
    build = next(n for n, s in enumerate(steps) if "cargo build" in s)
    assert cook < copy_sources < build, "dependencies must compile before the sources are copied"
    assert "--locked" in steps[cook] and "--locked" in steps[build]
    assert "--release" in steps[build] and "--bin omni" in steps[build]
    # The planner sees the whole tree but only its recipe reaches the builder.
    copies = [a for i, a in builder if i == "COPY" and "--from=" in a]
    assert copies == ["--from=planner /src/recipe.json recipe.json"]


def test_builder_uses_the_pinned_rust_toolchain():
    toolchain = tomllib.loads((ROOT / "rust-toolchain.toml").read_text())["toolchain"]["channel"]
    args = dict(
        a.split("=", 1) for i, a in instructions(DOCKERFILE) if i == "ARG" and "=" in a
    )
    assert args["RUST_VERSION"] == toolchain
    first = stages(DOCKERFILE)[0][0][1]
    assert first.startswith("rust:${RUST_VERSION}")


def test_runtime_is_minimal_non_root_and_runs_omni():
    runtime = stages(DOCKERFILE)[-1]
    base = runtime[0][1].split()[0]
    assert base.startswith("gcr.io/distroless/cc-debian12:nonroot"), base
    copies = [a for i, a in runtime if i in ("COPY", "ADD")]
    assert copies == ["--from=builder /out/omni /usr/local/bin/omni"], "the runtime holds only the binary"
    assert not [i for i, _ in runtime if i == "RUN"], "no RUN in a shell-less runtime"
    user = [a for i, a in runtime if i == "USER"]
    assert user and user[-1].split(":")[0] not in ("0", "root")
    assert [a for i, a in runtime if i == "ENTRYPOINT"] == ['["omni"]']
    # Environment in the image would shadow the chart's ConfigMap (env wins over file).
    assert not [a for i, a in runtime if i == "ENV" and "OMNI__" in a]


def test_the_image_uid_matches_the_chart():
    runtime = stages(DOCKERFILE)[-1]
    uid = int([a for i, a in runtime if i == "USER"][-1].split(":")[0])
    values = yaml.safe_load((ROOT / "helm" / "omni" / "values.yaml").read_text())
    assert values["podSecurityContext"]["runAsUser"] == uid


def ignored(path: str, patterns: list[str]) -> bool:
    result = False
    for p in patterns:
        negate = p.startswith("!")
        p = p.lstrip("!").rstrip("/")
        candidates = {p, p.replace("**/", "")}
        parts = path.split("/")
        prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        if any(fnmatch.fnmatch(pre, c) for pre in prefixes for c in candidates) or any(
            fnmatch.fnmatch(part, c) for part in parts for c in candidates if p.startswith("**/")
        ):
            result = not negate
    return result


def test_dockerignore_keeps_every_workspace_member_and_drops_build_output():
    patterns = [
        l.strip()
        for l in (DOCKER / "Dockerfile.dockerignore").read_text().splitlines()
        if l.strip() and not l.startswith("#")
    ]
    workspace = tomllib.loads((ROOT / "Cargo.toml").read_text())["workspace"]
    for member in workspace["members"]:
        assert not ignored(f"{member}/Cargo.toml", patterns), f"{member} is excluded from the build context"
        assert not ignored(f"{member}/src/lib.rs", patterns), member
    for needed in ("Cargo.toml", "Cargo.lock", "proto/omni/common/v1/common.proto"):
        assert not ignored(needed, patterns), needed
    for dropped in ("target/debug/omni", "libs/common/target/x", "data/identity.db", ".git/HEAD"):
        assert ignored(dropped, patterns), dropped


@pytest.mark.skipif(shutil.which("hadolint") is None, reason="hadolint not installed")
def test_hadolint_is_clean():
    result = subprocess.run(
        ["hadolint", "--failure-threshold", "info", str(DOCKERFILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------------ compose

COMPOSE = yaml.safe_load((DOCKER / "compose.yaml").read_text())
PORTS = {name: 50051 + n for n, name in enumerate(SERVICES)}


def test_compose_runs_the_stack_as_separate_containers():
    services = COMPOSE["services"]
    for infra in ("redis", "postgres", "otel-collector"):
        assert infra in services, infra
    for name in SERVICES:
        svc = services[name]
        assert svc["command"] == [name], f"{name} runs `omni {name}`"
        assert svc["image"] == services["identity"]["image"]
        assert svc["build"]["dockerfile"] == "docker/Dockerfile"
        assert (DOCKER / svc["build"]["context"] / svc["build"]["dockerfile"]).resolve() == DOCKERFILE
        assert f"{PORTS[name]}:{PORTS[name]}" in svc["ports"]
        assert svc["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert svc["depends_on"]["redis"]["condition"] == "service_healthy"
    assert services["migrate"]["command"] == ["migrate"]
    from test_chart import omni_subcommands

    for name in list(SERVICES) + ["migrate"]:
        assert services[name]["command"][0] in omni_subcommands()
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_compose_services_are_hardened_like_the_chart():
    for name in list(SERVICES) + ["migrate"]:
        svc = COMPOSE["services"][name]
        assert svc["read_only"] is True, name
        assert svc["user"].split(":")[0] not in ("0", "root"), name
        assert svc["cap_drop"] == ["ALL"], name
        assert any(t.startswith("/tmp") for t in svc["tmpfs"]), name


def test_compose_env_wires_each_service_to_the_others_and_to_its_database():
    init_sql = (DOCKER / "postgres" / "init-databases.sql").read_text()
    services = COMPOSE["services"]
    for name in list(SERVICES) + ["migrate"]:
        env = services[name]["environment"]
        for key in env:
            path = env_setting_path(key)
            assert path is not None and known_setting(path), f"{name}: {key} names no setting"
        assert env["OMNI__REDIS__URL"] == "redis://redis:6379"
        assert env["OMNI__TELEMETRY__OTLP_ENDPOINT"] == "http://otel-collector:4317"
        assert env["OMNI__DATA_DIR"].startswith("/tmp/")
        for other, port in PORTS.items():
            assert env[f"OMNI__{other.upper()}__URL"] == f"http://{other}:{port}"
            assert env[f"OMNI__{other.upper()}__LISTEN"] == f"0.0.0.0:{port}"
            url = env[f"OMNI__{other.upper()}__DATABASE_URL"]
            assert url.startswith("postgres://") and "@postgres:5432/" in url
            database = url.rsplit("/", 1)[1]
            assert f"CREATE DATABASE {database};" in init_sql, f"{database} is never created"
    smtp_host = services["channel"]["environment"]["OMNI__SMTP__HOST"]
    assert smtp_host in services, "channel sends through a relay in the stack"


def test_compose_mounts_files_that_exist():
    for name, svc in COMPOSE["services"].items():
        for volume in svc.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (DOCKER / source).exists(), f"{name}: {source} missing"


def test_collector_receives_otlp_and_exports_every_signal():
    svc = COMPOSE["services"]["otel-collector"]
    mount = next(v for v in svc["volumes"] if "collector.yaml" in v)
    source, target = mount.split(":")[:2]
    assert any(target in c for c in svc["command"]), "the collector runs with the mounted config"
    config = yaml.safe_load((DOCKER / source).read_text())
    assert config["receivers"]["otlp"]["protocols"]["grpc"]["endpoint"].endswith(":4317")
    pipelines = config["service"]["pipelines"]
    assert set(pipelines) >= {"traces", "metrics"}
    for pipeline in pipelines.values():
        for kind in ("receivers", "processors", "exporters"):
            for component in pipeline.get(kind, []):
                assert component in config[kind], f"{component} used but not defined"


@pytest.mark.skipif(
    subprocess.run(["docker", "compose", "version"], capture_output=True).returncode != 0
    if shutil.which("docker")
    else True,
    reason="docker compose plugin not available",
)
def test_docker_compose_config_accepts_the_file():
    result = subprocess.run(
        ["docker", "compose", "-f", str(DOCKER / "compose.yaml"), "config", "--quiet"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def compose_schema() -> dict | None:
    path = os.environ.get("OMNI_COMPOSE_SCHEMA")
    return json.loads(pathlib.Path(path).read_text()) if path and pathlib.Path(path).is_file() else None


@pytest.mark.skipif(compose_schema() is None, reason="OMNI_COMPOSE_SCHEMA not set (.ci/deploy-checks sets it)")
def test_compose_file_matches_the_compose_spec_schema():
    schema = compose_schema()
    # This schema (from the docker-compose 1.29.2 wheel) predates the top-level `name`
    # key of the current spec; allow it and check everything else strictly.
    schema["properties"]["name"] = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"}
    validator = jsonschema.Draft201909Validator(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(COMPOSE)]
    assert not errors, errors
    # And the schema is not vacuous: a misspelt service key is rejected.
    broken = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    broken["services"]["identity"]["enviroment"] = {}
    assert list(validator.iter_errors(broken))
