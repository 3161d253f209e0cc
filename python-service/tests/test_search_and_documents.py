"""Indexing and search against the real Elasticsearch 7.17 node."""

from __future__ import annotations

from fastapi.testclient import TestClient


def put(client: TestClient, doc_id: str, title: str, body: str = "", tags: list[str] | None = None) -> None:
    r = client.put(f"/api/documents/{doc_id}", params={"refresh": "true"},
                   json={"title": title, "body": body, "tags": tags or []})
    assert r.status_code in (200, 201), r.text


def test_a_document_put_by_id_is_created_then_replaced(client: TestClient) -> None:
    first = client.put("/api/documents/runbook-1", json={"title": "Etcd backup", "body": "snapshot save"})
    second = client.put("/api/documents/runbook-1", json={"title": "Etcd backup v2", "body": "snapshot save"})
    assert (first.status_code, second.status_code) == (201, 200)
    got = client.get("/api/documents/runbook-1").json()
    assert got["title"] == "Etcd backup v2" and got["kind"] == "document"


def test_search_finds_indexed_documents_ranked_by_title_first(client: TestClient) -> None:
    put(client, "a", "Elasticsearch rolling upgrade", "flush, disable allocation, restart one node")
    put(client, "b", "Certificate renewal", "the upgrade of certificates happens yearly")
    put(client, "c", "Unrelated", "nothing to see")
    r = client.get("/api/search", params={"q": "upgrade"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 2
    assert [h["id"] for h in body["hits"]] == ["a", "b"]  # title^3 beats body
    assert "upgrade" in (body["hits"][1]["snippet"] or "")


def test_search_filters_by_kind_and_pages_with_offset(client: TestClient) -> None:
    for n in range(5):
        put(client, f"page-{n}", f"Drill {n}", "quorum loss drill")
    first = client.get("/api/search", params={"q": "drill", "size": 2, "kind": "document"}).json()
    rest = client.get("/api/search", params={"q": "drill", "size": 10, "offset": 2}).json()
    none = client.get("/api/search", params={"q": "drill", "kind": "gitlab_issue"}).json()
    assert first["total"] == 5 and len(first["hits"]) == 2
    assert len(rest["hits"]) == 3 and not {h["id"] for h in first["hits"]} & {h["id"] for h in rest["hits"]}
    assert none["total"] == 0


def test_search_syntax_errors_in_user_input_do_not_fail(client: TestClient) -> None:
    put(client, "x", "Quorum", "three masters")
    r = client.get("/api/search", params={"q": 'quorum AND ("unbalanced OR /regex['})
    assert r.status_code == 200


def test_a_created_document_gets_a_generated_id_and_can_be_deleted(client: TestClient) -> None:
    created = client.post("/api/documents", params={"refresh": "true"}, json={"title": "New", "tags": ["ops"]})
    assert created.status_code == 201
    doc_id = created.json()["id"]
    assert client.get(f"/api/documents/{doc_id}").json()["tags"] == ["ops"]
    assert client.delete(f"/api/documents/{doc_id}").status_code == 204
    assert client.get(f"/api/documents/{doc_id}").status_code == 404
    assert client.delete(f"/api/documents/{doc_id}").status_code == 404


def test_invalid_document_input_is_rejected_with_422(client: TestClient) -> None:
    assert client.put("/api/documents/-leading-dash", json={"title": ""}).status_code == 422
    assert client.put("/api/documents/-leading-dash", json={"title": "t"}).status_code == 422
    assert client.put("/api/documents/-leading-dash", json={"title": "t", "extra": 1}).status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "x", "size": 101}).status_code == 422


def test_metrics_count_requests_by_route_template(client: TestClient, internal: TestClient) -> None:
    put(client, "m-1", "Metric")
    client.get("/api/documents/m-1")
    text = internal.get("/metrics").text
    assert 'gateway_http_requests_total{method="GET",route="/api/documents/{doc_id}",status="200"} 1.0' in text
    assert 'gateway_dependency_call_duration_seconds_count{dependency="elasticsearch",operation="put_document",outcome="ok"}' in text
