"""Settings from the environment and from mounted Secret files.

Secrets come from files in SECRETS_DIR (default /var/run/secrets/gateway, one file per setting,
named like the field: ``mssql_password``, ``gitlab_token``, ``elasticsearch_password``) or from
environment variables of the same name. They are SecretStr, so they never show in a repr, a log line
or a validation error. Outside ENVIRONMENT=development a placeholder secret is refused.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRETS_DIR = "/var/run/secrets/gateway"

# Values seen in samples, charts and tutorials; a real deployment never uses them.
PLACEHOLDER_SECRETS = frozenset(
    {"", "changeme", "change-me", "changethis", "password", "passw0rd", "test1234", "secret",
     "admin", "root", "sa", "example", "default", "12345678", "yourstrong(!)password"}
)


class ConfigError(Exception):
    """Settings were refused; the message names the settings, never their values."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="", case_sensitive=False, extra="ignore", hide_input_in_errors=True
    )

    environment: Literal["development", "test", "staging", "production"] = "production"
    log_level: str = "INFO"

    elasticsearch_url: str = "http://127.0.0.1:9200"
    elasticsearch_username: str | None = None
    elasticsearch_password: SecretStr | None = None
    elasticsearch_timeout: float = Field(5.0, gt=0, le=60)
    elasticsearch_index_prefix: str = Field("gateway", pattern=r"^[a-z0-9][a-z0-9_-]{0,40}$")
    elasticsearch_index_replicas: int = Field(1, ge=0, le=5)

    # The availability group's listener (always the primary) and, optionally, a listener or
    # Service that reaches readable secondaries. Reads use ApplicationIntent=ReadOnly either way.
    mssql_host: str | None = None
    mssql_port: int = Field(1433, ge=1, le=65535)
    mssql_read_host: str | None = None
    mssql_read_port: int | None = Field(None, ge=1, le=65535)
    mssql_database: str = "gateway"
    mssql_user: str = "gateway"
    mssql_password: SecretStr | None = None
    mssql_encryption: Literal["off", "request", "require"] = "require"
    mssql_login_timeout: int = Field(3, ge=1, le=60)
    mssql_query_timeout: int = Field(5, ge=1, le=300)

    gitlab_url: str | None = None
    gitlab_token: SecretStr | None = None
    gitlab_timeout: float = Field(5.0, gt=0, le=60)

    # Retries (idempotent calls only): attempts in total, and the first back-off in seconds.
    retry_attempts: int = Field(3, ge=1, le=10)
    retry_initial_backoff: float = Field(0.1, ge=0, le=5)
    ready_timeout: float = Field(1.0, gt=0, le=10)
    # Dependencies whose outage makes /readyz answer 503; the body always reports all of them.
    readiness_required: str = "elasticsearch,sqlserver,gitlab"
    sync_max_projects: int = Field(200, ge=1, le=10000)
    sync_max_issues_per_project: int = Field(500, ge=0, le=100000)
    # POST /api/sync: a run stops after SYNC_TIMEOUT seconds; at most SYNC_RATE_PER_MINUTE starts a minute.
    sync_timeout: float = Field(600.0, gt=0, le=86400)
    sync_rate_per_minute: int = Field(2, ge=1, le=60)

    # Bearer tokens (ADR 34): the lines of hashes; when unset, the file api_token_hashes in secrets_dir,
    # re-read when it changes. Neither: every /api request is refused.
    api_token_hashes: SecretStr | None = None
    secrets_dir: str = DEFAULT_SECRETS_DIR
    # /metrics, /docs and /openapi.json on this port only (not the Service port the Ingress routes);
    # 0 serves them nowhere.
    internal_port: int = Field(8081, ge=0, le=65535)
    internal_host: str = "0.0.0.0"

    @field_validator("elasticsearch_url", "gitlab_url")
    @classmethod
    def _no_credentials_in_urls(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL with a host")
        if parts.username or parts.password:
            raise ValueError("must not carry credentials; use the *_username/*_password settings")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.environment == "development":
            return self
        needed = []
        if self.elasticsearch_username:
            needed.append(("elasticsearch_password", self.elasticsearch_password))
        if self.mssql_host:
            needed.append(("mssql_password", self.mssql_password))
        if self.gitlab_url:
            needed.append(("gitlab_token", self.gitlab_token))
        weak = [name for name, secret in needed if _is_placeholder(secret)]
        if weak:
            raise ValueError(
                f"{', '.join(weak)} missing or a placeholder value; mount a real secret "
                f"(file named like the setting in SECRETS_DIR) or set ENVIRONMENT=development"
            )
        return self

    @property
    def required_for_readiness(self) -> frozenset[str]:
        return frozenset(n.strip() for n in self.readiness_required.split(",") if n.strip())


def _is_placeholder(secret: SecretStr | None) -> bool:
    return secret is None or secret.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS


def load_settings(**overrides: object) -> Settings:
    """Reads settings; raises ConfigError whose text holds no secret value."""
    secrets_dir = Path(os.environ.get("SECRETS_DIR", DEFAULT_SECRETS_DIR))
    kwargs: dict[str, object] = dict(overrides)
    if secrets_dir.is_dir():
        kwargs["_secrets_dir"] = secrets_dir
    try:
        return Settings(**kwargs)  # type: ignore[arg-type]
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}" for err in e.errors()
        )
        raise ConfigError(f"invalid configuration: {problems}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
