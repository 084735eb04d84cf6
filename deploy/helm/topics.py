"""Writes the chart's topic list (samen/topics.yaml) from the contract's topic registry.

The chart makes one Strimzi `KafkaTopic` per entry, so a topic added to
`samen_contract.topics` reaches the cluster only through this file;
tests/deploy/test_helm_chart.py fails while it is not current.

    uv run python deploy/helm/topics.py        # rewrite samen/topics.yaml
"""

from __future__ import annotations

import json
from pathlib import Path

from samen_contract.topics import EVENT_TOPIC_PARTITIONS, topic_specs

TOPICS_FILE = Path(__file__).resolve().parent / "samen" / "topics.yaml"


def render() -> str:
    """The file's text: the event topics' partition count, then every topic of the registry.
    Values are JSON strings, which YAML reads as they are."""
    lines = [
        "# Written by deploy/helm/topics.py from samen_contract.topics; do not edit.",
        f"eventTopicPartitions: {EVENT_TOPIC_PARTITIONS}",
        "topics:",
    ]
    for spec in topic_specs():
        lines.append(f"  - name: {json.dumps(spec.name)}")
        lines.append(f"    partitions: {spec.partitions}")
        lines.append("    config:")
        lines.extend(
            f"      {json.dumps(key)}: {json.dumps(value)}" for key, value in spec.config.items()
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    TOPICS_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {TOPICS_FILE}")


if __name__ == "__main__":
    main()
