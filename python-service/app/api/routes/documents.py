from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from app.adapters.base import IndexedDocument, SearchIndex
from app.api.deps import get_search_index
from app.api.models import BAD_BODY, DEPENDENCY_DOWN, DOC_ID_PATTERN, NOT_FOUND, DocumentIn, DocumentOut
from app.api.security import REFUSALS, can_read, can_write

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=REFUSALS)
READ = [Depends(can_read)]
WRITE = [Depends(can_write)]
DocId = Annotated[str, Path(pattern=DOC_ID_PATTERN)]
Refresh = Annotated[bool, Query(description="wait until the change is searchable")]


def _out(doc: IndexedDocument) -> DocumentOut:
    return DocumentOut(**doc.__dict__)


@router.post("", dependencies=WRITE, status_code=status.HTTP_201_CREATED, response_model=DocumentOut,
             responses={**BAD_BODY, **DEPENDENCY_DOWN},
             summary="Index a new document under a generated id (not retried: not idempotent)")
def create_document(body: DocumentIn, index: Annotated[SearchIndex, Depends(get_search_index)],
                    refresh: Refresh = False) -> DocumentOut:
    doc = IndexedDocument(id="", kind="document", title=body.title, body=body.body, tags=body.tags)
    doc_id = index.create_document(doc, refresh=refresh)
    return _out(IndexedDocument(**{**doc.__dict__, "id": doc_id}))


@router.put("/{doc_id}", dependencies=WRITE, response_model=DocumentOut,
            responses={201: {"model": DocumentOut, "description": "created"}, **BAD_BODY, **DEPENDENCY_DOWN},
            summary="Create or replace a document by id (idempotent)")
def put_document(doc_id: DocId, body: DocumentIn, response: Response,
                 index: Annotated[SearchIndex, Depends(get_search_index)], refresh: Refresh = False) -> DocumentOut:
    doc = IndexedDocument(id=doc_id, kind="document", title=body.title, body=body.body, tags=body.tags)
    if index.put_document(doc, refresh=refresh):
        response.status_code = status.HTTP_201_CREATED
    return _out(doc)


@router.get("/{doc_id}", dependencies=READ, response_model=DocumentOut, responses={**NOT_FOUND, **DEPENDENCY_DOWN})
def get_document(doc_id: DocId, index: Annotated[SearchIndex, Depends(get_search_index)]) -> DocumentOut:
    return _out(index.get_document(doc_id))


@router.delete("/{doc_id}", dependencies=WRITE, status_code=status.HTTP_204_NO_CONTENT, responses={**NOT_FOUND, **DEPENDENCY_DOWN})
def delete_document(doc_id: DocId, index: Annotated[SearchIndex, Depends(get_search_index)],
                    refresh: Refresh = False) -> Response:
    index.delete_document(doc_id, refresh=refresh)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
