"""GitLab routes and adapter against the v4 contract server (documented shapes and headers)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.adapters.gitlab import GitLabClient
from app.core.resilience import DependencyCaller, RetryPolicy
from tests.support.gitlab_contract import GitLabContractServer


def test_projects_are_listed_with_gitlab_pagination_headers_turned_into_page_info(client: TestClient) -> None:
    r = client.get("/api/gitlab/projects", params={"per_page": 2})
    assert r.status_code == 200
    body = r.json()
    assert [p["id"] for p in body["items"]] == [1, 2]
    assert (body["page"], body["per_page"], body["next_page"], body["total"]) == (1, 2, 2, 3)
    assert body["items"][0]["path_with_namespace"] == "kubeyard/platform-1"
    assert body["items"][0]["namespace"]["kind"] == "group"


def test_the_last_page_has_no_next_page_because_gitlab_sends_an_empty_header(client: TestClient) -> None:
    body = client.get("/api/gitlab/projects", params={"per_page": 2, "page": 2}).json()
    assert [p["id"] for p in body["items"]] == [3]
    assert body["next_page"] is None


def test_issues_and_pipelines_of_a_project_are_read(client: TestClient) -> None:
    issues = client.get("/api/gitlab/projects/1/issues", params={"state": "opened", "per_page": 5}).json()
    pipelines = client.get("/api/gitlab/projects/1/pipelines", params={"status": "success"}).json()
    assert len(issues["items"]) == 5 and {i["state"] for i in issues["items"]} == {"opened"}
    assert issues["items"][0]["labels"] == ["drill", "p1"]
    assert {p["status"] for p in pipelines["items"]} == {"success"} and pipelines["items"][0]["ref"] == "main"


def test_the_gateway_sends_its_token_and_gitlab_query_parameters(client: TestClient,
                                                                 gitlab_server: GitLabContractServer) -> None:
    client.get("/api/gitlab/projects/2/pipelines", params={"ref": "main", "page": 1, "per_page": 10})
    path, query = gitlab_server.requests[-1]
    assert path == "/api/v4/projects/2/pipelines"
    assert query == {"ref": ["main"], "page": ["1"], "per_page": ["10"]}


def test_a_missing_project_is_a_404_not_a_gateway_error(client: TestClient) -> None:
    r = client.get("/api/gitlab/projects/999/issues")
    assert r.status_code == 404 and r.json() == {"detail": "not found"}


def test_transient_gitlab_503s_are_retried_for_reads(client: TestClient, internal: TestClient,
                                                     gitlab_server: GitLabContractServer) -> None:
    gitlab_server.fail_next(2)
    r = client.get("/api/gitlab/projects/1")
    assert r.status_code == 200 and r.json()["id"] == 1
    assert 'gateway_dependency_retries_total{dependency="gitlab",operation="get_project"} 2.0' in \
        internal.get("/metrics").text


def test_gitlab_down_for_longer_than_the_retries_is_a_503_naming_gitlab(
        client: TestClient, gitlab_server: GitLabContractServer) -> None:
    gitlab_server.fail_next(10)
    r = client.get("/api/gitlab/projects")
    assert r.status_code == 503
    assert r.json() == {"detail": "gitlab unavailable: answered 503", "dependency": "gitlab"}
    assert r.headers["retry-after"] == "5"


def test_a_rejected_token_is_a_503_that_does_not_echo_the_token(make_app, gitlab_token: str, tokens: dict) -> None:
    app = make_app()
    app.state.dependencies.code_host._http.headers["PRIVATE-TOKEN"] = "glpat-wrong"
    with TestClient(app, headers={"Authorization": f"Bearer {tokens['read']}"}) as c:
        r = c.get("/api/gitlab/projects")
    assert r.status_code == 503 and r.json()["detail"] == "gitlab unavailable: rejected the gateway's token"
    assert gitlab_token not in r.text and "glpat-wrong" not in r.text


def test_iteration_follows_x_next_page_across_pages_and_stops_at_the_limit(
        gitlab_server: GitLabContractServer, gitlab_token: str) -> None:
    gl = GitLabClient(gitlab_server.url, gitlab_token, DependencyCaller("gitlab", RetryPolicy()), page_size=10)
    everything = list(gl.iter_issues(1, limit=1000))
    capped = list(gl.iter_issues(1, limit=15))
    gl.close()
    assert len({i["id"] for i in everything}) == 25  # pages 1-3 of 10
    assert [i["id"] for i in capped] == [i["id"] for i in everything[:15]]
    pages = [q["page"][0] for p, q in gitlab_server.requests if p.endswith("/issues")]
    assert pages == ["1", "2", "3", "1", "2"]
