"""The committed golden manifests (rendered by the installer engine's Java renderer) validate
against the Kubernetes schemas of both lines: 1.35 from kubernetes-validate 1.37 (it ships
1.25 to 1.37), 1.14 from the v1.14.0 schemas in the pinned kubernetes-validate 1.22.3 sdist."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

GOLDEN = Path(__file__).resolve().parents[2] / "installer-engine/src/test/golden/apps/python-service"
SCHEMAS_114 = Path(os.environ.get("K8S_114_SCHEMAS", Path(__file__).resolve().parents[1]
                                  / ".venv/k8s-schemas/v1.14.0-local-strict"))


def manifests(line: str) -> list[tuple[str, dict[str, Any]]]:
    files = sorted((GOLDEN / line).glob("*.yaml"))
    assert files, f"no golden manifests under {GOLDEN / line}"
    return [(f.name, yaml.safe_load(f.read_text())) for f in files]


def validate_114(doc: dict[str, Any]) -> None:
    """What kubernetes-validate does, against the 1.14 schema folder (draft-4, strict)."""
    api = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", doc["apiVersion"])
    schema_file = SCHEMAS_114 / f"{doc['kind'].lower()}-{api}.json"
    if not schema_file.exists():
        raise LookupError(f"Kubernetes 1.14 has no {doc['kind']} in {doc['apiVersion']}")
    definitions = json.loads((SCHEMAS_114 / "_definitions.json").read_text())
    registry = Registry().with_resource("_definitions.json",
                                        Resource.from_contents(definitions, default_specification=DRAFT4))
    jsonschema.Draft4Validator(json.loads(schema_file.read_text()), registry=registry).validate(doc)


needs_114 = pytest.mark.skipif(
    not (SCHEMAS_114 / "_definitions.json").exists(),
    reason=f"the 1.14 schemas are not extracted at {SCHEMAS_114}; run-tests.sh extracts them from the "
           "pinned kubernetes-validate 1.22.3 sdist")


@pytest.mark.parametrize("name,doc", manifests("1.35"), ids=lambda v: v if isinstance(v, str) else "")
def test_current_line_manifests_validate_against_the_kubernetes_1_35_schemas(name: str, doc: dict) -> None:
    assert kubernetes_validate.validate(doc, "1.35.0", strict=True) == "1.35"


@needs_114
@pytest.mark.parametrize("name,doc", manifests("1.14"), ids=lambda v: v if isinstance(v, str) else "")
def test_legacy_line_manifests_validate_against_the_kubernetes_1_14_schemas(name: str, doc: dict) -> None:
    validate_114(doc)


@needs_114
def test_the_1_14_check_rejects_what_1_14_does_not_have() -> None:
    current_ingress = dict(manifests("1.35"))["ingress.yaml"]
    with pytest.raises(LookupError, match="1.14 has no Ingress in networking.k8s.io/v1"):
        validate_114(current_ingress)
    legacy_ingress = dict(manifests("1.14"))["ingress.yaml"]
    legacy_ingress["spec"]["ingressClassName"] = "nginx"  # a 1.18+ field
    with pytest.raises(jsonschema.ValidationError, match="ingressClassName"):
        validate_114(legacy_ingress)


def test_the_1_35_check_rejects_an_api_version_removed_since_1_14() -> None:
    legacy_pdb = dict(manifests("1.14"))["poddisruptionbudget.yaml"]
    with pytest.raises(kubernetes_validate.utils.SchemaNotFoundError):
        kubernetes_validate.validate(legacy_pdb, "1.35.0", strict=True)
