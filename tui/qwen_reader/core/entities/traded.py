"""Listed companies whose short names read as phrases too (青海春天 "Qinghai's spring", 沧州明珠 "the pearl of
Cangzhou"): a company where the words right around the name are about its shares (青海春天复牌, 持有沧州明珠,
沧州明珠（002108）). The document's consistency then finds the company's other mentions."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from qwen_reader.core.entities.gazetteer import traded_names
from qwen_reader.core.entities.model import Candidate, EntityKind, Source, overlaid

# Words about a company's shares right after its name, or right before it.
# (Not 营收 or 大涨: 西安旅游营收, 黄山旅游大涨 are about a city's tourism as often.)
SHARE_WORDS = (r"股价|股票|公告|复牌|停牌|涨停|跌停|市值|股东|大股东|控股股东|年报|半年报|季报|一季报|三季报|董事会|"
               r"董事长|总经理|股吧")
_SHARES_AFTER = re.compile(rf"\s?(?:{SHARE_WORDS}|股份(?!制)|[（(]\d{{6}}[)）])")
_SHARES_BEFORE = re.compile(r"(?:持有|持仓|增持|减持|买入|卖出|重仓|举牌|个股|龙头股|概念股[：:]?|看点[：:]\s?)$")


def traded(text: str) -> Iterator[Candidate]:
    names = traded_names()
    for m in _pattern().finditer(text):
        start, end = m.span()
        if _SHARES_AFTER.match(text, end) or _SHARES_BEFORE.search(text, max(0, start - 6), start):
            yield Candidate(start, end, EntityKind.ORG, names[m.group()], None, Source.RULES)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """Every name in one pattern, longest first (one scan of the text, not one per name)."""
    return re.compile("|".join(re.escape(n) for n in sorted(traded_names(), key=len, reverse=True)) or "(?!)")


def at_every_mention(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """A traded name the document has read as a company is that company at each of its occurrences, whatever
    was read inside it (青海 + 春天发布公告 after 青海春天复牌), in place."""
    names = traded_names()
    found = {text[c.start:c.end]: c for cs, text in zip(chosen, texts, strict=True) for c in cs
             if c.kind == EntityKind.ORG and text[c.start:c.end] in names}
    if not found:
        return
    for i, text in enumerate(texts):
        added = [Candidate(m.start(), m.end(), EntityKind.ORG, found[m.group()].id, None, Source.CONSISTENCY)
                 for m in _pattern().finditer(text) if m.group() in found]
        # Only what was read inside the name gives way (青海 in 青海春天), not a longer name (全国电子 holds 全国电).
        added = [a for a in added if not any(
            c.start < a.end and a.start < c.end and (c.start < a.start or c.end > a.end or c.kind == a.kind)
            for c in chosen[i])]
        if added:
            chosen[i][:] = overlaid(chosen[i], added)
