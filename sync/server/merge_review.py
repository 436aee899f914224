"""The manager's side of identity resolution (`/v1/identity/...`): open duplicate suggestions of
their region, approving one (a merge), dismissing one (two people), the recent merges and
undoing one, and the chain's rules (read by managers, replaced by an admin).

Managers see their device's region, admins every region; an associate sees none of it. A
suggestion or merge of another region is "not found", as an unknown id is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from sqlalchemy import Engine, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol.merges import (
    DismissRequest,
    IdentityRules,
    IdentityRulesVersion,
    MergeList,
    MergePublic,
    MergeRequest,
    ProfileBrief,
    SuggestionList,
    SuggestionPublic,
)
from sync.server import identity_rules
from sync.server.auth import AuthContext
from sync.server.changes import forget_touched, touched_buckets
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.merges import MergeRefused, lock, merge, undo
from sync.server.models import Customer, CustomerMerge, MergeSuggestion, Note, Order, Staff
from sync.server.timeutil import as_utc, utcnow

Publish = Callable[[Iterable[str]], None]
LIST_LIMIT = 200
_NOT_FOUND = "No suggestion of this region has this id."


def _require_manager(auth: AuthContext) -> None:
    if auth.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "Only a manager can review duplicate profiles.")


def _visible(auth: AuthContext, region: str) -> bool:
    return auth.is_admin or region == auth.region


def _briefs(session: Session, ids: set[str]) -> dict[str, ProfileBrief]:
    if not ids:
        return {}
    people = session.execute(select(Customer).where(col(Customer.id).in_(sorted(ids)))).scalars()
    orders: dict[str, int] = dict(
        session.execute(
            select(Order.customer_id, func.count())
            .where(col(Order.customer_id).in_(sorted(ids)))
            .group_by(col(Order.customer_id))
        ).all()
    )
    notes: dict[str, int] = dict(
        session.execute(
            select(Note.customer_id, func.count())
            .where(col(Note.customer_id).in_(sorted(ids)))
            .group_by(col(Note.customer_id))
        ).all()
    )
    return {
        c.id: ProfileBrief(
            id=c.id,
            family_name=c.family_name,
            given_name=c.given_name,
            family_kana=c.family_kana,
            given_kana=c.given_kana,
            phone=c.phone,
            email=c.email,
            home_store_id=c.home_store_id,
            created_at=as_utc(c.created_at),
            orders=int(orders.get(c.id, 0)),
            notes=int(notes.get(c.id, 0)),
        )
        for c in people
    }


def list_suggestions(engine: Engine, auth: AuthContext) -> SuggestionList:
    _require_manager(auth)
    query = select(MergeSuggestion).where(MergeSuggestion.status == "open")
    if not auth.is_admin:
        query = query.where(MergeSuggestion.region == auth.region)
    with read_session(engine) as session:
        rows = list(
            session.execute(
                query.order_by(col(MergeSuggestion.created_at).desc()).limit(LIST_LIMIT)
            ).scalars()
        )
        briefs = _briefs(session, {i for r in rows for i in (r.first_id, r.second_id)})
        merged = set(
            session.execute(
                select(Customer.id).where(
                    col(Customer.id).in_(sorted(briefs)), col(Customer.merged_into).is_not(None)
                )
            ).scalars()
        )
    return SuggestionList(
        suggestions=[
            SuggestionPublic(
                id=r.id,
                first=briefs[r.first_id],
                second=briefs[r.second_id],
                evidence=r.evidence.split(","),
                created_at=as_utc(r.created_at),
            )
            for r in rows
            # A side merged into a third profile since: the suggestion no longer stands.
            if {r.first_id, r.second_id} <= set(briefs) and not {r.first_id, r.second_id} & merged
        ]
    )


def _open_suggestion(session: Session, auth: AuthContext, suggestion_id: str) -> MergeSuggestion:
    row = session.get(MergeSuggestion, suggestion_id, with_for_update=True)
    if row is None or not _visible(auth, row.region):
        raise ApiError(404, "not_found", _NOT_FOUND)
    if row.status != "open":
        raise ApiError(409, "conflict", f"This suggestion was {row.status} already.")
    return row


def approve(engine: Engine, auth: AuthContext, body: MergeRequest, publish: Publish) -> MergePublic:
    _require_manager(auth)
    with write_session(engine) as session:
        row = _open_suggestion(session, auth, body.suggestion_id)
        people = lock(session, (row.first_id, row.second_id))
        first, second = people.get(row.first_id), people.get(row.second_id)
        if first is None or second is None:
            raise ApiError(409, "conflict", "One of the profiles is gone.")
        older, newer = sorted((first, second), key=lambda c: (as_utc(c.created_at), c.id))
        if body.survivor_id is None or body.survivor_id == older.id:
            survivor, merged = older, newer
        elif body.survivor_id == newer.id:
            survivor, merged = newer, older
        else:
            raise ApiError(422, "invalid_request", "The survivor must be one of the two profiles.")
        try:
            done = merge(
                session,
                survivor,
                merged,
                evidence=row.evidence.split(","),
                merged_by=auth.staff_id,
                suggestion_id=row.id,
            )
        except MergeRefused as exc:
            raise ApiError(exc.status, exc.code, exc.message) from None
        reply = _merge_public(session, done)
        buckets = touched_buckets(session)
        forget_touched(session)
    publish(buckets)
    return reply


def dismiss(
    engine: Engine, auth: AuthContext, suggestion_id: str, body: DismissRequest
) -> SuggestionList:
    _require_manager(auth)
    del body  # the reason is for the person; the pair is simply two people from now on
    with write_session(engine) as session:
        row = _open_suggestion(session, auth, suggestion_id)
        row.status, row.decided_by, row.decided_at = "dismissed", auth.staff_id, utcnow()
    return list_suggestions(engine, auth)


def list_merges(engine: Engine, auth: AuthContext) -> MergeList:
    _require_manager(auth)
    query = select(CustomerMerge)
    if not auth.is_admin:
        query = query.where(CustomerMerge.region == auth.region)
    with read_session(engine) as session:
        rows = session.execute(
            query.order_by(col(CustomerMerge.merged_at).desc()).limit(LIST_LIMIT)
        ).scalars()
        return MergeList(merges=[_merge_public(session, r) for r in rows])


def undo_merge(engine: Engine, auth: AuthContext, merge_id: str, publish: Publish) -> MergePublic:
    _require_manager(auth)
    with write_session(engine) as session:
        row = session.get(CustomerMerge, merge_id, with_for_update=True)
        if row is None or not _visible(auth, row.region):
            raise ApiError(404, "not_found", "No merge of this region has this id.")
        try:
            undo(session, row, auth.staff_id)
        except MergeRefused as exc:
            raise ApiError(exc.status, exc.code, exc.message) from None
        reply = _merge_public(session, row)
        buckets = touched_buckets(session)
        forget_touched(session)
    publish(buckets)
    return reply


def _merge_public(session: Session, row: CustomerMerge) -> MergePublic:
    briefs = _briefs(session, {row.survivor_id, row.merged_id})
    staff = session.get(Staff, row.merged_by) if row.merged_by else None
    moved = json.loads(row.moved_json).get("rows", {})
    return MergePublic(
        id=row.id,
        survivor=briefs[row.survivor_id],
        merged=briefs[row.merged_id],
        evidence=row.evidence.split(",") if row.evidence else [],
        automatic=row.merged_by is None,
        merged_at=as_utc(row.merged_at),
        merged_by=staff.name if staff else None,
        undone_at=as_utc(row.undone_at) if row.undone_at else None,
        moved={name: len(ids) for name, ids in moved.items()},
    )


def get_rules(engine: Engine, auth: AuthContext) -> IdentityRulesVersion:
    _require_manager(auth)
    with read_session(engine) as session:
        return identity_rules.current_version(session)


def put_rules(engine: Engine, auth: AuthContext, rules: IdentityRules) -> IdentityRulesVersion:
    if not auth.is_admin:
        raise ApiError(403, "forbidden", "Only an admin can change the chain's identity rules.")
    try:
        with write_session(engine) as session:
            identity_rules.replace(session, rules, auth.staff_id)
    except IntegrityError:
        raise ApiError(
            409, "conflict", "The rules were changed at the same moment; try again."
        ) from None
    with read_session(engine) as session:
        return identity_rules.current_version(session)
