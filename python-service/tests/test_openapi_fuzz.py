"""Schemathesis against the service's own OpenAPI document (read from the internal port, called on the
public one), in process (ASGI), with the real Elasticsearch, the GitLab contract server and the SQL
Server stand-in behind it. Bounded: a few examples per operation. Three callers: the full-scope token
(no 5xx, everything as documented), no credential (every /api operation 401), and the read-only token
(every /api write 403)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from tests.conftest import bearer

EXAMPLES_PER_OPERATION = 10
FEW_EXAMPLES = 3
READ_METHODS = {"GET", "HEAD"}
FUZZ = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture
def api_schema(make_app):
    app = make_app()
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app.state.internal)
    loaded.app = app  # the document is served on the internal port; the API on the public one
    return loaded


schema = schemathesis.pytest.from_fixture("api_schema")


def challenge(response) -> str:
    values = {k.lower(): v for k, v in response.headers.items()}.get("www-authenticate", [""])
    return values[0] if isinstance(values, list) else values


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, **FUZZ)
def test_generated_requests_with_the_full_token_never_get_a_server_error_and_match_the_schema(case, tokens) -> None:
    case.headers = {**(case.headers or {}), **bearer(tokens["full"])}
    case.call_and_validate(
                           checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                   response_schema_conformance])


@schema.parametrize()
@settings(max_examples=FEW_EXAMPLES, **FUZZ)
def test_every_api_operation_without_a_credential_is_401_with_a_bearer_challenge(case) -> None:
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    response = case.call()
    if case.path.startswith("/api"):
        assert response.status_code == 401, (case.method, case.path, response.text)
        assert challenge(response).startswith("Bearer ")
    else:
        assert response.status_code < 500


@schema.parametrize()
@settings(max_examples=FEW_EXAMPLES, **FUZZ)
def test_every_api_write_with_the_read_token_is_403_and_no_read_is(case, tokens) -> None:
    case.headers = {**(case.headers or {}), **bearer(tokens["read"])}
    response = case.call()
    if not case.path.startswith("/api") or case.method.upper() != case.operation.method.upper():
        assert response.status_code < 500  # another path, or a method the operation does not have (405)
        return
    if case.method.upper() in READ_METHODS:
        assert response.status_code not in (401, 403) and response.status_code < 500, (case.path, response.text)
    elif "json_invalid" not in response.text:  # a body that is not JSON at all is refused before the scope check
        assert response.status_code == 403, (case.method, case.path, response.text)
        assert 'error="insufficient_scope"' in challenge(response)
