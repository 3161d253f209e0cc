from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.adapters.base import RecordStore, SyncRun
from app.api.deps import get_record_store, get_sync_job
from app.api.models import DEPENDENCY_DOWN, NOT_FOUND, ErrorOut, SyncBusyOut, SyncJobOut, SyncRunOut
from app.api.security import REFUSALS, can_read, can_sync
from app.services.sync import SyncJob
from app.services.sync_jobs import SyncBusy, SyncJobs, SyncJobState, SyncRateLimited

router = APIRouter(prefix="/api/sync", tags=["sync"], responses=REFUSALS)
JobId = Annotated[str, Path(pattern=r"^sync-[0-9]{14}-[0-9]{1,9}$")]


def _out(run: SyncRun, recorded: bool = True) -> SyncRunOut:
    return SyncRunOut(**{**run.__dict__, "id": run.id if recorded else None})


def _job_out(job: SyncJobState) -> SyncJobOut:
    outcome = job.outcome
    failure = outcome.failure if outcome else None
    detail = (f"{failure.dependency} unavailable: {failure.reason}" if failure
              else "the run stopped unexpectedly; the gateway's log says why" if job.crashed else None)
    return SyncJobOut(id=job.id, state=job.state, started_at=job.started_at, finished_at=job.finished_at,
                      run=_out(outcome.run, outcome.recorded) if outcome else None, detail=detail,
                      dependency=failure.dependency if failure else None)


async def get_sync_jobs(request: Request, job: Annotated[SyncJob, Depends(get_sync_job)]) -> SyncJobs:
    jobs = getattr(request.app.state, "sync_jobs", None)
    if jobs is None:
        settings = request.app.state.settings
        jobs = SyncJobs(job, timeout=settings.sync_timeout, rate_per_minute=settings.sync_rate_per_minute)
        request.app.state.sync_jobs = jobs
    return jobs


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_model=SyncJobOut, dependencies=[Depends(can_sync)],
             responses={409: {"model": SyncBusyOut, "description": "a sync is already running in this replica; "
                                                                  "the body names it"},
                        429: {"model": ErrorOut, "description": "too many syncs started in the last minute; "
                                                                "Retry-After says when to try again"},
                        **DEPENDENCY_DOWN},
             summary="Start a sync (GitLab projects and issues into Elasticsearch, the run recorded in SQL "
                     "Server) as a background job; poll /api/sync/jobs/{id}")
async def start_sync(response: Response, jobs: Annotated[SyncJobs, Depends(get_sync_jobs)]) -> SyncJobOut | JSONResponse:
    try:
        job = jobs.start()
    except SyncBusy as busy:
        body = SyncBusyOut(detail="a sync is already running", job=_job_out(busy.running))
        return JSONResponse(status_code=409, content=body.model_dump(mode="json"),
                            headers={"Location": f"/api/sync/jobs/{busy.running.id}"})
    except SyncRateLimited as limited:
        return JSONResponse(status_code=429, headers={"Retry-After": str(limited.retry_after)},
                            content={"detail": f"at most {jobs.rate_per_minute} syncs start per minute"})
    response.headers["Location"] = f"/api/sync/jobs/{job.id}"
    return _job_out(job)


@router.get("/jobs/{job_id}", response_model=SyncJobOut, dependencies=[Depends(can_read)], responses=NOT_FOUND,
            summary="A sync job started by this replica: running, or finished with its run")
async def get_sync_job_state(job_id: JobId, request: Request) -> SyncJobOut | JSONResponse:
    jobs: SyncJobs | None = getattr(request.app.state, "sync_jobs", None)
    job = jobs.get(job_id) if jobs else None
    if job is None:
        return JSONResponse(status_code=404, content={"detail": "not found"})
    return _job_out(job)


@router.get("/runs", response_model=list[SyncRunOut], dependencies=[Depends(can_read)], responses=DEPENDENCY_DOWN,
            summary="Recent sync runs, newest first, from SQL Server")
def list_runs(store: Annotated[RecordStore, Depends(get_record_store)],
              limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[SyncRunOut]:
    return [_out(r) for r in store.list_sync_runs(limit)]
