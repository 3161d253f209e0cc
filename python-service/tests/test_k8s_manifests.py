"""The committed golden manifests (rendered by the installer engine's Java renderer) validate
against the Kubernetes schemas of both lines: 1.35 from kubernetes-validate 1.37 (it ships
1.25 to 1.37), 1.14 from the v1.14.0 schemas in the pinned kubernetes-validate 1.22.3 sdist.
Kinds from a CRD (Traefik's IngressRouteTCP) have no schema there: they are checked against the
parts of Traefik's CRD schema Kubeyard fills in, and their API group against the line's Traefik."""

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


# Traefik's API group per line: v3 (traefik.io) on the current line, v2.11 (traefik.containo.us) on 1.14.
TRAEFIK_GROUP = {"1.35": "traefik.io", "1.14": "traefik.containo.us"}
CRD_GROUPS = set(TRAEFIK_GROUP.values())

# What Traefik's ingressroutetcps CRD (v2.11 and v3 alike) requires of the fields Kubeyard renders,
# closed to unknown fields as the apiserver's structural-schema pruning would drop them silently.
INGRESS_ROUTE_TCP = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"enum": [f"{g}/v1alpha1" for g in sorted(CRD_GROUPS)]},
        "kind": {"const": "IngressRouteTCP"},
        "metadata": {"type": "object", "required": ["name", "namespace"]},
        "spec": {
            "type": "object", "required": ["routes"], "additionalProperties": False,
            "properties": {
                "entryPoints": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "routes": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["match"], "additionalProperties": False,
                    "properties": {
                        "match": {"type": "string", "pattern": r"^HostSNI\(`[^`]+`\)$"},
                        "services": {"type": "array", "minItems": 1, "items": {
                            "type": "object", "required": ["name", "port"], "additionalProperties": False,
                            "properties": {"name": {"type": "string"}, "namespace": {"type": "string"},
                                           "port": {"type": ["integer", "string"]},
                                           "weight": {"type": "integer"}}}}}}},
            },
        },
    },
}


def group(doc: dict[str, Any]) -> str:
    return doc["apiVersion"].rpartition("/")[0]


def all_manifests(line: str) -> list[tuple[str, dict[str, Any]]]:
    files = sorted((GOLDEN / line).glob("*.yaml"))
    assert files, f"no golden manifests under {GOLDEN / line}"
    return [(f.name, yaml.safe_load(f.read_text())) for f in files]


def manifests(line: str) -> list[tuple[str, dict[str, Any]]]:
    """The built-in kinds: what the Kubernetes schemas cover."""
    return [(n, d) for n, d in all_manifests(line) if group(d) not in CRD_GROUPS]


def crd_manifests(line: str) -> list[tuple[str, dict[str, Any]]]:
    return [(n, d) for n, d in all_manifests(line) if group(d) in CRD_GROUPS]


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
    legacy_ingress["spec"]["ingressClassName"] = "traefik"  # a 1.18+ field
    with pytest.raises(jsonschema.ValidationError, match="ingressClassName"):
        validate_114(legacy_ingress)


@pytest.mark.parametrize("line", ["1.35", "1.14"])
def test_every_golden_file_is_either_a_built_in_kind_or_a_known_crd_kind(line: str) -> None:
    assert len(manifests(line)) + len(crd_manifests(line)) == len(all_manifests(line))
    assert [n for n, _ in crd_manifests(line)] == ["sqlserver-ingressroutetcp.yaml"]


@pytest.mark.parametrize("line", ["1.35", "1.14"])
def test_sql_servers_tcp_route_matches_traefiks_crd_of_the_line(line: str) -> None:
    for name, doc in crd_manifests(line):
        jsonschema.Draft7Validator(INGRESS_ROUTE_TCP).validate(doc)
        assert group(doc) == TRAEFIK_GROUP[line], name
        route = doc["spec"]["routes"][0]
        assert doc["spec"]["entryPoints"] == ["sqlserver"]
        assert route["match"] == "HostSNI(`*`)"
        # the route lives beside the Service it names (no allowCrossNamespace needed)
        assert "namespace" not in route["services"][0]
        assert route["services"][0] == {"name": "ag1-primary", "port": 1433}


def test_the_tcp_route_check_rejects_a_field_traefik_does_not_know() -> None:
    _, doc = crd_manifests("1.35")[0]
    doc["spec"]["routes"][0]["services"][0]["servicePort"] = 1433
    with pytest.raises(jsonschema.ValidationError, match="servicePort"):
        jsonschema.Draft7Validator(INGRESS_ROUTE_TCP).validate(doc)


def test_the_1_35_check_rejects_an_api_version_removed_since_1_14() -> None:
    legacy_pdb = dict(manifests("1.14"))["poddisruptionbudget.yaml"]
    with pytest.raises(kubernetes_validate.utils.SchemaNotFoundError):
        kubernetes_validate.validate(legacy_pdb, "1.35.0", strict=True)
