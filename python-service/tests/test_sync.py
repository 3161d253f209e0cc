"""The sync job: GitLab (contract server) into the real Elasticsearch, the run recorded in SQL
Server (the stand-in here; tests/integration records into a real one)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.gitlab_contract import GitLabContractServer
from tests.support.sqlserver_standin import InMemorySqlServerStandIn


def test_one_sync_request_indexes_gitlab_into_elasticsearch_and_records_the_run(
        client: TestClient, sql_standin: InMemorySqlServerStandIn) -> None:
    r = client.post("/api/sync")
    assert r.status_code == 200, r.text
    run = r.json()
    assert (run["status"], run["projects"], run["issues"], run["errors"]) == ("succeeded", 3, 27, 0)
    assert run["id"] == 1
    recorded = sql_standin.sync_runs[0]
    assert recorded[2:7] == (run["duration_ms"], 3, 27, 0, "succeeded")

    found = client.get("/api/search", params={"q": "failover drill 7", "kind": "gitlab_issue"}).json()
    assert found["hits"][0]["id"] == "issue-1007"
    assert found["hits"][0]["url"] == "https://gitlab.example.com/kubeyard/platform-1/-/issues/7"
    projects = client.get("/api/search", params={"q": "platform", "kind": "gitlab_project"}).json()
    assert projects["total"] == 3
    assert client.get("/api/sync/runs").json()[0]["issues"] == 27


def test_a_second_sync_overwrites_instead_of_duplicating(client: TestClient) -> None:
    client.post("/api/sync")
    client.post("/api/sync")
    assert client.get("/api/search", params={"q": "drill", "kind": "gitlab_issue", "size": 1}).json()["total"] == 27


def test_gitlab_down_fails_the_run_with_a_503_naming_gitlab_and_the_run_is_still_recorded(
        client: TestClient, gitlab_server: GitLabContractServer, sql_standin: InMemorySqlServerStandIn) -> None:
    gitlab_server.fail_next(100)
    r = client.post("/api/sync")
    assert r.status_code == 503
    body = r.json()
    assert body["dependency"] == "gitlab" and body["run"]["status"] == "failed"
    assert sql_standin.sync_runs[0][6] == "failed"


def test_sql_server_down_is_named_but_the_indexing_already_done_stays(
        client: TestClient, sql_standin: InMemorySqlServerStandIn) -> None:
    sql_standin.down.update({False, True})
    r = client.post("/api/sync")
    assert r.status_code == 503
    assert r.json()["dependency"] == "sqlserver" and r.json()["run"]["id"] is None
    assert client.get("/api/search", params={"q": "platform", "kind": "gitlab_project"}).json()["total"] == 3
