"""Builds the adapters from settings. A dependency without settings stays None: its routes answer
503 "not configured" and the rest of the service works."""

from __future__ import annotations

from dataclasses import dataclass

from app.adapters.base import CodeHost, RecordStore, SearchIndex
from app.core.config import Settings
from app.core.metrics import Metrics
from app.core.resilience import DependencyCaller, RetryPolicy


@dataclass
class Dependencies:
    search: SearchIndex | None
    records: RecordStore | None
    code_host: CodeHost | None

    def all(self) -> dict[str, object | None]:
        return {"elasticsearch": self.search, "sqlserver": self.records, "gitlab": self.code_host}

    async def aclose(self) -> None:
        """Closes what adapters opened on the event loop (the async Elasticsearch client)."""
        for adapter in self.all().values():
            aclose = getattr(adapter, "aclose", None)
            if aclose:
                await aclose()

    def close(self) -> None:
        for adapter in self.all().values():
            close = getattr(adapter, "close", None)
            if close:
                close()


def build_dependencies(settings: Settings, metrics: Metrics) -> Dependencies:
    policy = RetryPolicy(attempts=settings.retry_attempts, initial_backoff=settings.retry_initial_backoff)

    from app.adapters.elasticsearch import ElasticsearchIndex
    search = ElasticsearchIndex(
        settings.elasticsearch_url, DependencyCaller("elasticsearch", policy, metrics),
        index_prefix=settings.elasticsearch_index_prefix, timeout=settings.elasticsearch_timeout,
        username=settings.elasticsearch_username,
        password=settings.elasticsearch_password.get_secret_value() if settings.elasticsearch_password else None,
        replicas=settings.elasticsearch_index_replicas)

    records = None
    if settings.mssql_host:
        from app.adapters.sqlserver import Endpoint, SqlServerStore
        primary = Endpoint(settings.mssql_host, settings.mssql_port, read_only=False)
        # Without a separate read listener, ReadOnly intent on the AG listener still lets
        # read-only routing send the session to a readable secondary.
        read = Endpoint(settings.mssql_read_host or settings.mssql_host,
                        settings.mssql_read_port or settings.mssql_port, read_only=True)
        records = SqlServerStore.with_pymssql(
            primary, read, DependencyCaller("sqlserver", policy, metrics),
            database=settings.mssql_database, user=settings.mssql_user,
            password=settings.mssql_password.get_secret_value() if settings.mssql_password else "",
            encryption=settings.mssql_encryption, login_timeout=settings.mssql_login_timeout,
            query_timeout=settings.mssql_query_timeout)

    code_host = None
    if settings.gitlab_url:
        from app.adapters.gitlab import GitLabClient
        code_host = GitLabClient(
            settings.gitlab_url,
            settings.gitlab_token.get_secret_value() if settings.gitlab_token else "",
            DependencyCaller("gitlab", policy, metrics), timeout=settings.gitlab_timeout)
    return Dependencies(search=search, records=records, code_host=code_host)
