"""Liveness and readiness, unauthenticated for the kubelet and revealing nothing but ready or not;
the report per dependency is /api/status, behind the read scope (ADR 34)."""

from __future__ import annotations

import asyncio
import time

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from app.adapters.base import DependencyNotConfigured, DependencyUnavailable
from app.api.models import DependencyState, ReadinessOut, ReadyOut
from app.api.security import REFUSALS, can_read
from app.core.config import Settings
from app.core.metrics import Metrics
from app.core.wiring import Dependencies

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is alive (no dependency is checked)")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", response_model=ReadyOut,
            responses={503: {"model": ReadyOut, "description": "a required dependency is down"}},
            summary="Ready or not, and nothing more: which dependency is down is for /api/status (read scope)")
async def readyz(request: Request) -> JSONResponse:
    report = await readiness(request)
    return JSONResponse(status_code=503 if report.status == "not_ready" else 200,
                        content={"status": report.status})


@router.get("/api/status", response_model=ReadinessOut, dependencies=[Depends(can_read)],
            responses={503: {"model": ReadinessOut, "description": "a required dependency is down"}, **REFUSALS},
            summary="Each dependency checked with a short timeout, reported separately", tags=["status"])
async def status(request: Request) -> JSONResponse:
    report = await readiness(request)
    return JSONResponse(status_code=503 if report.status == "not_ready" else 200, content=report.model_dump(mode="json"))


async def readiness(request: Request) -> ReadinessOut:
    deps: Dependencies = request.app.state.dependencies
    settings: Settings = request.app.state.settings
    metrics: Metrics = request.app.state.metrics
    names = list(deps.all())
    states = await asyncio.gather(*(_check(n, a, settings.ready_timeout) for n, a in deps.all().items()))
    report = dict(zip(names, states))
    for name, state in report.items():
        metrics.dependency_up.labels(name).set(1 if state.status == "up" else 0)
    down = [n for n, s in report.items() if s.status != "up" and n in settings.required_for_readiness]
    return ReadinessOut(status="not_ready" if down else "ready", dependencies=report)


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
