"""Secrets a database makes for itself on first use and keeps (`server_secret` rows): the
badge salt, the key cart links are signed with. Made once even under concurrent first uses."""

from __future__ import annotations

from sqlalchemy import Connection, text

_READ = text("SELECT value FROM server_secret WHERE name = :name")
_MAKE = text(
    "INSERT INTO server_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING"
)


def read_or_make(conn: Connection, name: str, value: str) -> str:
    """The stored value of `name`; `value` is stored when there is none yet (the first
    writer wins: every caller gets the same one)."""
    found = conn.execute(_READ, {"name": name}).scalar_one_or_none()
    if found is None:
        conn.execute(_MAKE, {"name": name, "value": value})
        found = conn.execute(_READ, {"name": name}).scalar_one()
    return str(found)
