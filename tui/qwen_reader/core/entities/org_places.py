"""Where a country or region is part of an organisation's name, the whole is the organisation (the annotation
guidelines tag a place only where it stands for itself): a company's unit for a country (亚马逊中国, 微软大中华区)
and a national body's official name (法国国家铁路公司, 中国国家统计局)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Entry, overlaid

# What may follow a company's country unit: the unit acts, speaks or has officers, or the clause ends.
# (亚马逊中国市场, 华为中国业务: the country describes the market, and the place stays a place.)
_UNIT_CONTINUES = re.compile(r"$|[，。；：！？、,;:!?）)」”』\s]|的(?!市场|业务|用户|销量|销售|工厂|门店|份额)|"
                             r"表示|宣布|称|回应|回复|方面|总裁|副总裁|总经理|CEO|负责人|相关负责人|官网|官方|发言人|"
                             r"发布|推出|也|已|将|则|近日|日前|此前|公司|有限公司")
# The regions a company names its units after (微软大中华区, 苹果亚太区).
_UNIT_REGION = re.compile(r"(?:大中华|亚太|华东|华南|华北|华中|西南|东南亚|欧洲|北美|拉美|中东|全球)区")
# The heads of a national body's name (法国国家铁路公司, 国家电网公司, 国家统计局).
_BODY_HEAD = re.compile(r"(?:公司|集团|银行|局|署|院|委员会|中心|博物馆|图书馆|美术馆|电视台|广播公司|实验室|基金会|"
                        r"协会|研究所|电网|铁路|部(?!门)|委)")
# A continent after a name is more often a word cut wrongly (维吉利亚洲) than a company's unit.
_CONTINENT = re.compile(r"亚洲|欧洲|非洲|美洲|北美|南美|拉美|大洋洲|中东|东南亚")
_NAME_CHARS = re.compile(rf"[^\W\d_{FUNCTION_CHARS}A-Za-z]{{1,8}}?")


def country_units(chosen: Sequence[list[Candidate]], texts: Sequence[str], countries: frozenset[str]) -> None:
    """A company written just before a country or region it has a unit in (in place)."""
    for i, (candidates, text) in enumerate(zip(chosen, texts, strict=True)):
        found: list[Candidate] = []
        countries_at = {p.start: p for p in candidates if p.kind == EntityKind.PLACE
                        and text[p.start:p.end] in countries}  # looked up by position: no scan per company
        for c in candidates:
            if c.kind != EntityKind.ORG or not _is_company(c, text):
                continue
            end = _unit_end(text, c.end, countries_at)
            if end is not None and _UNIT_CONTINUES.match(text, end):
                found.append(Candidate(c.start, end, EntityKind.ORG, f"org:{text[c.start:end]}", None, c.source))
        if found:
            chosen[i][:] = overlaid(candidates, found)


def _is_company(c: Candidate, text: str) -> bool:
    # Not a government or a place-named body (美国政府中国 is no unit).
    return not re.search(r"(?:政府|部|局|署|委|院|会|党|国|省|市)$", text[c.start:c.end])


def _unit_end(text: str, start: int, countries_at: dict[int, Candidate]) -> int | None:
    region = _UNIT_REGION.match(text, start)
    if region is not None:
        return region.end()
    place = countries_at.get(start)
    if place is None or _CONTINENT.fullmatch(text, place.start, place.end):
        return None
    return place.end + 1 if text[place.end:place.end + 1] == "区" else place.end


def national_bodies(chosen: Sequence[list[Candidate]], texts: Sequence[str], countries: frozenset[str]) -> None:
    """A country, 国家, and a body's name up to its head: one organisation (in place)."""
    for i, (candidates, text) in enumerate(zip(chosen, texts, strict=True)):
        found: list[Candidate] = []
        for c in candidates:
            if c.kind != EntityKind.PLACE or text[c.start:c.end] not in countries \
                    or text[c.end:c.end + 2] != "国家":
                continue
            body = re.compile(rf"国家{_NAME_CHARS.pattern}{_BODY_HEAD.pattern}").match(text, c.end)
            if body is not None:
                found.append(Candidate(c.start, body.end(), EntityKind.ORG, f"org:{text[c.start:body.end()]}",
                                       None, c.source))
        if found:
            chosen[i][:] = overlaid(candidates, found)


def country_before_a_city(chosen: Sequence[list[Candidate]], texts: Sequence[str], countries: frozenset[str],
                          places: frozenset[str], lookup: Callable[[str], Entry | None]) -> None:
    """A country written before an institution named after its city (英国 + 伦敦国王学院, 美国 + 加州大学)
    describes it: the country is a place of its own (in place)."""
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            if c.kind != EntityKind.ORG:
                continue
            name = text[c.start:c.end]
            country = next((name[:n] for n in (5, 4, 3, 2) if name[:n] in countries), None)
            if country is None:
                continue
            rest = name[len(country):]
            if len(rest) >= 4 and any(rest[:n] in places for n in (2, 3, 4)) and not rest.startswith("国家"):
                cut = c.start + len(country)
                entry = lookup(country)
                place_id, english = (entry.id, entry.english) if entry else (f"place:{country}", None)
                candidates[i:i + 1] = [
                    Candidate(c.start, cut, EntityKind.PLACE, place_id, english, c.source),
                    Candidate(cut, c.end, EntityKind.ORG, f"org:{rest}", None, c.source)]
