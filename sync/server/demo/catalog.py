"""The demo product catalogue: bicycles and accessories, baby and kids goods, lifestyle goods.

Fixed (it does not depend on the seed) so that the barcodes printed in the README stay valid.
Every product has a Japanese name with a katakana reading, a unique SKU, an EAN-13 GTIN with a
Japanese prefix (45/49) and a valid check digit, and a whole-yen price. Bikes list the lights,
locks, helmets and racks that go with them; strollers list their rain covers and the like.
"""

# The product table below is data, one model per line; splitting rows would hide it.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass

from sync.protocol import CategoryData, ProductData

from .ean import with_check_digit

# Category code -> label shown to staff. Codes travel on the wire (interest.add category).
CATEGORY_LABELS: dict[str, str] = {
    "road_bike": "ロードバイク",
    "cross_bike": "クロスバイク",
    "city_bike": "シティサイクル",
    "e_bike": "電動アシスト自転車",
    "kids_bike": "子ども用自転車",
    "bike_light": "自転車ライト",
    "bike_lock": "自転車ロック",
    "helmet": "ヘルメット",
    "bike_rack": "リアキャリア",
    "bike_bell": "ベル",
    "bike_pump": "空気入れ",
    "bike_bag": "自転車バッグ",
    "cycling_gloves": "サイクルグローブ",
    "child_seat": "自転車用チャイルドシート",
    "baby_clothes": "ベビー服",
    "kids_clothes": "キッズ服",
    "gift_set": "ギフトセット",
    "toy": "おもちゃ",
    "stroller": "ベビーカー",
    "car_seat": "チャイルドシート（車用）",
    "stroller_accessory": "ベビーカー用品",
    "tableware": "食器",
    "kitchen": "キッチン用品",
    "towel": "タオル",
    "stationery": "文房具",
    "fragrance": "ルームフレグランス",
    "bag": "バッグ・小物",
    "outdoor": "アウトドア用品",
}

CATEGORY_LABELS_EN: dict[str, str] = {
    "road_bike": "Road bikes",
    "cross_bike": "Cross bikes",
    "city_bike": "City bikes",
    "e_bike": "E-bikes",
    "kids_bike": "Kids' bikes",
    "bike_light": "Bike lights",
    "bike_lock": "Bike locks",
    "helmet": "Helmets",
    "bike_rack": "Rear racks",
    "bike_bell": "Bells",
    "bike_pump": "Pumps",
    "bike_bag": "Bike bags",
    "cycling_gloves": "Cycling gloves",
    "child_seat": "Child bike seats",
    "baby_clothes": "Baby clothes",
    "kids_clothes": "Kids' clothes",
    "gift_set": "Gift sets",
    "toy": "Toys",
    "stroller": "Strollers",
    "car_seat": "Car seats",
    "stroller_accessory": "Stroller accessories",
    "tableware": "Tableware",
    "kitchen": "Kitchenware",
    "towel": "Towels",
    "stationery": "Stationery",
    "fragrance": "Room fragrance",
    "bag": "Bags and accessories",
    "outdoor": "Outdoor goods",
}

# The picture each category is shown with (pictures the app ships: resources/catalog/*.svg).
CATEGORY_PICTURES: dict[str, str] = {
    **dict.fromkeys(("road_bike", "cross_bike", "city_bike", "e_bike"), "bike"),
    "kids_bike": "kids_bike",
    "bike_light": "light",
    "bike_lock": "lock",
    "helmet": "helmet",
    "bike_rack": "rack",
    "bike_bell": "bell",
    "bike_pump": "pump",
    "bike_bag": "bag",
    "cycling_gloves": "gloves",
    "child_seat": "child_seat",
    "baby_clothes": "romper",
    "kids_clothes": "shirt",
    "gift_set": "gift",
    "toy": "toy",
    "stroller": "stroller",
    "car_seat": "car_seat",
    "stroller_accessory": "stroller",
    "tableware": "tableware",
    "kitchen": "kitchen",
    "towel": "towel",
    "stationery": "pencil",
    "fragrance": "fragrance",
    "bag": "bag",
    "outdoor": "tent",
}


# Categories whose products come in sizes a customer keeps (clothes, helmets, gloves, frames).
SIZED_CATEGORIES = frozenset(
    {
        "road_bike",
        "cross_bike",
        "city_bike",
        "e_bike",
        "kids_bike",
        "helmet",
        "cycling_gloves",
        "baby_clothes",
        "kids_clothes",
    }
)


