"""The terminals of a store, for its managers: the list (with when each was last seen) and
revocation. A revoked terminal's sessions end at once; at its next contact it is told
`device_revoked` and wipes its cache and credentials (clienteling.wipe).

Managers see and revoke the terminals of their own store, admins those of every store; an
associate neither. Another store's terminal is "not found", as an unknown id is.
"""

from __future__ import annotations

from sqlalchemy import Engine, update
from sqlmodel import col, select

from sync.protocol import DeviceList, DevicePublic
from sync.server.auth import AuthContext
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.models import Device, Staff, StaffSession
from sync.server.timeutil import as_utc, utcnow


def _require_manager(auth: AuthContext) -> None:
    if auth.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "Only a manager can see and revoke terminals.")


def list_devices(engine: Engine, auth: AuthContext) -> DeviceList:
    _require_manager(auth)
    query = select(Device, Staff.name).join(Staff, col(Staff.id) == col(Device.registered_by))
    if not auth.is_admin:
        query = query.where(col(Device.store_id) == auth.staff_store_id)
    with read_session(engine) as session:
        rows = session.execute(query.order_by(col(Device.created_at))).all()
    return DeviceList(devices=[_public(device, name, auth) for device, name in rows])


def _public(device: Device, registered_by: str, auth: AuthContext) -> DevicePublic:
    return DevicePublic(
        id=device.id,
        name=device.name,
        store_id=device.store_id,
        registered_at=as_utc(device.created_at),
        registered_by=registered_by,
        last_seen_at=as_utc(device.last_seen_at) if device.last_seen_at else None,
        revoked_at=as_utc(device.revoked_at) if device.revoked_at else None,
        this_device=device.id == auth.device_id,
    )


def revoke_device(engine: Engine, auth: AuthContext, device_id: str) -> DevicePublic:
    _require_manager(auth)
    now = utcnow()
    with write_session(engine) as session:
        device = session.get(Device, device_id)
        if device is None or (not auth.is_admin and device.store_id != auth.staff_store_id):
            raise ApiError(404, "not_found", "No terminal of this store has this id.")
        if not device.revoked:
            device.revoked, device.revoked_at, device.revoked_by = True, now, auth.staff_id
            session.execute(
                update(StaffSession)
                .where(
                    col(StaffSession.device_id) == device.id,
                    col(StaffSession.ended_at).is_(None),
                )
                .values(ended_at=now)
            )
        registered_by = session.get(Staff, device.registered_by)
        return _public(device, registered_by.name if registered_by else "", auth)
