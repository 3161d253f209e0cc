"""Shared fixtures. Elasticsearch is real (tools/es-harness); GitLab is a local contract server;
SQL Server is InMemorySqlServerStandIn except in tests/integration (real servers only)."""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path
from typing import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.adapters.elasticsearch import ElasticsearchIndex
from app.adapters.gitlab import GitLabClient
from app.adapters.sqlserver import Endpoint, SqlServerStore
from app.core.auth import hash_line, new_token
from app.core.config import Settings
from app.core.metrics import Metrics
from app.core.resilience import DependencyCaller, RetryPolicy
from app.core.wiring import Dependencies
from app.main import create_app
from tests.support.es_node import EsNode, free_port
from tests.support.gitlab_contract import GitLabContractServer
from tests.support.sqlserver_standin import InMemorySqlServerStandIn

FAST_RETRIES = RetryPolicy(attempts=3, initial_backoff=0.01, max_backoff=0.05)


@pytest.fixture(scope="session")
def es_node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EsNode]:
    node = EsNode.from_environment()
    if node is not None:  # started by run-tests.sh, which also stops it
        yield node
        return
    node = EsNode(tmp_path_factory.mktemp("es"), free_port(), free_port())
    node.start()
    try:
        yield node
    finally:
        node.stop()


@pytest.fixture(scope="session")
def gitlab_token() -> str:
    return "glpat-" + secrets.token_urlsafe(20)


@pytest.fixture
def gitlab_server(gitlab_token: str) -> Iterator[GitLabContractServer]:
    server = GitLabContractServer(gitlab_token).start()
    yield server
    server.stop()


@pytest.fixture
def sql_standin() -> InMemorySqlServerStandIn:
    return InMemorySqlServerStandIn()


@pytest.fixture(scope="session")
def tokens() -> dict[str, str]:
    """One bearer token per client of the Secret kubeyard generates: read; read,write; read,write,sync."""
    return {"read": new_token(), "write": new_token(), "full": new_token()}


TOKEN_SCOPES = {"read": "read", "write": "read,write", "full": "read,write,sync"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def settings(es_node: EsNode, tokens: dict[str, str]) -> Settings:
    hashes = "\n".join(hash_line(name, TOKEN_SCOPES[name], token) for name, token in tokens.items())
    return Settings(environment="test", elasticsearch_url=es_node.url, elasticsearch_index_replicas=0,
                    elasticsearch_timeout=2.0, ready_timeout=1.0, retry_initial_backoff=0.01,
                    api_token_hashes=hashes, internal_port=0)


@pytest.fixture
def make_app(settings: Settings, es_node: EsNode, gitlab_server: GitLabContractServer, gitlab_token: str,
             sql_standin: InMemorySqlServerStandIn) -> Iterator[Callable[..., FastAPI]]:
    """Builds the real app around the real ES, the GitLab contract server and the SQL stand-in,
    with an index prefix of its own so tests don't see each other's documents."""
    built: list[Dependencies] = []

    def make(*, gitlab_url: str | None = None, with_sql: bool = True) -> FastAPI:
        metrics = Metrics()
        deps = Dependencies(
            search=ElasticsearchIndex(es_node.url, DependencyCaller("elasticsearch", FAST_RETRIES, metrics),
                                      index_prefix=f"t-{uuid.uuid4().hex[:10]}", timeout=10.0, replicas=0),
            records=SqlServerStore(Endpoint("primary.test", 1433, False), Endpoint("read.test", 1433, True),
                                   DependencyCaller("sqlserver", FAST_RETRIES, metrics),
                                   connect=sql_standin.connect) if with_sql else None,
            code_host=GitLabClient(gitlab_url or gitlab_server.url, gitlab_token,
                                   DependencyCaller("gitlab", FAST_RETRIES, metrics), timeout=2.0))
        built.append(deps)
        return create_app(settings, deps, metrics)

    yield make
    for deps in built:
        deps.close()


@pytest.fixture
def client(make_app: Callable[..., FastAPI], tokens: dict[str, str]) -> Iterator[TestClient]:
    """The public port with the full-scope token on every request."""
    with TestClient(make_app(), headers=bearer(tokens["full"])) as c:
        yield c


@pytest.fixture
def internal(client: TestClient) -> TestClient:
    """The internal port (/metrics, /docs, /openapi.json) of the same app."""
    return TestClient(client.app.state.internal)


def pytest_report_header() -> list[str]:
    return [f"gateway tests: repo {Path(__file__).resolve().parents[2]}"]
