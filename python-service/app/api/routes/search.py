from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.adapters.base import SearchIndex
from app.api.deps import get_search_index
from app.api.models import DEPENDENCY_DOWN, Kind, SearchHitOut, SearchOut
from app.api.security import REFUSALS, can_read

router = APIRouter(prefix="/api", tags=["search"], dependencies=[Depends(can_read)], responses=REFUSALS)


@router.get("/search", response_model=SearchOut, responses=DEPENDENCY_DOWN,
            summary="Full-text search over documents and indexed GitLab projects and issues")
async def search(
    index: Annotated[SearchIndex, Depends(get_search_index)],
    q: Annotated[str, Query(min_length=1, max_length=256, description="simple_query_string syntax")],
    kind: Annotated[list[Kind] | None, Query(max_length=3)] = None,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=9900)] = 0,
) -> SearchOut:
    # On the event loop, no worker thread: a plain ``def`` route would cost three thread hops (FastAPI
    # runs a sync dependency, a sync endpoint and its response validation in the thread pool).
    page = await index.search_async(q, list(kind or []), size, offset)
    return SearchOut(total=page.total, took_ms=page.took_ms,
                     hits=[SearchHitOut(**h.__dict__) for h in page.hits])
