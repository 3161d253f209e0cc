"""SQL Server through pymssql (FreeTDS inside its manylinux wheel: no system packages).

Every statement is a module constant with ``%s`` placeholders; values travel only as parameters
(tests/unit/test_sqlserver_statements.py checks this). Writes go to the availability group
listener, which always points at the primary. Reads go to the read endpoint with
ApplicationIntent=ReadOnly (a readable secondary), falling back to the primary if that fails.
A connection that raised a connection-level error is discarded, so the next call reconnects
through the listener and reaches the new primary after a failover.
"""

from __future__ import annotations

import json
import queue
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, TypeVar

from app.adapters.base import DependencyUnavailable, NotFound, Record, SyncRun
from app.core.resilience import DependencyCaller

T = TypeVar("T")
NAME = "sqlserver"

PING = "SELECT 1"
CREATE_RECORDS_TABLE = """
IF OBJECT_ID(N'dbo.gateway_records', N'U') IS NULL
CREATE TABLE dbo.gateway_records (
    id BIGINT IDENTITY(1,1) PRIMARY KEY,
    kind NVARCHAR(64) NOT NULL,
    name NVARCHAR(200) NOT NULL,
    payload NVARCHAR(MAX) NOT NULL CONSTRAINT ck_gateway_records_json CHECK (ISJSON(payload) = 1),
    created_at DATETIME2(3) NOT NULL CONSTRAINT df_gateway_records_created DEFAULT SYSUTCDATETIME()
)"""
CREATE_SYNC_RUNS_TABLE = """
IF OBJECT_ID(N'dbo.gateway_sync_runs', N'U') IS NULL
CREATE TABLE dbo.gateway_sync_runs (
    id BIGINT IDENTITY(1,1) PRIMARY KEY,
    started_at DATETIME2(3) NOT NULL,
    duration_ms INT NOT NULL,
    projects INT NOT NULL,
    issues INT NOT NULL,
    errors INT NOT NULL,
    status NVARCHAR(16) NOT NULL,
    error_summary NVARCHAR(2000) NULL
)"""
INSERT_RECORD = """
INSERT INTO dbo.gateway_records (kind, name, payload)
OUTPUT INSERTED.id, INSERTED.kind, INSERTED.name, INSERTED.payload, INSERTED.created_at
VALUES (%s, %s, %s)"""
SELECT_RECORD = """
SELECT id, kind, name, payload, created_at FROM dbo.gateway_records WHERE id = %s"""
SELECT_RECORDS = """
SELECT id, kind, name, payload, created_at FROM dbo.gateway_records
ORDER BY id DESC OFFSET %s ROWS FETCH NEXT %s ROWS ONLY"""
SELECT_RECORDS_OF_KIND = """
SELECT id, kind, name, payload, created_at FROM dbo.gateway_records WHERE kind = %s
ORDER BY id DESC OFFSET %s ROWS FETCH NEXT %s ROWS ONLY"""
INSERT_SYNC_RUN = """
INSERT INTO dbo.gateway_sync_runs (started_at, duration_ms, projects, issues, errors, status, error_summary)
OUTPUT INSERTED.id
VALUES (%s, %s, %s, %s, %s, %s, %s)"""
SELECT_SYNC_RUNS = """
SELECT TOP (%s) id, started_at, duration_ms, projects, issues, errors, status, error_summary
FROM dbo.gateway_sync_runs ORDER BY id DESC"""

STATEMENTS = {name: value for name, value in globals().items()
              if name.isupper() and isinstance(value, str) and name != "NAME"}

# Server errors that mean "this replica can't serve you right now" during a failover: database
# not accessible / not readable / RESOLVING / read-only after demotion, deadlock victim.
FAILOVER_ERRORS = {976, 978, 983, 3906, 3910, 1205, 4060, 35201}


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    read_only: bool


