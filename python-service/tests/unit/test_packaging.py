"""The image recipe and the dependency pins, checked as text: no container engine runs here, so
the image itself is not built in CI (tests/test_read_only_root.py runs the service the same way)."""

from __future__ import annotations

import re
from pathlib import Path

SERVICE = Path(__file__).resolve().parents[2]
DOCKERFILE = (SERVICE / "Dockerfile").read_text()


def instructions(name: str) -> list[str]:
    return [line for line in DOCKERFILE.splitlines() if line.startswith(name + " ")]


def test_the_image_is_python_3_11_slim_and_runs_as_a_numeric_non_root_user() -> None:
    assert {line.split()[1] for line in instructions("FROM")} == {"python:3.11-slim"}
    assert instructions("USER") == ["USER 10001:10001"]


def test_the_image_writes_no_bytecode_and_points_home_and_tmpdir_at_tmp() -> None:
    env = " ".join(line for line in DOCKERFILE.splitlines() if "=" in line)
    for setting in ("PYTHONDONTWRITEBYTECODE=1", "HOME=/tmp", "TMPDIR=/tmp"):
        assert setting in env
    assert "compileall" in DOCKERFILE  # bytecode made at build time instead


def test_no_secret_is_baked_into_the_image() -> None:
    assert not re.search(r"(?i)(password|token|secret)\s*=", DOCKERFILE)
    assert "COPY . " not in DOCKERFILE and ".venv" in (SERVICE / ".dockerignore").read_text()


def test_every_requirement_is_pinned_to_one_version() -> None:
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (SERVICE / name).read_text().splitlines():
            if line and not line.startswith(("#", "-r ")):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[^=\s]+", line), f"{name}: {line!r} is not pinned"


def test_the_elasticsearch_client_major_matches_the_7_17_server() -> None:
    assert "elasticsearch==7.17." in (SERVICE / "requirements.txt").read_text()
