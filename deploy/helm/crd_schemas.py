"""Derives the operators' JSON schemas (samen/../schemas/) from their CRD files, in the
layout kubeconform reads (`{group}/{kind}_{version}.json`).

No registry this project reaches serves Strimzi's or CloudNativePG's CRDs or schemas, so
the derived schemas are committed; regenerate them from the CRD YAML files of the
operator versions you deploy:

    uv run python deploy/helm/crd_schemas.py 040-Crd-kafka.yaml 043-Crd-kafkatopic.yaml \\
        045-Crd-kafkanodepool.yaml postgresql.cnpg.io_clusters.yaml

Strimzi: packaging/install/cluster-operator/ of strimzi-kafka-operator; CloudNativePG:
config/crd/bases/ of cloudnative-pg. Each version's `openAPIV3Schema` becomes the schema,
strict: an object that lists its properties accepts no others (kubeconform -strict),
unless the CRD says it keeps unknown fields.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

SCHEMAS = Path(__file__).resolve().parent / "schemas"


def strict(node: Any) -> Any:
    """A copy of an OpenAPI v3 schema in which listed properties are the only ones."""
    if isinstance(node, list):
        return [strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: strict(value) for key, value in node.items()}
    keeps_unknown = node.get("x-kubernetes-preserve-unknown-fields") is True
    if "properties" in node and "additionalProperties" not in node and not keeps_unknown:
        copy["additionalProperties"] = False
    return copy


def schemas_of(crd: dict[str, Any]) -> dict[Path, dict[str, Any]]:
    """Each served version of a CRD as a schema, under the path kubeconform looks for."""
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    found = {}
    for version in crd["spec"]["versions"]:
        if not version.get("served", True):
            continue
        schema = strict(version["schema"]["openAPIV3Schema"])
        found[Path(group) / f"{kind.lower()}_{version['name']}.json"] = schema
    return found


def main(files: list[str]) -> None:
    for name in files:
        for document in yaml.safe_load_all(Path(name).read_text(encoding="utf-8")):
            if not document or document.get("kind") != "CustomResourceDefinition":
                continue
            for path, schema in schemas_of(document).items():
                target = SCHEMAS / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")
                print(f"wrote {target.relative_to(SCHEMAS.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
