"""Apply a pushed batch: each mutation in its own transaction, exactly once per (client, id).

The applied_mutation row is claimed first with `INSERT ... ON CONFLICT DO NOTHING`: a
concurrent duplicate waits on that key and then finds the stored result instead of applying
the mutation twice. Business rejections roll back to a savepoint; the result row still commits.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import (
    MUTATION_ARGS,
    PROTOCOL_VERSION,
    Mutation,
    MutationResult,
    PushRequest,
    PushResponse,
)
from sync.server import audit
from sync.server.auth import AuthContext, token_hash
from sync.server.changes import ACK_COUNTER, next_seq, touched_buckets
from sync.server.config import Settings
from sync.server.db import dialect_insert, read_session, write_session
from sync.server.errors import ApiError
from sync.server.models import AppliedMutation, Staff, StaffSession, table_of
from sync.server.mutations import HANDLERS, MutationContext, Rejected
from sync.server.pgnotify import notify_buckets
from sync.server.timeutil import parse_iso, utcnow

log = logging.getLogger(__name__)

Publish = Callable[[Iterable[str]], None]


def body_hash(m: Mutation) -> str:
    """What must match for a replay to count as the same mutation: name, version, args."""
    canonical = json.dumps(
        {"name": m.name, "version": m.version, "args": m.args},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _reused(mutation_id: str) -> ApiError:
    return ApiError(
        422,
        "mutation_id_reused",
        f"Mutation id {mutation_id} was already used for a different mutation.",
    )


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(p) for p in err["loc"]) or "args"
        parts.append(f"{loc}: {err['msg']}")
    return "; ".join(parts)


def acting_auth(
    engine: Engine, settings: Settings, auth: AuthContext, staff_id: str, proof: str | None
) -> AuthContext | None:
    """The author of a mutation pushed under a colleague's session on the same device: their
    own authority (role, home store), when `proof` is the authorship proof they were given at
    a sign-in on this very device within the maximum offline age and they may still work
    here; else None (the mutation is rejected as forbidden).

    Authority comes from credentials only: a staff id in a request body proves nothing by
    itself, not even the id of someone who did sign in here.
    """
    if not proof or len(proof) > 200:
        return None
    oldest = utcnow() - settings.max_offline_age
    with read_session(engine) as session:
        row = session.execute(
            select(Staff, StaffSession.id)
            .join(StaffSession, col(StaffSession.staff_id) == col(Staff.id))
            .where(
                StaffSession.proof_hash == token_hash(proof),
                StaffSession.device_id == auth.device_id,
                Staff.id == staff_id,
                col(StaffSession.created_at) >= oldest,
            )
        ).first()
    if row is None:
        return None
    staff, session_id = row
    if not staff.active or (staff.store_id != auth.device_store_id and staff.role != "admin"):
        return None
    return dataclasses.replace(
        auth,
        session_id=session_id,
        staff_id=staff.id,
        staff_name=staff.name,
        role=staff.role,
        staff_store_id=staff.store_id,
    )


def _not_signed_in(m: Mutation) -> MutationResult:
    return MutationResult(
        id=m.id,
        status="rejected",
        reason="forbidden",
        data={
            "message": "The staff member who made this change has not signed in on this "
            "terminal recently (or the change lacks their sign-in proof), so it cannot be sent "
            "in their name."
        },
    )


HANDLER_ATTEMPTS = 3


def _audit_edit(ctx: MutationContext, m: Mutation) -> None:
    """Every change applied is an audit event of its author's terminal."""
    customer_id, subject_id = audit.edit_subject(m.name, m.args)
    audit.append(
        ctx.session,
        device_id=ctx.auth.device_id,
        staff_id=ctx.auth.staff_id,
        store_id=ctx.store_id,
        action=f"edit:{m.name}",
        customer_id=customer_id,
        subject_id=subject_id,
        occurred_at=ctx.client_time,
    )


def _run_handler(ctx: MutationContext, m: Mutation) -> MutationResult:
    model = MUTATION_ARGS.get((m.name, m.version))
    handler = HANDLERS.get((m.name, m.version))
    if model is None or handler is None:
        return MutationResult(
            id=m.id,
            status="rejected",
            reason="unknown_mutation",
            data={"message": f"This server does not know {m.name} version {m.version}."},
        )
    try:
        args = model.model_validate(m.args)
    except ValidationError as exc:
        return MutationResult(
            id=m.id,
            status="rejected",
            reason="invalid_args",
            data={"message": _validation_message(exc)},
        )
    for _attempt in range(HANDLER_ATTEMPTS):
        savepoint = ctx.session.begin_nested()
        try:
            data = handler(ctx, args)
        except Rejected as rej:
            savepoint.rollback()
            return MutationResult(
                id=m.id,
                status="rejected",
                reason=rej.reason,
                data={"message": rej.message, **rej.data},
            )
        except IntegrityError:
            # A uniqueness race lost to a concurrent writer that has committed by now (the
            # same walk-in from another terminal, the same identity): run the handler again,
            # and it sees what that writer saved (a new statement sees committed rows).
            savepoint.rollback()
            continue
        savepoint.commit()
        return MutationResult(id=m.id, status="applied", data=data)
    return MutationResult(
        id=m.id,
        status="rejected",
        reason="conflict",
        data={"message": "The change clashes with data saved meanwhile."},
    )


