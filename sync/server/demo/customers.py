"""Demo customers, streamed one at a time so a million of them keep memory flat.

Customer `i` depends only on the seed and the customers before it, never on how many are
asked for, so the first 5,000 customers of a 1M run equal those of a 5,000 run. Phones, emails,
cards and online accounts are unique by construction: each is built from a bijection of `i`.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from datetime import date, datetime
from itertools import accumulate

from sync.protocol import ConsentData, CustomerData, IdentityData

from .chain import STAFF, demo_id, staff_by_code, store_by_code
from .ean import LOYALTY_CARD_PREFIX, Ean13Series
from .names import FAMILY_NAMES, Era, Gender, GivenName, era_of_birth_year, given_names_for
from .timeline import DAY, DEMO_TIMELINE, YEAR, Timeline, jst

# The bijections below cover this many customers; more is refused rather than duplicated.
MAX_CUSTOMERS = 10_000_000

STORY_BIKE_CUSTOMER_ID = demo_id("customer:story:bike")
STORY_GIFT_CUSTOMER_ID = demo_id("customer:story:gift")
STORY_CUSTOMERS = 2  # customers 0 and 1 are the stories; the random ones start at 2
# Days before the reference date: the bike was bought two days ago, so both of its follow-ups
# (a few days later before the weekend, about a month later) are still ahead; the birth gift
# 346 days ago, so its first-birthday contact window (from day 344) is open now.
BIKE_BOUGHT_DAYS_BEFORE = 2
GIFT_BOUGHT_DAYS_BEFORE = 346

EMAIL_DOMAINS = ("example.jp", "example.com", "example.ne.jp", "example.co.jp", "example.org")
WORDING_VERSION = "2026-04"
_WORDING_SINCE = jst(2026, 4, 1, 9, 0)

# Home stores: the Futako-Tamagawa bicycle shop (the demo terminal's store) gets the largest
# share, and its region (kanto) about 62% of all customers.
_HOME_WEIGHTS = {"FUT": 34, "YOK": 13, "KIC": 15, "UME": 18, "KYO": 10, "KOB": 10}
_TIERS = (("regular", 58), ("silver", 25), ("gold", 13), ("platinum", 4))
_TIER_POINTS = {"regular": 800, "silver": 3000, "gold": 9000, "platinum": 25000}
# (ages, weight): shoppers skew to 30-50, the ages of young families and bike commuters.
_AGE_BANDS = ((18, 24, 9), (25, 34, 22), (35, 44, 27), (45, 54, 20), (55, 64, 12), (65, 85, 10))
# Email local parts: (first part, separator, second part); g = given, f = family, i = initial.
_EMAIL_STYLES = (("g", ".", "f"), ("f", ".", "g"), ("i", "", "f"), ("f", "_", "g"), ("g", "", "f"))
_CONSENT_CHANNELS = ("email", "sms", "line", "app_push")
_CONSENT_SOURCES = {
    "email": ("store", "web"),
    "sms": ("store", "phone"),
    "line": ("line", "store"),
    "app_push": ("app",),
}


def _cumulative(weights: list[int]) -> tuple[list[int], int]:
    cum = list(accumulate(weights))
    return cum, cum[-1]


class _Shuffle:
    """A keyed bijection on range(a * b): unique outputs like a counter, but consecutive
    inputs give unrelated-looking numbers (no visible stride in phones or card numbers).

    Two Feistel rounds over the mixed radix (a, b); each round is invertible, so the whole
    map is a permutation, and it needs no memory of what was handed out.
    """

    def __init__(self, a: int, b: int, key1: int, key2: int, offset: int) -> None:
        self.a, self.b, self.key1, self.key2 = a, b, key1, key2
        self.size = a * b
        self.offset = offset

    def __call__(self, i: int) -> int:
        a, b = self.a, self.b
        left, right = divmod((i + self.offset) % self.size, b)  # left < a, right < b
        left, right = right, (left + right * right * self.key1 + right) % a  # left < b, right < a
        left, right = right, (left + right * right * self.key2 + right) % b  # left < a, right < b
        return left * b + right


_PHONE_BODY = _Shuffle(9_000, 10_000, 7_919, 104_729, 31_337_011)  # 8 digits, first not 0
_CARD_NUMBER = _Shuffle(10_000, 10_000, 6_007, 92_821, 4_200_017)
_EMAIL_NUMBER = _Shuffle(1_000, 10_000, 3_571, 50_261, 2_718_281)  # covers MAX_CUSTOMERS
_ONLINE_NUMBER = _Shuffle(10_000, 10_000, 8_191, 65_537, 11_235_813)
_CARDS = Ean13Series(LOYALTY_CARD_PREFIX)


def phone_for(i: int, prefix: str) -> str:
    """Customer i's mobile number: +81 {70,80,90} then 8 digits whose first is not 0."""
    return f"+81{prefix}{10_000_000 + _PHONE_BODY(i)}"


def card_for(i: int) -> str:
    """Customer i's loyalty card: in-store EAN-13 range 2900..., valid check digit."""
    return _CARDS.code(_CARD_NUMBER(i))


