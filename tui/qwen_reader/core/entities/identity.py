"""One identity across scripts and aliases: text is tagged through its simplified form (offsets kept), and
every name gets a canonical id and, where one is known, an English name."""

from __future__ import annotations

import re
from functools import lru_cache

_SLUG = re.compile(r"[^a-z0-9.+]+")


def slug(name: str) -> str:
    """`Qwen 3.5` -> `qwen-3.5`, `Hugging Face` -> `hugging-face`: Latin names compare case-insensitively."""
    return _SLUG.sub("-", name.lower()).strip("-")


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    """Traditional -> simplified for single characters (OpenCC's table), for texts where a phrase
    conversion would change the length."""
    from importlib import resources

    table: dict[int, str] = {}
    text = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(first) == 1:
            table[ord(key)] = first
    return table


def to_simplified(text: str) -> str:
    """The simplified form of `text`, character for character (OpenCC's t2s character table), so offsets
    found in it hold in `text`. Names need no phrase conversion, and one table lookup per character is
    ten times cheaper than OpenCC's phrase matching."""
    return text.translate(_char_table())


def canonical_id(kind: str, simplified: str) -> str:
    """The id of a name no list holds: its kind and simplified form (the same in either script)."""
    return f"{kind}:{simplified}"


@lru_cache(maxsize=4096)
def romanise(name: str) -> str:
    """A Chinese personal name in pinyin, surname first (`周浩` -> `Zhou Hao`), as English news writes it."""
    from pypinyin import Style, lazy_pinyin

    from qwen_reader.core.entities.cedict_names import cedict_names

    syllables = lazy_pinyin(name, style=Style.NORMAL, errors="ignore")
    if len(syllables) != len(name) or not syllables:
        return ""
    surname_len = 2 if len(name) >= 3 and name[:2] in cedict_names().surnames else 1
    surname = "".join(syllables[:surname_len]).capitalize()
    given = "".join(syllables[surname_len:])
    return f"{surname} {given.capitalize()}" if given else surname
