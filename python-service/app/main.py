"""The platform gateway: ``uvicorn --factory app.main:create_app``. No app is built at import time,
so importing never reads settings; tests call ``create_app`` with their own settings and adapters
(a local GitLab contract server, a SQL Server stand-in)."""

from __future__ import annotations

import gc
import logging
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

import asyncio
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.adapters.base import DependencyUnavailable, NotFound
from app.api.main import routers
from app.api.security import BearerGate
from app.core.auth import TokenTable
from app.core.config import Settings, get_settings
from app.core.metrics import Metrics
from app.core.wiring import Dependencies, build_dependencies
from app.internal import create_internal_app, internal_server

log = logging.getLogger("gateway")


def create_app(settings: Settings | None = None, dependencies: Dependencies | None = None,
               metrics: Metrics | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # The ES client logs every failed request with a traceback; the gateway logs one line instead.
    logging.getLogger("elasticsearch").setLevel(logging.ERROR)
    metrics = metrics or Metrics()
    deps = dependencies or build_dependencies(settings, metrics)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(_prepare, deps)
        # The ~95,000 objects of the started app live as long as the process. Out of the collector's
        # generations, they no longer make each full collection a 20-50 ms pause that stalls every
        # request in flight (the p99 of bench/README.md).
        gc.collect()
        gc.freeze()
        server = internal_server(internal, settings.internal_host, settings.internal_port) \
            if settings.internal_port else None
        serving = asyncio.create_task(server.serve()) if server else None
        try:
            yield
        finally:
            if server and serving:
                server.should_exit = True
                await serving
            await deps.aclose()
            deps.close()

    # No /docs, /redoc or /openapi.json here: they are on the internal port (app/internal.py).
    app = FastAPI(title="Kubeyard platform gateway", version="0.3.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None,
                  description="Search (Elasticsearch), records (SQL Server) and GitLab behind one API. "
                              "Every /api route needs a bearer token with the route's scope (read, write, sync).")
    tokens = _token_table(settings)
    if tokens.empty:
        log.warning("no API token is configured (api_token_hashes): every /api request is refused")
    internal = create_internal_app(app, metrics)
    app.state.settings = settings
    app.state.tokens = tokens
    app.state.internal = internal
    app.state.metrics = metrics
    app.state.dependencies = deps
    for router in routers:
        app.include_router(router)

    @app.exception_handler(DependencyUnavailable)
    async def dependency_unavailable(request: Request, e: DependencyUnavailable) -> JSONResponse:
        cause = e.__cause__
        log.warning("%s %s: %s unavailable (%s)%s", request.method, request.url.path, e.dependency, e.reason,
                    f": {type(cause).__name__}: {cause}" if cause else "")
        return JSONResponse(status_code=503, headers={"Retry-After": "5"},
                            content={"detail": f"{e.dependency} unavailable: {e.reason}", "dependency": e.dependency})

    @app.exception_handler(NotFound)
    async def not_found(request: Request, e: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": "not found"})

    app.add_middleware(BearerGate, tokens=tokens)
    app.add_middleware(RequestMetrics, metrics=metrics)  # outermost: refusals are counted too
    return app


def _token_table(settings: Settings) -> TokenTable:
    if settings.api_token_hashes is not None:
        return TokenTable(text=settings.api_token_hashes.get_secret_value())
    return TokenTable(path=Path(settings.secrets_dir) / "api_token_hashes")


def _prepare(deps: Dependencies) -> None:
    """Creates indices and tables if missing. A dependency that is down now is prepared lazily later."""
    for name, step in (("elasticsearch", deps.search and deps.search.ensure_indices),
                       ("sqlserver", deps.records and deps.records.ensure_schema)):
        if not step:
            continue
        try:
            step()
        except DependencyUnavailable as e:
            log.warning("startup: %s not prepared (%s); will retry on first use", name, e.reason)


class RequestMetrics:
    """Plain ASGI middleware (cheaper than BaseHTTPMiddleware): counts and times each request by
    its route template, so /api/documents/{doc_id} is one series, not one per id."""

    def __init__(self, app: Any, metrics: Metrics):
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def capture(message: dict) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.requests.labels(route, scope["method"], str(status["code"])).inc()
            self.metrics.request_seconds.labels(route, scope["method"]).observe(time.perf_counter() - started)
