"""The async search path (aiohttp) maps client errors as the blocking one does: an unreachable node
is a transient 'unreachable', a server that is not Elasticsearch a permanent refusal."""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from app.adapters.base import DependencyUnavailable
from app.adapters.elasticsearch import ElasticsearchIndex
from app.core.resilience import DependencyCaller, RetryPolicy
from tests.support.es_node import free_port


class NotElasticsearch(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # answers like a server without the X-Elastic-Product header
        body = json.dumps({"version": {"number": "7.17.29"}, "tagline": "You Know, for Search"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def impostor() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), NotElasticsearch)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def search_async(url: str) -> DependencyUnavailable:
    index = ElasticsearchIndex(url, DependencyCaller("elasticsearch", RetryPolicy(2, 0.0, 0.0)), timeout=2)

    async def run() -> None:
        try:
            await index.search_async("snapshot", [], 10, 0)
        finally:
            await index.aclose()
            index.close()
    with pytest.raises(DependencyUnavailable) as caught:
        asyncio.run(run())
    return caught.value


def test_an_unreachable_node_makes_the_async_search_unavailable_and_worth_a_retry() -> None:
    error = search_async(f"http://127.0.0.1:{free_port()}")
    assert (error.reason, error.transient) == ("unreachable", True)


def test_a_server_that_is_not_elasticsearch_is_refused_by_the_async_search_for_good(impostor: str) -> None:
    error = search_async(impostor)
    assert (error.reason, error.transient) == ("the server is not Elasticsearch 7.x", False)
