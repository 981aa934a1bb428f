"""Where a list's or the dictionary's name stands as a name in a paragraph: on the segmentation's word
boundaries, before a suffix or a head that ends a name, or in a place's context."""

from __future__ import annotations

import re

from qwen_reader.core.entities import places, rules
from qwen_reader.core.entities.cedict_names import cedict_names
from qwen_reader.core.entities.model import EntityKind, Entry, is_han

# A joined word ending in a facility keeps its place (广州白云机场 is not 广州 + 白云机场).
_FACILITY_END = re.compile(r"(?:机场|母港|港口|码头|站|大桥|口岸|隧道)$")
# Generic heads a place name is written against (中东地区, 美国市场): the place ends before them.
_GENERIC_HEAD = re.compile(r"地区|国家|市场|一带|境内|境外|本土|企业|政府|方面|当局|各地|全境|沿海|[东南西北中]部|"
                           r"流域|中下游|沿岸|沿线")


def bounds(tokens: list[tuple[str, int, int]], places: frozenset[str] = frozenset()) -> set[int]:
    """Where the segmentation's words start and end; a word that is two known places written together
    (北京天安门广场, 北京人民大会堂) ends and starts between them."""
    out = {0}
    for word, start, end in tokens:
        out.add(start)
        out.add(end)
        if end - start >= 4 and word not in places:
            out.update(start + k for k in range(2, end - start - 1) if word[:k] in places and word[k:] in places
                       and not _FACILITY_END.search(word))  # 广州白云机场: the city is part of a facility's name
    return out


def ends_well(text: str, end: int, bounds: set[int]) -> bool:
    return end in bounds or bool(rules.org_suffix_after(text, end) or rules.facility_after(text, end)
                                 or rules.place_org_suffix_after(text, end) or _GENERIC_HEAD.match(text, end)
                                 or _OFFICE_AFTER.match(text, end) or places.estate_after(text, end))


# An office after a body (运输及房屋局 + 局长, which jieba cuts 房屋 + 局局长).
_OFFICE_AFTER = re.compile(r"[局部署处厅院会司]长|主席|主任|发言人")


def tech_match(surface: str, start: int, inside_words: set[int]) -> bool:
    """A two-character name of the tech list does not cut an everyday word on its left (长和 in 延长和, 增长和;
    谷歌 in jieba's 从谷歌 is not one). `inside_words`: positions inside the paragraph's everyday words."""
    return len(surface) != 2 or not is_han(surface) or start not in inside_words


def region_match(text: str, start: int, end: int, entry: Entry, bounds: set[int]) -> bool:
    """A name of the broad lists, where it stands as a name: on the segmentation's boundaries (or before a
    suffix), or in a place context (往上水, where the segmentation reads 往上 + 水). A place that is also an
    everyday word (上水, 火炭) needs the context."""
    surface = text[start:end]
    if surface.isascii():
        return True  # Latin names match whole words only (gazetteer.matches)
    if entry.kind == EntityKind.PLACE:
        context = places.place_context(text, start, end) or places.place_head_after(text, end) or bool(
            rules.facility_after(text, end)) or places.road_after(text, end)
        if surface in cedict_names().common:
            return context
        return context or (start in bounds and ends_well(text, end, bounds))
    return start in bounds and ends_well(text, end, bounds)
