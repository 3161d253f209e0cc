"""Against a real SQL Server (an availability group listener, ideally). Runs only when MSSQL_URL
names one: mssql://user:password@host:port/database[?read_host=H&read_port=P]."""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from app.adapters.base import SyncRun
from app.adapters.sqlserver import Endpoint, SqlServerStore
from app.core.resilience import DependencyCaller, RetryPolicy

MSSQL_URL = os.environ.get("MSSQL_URL")
pytestmark = [pytest.mark.integration, pytest.mark.skipif(
    not MSSQL_URL, reason="MSSQL_URL is not set: SQL Server cannot run on this build machine (no SQL Server "
                          "packages, no Docker engine); point MSSQL_URL at a real server to run these")]


@pytest.fixture(scope="module")
def store() -> SqlServerStore:
    u = urlsplit(MSSQL_URL or "")
    q = parse_qs(u.query)
    primary = Endpoint(u.hostname or "", u.port or 1433, read_only=False)
    read = Endpoint(q.get("read_host", [primary.host])[0], int(q.get("read_port", [primary.port])[0]), True)
    s = SqlServerStore.with_pymssql(primary, read, DependencyCaller("sqlserver", RetryPolicy()),
                                    database=u.path.lstrip("/") or "gateway", user=unquote(u.username or ""),
                                    password=unquote(u.password or ""),
                                    encryption=q.get("encryption", ["require"])[0])
    s.ensure_schema()
    return s


def test_a_record_written_on_the_primary_is_read_back(store: SqlServerStore) -> None:
    name = f"integration-{uuid.uuid4().hex[:8]}"
    created = store.add_record("integration", name, {"quote": "it's \"quoted\" 100%"})
    assert store.get_record(created.id).payload == {"quote": "it's \"quoted\" 100%"}
    assert name in [r.name for r in store.list_records("integration", 50, 0)]


def test_a_sync_run_is_recorded_with_its_counts(store: SqlServerStore) -> None:
    run_id = store.add_sync_run(SyncRun(0, datetime.now(timezone.utc), 12, 3, 27, 0, "succeeded"))
    assert any(r.id == run_id and r.issues == 27 for r in store.list_sync_runs(20))


def test_readiness_reaches_the_primary(store: SqlServerStore) -> None:
    assert store.check(2.0).startswith("primary")
