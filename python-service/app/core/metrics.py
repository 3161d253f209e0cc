"""Prometheus metrics, one registry per app so tests can build many apps in one process."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "gateway_http_requests", "HTTP requests by route template, method and status",
            ["route", "method", "status"], registry=self.registry)
        self.request_seconds = Histogram(
            "gateway_http_request_duration_seconds", "HTTP request latency by route template",
            ["route", "method"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.dependency_seconds = Histogram(
            "gateway_dependency_call_duration_seconds",
            "Calls to a dependency by operation and outcome (ok, not_found, unavailable, error)",
            ["dependency", "operation", "outcome"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.dependency_retries = Counter(
            "gateway_dependency_retries", "Retries of idempotent calls after a transient failure",
            ["dependency", "operation"], registry=self.registry)
        self.dependency_up = Gauge(
            "gateway_dependency_up", "1 when the last readiness check of the dependency passed",
            ["dependency"], registry=self.registry)
        self.sync_runs = Counter(
            "gateway_sync_runs", "Sync runs by final status", ["status"], registry=self.registry)
        self.sync_indexed = Counter(
            "gateway_sync_indexed_documents", "Documents indexed by the sync job", ["kind"],
            registry=self.registry)
