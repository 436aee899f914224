"""The name tables: enough names, readings in hiragana, romaji that matches the reading."""

from __future__ import annotations

import re

from sync.server.demo.names import FAMILY_NAMES, GIVEN_NAMES, era_of_birth_year, given_names_for

HIRAGANA = re.compile(r"^[ぁ-ゖー]+$")
ROMAJI = re.compile(r"^[a-z]+$")

# Hepburn for the readings used in the tables; digraphs first so きょ wins over き.
_DIGRAPHS = {
    "きゃ": "kya", "きゅ": "kyu", "きょ": "kyo", "しゃ": "sha", "しゅ": "shu", "しょ": "sho",
    "ちゃ": "cha", "ちゅ": "chu", "ちょ": "cho", "にゃ": "nya", "にゅ": "nyu", "にょ": "nyo",
    "ひゃ": "hya", "ひゅ": "hyu", "ひょ": "hyo", "みゃ": "mya", "みゅ": "myu", "みょ": "myo",
    "りゃ": "rya", "りゅ": "ryu", "りょ": "ryo", "ぎゃ": "gya", "ぎゅ": "gyu", "ぎょ": "gyo",
    "じゃ": "ja", "じゅ": "ju", "じょ": "jo", "びゃ": "bya", "びゅ": "byu", "びょ": "byo",
}  # fmt: skip
_MONO_TABLE = """
あ:a い:i う:u え:e お:o か:ka き:ki く:ku け:ke こ:ko さ:sa し:shi す:su せ:se そ:so
た:ta ち:chi つ:tsu て:te と:to な:na に:ni ぬ:nu ね:ne の:no は:ha ひ:hi ふ:fu へ:he ほ:ho
ま:ma み:mi む:mu め:me も:mo や:ya ゆ:yu よ:yo ら:ra り:ri る:ru れ:re ろ:ro わ:wa を:o ん:n
が:ga ぎ:gi ぐ:gu げ:ge ご:go ざ:za じ:ji ず:zu ぜ:ze ぞ:zo だ:da ぢ:ji づ:zu で:de ど:do
ば:ba び:bi ぶ:bu べ:be ぼ:bo ぱ:pa ぴ:pi ぷ:pu ぺ:pe ぽ:po
"""
_MONO = dict(pair.split(":") for pair in _MONO_TABLE.split())


def hepburn(kana: str) -> str:
    out: list[str] = []
    i = 0
    geminate = False
    while i < len(kana):
        pair = kana[i : i + 2]
        if kana[i] == "っ":
            geminate = True
            i += 1
            continue
        syllable = _DIGRAPHS.get(pair)
        step = 2
        if syllable is None:
            syllable, step = _MONO[kana[i]], 1
        if geminate:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
            geminate = False
        out.append(syllable)
        i += step
    return "".join(out)


def loose(romaji: str) -> str:
    """Romaji with long vowels folded, so passport style (ono) equals strict (oono, ou)."""
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("ii", "i"), ("ei", "e")):
        romaji = romaji.replace(long, short)
    return romaji


def test_at_least_150_family_and_150_given_names_of_both_genders() -> None:
    assert len({f.kanji for f in FAMILY_NAMES}) >= 150
    assert len({(g.kanji, g.kana) for g in GIVEN_NAMES}) >= 150
    assert sum(g.gender == "f" for g in GIVEN_NAMES) >= 75
    assert sum(g.gender == "m" for g in GIVEN_NAMES) >= 75


def test_frequencies_follow_the_national_ranking() -> None:
    top = sorted(FAMILY_NAMES, key=lambda f: -f.weight)[:4]
    assert [f.kanji for f in top] == ["佐藤", "鈴木", "高橋", "田中"]
    assert all(f.weight > 0 for f in FAMILY_NAMES)


def test_readings_are_hiragana_and_romaji_is_lowercase_ascii() -> None:
    for name in (*FAMILY_NAMES, *GIVEN_NAMES):
        assert HIRAGANA.match(name.kana), name
        assert ROMAJI.match(name.romaji), name
        assert name.kanji and name.kanji == name.kanji.strip()


def test_romaji_spells_the_reading() -> None:
    for name in (*FAMILY_NAMES, *GIVEN_NAMES):
        assert loose(hepburn(name.kana)) == loose(name.romaji), name


def test_readings_with_long_vowels_and_small_kana_are_present() -> None:
    family = {(f.kanji, f.kana) for f in FAMILY_NAMES}
    given = {(g.kanji, g.kana) for g in GIVEN_NAMES}
    assert {("大野", "おおの"), ("伊藤", "いとう")} <= family
    assert {("勝", "しょう"), ("勝", "まさる")} <= given
    assert {("京子", "きょうこ"), ("龍一", "りゅういち")} <= given


def test_every_gender_and_era_has_names_to_draw_from() -> None:
    for gender in ("f", "m"):
        for year in (1945, 1980, 2005):
            assert len(given_names_for(gender, era_of_birth_year(year))) >= 15  # type: ignore[arg-type]
