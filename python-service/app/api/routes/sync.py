from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse

from app.adapters.base import RecordStore, SyncRun
from app.api.deps import get_record_store, get_sync_job
from app.api.models import DEPENDENCY_DOWN, ErrorOut, SyncFailedOut, SyncRunOut
from app.services.sync import SyncAlreadyRunning, SyncJob

router = APIRouter(prefix="/api/sync", tags=["sync"])


def _out(run: SyncRun, recorded: bool = True) -> SyncRunOut:
    return SyncRunOut(**{**run.__dict__, "id": run.id if recorded else None})


@router.post("", response_model=SyncRunOut,
             responses={409: {"model": ErrorOut, "description": "a sync is already running in this replica"},
                        503: {"model": SyncFailedOut, "description": "a dependency failed; the run says how far it got"}},
             summary="Index GitLab projects and issues into Elasticsearch and record the run in SQL Server")
def run_sync(job: Annotated[SyncJob, Depends(get_sync_job)]) -> SyncRunOut | JSONResponse:
    try:
        outcome = job.run()
    except SyncAlreadyRunning:
        raise HTTPException(status_code=409, detail="a sync is already running") from None
    run = _out(outcome.run, outcome.recorded)
    if outcome.failure:
        body = SyncFailedOut(detail=f"{outcome.failure.dependency} unavailable: {outcome.failure.reason}",
                             dependency=outcome.failure.dependency, run=run)
        return JSONResponse(status_code=503, content=body.model_dump(mode="json"), headers={"Retry-After": "5"})
    return run


@router.get("/runs", response_model=list[SyncRunOut], responses=DEPENDENCY_DOWN,
            summary="Recent sync runs, newest first, from SQL Server")
def list_runs(store: Annotated[RecordStore, Depends(get_record_store)],
              limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[SyncRunOut]:
    return [_out(r) for r in store.list_sync_runs(limit)]
