"""The OpenAPI document: every mutation's args schema published under the mutation name, the
error body and statuses each operation can answer with, and the bearer scheme of sessions."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from sync.protocol import MUTATION_ARGS, ErrorBody

# Operations that can meet a state they cannot act on (decided already, merged, changed).
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"description": "The request conflicts with the state now", "model": ErrorBody}
}

BEARER = "sessionToken"
INTEGRATION_BEARER = "integrationToken"
INTEGRATION_DEPENDENCY = "current_integration"
# What every operation may answer besides its success (see sync.server.errors).
_ERRORS = {
    "400": "Bad request: a malformed cursor, an unsupported protocol version, a host name this "
    "server does not answer to",
    "404": "Not found",
    "413": "The request body is too large",
    "422": "The request does not match its schema",
    "429": "Too many attempts or open streams; see Retry-After",
    "500": "The server failed; try again later",
    "503": "The server is busy or shutting down; try again later",
}
_AUTH_ERRORS = {
    "401": "No valid staff session (or credentials refused); sign in again",
    "403": "The session's staff member or device may not do this",
}


_INTEGRATION_ERRORS = {
    "401": "No valid integration credential (missing, unknown or revoked)",
    "403": "The credential may not send this source or this kind of event",
    "409": "This event_id was received before with another body",
}


def operation_id(route: APIRoute) -> str:
    """Stable operation ids: the endpoint function's name (e.g. `push_mutations`)."""
    return route.name


def mutation_schemas() -> dict[str, Any]:
    """`{"note.add": {...}, ...}`; a later version is published as `name@v2`."""
    schemas: dict[str, Any] = {}
    for (name, version), model in sorted(MUTATION_ARGS.items()):
        key = name if version == 1 else f"{name}@v{version}"
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for def_name, definition in schema.pop("$defs", {}).items():
            schemas.setdefault(def_name, definition)
        schema["title"] = key
        schema["description"] = f"args of mutation {name} version {version} in POST /v1/sync/push"
        schemas[key] = schema
    return schemas


def _needs_session(dependant: Dependant, names: frozenset[str]) -> bool:
    stack = [dependant]
    while stack:
        dep = stack.pop()
        if dep.call is not None and getattr(dep.call, "__name__", "") in names:
            return True
        stack.extend(dep.dependencies)
    return False


def _error_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
    }


def install_openapi(app: FastAPI, session_dependencies: frozenset[str]) -> None:
    """`session_dependencies`: names of the dependency functions that read the bearer session
    (operations using one declare the bearer scheme and 401/403)."""

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        components = doc.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        schemas.update(mutation_schemas())
        schemas["ErrorBody"] = ErrorBody.model_json_schema()
        # Validation errors leave as ErrorBody too (sync.server.errors), not FastAPI's shape.
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        components["securitySchemes"] = {
            BEARER: {
                "type": "http",
                "scheme": "bearer",
                "description": "session_token from POST /v1/sessions",
            },
            INTEGRATION_BEARER: {
                "type": "http",
                "scheme": "bearer",
                "description": "an integration credential's token (ik_...), made by an admin "
                "with POST /v1/integrations; never a staff session",
            },
        }
        routes = {
            (method.lower(), r.path_format): r
            for r in app.routes
            if isinstance(r, APIRoute)
            for method in (r.methods or ())
        }
        for path, item in doc.get("paths", {}).items():
            for method, op in item.items():
                route = routes.get((method, path))
                responses = op.setdefault("responses", {})
                errors = dict(_ERRORS)
                if route is not None and _needs_session(route.dependant, session_dependencies):
                    op["security"] = [{BEARER: []}]
                    errors.update(_AUTH_ERRORS)
                elif route is not None and _needs_session(
                    route.dependant, frozenset({INTEGRATION_DEPENDENCY})
                ):
                    op["security"] = [{INTEGRATION_BEARER: []}]
                    errors.update(_INTEGRATION_ERRORS)
                elif route is not None and route.path in ("/v1/devices", "/v1/sessions"):
                    errors.update(_AUTH_ERRORS)
                for status, description in errors.items():
                    responses[status] = _error_response(description)
        app.openapi_schema = doc
        return doc

    app.openapi = custom_openapi  # type: ignore[method-assign]
