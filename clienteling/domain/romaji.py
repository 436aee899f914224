"""Romaji typed at the counter -> hiragana (Hepburn, Kunrei, wāpuro), and hiragana -> romaji.

Names are typed in many spellings: "Satō", "Satou", "Satoh", "Sato" all mean さとう.
`romaji_to_hiragana` converts what was typed literally; `romaji_variants` adds the few
readings a dropped or differently written long vowel can hide, so search can try them all.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass

from clienteling.domain.text import katakana_to_hiragana

_VOWELS = "aiueo"
_VOWEL_KANA = {"a": "あ", "i": "い", "u": "う", "e": "え", "o": "お"}

# Syllables by romaji spelling. Longest spelling wins, so "sha" beats "s"+"ha".
_BASE_ROWS: dict[str, tuple[str, str, str, str, str]] = {
    "": ("あ", "い", "う", "え", "お"),
    "k": ("か", "き", "く", "け", "こ"),
    "g": ("が", "ぎ", "ぐ", "げ", "ご"),
    "s": ("さ", "し", "す", "せ", "そ"),
    "z": ("ざ", "じ", "ず", "ぜ", "ぞ"),
    "t": ("た", "ち", "つ", "て", "と"),
    "d": ("だ", "ぢ", "づ", "で", "ど"),
    "n": ("な", "に", "ぬ", "ね", "の"),
    "h": ("は", "ひ", "ふ", "へ", "ほ"),
    "b": ("ば", "び", "ぶ", "べ", "ぼ"),
    "p": ("ぱ", "ぴ", "ぷ", "ぺ", "ぽ"),
    "m": ("ま", "み", "む", "め", "も"),
    "r": ("ら", "り", "る", "れ", "ろ"),
    "l": ("ら", "り", "る", "れ", "ろ"),  # l for r, as some people type names
    "x": ("ぁ", "ぃ", "ぅ", "ぇ", "ぉ"),  # wāpuro small kana
}
_YOON = {"a": "ゃ", "u": "ゅ", "o": "ょ"}
_YOON_ROWS = {  # consonant+y (Kunrei and Hepburn) -> the i-column kana it palatalises
    "ky": "き",
    "gy": "ぎ",
    "sy": "し",
    "sh": "し",
    "zy": "じ",
    "j": "じ",
    "jy": "じ",
    "ty": "ち",
    "ch": "ち",
    "cy": "ち",
    "dy": "ぢ",
    "ny": "に",
    "hy": "ひ",
    "by": "び",
    "py": "ぴ",
    "my": "み",
    "ry": "り",
    "ly": "り",
}
_EXTRA = {
    "shi": "し",
    "chi": "ち",
    "tsu": "つ",
    "fu": "ふ",
    "ji": "じ",
    "ya": "や",
    "yu": "ゆ",
    "yo": "よ",
    "ye": "いぇ",
    "wa": "わ",
    "wo": "を",
    "wi": "うぃ",
    "we": "うぇ",
    "she": "しぇ",
    "che": "ちぇ",
    "je": "じぇ",
    "fa": "ふぁ",
    "fi": "ふぃ",
    "fe": "ふぇ",
    "fo": "ふぉ",
    "fyu": "ふゅ",
    "va": "ゔぁ",
    "vi": "ゔぃ",
    "vu": "ゔ",
    "ve": "ゔぇ",
    "vo": "ゔぉ",
    "ti": "ち",
    "tu": "つ",
    "si": "し",
    "zi": "じ",
    "hu": "ふ",
    "di": "ぢ",
    "du": "づ",
    "dzu": "づ",
    "thi": "てぃ",
    "dhi": "でぃ",
    "twu": "とぅ",
    "dwu": "どぅ",
    "xya": "ゃ",
    "xyu": "ゅ",
    "xyo": "ょ",
    "xtu": "っ",
    "xtsu": "っ",
    "ltu": "っ",
    "xwa": "ゎ",
    "xka": "ゕ",
    "xke": "ゖ",
    "nn": "ん",
    "n'": "ん",
}


def _build_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for consonant, row in _BASE_ROWS.items():
        for vowel, kana in zip(_VOWELS, row, strict=True):
            table[consonant + vowel] = kana
    for prefix, i_kana in _YOON_ROWS.items():
        for vowel, small in _YOON.items():
            table[prefix + vowel] = i_kana + small
    table.update(_EXTRA)
    return table


_TABLE = _build_table()
_MAX_SPELLING = max(len(k) for k in _TABLE)
_MACRONS = {
    "ā": "a",
    "ī": "i",
    "ū": "u",
    "ē": "e",
    "ō": "o",
    "â": "a",
    "î": "i",
    "û": "u",
    "ê": "e",
    "ô": "o",
}
_SOKUON_CONSONANTS = frozenset("kgsztdhbpfjcrlvwy")
_SKIPPED = frozenset(" \u3000・·-'")  # separators people type between name parts
_N_SPLITS = {"ni": "んい", "nya": "んや", "nyu": "んゆ", "nyo": "んよ"}  # Ken'ichi, Shin'ya
_LONG = "^"  # internal marker: the vowel before it was written long (ō, ô)
MAX_VARIANTS = 8
_MAX_INPUT = 100  # longer text is not a name typed in romaji


@dataclass(frozen=True, slots=True)
class _Unit:
    """One syllable: its kana, its vowel (for long-vowel variants) and a written long mark."""

    kana: str
    vowel: str | None = None
    long_mark: str = ""  # "う"/"お" when the long vowel was written (ou, oo, oh, ō, uu, ū)
    split: str | None = None  # "shinichi": に may be ん+い (passport Hepburn has no "n'")


def _prepare(text: str) -> str | None:
    if not text or len(text) > _MAX_INPUT:
        return None
    # NFC first so a macron typed as a combining mark becomes ō; then only fold width.
    chars: list[str] = []
    for ch in unicodedata.normalize("NFC", text).lower():
        if ch in _MACRONS:
            chars.append(_MACRONS[ch] + _LONG)
        elif ch == _LONG:
            return None
        else:
            chars.append(unicodedata.normalize("NFKC", ch).lower())
    prepared = "".join(chars).replace("’", "'")
    if not any(ch.isascii() and ch.isalpha() for ch in prepared):
        return None
    for ch in prepared:
        if not ((ch.isascii() and ch.isalpha()) or ch == _LONG or ch in _SKIPPED):
            return None
    return prepared


def _tokenise(text: str) -> list[_Unit] | None:
    units: list[_Unit] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if ch == _LONG:
            if not units or units[-1].vowel is None or units[-1].long_mark:
                return None
            vowel = units[-1].vowel
            _lengthen(units, "お" if vowel == "o" else _VOWEL_KANA[vowel])
            i += 1
            continue
        if ch == "-":
            units.append(_Unit("ー"))
            i += 1
            continue
        if ch in _SKIPPED:
            i += 1
            continue
        if ch == "n" and (nxt == "" or (nxt not in _VOWELS and nxt not in "y'n")):
            units.append(_Unit("ん"))
            i += 1
            continue
        if ch == "n" and nxt == "n" and (i + 2 >= n or text[i + 2] not in _VOWELS + "y"):
            units.append(_Unit("ん"))  # "nn" written for ん before a consonant or at the end
            i += 2
            continue
        if ch == "n" and nxt == "n":
            units.append(_Unit("ん"))  # "onna": the first n is ん, the second starts な
            i += 1
            continue
        if ch == "m" and nxt in ("b", "p", "m"):
            units.append(_Unit("ん"))  # Hepburn writes ん as m before b, p, m (Homma, Namba)
            i += 1
            continue
        if ch == nxt and ch in _SOKUON_CONSONANTS:
            units.append(_Unit("っ"))
            i += 1
            continue
        if ch == "t" and nxt == "c":  # Hepburn "tch" (matcha) is っち
            units.append(_Unit("っ"))
            i += 1
            continue
        if ch == "h" and units and units[-1].vowel == "o" and (nxt == "" or nxt not in "aiueoy"):
            _lengthen(units, "お")  # "Ohno", "Satoh": h after o marks a long o
            i += 1
            continue
        if ch in "ou" and units and units[-1].vowel == "o" and not units[-1].long_mark:
            _lengthen(units, _VOWEL_KANA[ch])  # written long o: "ou" or "oo"
            i += 1
            continue
        if ch == "u" and units and units[-1].vowel == "u" and not units[-1].long_mark:
            _lengthen(units, "う")
            i += 1
            continue
        for size in range(min(_MAX_SPELLING, n - i), 0, -1):
            kana = _TABLE.get(text[i : i + size])
            if kana is not None:
                spelling = text[i : i + size]
                last = spelling[-1]
                split = None
                if spelling in _N_SPLITS and units and units[-1].vowel and not units[-1].long_mark:
                    split = _N_SPLITS[spelling]
                units.append(_Unit(kana, last if last in _VOWELS else None, split=split))
                i += size
                break
        else:
            return None
    return units


def _lengthen(units: list[_Unit], mark: str) -> None:
    last = units[-1]
    units[-1] = _Unit(last.kana, last.vowel, mark, last.split)


def romaji_to_hiragana(text: str) -> str | None:
    """The literal hiragana of typed romaji ("ohno" -> "おおの"), or None if it is not romaji.

    Digits, kana, kanji and punctuation other than spaces, dots, hyphens and apostrophes make
    the text "not romaji". Never raises.
    """
    prepared = _prepare(text)
    if prepared is None:
        return None
    units = _tokenise(prepared)
    if not units:
        return None
    return "".join(u.kana + u.long_mark for u in units)


def romaji_variants(text: str) -> list[str]:
    """Hiragana candidates for typed romaji, literal first, at most `MAX_VARIANTS`.

    Besides the literal reading it offers the long vowels romaji often drops or spells
    differently: an o-syllable may be followed by う or お ("sato" -> さと, さとう, さとお), a
    u-syllable by う ("yuki" -> ゆうき), and a written long o may be either ("ohno" -> おおの,
    おうの). Fewer changes come first. Empty when the text is not romaji.
    """
    prepared = _prepare(text)
    if prepared is None:
        return []
    units = _tokenise(prepared)
    if not units:
        return []
    options = [
        _renderings(unit, units[i + 1] if i + 1 < len(units) else None)
        for i, unit in enumerate(units)
    ]
    changeable = [i for i, opts in enumerate(options) if len(opts) > 1]
    literal = [opts[0] for opts in options]
    found: list[str] = []

    def add(choice: list[str]) -> bool:
        word = "".join(choice)
        if word not in found:
            found.append(word)
        return len(found) >= MAX_VARIANTS

    if add(literal):
        return found
    widest = max((len(opts) for opts in options), default=1)
    for count in range(1, len(changeable) + 1):
        # Prefer the most likely change (adding う) at every position before rarer ones.
        for rank in range(1, widest):
            for positions in itertools.combinations(changeable, count):
                choice = list(literal)
                for pos in positions:
                    opts = options[pos]
                    choice[pos] = opts[min(rank, len(opts) - 1)]
                if add(choice):
                    return found
    return found


def _renderings(unit: _Unit, following: _Unit | None) -> list[str]:
    """How one syllable may be read, the literal reading first, the likeliest change next."""
    if unit.vowel == "o":
        longs = ["う", "お"] if unit.long_mark else ["", "う", "お"]
        longs.remove(unit.long_mark)
        longs.insert(0, unit.long_mark)
    elif unit.vowel == "u" and not unit.long_mark:
        longs = ["", "う"]
    else:
        longs = [unit.long_mark]
    if following is not None and following.kana in ("ん", "っ", "ー"):
        longs = longs[:1]  # a long vowel right before ん or っ is not a name reading
    readings = [unit.kana + mark for mark in longs]
    if unit.split is not None:
        readings.insert(1, unit.split + unit.long_mark)
    return readings


# --- hiragana -> romaji (Hepburn), for display -------------------------------------------------

_HEPBURN_OVERRIDES = {
    "し": "shi",
    "ち": "chi",
    "つ": "tsu",
    "ふ": "fu",
    "じ": "ji",
    "ぢ": "ji",
    "づ": "zu",
    "を": "o",
    "ゔ": "vu",
    "ぁ": "a",
    "ぃ": "i",
    "ぅ": "u",
    "ぇ": "e",
    "ぉ": "o",
    "ゃ": "ya",
    "ゅ": "yu",
    "ょ": "yo",
    "ゎ": "wa",
    "ゐ": "i",
    "ゑ": "e",
    "ゕ": "ka",
    "ゖ": "ke",
}
_HEPBURN_YOON_ROWS = {"し": "sh", "ち": "ch", "じ": "j", "ぢ": "j"}


def _build_reverse() -> dict[str, str]:
    reverse: dict[str, str] = {}
    for consonant, row in _BASE_ROWS.items():
        if consonant in ("l", "x"):
            continue
        for vowel, kana in zip(_VOWELS, row, strict=True):
            reverse.setdefault(kana, consonant + vowel)
    reverse.update({"や": "ya", "ゆ": "yu", "よ": "yo", "わ": "wa"})
    for prefix, i_kana in _YOON_ROWS.items():
        if prefix in ("sy", "zy", "jy", "ty", "cy", "dy", "ly", "sh", "ch", "j"):
            continue
        for vowel, small in _YOON.items():
            reverse[i_kana + small] = prefix + vowel
    for i_kana, head in _HEPBURN_YOON_ROWS.items():
        for vowel, small in _YOON.items():
            reverse[i_kana + small] = head + vowel
    reverse.update(_HEPBURN_OVERRIDES)
    for pair in ("ふぁ", "ふぃ", "ふぇ", "ふぉ"):
        reverse[pair] = "f" + _EXTRA_VOWEL[pair[1]]
    for pair in ("ゔぁ", "ゔぃ", "ゔぇ", "ゔぉ"):
        reverse[pair] = "v" + _EXTRA_VOWEL[pair[1]]
    reverse.update({"てぃ": "ti", "でぃ": "di", "しぇ": "she", "ちぇ": "che", "じぇ": "je"})
    return reverse


_EXTRA_VOWEL = {"ぁ": "a", "ぃ": "i", "ぇ": "e", "ぉ": "o"}
_REVERSE = _build_reverse()


def hiragana_to_romaji(text: str) -> str:
    """Hepburn romaji of kana text ("さとう" -> "satou", "しんばし" -> "shinbashi").

    Katakana is read as hiragana; っ doubles the next consonant ("tch" before ch); ん before a
    vowel or y is written "n'"; ー repeats nothing and is written "-". Other characters are kept.
    """
    kana = katakana_to_hiragana(text)
    out: list[str] = []
    geminate = False
    i = 0
    while i < len(kana):
        pair = kana[i : i + 2]
        if len(pair) == 2 and pair in _REVERSE:
            roman = _REVERSE[pair]
            i += 2
        elif kana[i] == "っ":
            geminate = True
            i += 1
            continue
        elif kana[i] == "ん":
            following = _REVERSE.get(kana[i + 1 : i + 2], "")
            roman = "n'" if following[:1] in ("a", "i", "u", "e", "o", "y") else "n"
            i += 1
        elif kana[i] == "ー":
            roman = "-"
            i += 1
        else:
            roman = _REVERSE.get(kana[i], kana[i])
            i += 1
        if geminate:
            if roman.startswith("ch"):
                out.append("t")
            elif roman[:1].isascii() and roman[:1].isalpha() and roman[:1] not in _VOWELS:
                out.append(roman[0])
            geminate = False
        out.append(roman)
    return "".join(out)
