"""Elasticsearch 7.x through the official 7.x client (its major must match the server's; the client
checks the X-Elastic-Product header). The client's own retries are off: DependencyCaller retries
idempotent calls, so there is one retry policy for every dependency.

Search, the hot path, goes through the client's asyncio flavour (aiohttp) on the server's event loop:
no worker thread, half the gateway's CPU per request (bench/README.md). Everything else stays on
the blocking client, called from worker threads.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from typing import Any, Awaitable, Callable, Iterable, TypeVar

from elasticsearch import AsyncElasticsearch, Elasticsearch
from elasticsearch import exceptions as es_errors
from elasticsearch.helpers import BulkIndexError, bulk

from app.adapters.base import DependencyUnavailable, IndexedDocument, NotFound, SearchHit, SearchPage
from app.core.resilience import DependencyCaller

T = TypeVar("T")
NAME = "elasticsearch"
KIND_DOCUMENT = "document"
TRANSIENT_STATUS = {429, 500, 502, 503, 504}

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "kind": {"type": "keyword"},
        "title": {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 256}}},
        "body": {"type": "text"},
        "tags": {"type": "keyword"},
        "url": {"type": "keyword", "index": False},
        "updated_at": {"type": "date"},
    },
}


class ElasticsearchIndex:
    name = NAME

    def __init__(self, url: str, caller: DependencyCaller, *, index_prefix: str = "gateway",
                 timeout: float = 5.0, username: str | None = None, password: str | None = None,
                 replicas: int = 1):
        auth = (username, password) if username else None
        # maxsize: one pooled connection per worker thread (anyio's default pool has 40), so
        # concurrent requests don't open and drop connections; the async client gets as many.
        self._client_args: dict[str, Any] = dict(hosts=[url], http_auth=auth, timeout=timeout, max_retries=0,
                                                 retry_on_timeout=False, maxsize=40)
        self._es = Elasticsearch(**self._client_args)
        self._async_es: AsyncElasticsearch | None = None
        self._async_loop: asyncio.AbstractEventLoop | None = None
        self._caller = caller
        self._replicas = replicas
        self.documents_index = f"{index_prefix}-documents"
        self.gitlab_index = f"{index_prefix}-gitlab"
        self._indices_ready = False

    def close(self) -> None:
        self._es.close()

    async def aclose(self) -> None:
        """Closes the async client's connections; call it on the loop that used it."""
        client, self._async_es, self._async_loop = self._async_es, None, None
        if client is not None:
            await client.close()

    # -- health ---------------------------------------------------------------------------------
    def check(self, timeout: float) -> str:
        def health() -> str:
            status = self._es.cluster.health(request_timeout=timeout)["status"]
            if status == "red":
                raise DependencyUnavailable(NAME, "cluster status red")
            return f"cluster {status}"
        return self._guard(health)

    # -- writes ---------------------------------------------------------------------------------
    def ensure_indices(self) -> None:
        def create() -> None:
            for index in (self.documents_index, self.gitlab_index):
                settings = {"number_of_shards": 1, "number_of_replicas": self._replicas}
                try:
                    self._es.indices.create(index=index, settings=settings, mappings=MAPPING)
                except es_errors.RequestError as e:
                    if e.error != "resource_already_exists_exception":  # another replica was first
                        raise
            self._indices_ready = True
        self._caller.call("ensure_indices", lambda: self._guard(create), idempotent=True)

    def put_document(self, doc: IndexedDocument, refresh: bool = False) -> bool:
        """Creates or replaces a document by id: idempotent, so retried. True when created."""
        self._ready()
        index = self._index_for(doc.kind)
        def put() -> bool:
            res = self._es.index(index=index, id=doc.id, document=_source(doc),
                                 refresh="wait_for" if refresh else "false")
            return res.get("result") == "created"
        return self._caller.call("put_document", lambda: self._guard(put), idempotent=True)

    def create_document(self, doc: IndexedDocument, refresh: bool = False) -> str:
        """A new id each call: not idempotent, so never retried (a lost reply would duplicate)."""
        self._ready()
        doc_id = uuid.uuid4().hex
        def create() -> str:
            self._es.create(index=self.documents_index, id=doc_id, document=_source(doc),
                            refresh="wait_for" if refresh else "false")
            return doc_id
        return self._caller.call("create_document", lambda: self._guard(create), idempotent=False)

    def delete_document(self, doc_id: str, refresh: bool = False) -> None:
        def delete() -> None:
            self._es.delete(index=self.documents_index, id=doc_id,
                            refresh="wait_for" if refresh else "false")
        self._caller.call("delete_document", lambda: self._guard(delete), idempotent=True)

    def bulk_put(self, docs: Iterable[IndexedDocument]) -> int:
        """Index-by-id in bulk: idempotent, so retried."""
        self._ready()
        actions = [{"_op_type": "index", "_index": self._index_for(d.kind), "_id": d.id,
                    "_source": _source(d)} for d in docs]
        if not actions:
            return 0
        def put_all() -> int:
            try:
                ok, _ = bulk(self._es, actions, max_retries=0)
            except BulkIndexError as e:
                raise DependencyUnavailable(NAME, f"{len(e.errors)} bulk items failed") from e
            return ok
        return self._caller.call("bulk_put", lambda: self._guard(put_all), idempotent=True)

    def refresh(self) -> None:
        """Makes everything indexed so far searchable (the sync job calls it once at the end)."""
        self._caller.call("refresh", lambda: self._guard(
            lambda: self._es.indices.refresh(index=f"{self.documents_index},{self.gitlab_index}",
                                             ignore_unavailable=True)), idempotent=True)

    # -- reads ----------------------------------------------------------------------------------
    def get_document(self, doc_id: str) -> IndexedDocument:
        def get() -> IndexedDocument:
            res = self._es.get(index=self.documents_index, id=doc_id)
            return _document(res["_id"], res["_source"])
        return self._caller.call("get_document", lambda: self._guard(get), idempotent=True)

    def search(self, query: str, kinds: list[str], size: int, offset: int) -> SearchPage:
        request = search_request(query, kinds, size, offset)
        def run() -> SearchPage:
            return _page(self._es.search(index=f"{self.documents_index},{self.gitlab_index}",
                                         ignore_unavailable=True, allow_no_indices=True, **request))
        return self._caller.call("search", lambda: self._guard(run), idempotent=True)

    async def search_async(self, query: str, kinds: list[str], size: int, offset: int) -> SearchPage:
        """``search`` on the running event loop, with the same retries, metrics and errors."""
        request = search_request(query, kinds, size, offset)
        async def run() -> SearchPage:
            client = self._async_client()
            return _page(await client.search(index=f"{self.documents_index},{self.gitlab_index}",
                                             ignore_unavailable=True, allow_no_indices=True, **request))
        return await self._caller.call_async("search", lambda: self._guard_async(run), idempotent=True)

    # -- helpers --------------------------------------------------------------------------------
    def _ready(self) -> None:
        if not self._indices_ready:
            self.ensure_indices()

    def _index_for(self, kind: str) -> str:
        return self.documents_index if kind == KIND_DOCUMENT else self.gitlab_index

    def _async_client(self) -> AsyncElasticsearch:
        # aiohttp's session belongs to the loop it was made on. The server runs one loop; a test's
        # TestClient starts a new one, whose lifespan closes the client again (aclose).
        loop = asyncio.get_running_loop()
        if self._async_es is None or self._async_loop is not loop:
            self._async_es, self._async_loop = AsyncElasticsearch(**self._client_args), loop
        return self._async_es

    @staticmethod
    def _guard(fn: Callable[[], T]) -> T:
        """Turns client errors into the adapter's errors; the client's text stays in __cause__."""
        try:
            return fn()
        except es_errors.ElasticsearchException as e:
            error = _translated(e)
            if error is e:
                raise
            raise error from e

    @staticmethod
    async def _guard_async(fn: Callable[[], Awaitable[T]]) -> T:
        try:
            return await fn()
        except es_errors.ElasticsearchException as e:
            error = _translated(e)
            if error is e:
                raise
            raise error from e


