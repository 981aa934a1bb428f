"""Product lines whose Chinese name is also an everyday word or a maker's name (麒麟, 含光, 龙芯): a product
only where a model number follows (麒麟990 5G, 含光800, 鲲鹏920), or a chip noun (麒麟芯片 names the line 麒麟).
The lines are in assets/entities_lines.tsv."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qwen_reader.core.entities.gazetteer import parse_list
from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.model import Candidate, Entry, Source
from qwen_reader.core.store.paths import bundled_asset

LINES = "entities_lines.tsv"
# A model number and its tail: 990 5G, 800, 9000S, 8 Gen 3, 8 至尊版, 3A6000, A13 仿生 (Bionic) is Apple's.
_NUMBER = re.compile(r"(?:[A-Z]{0,2}\d{1,5}[A-Za-z]{0,2}\+?)"
                     r"(?:\s?(?:Pro|Max|Ultra|Plus|Lite|SE|Gen\s?\d+|5G|至尊版|旗舰版|标准版|青春版|尊享版))*"
                     r"(?![A-Za-z0-9.%])")
# What after the number makes it a quantity, not a model (麒麟3个, 星火2号, 征程5年).
_QUANTITY = re.compile(r"[日月年号亿万千百元个家款台部名岁位人倍纳奈季度代寸吋英%国城省市条项点级次届期]|nm")
# A chip noun after the bare line: the line itself is named (麒麟芯片, 骁龙处理器).
_CHIP_NOUN = re.compile(r"芯片|处理器|系列芯片|SoC|晶片")


@lru_cache(maxsize=1)
def lines() -> dict[str, Entry]:
    try:
        text = bundled_asset(LINES).read_text(encoding="utf-8")
    except OSError:
        return {}
    return dict(parse_list(text))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str] | None:
    names = sorted(lines(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


def numbered(text: str) -> Iterator[Candidate]:
    """A line with its model number (one product: 麒麟990 5G), or a line before a chip noun (麒麟 in 麒麟芯片)."""
    pattern = _pattern()
    if pattern is None:
        return
    for m in pattern.finditer(text):
        entry = lines()[m.group()]
        number = _NUMBER.match(text, m.end())
        if number and not _QUANTITY.match(text, number.end()) and not re.match(r"\d", text[number.end():]):
            name = text[m.start():number.end()]
            yield Candidate(m.start(), number.end(), entry.kind, f"product:{slug(name)}", None, Source.RULES)
        elif _CHIP_NOUN.match(text, m.end()):
            yield Candidate(m.start(), m.end(), entry.kind, entry.id, entry.english, Source.RULES)
