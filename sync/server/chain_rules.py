"""Rules a chain keeps as data (identity resolution, follow-ups): one JSON body per version in
`chain_rule`, the newest version in force. Two writers at once: the unique (kind, version) key
refuses the second, which callers report as a conflict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from pydantic import BaseModel
from sqlalchemy.orm import Session
from sqlmodel import col, func, select

from sync.server.models import ChainRule, Staff
from sync.server.timeutil import as_utc, utcnow

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class StoredRules:
    version: int
    body_json: str
    updated_at: datetime
    updated_by: str | None  # staff name


def latest(session: Session, kind: str) -> StoredRules | None:
    row = session.execute(
        select(ChainRule)
        .where(ChainRule.kind == kind)
        .order_by(col(ChainRule.version).desc())
        .limit(1)
    ).scalar_one_or_none()
    if row is None:
        return None
    staff = session.get(Staff, row.created_by)
    return StoredRules(
        row.version, row.body_json, as_utc(row.created_at), staff.name if staff else None
    )


def store(session: Session, kind: str, body_json: str, staff_id: str) -> int:
    """Store `body_json` as the next version of `kind`; returns the version."""
    top = session.execute(
        select(func.max(ChainRule.version)).where(ChainRule.kind == kind)
    ).scalar_one()
    version = int(top or 0) + 1
    session.add(
        ChainRule(
            kind=kind,
            version=version,
            body_json=body_json,
            created_by=staff_id,
            created_at=utcnow(),
        )
    )
    session.flush()
    return version


def current(session: Session, kind: str, model: type[M], default: M) -> M:
    """The rules in force: the newest stored version, or the built-in `default`."""
    row = latest(session, kind)
    return model.model_validate_json(row.body_json) if row else default


def versioned(
    session: Session, kind: str, model: type[M], default: M
) -> tuple[int, M, datetime | None, str | None]:
    """(version, rules, when stored, by whom); version 0 is the built-in default."""
    row = latest(session, kind)
    if row is None:
        return 0, default, None, None
    return row.version, model.model_validate_json(row.body_json), row.updated_at, row.updated_by
