"""Bearer tokens and scopes, the probes and the internal port, on an app whose dependencies are not
reachable (no Elasticsearch needed: only who may call what is checked here)."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core import auth
from app.core.auth import TokenTable, hash_line, new_token
from app.core.config import Settings
from app.main import create_app

READ, FULL = new_token(), new_token()
HASHES = f"{hash_line('dashboard', 'read', READ)}\n{hash_line('ops', 'read,write,sync', FULL)}\n"


def app_with(**settings: object) -> TestClient:
    base = dict(environment="development", elasticsearch_url="http://127.0.0.1:9", ready_timeout=0.2,
                retry_attempts=1, internal_port=0, readiness_required="", api_token_hashes=HASHES)
    return TestClient(create_app(Settings(**{**base, **settings})))


def test_a_token_is_known_by_its_hash_and_an_unknown_or_malformed_one_is_not() -> None:
    table = TokenTable(text=HASHES + "broken line\nx read,admin sha256:" + "0" * 64 + "\n")
    assert table.client(READ).scopes == {"read"} and table.client(FULL).name == "ops"
    assert table.client(READ + "x") is None and table.client("") is None
    assert HASHES.count("\n") == 2 and READ not in HASHES  # only hashes are stored


def test_a_rotated_hash_file_takes_effect_without_a_restart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "RELOAD_SECONDS", 0.0)
    file = tmp_path / "api_token_hashes"
    file.write_text(hash_line("ops", "read", READ))
    table = TokenTable(path=file)
    assert table.client(READ) is not None
    file.write_text(hash_line("ops", "read", FULL))
    os.utime(file, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert table.client(READ) is None and table.client(FULL) is not None
    file.unlink()
    assert table.client(FULL) is None


def test_without_a_token_every_api_route_is_401_with_a_bearer_challenge() -> None:
    client = app_with()
    for method, path in (("GET", "/api/search?q=x"), ("POST", "/api/sync"), ("GET", "/api/status"),
                         ("PUT", "/api/documents/a"), ("GET", "/api/nowhere")):
        r = client.request(method, path, content=b"{not json")
        assert r.status_code == 401, (method, path)
        assert r.headers["WWW-Authenticate"] == 'Bearer realm="gateway"'
        assert r.json() == {"detail": "a valid bearer token is required"}
    assert client.get("/api/status", headers={"Authorization": f"Basic {READ}"}).status_code == 401
    assert client.get("/api/status", headers={"Authorization": "Bearer"}).status_code == 401


def test_with_no_hashes_configured_even_a_well_formed_token_is_refused(tmp_path: Path) -> None:
    client = app_with(api_token_hashes=None, secrets_dir=str(tmp_path))
    assert client.get("/api/status", headers={"Authorization": f"Bearer {FULL}"}).status_code == 401


def test_a_token_without_the_routes_scope_is_403_naming_the_scope() -> None:
    client = app_with()
    r = client.post("/api/sync", headers={"Authorization": f"Bearer {READ}"})
    assert r.status_code == 403 and r.json() == {"detail": "the token lacks the scope 'sync'"}
    assert r.headers["WWW-Authenticate"] == 'Bearer realm="gateway", error="insufficient_scope", scope="sync"'
    assert client.get("/api/status", headers={"Authorization": f"Bearer {READ}"}).status_code == 200


def test_the_probes_need_no_token_and_say_only_ready_or_not() -> None:
    client = app_with(readiness_required="elasticsearch")
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert (ready.status_code, ready.json()) == (503, {"status": "not_ready"})
    report = client.get("/api/status", headers={"Authorization": f"Bearer {READ}"})
    assert report.json()["dependencies"]["elasticsearch"]["status"] == "down"


def test_docs_openapi_and_metrics_are_only_on_the_internal_port() -> None:
    client = app_with()
    for path in ("/docs", "/redoc", "/openapi.json", "/metrics"):
        assert client.get(path, headers={"Authorization": f"Bearer {FULL}"}).status_code == 404, path
    internal = TestClient(client.app.state.internal)
    assert internal.get("/openapi.json").json()["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert "swagger-ui" in internal.get("/docs").text
    client.get("/api/status")
    assert 'route="unmatched",status="401"' in internal.get("/metrics").text


def test_a_token_never_reaches_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = app_with()
    wrong = new_token()
    for token in (READ, FULL, wrong):
        client.get("/api/search?q=x", headers={"Authorization": f"Bearer {token}"})
        client.post("/api/documents", headers={"Authorization": f"Bearer {token}"}, content=b"{")
    text = caplog.text
    assert "/api/search" in text  # the log did record these requests
    assert READ not in text and FULL not in text and wrong not in text