def build_categories() -> list[CategoryData]:
    """The catalog's categories in display order, with both labels and a picture."""
    return [
        CategoryData(
            code=code,
            label_ja=label,
            label_en=CATEGORY_LABELS_EN[code],
            image=f"res:catalog/{CATEGORY_PICTURES[code]}",
            position=position,
            sized=code in SIZED_CATEGORIES,
        )
        for position, (code, label) in enumerate(CATEGORY_LABELS.items())
    ]


# Which part of the chain sells a category; stores stock their own department deeply.
DEPARTMENT: dict[str, str] = {
    **dict.fromkeys(("road_bike", "cross_bike", "city_bike", "e_bike", "kids_bike"), "bicycle"),
    **dict.fromkeys(
        (
            "bike_light",
            "bike_lock",
            "helmet",
            "bike_rack",
            "bike_bell",
            "bike_pump",
            "bike_bag",
            "cycling_gloves",
            "child_seat",
        ),
        "bike_accessory",
    ),
    **dict.fromkeys(
        (
            "baby_clothes",
            "kids_clothes",
            "gift_set",
            "toy",
            "stroller",
            "car_seat",
            "stroller_accessory",
        ),
        "baby_kids",
    ),
    **dict.fromkeys(
        ("tableware", "kitchen", "towel", "stationery", "fragrance", "bag", "outdoor"),
        "lifestyle",
    ),
}

# The SKUs of the two stories the demo is built around (see history.py).
STORY_BIKE_SKU = "CR300-NV-480"
STORY_LIGHT_SKU = "LT-F400-BK"
STORY_LOCK_SKU = "LK-W120-BK"
STORY_HELMET_SKU = "HM-AERO-WH-M"
STORY_GIFT_SKU = "GS-BIRTH-03"
STORY_BABY_CLOTHES_SKU = "BC-ROMPER-WH-70"


@dataclass(frozen=True, slots=True)
class _Brand:
    name: str
    kana: str
    jan_prefix: str  # 7 digits: country 45/49 + company; 5 digits remain for the item


_KAZE = _Brand("KAZE", "カゼ", "4912340")
_HIKARI = _Brand("ヒカリワークス", "ヒカリワークス", "4923451")
_GUARD = _Brand("ガードロック", "ガードロック", "4934562")
_SAFE = _Brand("セーフティギア", "セーフティギア", "4945673")
_BASE = _Brand("サイクルベース", "サイクルベース", "4560123")
_HIYOKO = _Brand("ひよこベビー", "ヒヨコベビー", "4978901")
_TSUMIKI = _Brand("つみき工房", "ツミキコウボウ", "4981234")
_YURIKAGO = _Brand("ユリカゴ", "ユリカゴ", "4567890")
_KURASHI = _Brand("くらしの道具", "クラシノドウグ", "4590123")

_COLORS: dict[str, tuple[str, str]] = {
    "WH": ("ホワイト", "ホワイト"),
    "BK": ("ブラック", "ブラック"),
    "NV": ("ネイビー", "ネイビー"),
    "RD": ("レッド", "レッド"),
    "GY": ("グレー", "グレー"),
    "BL": ("ブルー", "ブルー"),
    "GR": ("グリーン", "グリーン"),
    "BE": ("ベージュ", "ベージュ"),
    "PK": ("ピンク", "ピンク"),
    "YE": ("イエロー", "イエロー"),
    "NA": ("ナチュラル", "ナチュラル"),
}


@dataclass(frozen=True, slots=True)
class _Model:
    """One product line; each (size, colour) combination is its own SKU."""

    code: str
    name: str
    kana: str
    category: str
    brand: _Brand
    price: int
    colors: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    size_unit: str = ""


def _m(
    code: str,
    name: str,
    kana: str,
    category: str,
    brand: _Brand,
    price: int,
    colors: str = "",
    sizes: str = "",
    unit: str = "",
) -> _Model:
    return _Model(
        code, name, kana, category, brand, price, tuple(colors.split()), tuple(sizes.split()), unit
    )