class SqlServerStore:
    name = NAME

    def __init__(self, primary: Endpoint, read: Endpoint | None, caller: DependencyCaller, *,
                 connect: Callable[[Endpoint], Any], pool_size: int = 4):
        self._primary = primary
        self._read = read
        self._caller = caller
        self._connect = connect
        self._pools: dict[Endpoint, queue.LifoQueue[Any]] = {
            e: queue.LifoQueue(maxsize=pool_size) for e in (primary, read) if e is not None}

    @classmethod
    def with_pymssql(cls, primary: Endpoint, read: Endpoint | None, caller: DependencyCaller, *,
                     database: str, user: str, password: str, encryption: str = "require",
                     login_timeout: int = 3, query_timeout: int = 5) -> SqlServerStore:
        def connect(endpoint: Endpoint) -> Any:
            try:
                import pymssql  # lazy: the service starts, and reports sqlserver down, without it
            except ImportError as e:
                raise DependencyUnavailable(NAME, "driver pymssql is not installed", transient=False) from e
            return pymssql.connect(
                server=endpoint.host, port=str(endpoint.port), user=user, password=password,
                database=database, login_timeout=login_timeout, timeout=query_timeout,
                appname="platform-gateway", autocommit=True, encryption=encryption,
                read_only=endpoint.read_only)
        return cls(primary, read, caller, connect=connect)

    # -- operations -----------------------------------------------------------------------------
    def check(self, timeout: float) -> str:
        """The primary must answer; a missing readable secondary only degrades reads."""
        self._on(self._primary, lambda cur: cur.execute(PING))
        if self._read is None:
            return "primary answered"
        try:
            self._on(self._read, lambda cur: cur.execute(PING))
            return "primary and read endpoint answered"
        except DependencyUnavailable:
            return "primary answered; read endpoint unavailable, reads use the primary"

    def ensure_schema(self) -> None:
        def create(cur: Any) -> None:
            cur.execute(CREATE_RECORDS_TABLE)
            cur.execute(CREATE_SYNC_RUNS_TABLE)
        self._caller.call("ensure_schema", lambda: self._on(self._primary, create), idempotent=True)

    def add_record(self, kind: str, name: str, payload: dict[str, Any]) -> Record:
        def insert(cur: Any) -> Record:
            cur.execute(INSERT_RECORD, (kind, name, json.dumps(payload, sort_keys=True)))
            return _record(cur.fetchone())
        # An INSERT is not idempotent: a reply lost in a failover must not insert twice.
        return self._caller.call("add_record", lambda: self._on(self._primary, insert), idempotent=False)

    def get_record(self, record_id: int) -> Record:
        def select(cur: Any) -> Record:
            cur.execute(SELECT_RECORD, (record_id,))
            row = cur.fetchone()
            if row is None:
                raise NotFound(f"record {record_id}")
            return _record(row)
        return self._caller.call("get_record", lambda: self._read_side(select), idempotent=True)

    def list_records(self, kind: str | None, limit: int, offset: int) -> list[Record]:
        def select(cur: Any) -> list[Record]:
            if kind is None:
                cur.execute(SELECT_RECORDS, (offset, limit))
            else:
                cur.execute(SELECT_RECORDS_OF_KIND, (kind, offset, limit))
            return [_record(r) for r in cur.fetchall()]
        return self._caller.call("list_records", lambda: self._read_side(select), idempotent=True)

    def add_sync_run(self, run: SyncRun) -> int:
        def insert(cur: Any) -> int:
            cur.execute(INSERT_SYNC_RUN, (_naive_utc(run.started_at), run.duration_ms, run.projects, run.issues,
                                          run.errors, run.status, run.error_summary))
            return int(cur.fetchone()[0])
        return self._caller.call("add_sync_run", lambda: self._on(self._primary, insert), idempotent=False)

    def list_sync_runs(self, limit: int) -> list[SyncRun]:
        def select(cur: Any) -> list[SyncRun]:
            cur.execute(SELECT_SYNC_RUNS, (limit,))
            return [SyncRun(id=r[0], started_at=_aware_utc(r[1]), duration_ms=r[2], projects=r[3], issues=r[4],
                            errors=r[5], status=r[6], error_summary=r[7]) for r in cur.fetchall()]
        return self._caller.call("list_sync_runs", lambda: self._read_side(select), idempotent=True)

    def close(self) -> None:
        for pool in self._pools.values():
            while not pool.empty():
                _close_quietly(pool.get_nowait())

    # -- connections ----------------------------------------------------------------------------
    def _read_side(self, work: Callable[[Any], T]) -> T:
        if self._read is None:
            return self._on(self._primary, work)
        try:
            return self._on(self._read, work)
        except DependencyUnavailable:
            # No readable secondary right now (all down, or mid-failover): the primary can serve.
            return self._on(self._primary, work)

    def _on(self, endpoint: Endpoint, work: Callable[[Any], T]) -> T:
        pool = self._pools[endpoint]
        try:
            conn = pool.get_nowait()
        except queue.Empty:
            conn = self._open(endpoint)
        try:
            cur = conn.cursor()
            try:
                result = work(cur)
            finally:
                _close_quietly(cur)
        except NotFound:
            self._give_back(pool, conn)
            raise
        except Exception as e:
            if _is_unavailable(e):
                _close_quietly(conn)  # the next call reconnects through the listener
                raise DependencyUnavailable(NAME, _reason(e)) from e
            self._give_back(pool, conn)
            raise
        self._give_back(pool, conn)
        return result

    def _open(self, endpoint: Endpoint) -> Any:
        try:
            return self._connect(endpoint)
        except DependencyUnavailable:
            raise
        except Exception as e:
            if _is_unavailable(e):
                raise DependencyUnavailable(NAME, "cannot connect") from e
            raise

    @staticmethod
    def _give_back(pool: queue.LifoQueue[Any], conn: Any) -> None:
        try:
            pool.put_nowait(conn)
        except queue.Full:
            _close_quietly(conn)


def _error_names(e: BaseException) -> set[str]:
    return {c.__name__ for c in type(e).__mro__}


def _error_number(e: BaseException) -> int | None:
    first = e.args[0] if e.args else None
    return first if isinstance(first, int) else None


def _is_unavailable(e: BaseException) -> bool:
    """DB-API error classes are per driver; their names are standard (PEP 249)."""
    names = _error_names(e)
    if names & {"OperationalError", "InterfaceError"}:
        return True
    return "DatabaseError" in names and _error_number(e) in FAILOVER_ERRORS


def _reason(e: BaseException) -> str:
    number = _error_number(e)
    return f"server error {number}" if number in FAILOVER_ERRORS else "connection failed"


def _record(row: Any) -> Record:
    return Record(id=int(row[0]), kind=row[1], name=row[2], payload=json.loads(row[3]),
                  created_at=_aware_utc(row[4]))


def _aware_utc(value: datetime | str) -> datetime:
    """DATETIME2 has no zone; the tables hold UTC (SYSUTCDATETIME), so say so in the API."""
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value


def _close_quietly(resource: Any) -> None:
    try:
        resource.close()
    except Exception:  # noqa: BLE001 - already broken; closing is best effort
        pass
