"""DependencyCaller.call_async keeps call's contract: transient failures of idempotent calls are
retried, the rest fail at once, and each call is timed under its outcome."""

from __future__ import annotations

import asyncio

import pytest

from app.adapters.base import DependencyUnavailable, NotFound
from app.core.metrics import Metrics
from app.core.resilience import DependencyCaller, RetryPolicy

POLICY = RetryPolicy(attempts=3, initial_backoff=0.0, max_backoff=0.0)


def flaky(failures: list[BaseException], result: str = "done"):
    calls = []

    async def fn() -> str:
        calls.append(1)
        if failures:
            raise failures.pop(0)
        return result
    return fn, calls


def sample(metrics: Metrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_an_idempotent_async_call_is_retried_after_transient_failures_and_counted() -> None:
    metrics = Metrics()
    fn, calls = flaky([DependencyUnavailable("es"), DependencyUnavailable("es")])
    assert asyncio.run(DependencyCaller("es", POLICY, metrics).call_async("search", fn, idempotent=True)) == "done"
    assert len(calls) == 3
    assert sample(metrics, "gateway_dependency_retries_total", dependency="es", operation="search") == 2
    assert sample(metrics, "gateway_dependency_call_duration_seconds_count",
                  dependency="es", operation="search", outcome="ok") == 1


def test_a_non_idempotent_async_call_is_tried_once() -> None:
    fn, calls = flaky([DependencyUnavailable("es")])
    with pytest.raises(DependencyUnavailable):
        asyncio.run(DependencyCaller("es", POLICY).call_async("create", fn, idempotent=False))
    assert len(calls) == 1


@pytest.mark.parametrize(("error", "outcome"), [(DependencyUnavailable("es", transient=False), "unavailable"),
                                                (NotFound("gone"), "not_found"), (KeyError("bug"), "error")])
def test_an_async_call_that_cannot_succeed_fails_at_once_under_its_outcome(error: Exception, outcome: str) -> None:
    metrics = Metrics()
    fn, calls = flaky([error])
    with pytest.raises(type(error)):
        asyncio.run(DependencyCaller("es", POLICY, metrics).call_async("search", fn, idempotent=True))
    assert len(calls) == 1
    assert sample(metrics, "gateway_dependency_call_duration_seconds_count",
                  dependency="es", operation="search", outcome=outcome) == 1
