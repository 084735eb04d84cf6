"""deploy/observability: the alert rules and the dashboard parse, and every expression
in them names only metrics the services export (a renamed metric would otherwise
silence its alert without anyone noticing)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client import REGISTRY
from samen_audit.handlers import tree_heads  # noqa: F401 - registers its counter
from samen_kit.metrics import instruments  # noqa: F401 - registers the kit's instruments
from samen_kit.metrics.scrape import OutboxBacklog, Snapshot, SnapshotCollector
from samen_notifications.handlers import outcome_counts  # noqa: F401 - registers its counter

pytestmark = pytest.mark.unit

FOLDER = Path(__file__).resolve().parents[2] / "deploy" / "observability"
SAMEN_METRIC = re.compile(r"\bsamen_[a-z_]+\b")
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "gauge": ("",)}
ALERTS_THAT_MEAN_TROUBLE = {
    "SamenOutboxStuck": "samen_outbox_oldest_age_seconds",
    "SamenConsumerLagging": "samen_consumer_lag",
    "SamenDeadLetters": "samen_dead_letters_total",
    "SamenSmsFailureRate": "samen_notifications_messages_total",
}


def exported() -> set[str]:
    """The series names a service's `/metrics` can show."""
    scraped = SnapshotCollector(
        Snapshot(service="any", outbox=OutboxBacklog(0, 0.0), published=0, lag={("g", "t"): 0})
    )
    families = [*REGISTRY.collect(), *scraped.collect()]
    return {
        family.name + suffix
        for family in families
        if family.name.startswith("samen_")
        for suffix in SUFFIXES[family.type]
    }


def rules() -> list[dict[str, Any]]:
    document = yaml.safe_load((FOLDER / "alerts.yaml").read_text(encoding="utf-8"))
    return [rule for group in document["groups"] for rule in group["rules"]]


def dashboard_expressions() -> list[str]:
    dashboard = json.loads((FOLDER / "dashboard.json").read_text(encoding="utf-8"))
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def test_the_alert_rules_parse_as_prometheus_rule_groups_with_a_summary_each() -> None:
    found = rules()
    assert {rule["alert"] for rule in found} == set(ALERTS_THAT_MEAN_TROUBLE)
    for rule in found:
        assert rule["expr"].strip()
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"]


def test_each_alert_watches_the_metric_that_means_its_trouble() -> None:
    for rule in rules():
        assert ALERTS_THAT_MEAN_TROUBLE[rule["alert"]] in SAMEN_METRIC.findall(rule["expr"])


def test_every_alert_expression_names_only_exported_metrics() -> None:
    names = exported()
    for rule in rules():
        used = set(SAMEN_METRIC.findall(rule["expr"]))
        assert used, rule["alert"]
        assert used <= names, (rule["alert"], used - names)


def test_every_dashboard_panel_queries_only_exported_metrics() -> None:
    names = exported()
    expressions = dashboard_expressions()
    assert expressions
    for expr in expressions:
        used = set(SAMEN_METRIC.findall(expr))
        assert used and used <= names, (expr, used - names)


def test_the_dashboard_shows_every_metric_the_services_export() -> None:
    used = {name for expr in dashboard_expressions() for name in SAMEN_METRIC.findall(expr)}
    # A histogram is shown through its buckets and count; its sum adds nothing here.
    assert exported() - used == {"samen_handler_seconds_sum"}
