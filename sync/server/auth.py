"""Devices and staff sessions: PBKDF2 PIN hashes, random tokens stored hashed, FastAPI deps.

A wrong staff code, PIN, badge or device token all give the same 401: the caller never learns
which part was wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import (
    DeviceRegisterRequest,
    DeviceRegisterResponse,
    SessionRequest,
    SessionResponse,
    StaffPublic,
    StorePublic,
    new_id,
)
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.models import Device, Staff, StaffSession, Store
from sync.server.timeutil import as_utc, utcnow

_ALGO = "pbkdf2_sha256"
# Verified when no staff matches, so a wrong code costs the same time as a wrong PIN.
_DUMMY_HASH = f"{_ALGO}$1000$00$" + "00" * 32


def hash_pin(pin: str, iterations: int = 200_000) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{_ALGO}${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        algo, rounds, salt_hex, digest_hex = stored.split("$")
        if algo != _ALGO:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt_hex), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def token_hash(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(token.encode()).hexdigest()


def badge_hash(badge: str) -> str:
    return hashlib.sha256(b"badge:" + badge.strip().encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _unauthorized() -> ApiError:
    return ApiError(401, "unauthorized", "Sign-in failed: check the credentials.")


def _check_staff_pin(session: Session, staff_code: str, pin: str) -> Staff:
    staff = session.execute(
        select(Staff).where(Staff.code == staff_code, Staff.active == True)  # noqa: E712
    ).scalar_one_or_none()
    ok = verify_pin(pin, staff.pin_hash if staff is not None else _DUMMY_HASH)
    if staff is None or not ok:
        raise _unauthorized()
    return staff


def register_device(engine: Engine, req: DeviceRegisterRequest) -> DeviceRegisterResponse:
    """A manager (or admin) of the store registers a terminal to it."""
    with write_session(engine) as session:
        staff = _check_staff_pin(session, req.staff_code, req.pin)
        store = session.get(Store, req.store_id)
        if store is None:
            raise ApiError(404, "store_not_found", "No store has this id.")
        allowed = staff.role == "admin" or (staff.role == "manager" and staff.store_id == store.id)
        if not allowed:
            raise ApiError(
                403, "forbidden", "Only a manager of this store can register a terminal."
            )
        token = new_token()
        device = Device(
            id=new_id(),
            store_id=store.id,
            name=req.name,
            token_hash=token_hash(token),
            registered_by=staff.id,
            created_at=utcnow(),
        )
        session.add(device)
    return DeviceRegisterResponse(device_id=device.id, device_token=token)


def _check_badge_pin(session: Session, badge: str, pin: str) -> Staff:
    """A badge names the staff member; only their PIN proves it (badge numbers are printed
    on the badge and sequential: a badge alone must never open a session)."""
    staff = session.execute(
        select(Staff).where(
            Staff.badge_hash == badge_hash(badge),
            Staff.active == True,  # noqa: E712
        )
    ).scalar_one_or_none()
    ok = verify_pin(pin, staff.pin_hash if staff is not None else _DUMMY_HASH)
    if staff is None or not ok:
        raise _unauthorized()
    return staff


def open_session(engine: Engine, settings: Settings, req: SessionRequest) -> SessionResponse:
    """Staff code + PIN, or badge + PIN, on a registered device opens a staff session."""
    if req.pin is None or (req.badge is None) == (req.staff_code is None):
        raise ApiError(422, "invalid_request", "Give a PIN with staff_code or with badge.")
    with write_session(engine) as session:
        device = session.execute(
            select(Device).where(Device.token_hash == token_hash(req.device_token))
        ).scalar_one_or_none()
        if req.badge is not None:
            staff = _check_badge_pin(session, req.badge, req.pin)
        else:
            assert req.staff_code is not None
            staff = _check_staff_pin(session, req.staff_code, req.pin)
        if device is None or device.revoked:
            raise _unauthorized()
        # Staff of another store may work on this terminal only as admins.
        if staff.store_id != device.store_id and staff.role != "admin":
            raise _unauthorized()
        store = session.get(Store, device.store_id)
        assert store is not None
        token, proof = new_token(), new_token()
        now = utcnow()
        row = StaffSession(
            id=new_id(),
            token_hash=token_hash(token),
            proof_hash=token_hash(proof),
            device_id=device.id,
            staff_id=staff.id,
            created_at=now,
            expires_at=now + settings.session_ttl,
        )
        session.add(row)
        return SessionResponse(
            session_token=token,
            staff=StaffPublic(
                id=staff.id,
                code=staff.code,
                name=staff.name,
                role=staff.role,
                store_id=staff.store_id,
            ),
            store=StorePublic(id=store.id, code=store.code, name=store.name, region=store.region),
            expires_at=row.expires_at,
            author_proof=proof,
        )


@dataclass(frozen=True)
class AuthContext:
    """Who is calling: the staff member, on which device, for which store."""

    session_id: str
    device_id: str
    staff_id: str
    staff_name: str
    role: str
    staff_store_id: str
    device_store_id: str
    region: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def authenticate(engine: Engine, authorization: str | None) -> AuthContext:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "unauthorized", "Missing bearer session token.")
    token = authorization[7:].strip()
    if not token or len(token) > 200:
        raise _unauthorized()
    with read_session(engine) as session:
        row = session.execute(
            select(StaffSession, Staff, Device, Store)
            .join(Staff, col(Staff.id) == col(StaffSession.staff_id))
            .join(Device, col(Device.id) == col(StaffSession.device_id))
            .join(Store, col(Store.id) == col(Device.store_id))
            .where(StaffSession.token_hash == token_hash(token))
        ).first()
    if row is None:
        raise ApiError(401, "unauthorized", "The session is not valid; sign in again.")
    sess, staff, device, store = row
    if as_utc(sess.expires_at) <= utcnow():
        raise ApiError(401, "session_expired", "The session has expired; sign in again.")
    if device.revoked or not staff.active:
        raise ApiError(401, "unauthorized", "The session is not valid; sign in again.")
    return AuthContext(
        session_id=sess.id,
        device_id=device.id,
        staff_id=staff.id,
        staff_name=staff.name,
        role=staff.role,
        staff_store_id=staff.store_id,
        device_store_id=device.store_id,
        region=store.region,
    )


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def current_staff(request: Request) -> AuthContext:
    return authenticate(get_engine(request), request.headers.get("authorization"))


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CurrentStaff = Annotated[AuthContext, Depends(current_staff)]