def _translated(e: es_errors.ElasticsearchException) -> Exception:
    """The adapter's error for a client error, or the client's own when it is a bug (a 400)."""
    if isinstance(e, es_errors.NotFoundError):
        return NotFound(str(e.info) if hasattr(e, "info") else "not found")
    if isinstance(e, es_errors.UnsupportedProductError):
        return DependencyUnavailable(NAME, "the server is not Elasticsearch 7.x", transient=False)
    if isinstance(e, (es_errors.AuthenticationException, es_errors.AuthorizationException)):
        return DependencyUnavailable(NAME, "rejected the gateway's credentials", transient=False)
    if isinstance(e, es_errors.ConnectionTimeout):
        return DependencyUnavailable(NAME, "timed out")
    if isinstance(e, es_errors.ConnectionError):
        return DependencyUnavailable(NAME, "unreachable")
    if isinstance(e, es_errors.TransportError) and isinstance(e.status_code, int) \
            and e.status_code in TRANSIENT_STATUS:
        return DependencyUnavailable(NAME, f"answered {e.status_code}")
    return e


def _page(res: dict[str, Any]) -> SearchPage:
    hits = [SearchHit(id=h["_id"], kind=h["_source"].get("kind", KIND_DOCUMENT),
                      title=h["_source"].get("title", ""), score=float(h.get("_score") or 0.0),
                      url=h["_source"].get("url"), snippet=(h.get("highlight", {}).get("body") or [None])[0])
            for h in res["hits"]["hits"]]
    return SearchPage(total=res["hits"]["total"]["value"], hits=hits, took_ms=res.get("took", 0))


def search_request(query: str, kinds: list[str], size: int, offset: int) -> dict[str, Any]:
    """The search body (also used by bench/ to send ES the very same query directly)."""
    return {
        "query": {"bool": {
            # simple_query_string never fails on user syntax, unlike query_string.
            "must": {"simple_query_string": {"query": query, "fields": ["title^3", "tags^2", "body"],
                                             "default_operator": "and"}},
            "filter": [{"terms": {"kind": kinds}}] if kinds else [],
        }},
        "highlight": {"fields": {"body": {"fragment_size": 160, "number_of_fragments": 1}}},
        "_source": ["kind", "title", "url"],
        "from_": offset, "size": size, "track_total_hits": True,
    }


def _source(doc: IndexedDocument) -> dict[str, Any]:
    src: dict[str, Any] = {"kind": doc.kind, "title": doc.title, "body": doc.body, "tags": doc.tags}
    if doc.url:
        src["url"] = doc.url
    if doc.updated_at:
        src["updated_at"] = doc.updated_at.isoformat()
    return src


def _document(doc_id: str, src: dict[str, Any]) -> IndexedDocument:
    updated = src.get("updated_at")
    return IndexedDocument(id=doc_id, kind=src.get("kind", KIND_DOCUMENT), title=src.get("title", ""),
                           body=src.get("body", ""), tags=list(src.get("tags", [])), url=src.get("url"),
                           updated_at=datetime.fromisoformat(updated) if updated else None)
