"""Property tests of the API against its own OpenAPI schema (schemathesis, bounded examples):
no 5xx, every answer matches what the schema says of its status, content type, headers and
body, and data the schema forbids is refused.

Not checked: that every schema-valid request is accepted (the API refuses more than a schema
can say: a year range running backwards, `page` with `offset`, an unknown topic), and the
`Allow` header of a 405 (Starlette names the methods of one route of a path, not of all)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, negative_data_rejection, response_headers_conformance, response_schema_conformance,
    status_code_conformance,
)

from app.main import create_app

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app())


@pytest.fixture
def stored(save, make_document) -> None:
    """Two regulations, so ids can be found as well as not found."""
    save(make_document(), "a" * 64)
    save(make_document(jenis="Undang-Undang", jenis_singkat="UU", daerah="Nasional", tingkat="nasional",
                       provinsi=None, nomor="23", tahun=2014), "b" * 64)


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_the_api_keeps_to_its_schema(stored: None, case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[
        not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
        response_schema_conformance, negative_data_rejection,
    ])
