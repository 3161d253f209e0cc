"""Elasticsearch is stopped mid-test (the real process) and started again."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.es_node import EsNode


def test_an_elasticsearch_outage_is_named_while_the_others_keep_serving_and_recovery_follows(
        client: TestClient, internal: TestClient, es_node: EsNode) -> None:
    assert client.put("/api/documents/outage-1", params={"refresh": "true"},
                      json={"title": "Snapshot before upgrade"}).status_code == 201
    assert client.get("/readyz").status_code == 200

    es_node.stop()
    try:
        assert not es_node.answering()
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json() == {"status": "not_ready"}  # reveals nothing more
        report = client.get("/api/status")
        assert report.status_code == 503
        states = {name: dep["status"] for name, dep in report.json()["dependencies"].items()}
        assert states == {"elasticsearch": "down", "sqlserver": "up", "gitlab": "up"}

        search = client.get("/api/search", params={"q": "snapshot"})
        assert search.status_code == 503
        assert search.json() == {"detail": "elasticsearch unavailable: unreachable", "dependency": "elasticsearch"}

        assert client.get("/api/gitlab/projects").status_code == 200
        assert client.post("/api/records", json={"kind": "incident", "name": "es down"}).status_code == 201
        assert 'gateway_dependency_up{dependency="elasticsearch"} 0.0' in internal.get("/metrics").text
    finally:
        es_node.start()

    assert client.get("/readyz").status_code == 200
    recovered = client.get("/api/search", params={"q": "snapshot"})
    assert recovered.status_code == 200 and recovered.json()["hits"][0]["id"] == "outage-1"
