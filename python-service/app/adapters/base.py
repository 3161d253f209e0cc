"""The interfaces routes depend on, and the errors every adapter raises instead of driver errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable, Iterator, Protocol


class DependencyUnavailable(Exception):
    """A dependency could not answer (down, timing out, failing over). Routes turn it into a 503.

    ``reason`` is a short, secret-free text for the response; the driver's own error is kept as
    ``__cause__`` for the log.
    """

    def __init__(self, dependency: str, reason: str = "unavailable", transient: bool = True):
        super().__init__(f"{dependency}: {reason}")
        self.dependency = dependency
        self.reason = reason
        self.transient = transient  # worth a retry (refused connection) or not (bad credentials)


class DependencyNotConfigured(DependencyUnavailable):
    def __init__(self, dependency: str):
        super().__init__(dependency, "not configured", transient=False)


class NotFound(Exception):
    """The dependency answered that the object does not exist."""


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str
    title: str
    score: float
    url: str | None = None
    snippet: str | None = None


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: list[SearchHit]
    took_ms: int


@dataclass(frozen=True)
class IndexedDocument:
    id: str
    kind: str
    title: str
    body: str
    tags: list[str]
    url: str | None = None
    updated_at: datetime | None = None


class SearchIndex(Protocol):
    name: str

    def check(self, timeout: float) -> str: ...
    def ensure_indices(self) -> None: ...
    def put_document(self, doc: IndexedDocument, refresh: bool = False) -> bool: ...
    def create_document(self, doc: IndexedDocument, refresh: bool = False) -> str: ...
    def get_document(self, doc_id: str) -> IndexedDocument: ...
    def delete_document(self, doc_id: str, refresh: bool = False) -> None: ...
    def search(self, query: str, kinds: list[str], size: int, offset: int) -> SearchPage: ...
    async def search_async(self, query: str, kinds: list[str], size: int, offset: int) -> SearchPage: ...
    def bulk_put(self, docs: Iterable[IndexedDocument]) -> int: ...
    def refresh(self) -> None: ...


@dataclass(frozen=True)
class Record:
    id: int
    kind: str
    name: str
    payload: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True)
class SyncRun:
    id: int
    started_at: datetime
    duration_ms: int
    projects: int
    issues: int
    errors: int
    status: str
    error_summary: str | None = None


class RecordStore(Protocol):
    name: str

    def check(self, timeout: float) -> str: ...
    def ensure_schema(self) -> None: ...
    def add_record(self, kind: str, name: str, payload: dict[str, Any]) -> Record: ...
    def get_record(self, record_id: int) -> Record: ...
    def list_records(self, kind: str | None, limit: int, offset: int) -> list[Record]: ...
    def add_sync_run(self, run: SyncRun) -> int: ...
    def list_sync_runs(self, limit: int) -> list[SyncRun]: ...


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    page: int
    per_page: int
    next_page: int | None
    total: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class CodeHost(Protocol):
    name: str

    def check(self, timeout: float) -> str: ...
    def list_projects(self, page: int, per_page: int, search: str | None = None) -> Page: ...
    def get_project(self, project_id: int) -> dict[str, Any]: ...
    def list_issues(self, project_id: int, state: str | None, page: int, per_page: int) -> Page: ...
    def list_pipelines(self, project_id: int, status: str | None, ref: str | None, page: int,
                       per_page: int) -> Page: ...
    def iter_projects(self, limit: int) -> Iterator[dict[str, Any]]: ...
    def iter_issues(self, project_id: int, limit: int) -> Iterator[dict[str, Any]]: ...
