"""Liveness, readiness with one line per dependency, and Prometheus metrics."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from app.adapters.base import DependencyNotConfigured, DependencyUnavailable
from app.api.deps import get_dependencies, get_metrics, get_settings
from app.api.models import DependencyState, ReadinessOut
from app.core.config import Settings
from app.core.metrics import Metrics
from app.core.wiring import Dependencies

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is alive (no dependency is checked)")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", response_model=ReadinessOut,
            responses={503: {"model": ReadinessOut, "description": "a required dependency is down"}},
            summary="Each dependency checked with a short timeout, reported separately")
async def readyz(deps: Annotated[Dependencies, Depends(get_dependencies)],
                 settings: Annotated[Settings, Depends(get_settings)],
                 metrics: Annotated[Metrics, Depends(get_metrics)]) -> JSONResponse:
    names = list(deps.all())
    states = await asyncio.gather(*(_check(n, a, settings.ready_timeout) for n, a in deps.all().items()))
    report = dict(zip(names, states))
    for name, state in report.items():
        metrics.dependency_up.labels(name).set(1 if state.status == "up" else 0)
    down = [n for n, s in report.items() if s.status != "up" and n in settings.required_for_readiness]
    body = ReadinessOut(status="not_ready" if down else "ready", dependencies=report)
    return JSONResponse(status_code=503 if down else 200, content=body.model_dump(mode="json"))


async def _check(name: str, adapter: object | None, timeout: float) -> DependencyState:
    started = time.perf_counter()

    def state(status: str, detail: str) -> DependencyState:
        return DependencyState(status=status, detail=detail,
                               latency_ms=int((time.perf_counter() - started) * 1000))

    if adapter is None:
        return state("not_configured", f"{name} is not configured")
    try:
        with anyio.fail_after(timeout + 0.5):  # the adapter's own timeout should fire first
            detail = await anyio.to_thread.run_sync(adapter.check, timeout, abandon_on_cancel=True)
        return state("up", detail)
    except DependencyNotConfigured:
        return state("not_configured", f"{name} is not configured")
    except DependencyUnavailable as e:
        return state("down", f"{name} unavailable: {e.reason}")
    except TimeoutError:
        return state("down", f"{name} unavailable: no answer within {timeout}s")


@router.get("/metrics", summary="Prometheus metrics", response_class=Response,
            responses={200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}})
def metrics_endpoint(metrics: Annotated[Metrics, Depends(get_metrics)]) -> Response:
    return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)
