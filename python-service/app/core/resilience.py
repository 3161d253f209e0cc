"""Timeouts are set on each client; this adds bounded retries with exponential back-off and jitter.

Only idempotent calls go through ``call(..., idempotent=True)``: a retried non-idempotent call
(an INSERT, a POST that creates) could apply twice after a lost response.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Awaitable, Callable, TypeVar

from tenacity import AsyncRetrying, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from app.adapters.base import DependencyUnavailable, NotFound
from app.core.metrics import Metrics

T = TypeVar("T")
R = TypeVar("R", Retrying, AsyncRetrying)
log = logging.getLogger("gateway.resilience")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    initial_backoff: float = 0.1
    max_backoff: float = 1.0


def _transient(error: BaseException) -> bool:
    return isinstance(error, DependencyUnavailable) and error.transient


# A first attempt that already failed is handed to tenacity as its attempt 1, so the back-off,
# the retry log line and the retry metric are those of a call that went through tenacity throughout.
def _replaying(first: BaseException, fn: Callable[[], T]) -> Callable[[], T]:
    pending = [first]

    def attempt() -> T:
        if pending:
            raise pending.pop()
        return fn()
    return attempt


def _replaying_async(first: BaseException, fn: Callable[[], Awaitable[T]]) -> Callable[[], Awaitable[T]]:
    pending = [first]

    async def attempt() -> T:  # a coroutine function: tenacity awaits only what it sees is one
        if pending:
            raise pending.pop()
        return await fn()
    return attempt


class DependencyCaller:
    """Runs one dependency operation: timing, outcome metric, retries for idempotent calls."""

    def __init__(self, dependency: str, policy: RetryPolicy, metrics: Metrics | None = None):
        self.dependency = dependency
        self.policy = policy
        self.metrics = metrics

    def call(self, operation: str, fn: Callable[[], T], *, idempotent: bool) -> T:
        """``fn`` raises DependencyUnavailable (retried when transient), NotFound, or a bug."""
        started = time.perf_counter()
        try:
            try:
                result = fn()  # most calls succeed at once: they skip building the retry machinery
            except DependencyUnavailable as e:
                if not self._retryable(e, idempotent):
                    raise
                result = self._retrying(Retrying, operation, idempotent)(_replaying(e, fn))
        except BaseException as e:
            self._observe(operation, started, e)
            raise
        self._observe(operation, started, None)
        return result

    async def call_async(self, operation: str, fn: Callable[[], Awaitable[T]], *, idempotent: bool) -> T:
        """``call`` for a coroutine: the same retries, back-off and metrics, waiting without a thread."""
        started = time.perf_counter()
        try:
            try:
                result = await fn()
            except DependencyUnavailable as e:
                if not self._retryable(e, idempotent):
                    raise
                result = await self._retrying(AsyncRetrying, operation, idempotent)(_replaying_async(e, fn))
        except BaseException as e:
            self._observe(operation, started, e)
            raise
        self._observe(operation, started, None)
        return result

    def _retryable(self, error: DependencyUnavailable, idempotent: bool) -> bool:
        return idempotent and self.policy.attempts > 1 and _transient(error)

    def _retrying(self, kind: type[R], operation: str, idempotent: bool) -> R:
        return kind(
            stop=stop_after_attempt(self.policy.attempts if idempotent else 1),
            wait=wait_exponential_jitter(multiplier=self.policy.initial_backoff, max=self.policy.max_backoff,
                                        jitter=self.policy.initial_backoff),
            retry=retry_if_exception(_transient),
            before_sleep=lambda state: self._before_retry(operation, state.outcome.exception()),
            reraise=True,
        )

    def _observe(self, operation: str, started: float, error: BaseException | None) -> None:
        if not self.metrics:
            return
        outcome = ("ok" if error is None else "not_found" if isinstance(error, NotFound)
                   else "unavailable" if isinstance(error, DependencyUnavailable) else "error")
        self.metrics.dependency_seconds.labels(self.dependency, operation, outcome).observe(
            time.perf_counter() - started)

    def _before_retry(self, operation: str, error: BaseException | None) -> None:
        if self.metrics:
            self.metrics.dependency_retries.labels(self.dependency, operation).inc()
        log.warning("retrying %s %s after %s", self.dependency, operation, type(error).__name__)
