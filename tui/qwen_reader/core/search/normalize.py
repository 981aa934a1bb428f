"""Script-insensitive text for the index: traditional -> simplified by a character table, pinyin without tones.

OpenCC's phrase-level t2s runs at about 0.6 Mchar/s in the pure-Python port; a one-to-one character table built
from the same port's own TSCharacters.txt, applied with str.translate, runs at many Mchar/s and keeps every
offset (one character in, one character out), so a hit found in the normalised text highlights the same range
in the text as written. bench/search.py measures how often it differs from full OpenCC t2s on the seeds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# CJK ideographs the index tokenises: the unified block, extension A and the compatibility block.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Traditional -> simplified for single characters (first choice of TSCharacters.txt), plus full-width
    letters and digits -> ASCII so `Ｑｗｅｎ` and `Qwen` are one word."""
    table: dict[int, str] = {}
    text = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        choices = values.split()
        if len(key) == 1 and choices and len(choices[0]) == 1 and choices[0] != key:
            table[ord(key)] = choices[0]
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        for code in range(first, last + 1):
            table[code] = chr(code - 0xFEE0)
    return table


def to_simplified(text: str) -> str:
    """The text in simplified characters, same length as the input."""
    return text.translate(t2s_table())


def strip_tones(syllable: str) -> str:
    """`zhōu` -> `zhou`, `lǜ` -> `lv` (the usual keyboard spelling of ü)."""
    plain = unicodedata.normalize("NFD", syllable.lower().replace("ü", "v"))
    return "".join(c for c in plain if not unicodedata.combining(c)).replace("u\u0308", "v")


@lru_cache(maxsize=1)
def _char_pinyin() -> dict[str, str]:
    """Every character's most frequent reading (pypinyin's first), without tones."""
    from pypinyin.pinyin_dict import pinyin_dict

    return {chr(code): strip_tones(readings.split(",")[0]) for code, readings in pinyin_dict.items()}


@lru_cache(maxsize=1)
def _pair_pinyin() -> dict[str, tuple[str, str]]:
    """Two-character words whose reading differs from their characters' first readings (银行 yin hang, not
    yin xing): looked up per bigram, so polyphones read right without word segmentation."""
    from pypinyin.phrases_dict import phrases_dict

    chars = _char_pinyin()
    pairs: dict[str, tuple[str, str]] = {}
    for word, readings in phrases_dict.items():
        if len(word) != 2 or len(readings) != 2:
            continue
        plain = (strip_tones(readings[0][0]), strip_tones(readings[1][0]))
        if plain != (chars.get(word[0]), chars.get(word[1])):
            pairs[word] = plain
    return pairs


@lru_cache(maxsize=1)
def _reader() -> tuple[re.Pattern[str], dict[int, str]]:
    """What run_pinyin needs: a pattern finding the characters some two-character word reads otherwise (行 in
    银行: few positions of a text, where a pattern of every word's first character found nearly all), and a
    str.translate table giving every Han character its syllable and a space (itself where it has none)."""
    chars = _char_pinyin()
    changed = {c for word, sounds in _pair_pinyin().items() for c, sound in zip(word, sounds, strict=True)
               if sound != chars.get(c)}
    table = {code: f"{chr(code)} " for a, b in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
             for code in range(a, b + 1)}
    table.update({ord(c): f"{s} " for c, s in chars.items() if ord(c) in table})
    return re.compile(f"[{re.escape(''.join(sorted(changed)))}]"), table


def run_pinyin(run: str) -> str:
    """Toneless syllables of a run of simplified Han characters, one per character, space-separated.
    Known two-character words are read as words (银行 yin hang, not yin xing)."""
    pattern, table = _reader()
    read = run.translate(table)
    found = [m.start() for m in pattern.finditer(run)]
    if not found:
        return read.rstrip()
    pairs = _pair_pinyin()
    syllables = read.split()
    for i in found:
        # The word ending here, else the word starting here (行长: 银行 reads 行 hang, 行长 reads it hang too).
        for start in (i - 1, i):
            sounds = pairs.get(run[start:start + 2]) if start >= 0 else None
            if sounds is not None:
                syllables[i] = sounds[i - start]
                break
    return " ".join(syllables)


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable, for splitting `zhouhao` into `zhou hao`."""
    return frozenset(_char_pinyin().values()) | frozenset(s for pair in _pair_pinyin().values() for s in pair)


def split_pinyin(text: str) -> list[str] | None:
    """A Latin query as toneless syllables (`Zhou Hao`, `zhōu hào`, `zhouhao` -> [zhou, hao]); None when it
    is not pinyin. Fewest syllables wins (xian -> xian, not xi an)."""
    words = [strip_tones(w) for w in re.findall(r"[^\W\d_]+", text)]
    if not words:
        return None
    known = syllables()
    out: list[str] = []
    for word in words:
        best: list[list[str] | None] = [[]] + [None] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - 6), end):
                prefix = best[start]
                if prefix is not None and word[start:end] in known:
                    candidate = [*prefix, word[start:end]]
                    if best[end] is None or len(candidate) < len(best[end] or ()):
                        best[end] = candidate
        if best[-1] is None:
            return None
        out.extend(best[-1] or [])
    return out
