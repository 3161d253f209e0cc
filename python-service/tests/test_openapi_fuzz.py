"""Schemathesis against the service's own OpenAPI document, in process (ASGI), with the real
Elasticsearch, the GitLab contract server and the SQL Server stand-in behind it. Bounded: a few
examples per operation, so the whole run takes about a minute."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

EXAMPLES_PER_OPERATION = 10


@pytest.fixture
def api_schema(make_app):
    return schemathesis.openapi.from_asgi("/openapi.json", make_app())


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck),
          derandomize=True)
def test_generated_requests_never_get_a_server_error_and_responses_match_the_schema(case) -> None:
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                   response_schema_conformance])
