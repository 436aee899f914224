"""Customer lookup in the cache: pick the mode from the query, then indexed lookups, ranked.

Every lookup is an index seek (B-tree equality or range, or the FTS5 trigram index), read in
index order with a LIMIT, so the cost does not grow with the number of cached customers.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from clienteling.domain.barcode import is_valid_gtin
from clienteling.domain.models import CustomerHit, SyncState
from clienteling.domain.phone import normalise_phone
from clienteling.domain.romaji import romaji_variants
from clienteling.domain.text import digits_only, email_key, is_kana, looks_like_phone
from clienteling.storage.keys import name_key, reading_key

HIT_COLUMNS = (
    "id, family_name, given_name, family_kana, given_kana, phone, email, loyalty_card, tier, "
    "home_store_id"
)
_TOP = "\U0010ffff"  # sorts after every character: `col < prefix || _TOP` bounds a prefix range
MIN_SUBSTRING = 3  # the trigram index cannot answer shorter substrings
_PHONE_DIGITS = frozenset("0123456789+-() \u3000")


def fts_phrase(text: str) -> str:
    """Quote text as one FTS5 string so operators (AND, NEAR(, *, ") are matched literally."""
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class _Pending:
    """A customer created on this terminal that the server has not sent back yet, with the
    keys srv_customer would give it, so it is found exactly as it will be after sync."""

    row: tuple[Any, ...]  # HIT_COLUMNS
    keys: dict[str, str | None]
    sync: SyncState


def pending_customers(cur: Any) -> list[_Pending]:
    """The walk-ins waiting in the outbox (a handful; read per search, never indexed)."""
    found = []
    for args_json, status in cur.execute(
        "SELECT o.args_json, o.status FROM outbox AS o "
        "WHERE o.status IN ('pending', 'applied', 'rejected') "
        "AND o.name = 'customer.create' AND NOT EXISTS "
        "(SELECT 1 FROM srv_customer AS c WHERE c.id = o.customer_id) ORDER BY o.seq DESC"
    ).fetchall():
        a = json.loads(args_json)
        if not isinstance(a, dict) or not isinstance(a.get("id"), str):
            continue
        text = {k: str(a.get(k) or "") for k in CREATE_FIELDS}
        phone = normalise_phone(text["phone"]) if text["phone"] else None
        email = email_key(text["email"]) if text["email"] else None
        row = (
            a["id"],
            text["family_name"],
            text["given_name"],
            text["family_kana"],
            text["given_kana"],
            phone,
            email,
            None,
            "",
            a.get("home_store_id"),
        )
        given, given_kana = name_key(text["given_name"]), reading_key(text["given_kana"])
        keys = {
            "name_key": name_key(text["family_name"]) + given,
            "given_key": given,
            "kana_key": reading_key(text["family_kana"]) + given_kana,
            "given_kana_key": given_kana,
            "phone": phone,
            "phone_last4": phone[-4:] if phone else None,
            "email": email,
            "loyalty_card": None,
        }
        sync = SyncState.REJECTED if status == "rejected" else SyncState.PENDING
        found.append(_Pending(row, keys, sync))
    return found


CREATE_FIELDS = ("family_name", "given_name", "family_kana", "given_kana", "phone", "email")


@dataclass
class _Collector:
    """Gathers hits in rank order, without duplicates, up to the limit. Each lookup asks the
    cache, then the walk-ins created here and not synced yet."""

    cur: Any
    limit: int
    pending: list[_Pending] = field(default_factory=list)
    hits: list[CustomerHit] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    @property
    def full(self) -> bool:
        return len(self.hits) >= self.limit

    def _pending(self, matched_on: str, test: Any) -> None:
        for p in self.pending:
            if test(p.keys):
                self.add_rows([p.row], matched_on, p.sync)

    def add_rows(
        self,
        rows: Iterable[tuple[Any, ...]],
        matched_on: str,
        sync: SyncState = SyncState.SYNCED,
    ) -> None:
        for row in rows:
            if self.full:
                return
            if row[0] in self.seen:
                continue
            self.seen.add(row[0])
            self.hits.append(
                CustomerHit(
                    id=row[0],
                    family_name=row[1],
                    given_name=row[2],
                    family_kana=row[3],
                    given_kana=row[4],
                    phone=row[5],
                    email=row[6],
                    loyalty_card=row[7],
                    tier=row[8],
                    home_store_id=row[9],
                    matched_on=matched_on,
                    sync=sync,
                )
            )

    def exact(self, column: str, value: str, matched_on: str) -> None:
        if self.full or not value:
            return
        rows = self.cur.execute(
            f"SELECT {HIT_COLUMNS} FROM srv_customer WHERE {column} = ? LIMIT ?",
            (value, self.limit),
        ).fetchall()
        self.add_rows(rows, matched_on)
        self._pending(matched_on, lambda keys: keys[column] == value)

    def prefix(self, column: str, value: str, matched_on: str) -> None:
        if self.full or not value:
            return
        # `limit` rows always suffice: at most len(seen) of them are repeats, and
        # len(seen) == len(hits), so the new ones fill the list.
        want = self.limit
        rows = self.cur.execute(
            f"SELECT {HIT_COLUMNS} FROM srv_customer WHERE {column} >= ? AND {column} < ? "
            f"ORDER BY {column} LIMIT ?",
            (value, value + _TOP, want),
        ).fetchall()
        self.add_rows(rows, matched_on)
        self._pending(matched_on, lambda keys: (keys[column] or "").startswith(value))

    def substring(self, text: str, matched_on: str) -> None:
        if self.full or len(text) < MIN_SUBSTRING:
            return
        want = self.limit
        rows = self.cur.execute(
            f"SELECT {', '.join('c.' + c for c in HIT_COLUMNS.split(', '))} "
            "FROM customer_fts f JOIN srv_customer c ON c.pk = f.rowid "
            "WHERE customer_fts MATCH ? LIMIT ?",
            (fts_phrase(text), want),
        ).fetchall()
        self.add_rows(rows, matched_on)
        self._pending(matched_on, lambda keys: text in (keys["kana_key"] or ""))


def _is_digits_query(text: str) -> bool:
    folded = unicodedata.normalize("NFKC", text)
    return bool(folded) and all(ch in _PHONE_DIGITS or ch == "-" for ch in folded)


def _national_prefix_to_e164(digits: str) -> str | None:
    """A partly typed Japanese number (090123...) as an E.164 prefix (+8190123...)."""
    if digits.startswith("0") and len(digits) >= 3:
        return "+81" + digits[1:]
    if digits.startswith("81") and len(digits) >= 4:
        return "+" + digits
    return None


def search_customers(cur: Any, query: str, limit: int, *, fts_ready: bool) -> list[CustomerHit]:
    """Hits for an already-cleaned query, ranked exact > prefix > substring, at most `limit`."""
    text = query.strip()
    if not text or limit <= 0:
        return []
    found = _Collector(cur, limit, pending_customers(cur))
    if _is_digits_query(text) or looks_like_phone(text):
        digits = digits_only(text)
        if len(digits) == 13 and is_valid_gtin(digits):
            found.exact("loyalty_card", digits, "card")
        if len(digits) == 4:
            found.exact("phone_last4", digits, "phone_last4")
            return found.hits
        e164 = normalise_phone(text) if len(digits) >= 10 else None
        if e164:
            found.exact("phone", e164, "phone")
        partial = _national_prefix_to_e164(digits)
        if partial and len(digits) >= 5:
            found.prefix("phone", partial, "phone")
        return found.hits
    if "@" in text:
        email = unicodedata.normalize("NFKC", text).strip().lower()
        found.exact("email", email, "email")
        found.prefix("email", email, "email")
        return found.hits
    key = name_key(text)
    if not key:
        return []
    # Latin letters (with macrons: "Satō") are romaji; kana and kanji never are.
    latin = all(ord(ch) < 0x2000 for ch in key)
    variants = romaji_variants(text) if latin else []
    words = text.split()
    if latin and len(words) == 2:
        # "Kenta Yamamoto": Western order typed for a name stored family-first.
        variants += [v for v in romaji_variants(f"{words[1]} {words[0]}") if v not in variants]
    if variants:
        for reading in variants:
            found.exact("kana_key", reading, "romaji")
        for reading in variants:
            found.prefix("kana_key", reading, "romaji")
        for reading in variants:
            found.prefix("given_kana_key", reading, "romaji")
    if latin:
        # Latin-script names are stored as written; an address is often typed without "@...".
        found.prefix("name_key", key, "name")
        found.prefix("email", unicodedata.normalize("NFKC", text).strip().lower(), "email")
        if variants and fts_ready:
            found.substring(variants[0], "romaji")
        return found.hits
    if is_kana(text):
        reading = reading_key(text)
        found.exact("kana_key", reading, "kana")
        found.exact("name_key", key, "name")
        found.prefix("kana_key", reading, "kana")
        found.prefix("given_kana_key", reading, "kana")
        found.prefix("name_key", key, "name")
        if fts_ready:
            found.substring(reading, "kana")
        return found.hits
    found.exact("name_key", key, "name")
    found.exact("given_key", key, "name")
    # The family name is the start of the full name key, so one range covers both.
    found.prefix("name_key", key, "name")
    found.prefix("given_key", key, "name")
    return found.hits