# fmt: off
_MODELS: tuple[_Model, ...] = (
    # --- bicycles ---------------------------------------------------------------------------
    _m("RD500", "ロードバイク R500", "ロードバイク アール500", "road_bike", _KAZE, 128000, "WH BK", "480 500 520", "mm"),
    _m("RD700", "ロードバイク R700", "ロードバイク アール700", "road_bike", _KAZE, 198000, "WH RD", "480 500 520", "mm"),
    _m("RD900", "カーボンロード R900", "カーボンロード アール900", "road_bike", _KAZE, 398000, "BK GY", "480 500 520", "mm"),
    _m("RDEN", "エンデュランスロード EN", "エンデュランスロード イーエヌ", "road_bike", _KAZE, 168000, "NV GR", "480 500 520", "mm"),
    _m("RDGR", "グラベルロード GX", "グラベルロード ジーエックス", "road_bike", _KAZE, 228000, "BE GR", "480 500 520", "mm"),
    _m("RDWM", "ロードバイク R500 ウィメンズ", "ロードバイク アール500 ウィメンズ", "road_bike", _KAZE, 128000, "WH PK", "440 470", "mm"),
    _m("CR300", "クロスバイク C300", "クロスバイク シー300", "cross_bike", _KAZE, 64800, "NV WH BK", "430 480", "mm"),
    _m("CR500", "クロスバイク C500", "クロスバイク シー500", "cross_bike", _KAZE, 84800, "GY BL RD", "430 480", "mm"),
    _m("CRDS", "クロスバイク ディスク", "クロスバイク ディスク", "cross_bike", _KAZE, 98000, "BK GR BE", "430 480", "mm"),
    _m("CRUR", "アーバンクロス U", "アーバンクロス ユー", "cross_bike", _KAZE, 72800, "WH NV BE", "430 480", "mm"),
    _m("CRLT", "軽量クロス L", "ケイリョウクロス エル", "cross_bike", _KAZE, 108000, "BK WH YE", "430 480", "mm"),
    _m("CT100", "シティサイクル 街のり", "シティサイクル マチノリ", "city_bike", _BASE, 29800, "WH BK BE", "26 27", "インチ"),
    _m("CT200", "シティサイクル オートライト", "シティサイクル オートライト", "city_bike", _BASE, 39800, "WH NV GY", "26 27", "インチ"),
    _m("CT300", "通学自転車 スクール", "ツウガクジテンシャ スクール", "city_bike", _BASE, 44800, "BK NV GY", "26 27", "インチ"),
    _m("CT400", "シティサイクル 内装3段", "シティサイクル ナイソウサンダン", "city_bike", _BASE, 42800, "BE GR WH", "26 27", "インチ"),
    _m("CTMV", "ミニベロ 20", "ミニベロ 20", "city_bike", _KAZE, 54800, "YE WH NV", "20", "インチ"),
    _m("CTFD", "折りたたみ自転車 F", "オリタタミジテンシャ エフ", "city_bike", _KAZE, 49800, "BK RD WH", "20", "インチ"),
    _m("EB100", "電動アシスト自転車 e-シティ", "デンドウアシストジテンシャ イーシティ", "e_bike", _KAZE, 128000, "WH BK BE", "26", "インチ"),
    _m("EB200", "電動アシスト自転車 e-クロス", "デンドウアシストジテンシャ イークロス", "e_bike", _KAZE, 198000, "GY NV BK", "27", "インチ"),
    _m("EB300", "子ども乗せ電動アシスト e-キッズ", "コドモノセデンドウアシスト イーキッズ", "e_bike", _KAZE, 168000, "NV BE GR", "20 26", "インチ"),
    _m("EB400", "電動アシスト e-カーゴ", "デンドウアシスト イーカーゴ", "e_bike", _KAZE, 248000, "BK GR", "20", "インチ"),
    _m("EB500", "電動アシストロード e-ロード", "デンドウアシストロード イーロード", "e_bike", _KAZE, 298000, "BK WH", "500", "mm"),
    _m("KB100", "子ども用自転車 はじめて", "コドモヨウジテンシャ ハジメテ", "kids_bike", _KAZE, 24800, "RD BL PK", "14 16", "インチ"),
    _m("KB200", "子ども用自転車 ジュニア", "コドモヨウジテンシャ ジュニア", "kids_bike", _KAZE, 32800, "BL GR PK", "18 20", "インチ"),
    _m("KB300", "ジュニアマウンテン 22", "ジュニアマウンテン 22", "kids_bike", _KAZE, 39800, "BK RD", "22 24", "インチ"),
    _m("KBBL", "ペダルなしバランスバイク", "ペダルナシバランスバイク", "kids_bike", _KAZE, 12800, "RD BL YE WH", "12", "インチ"),
    # --- bicycle accessories ------------------------------------------------------------------
    _m("LT-F200", "USB充電フロントライト 200", "ユーエスビージュウデンフロントライト 200", "bike_light", _HIKARI, 2980, "BK WH"),
    _m("LT-F400", "USB充電フロントライト 400", "ユーエスビージュウデンフロントライト 400", "bike_light", _HIKARI, 4980, "BK WH"),
    _m("LT-F800", "ハイパワーライト 800", "ハイパワーライト 800", "bike_light", _HIKARI, 8980, "BK"),
    _m("LT-R100", "テールライト オート", "テールライト オート", "bike_light", _HIKARI, 2480, "BK RD"),
    _m("LT-R200", "テールライト ブレーキ連動", "テールライト ブレーキレンドウ", "bike_light", _HIKARI, 3980, "BK"),
    _m("LT-SET", "前後ライトセット", "ゼンゴライトセット", "bike_light", _HIKARI, 5980, "BK WH"),
    _m("LT-HUB", "ハブダイナモ用ライト", "ハブダイナモヨウライト", "bike_light", _HIKARI, 3480, "BK GY"),
    _m("LT-KID", "キッズ用ライト どうぶつ", "キッズヨウライト ドウブツ", "bike_light", _HIKARI, 1680, "YE PK BL"),
    _m("LK-W120", "ワイヤーロック 120cm", "ワイヤーロック 120センチ", "bike_lock", _GUARD, 2480, "BK RD BL"),
    _m("LK-W180", "ワイヤーロック 180cm", "ワイヤーロック 180センチ", "bike_lock", _GUARD, 2980, "BK GY"),
    _m("LK-U", "U字ロック ヘビー", "ユージロック ヘビー", "bike_lock", _GUARD, 5980, "BK"),
    _m("LK-CH", "チェーンロック 90cm", "チェーンロック 90センチ", "bike_lock", _GUARD, 4480, "BK GY"),
    _m("LK-FD", "折りたたみロック", "オリタタミロック", "bike_lock", _GUARD, 7980, "BK RD"),
    _m("LK-RNG", "後輪サークル錠", "コウリンサークルジョウ", "bike_lock", _GUARD, 2680, "BK WH"),
    _m("LK-DIAL", "ダイヤルロック カラー", "ダイヤルロック カラー", "bike_lock", _GUARD, 1780, "RD BL GR YE"),
    _m("HM-AERO", "エアロヘルメット", "エアロヘルメット", "helmet", _SAFE, 12800, "WH BK", "S M L"),
    _m("HM-URB", "アーバンヘルメット", "アーバンヘルメット", "helmet", _SAFE, 7980, "BE NV GY", "M L"),
    _m("HM-CAP", "帽子型ヘルメット", "ボウシガタヘルメット", "helmet", _SAFE, 6980, "BE NV BK", "M L"),
    _m("HM-ROAD", "ロードヘルメット プロ", "ロードヘルメット プロ", "helmet", _SAFE, 19800, "WH RD", "S M L"),
    _m("HM-KID", "キッズヘルメット", "キッズヘルメット", "helmet", _SAFE, 4980, "PK BL YE", "XS S"),
    _m("HM-BABY", "幼児用ヘルメット 1歳から", "ヨウジヨウヘルメット イッサイカラ", "helmet", _SAFE, 3980, "PK BL", "XS"),
    _m("RK-STD", "リアキャリア スタンダード", "リアキャリア スタンダード", "bike_rack", _BASE, 3980, "BK GY"),
    _m("RK-WIDE", "ワイドリアキャリア", "ワイドリアキャリア", "bike_rack", _BASE, 5480, "BK"),
    _m("RK-FR", "フロントバスケット", "フロントバスケット", "bike_rack", _BASE, 3480, "BK WH"),
    _m("RK-EB", "電動アシスト用リアバスケット", "デンドウアシストヨウリアバスケット", "bike_rack", _BASE, 4980, "BK BE"),
    _m("BL-BRS", "真鍮ベル", "シンチュウベル", "bike_bell", _BASE, 1280, "NA BK"),
    _m("BL-MINI", "ミニベル", "ミニベル", "bike_bell", _BASE, 680, "WH BK RD BL"),
    _m("BL-KID", "キッズベル どうぶつ", "キッズベル ドウブツ", "bike_bell", _BASE, 880, "PK YE BL"),
    _m("PM-FL", "フロアポンプ ゲージ付き", "フロアポンプ ゲージツキ", "bike_pump", _BASE, 3980, "BK RD"),
    _m("PM-MINI", "携帯ポンプ", "ケイタイポンプ", "bike_pump", _BASE, 2480, "BK"),
    _m("PM-ELEC", "電動空気入れ", "デンドウクウキイレ", "bike_pump", _BASE, 6980, "BK"),
    _m("BG-SADL", "サドルバッグ", "サドルバッグ", "bike_bag", _BASE, 2980, "BK GY"),
    _m("BG-FRAM", "フレームバッグ", "フレームバッグ", "bike_bag", _BASE, 3480, "BK"),
    _m("BG-PANN", "パニアバッグ", "パニアバッグ", "bike_bag", _BASE, 8980, "BK NV"),
    _m("BG-HBAR", "ハンドルバーバッグ", "ハンドルバーバッグ", "bike_bag", _BASE, 4980, "BK BE"),
    _m("BG-RAIN", "前かごカバー 防水", "マエカゴカバー ボウスイ", "bike_bag", _BASE, 1480, "BK NV BE"),
    _m("BG-BOTTLE", "ボトルケージ", "ボトルケージ", "bike_bag", _BASE, 1280, "BK WH RD"),
    _m("GL-SUM", "サイクルグローブ 指切り", "サイクルグローブ ユビキリ", "cycling_gloves", _BASE, 2480, "BK", "S M L"),
    _m("GL-WIN", "ウィンターグローブ", "ウィンターグローブ", "cycling_gloves", _BASE, 4480, "BK", "S M L"),
    _m("GL-KID", "キッズグローブ", "キッズグローブ", "cycling_gloves", _BASE, 1980, "PK BL", "S M"),
    _m("CS-FR", "前用チャイルドシート", "マエヨウチャイルドシート", "child_seat", _BASE, 9800, "BK BE"),
    _m("CS-RR", "後ろ用チャイルドシート", "ウシロヨウチャイルドシート", "child_seat", _BASE, 12800, "BK NV GY"),
    _m("CS-RAIN", "チャイルドシート用レインカバー", "チャイルドシートヨウレインカバー", "child_seat", _BASE, 7980, "NV BE"),
    # --- baby & kids --------------------------------------------------------------------------
    _m("BC-ROMPER", "オーガニックコットン ロンパース", "オーガニックコットン ロンパース", "baby_clothes", _HIYOKO, 2980, "WH YE", "70 80", "cm"),
    _m("BC-HADAGI", "新生児 肌着セット", "シンセイジ ハダギセット", "baby_clothes", _HIYOKO, 3480, "WH", "50 60", "cm"),
    _m("BC-COVER", "カバーオール どうぶつ柄", "カバーオール ドウブツガラ", "baby_clothes", _HIYOKO, 3280, "BE GY", "70 80 90", "cm"),
    _m("BC-BODY", "半袖ボディ 3枚組", "ハンソデボディ サンマイグミ", "baby_clothes", _HIYOKO, 2780, "WH PK BL", "70 80 90", "cm"),
    _m("BC-OUTER", "ベビー ジャンプスーツ 防寒", "ベビー ジャンプスーツ ボウカン", "baby_clothes", _HIYOKO, 5980, "NV BE", "70 80 90", "cm"),
    _m("BC-DRESS", "ベビードレス セレモニー", "ベビードレス セレモニー", "baby_clothes", _HIYOKO, 8980, "WH", "50 60 70", "cm"),
    _m("KC-TEE", "キッズ 半袖Tシャツ", "キッズ ハンソデティーシャツ", "kids_clothes", _HIYOKO, 1490, "WH NV YE", "100 110 120 130", "cm"),
    _m("KC-PANT", "キッズ ストレッチパンツ", "キッズ ストレッチパンツ", "kids_clothes", _HIYOKO, 1990, "NV BE GY", "90 100 110 120 130", "cm"),
    _m("KC-PARKA", "キッズ パーカー", "キッズ パーカー", "kids_clothes", _HIYOKO, 2990, "GY PK NV", "90 100 110 120 130", "cm"),
    _m("KC-DRESS", "キッズ ワンピース", "キッズ ワンピース", "kids_clothes", _HIYOKO, 3490, "PK NV", "90 100 110 120 130", "cm"),
    _m("KC-RAIN", "キッズ レインコート", "キッズ レインコート", "kids_clothes", _HIYOKO, 2490, "YE BL PK", "90 100 110 120", "cm"),
    _m("KC-PJ", "キッズ パジャマ", "キッズ パジャマ", "kids_clothes", _HIYOKO, 2290, "BL PK", "80 90 100 110 120", "cm"),
    _m("KC-JKT", "キッズ 中綿ジャケット", "キッズ ナカワタジャケット", "kids_clothes", _HIYOKO, 4990, "NV RD", "100 110 120 130", "cm"),
    _m("KC-SOCKS", "キッズ ソックス 3足組", "キッズ ソックス サンゾクグミ", "kids_clothes", _HIYOKO, 990, "", "13 15 17 19", "cm"),
    _m("GS-BIRTH", "出産祝いギフトセット", "シュッサンイワイギフトセット", "gift_set", _HIYOKO, 5500, "", "01 02 03 04", ""),
    _m("GS-TOWEL", "今治タオル ベビーギフト", "イマバリタオル ベビーギフト", "gift_set", _HIYOKO, 3300, "WH PK BL"),
    _m("GS-FIRST", "1歳お誕生日ギフトセット", "イッサイオタンジョウビギフトセット", "gift_set", _HIYOKO, 6600, "", "01 02 03", ""),
    _m("GS-NAME", "名入れ木製ギフト", "ナイレモクセイギフト", "gift_set", _TSUMIKI, 7700, "NA"),
    _m("TY-BLOCK", "木のつみき 50ピース", "キノツミキ 50ピース", "toy", _TSUMIKI, 4980, "NA"),
    _m("TY-RATTLE", "木のラトル", "キノラトル", "toy", _TSUMIKI, 1980, "NA PK BL"),
    _m("TY-PUZZLE", "どうぶつパズル", "ドウブツパズル", "toy", _TSUMIKI, 2480, "NA"),
    _m("TY-TRAIN", "木製レールセット", "モクセイレールセット", "toy", _TSUMIKI, 8980, "NA"),
    _m("TY-KITCH", "ままごとキッチン", "ママゴトキッチン", "toy", _TSUMIKI, 14800, "NA WH"),
    _m("TY-PLUSH", "ぬいぐるみ くま", "ヌイグルミ クマ", "toy", _TSUMIKI, 2980, "BE PK"),
    _m("TY-BOOK", "布えほん", "ヌノエホン", "toy", _TSUMIKI, 2200, "YE BL"),
    _m("TY-BATH", "おふろのおもちゃ", "オフロノオモチャ", "toy", _TSUMIKI, 1650, "YE BL"),
    _m("TY-XYLO", "木琴 ミニ", "モッキン ミニ", "toy", _TSUMIKI, 3980, "NA"),
    _m("TY-RIDE", "のりもの 足けり", "ノリモノ アシケリ", "toy", _TSUMIKI, 6980, "RD BL"),
    _m("TY-STACK", "つみかさねカップ", "ツミカサネカップ", "toy", _TSUMIKI, 1320, "NA"),
    _m("ST-LIGHT", "軽量ベビーカー A型", "ケイリョウベビーカー エーガタ", "stroller", _YURIKAGO, 39800, "BK BE NV"),
    _m("ST-B", "コンパクトベビーカー B型", "コンパクトベビーカー ビーガタ", "stroller", _YURIKAGO, 19800, "GY BK NV"),
    _m("ST-TWIN", "二人乗りベビーカー", "フタリノリベビーカー", "stroller", _YURIKAGO, 69800, "BK"),
    _m("ST-3WAY", "3輪ベビーカー", "サンリンベビーカー", "stroller", _YURIKAGO, 54800, "GR BK"),
    _m("CSEAT-NB", "新生児チャイルドシート 回転式", "シンセイジチャイルドシート カイテンシキ", "car_seat", _YURIKAGO, 49800, "BK NV"),
    _m("CSEAT-JR", "ジュニアシート", "ジュニアシート", "car_seat", _YURIKAGO, 14800, "BK GY"),
    _m("CSEAT-ISO", "ISOFIX チャイルドシート", "アイソフィックス チャイルドシート", "car_seat", _YURIKAGO, 59800, "BK BE"),
    _m("SA-RAIN", "ベビーカー用レインカバー", "ベビーカーヨウレインカバー", "stroller_accessory", _YURIKAGO, 3980, "NA"),
    _m("SA-FAN", "ベビーカー用ハンディファン", "ベビーカーヨウハンディファン", "stroller_accessory", _YURIKAGO, 2980, "WH"),
    _m("SA-HOOK", "ベビーカーフック 2個組", "ベビーカーフック ニコグミ", "stroller_accessory", _YURIKAGO, 980, "BK"),
    _m("SA-LINER", "ベビーカーシート 保冷", "ベビーカーシート ホレイ", "stroller_accessory", _YURIKAGO, 3480, "BE GY"),
    _m("SA-SHADE", "日よけシェード", "ヒヨケシェード", "stroller_accessory", _YURIKAGO, 2480, "BK"),
    _m("SA-FOOT", "フットマフ", "フットマフ", "stroller_accessory", _YURIKAGO, 5980, "GY NV"),
    _m("SA-PROT", "シートプロテクター", "シートプロテクター", "stroller_accessory", _YURIKAGO, 2980, "BK"),
    # --- lifestyle ----------------------------------------------------------------------------
    _m("TW-MUG", "美濃焼マグカップ", "ミノヤキマグカップ", "tableware", _KURASHI, 1980, "WH NV GR BE"),
    _m("TW-PLATE", "美濃焼プレート 21cm", "ミノヤキプレート 21センチ", "tableware", _KURASHI, 2200, "WH NV GY"),
    _m("TW-BOWL", "波佐見焼 茶碗", "ハサミヤキ チャワン", "tableware", _KURASHI, 1650, "WH BL GY"),
    _m("TW-CHOP", "若狭塗 箸", "ワカサヌリ ハシ", "tableware", _KURASHI, 2750, "RD BK"),
    _m("TW-GLASS", "ガラスタンブラー", "ガラスタンブラー", "tableware", _KURASHI, 1320, "NA BL"),
    _m("TW-KIDS", "子ども食器セット", "コドモショッキセット", "tableware", _KURASHI, 3850, "PK BL YE"),
    _m("KT-PAN", "鉄のフライパン 26cm", "テツノフライパン 26センチ", "kitchen", _KURASHI, 6600, "BK"),
    _m("KT-BOARD", "ひのきまな板", "ヒノキマナイタ", "kitchen", _KURASHI, 4400, "NA"),
    _m("KT-BENTO", "曲げわっぱ弁当箱", "マゲワッパベントウバコ", "kitchen", _KURASHI, 5500, "NA"),
    _m("KT-KETTLE", "ステンレスケトル", "ステンレスケトル", "kitchen", _KURASHI, 7700, "WH BK"),
    _m("KT-APRON", "リネンエプロン", "リネンエプロン", "kitchen", _KURASHI, 4180, "NV BE GY"),
    _m("KT-KNIFE", "三徳包丁", "サントクボウチョウ", "kitchen", _KURASHI, 8800, "NA"),
    _m("TO-FACE", "今治フェイスタオル", "イマバリフェイスタオル", "towel", _KURASHI, 1320, "WH GY NV BE PK"),
    _m("TO-BATH", "今治バスタオル", "イマバリバスタオル", "towel", _KURASHI, 3850, "WH GY NV BE"),
    _m("TO-GAUZE", "ガーゼケット", "ガーゼケット", "towel", _KURASHI, 6600, "WH BL PK"),
    _m("TO-HAND", "てぬぐい", "テヌグイ", "towel", _KURASHI, 1100, "NV RD GR YE"),
    _m("SN-NOTE", "方眼ノート A5", "ホウガンノート エーゴ", "stationery", _KURASHI, 550, "WH BK"),
    _m("SN-PEN", "ゲルインクボールペン", "ゲルインクボールペン", "stationery", _KURASHI, 220, "BK BL RD"),
    _m("SN-DIARY", "手帳 2027", "テチョウ 2027", "stationery", _KURASHI, 1980, "NV RD BE"),
    _m("SN-CARD", "季節のポストカード", "キセツノポストカード", "stationery", _KURASHI, 198, "GR PK YE"),
    _m("SN-TAPE", "マスキングテープ 3巻", "マスキングテープ サンカン", "stationery", _KURASHI, 660, "PK BL GR"),
    _m("FR-DIFF", "ルームディフューザー ひのき", "ルームディフューザー ヒノキ", "fragrance", _KURASHI, 3300, "NA"),
    _m("FR-CANDLE", "アロマキャンドル", "アロマキャンドル", "fragrance", _KURASHI, 2200, "WH BE"),
    _m("FR-INCENSE", "お香 ゆず", "オコウ ユズ", "fragrance", _KURASHI, 880, "YE"),
    _m("BA-TOTE", "帆布トートバッグ", "ハンプトートバッグ", "bag", _KURASHI, 4950, "NA NV BK"),
    _m("BA-ECO", "折りたたみエコバッグ", "オリタタミエコバッグ", "bag", _KURASHI, 1650, "NV GR BE GY"),
    _m("BA-POUCH", "がま口ポーチ", "ガマグチポーチ", "bag", _KURASHI, 2420, "RD NV PK"),
    _m("BA-FUROSHIKI", "ふろしき 70cm", "フロシキ 70センチ", "bag", _KURASHI, 2750, "NV RD GR YE"),
    _m("BA-UMB", "折りたたみ傘", "オリタタミガサ", "bag", _KURASHI, 3300, "BK NV BE"),
    _m("OD-BOTTLE", "ステンレスボトル 500ml", "ステンレスボトル 500ミリリットル", "outdoor", _KURASHI, 3300, "WH BK NV GR"),
    _m("OD-CHAIR", "折りたたみチェア", "オリタタミチェア", "outdoor", _KURASHI, 6600, "BE GR"),
    _m("OD-SHEET", "レジャーシート", "レジャーシート", "outdoor", _KURASHI, 1980, "BL YE"),
    _m("OD-COOLER", "ソフトクーラーバッグ", "ソフトクーラーバッグ", "outdoor", _KURASHI, 4400, "GR GY"),
    _m("OD-LANTERN", "LEDランタン", "エルイーディーランタン", "outdoor", _KURASHI, 4950, "BE GR BK"),
    _m("KT-DONABE", "伊賀焼 土鍋 8号", "イガヤキ ドナベ ハチゴウ", "kitchen", _KURASHI, 9900, "BK BE"),
    _m("TW-SOBA", "そば猪口 5客セット", "ソバチョコ ゴキャクセット", "tableware", _KURASHI, 4950, "NV WH"),
    _m("TO-SPORT", "スポーツタオル", "スポーツタオル", "towel", _KURASHI, 1980, "NV GY BK"),
    _m("SN-BRUSH", "筆ペン", "フデペン", "stationery", _KURASHI, 440, "BK"),
    _m("BA-SACOCHE", "サコッシュ", "サコッシュ", "bag", _KURASHI, 2970, "BK NV BE"),
)
# fmt: on


