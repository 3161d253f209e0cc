"""Settings: secrets from mounted files, placeholder refusal, and no secret in any error text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ENVIRONMENT", "MSSQL_HOST", "MSSQL_PASSWORD", "GITLAB_URL", "GITLAB_TOKEN",
                 "ELASTICSEARCH_USERNAME", "ELASTICSEARCH_PASSWORD", "ELASTICSEARCH_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECRETS_DIR", str(tmp_path / "secrets"))


def mount_secret(tmp_path: Path, name: str, value: str) -> None:
    (tmp_path / "secrets").mkdir(exist_ok=True)
    (tmp_path / "secrets" / name).write_text(value)


def test_secrets_are_read_from_mounted_files_and_hidden_in_repr(tmp_path: Path, monkeypatch) -> None:
    mount_secret(tmp_path, "mssql_password", "S3cure-from-a-Secret!")
    monkeypatch.setenv("MSSQL_HOST", "ag1-listener.mssql")
    s = load_settings()
    assert s.mssql_password.get_secret_value() == "S3cure-from-a-Secret!"
    assert "S3cure" not in repr(s) and "S3cure" not in str(s.model_dump())


@pytest.mark.parametrize("placeholder", ["changeme", "password", "test1234", "", "  ChangeMe "])
def test_placeholder_passwords_are_refused_outside_development(monkeypatch, placeholder: str) -> None:
    monkeypatch.setenv("MSSQL_HOST", "ag1-listener.mssql")
    monkeypatch.setenv("MSSQL_PASSWORD", placeholder)
    with pytest.raises(ConfigError, match="mssql_password missing or a placeholder"):
        load_settings()


def test_a_missing_gitlab_token_is_refused_when_gitlab_is_configured(monkeypatch) -> None:
    monkeypatch.setenv("GITLAB_URL", "https://gitlab.example.com")
    with pytest.raises(ConfigError, match="gitlab_token"):
        load_settings()


def test_development_accepts_placeholders(monkeypatch) -> None:
    monkeypatch.setenv("ENVIRONMENT", "development")
    monkeypatch.setenv("MSSQL_HOST", "localhost")
    monkeypatch.setenv("MSSQL_PASSWORD", "changeme")
    assert load_settings().environment == "development"


def test_credentials_in_a_url_are_refused_and_not_echoed(monkeypatch) -> None:
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://elastic:Hunter2-secret@es:9200")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "must not carry credentials" in str(err.value) and "Hunter2" not in str(err.value)


def test_a_refused_secret_never_appears_in_the_error(monkeypatch) -> None:
    monkeypatch.setenv("ELASTICSEARCH_USERNAME", "gateway")
    monkeypatch.setenv("ELASTICSEARCH_PASSWORD", "test1234")
    monkeypatch.setenv("MSSQL_PORT", "not-a-port")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "test1234" not in str(err.value) and "mssql_port" in str(err.value)
