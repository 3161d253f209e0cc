"""The internal port (ADR 34): /metrics for a Prometheus scrape inside the cluster, and /docs and
/openapi.json, none of them on the port the Service gives the Ingress. It is a second uvicorn server
in the same process and event loop, started and stopped by the public app's lifespan."""

from __future__ import annotations

import contextlib
import logging
from typing import Iterator

import uvicorn
from fastapi import FastAPI, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from app.core.metrics import Metrics

log = logging.getLogger("gateway")


def create_internal_app(public: FastAPI, metrics: Metrics) -> FastAPI:
    internal = FastAPI(title=f"{public.title} (internal port)", version=public.version,
                       docs_url=None, redoc_url=None, openapi_url=None)

    @internal.get("/metrics", response_class=Response)
    async def metrics_endpoint() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @internal.get("/openapi.json")
    async def openapi() -> JSONResponse:
        return JSONResponse(public.openapi())  # the public API's document: what clients of /api call

    @internal.get("/docs", response_class=HTMLResponse)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=public.title)

    @internal.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return internal


class InternalServer(uvicorn.Server):
    """Leaves the signals to the public server: it owns SIGTERM and stops this one from its lifespan."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def internal_server(app: FastAPI, host: str, port: int) -> InternalServer:
    # No log settings here: uvicorn.Config applies them to the process-wide uvicorn loggers, and
    # access_log=False would silence the public server's access log too.
    return InternalServer(uvicorn.Config(app, host=host, port=port, lifespan="off", server_header=False,
                                         log_config=None))