def _variant_parts(model: _Model) -> list[tuple[str, str, str]]:
    """(sku suffix, name suffix, kana suffix) for each size x colour of a model."""
    sizes = model.sizes or ("",)
    colors = model.colors or ("",)
    parts = []
    for size in sizes:
        for color in colors:
            codes = [c for c in (color, size) if c]
            label_bits = []
            if color:
                label_bits.append(_COLORS[color][0])
            if size:
                label_bits.append(f"{size}{model.size_unit}" if model.size_unit else size)
            kana_bits = []
            if color:
                kana_bits.append(_COLORS[color][1])
            if size:
                kana_bits.append(f"{size}{model.size_unit}" if model.size_unit else size)
            parts.append(("-".join(codes), " ".join(label_bits), " ".join(kana_bits)))
    return parts


def _sku(model: _Model, suffix: str) -> str:
    return f"{model.code}-{suffix}" if suffix else model.code


def _build() -> tuple[list[ProductData], dict[str, list[str]]]:
    products: list[ProductData] = []
    skus_by_model: dict[str, list[str]] = {}
    item_no: dict[str, int] = {}
    for model in _MODELS:
        skus = skus_by_model.setdefault(model.code, [])
        for suffix, label, kana in _variant_parts(model):
            item = item_no.get(model.brand.jan_prefix, 0) + 1
            item_no[model.brand.jan_prefix] = item
            sku = _sku(model, suffix)
            skus.append(sku)
            products.append(
                ProductData(
                    sku=sku,
                    gtin=with_check_digit(f"{model.brand.jan_prefix}{item:05d}"),
                    name=f"{model.brand.name} {model.name} {label}".strip(),
                    name_kana=f"{model.brand.kana} {model.kana} {kana}".strip(),
                    category=model.category,
                    brand=model.brand.name,
                    price_jpy=str(model.price),
                    accessory_skus=[],
                    image=None,  # the category's picture
                )
            )
    return products, skus_by_model


