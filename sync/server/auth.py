"""Devices and staff sessions: Argon2id PIN and badge hashes (sync.server.pins), random tokens
stored hashed, failed sign-ins limited (sync.server.throttle), FastAPI deps.

A wrong staff code, PIN, badge or device token all give the same 401, after the same work:
the caller never learns which part was wrong, not even from the time the answer took.
Registering a device answers a non-manager's right PIN exactly as a wrong PIN.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine, update
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
from sync.server import pins, throttle
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.models import Device, Staff, StaffSession, Store
from sync.server.timeutil import as_utc, utcnow


def token_hash(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _unauthorized() -> ApiError:
    return ApiError(401, "unauthorized", "Sign-in failed: check the credentials.")


def _code_key(staff_code: str) -> str:
    # An unknown code is counted like a known one (same work, same lockout), under its hash.
    return "code:" + hashlib.sha256(staff_code.encode()).hexdigest()[:32]


@dataclass
class _Candidate:
    """Who a sign-in names (None when nobody) and the throttle key it is counted under."""

    staff: Staff | None
    key: str
    new_badge_hash: str | None = None  # a badge stored by an earlier version: re-hash it


def _by_code(session: Session, staff_code: str) -> _Candidate:
    staff = session.execute(
        select(Staff).where(Staff.code == staff_code, Staff.active == True)  # noqa: E712
    ).scalar_one_or_none()
    if staff is not None:
        return _Candidate(staff, f"staff:{staff.id}")
    return _Candidate(None, _code_key(staff_code))


def _by_badge(session: Session, badge: str, key: pins.BadgeKey) -> _Candidate:
    """A badge names the staff member; only their PIN proves it (badge numbers are printed
    on the badge and sequential: a badge alone must never open a session)."""
    active = Staff.active == True  # noqa: E712
    hashed = key.hash(badge)
    staff = session.execute(
        select(Staff).where(Staff.badge_hash == hashed, active)
    ).scalar_one_or_none()
    if staff is not None:
        return _Candidate(staff, f"staff:{staff.id}")
    # Stored by an earlier version (unsalted SHA-256): found once, then re-hashed.
    staff = session.execute(
        select(Staff).where(Staff.badge_hash == pins.legacy_badge_hash(badge), active)
    ).scalar_one_or_none()
    if staff is not None:
        return _Candidate(staff, f"staff:{staff.id}", new_badge_hash=hashed)
    return _Candidate(None, _code_key(badge))


def _pin_matches(candidate: _Candidate, pin: str, settings: Settings) -> bool:
    """Verify the PIN (outside any transaction: it takes tens of milliseconds on purpose), or,
    when nobody matched, a dummy hash made at the cost every PIN hash is brought to."""
    if candidate.staff is None:
        pins.verify_pin(pin, pins.dummy_hash(settings.pin_cost))
        return False
    return pins.verify_pin(pin, candidate.staff.pin_hash)


def _refused(engine: Engine, counted: list[tuple[str, throttle.Limit]]) -> None:
    now = utcnow()
    for key, limit in counted:
        throttle.record_failure(engine, key, limit, now)


def _signed_in(session: Session, candidate: _Candidate, pin: str, settings: Settings) -> Staff:
    """The success path's writes: the lockout count cleared, old hashes upgraded."""
    staff = session.get(Staff, candidate.staff.id) if candidate.staff is not None else None
    assert staff is not None
    throttle.clear(session, candidate.key)
    if pins.needs_rehash(staff.pin_hash, settings.pin_cost):
        staff.pin_hash = pins.hash_pin(pin, settings.pin_cost)
    if candidate.new_badge_hash is not None:
        staff.badge_hash = candidate.new_badge_hash
    return staff


