from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Query

from app.adapters.base import SearchIndex
from app.api.deps import get_search_index
from app.api.models import DEPENDENCY_DOWN, Kind, SearchHitOut, SearchOut

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=SearchOut, responses=DEPENDENCY_DOWN,
            summary="Full-text search over documents and indexed GitLab projects and issues")
async def search(
    index: Annotated[SearchIndex, Depends(get_search_index)],
    q: Annotated[str, Query(min_length=1, max_length=256, description="simple_query_string syntax")],
    kind: Annotated[list[Kind] | None, Query(max_length=3)] = None,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=9900)] = 0,
) -> SearchOut:
    # The blocking client gets one worker thread. A plain ``def`` route would take two more hops:
    # FastAPI runs a sync endpoint and then its response validation each in the thread pool.
    page = await anyio.to_thread.run_sync(index.search, q, list(kind or []), size, offset)
    return SearchOut(total=page.total, took_ms=page.took_ms,
                     hits=[SearchHitOut(**h.__dict__) for h in page.hits])