# Accessory lines offered with each kind of product; the first SKU of each line is suggested.
_ACCESSORIES_FOR: dict[str, tuple[str, ...]] = {
    "road_bike": ("LT-F400", "LT-R200", "LK-U", "HM-ROAD", "PM-FL", "BG-SADL"),
    "cross_bike": ("LT-F400", "LT-R100", "LK-W120", "HM-AERO", "RK-STD", "BL-BRS"),
    "city_bike": ("LT-HUB", "LK-W120", "HM-CAP", "RK-FR", "BG-RAIN", "BL-MINI"),
    "e_bike": ("LT-F400", "LK-CH", "HM-URB", "RK-EB", "CS-RR", "CS-RAIN"),
    "kids_bike": ("LT-KID", "LK-DIAL", "HM-KID", "BL-KID", "GL-KID"),
    "stroller": ("SA-RAIN", "SA-FAN", "SA-HOOK", "SA-LINER", "SA-SHADE", "SA-FOOT"),
    "car_seat": ("SA-PROT",),
    "child_seat": ("CS-RAIN", "HM-BABY"),
}

# Overrides so that the story bike suggests exactly the accessories the story logs.
_STORY_ACCESSORIES: dict[str, tuple[str, ...]] = {
    STORY_BIKE_SKU: (STORY_LIGHT_SKU, STORY_LOCK_SKU, STORY_HELMET_SKU, "RK-STD-BK", "BL-BRS-NA"),
}


def build_catalog() -> list[ProductData]:
    """All products, in a fixed order, with their accessory SKUs filled in."""
    products, skus_by_model = _build()
    model_of = {sku: code for code, skus in skus_by_model.items() for sku in skus}
    for product in products:
        story = _STORY_ACCESSORIES.get(product["sku"])
        if story is not None:
            product["accessory_skus"] = list(story)
            continue
        lines = _ACCESSORIES_FOR.get(product["category"], ())
        # Pick the colour variant in the same position as this product's, so a black bike
        # suggests black accessories where the line has black.
        own_model = model_of[product["sku"]]
        position = skus_by_model[own_model].index(product["sku"])
        chosen = []
        for line in lines:
            if line == own_model:
                continue  # a rain cover is not its own accessory
            options = skus_by_model[line]
            chosen.append(options[position % len(options)])
        product["accessory_skus"] = chosen
    return products
