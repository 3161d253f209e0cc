"""InMemorySqlServerStandIn: a DB-API stand-in for SQL Server, which cannot run on this machine.

It is not a database. It accepts only the adapter's statement constants (anything else fails the
test), checks that the placeholder count matches the parameters, records every call, and gives
each statement the in-memory effect the real one would have. It can also play an outage (an
endpoint refuses connections) and a failover (open connections to the old primary break).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from app.adapters import sqlserver
from app.adapters.sqlserver import Endpoint

STATEMENT_NAMES = {sql: name for name, sql in sqlserver.STATEMENTS.items()}


class Error(Exception):
    pass


class DatabaseError(Error):
    pass


class OperationalError(DatabaseError):
    """Named as in PEP 249, like the driver's, so the adapter's classification applies."""


@dataclass
class Call:
    endpoint: Endpoint
    statement: str  # the constant's name, e.g. INSERT_RECORD
    params: tuple[Any, ...]


@dataclass
class InMemorySqlServerStandIn:
    calls: list[Call] = field(default_factory=list)
    down: set[bool] = field(default_factory=set)  # read_only flags of endpoints that refuse connections
    records: list[tuple[Any, ...]] = field(default_factory=list)
    sync_runs: list[tuple[Any, ...]] = field(default_factory=list)
    generation: int = 0  # bumped by failover(); connections from an older one break
    connects: int = 0

    def connect(self, endpoint: Endpoint) -> StandInConnection:
        if endpoint.read_only in self.down:
            raise OperationalError(20009, b"Unable to connect: TDS server is unavailable or does not exist")
        self.connects += 1
        return StandInConnection(self, endpoint, self.generation)

    def failover(self) -> None:
        self.generation += 1

    def statements_run(self) -> list[str]:
        return [c.statement for c in self.calls]

    # The effect of each statement, keyed by its constant's name.
    def run(self, name: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        if name == "PING":
            return [(1,)]
        if name.startswith("CREATE_"):
            return []
        if name == "INSERT_RECORD":
            row = (len(self.records) + 1, params[0], params[1], params[2], now)
            self.records.append(row)
            return [row]
        if name == "SELECT_RECORD":
            return [r for r in self.records if r[0] == params[0]]
        if name in ("SELECT_RECORDS", "SELECT_RECORDS_OF_KIND"):
            rows = sorted(self.records, key=lambda r: -r[0])
            if name == "SELECT_RECORDS_OF_KIND":
                rows = [r for r in rows if r[1] == params[0]]
                params = params[1:]
            offset, limit = params
            return rows[offset: offset + limit]
        if name == "INSERT_SYNC_RUN":
            row = (len(self.sync_runs) + 1, *params)
            self.sync_runs.append(row)
            return [(row[0],)]
        if name == "SELECT_SYNC_RUNS":
            return sorted(self.sync_runs, key=lambda r: -r[0])[: params[0]]
        raise AssertionError(f"the stand-in has no effect for {name}")


class StandInConnection:
    def __init__(self, standin: InMemorySqlServerStandIn, endpoint: Endpoint, generation: int):
        self.standin = standin
        self.endpoint = endpoint
        self.generation = generation
        self.closed = False

    def cursor(self) -> StandInCursor:
        if self.closed:
            raise OperationalError(20047, b"DBPROCESS is dead or not enabled")
        return StandInCursor(self)

    def close(self) -> None:
        self.closed = True


class StandInCursor:
    def __init__(self, conn: StandInConnection):
        self.conn = conn
        self._rows: list[tuple[Any, ...]] = []

    def execute(self, sql: str, params: tuple[Any, ...] | None = None) -> None:
        name = STATEMENT_NAMES.get(sql)
        assert name is not None, f"SQL that is not one of the adapter's constants was executed: {sql!r}"
        params = tuple(params or ())
        assert sql.count("%s") == len(params), f"{name}: {sql.count('%s')} placeholders, {len(params)} params"
        standin = self.conn.standin
        if self.conn.generation != standin.generation:
            raise OperationalError(20006, b"Write to the server failed")  # the old primary went away
        if self.conn.endpoint.read_only in standin.down:
            raise OperationalError(20003, b"Adaptive Server connection timed out")
        standin.calls.append(Call(self.conn.endpoint, name, params))
        self._rows = standin.run(name, params)

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def close(self) -> None:
        pass


