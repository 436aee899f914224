"""The OpenAPI document, with every mutation's args schema published under the mutation name."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from sync.protocol import MUTATION_ARGS


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


def install_openapi(app: FastAPI) -> None:
    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        doc.setdefault("components", {}).setdefault("schemas", {}).update(mutation_schemas())
        app.openapi_schema = doc
        return doc

    app.openapi = custom_openapi  # type: ignore[method-assign]
