"""One identity across scripts and aliases: text is tagged through its simplified form (offsets kept), and
every name gets a canonical id and, where one is known, an English name."""

from __future__ import annotations

import re
from functools import lru_cache

from qwen_reader.core.entities.model import Candidate, EntityKind

_SLUG = re.compile(r"[^a-z0-9.+\u3400-\u9fff]+")


def slug(name: str) -> str:
    """`Qwen 3.5` -> `qwen-3.5`, `Hugging Face` -> `hugging-face`: Latin names compare case-insensitively.
    Chinese characters stay (长盛同德基金, 小米15-ultra): without them two names would share one id."""
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


@lru_cache(maxsize=2)
def _unambiguous(table_name: str) -> dict[int, str]:
    """Characters OpenCC converts one way only (吴 -> 吳); a character with several readings in the other
    script (郁 -> 鬱 or 郁) is left as written."""
    from qwen_reader.core.text.script import _read_table

    return {ord(k): v[0] for k, v in _read_table(table_name).items() if len(k) == 1 and len(v) == 1
            and len(v[0]) == 1}


def person_in_script(name: str, config: str) -> str:
    """How a person's name is written after the conversion `config`: the curated list's own form in that
    script where it holds one (林俊旸 is written 林俊旸 in Taiwan too; 吳泳銘 is 吴泳铭's), otherwise each
    character converted only where OpenCC has one answer (郁博文 stays 郁博文)."""
    from qwen_reader.core.entities.gazetteer import tech_list
    from qwen_reader.core.text.model import Script
    from qwen_reader.core.text.script import CONVERSIONS, script_counts

    target = CONVERSIONS[config][1]
    entry = tech_list().get(name) or tech_list().get(to_simplified(name))
    if entry is not None:
        key = to_simplified(name)
        forms = [a for a, e in tech_list().names.items() if e.id == entry.id and to_simplified(a) == key]
        for form in forms:
            simplified_only, traditional_only = script_counts(form)
            if (target is Script.TRADITIONAL and traditional_only) or (target is Script.SIMPLIFIED
                                                                       and simplified_only):
                return form
        return name
    table = "STCharacters.txt" if target is Script.TRADITIONAL else "TSCharacters.txt"
    return name.translate(_unambiguous(table))


def english_name(c: Candidate, simplified_surface: str) -> str | None:
    """The list's English name, or a Chinese person's name in pinyin (none for a transliterated foreign name)."""
    if c.english:
        return c.english
    if c.kind == EntityKind.PERSON and "·" not in simplified_surface:
        return romanise(simplified_surface) or None
    return None
