"""The demo chain's stores and staff, with the staff codes, PINs and badges used to log in.

Fixed data (independent of the seed) so the README's logins always work. Ids are UUIDv5 in
the demo namespace, so every run on every machine gives the same ids.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sync.protocol import StaffData, StoreData

from .ean import BADGE_PREFIX, numbered_code

DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:clienteling:demo-chain")


def demo_id(key: str) -> str:
    """A stable lowercase UUID for a demo row, derived from a readable key."""
    return str(uuid.uuid5(DEMO_NAMESPACE, key))


@dataclass(frozen=True)
class DemoStaff:
    """A staff row plus the secrets a demo user types or scans to log in."""

    data: StaffData
    pin: str  # 4-6 digits
    badge: str  # badge barcode value (EAN-13 in the chain's in-store 28xx range)


def _store(
    code: str,
    name: str,
    kind: str,
    region: str,
    prefecture: str,
    city: str,
    lat: float,
    lon: float,
    phone: str,
) -> StoreData:
    return StoreData(
        id=demo_id(f"store:{code}"),
        code=code,
        name=name,
        kind=kind,
        region=region,
        prefecture=prefecture,
        city=city,
        latitude=lat,
        longitude=lon,
        phone=phone,
        timezone="Asia/Tokyo",
    )


# The first store is the bicycle shop the embedded demo terminal registers to.
STORES: tuple[StoreData, ...] = (
    _store(
        "FUT", "サイクルベース 二子玉川", "bicycle", "kanto", "東京都", "世田谷区",
        35.6116, 139.6270, "+81337001234",
    ),
    _store(
        "YOK", "こどもとベビー 横浜みなとみらい", "baby_kids", "kanto", "神奈川県", "横浜市西区",
        35.4576, 139.6325, "+81452201234",
    ),
    _store(
        "KIC", "くらしの道具店 吉祥寺", "general", "kanto", "東京都", "武蔵野市",
        35.7030, 139.5795, "+81422201234",
    ),
    _store(
        "UME", "サイクルベース 梅田", "bicycle", "kansai", "大阪府", "大阪市北区",
        34.7025, 135.4959, "+81663001234",
    ),
    _store(
        "KYO", "くらしの道具店 京都河原町", "general", "kansai", "京都府", "京都市中京区",
        35.0047, 135.7693, "+81752101234",
    ),
    _store(
        "KOB", "こどもとベビー 神戸三宮", "baby_kids", "kansai", "兵庫県", "神戸市中央区",
        34.6901, 135.1955, "+81783301234",
    ),
)  # fmt: skip

# store code, staff code, role, family kanji, given kanji, family kana, given kana, PIN
_STAFF_TABLE = """
FUT S001 manager 山田 健一 やまだ けんいち 2580
FUT S002 associate 佐々木 翔 ささき しょう 1357
FUT S003 associate 中村 葵 なかむら あおい 2468
FUT S004 associate 大野 勝 おおの まさる 3691
YOK S011 manager 伊藤 京子 いとう きょうこ 4826
YOK S012 associate 高橋 陽菜 たかはし ひな 5173
YOK S013 associate 鈴木 龍一 すずき りゅういち 6284
KIC S021 manager 渡辺 直樹 わたなべ なおき 7395
KIC S022 associate 森 千尋 もり ちひろ 8406
KIC S023 associate 加藤 蓮 かとう れん 9517
UME S031 manager 西村 大輔 にしむら だいすけ 1593
UME S032 associate 松本 彩 まつもと あや 2604
UME S033 associate 井上 拓海 いのうえ たくみ 3715
KYO S041 manager 藤原 恵子 ふじわら けいこ 4937
KYO S042 associate 岡田 悠真 おかだ ゆうま 5048
KYO S043 associate 吉田 結衣 よしだ ゆい 6159
KOB S051 manager 林 智子 はやし ともこ 7260
KOB S052 associate 清水 颯太 しみず そうた 8371
KOB S053 associate 石井 さくら いしい さくら 9482
FUT S900 admin 佐藤 誠 さとう まこと 900900
""".strip()


def _build_staff() -> tuple[DemoStaff, ...]:
    store_ids = {s["code"]: s["id"] for s in STORES}
    rows = []
    for line in _STAFF_TABLE.splitlines():
        store_code, code, role, family, given, family_kana, given_kana, pin = line.split()
        rows.append(
            DemoStaff(
                data=StaffData(
                    id=demo_id(f"staff:{code}"),
                    code=code,
                    name=f"{family} {given}",
                    name_kana=f"{family_kana} {given_kana}",
                    role=role,
                    store_id=store_ids[store_code],
                ),
                pin=pin,
                badge=numbered_code(BADGE_PREFIX, int(code[1:])),
            )
        )
    return tuple(rows)


STAFF: tuple[DemoStaff, ...] = _build_staff()

_STORE_NAMES = {s["id"]: s["name"] for s in STORES}

# (store name, role, staff code, PIN): what the README prints so anyone can log in.
DEMO_LOGINS: list[tuple[str, str, str, str]] = [
    (_STORE_NAMES[s.data["store_id"]], s.data["role"], s.data["code"], s.pin) for s in STAFF
]


def staff_by_code(code: str) -> DemoStaff:
    """The demo staff member with this code; KeyError if there is none."""
    for member in STAFF:
        if member.data["code"] == code:
            return member
    raise KeyError(code)


def store_by_code(code: str) -> StoreData:
    """The demo store with this code; KeyError if there is none."""
    for store in STORES:
        if store["code"] == code:
            return store
    raise KeyError(code)
