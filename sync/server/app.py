"""The central API's app factory: routes of sync protocol v1 wired to storage and auth."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from sqlalchemy import Engine
from sqlmodel import select
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    DeviceList,
    DevicePublic,
    DeviceRegisterRequest,
    DeviceRegisterResponse,
    ErasureReport,
    PullResponse,
    PushRequest,
    PushResponse,
    SessionRequest,
    SessionResponse,
    SnapshotReply,
    StorePublic,
)
from sync.protocol.audit import AuditList, AuditVerification
from sync.protocol.merges import (
    DismissRequest,
    IdentityRules,
    IdentityRulesVersion,
    MergeList,
    MergePublic,
    MergeRequest,
    SuggestionList,
)
from sync.server import audit, auth, devices, disclosure, erasure, merge_review
from sync.server.auth import CurrentStaff, EngineDep, SettingsDep
from sync.server.buckets import device_buckets
from sync.server.config import Settings
from sync.server.db import make_engine, read_session
from sync.server.dispatch import Dispatcher, providers_for
from sync.server.docs_page import CONTENT_SECURITY_POLICY, render_docs
from sync.server.errors import ApiError, install_error_handlers
from sync.server.events import PokeHub, TooManyStreams, poke_stream
from sync.server.followup_routes import install_followup_routes
from sync.server.ingest.routes import BULK_LIMIT, install_ingest_routes
from sync.server.message_routes import install_message_routes
from sync.server.middleware import BodyLimit, CatchAll, HostCheck, NoStore, where_it_failed
from sync.server.models import Store
from sync.server.openapi import CONFLICT, install_openapi, operation_id
from sync.server.pgnotify import NotifyRelay
from sync.server.planner import plan as plan_followups
from sync.server.pull import pull_changes as read_pull_page
from sync.server.push import apply_push
from sync.server.schema import upgrade
from sync.server.snapshots import SnapshotService
from sync.server.storefront import install_storefront_routes
from sync.server.sweeper import purge_old_tombstones, sweep_reservations

log = logging.getLogger(__name__)
IdPath = Annotated[str, Path(max_length=36, pattern=r"^[!-~]{1,36}$")]

PURGE_EVERY_S = 3600.0  # tombstones older than the retention are purged about hourly


class LargeFileResponse(FileResponse):
    """A file sent in 4 MiB reads: each read is a hop to a worker thread, and with the default
    64 KiB a snapshot of a million customers took thousands of them (about 170 MB/s)."""

    chunk_size = 4 * 1024 * 1024


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the API for `settings.database_url` (migrated to head unless told otherwise)."""
    settings = settings or Settings()
    engine = engine or make_engine(settings.database_url)
    if settings.run_migrations:
        upgrade(engine)
    hub = PokeHub()
    snapshots = SnapshotService(engine, settings)
    dispatcher = Dispatcher(engine, providers_for(settings), settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        hub.bind_loop(asyncio.get_running_loop())
        relay = None
        if engine.dialect.name == "postgresql":
            relay = NotifyRelay(engine, hub)
            relay.start()
            # Pokes for commits after startup must not be missed: wait until LISTEN is on.
            await asyncio.to_thread(relay.listening.wait, 10.0)

        async def sweeper() -> None:
            rounds = 0
            while True:
                await asyncio.sleep(settings.sweep_interval_s)
                rounds += 1
                try:
                    await run_in_threadpool(sweep_reservations, engine, None, publish)
                    if rounds % max(1, round(PURGE_EVERY_S / settings.sweep_interval_s)) == 0:
                        await run_in_threadpool(purge_old_tombstones, engine)
                except Exception as exc:  # keep sweeping after a transient database fault
                    log.warning("background sweep failed: %s", type(exc).__name__)

        async def planner() -> None:
            wait = settings.planner_first_run_s
            while True:
                await asyncio.sleep(settings.planner_interval_s if wait is None else wait)
                wait = None
                try:
                    await run_in_threadpool(plan_followups, engine, None, publish)
                except Exception as exc:  # plan again at the next round
                    log.warning("follow-up planning failed: %s", where_it_failed(exc))

        async def dispatch() -> None:
            while True:
                await asyncio.sleep(settings.dispatch_interval_s)
                try:
                    await run_in_threadpool(dispatcher.run)
                except Exception as exc:  # send at the next round
                    log.warning("message dispatch failed: %s", where_it_failed(exc))

        tasks = [
            asyncio.create_task(sweeper()),
            asyncio.create_task(planner()),
            asyncio.create_task(dispatch()),
        ]
        try:
            yield
        finally:
            hub.close()
            await run_in_threadpool(snapshots.close)  # a running build gives up
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if relay is not None:
                relay.stop()

    app = FastAPI(
        title="Clienteling central API",
        version="1.0.0",
        description="Sync protocol v1: devices, staff sessions, push, pull and live pokes.",
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        docs_url=None,  # our own page below: Swagger UI would load scripts from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.dispatcher = dispatcher
    app.state.engine = engine
    app.state.hub = hub
    app.state.snapshots = snapshots
    # ServerThread.stop calls this first, so open SSE streams end instead of holding shutdown.
    app.state.close_streams = hub.close
    # Outermost last: no-store on every reply, then the Host check, the body limit, and
    # innermost the net that keeps exception text out of the logs.
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, larger=BULK_LIMIT)
    app.add_middleware(HostCheck, allowed=settings.answered_hosts())
    app.add_middleware(NoStore)
    install_error_handlers(app)
    install_openapi(app, frozenset({auth.current_staff.__name__}))

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(
            render_docs(app.openapi()),
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
        )

    def publish(buckets: Iterable[str]) -> None:
        if engine.dialect.name == "postgresql":
            return  # the NOTIFY relay delivers it, to every worker including this one
        hub.publish(buckets)

    @app.get("/v1/health", tags=["meta"])
    def health_check() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/stores", tags=["auth"])
    def list_stores(engine: EngineDep) -> list[StorePublic]:
        with read_session(engine) as session:
            rows = session.execute(select(Store).order_by(Store.code)).scalars().all()
            return [StorePublic(id=s.id, code=s.code, name=s.name, region=s.region) for s in rows]

    @app.post("/v1/devices", tags=["auth"])
    def register_device(
        body: DeviceRegisterRequest, request: Request, engine: EngineDep, settings: SettingsDep
    ) -> DeviceRegisterResponse:
        address = request.client.host if request.client is not None else "unknown"
        return auth.register_device(engine, settings, body, address)

    @app.post("/v1/sessions", tags=["auth"])
    def open_session(
        body: SessionRequest, engine: EngineDep, settings: SettingsDep
    ) -> SessionResponse:
        return auth.open_session(engine, settings, body)

    @app.get("/v1/devices", tags=["devices"])
    def list_devices(staff: CurrentStaff, engine: EngineDep) -> DeviceList:
        """The terminals of the caller's store (every store for an admin): managers only."""
        return devices.list_devices(engine, staff)

    @app.post("/v1/devices/{device_id}/revoke", tags=["devices"])
    def revoke_device(staff: CurrentStaff, engine: EngineDep, device_id: IdPath) -> DevicePublic:
        """Revoke a terminal of the caller's store: its sessions end, and at its next contact
        it erases its data. Managers only."""
        return devices.revoke_device(engine, staff, device_id)

    @app.get("/v1/identity/suggestions", tags=["identity"])
    def list_merge_suggestions(staff: CurrentStaff, engine: EngineDep) -> SuggestionList:
        """Open duplicate suggestions of the caller's region (every region for an admin):
        managers only."""
        return merge_review.list_suggestions(engine, staff)

    @app.post(
        "/v1/identity/suggestions/{suggestion_id}/dismiss", tags=["identity"], responses=CONFLICT
    )
    def dismiss_merge_suggestion(
        staff: CurrentStaff, engine: EngineDep, suggestion_id: IdPath, body: DismissRequest
    ) -> SuggestionList:
        """The two profiles are two people: never suggested or merged by the rules again."""
        return merge_review.dismiss(engine, staff, suggestion_id, body)

    @app.post("/v1/identity/merges", tags=["identity"], responses=CONFLICT)
    def approve_merge(staff: CurrentStaff, engine: EngineDep, body: MergeRequest) -> MergePublic:
        """Approve a suggestion: the two profiles become one (the older survives unless the
        survivor is named). Managers only."""
        return merge_review.approve(engine, staff, body, publish)

    @app.get("/v1/identity/merges", tags=["identity"])
    def list_merges(staff: CurrentStaff, engine: EngineDep) -> MergeList:
        return merge_review.list_merges(engine, staff)

    @app.post("/v1/identity/merges/{merge_id}/undo", tags=["identity"], responses=CONFLICT)
    def undo_merge(staff: CurrentStaff, engine: EngineDep, merge_id: IdPath) -> MergePublic:
        """What the merge moved goes back; the pair is then two people for the rules."""
        return merge_review.undo_merge(engine, staff, merge_id, publish)

    @app.get("/v1/identity/rules", tags=["identity"])
    def get_identity_rules(staff: CurrentStaff, engine: EngineDep) -> IdentityRulesVersion:
        return merge_review.get_rules(engine, staff)

    @app.put("/v1/identity/rules", tags=["identity"], responses=CONFLICT)
    def put_identity_rules(
        staff: CurrentStaff, engine: EngineDep, body: IdentityRules
    ) -> IdentityRulesVersion:
        """Replace the chain's identity rules (a new version): admins only."""
        return merge_review.put_rules(engine, staff, body)

    @app.post("/v1/customers/{customer_id}/erase", tags=["privacy"], responses=CONFLICT)
    def erase_customer(
        staff: CurrentStaff, engine: EngineDep, settings: SettingsDep, customer_id: IdPath
    ) -> ErasureReport:
        """Erase a customer everywhere (APPI / GDPR): every row about them, as tombstones that
        reach every terminal's cache at its next sync. Managers of the customer's region (every
        region for an admin). Cannot be undone."""
        return erasure.erase_customer(engine, staff, customer_id, publish, settings)

    @app.get(
        "/v1/customers/{customer_id}/disclosure",
        tags=["privacy"],
        response_class=Response,
        responses={200: {"content": {"application/json": {}, "text/csv": {}}}, **CONFLICT},
    )
    def disclose_customer(
        staff: CurrentStaff,
        engine: EngineDep,
        customer_id: IdPath,
        format: Annotated[Literal["json", "csv"], Query()] = "json",
    ) -> Response:
        """Everything held about a customer (a disclosure request), as JSON or CSV; managers
        of the customer's region (every region for an admin). Recorded in the audit trail."""
        document = disclosure.disclose(engine, staff, customer_id)
        body = disclosure.as_csv(document) if format == "csv" else disclosure.as_json(document)
        kind = "text/csv; charset=utf-8" if format == "csv" else "application/json"
        name = f"customer-{customer_id}.{format}"
        return Response(
            content=body,
            media_type=kind,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/v1/audit", tags=["audit"])
    def read_audit(
        staff: CurrentStaff,
        engine: EngineDep,
        action: Annotated[str | None, Query(max_length=64)] = None,
        staff_id: Annotated[str | None, Query(max_length=36)] = None,
        customer_id: Annotated[str | None, Query(max_length=36)] = None,
        device_id: Annotated[str | None, Query(max_length=36)] = None,
        since: Annotated[datetime | None, Query()] = None,
        before: Annotated[datetime | None, Query()] = None,
        limit: Annotated[int, Query(ge=1, le=audit.MAX_LIST)] = 100,
    ) -> AuditList:
        """Who did what to whose data, newest first, filtered; managers see their store's
        terminals, admins every store's. `action=edit` matches every edit."""
        return audit.list_events(
            engine,
            staff,
            action=action,
            staff_id=staff_id,
            customer_id=customer_id,
            device_id=device_id,
            since=since,
            before=before,
            limit=limit,
        )

    @app.get("/v1/audit/verify", tags=["audit"])
    def verify_audit(staff: CurrentStaff, engine: EngineDep) -> AuditVerification:
        """Walk the terminals' hash chains: events deleted, altered or cut off are listed."""
        return audit.verify(engine, staff)

    @app.delete("/v1/sessions/current", tags=["auth"], status_code=204)
    def sign_out(staff: CurrentStaff, engine: EngineDep) -> None:
        """Sign-out: the session's token stops working at once (a staff switch on the same
        device signs the previous person out by itself)."""
        auth.end_session(engine, staff)

    @app.post("/v1/sync/push", tags=["sync"])
    def push_mutations(
        body: PushRequest, staff: CurrentStaff, engine: EngineDep, settings: SettingsDep
    ) -> PushResponse:
        return apply_push(engine, settings, staff, body, publish)

    @app.get("/v1/sync/pull", tags=["sync"], response_model=PullResponse)
    def pull_changes(
        staff: CurrentStaff,
        engine: EngineDep,
        cursors: Annotated[str | None, Query(max_length=20_000)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> Response:
        return read_pull_page(engine, staff, cursors, limit)

    @app.get("/v1/sync/snapshot", tags=["sync"], response_model=SnapshotReply)
    def snapshot_offer(
        staff: CurrentStaff, format: Annotated[int, Query(ge=1, le=1_000_000)]
    ) -> Response:
        """A ready-made first sync for the device's shared buckets in this cache format, if
        one is ready (see sync.server.snapshots). The reply holds the file's key: no-store."""
        reply: SnapshotReply = snapshots.offer(staff.device_id, format)
        return Response(
            content=reply.model_dump_json(),
            media_type="application/json",
            headers={"Cache-Control": "no-store"},
        )

    @app.get(
        "/v1/sync/snapshot/{snapshot_id}",
        tags=["sync"],
        response_class=FileResponse,
        responses={200: {"content": {"application/octet-stream": {}}}},
    )
    def snapshot_file(
        staff: CurrentStaff,
        snapshot_id: Annotated[str, Path(max_length=36, pattern=r"^[!-~]{1,36}$")],
    ) -> LargeFileResponse:
        path = snapshots.file_for(staff.device_id, snapshot_id)
        return LargeFileResponse(
            path, media_type="application/octet-stream", headers={"Cache-Control": "no-store"}
        )

    @app.get(
        "/v1/sync/events",
        tags=["sync"],
        response_class=StreamingResponse,
        responses={200: {"content": {"text/event-stream": {}}}},
    )
    async def poke_events(
        staff: CurrentStaff, engine: EngineDep, request: Request
    ) -> StreamingResponse:
        authorization = request.headers.get("authorization")

        def buckets() -> list[str]:
            with read_session(engine) as session:
                return device_buckets(session, staff.device_id)

        def buckets_if_signed_in() -> list[str] | None:
            try:
                auth.authenticate(engine, authorization)  # expired or revoked: end
            except ApiError:
                return None
            return buckets()

        async def current_buckets() -> list[str] | None:
            return await run_in_threadpool(buckets_if_signed_in)

        try:
            sub = hub.subscribe(
                await run_in_threadpool(buckets),
                owner=staff.session_id,
                limit=settings.max_streams_per_session,
            )
        except TooManyStreams:
            raise ApiError(
                429,
                "too_many_streams",
                "This session already has its event streams open; close one first.",
                retry_after=5,
            ) from None
        stream = poke_stream(hub, sub, settings.heartbeat_s, current_buckets)
        # A client gone before the stream starts never runs its `finally`: free the slot when
        # the generator goes away too.
        weakref.finalize(stream, hub.unsubscribe, sub)
        return StreamingResponse(
            stream,
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    install_ingest_routes(app, publish)
    install_followup_routes(app, publish)
    install_message_routes(app, dispatcher, publish)
    install_storefront_routes(app, publish)
    return app
