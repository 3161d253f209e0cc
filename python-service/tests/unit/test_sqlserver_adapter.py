"""Read/write routing, fallback and reconnect of the SQL Server adapter, on the DB-API stand-in
(SQL Server itself cannot run on this machine; tests/integration runs against a real one)."""

from __future__ import annotations

import pytest

from app.adapters.base import DependencyUnavailable, NotFound
from app.adapters.sqlserver import Endpoint, SqlServerStore
from app.core.resilience import DependencyCaller, RetryPolicy
from tests.support.sqlserver_standin import InMemorySqlServerStandIn

PRIMARY = Endpoint("ag1-listener", 1433, read_only=False)
READ = Endpoint("ag1-secondary", 1433, read_only=True)


@pytest.fixture
def standin() -> InMemorySqlServerStandIn:
    return InMemorySqlServerStandIn()


@pytest.fixture
def store(standin: InMemorySqlServerStandIn) -> SqlServerStore:
    return SqlServerStore(PRIMARY, READ, DependencyCaller("sqlserver", RetryPolicy(3, 0.0, 0.0)),
                          connect=standin.connect)


def test_writes_go_to_the_primary_and_reads_to_the_read_only_endpoint(store, standin) -> None:
    created = store.add_record("drill", "quorum", {"nodes": 3})
    assert store.get_record(created.id).payload == {"nodes": 3}
    assert [(c.statement, c.endpoint.read_only) for c in standin.calls] == [
        ("INSERT_RECORD", False), ("SELECT_RECORD", True)]


def test_reads_fall_back_to_the_primary_when_no_secondary_is_readable(store, standin) -> None:
    store.add_record("drill", "a", {})
    standin.down.add(True)
    assert [r.name for r in store.list_records(None, 10, 0)] == ["a"]
    assert standin.calls[-1].endpoint == PRIMARY


def test_a_read_reconnects_after_a_failover_broke_the_pooled_connection(store, standin) -> None:
    store.add_record("drill", "before", {})
    store.list_records(None, 10, 0)
    connects = standin.connects
    standin.failover()
    assert [r.name for r in store.list_records(None, 10, 0)] == ["before"]
    assert standin.connects > connects


def test_a_write_interrupted_by_a_failover_is_not_retried_but_the_next_one_reconnects(store, standin) -> None:
    store.add_record("drill", "before", {})
    standin.failover()
    with pytest.raises(DependencyUnavailable) as err:
        store.add_record("drill", "lost-reply", {})
    assert err.value.dependency == "sqlserver"
    assert [c.statement for c in standin.calls].count("INSERT_RECORD") == 1  # not replayed
    assert store.add_record("drill", "after", {}).name == "after"


def test_the_primary_down_makes_writes_fail_as_unavailable_without_driver_text(store, standin) -> None:
    standin.down.update({False, True})
    with pytest.raises(DependencyUnavailable) as err:
        store.add_record("drill", "x", {})
    assert err.value.reason == "cannot connect" and "TDS" not in str(err.value)


def test_a_missing_record_is_not_found(store) -> None:
    with pytest.raises(NotFound):
        store.get_record(42)


def test_sync_runs_are_recorded_and_listed_newest_first(store, standin) -> None:
    from datetime import datetime, timezone

    from app.adapters.base import SyncRun
    for n in (1, 2):
        store.add_sync_run(SyncRun(0, datetime.now(timezone.utc), 10 * n, n, 2 * n, 0, "succeeded"))
    runs = store.list_sync_runs(5)
    assert [r.projects for r in runs] == [2, 1] and runs[0].issues == 4


def test_readiness_reports_a_degraded_read_endpoint_without_failing(store, standin) -> None:
    standin.down.add(True)
    assert store.check(1.0) == "primary answered; read endpoint unavailable, reads use the primary"


def test_the_pymssql_driver_is_imported_lazily_and_a_refused_port_is_unavailable() -> None:
    store = SqlServerStore.with_pymssql(Endpoint("127.0.0.1", 1, False), None,
                                        DependencyCaller("sqlserver", RetryPolicy(1)), database="d", user="u",
                                        password="not-a-real-secret-1", login_timeout=1)
    with pytest.raises(DependencyUnavailable) as err:
        store.check(1.0)
    assert "not-a-real-secret-1" not in repr(err.value) + str(err.value.__cause__)
