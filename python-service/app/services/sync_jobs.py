"""``POST /api/sync`` as a bounded background job (ADR 34): one run at a time per replica, at most
``rate_per_minute`` starts in any 60 s, each run stopped after ``timeout`` seconds. The run itself is
SyncJob's, in a worker thread (its clients block); the request returns at once with the job's id.
The last ``KEEP`` jobs stay queryable in this replica; every finished run is also in SQL Server."""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone

import anyio

from app.services.sync import SyncJob, SyncOutcome

KEEP = 20
WINDOW_SECONDS = 60.0


@dataclass
class SyncJobState:
    id: str
    started_at: datetime
    finished_at: datetime | None = None
    outcome: SyncOutcome | None = None
    crashed: bool = False

    @property
    def state(self) -> str:
        return "running" if self.finished_at is None else "finished"


class SyncBusy(Exception):
    def __init__(self, running: SyncJobState):
        self.running = running


class SyncRateLimited(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after


@dataclass
class SyncJobs:
    job: SyncJob
    timeout: float
    rate_per_minute: int
    _prefix: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S"))
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))
    _starts: deque = field(default_factory=deque)
    _jobs: dict[str, SyncJobState] = field(default_factory=dict)
    _running: SyncJobState | None = None
    _tasks: set = field(default_factory=set)

    def start(self) -> SyncJobState:
        """On the event loop (so the checks and the start are one step): the new job, or SyncBusy / SyncRateLimited."""
        if self._running is not None:
            raise SyncBusy(self._running)
        now = time.monotonic()
        while self._starts and now - self._starts[0] >= WINDOW_SECONDS:
            self._starts.popleft()
        if len(self._starts) >= self.rate_per_minute:
            raise SyncRateLimited(max(1, math.ceil(WINDOW_SECONDS - (now - self._starts[0]))))
        self._starts.append(now)
        state = SyncJobState(id=f"sync-{self._prefix}-{next(self._numbers)}", started_at=datetime.now(timezone.utc))
        self._running = state
        self._jobs[state.id] = state
        while len(self._jobs) > KEEP:
            self._jobs.pop(next(iter(self._jobs)))
        task = asyncio.get_running_loop().create_task(self._run(state))
        self._tasks.add(task)  # a task only weakly referenced by the loop could be collected mid-run
        task.add_done_callback(self._tasks.discard)
        return state

    def get(self, job_id: str) -> SyncJobState | None:
        return self._jobs.get(job_id)

    async def _run(self, state: SyncJobState) -> None:
        try:
            state.outcome = await anyio.to_thread.run_sync(self.job.run, self.timeout)
        except Exception:  # SyncJob.run returns failures; anything else is a bug, reported as a failed job
            state.crashed = True
            raise
        finally:
            state.finished_at = datetime.now(timezone.utc)
            self._running = None
