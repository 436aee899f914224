"""Reading a pull reply body in SQLite: parsed once into JSONB, checked, never turned into
Python objects row by row.

A first sync moves millions of changes; building a dict per change cost more than everything
else together. SQLite's JSON parser runs in C without the GIL (while the engine downloads the
next page) and the JSONB form it produces is what the apply statements read from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from sync.protocol import MutationResult, PageRejected, PullPage

_IDS = TypeAdapter(list[str])
_RESULTS = TypeAdapter(list[MutationResult])

# Largest reply body read (a page of MAX_PULL_LIMIT changes is a few MB).
MAX_BODY_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class PageChanges:
    """A page's changes as the cache applies them."""

    jsonb: bytes  # the whole reply body as SQLite JSONB
    groups: frozenset[tuple[str, str]]  # (entity, op) pairs present
    keep: str | None  # JSON array of the change indexes to apply (None: all of them)
    customers: int  # customer changes (upserts and deletes)


_ENVELOPE_SQL = (
    "SELECT json_type(?1), json_type(?1, '$.changes'), json_type(?1, '$.cursors'), "
    "?1 ->> '$.cursors', json_type(?1, '$.has_more'), json_type(?1, '$.must_resync'), "
    "?1 -> '$.acked_mutation_ids', ?1 -> '$.mutation_results', ?1 ->> '$.remaining'"
)

# Per entity: changes, upserts, deletes, changes that break the protocol's Change schema (as
# far as the cache relies on it: an object with a text entity, a non-empty text id, a known op,
# and an object as data of an upsert), distinct ids. Each field is read once per change:
# every JSON accessor call costs about half a microsecond, a million times over.
_SHAPE_SQL = (
    "SELECT e, count(*), sum(op = 'upsert'), sum(op = 'delete'), sum(bad), count(DISTINCT id) "
    "FROM (SELECT e, op, id, ("
    "t IS NOT 'object' OR typeof(e) IS NOT 'text' OR typeof(id) IS NOT 'text' OR id = '' "
    "OR CASE op WHEN 'upsert' THEN json_type(value, '$.data') IS NOT 'object' "
    "WHEN 'delete' THEN coalesce(json_type(value, '$.data'), 'null') NOT IN ('object', 'null') "
    "ELSE 1 END) AS bad FROM (SELECT type AS t, value, value ->> '$.entity' AS e, "
    "value ->> '$.op' AS op, value ->> '$.id' AS id FROM jsonb_each(?1, '$.changes') "
    "LIMIT -1)) GROUP BY e"
)

# For a page that names an entity twice: the index of the last change of each.
_LAST_OF_EACH_SQL = (
    "SELECT json_group_array(k) FROM (SELECT max(key) AS k FROM jsonb_each(?1, '$.changes') "
    "GROUP BY value ->> '$.entity', value ->> '$.id' ORDER BY k)"
)


def read_pull_body(conn: Any, body: bytes | str) -> PullPage:
    """Parse and check a reply body on `conn` (any connection: nothing is written).

    Raises PageRejected when the body is not a protocol v1 pull reply.
    """
    if len(body) > MAX_BODY_BYTES:
        raise PageRejected("The server sent a pull reply too large to read")
    try:
        text = body.decode() if isinstance(body, bytes) else body
    except UnicodeDecodeError:
        raise PageRejected("The server sent a pull reply that is not UTF-8 text") from None
    try:
        jsonb = conn.execute("SELECT jsonb(?)", (text,)).fetchone()[0]
    except Exception as exc:  # the driver's "malformed JSON" (an OperationalError)
        if "JSON" not in str(exc):
            raise
        raise PageRejected("The server sent a pull reply that is not JSON") from None
    kind, changes_kind, cursors_kind, cursors, more, resync, acked, results, left = conn.execute(
        _ENVELOPE_SQL, (jsonb,)
    ).fetchone()
    if kind != "object" or changes_kind != "array" or cursors_kind != "text":
        raise PageRejected("The server sent a pull reply without changes or cursors")
    if more not in ("true", "false") or resync not in ("true", "false", None):
        raise PageRejected("The server sent a pull reply with a bad has_more or must_resync")
    try:
        acked_ids = _IDS.validate_json(acked) if acked is not None else []
        mutation_results = _RESULTS.validate_json(results) if results is not None else []
    except ValidationError:
        raise PageRejected("The server sent acknowledgements this app cannot read") from None
    count = bad = 0
    groups: set[tuple[str, str]] = set()
    customers = 0
    duplicates = False
    for entity, n, upserts, deletes, wrong, distinct in conn.execute(_SHAPE_SQL, (jsonb,)):
        count += n
        bad += wrong or 0
        duplicates = duplicates or distinct != n
        if entity is None:
            continue
        for op, ops in (("upsert", upserts), ("delete", deletes)):
            if ops:
                groups.add((str(entity), op))
        if entity == "customer":
            customers = (upserts or 0) + (deletes or 0)
    if bad:
        raise PageRejected(f"The server sent {bad} change(s) that break the sync protocol")
    keep = None
    if duplicates:
        keep = conn.execute(_LAST_OF_EACH_SQL, (jsonb,)).fetchone()[0]
    return PullPage(
        cursors=str(cursors),
        has_more=more == "true",
        must_resync=resync == "true",
        change_count=int(count),
        acked_mutation_ids=acked_ids,
        mutation_results=mutation_results,
        changes=PageChanges(jsonb, frozenset(groups), keep, customers),
        # A hint for a progress bar: anything but a count is ignored.
        remaining=left if isinstance(left, int) and 0 <= left < 2**53 else None,
    )
