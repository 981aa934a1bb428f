"""Names the dictionary lacks, said as names: a person's (a known surname and a one- or two-character given
name: 林俊旸 -> Lin Junyang) and those in assets/words.txt (通義千問 -> Tongyi Qianwen)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_TONE_MARKS = "\u0304\u0301\u030c\u0300"
_HAN = ("\u3400", "\u9fff")


def _han(ch: str) -> bool:
    return _HAN[0] <= ch <= _HAN[1] or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    from qwen_reader.core.store.paths import bundled_asset

    try:
        text = bundled_asset("surnames.txt").read_text(encoding="utf-8")
    except OSError:
        text = ""
    names = {n for line in text.splitlines() if not line.startswith("#") for n in line.split()}
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


def person_name(word: str, syllables: tuple[str, ...]) -> str | None:
    """A word the dictionary lacks that starts with a surname and has a one- or two-character given name:
    romanised as a name, surname first (林俊旸 -> Lin Junyang)."""
    single, double = _surnames()
    if not 2 <= len(word) <= 4 or len(syllables) != len(word) or not all(_han(ch) for ch in word):
        return None
    cut = 2 if word[:2] in double else 1 if word[0] in single else 0
    if not cut or not 1 <= len(word) - cut <= 2:
        return None
    plain = [toneless(s) for s in syllables]
    if not all(s.isalpha() for s in plain):
        return None
    return f"{''.join(plain[:cut]).capitalize()} {''.join(plain[cut:]).capitalize()}"


@lru_cache(maxsize=1)
def _listed() -> frozenset[str]:
    from qwen_reader.core.text.pinyin import _extra_words

    return frozenset(_extra_words())


def listed_name(word: str, syllables: tuple[str, ...]) -> str | None:
    """A name from assets/words.txt (names and products jieba keeps whole) the dictionary lacks: romanised in
    two-syllable words, capitalised (通義千問 -> Tongyi Qianwen)."""
    if word not in _listed() or len(syllables) != len(word):
        return None
    plain = [toneless(s) for s in syllables]
    if not all(s.isalpha() for s in plain):
        return None
    groups = ["".join(plain[i:i + 2]) for i in range(0, len(plain), 2)]
    if len(groups) > 1 and len(groups[-1]) and len(plain) % 2:
        groups[-2:] = [groups[-2] + groups[-1]]
    return " ".join(g.capitalize() for g in groups)
