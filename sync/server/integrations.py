"""Integration credentials: what another system (web shop, app, POS, support desk, mail
service) presents to send events to `/v1/ingest/...`.

One credential per source, scoped to the event kinds that source may send, created and revoked
by an admin. The token is shown once; only its SHA-256 is kept. It is never a staff session: a
staff token is refused by the ingestion endpoints and an integration token by every other one,
because each is looked up only in its own table.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, update
from sqlmodel import col, select

from sync.protocol.ingest import (
    CredentialCreate,
    CredentialCreated,
    CredentialList,
    CredentialPublic,
)
from sync.server.auth import AuthContext, new_token, token_hash
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.models import IntegrationCredential, Store
from sync.server.timeutil import as_utc, utcnow

TOKEN_PREFIX = "ik_"
# Last use is kept to the minute, as a terminal's last contact is.
USE_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class IntegrationAuth:
    """Who is sending: the credential, its source and what it may send."""

    credential_id: str
    source: str
    kinds: frozenset[str]
    creates_customers: bool
    home_store_id: str | None


def _require_admin(auth: AuthContext) -> None:
    if not auth.is_admin:
        raise ApiError(403, "forbidden", "Only an admin manages integration credentials.")


def _public(row: IntegrationCredential) -> CredentialPublic:
    return CredentialPublic(
        id=row.id,
        source=row.source,
        name=row.name,
        kinds=row.kinds.split(","),
        creates_customers=row.creates_customers,
        home_store_id=row.home_store_id,
        created_at=as_utc(row.created_at),
        created_by=row.created_by,
        revoked_at=as_utc(row.revoked_at) if row.revoked_at else None,
        last_used_at=as_utc(row.last_used_at) if row.last_used_at else None,
    )


def create_credential(
    engine: Engine, auth: AuthContext, body: CredentialCreate
) -> CredentialCreated:
    _require_admin(auth)
    token = TOKEN_PREFIX + new_token()
    with write_session(engine) as session:
        home_store_id = None
        if body.home_store is not None:
            store = session.execute(select(Store).where(Store.code == body.home_store)).scalar()
            if store is None:
                raise ApiError(422, "invalid_request", "home_store: no store has this code.")
            home_store_id = store.id
        row = IntegrationCredential(
            id=str(uuid.uuid4()),
            source=body.source,
            name=body.name,
            token_hash=token_hash(token),
            kinds=",".join(sorted(set(body.kinds))),
            creates_customers=body.creates_customers,
            home_store_id=home_store_id,
            created_by=auth.staff_id,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        return CredentialCreated(**_public(row).model_dump(), token=token)


def list_credentials(engine: Engine, auth: AuthContext) -> CredentialList:
    _require_admin(auth)
    with read_session(engine) as session:
        rows = session.execute(
            select(IntegrationCredential).order_by(col(IntegrationCredential.created_at))
        ).scalars()
        return CredentialList(credentials=[_public(row) for row in rows])


def revoke_credential(engine: Engine, auth: AuthContext, credential_id: str) -> CredentialPublic:
    _require_admin(auth)
    with write_session(engine) as session:
        row = session.get(IntegrationCredential, credential_id)
        if row is None:
            raise ApiError(404, "not_found", "No integration credential has this id.")
        if row.revoked_at is None:
            row.revoked_at, row.revoked_by = utcnow(), auth.staff_id
        session.flush()
        return _public(row)


def authenticate_integration(engine: Engine, authorization: str | None) -> IntegrationAuth:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "unauthorized", "Missing bearer integration token.")
    token = authorization[7:].strip()
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        raise ApiError(401, "unauthorized", "This is not a valid integration token.")
    with read_session(engine) as session:
        row = session.execute(
            select(IntegrationCredential).where(
                IntegrationCredential.token_hash == token_hash(token)
            )
        ).scalar()
    if row is None:
        raise ApiError(401, "unauthorized", "This is not a valid integration token.")
    if row.revoked_at is not None:
        raise ApiError(401, "credential_revoked", "This integration credential was revoked.")
    now = utcnow()
    if row.last_used_at is None or now - as_utc(row.last_used_at) >= USE_RESOLUTION:
        with write_session(engine) as session:
            session.execute(
                update(IntegrationCredential)
                .where(col(IntegrationCredential.id) == row.id)
                .values(last_used_at=now)
            )
    return IntegrationAuth(
        credential_id=row.id,
        source=row.source,
        kinds=frozenset(row.kinds.split(",")),
        creates_customers=row.creates_customers,
        home_store_id=row.home_store_id,
    )
