"""The sync job: GitLab projects and issues into Elasticsearch, each run recorded in SQL Server.

Documents have stable ids (project-<id>, issue-<id>), so a repeated or retried run overwrites
instead of duplicating. A run never raises: it returns what happened, and which dependency failed.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from app.adapters.base import (CodeHost, DependencyUnavailable, IndexedDocument, NotFound, RecordStore,
                               SearchIndex, SyncRun)
from app.core.metrics import Metrics

BATCH = 500


@dataclass(frozen=True)
class SyncOutcome:
    run: SyncRun
    recorded: bool
    failure: DependencyUnavailable | None


class SyncAlreadyRunning(Exception):
    pass


class SyncJob:
    def __init__(self, code_host: CodeHost, index: SearchIndex, store: RecordStore, *, max_projects: int,
                 max_issues_per_project: int, metrics: Metrics | None = None):
        self._code_host = code_host
        self._index = index
        self._store = store
        self._max_projects = max_projects
        self._max_issues = max_issues_per_project
        self._metrics = metrics
        self._lock = threading.Lock()

    def run(self, deadline_seconds: float | None = None) -> SyncOutcome:
        """One run; stops between projects once ``deadline_seconds`` have passed (a call in flight is
        bounded by its client timeout), recording the run as partial."""
        if not self._lock.acquire(blocking=False):
            raise SyncAlreadyRunning()
        try:
            return self._run(deadline_seconds)
        finally:
            self._lock.release()

    def _run(self, deadline_seconds: float | None) -> SyncOutcome:
        started_at = datetime.now(timezone.utc)
        t0 = time.perf_counter()
        counts = {"gitlab_project": 0, "gitlab_issue": 0}
        problems: list[str] = []
        failure: DependencyUnavailable | None = None
        batch: list[IndexedDocument] = []

        def flush() -> None:
            self._index.bulk_put(batch)
            for doc in batch:
                counts[doc.kind] += 1
            batch.clear()

        try:
            for project in self._code_host.iter_projects(self._max_projects):
                if deadline_seconds is not None and time.perf_counter() - t0 > deadline_seconds:
                    problems.append(f"stopped after {deadline_seconds:g} s (SYNC_TIMEOUT); the next run continues")
                    break
                batch.append(project_document(project))
                try:
                    for issue in self._code_host.iter_issues(project["id"], self._max_issues):
                        batch.append(issue_document(issue, project))
                except NotFound:
                    problems.append(f"project {project['id']}: issues not found (deleted or no access)")
                if len(batch) >= BATCH:
                    flush()
            flush()
            self._index.refresh()
        except DependencyUnavailable as e:
            failure = e
            problems.append(f"{e.dependency} unavailable: {e.reason}")

        status = "failed" if failure else ("partial" if problems else "succeeded")
        run = SyncRun(id=0, started_at=started_at, duration_ms=int((time.perf_counter() - t0) * 1000),
                      projects=counts["gitlab_project"], issues=counts["gitlab_issue"],
                      errors=len(problems), status=status, error_summary="; ".join(problems)[:2000] or None)
        recorded = False
        try:
            run = SyncRun(**{**run.__dict__, "id": self._store.add_sync_run(run)})
            recorded = True
        except DependencyUnavailable as e:
            failure = failure or e
        if self._metrics:
            self._metrics.sync_runs.labels(status).inc()
            for kind, n in counts.items():
                self._metrics.sync_indexed.labels(kind).inc(n)
        return SyncOutcome(run=run, recorded=recorded, failure=failure)


def project_document(p: dict[str, Any]) -> IndexedDocument:
    return IndexedDocument(
        id=f"project-{p['id']}", kind="gitlab_project",
        title=p.get("name_with_namespace") or p.get("name") or str(p["id"]),
        body=p.get("description") or "",
        tags=[t for t in (p.get("topics") or p.get("tag_list") or []) if isinstance(t, str)][:50],
        url=p.get("web_url"), updated_at=_time(p.get("last_activity_at")))


def issue_document(i: dict[str, Any], project: dict[str, Any]) -> IndexedDocument:
    labels = [label for label in i.get("labels") or [] if isinstance(label, str)]
    path = project.get("path_with_namespace")
    return IndexedDocument(
        id=f"issue-{i['id']}", kind="gitlab_issue", title=i.get("title") or f"#{i.get('iid')}",
        body=i.get("description") or "", tags=(labels + ([path] if path else []))[:50],
        url=i.get("web_url"), updated_at=_time(i.get("updated_at")))


def _time(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
