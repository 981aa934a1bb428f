"""Names in a list separated by 、 that is a list of organisations: the names nothing else read there are
organisations too (相信音乐、滚石音乐、BMG、SM、寰亚唱片等公司)."""

from __future__ import annotations

import re

from qwen_reader.core.entities.gazetteer import Gazetteer
from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Source, overlaid, taken

# A list item that may be a company's name: no clause break, no function word, two to ten characters.
_LIST_ITEM = r"[^、，。；：！？\s（）()“”「」《》的了是在和与及或等]{2,10}"
# Items separated by 、 (the inner ones have both edges fixed by the separators).
_LIST_RUN = re.compile(rf"(?:{_LIST_ITEM}、){{2,}}{_LIST_ITEM}")
# A list closed by the word for what its items are (…、寰亚唱片等公司).
_OF_COMPANIES = re.compile(r"[^、，。；]{0,10}?等(?:[\u4e00-\u9fff]{0,4}?)(?:公司|企业|品牌|机构|集团|厂商|银行|券商|"
                           r"基金|开发商|房企|车企|药企|唱片公司|平台|商)")


def org_lists(text: str, chosen: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """In a list separated by 、 that its last words call companies (等公司), or where the organisations found
    are twice as many as the names nothing was found for and the other names together, the names nothing was
    found for are organisations too (相信音乐、滚石音乐、BMG、SM、寰亚唱片等公司); the tagger's people there
    too where three organisations or more stand in it. Only the items whose both edges the separators fix are
    added (the first and the last item's outer edge is a guess)."""
    if text.count("、") < 2 or not any(c.kind == EntityKind.ORG for c in chosen):
        return chosen
    cover: list[Candidate | None] = [None] * len(text)  # the chosen mentions do not overlap
    for c in chosen:
        cover[c.start:c.end] = [c] * (c.end - c.start)
    added: list[Candidate] = []
    for run in _LIST_RUN.finditer(text):
        if any(text[m.end() - 1] in "党帮派" for m in re.finditer(r"[^、]+", run.group())):
            continue  # 标题党、喇叭党、午夜党: nicknames of crowds, not parties or companies
        spans, at = [], run.start()
        for item in run.group().split("、"):
            spans.append((at, at + len(item)))
            at += len(item) + 1
        kinds: list[str | None] = []
        for k, (s, e) in enumerate(spans):
            inside = {id(c): c for c in cover[s:e] if c is not None}
            one = next(iter(inside.values())) if len(inside) == 1 else None
            whole = one is not None and (one.start == s or k == 0) and (one.end == e or k == len(spans) - 1)
            # The tagger's people are no evidence either way here (it reads many a company as a man).
            guess = whole and one.kind == EntityKind.PERSON and one.source in (Source.LAC, Source.TAGGER)
            kinds.append(None if guess or not inside else one.kind if whole else "mixed")
        orgs = kinds.count(EntityKind.ORG)
        unread = kinds[1:-1].count(None)
        others = sum(1 for k in kinds if k not in (EntityKind.ORG, None, "mixed"))
        closed = _OF_COMPANIES.match(text, run.end()) is not None
        if orgs < 2 or (not closed and orgs < 2 * (unread + others)) or (closed and orgs < 2 * others):
            continue
        for k in range(1, len(spans) - 1):
            s, e = spans[k]
            if kinds[k] is not None or text[s:e] in common:
                continue
            if any(cover[s:e]) and orgs < 3:
                continue  # the tagger's person is a company only in a longer list of them
            added.append(Candidate(s, e, EntityKind.ORG, f"org:{text[s:e]}", None, Source.RULES))
    return overlaid(chosen, added) if added else chosen


# A government unit's last character (住建委, 工商局, 金融办, 发改委, 教育厅, 海关总署).
_UNIT_HEAD = re.compile(r"[局委办厅署]$")
# Units listed together (住建委、工商局、金融办等): 2-5 characters each, joined by 、 or a joining word.
_UNIT_RUN = re.compile(r"[\u4e00-\u9fff]{2,6}(?:(?:、|和|及|与|以及)[\u4e00-\u9fff]{2,5})+")


def units_beside_units(text: str, chosen: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """The units listed beside a unit found are units too (市住建委、工商局、金融办), though 工商局 alone is an
    everyday word. (Whether 市 in 市住建委 is part of the name the annotators disagreed: it is left as read.)"""
    units = {(c.start, c.end) for c in chosen
             if c.kind == EntityKind.ORG and _UNIT_HEAD.search(text, c.start, c.end)}
    if not units:
        return chosen
    used = taken(len(text), chosen)
    added: list[Candidate] = []
    for run in _UNIT_RUN.finditer(text):
        items = [(run.start() + m.start(), run.start() + m.end())
                 for m in re.finditer(r"[^、和及与等]+", run.group().split("等")[0])]
        if not any((s, e) in units or any(u[0] >= s and u[1] == e for u in units) for s, e in items):
            continue
        for s, e in items[1:]:
            ends_item = e == len(text) or not ("\u4e00" <= text[e] <= "\u9fff") or text[e] in "、和及与等的"
            if 2 <= e - s <= 5 and ends_item and _UNIT_HEAD.search(text, s, e) and not any(used[s:e]) \
                    and text[s] != "各" and text[e - 2:e] not in common:  # 各学校承办: a verb ends no unit's name
                added.append(Candidate(s, e, EntityKind.ORG, f"org:{text[s:e]}", None, Source.RULES))
    return overlaid(chosen, added) if added else chosen


# What joins two items of a list of names (宝马、奔驰, 蔚来和小鹏, 理想与问界).
_JOIN = r"(?:、|和|与|及|以及|跟|/)"
# The statistical sources' reading of a word yields to a listed company's.
_YIELDING = (Source.TAGGER, Source.LAC, Source.CEDICT, Source.CONSISTENCY)


def companies_listed_beside(text: str, chosen: list[Candidate], names: Gazetteer) -> list[Candidate]:
    """Companies whose names are everyday words too (`names`: 奔驰, 大众, 理想), found where a list names them
    right beside another organisation or another such name (宝马、奔驰、奥迪; 理想、问界之后; 平安、光大、民生).
    Alone, the word stays a word (大众的需求, 理想的结果)."""
    if not re.search(_JOIN, text):
        return chosen
    found = [(s, e) for s, e, _ in names.matches(text)]
    if not found:
        return chosen
    orgs = {(c.start, c.end) for c in chosen if c.kind == EntityKind.ORG
            and not _NO_COMPANY.search(text, c.start, c.end)}  # 世卫组织和大众: a body, no company, vouches for none
    blocking = [c for c in chosen if c.source not in _YIELDING]
    free = [(s, e) for s, e in found if not any(c.start < e and s < c.end for c in blocking)]
    whole = {f for f in free if _item_edges(text, *f, set())}  # items on their own, joined to nothing yet
    accepted: set[tuple[int, int]] = set()
    changed = True
    while changed:
        changed = False
        for s, e in free:
            if (s, e) in accepted:
                continue
            # 理想、问界之后…新势力: two such names vouch for each other only in a clause about their trade
            trade = _TRADE.search(_clause(text, s)) is not None
            beside = orgs | accepted | ((whole - {(s, e)}) if trade else set())
            if any(re.fullmatch(_JOIN, text[be:s]) for _, be in beside if be <= s) \
                    or any(re.fullmatch(_JOIN, text[e:bs]) for bs, _ in beside if bs >= e):
                if (s, e) in orgs or not _item_edges(text, s, e, beside):
                    continue
                accepted.add((s, e))
                changed = True
    if not accepted:
        return chosen
    added = [Candidate(s, e, EntityKind.ORG, entry.id, entry.english, Source.LIST)
             for s, e in sorted(accepted) if (entry := names.get(text[s:e])) is not None]
    return overlaid(chosen, added)


# The end of a body that is no company (组织, 政府, 部, 大学): none vouches for a company's name beside it.
_NO_COMPANY = re.compile(r"(?:组织|政府|部|局|署|委|会|院|党|军|国|大学|学院|医院|学校)$")
# Words of the trades these companies are in, which make a list of their names one of companies.
_TRADE = re.compile(r"车|品牌|销量|交付|新势力|银行|股价|市值|上市|财报|营收|业绩|手机|家电|保险|券商")
_CLAUSE_END = re.compile(r"[。！？；\n]")


def _clause(text: str, at: int) -> str:
    """The sentence around a position."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    end = m.start() if (m := _CLAUSE_END.search(text, at)) else len(text)
    return text[start:end]


# What may stand outside a whole item: punctuation, a function word, a word that opens or closes a list
# (继理想、问界之后, 平安、光大、民生三家).
_LEFT_EDGE = re.compile(rf"[，。、；：！？“”「」（）()\s{FUNCTION_CHARS}继如像比较对由据]$")
_RIGHT_EDGE = re.compile(rf"[，。、；：！？“”「」（）()\s{FUNCTION_CHARS}之]|[两三四五六七八九十几]家")


def _item_edges(text: str, start: int, end: int, beside: set[tuple[int, int]]) -> bool:
    """Whether the name is a whole item: each edge is a join to another item, punctuation or the text's edge."""
    def edge(at: int, left: bool) -> bool:
        if at in (0, len(text)):
            return True
        near = text[max(0, at - 2):at] if left else text[at:at + 2]
        joined = any(re.fullmatch(_JOIN, text[be:at]) for _, be in beside if be <= at) if left \
            else any(re.fullmatch(_JOIN, text[at:bs]) for bs, _ in beside if bs >= at)
        return joined or bool(_LEFT_EDGE.search(near) if left else _RIGHT_EDGE.match(near))
    return edge(start, True) and edge(end, False)