def email_number_for(i: int) -> int:
    """The number in customer i's email address, which is what makes the address unique."""
    return _EMAIL_NUMBER(i)


def online_account_for(i: int) -> str:
    return f"W{_ONLINE_NUMBER(i):08d}"


# hex digit -> the same digit with the RFC 9562 variant bits (10xx) forced
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


def uuid4_from_bits(bits: int) -> str:
    """A lowercase version-4 UUID string made from 128 random bits drawn from a seeded RNG.

    Faster than uuid.UUID(...) for a million ids, and deterministic given the bits.
    """
    h = f"{bits:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def _identities(
    email: str | None, phone: str | None, card: str | None, online: str | None
) -> list[IdentityData]:
    found: list[IdentityData] = []
    if email is not None:
        found.append(IdentityData(kind="email", value=email.lower()))
    if phone is not None:
        found.append(IdentityData(kind="phone", value=phone))
    if card is not None:
        found.append(IdentityData(kind="loyalty_card", value=card))
    if online is not None:
        found.append(IdentityData(kind="online_account", value=online))
    return found


def _consent(channel: str, state: str, source: str, at: datetime) -> ConsentData:
    return ConsentData(
        purpose="marketing",
        channel=channel,
        state=state,
        source=source,
        recorded_at=at.isoformat(),
        wording_version=WORDING_VERSION,
    )


def story_customers(timeline: Timeline = DEMO_TIMELINE) -> list[CustomerData]:
    """The two customers the demo is built around, the same in every chain (see history.py)."""
    bike_store = store_by_code("FUT")["id"]
    baby_store = store_by_code("YOK")["id"]
    bike_email = f"kenta.yamamoto{email_number_for(0)}@example.jp"
    gift_email = f"misaki.kobayashi{email_number_for(1)}@example.com"
    bike_phone, gift_phone = phone_for(0, "90"), phone_for(1, "80")
    bike_card, gift_card = card_for(0), card_for(1)
    gift_online = online_account_for(1)
    consent_at = jst(2026, 4, 12, 15, 30)
    return [
        CustomerData(
            id=STORY_BIKE_CUSTOMER_ID,
            family_name="山本",
            given_name="健太",
            family_kana="やまもと",
            given_kana="けんた",
            email=bike_email,
            phone=bike_phone,
            loyalty_card=bike_card,
            online_account=None,
            birthday="1988-06-14",
            tier="silver",
            points=2480,
            home_store_id=bike_store,
            preferred_staff_id=staff_by_code("S002").data["id"],
            merged_into=None,
            identities=_identities(bike_email, bike_phone, bike_card, None),
            consents=[
                _consent("email", "granted", "store", consent_at),
                _consent("line", "granted", "store", consent_at),
                _consent("sms", "withdrawn", "store", consent_at),
            ],
            created_at="2023-05-20T11:05:00+09:00",
            updated_at=timeline.at(BIKE_BOUGHT_DAYS_BEFORE, 14, 25).isoformat(),
        ),
        CustomerData(
            id=STORY_GIFT_CUSTOMER_ID,
            family_name="小林",
            given_name="美咲",
            family_kana="こばやし",
            given_kana="みさき",
            email=gift_email,
            phone=gift_phone,
            loyalty_card=gift_card,
            online_account=gift_online,
            birthday="1990-03-02",
            tier="gold",
            points=8650,
            home_store_id=baby_store,
            preferred_staff_id=staff_by_code("S012").data["id"],
            merged_into=None,
            identities=_identities(gift_email, gift_phone, gift_card, gift_online),
            consents=[
                _consent("email", "granted", "web", jst(2026, 4, 20, 21, 4)),
                _consent("app_push", "granted", "app", jst(2026, 5, 2, 8, 40)),
            ],
            created_at="2021-09-04T16:40:00+09:00",
            updated_at="2026-05-02T08:40:00+09:00",
        ),
    ]


