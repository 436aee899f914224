"""A bounded, authenticated property-based fuzz of the API from its own OpenAPI document (what
schemathesis does, with hypothesis): for every operation, parameters and bodies drawn from the
declared schemas — and deliberately off them (wrong types, huge and strange text, lone
surrogates, NUL) — sent over real HTTP by a signed-in admin (and an integration credential
for the ingestion routes). No answer may be a server error, and every status must be one the
document declares for that operation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA
from tests.server.conftest import open_terminal
from tests.server.ingest_helpers import credential

# Not fuzzed: the event stream never ends by itself, and signing out would end the session the
# fuzz runs with (both have their own tests).
SKIPPED = {("get", "/v1/sync/events"), ("delete", "/v1/sessions/current")}
EXAMPLES = 25

_odd_text = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\ud800",
        "\u202e",
        "'; DROP TABLE customer; --",
        "../../etc",
        "🚲" * 50,
        "x" * 5000,
        "%00",
        "null",
    ]
)


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    return schema


def _from_schema(doc: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> Any:
    """Values that fit `schema`, most of the time; anything at all, some of the time."""
    schema = _resolve(doc, schema)
    wild = st.one_of(_odd_text, st.integers(), st.none(), st.booleans(), st.just([]), st.just({}))
    if depth > 4:
        return wild
    if "enum" in schema:
        fits = st.sampled_from(schema["enum"])
    elif "const" in schema:
        fits = st.just(schema["const"])
    elif "anyOf" in schema or "oneOf" in schema:
        fits = st.one_of(
            [_from_schema(doc, s, depth + 1) for s in schema.get("anyOf") or schema["oneOf"]]
        )
    else:
        kind = schema.get("type")
        if kind == "string":
            longest = min(int(schema.get("maxLength", 40)), 60)
            shortest = min(int(schema.get("minLength", 0)), longest)
            fits = st.text(min_size=shortest, max_size=longest)
            if "pattern" in schema:
                fits = st.from_regex(schema["pattern"], fullmatch=True).filter(
                    lambda t, n=longest: shortest <= len(t) <= n
                )
            if schema.get("format") in ("date-time", "date"):
                moments = st.datetimes(
                    min_value=datetime(2000, 1, 1),
                    max_value=datetime(2100, 1, 1),
                    timezones=st.just(UTC),
                )
                shown = moments.map(
                    lambda d, f=schema["format"]: (
                        d.isoformat() if f == "date-time" else d.date().isoformat()
                    )
                )
                fits = st.one_of(shown, shown, shown, fits)
        elif kind == "integer":
            fits = st.integers(
                min_value=schema.get("minimum", -(2**63)), max_value=schema.get("maximum", 2**63)
            )
        elif kind == "number":
            fits = st.floats(allow_nan=False, allow_infinity=False)
        elif kind == "boolean":
            fits = st.booleans()
        elif kind == "null":
            fits = st.none()
        elif kind == "array":
            fits = st.lists(_from_schema(doc, schema.get("items", {}), depth + 1), max_size=3)
        elif kind == "object" or "properties" in schema:
            props = schema.get("properties", {})
            required = set(schema.get("required", []))
            fits = st.fixed_dictionaries(
                {k: _from_schema(doc, v, depth + 1) for k, v in props.items() if k in required},
                optional={
                    k: _from_schema(doc, v, depth + 1)
                    for k, v in props.items()
                    if k not in required
                },
            )
        else:
            fits = wild
    # Mostly well-formed (a field off its schema in one request of a few), so most requests
    # reach the handlers and the rest test the validation.
    return st.one_of(*([fits] * (3 if depth == 0 else 15)), wild)


def _operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in sorted(doc["paths"].items())
        for method, op in sorted(item.items())
        if (method, path) not in SKIPPED
    ]


def _fuzz(
    http: httpx.Client,
    doc: dict[str, Any],
    method: str,
    path: str,
    op: dict[str, Any],
    headers: dict[str, str],
) -> list[str]:
    """Draw EXAMPLES requests for one operation; the answers that break the rules."""
    found: list[str] = []
    params = [p for p in op.get("parameters", []) if "$ref" not in p]
    body = op.get("requestBody", {}).get("content", {})
    json_schema = body.get("application/json", {}).get("schema")
    raw_body = next((t for t in body if t != "application/json"), None)
    declared = set(op.get("responses", {}))

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(
        values=st.fixed_dictionaries(
            {
                p["name"]: _from_schema(doc, p.get("schema", {}))
                if p.get("required")
                else st.one_of(st.none(), _from_schema(doc, p.get("schema", {})))
                for p in params
            }
        ),
        payload=_from_schema(doc, json_schema) if json_schema else st.none(),
        raw=st.binary(max_size=2000) if raw_body else st.none(),
    )
    def call(values: dict[str, Any], payload: Any, raw: bytes | None) -> None:
        url = path
        query: dict[str, Any] = {}
        for p in params:
            value = values[p["name"]]
            if p["in"] == "path":
                text = str(value) if value not in (None, "") else "x"
                text = text.encode("utf-8", "replace").decode()  # a URL cannot carry a surrogate
                url = url.replace("{" + p["name"] + "}", quote(text, safe=""))
            elif p["in"] == "query" and value is not None:
                query[p["name"]] = value if isinstance(value, (str, int)) else str(value)
        kwargs: dict[str, Any] = {"params": query, "headers": headers}
        if raw_body is not None:
            kwargs["content"] = raw
            kwargs["headers"] = {**headers, "Content-Type": raw_body}
        elif json_schema is not None:
            kwargs["json"] = payload
        try:
            r = http.request(method.upper(), url, **kwargs)
        except (httpx.InvalidURL, UnicodeEncodeError):
            return  # the client itself cannot send this (a lone surrogate in a URL)
        if r.status_code >= 500 or str(r.status_code) not in declared:
            found.append(f"{method.upper()} {path} -> {r.status_code}: {r.text[:200]}")

    call()
    return found


@pytest.mark.timeout(900)
def test_no_operation_answers_with_a_server_error_or_an_undeclared_status(
    server: ServerThread,
) -> None:
    http = httpx.Client(base_url=server.base_url, timeout=30)
    doc = http.get("/openapi.json").json()
    admin = open_terminal(server.base_url, SHIBUYA, "X900", "M001")
    integration = credential(http, "fuzz-shop", creates_customers=True, home_store="S001")
    found: list[str] = []

    for method, path, op in _operations(doc):
        headers = dict(admin.auth)
        if any("integrationToken" in s for s in op.get("security", [])):
            headers = {"Authorization": f"Bearer {integration['token']}"}
        found += _fuzz(http, doc, method, path, op, headers)
    assert found == []
