"""The routes of messages: drafts for follow-ups, a manager's approval, the store's list, a run
of the dispatcher on demand, and the unsubscribe link a customer follows (no session: the
link's key is the credential, opaque, no PII)."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Annotated

from fastapi import FastAPI, Path, Query
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from sqlmodel import col, select
from starlette.concurrency import run_in_threadpool

from sync.protocol import new_id
from sync.protocol.messages import (
    DispatchReport,
    MessageCompose,
    MessageEdit,
    MessageList,
    MessagePublic,
    MessageStatus,
)
from sync.server import messages
from sync.server.auth import CurrentStaff, EngineDep
from sync.server.changes import forget_touched, touched_buckets
from sync.server.db import write_session
from sync.server.dispatch import Dispatcher
from sync.server.documents import publish_customer
from sync.server.errors import ApiError
from sync.server.models import Consent, Customer, Message
from sync.server.openapi import CONFLICT
from sync.server.timeutil import utcnow

IdPath = Annotated[str, Path(max_length=36, pattern=r"^[!-~]{1,36}$")]
KeyPath = Annotated[str, Path(max_length=64, pattern=r"^[0-9a-f-]{1,64}$")]
UNSUBSCRIBE_WORDING = "unsubscribe-link-2026-12"


def _page(title: str, text: str, form: bool = False, key: str = "") -> HTMLResponse:
    button = (
        f'<form method="post" action="/u/{html.escape(key)}">'
        '<button type="submit">配信を停止する / Unsubscribe</button></form>'
        if form
        else ""
    )
    return HTMLResponse(
        f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><h1>{title}</h1><p>{text}</p>{button}</body></html>"
    )


def _by_key(session: Session, key: str) -> Message | None:
    return session.execute(select(Message).where(col(Message.key) == key)).scalar_one_or_none()


def install_message_routes(
    app: FastAPI, dispatcher: Dispatcher, publish: Callable[[Iterable[str]], None]
) -> None:
    @app.post(
        "/v1/followups/{followup_id}/messages",
        tags=["messages"],
        status_code=201,
        responses=CONFLICT,
    )
    def compose_message(
        staff: CurrentStaff, engine: EngineDep, followup_id: IdPath, body: MessageCompose
    ) -> MessagePublic:
        """A draft for the follow-up, filled from the template and the profile unless the
        subject and body are given: the owner or a manager of the store."""
        return messages.compose(engine, staff, followup_id, body)

    @app.put("/v1/messages/{message_id}", tags=["messages"], responses=CONFLICT)
    def edit_message(
        staff: CurrentStaff, engine: EngineDep, message_id: IdPath, body: MessageEdit
    ) -> MessagePublic:
        return messages.edit(engine, staff, message_id, body)

    @app.post("/v1/messages/{message_id}/approve", tags=["messages"], responses=CONFLICT)
    def approve_message(
        staff: CurrentStaff, engine: EngineDep, message_id: IdPath
    ) -> MessagePublic:
        """Managers: it is sent when its follow-up is due, if the customer still agrees."""
        return messages.decide(engine, staff, message_id, approve=True)

    @app.post("/v1/messages/{message_id}/reject", tags=["messages"], responses=CONFLICT)
    def reject_message(staff: CurrentStaff, engine: EngineDep, message_id: IdPath) -> MessagePublic:
        return messages.decide(engine, staff, message_id, approve=False)

    @app.get("/v1/messages", tags=["messages"])
    def list_messages(
        staff: CurrentStaff,
        engine: EngineDep,
        status: Annotated[MessageStatus | None, Query()] = None,
        followup_id: Annotated[str | None, Query(max_length=36)] = None,
    ) -> MessageList:
        """The store's messages (an associate: those of their follow-ups), newest first."""
        return messages.listed(engine, staff, status, followup_id)

    @app.post("/v1/messages/dispatch", tags=["messages"])
    async def dispatch_messages(staff: CurrentStaff) -> DispatchReport:
        """Send what is due now (the dispatcher also runs every half minute): managers."""
        if staff.role not in ("manager", "admin"):
            raise ApiError(403, "forbidden", "Only a manager runs the dispatcher.")
        return await run_in_threadpool(dispatcher.run)

    @app.get("/u/{key}", tags=["messages"], response_class=HTMLResponse, include_in_schema=True)
    def unsubscribe_page(engine: EngineDep, key: KeyPath) -> HTMLResponse:
        """The unsubscribe link of a message: a page with one button."""
        with write_session(engine) as session:
            if (
                session.execute(select(Message).where(col(Message.key) == key)).scalar_one_or_none()
                is None
            ):
                raise ApiError(404, "not_found", "This link is not known.")
        return _page("配信停止 / Unsubscribe", "このお知らせの配信を停止しますか？", True, key)

    @app.post("/u/{key}", tags=["messages"], response_class=HTMLResponse)
    def unsubscribe(engine: EngineDep, key: KeyPath) -> HTMLResponse:
        """One click: the customer's marketing consent for the message's channel is withdrawn
        in the ledger (source `unsubscribe_link`)."""
        with write_session(engine) as session:
            row = session.execute(
                select(Message).where(col(Message.key) == key)
            ).scalar_one_or_none()
            if row is None:
                raise ApiError(404, "not_found", "This link is not known.")
            session.add(
                Consent(
                    id=new_id(),
                    customer_id=row.customer_id,
                    purpose="marketing",
                    channel=row.channel,
                    state="withdrawn",
                    source="unsubscribe_link",
                    staff_id=None,
                    wording_version=UNSUBSCRIBE_WORDING,
                    recorded_at=utcnow(),
                )
            )
            # Every terminal's profile shows the withdrawal (the customer document carries
            # the ledger's current states).
            customer = session.get(Customer, row.customer_id)
            if customer is not None:
                customer.updated_at = utcnow()
                session.flush()
                publish_customer(session, customer)
            buckets = touched_buckets(session)
            forget_touched(session)
        publish(buckets)
        return _page("配信を停止しました / Unsubscribed", "今後このお知らせは届きません。")