def _insert(session: Session) -> Any:
    return dialect_insert(session, AppliedMutation)


class _AlreadyClaimed(Exception):
    pass


def _stored_result(engine: Engine, client_id: str, m: Mutation, digest: str) -> MutationResult:
    with read_session(engine) as session:
        row = session.get(AppliedMutation, (client_id, m.id))
    if row is None:
        raise RuntimeError("applied mutation vanished")  # cannot happen: rows are never deleted
    if row.body_hash != digest:
        raise _reused(m.id)
    return MutationResult.model_validate_json(row.result_json)


def _apply_one(
    engine: Engine,
    settings: Settings,
    auth: AuthContext | None,
    client_id: str,
    m: Mutation,
    digest: str,
) -> tuple[MutationResult, set[str]]:
    """Apply (or, with auth None, reject as forbidden) one mutation, exactly once."""
    client_time = None
    if m.client_time:
        try:
            client_time = parse_iso(m.client_time)
        except ValueError:
            client_time = None  # informational only: a bad value does not reject the mutation
    for attempt in range(5):
        try:
            with write_session(engine) as session:
                now = utcnow()
                table = table_of(AppliedMutation)
                claimed = session.execute(
                    _insert(session)
                    .values(
                        client_id=client_id,
                        mutation_id=m.id,
                        body_hash=digest,
                        result_json="{}",
                        ack_no=None,
                        applied_at=now,
                    )
                    .on_conflict_do_nothing()
                    .returning(table.c.mutation_id)
                ).first()
                if claimed is None:
                    raise _AlreadyClaimed
                if auth is None:
                    result = _not_signed_in(m)
                else:
                    ctx = MutationContext(session, settings, auth, now, client_time)
                    result = _run_handler(ctx, m)
                    if result.status == "applied" and m.name != "audit.record":
                        _audit_edit(ctx, m)
                # Normalise through JSON so this reply equals what a replay reads back.
                result_json = result.model_dump_json()
                result = MutationResult.model_validate_json(result_json)
                ack_no = next_seq(session, ACK_COUNTER)
                session.execute(
                    update(AppliedMutation)
                    .where(
                        col(AppliedMutation.client_id) == client_id,
                        col(AppliedMutation.mutation_id) == m.id,
                    )
                    .values(result_json=result_json, ack_no=ack_no)
                )
                touched = touched_buckets(session)
                notify_buckets(session, touched)
            return result, touched
        except _AlreadyClaimed:
            return _stored_result(engine, client_id, m, digest), set()
        except OperationalError as exc:
            # PostgreSQL deadlock / serialisation failure or SQLite busy: retry the whole unit.
            if attempt == 4:
                raise
            log.warning("retrying a mutation after %s", type(exc.orig).__name__)
    raise AssertionError("unreachable")


def apply_push(
    engine: Engine,
    settings: Settings,
    auth: AuthContext,
    req: PushRequest,
    publish: Publish,
) -> PushResponse:
    if req.protocol_version != PROTOCOL_VERSION:
        raise ApiError(
            400,
            "unsupported_protocol_version",
            f"This server speaks sync protocol {PROTOCOL_VERSION}.",
        )
    if req.client_id != auth.device_id:
        raise ApiError(403, "client_mismatch", "client_id must be this session's device id.")
    digests = [body_hash(m) for m in req.mutations]
    # Check every id before applying anything, so a reused id rejects the request untouched.
    seen: dict[str, str] = {}
    for m, digest in zip(req.mutations, digests, strict=True):
        if seen.setdefault(m.id, digest) != digest:
            raise _reused(m.id)
    done: dict[str, MutationResult] = {}
    # One mutation (a counter's usual push): its claim finds a replay by itself. Several: all
    # are checked before any is applied, so a reused id leaves the whole request untouched.
    if len(seen) > 1:
        with read_session(engine) as session:
            stored = session.execute(
                select(
                    AppliedMutation.mutation_id,
                    AppliedMutation.body_hash,
                    AppliedMutation.result_json,
                ).where(
                    AppliedMutation.client_id == req.client_id,
                    col(AppliedMutation.mutation_id).in_(list(seen)),
                )
            ).all()
        for mutation_id, stored_hash, result_json in stored:
            if seen[mutation_id] != stored_hash:
                raise _reused(mutation_id)
            # The claim and its result commit together, so a visible row is complete.
            done[mutation_id] = MutationResult.model_validate_json(result_json)
    results: list[MutationResult] = []
    authors: dict[tuple[str, str | None], AuthContext | None] = {}
    for m, digest in zip(req.mutations, digests, strict=True):
        if m.id in done:
            # A replay: the stored result, without taking the write lock.
            results.append(done[m.id])
            continue
        author: AuthContext | None = auth
        if m.staff_id is not None and m.staff_id != auth.staff_id:
            key = (m.staff_id, m.staff_proof)
            if key not in authors:
                authors[key] = acting_auth(engine, settings, auth, m.staff_id, m.staff_proof)
            author = authors[key]
        result, touched = _apply_one(engine, settings, author, req.client_id, m, digest)
        publish(touched)
        done[m.id] = result
        results.append(result)
    return PushResponse(results=results)
