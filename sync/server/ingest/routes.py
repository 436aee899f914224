"""The routes of channels in: `/v1/ingest/...` for other systems (integration credential)
and `/v1/integrations` for admins (staff session) to make and revoke those credentials."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated

from fastapi import Depends, FastAPI, Path, Request
from starlette.concurrency import run_in_threadpool

from sync.protocol.ingest import (
    MAX_BULK_BYTES,
    BulkResult,
    CredentialCreate,
    CredentialCreated,
    CredentialList,
    CredentialPublic,
    IngestEvent,
    IngestResult,
)
from sync.server import integrations
from sync.server.auth import CurrentStaff, EngineDep, get_engine
from sync.server.errors import ApiError
from sync.server.ingest.bulk import BulkRun, ingest_one
from sync.server.integrations import IntegrationAuth

BULK_PATH = "/v1/ingest/bulk"
BULK_LIMIT = {BULK_PATH: MAX_BULK_BYTES}
NDJSON_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-seq")


def current_integration(request: Request) -> IntegrationAuth:
    return integrations.authenticate_integration(
        get_engine(request), request.headers.get("authorization")
    )


CurrentIntegration = Annotated[IntegrationAuth, Depends(current_integration)]


def install_ingest_routes(app: FastAPI, publish: Callable[[Iterable[str]], None]) -> None:
    """On the app itself (an included router's routes are not listed in `app.routes`, which
    the OpenAPI document's security and the role matrix read)."""

    @app.post("/v1/ingest/events", tags=["ingest"])
    def ingest_event(
        body: IngestEvent, sender: CurrentIntegration, engine: EngineDep
    ) -> IngestResult:
        """One event from another system. Idempotent by `source` + `event_id`: a second
        delivery answers `duplicate` and changes nothing."""
        return ingest_one(engine, sender, body, publish)

    @app.post(
        BULK_PATH,
        tags=["ingest"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "One IngestEvent (JSON) per line, at most 100,000 lines, 64 MiB.",
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            }
        },
    )
    async def ingest_bulk(
        request: Request, sender: CurrentIntegration, engine: EngineDep
    ) -> BulkResult:
        """Many events as NDJSON. Each line is validated and applied on its own: bad lines
        are reported by line number and reason, the good ones are kept."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in NDJSON_TYPES:
            raise ApiError(
                415, "unsupported_media_type", "Send the events as application/x-ndjson."
            )
        body = await request.body()
        return await run_in_threadpool(BulkRun(engine, sender, publish).run, body)

    @app.post("/v1/integrations", tags=["integrations"], status_code=201)
    def create_integration(
        body: CredentialCreate, staff: CurrentStaff, engine: EngineDep
    ) -> CredentialCreated:
        """A credential for one source, scoped to the event kinds it may send. The token is
        in this answer only. Admins only."""
        return integrations.create_credential(engine, staff, body)

    @app.get("/v1/integrations", tags=["integrations"])
    def list_integrations(staff: CurrentStaff, engine: EngineDep) -> CredentialList:
        """Every integration credential (never a token). Admins only."""
        return integrations.list_credentials(engine, staff)

    @app.post("/v1/integrations/{credential_id}/revoke", tags=["integrations"])
    def revoke_integration(
        staff: CurrentStaff,
        engine: EngineDep,
        credential_id: Annotated[str, Path(max_length=36, pattern=r"^[!-~]{1,36}$")],
    ) -> CredentialPublic:
        """Revoke a credential: its next request is refused. Admins only."""
        return integrations.revoke_credential(engine, staff, credential_id)
