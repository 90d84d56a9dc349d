"""Shared fixtures: the chart rendered offline by Helm's own engine (helm-python-sdk,
which binds Helm v4's Go SDK), for each values file the tests care about."""

from __future__ import annotations

import copy
import pathlib
import re
import tomllib
from dataclasses import dataclass, field

import helm_python as helm
import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHART = ROOT / "helm" / "omni"
DOCKER = ROOT / "docker"
CONFIG_RS = ROOT / "libs" / "common" / "src" / "config.rs"

RELEASE = "omni"
NAMESPACE = "omni-system"

# omni_common::config::SERVICES, in port order, with the grpc.health.v1 name each reports.
SERVICES = {
    "identity": "omni.identity.v1.IdentityService",
    "segment": "omni.segment.v1.SegmentService",
    "decisioning": "omni.decisioning.v1.DecisioningService",
    "journey": "omni.journey.v1.JourneyService",
    "channel": "omni.channel.v1.ChannelService",
    "insights": "omni.insights.v1.InsightsService",
}


def load_values(name: str) -> dict | None:
    """Values for a named scenario (None = the chart's defaults)."""
    if name == "default":
        return None
    production = yaml.safe_load((CHART / "ci" / "production-values.yaml").read_text())
    if name == "production":
        return production
    if name == "metrics":
        values = copy.deepcopy(production)
        values["metrics"] = {"enabled": True, "port": 9464}
        values["serviceMonitor"] = {"enabled": True, "labels": {"release": "prometheus"}}
        values["grafanaDashboard"] = {"enabled": True}
        return values
    raise KeyError(name)


@dataclass
class Rendered:
    """One render: the parsed objects (hooks included) and the raw files."""

    values: dict
    files: dict[str, str]
    objects: list[dict] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[dict]:
        return [o for o in self.objects if o["kind"] == kind]

    def named(self, kind: str, name: str) -> dict:
        found = [o for o in self.of_kind(kind) if o["metadata"]["name"] == name]
        assert len(found) == 1, f"expected one {kind}/{name}, found {len(found)}"
        return found[0]

    @property
    def notes(self) -> str:
        return next(v for k, v in self.files.items() if k.endswith("NOTES.txt"))


def render(values: dict | None, **opts) -> Rendered:
    with helm.Chart.load(CHART) as chart:
        files = chart.render(
            values=values, name=RELEASE, namespace=NAMESPACE, is_install=True, **opts
        )
        merged = chart.merge_values(values)
    objects = []
    for path, text in sorted(files.items()):
        if not path.endswith((".yaml", ".yml")):
            continue
        for doc in yaml.safe_load_all(text):
            if doc:
                objects.append(doc)
    return Rendered(values=merged, files=files, objects=objects)


SCENARIOS = ["default", "production", "metrics"]


@pytest.fixture(scope="session")
def rendered() -> dict[str, Rendered]:
    return {name: render(load_values(name)) for name in SCENARIOS}


@pytest.fixture(params=SCENARIOS)
def scenario(request, rendered) -> Rendered:
    return rendered[request.param]


def component(name: str) -> str:
    return f"{RELEASE}-{name}"


def binary_defaults() -> dict:
    """The compiled-in defaults of omni_common::config (the `DEFAULTS` TOML in config.rs),
    i.e. every key the binary knows."""
    source = CONFIG_RS.read_text()
    match = re.search(r'const DEFAULTS: &str = r#"(.*?)"#;', source, re.S)
    assert match, "DEFAULTS not found in libs/common/src/config.rs"
    return tomllib.loads(match.group(1))


def known_setting(path: list[str]) -> bool:
    """Whether a lower-case key path (e.g. ["smtp", "password"]) is a setting the binary
    reads: present in the defaults, or an Option field of SmtpSettings."""
    node = binary_defaults()
    if path in (["smtp", "username"], ["smtp", "password"]):
        return "Option<String>" in CONFIG_RS.read_text()
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def env_setting_path(env_name: str) -> list[str] | None:
    """`OMNI__SMTP__HOST` -> ["smtp", "host"] (the config crate's mapping); None for
    variables that are not `OMNI__` settings."""
    if not env_name.startswith("OMNI__"):
        return None
    return [p.lower() for p in env_name[len("OMNI__"):].split("__")]
