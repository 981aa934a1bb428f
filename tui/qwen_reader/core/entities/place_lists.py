"""Places read through the list they stand in: in 汕头、贵阳、海口、合肥 or 东城、西城、朝阳、海淀, an item no source
took is a place when the dictionary knows it, with its unit, as one (海口市, 朝阳区) and most of its neighbours
are places already. Alone, 海口 ("estuary") and 朝阳 ("morning sun") are everyday words."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Source, is_han, overlaid, taken

# A run of short items joined by 、 (the last may close with 等, 和 or 及 and one more item).
_RUN = re.compile(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){2,}(?:(?:和|及|以及)[\u4e00-\u9fff]{2,6})?")
_UNITS = ("市", "区", "县", "省")
# Words after a list that call its items places (等城市, 三个区, 等7个区).
_PLACE_CLOSE = re.compile(r"(?:等|这|这些|那些)?(?:[几两一二三四五六七八九十\d]+个)?"
                          r"(?:城市|地区|区县|市县|国家|省份|省市|区|市|县|省)")
_COUNT = r"(?=等|[几两一二三四五六七八九十\d]+个)"
# Words after a list that call its items companies (等车企, 等汽车品牌; not 等城市的企业, where places are meant).
_BODIES_CLOSE = re.compile(r"等?(?:(?!的)[\u4e00-\u9fff]){0,2}?(?:车企|企业|公司|品牌|厂商|集团|银行|机构|媒体)")
# At least this share of a list's items must be places already.
_PLACE_SHARE = 0.5


def listed_places(text: str, chosen: list[Candidate], is_place: Callable[[str], bool]) -> list[Candidate]:
    """`is_place(name)`: whether the dictionary names a place so (its name with a unit)."""
    added: list[Candidate] = []
    starts = {c.start: c for c in chosen}
    ends = {c.end: c for c in chosen}
    used = taken(len(text), chosen)  # no scan of the mentions per item
    for run in _RUN.finditer(text):
        items = _items(run, starts, ends, is_place)
        places = sum(1 for s, e in items if (c := starts.get(s)) is not None and c.end == e
                     and c.kind == EntityKind.PLACE)
        tail = text[items[-1][1]:items[-1][1] + 8] if items else ""
        called = places >= 1 and _PLACE_CLOSE.match(tail) is not None
        if _BODIES_CLOSE.match(tail) or (not called and (places < 2 or places < _PLACE_SHARE * len(items))):
            continue  # 湖北、湖南、长安、东风等车企: the list's last words call its items companies
        for s, e in items:
            name = text[s:e]
            if any(used[s:e]):
                continue
            if 2 <= len(name) <= 4 and _known(name, is_place):
                added.append(Candidate(s, e, EntityKind.PLACE, f"place:{name}", None, Source.RULES))
    return overlaid(chosen, added) if added else chosen


def _items(run: re.Match[str], starts: dict[int, Candidate], ends: dict[int, Candidate],
           is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The items of a run. The first and the last may carry words before or after them (抽查了东城, 大连等国内):
    they count where a mention the sources found ends or starts there, or (the last) where 等 closes it."""
    out: list[tuple[int, int]] = []
    pos = run.start()
    for part in re.split(r"(、|以及|和|及)", run.group()):
        if part and part not in ("、", "以及", "和", "及"):
            out.append((pos, pos + len(part)))
        pos += len(part)
    first, last = out[0], out[-1]
    found = ends.get(first[1])
    middle = out[1:-1]
    if found is not None and found.start >= first[0]:
        head = [(found.start, first[1])]
    else:  # the longest known name the first item ends with (走访了 + 西城)
        head = [(s, first[1]) for s in range(max(first[0], first[1] - 4), first[1] - 1)
                if _known(run.string[s:first[1]], is_place)][:1]
    found = starts.get(last[0])
    closed = re.match(r"[\u4e00-\u9fff]{2,4}?" + _COUNT, run.string[last[0]:last[1] + 4])
    if found is not None and found.end <= last[1]:
        tail = [(last[0], found.end)]
    else:
        tail = [(last[0], last[0] + len(closed.group()))] if closed else []
    return head + middle + tail