def register_device(
    engine: Engine, settings: Settings, req: DeviceRegisterRequest, address: str
) -> DeviceRegisterResponse:
    """A manager (or admin) of the store registers a terminal to it."""
    limits = settings.sign_in_limits
    address_key = f"address:{address}"
    with read_session(engine) as session:
        candidate = _by_code(session, req.staff_code)
    throttle.check(engine, [address_key, candidate.key], utcnow())
    ok = _pin_matches(candidate, req.pin, settings)
    staff = candidate.staff
    if not (
        ok
        and staff is not None
        and (staff.role == "admin" or (staff.role == "manager" and staff.store_id == req.store_id))
    ):
        _refused(engine, [(address_key, limits.address), (candidate.key, limits.staff)])
        raise ApiError(
            401,
            "unauthorized",
            "Registration refused: only a manager of this store can register a terminal, "
            "with their staff code and PIN.",
        )
    with write_session(engine) as session:
        store = session.get(Store, req.store_id)
        if store is None:
            raise ApiError(404, "store_not_found", "No store has this id.")
        staff = _signed_in(session, candidate, req.pin, settings)
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


def open_session(engine: Engine, settings: Settings, req: SessionRequest) -> SessionResponse:
    """Staff code + PIN, or badge + PIN, on a registered device opens a staff session."""
    if req.pin is None or (req.badge is None) == (req.staff_code is None):
        raise ApiError(422, "invalid_request", "Give a PIN with staff_code or with badge.")
    limits = settings.sign_in_limits
    badge_key = pins.badge_key(engine) if req.badge is not None else None
    with read_session(engine) as session:
        device = session.execute(
            select(Device).where(Device.token_hash == token_hash(req.device_token))
        ).scalar_one_or_none()
        if req.badge is not None:
            assert badge_key is not None
            candidate = _by_badge(session, req.badge, badge_key)
        else:
            assert req.staff_code is not None
            candidate = _by_code(session, req.staff_code)
    if device is not None and device.revoked:
        raise _device_revoked()
    counted = [(candidate.key, limits.staff)]
    if device is not None:
        counted.append((f"device:{device.id}", limits.device))
    throttle.check(engine, [key for key, _ in counted], utcnow())
    ok = _pin_matches(candidate, req.pin, settings)
    staff = candidate.staff
    # Staff of another store may work on this terminal only as admins.
    if not (
        ok
        and staff is not None
        and device is not None
        and not device.revoked
        and (staff.store_id == device.store_id or staff.role == "admin")
    ):
        _refused(engine, counted)
        raise _unauthorized()
    with write_session(engine) as session:
        staff = _signed_in(session, candidate, req.pin, settings)
        store = session.get(Store, device.store_id)
        assert store is not None
        token, proof = new_token(), new_token()
        now = utcnow()
        # One person at a terminal: whoever signed in here before is signed out (their proof
        # still credits them with what they did offline before, within the offline age).
        session.execute(
            update(StaffSession)
            .where(
                col(StaffSession.device_id) == device.id,
                col(StaffSession.ended_at).is_(None),
                col(StaffSession.expires_at) > now,
            )
            .values(ended_at=now)
        )
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
    if device.revoked:  # first: the terminal must hear it to erase its data
        raise _device_revoked()
    if as_utc(sess.expires_at) <= utcnow():
        raise ApiError(401, "session_expired", "The session has expired; sign in again.")
    if sess.ended_at is not None:
        raise ApiError(
            401, "session_ended", "This session was signed out (or someone else signed in)."
        )
    if not staff.active:
        raise ApiError(401, "unauthorized", "The session is not valid; sign in again.")
    _mark_seen(engine, device)
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


# Last seen is kept to the minute: one write per terminal per minute at most, not per request.
SEEN_RESOLUTION = timedelta(minutes=1)


def _mark_seen(engine: Engine, device: Device) -> None:
    now = utcnow()
    if device.last_seen_at is not None and now - as_utc(device.last_seen_at) < SEEN_RESOLUTION:
        return
    with write_session(engine) as session:
        session.execute(update(Device).where(col(Device.id) == device.id).values(last_seen_at=now))


def _device_revoked() -> ApiError:
    # Only the terminal holds its token, so it may learn this: it wipes its data on hearing it.
    return ApiError(
        401, "device_revoked", "A manager removed this terminal from the store: its data is erased."
    )


def end_session(engine: Engine, auth: AuthContext) -> None:
    """Sign-out: the session's token stops working at once."""
    with write_session(engine) as session:
        session.execute(
            update(StaffSession)
            .where(col(StaffSession.id) == auth.session_id, col(StaffSession.ended_at).is_(None))
            .values(ended_at=utcnow())
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
