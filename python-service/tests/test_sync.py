"""The sync job: GitLab (contract server) into the real Elasticsearch, the run recorded in SQL
Server (the stand-in here; tests/integration records into a real one). POST /api/sync starts a
background job; its state is polled at /api/sync/jobs/{id}."""

from __future__ import annotations

import threading
import time
from typing import Any, Iterator

from fastapi.testclient import TestClient

from app.services.sync import SyncJob
from tests.support.gitlab_contract import GitLabContractServer
from tests.support.sqlserver_standin import InMemorySqlServerStandIn


def finished(client: TestClient, started: Any, timeout: float = 30) -> dict:
    assert started.status_code == 202, started.text
    location = started.headers["Location"]
    assert location == f"/api/sync/jobs/{started.json()['id']}"
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(location).json()
        if job["state"] == "finished":
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.05)


def test_one_sync_request_indexes_gitlab_into_elasticsearch_and_records_the_run(
        client: TestClient, sql_standin: InMemorySqlServerStandIn) -> None:
    job = finished(client, client.post("/api/sync"))
    run = job["run"]
    assert (run["status"], run["projects"], run["issues"], run["errors"]) == ("succeeded", 3, 27, 0)
    assert run["id"] == 1 and job["detail"] is None
    recorded = sql_standin.sync_runs[0]
    assert recorded[2:7] == (run["duration_ms"], 3, 27, 0, "succeeded")

    found = client.get("/api/search", params={"q": "failover drill 7", "kind": "gitlab_issue"}).json()
    assert found["hits"][0]["id"] == "issue-1007"
    assert found["hits"][0]["url"] == "https://gitlab.example.com/kubeyard/platform-1/-/issues/7"
    projects = client.get("/api/search", params={"q": "platform", "kind": "gitlab_project"}).json()
    assert projects["total"] == 3
    assert client.get("/api/sync/runs").json()[0]["issues"] == 27


def test_a_second_sync_overwrites_instead_of_duplicating(client: TestClient) -> None:
    finished(client, client.post("/api/sync"))
    finished(client, client.post("/api/sync"))
    assert client.get("/api/search", params={"q": "drill", "kind": "gitlab_issue", "size": 1}).json()["total"] == 27


def test_gitlab_down_fails_the_run_naming_gitlab_and_the_run_is_still_recorded(
        client: TestClient, gitlab_server: GitLabContractServer, sql_standin: InMemorySqlServerStandIn) -> None:
    gitlab_server.fail_next(100)
    job = finished(client, client.post("/api/sync"))
    assert job["dependency"] == "gitlab" and job["run"]["status"] == "failed"
    assert job["detail"].startswith("gitlab unavailable")
    assert sql_standin.sync_runs[0][6] == "failed"


def test_sql_server_down_is_named_but_the_indexing_already_done_stays(
        client: TestClient, sql_standin: InMemorySqlServerStandIn) -> None:
    sql_standin.down.update({False, True})
    job = finished(client, client.post("/api/sync"))
    assert job["dependency"] == "sqlserver" and job["run"]["id"] is None
    assert client.get("/api/search", params={"q": "platform", "kind": "gitlab_project"}).json()["total"] == 3


def held(monkeypatch: Any) -> Iterator[threading.Event]:
    """Makes every run wait until the returned event is set."""
    release = threading.Event()
    original = SyncJob.run

    def waiting(self: SyncJob, deadline_seconds: float | None = None) -> Any:
        release.wait(10)
        return original(self, deadline_seconds)

    monkeypatch.setattr(SyncJob, "run", waiting)
    return release


def test_a_second_sync_while_one_runs_gets_409_naming_the_running_job(client: TestClient, monkeypatch: Any) -> None:
    release = held(monkeypatch)
    first = client.post("/api/sync")
    try:
        second = client.post("/api/sync")
        assert second.status_code == 409
        assert second.json()["job"]["id"] == first.json()["id"] and second.json()["job"]["state"] == "running"
        assert second.headers["Location"] == first.headers["Location"]
    finally:
        release.set()
    assert finished(client, first)["run"]["status"] == "succeeded"


def test_more_syncs_than_the_rate_allows_get_429_with_retry_after(make_app: Any, tokens: dict, monkeypatch: Any) -> None:
    app = make_app()
    app.state.settings = app.state.settings.model_copy(update={"sync_rate_per_minute": 2})
    with TestClient(app, headers={"Authorization": f"Bearer {tokens['full']}"}) as client:
        finished(client, client.post("/api/sync"))
        finished(client, client.post("/api/sync"))
        third = client.post("/api/sync")
    assert third.status_code == 429
    assert 1 <= int(third.headers["Retry-After"]) <= 60
    assert third.json() == {"detail": "at most 2 syncs start per minute"}


def test_a_run_longer_than_the_timeout_stops_between_projects_and_is_recorded_partial(
        make_app: Any, tokens: dict, sql_standin: InMemorySqlServerStandIn) -> None:
    app = make_app()
    app.state.settings = app.state.settings.model_copy(update={"sync_timeout": 1e-9})
    with TestClient(app, headers={"Authorization": f"Bearer {tokens['full']}"}) as client:
        job = finished(client, client.post("/api/sync"))
    assert job["run"]["status"] == "partial" and job["run"]["projects"] == 0
    assert "SYNC_TIMEOUT" in job["run"]["error_summary"]
    assert sql_standin.sync_runs[0][6] == "partial"


def test_an_unknown_job_is_404(client: TestClient) -> None:
    assert client.get("/api/sync/jobs/sync-20261207000000-1").status_code == 404
