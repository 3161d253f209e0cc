from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, status

from app.adapters.base import Record, RecordStore
from app.api.deps import get_record_store
from app.api.models import BAD_BODY, DEPENDENCY_DOWN, NOT_FOUND, RecordIn, RecordOut
from app.api.security import REFUSALS, can_read, can_write

router = APIRouter(prefix="/api/records", tags=["records (SQL Server)"], responses=REFUSALS)
READ = [Depends(can_read)]
WRITE = [Depends(can_write)]


def _out(r: Record) -> RecordOut:
    return RecordOut(**r.__dict__)


@router.get("", dependencies=READ, response_model=list[RecordOut], responses=DEPENDENCY_DOWN,
            summary="List records, newest first (served by a readable secondary when there is one)")
def list_records(store: Annotated[RecordStore, Depends(get_record_store)],
                 kind: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_-]{0,63}$")] = None,
                 limit: Annotated[int, Query(ge=1, le=200)] = 50,
                 offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> list[RecordOut]:
    return [_out(r) for r in store.list_records(kind, limit, offset)]


@router.get("/{record_id}", dependencies=READ, response_model=RecordOut, responses={**NOT_FOUND, **DEPENDENCY_DOWN})
def get_record(record_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
               store: Annotated[RecordStore, Depends(get_record_store)]) -> RecordOut:
    return _out(store.get_record(record_id))


@router.post("", dependencies=WRITE, status_code=status.HTTP_201_CREATED, response_model=RecordOut,
             responses={**BAD_BODY, **DEPENDENCY_DOWN},
             summary="Add a record on the primary (not retried: an INSERT is not idempotent)")
def add_record(body: RecordIn, store: Annotated[RecordStore, Depends(get_record_store)]) -> RecordOut:
    return _out(store.add_record(body.kind, body.name, body.payload))
