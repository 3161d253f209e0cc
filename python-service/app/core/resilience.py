"""Timeouts are set on each client; this adds bounded retries with exponential back-off and jitter.

Only idempotent calls go through ``call(..., idempotent=True)``: a retried non-idempotent call
(an INSERT, a POST that creates) could apply twice after a lost response.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from app.adapters.base import DependencyUnavailable, NotFound
from app.core.metrics import Metrics

T = TypeVar("T")
log = logging.getLogger("gateway.resilience")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    initial_backoff: float = 0.1
    max_backoff: float = 1.0


def _transient(error: BaseException) -> bool:
    return isinstance(error, DependencyUnavailable) and error.transient


class DependencyCaller:
    """Runs one dependency operation: timing, outcome metric, retries for idempotent calls."""

    def __init__(self, dependency: str, policy: RetryPolicy, metrics: Metrics | None = None):
        self.dependency = dependency
        self.policy = policy
        self.metrics = metrics

    def call(self, operation: str, fn: Callable[[], T], *, idempotent: bool) -> T:
        """``fn`` raises DependencyUnavailable (retried when transient), NotFound, or a bug."""
        attempts = self.policy.attempts if idempotent else 1
        retrying = Retrying(
            stop=stop_after_attempt(attempts),
            wait=wait_exponential_jitter(multiplier=self.policy.initial_backoff, max=self.policy.max_backoff,
                                        jitter=self.policy.initial_backoff),
            retry=retry_if_exception(_transient),
            before_sleep=lambda state: self._before_retry(operation, state.outcome.exception()),
            reraise=True,
        )
        started = time.perf_counter()
        outcome = "error"
        try:
            result = retrying(fn)
            outcome = "ok"
            return result
        except NotFound:
            outcome = "not_found"
            raise
        except DependencyUnavailable:
            outcome = "unavailable"
            raise
        finally:
            if self.metrics:
                self.metrics.dependency_seconds.labels(self.dependency, operation, outcome).observe(
                    time.perf_counter() - started)

    def _before_retry(self, operation: str, error: BaseException | None) -> None:
        if self.metrics:
            self.metrics.dependency_retries.labels(self.dependency, operation).inc()
        log.warning("retrying %s %s after %s", self.dependency, operation, type(error).__name__)