class _CustomerStream:
    """Draws random customers from one `random.Random`; tables are precomputed once."""

    def __init__(self, seed: int, timeline: Timeline) -> None:
        # A str seed is hashed with SHA-512 by `random`, identical on every machine and run.
        self.rng = random.Random(f"clienteling-demo:customers:{seed}")
        self.family_cum, self.family_total = _cumulative([f.weight for f in FAMILY_NAMES])
        genders: tuple[Gender, ...] = ("f", "m")
        eras: tuple[Era, ...] = ("old", "mid", "young")
        self.given: dict[tuple[str, str], tuple[GivenName, ...]] = {
            (g, e): given_names_for(g, e) for g in genders for e in eras
        }
        store_codes = list(_HOME_WEIGHTS)
        self.home_ids = [store_by_code(c)["id"] for c in store_codes]
        self.home_cum, self.home_total = _cumulative([_HOME_WEIGHTS[c] for c in store_codes])
        self.tier_names = [t for t, _ in _TIERS]
        self.tier_cum, self.tier_total = _cumulative([w for _, w in _TIERS])
        self.age_cum, self.age_total = _cumulative([w for _, _, w in _AGE_BANDS])
        self.staff_of_store: dict[str, list[str]] = {}
        for member in STAFF:
            if member.data["role"] != "admin":
                self.staff_of_store.setdefault(member.data["store_id"], []).append(
                    member.data["id"]
                )
        self.ref_ordinal = timeline.reference_date.toordinal()
        self.iso_before = timeline.iso_before
        self.wording_since_s = timeline.seconds_before(_WORDING_SINCE)

    def customer(self, i: int) -> CustomerData:
        """Customer i. Call with i = 2, 3, 4, ... in order: the draws come from one stream."""
        rng = self.rng
        rand = rng.random
        iso = self.iso_before
        female = rand() < 0.56
        lo, hi, _ = _AGE_BANDS[bisect(self.age_cum, rand() * self.age_total)]
        age = lo + int(rand() * (hi - lo + 1))
        birth = date.fromordinal(self.ref_ordinal - age * 365 - int(rand() * 365))
        family = FAMILY_NAMES[bisect(self.family_cum, rand() * self.family_total)]
        pool = self.given[("f" if female else "m", era_of_birth_year(birth.year))]
        given = pool[int(rand() * len(pool))]

        # Member for 30 days to 8 years, and only since age 16; the profile changed since.
        # Times are whole seconds before the reference instant.
        created_s = 30 * DAY + int(rand() * (min(8, age - 16) * YEAR - 30 * DAY))
        updated_s = int(rand() * created_s)

        r = rand()
        phone = phone_for(i, "90" if r < 0.5 else "80" if r < 0.85 else "70")
        email: str | None = None
        if rand() < 0.93:
            g, f = given.romaji, family.romaji
            first, sep, second = _EMAIL_STYLES[int(rand() * len(_EMAIL_STYLES))]
            local = f"{g if first == 'g' else g[0] if first == 'i' else f}{sep}"
            local += f"{f if second == 'f' else g}{email_number_for(i)}"
            email = f"{local}@{EMAIL_DOMAINS[int(rand() * len(EMAIL_DOMAINS))]}"
        card = card_for(i)
        online = online_account_for(i) if rand() < 0.35 else None

        home = self.home_ids[bisect(self.home_cum, rand() * self.home_total)]
        preferred = None
        if rand() < 0.15:
            candidates = self.staff_of_store[home]
            preferred = candidates[int(rand() * len(candidates))]
        tier = self.tier_names[bisect(self.tier_cum, rand() * self.tier_total)]

        identities: list[IdentityData] = [{"kind": "phone", "value": phone}]
        if email is not None:
            identities.insert(0, {"kind": "email", "value": email})
        identities.append({"kind": "loyalty_card", "value": card})
        if online is not None:
            identities.append({"kind": "online_account", "value": online})

        consents: list[ConsentData] = []
        if rand() < 0.8:
            # Consent was re-collected with the 2026-04 wording; none predates it.
            since_s = max(0, min(created_s, self.wording_since_s))
            for channel in _CONSENT_CHANNELS:
                if (channel == "email" and email is None) or (
                    channel == "app_push" and online is None
                ):
                    continue
                if rand() < 0.55:
                    sources = _CONSENT_SOURCES[channel]
                    consents.append(
                        {
                            "purpose": "marketing",
                            "channel": channel,
                            "state": "granted" if rand() < 0.78 else "withdrawn",
                            "source": sources[int(rand() * len(sources))],
                            "recorded_at": iso(int(rand() * since_s)),
                            "wording_version": WORDING_VERSION,
                        }
                    )

        # A dict literal rather than CustomerData(...): same dict, measurably faster at 1M.
        row: CustomerData = {
            "id": uuid4_from_bits(rng.getrandbits(128)),
            "family_name": family.kanji,
            "given_name": given.kanji,
            "family_kana": family.kana,
            "given_kana": given.kana,
            "email": email,
            "phone": phone,
            "loyalty_card": card,
            "online_account": online,
            "birthday": birth.isoformat() if rand() < 0.8 else None,
            "tier": tier,
            "points": int(rand() * _TIER_POINTS[tier]),
            "home_store_id": home,
            "preferred_staff_id": preferred,
            "merged_into": None,
            "identities": identities,
            "consents": consents,
            "created_at": iso(created_s),
            "updated_at": iso(updated_s),
        }
        return row


def iter_customers(
    count: int, seed: int, timeline: Timeline = DEMO_TIMELINE
) -> Iterator[CustomerData]:
    """Yield `count` customers: the two stories first, then random ones. Memory stays flat."""
    if count < 0 or count > MAX_CUSTOMERS:
        raise ValueError(f"customers must be between 0 and {MAX_CUSTOMERS}, got {count}")
    yield from story_customers(timeline)[:count]
    if count <= STORY_CUSTOMERS:
        return
    stream = _CustomerStream(seed, timeline)
    make = stream.customer
    for i in range(STORY_CUSTOMERS, count):
        yield make(i)