def _known(name: str, is_place: Callable[[str], bool]) -> bool:
    return is_place(name) or any(is_place(name + u) for u in _UNITS)


# A route's stops joined by dashes before the word for a section or a line (曼谷—呵叻段, 廊开—呵叻线): each stop is
# a place, whatever a tagger read (呵叻 as a man's name). The chain is found greedily (no backtracking on long
# runs of dashes), then read part by part for the route's word.
_CHAIN = re.compile(r"[\u4e00-\u9fff]+(?:(?:—{1,2}|－|-|–)[\u4e00-\u9fff]+)+")
_LAST_STOP = re.compile(r"([\u4e00-\u9fff]{1,4}?)(?:段|线|铁路|高铁|航线|公路|高速)")
# A stop holds no function word (洛尔-邓这些外 + 线) and is no time of day (早高峰—晚高峰时 + 段).
_NOT_IN_STOP = re.compile(rf"[{FUNCTION_CHARS}]|时$|高峰")


def route_stops(text: str, chosen: list[Candidate], tokens: Sequence[tuple[str, int, int]],
                common: frozenset[str]) -> list[Candidate]:
    """`tokens`: the segmentation's words (where the first stop begins); `common`: everyday words."""
    word_ending = {e: s for _, s, e in tokens}
    by_span = {(c.start, c.end): c for c in chosen}
    found: list[Candidate] = []
    for stops in _routes(text):
        first_start, first_end = stops[0]
        held = next((c for c in chosen if c.end == first_end and c.start >= first_start), None)
        if held is not None:
            start = held.start
        elif first_start == 0 or not is_han(text[first_start - 1]):
            start = first_start  # 、 + 玛塔卜: the whole part after a list's mark
        else:
            start = word_ending.get(first_end, first_start)
        stops[0] = (max(start, first_start), first_end)  # 分为 + 曼谷: the stop is the name the dash follows
        if any(e - s > 4 or e - s < 2 or _NOT_IN_STOP.search(text, s, e) or text[s:e] in common
               for s, e in stops):
            continue
        if any((c := by_span.get(stop)) is not None and c.kind == EntityKind.ORG for stop in stops):
            continue  # 东航—达美航线, 中国—东盟航线: a route between companies or blocs, not stops
        if text.startswith("线", stops[-1][1]) and not any(
                (c := by_span.get(stop)) is not None and c.kind == EntityKind.PLACE for stop in stops):
            continue  # 线 alone is often another word's end (外线, 防线): a known stop must say it is a route
        for s, e in stops:
            if (c := by_span.get((s, e))) is None or c.kind != EntityKind.PLACE:
                found.append(Candidate(s, e, EntityKind.PLACE, f"place:{text[s:e]}", None, Source.RULES))
    return overlaid(chosen, found) if found else chosen


def _routes(text: str) -> list[list[tuple[int, int]]]:
    """The stops of each route in the text's dash-joined chains; a part may end one route and begin the next
    (罗勇段和呵叻 in 玛塔卜—罗勇段和呵叻—廊开段)."""
    routes: list[list[tuple[int, int]]] = []
    for chain in _CHAIN.finditer(text):
        parts = [(chain.start() + m.start(), chain.start() + m.end())
                 for m in re.finditer(r"[\u4e00-\u9fff]+", chain.group())]
        stops = [parts[0]]
        for s, e in parts[1:]:
            end = _LAST_STOP.match(text, s, e)
            if end is None:
                stops.append((s, e))
                continue
            routes.append([*stops, end.span(1)])
            # What follows the route's word may begin the next route (和 + 呵叻): its last word is the stop.
            rest = re.search(r"[\u4e00-\u9fff]{1,4}$", text[end.end():e]) if end.end() < e else None
            stops = [(end.end() + rest.start(), e)] if rest else []
        # A chain that does not end in a route's word names no route (早高峰—晚高峰 alone).
    return [r for r in routes if len(r) >= 2]
