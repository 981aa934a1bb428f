"""Named investment funds, which the annotation guidelines make products: a fund company's name, the fund's
own words, then 基金 (长盛动态精选基金, 鹏华沪深300指数基金); a registered fund name (品牌蓝筹灵活配置证券投资基金);
and, once a document names a company's funds so, the same company's funds written without 基金 in a list
(长盛同智、长盛创新先锋). The company alone, or with 基金 right after it (长盛基金), stays an organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.known import known_names
from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Source, overlaid
from qwen_reader.core.store.paths import bundled_asset

# The fund's own words: no function word, no count (9只开放式基金), no owner word (旗下).
_BODY = r"[\u4e00-\u9fffA-Za-z0-9]"
_NOT_IN_BODY = re.compile(rf"[{FUNCTION_CHARS}只家位名]|"
                          r"旗下|申购|赎回|购买|买入|卖出|持有|通过|参与|网银|代销|^(?:管理|公司|经理|业|份额)")
_AFTER_COMPANY = re.compile(rf"({_BODY}{{2,10}}?)基金(?![会公管经业份])")
# A registered name: 证券投资基金 after a phrase boundary.
_REGISTERED = re.compile(r"(?:(?<=[，。、；：:“”「」（）()\s])|(?<=的)|(?<=^))([\u4e00-\u9fff]{2,14}?)证券投资基金")
# Words funds are named with (public naming practice: strategy, style, asset, index); a body with none of them
# needs its company named as a fund company in the document (长盛基金 … 长盛同德基金).
_FUND_WORDS = re.compile(r"精选|成长|价值|收益|债|指数|增长|优选|稳健|配置|先锋|领先|策略|蓝筹|红利|平衡|回报|主题|"
                         r"优质|景气|创新|动力|行业|消费|股票|混合|货币|灵活|增利|丰利|强化|积极|优势|核心|双利|周期|"
                         r"ETF|LOF|QDII|\d")
# A listed fund ends at a list delimiter.
_LISTED = re.compile(rf"({_BODY}{{2,6}}?)(?=[、，,)）。；])")
_ITEM_REST = re.compile(rf"{_BODY}{{0,4}}?(?=[、，,)）。；]|基金)")


# A name that ends as a paper, a site or a company's does is no fund (东方今报 after the fund company 东方).
_OTHER_BODY = re.compile(r"(?:报|网|社|台|公司|集团|银行|证券|保险)$")


def _product(text: str, start: int, end: int) -> Candidate:
    while start < end and not text[start].isalnum():
        start += 1  # a span the tagger began with spaces
    name = text[start:end]
    stem = name[:-2] if name.endswith("基金") and len(name) > 4 else name  # 长盛同德基金 and 长盛同德: one fund
    return Candidate(start, end, EntityKind.PRODUCT, f"product:{slug(stem)}", None, Source.RULES)


# A list of names (A、B、C). Two items or more named with fund words make the list one of funds, in a paragraph
# about funds (荷银市值优选、银华富裕、博时精选: every item is a fund, 银华富裕 too).
_ENUMERATION = re.compile(rf"{_BODY}{{3,8}}(?:、{_BODY}{{3,8}}){{2,}}")
_ITEM_START = re.compile(r"[的是为有和与及、：:（(“]")
# An item that is a fund type (股票型), a count, or a fund with what it did (宝盈鸿利收益领跑).
_NOT_AN_ITEM = re.compile(r"型$|[涨跌户月]|领跑|居首|垫底|产品|类")


def _listed_funds(text: str) -> list[Candidate]:
    if "基金" not in text:
        return []
    out: list[Candidate] = []
    for m in _ENUMERATION.finditer(text):
        items: list[tuple[int, int]] = []
        start = m.start()
        for part in m.group().split("、"):
            items.append((start, start + len(part)))
            start += len(part) + 1
        first_start, first_end = items[0]
        lead = max((k.end() for k in _ITEM_START.finditer(text, first_start, first_end)), default=first_start)
        items[0] = (lead, first_end)  # 前五位的基金是富国天鼎: the list starts after the verb
        named = sum(1 for s, e in items if _FUND_WORDS.search(text, s, e) and not text[s].isdigit())
        if named >= 2:
            out.extend(_product(text, s, e) for s, e in items
                       if 3 <= e - s <= 8 and not _NOT_IN_BODY.search(text[s:e]) and "基金" not in text[s:e]
                       and "\u4e00" <= text[s] <= "\u9fff" and not _NOT_AN_ITEM.search(text, s, e))
    return out


@lru_cache(maxsize=1)
def known_companies() -> frozenset[str]:
    """Short names of the fund management companies (assets/fund_companies.txt)."""
    try:
        text = bundled_asset("fund_companies.txt").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


# A known company's fund written without 基金: at most two characters, a fund word, a series number or a class
# letter, then a boundary (华夏优势增长、, 中邮核心优选的, 建信恒久价值基金, 南方稳健2号基金, 华夏希望债券A).
_AFTER_KNOWN = re.compile(rf"{_BODY}{{0,2}}?(?:{_FUND_WORDS.pattern})(?:券|型)?(?:[0-9一二三]号|[A-C])?"
                          r"(?=[、，,。；;：:）)」”\s]|基金|等|和|与|及|的|分别|$|"
                          # what a report says of a fund right after its name
                          r"持有|持仓|重仓|增持|减持|买入|卖出|今年|上涨|下跌|涨幅|跌幅|表现|净值|收益|业绩|排名|位列|"
                          r"位居|规模|份额|"
                          r"成立|发行|获得|以|在|则|也|还|将|已|对|为|是|均|都)")


_WITH_FUND = re.compile(r"基金(?![会公管经业份])")


def _known_company_funds(text: str) -> list[Candidate]:
    """Funds named by a known fund company and the fund's own words, in a text about funds."""
    out: list[Candidate] = []
    for company in known_companies():
        at = text.find(company)
        while at >= 0:
            m = _AFTER_KNOWN.match(text, at + len(company))
            if m and not _NOT_IN_BODY.search(m.group()) and not _OTHER_BODY.search(m.group()):
                # 基金 after the name is part of it, unless it starts a role or a body (基金经理, 基金公司)
                whole = _WITH_FUND.match(text, m.end())
                out.append(_product(text, at, whole.end() if whole else m.end()))
            at = text.find(company, at + 1)
    return [c for c in out if not any(o is not c and o.start <= c.start and c.end <= o.end for o in out)]


# A fund company by its name: a known company's short name and 基金 (融通基金, 南方基金管理有限公司), not a role
# (南方基金经理) nor the start of a fund's own words.
_COMPANY_NAME = re.compile(r"基金(?:管理有限公司|管理公司)?(?!经理|经纪|会(?!同)|业(?!绩)|份额|[A-Za-z0-9])")


def _fund_company_names(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Known fund companies named with 基金 that no list's or rule's mention holds or cuts (what the statistical
    sources read there gives way: 南方 as a place, 人工银瑞信 across the name)."""
    out: list[Candidate] = []
    for company in known_companies():
        at = text.find(company + "基金")
        while at >= 0:
            m = _COMPANY_NAME.match(text, at + len(company))
            if m and not (at and text[at - 1].isascii() and text[at - 1].isalnum()) and not _joined_left(text, at):
                end = m.end()
                if not any(c.start < end and at < c.end and not (at <= c.start and c.end <= end)
                           and c.source in (Source.LIST, Source.RULES) for c in candidates):
                    out.append(Candidate(at, end, EntityKind.ORG, f"org:{slug(text[at:end])}", None, Source.RULES))
            at = text.find(company + "基金", at + 1)
    return [c for c in out if not any(o is not c and o.start <= c.start and c.end <= o.end for o in out)]


# A count before the name (上万家基金管理人: 万家 is no company there).
_COUNT_BEFORE = re.compile(r"[上数几近逾超一二两三四五六七八九十百千万]$")


def _joined_left(text: str, at: int) -> bool:
    """Whether the company's name starts inside a word on its left: a count (上万家), or a name the lists or
    the dictionary know that the character before makes with the name's first (海南 in 海南方基金)."""
    if not at or not "\u4e00" <= text[at - 1] <= "\u9fff":
        return False
    pair = text[at - 1:at + 1]
    return (_COUNT_BEFORE.search(text, 0, at) is not None and text[at] in "万千百") or pair in known_names()


def _fund_of(name: str, companies: set[str]) -> bool:
    """Whether a name is a known fund company's name followed by a fund's own words (长盛 + 同德)."""
    return any(name.startswith(co) and 0 < len(name) - len(co) <= 10 and "基金" not in name[len(co):]
               and not _NOT_IN_BODY.search(name[len(co):]) for co in companies)


def fund_names(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """Read a document's named funds (in place)."""
    companies: set[str] = set()
    # A fund company named as such (长盛基金, 华夏基金): its funds start with its name.
    named = {text[c.start:c.end - 2] for candidates, text in zip(chosen, texts, strict=True)
             for c in candidates if c.kind == EntityKind.ORG and c.end - c.start >= 4
             and text[c.start:c.end].endswith("基金")}
    fund_companies = {x for x in named if not any(x != y and x.startswith(y) for y in named)}
    about_funds = sum(text.count("基金") for text in texts) >= 2  # a report about funds, not one passing mention
    for i, (candidates, text) in enumerate(zip(chosen, texts, strict=True)):
        found: list[Candidate] = []
        for c in candidates:
            m = _AFTER_COMPANY.match(text, c.end) if c.kind == EntityKind.ORG else None
            inner = m is not None and any(o.kind == EntityKind.ORG and c.end <= o.start and o.end == m.end() - 2
                                          for o in candidates)  # 工行 … 长盛基金: the company is the inner one
            named_well = m is not None and (_FUND_WORDS.search(m.group(1)) is not None
                                            or text[c.start:c.end] in fund_companies)
            if m and named_well and not inner and not _NOT_IN_BODY.search(m.group(1)) \
                    and not text[c.start:c.end].endswith("基金"):
                found.append(_product(text, c.start, m.end()))
        for m in _REGISTERED.finditer(text):
            body = re.split(r"[的了和与及是在为将称]|旗下|发行|推出|设立", m.group(1))[-1]  # the name after the verb
            if len(body) >= 2 and not _NOT_IN_BODY.search(body):
                found.append(_product(text, m.end() - len(body) - 6, m.end()))
        found.extend(f for f in _listed_funds(text) if not any(f.start < g.end and g.start < f.end for g in found))
        if about_funds:
            found.extend(f for f in _known_company_funds(text)
                         if not any(f.start < g.end and g.start < f.end for g in found))
        outer = [f for f in found if not any(g is not f and g.start <= f.start and f.end <= g.end
                                             and (g.start, g.end) != (f.start, f.end) for g in found)]
        companies.update(text[o.start:o.end] for o in candidates if o.kind == EntityKind.ORG
                         for f in outer if o.start == f.start and o.end < f.end)
        if outer:
            chosen[i][:] = overlaid(candidates, outer)
    for i, (candidates, text) in enumerate(zip(chosen, texts, strict=True)):
        if named := _fund_company_names(text, candidates):
            chosen[i][:] = overlaid(candidates, named)
    companies.update(fund_companies)
    if not companies:
        return
    for i, (candidates, text) in enumerate(zip(chosen, texts, strict=True)):
        listed = []
        for c in candidates:
            surface = text[c.start:c.end]
            if c.kind != EntityKind.ORG:
                continue
            if surface.endswith("基金"):  # 华夏科创先锋基金 read whole as a company: the company's fund
                if surface[:-2] not in companies | known_companies() and _fund_of(surface[:-2], companies):
                    listed.append(_product(text, c.start, c.end))
            elif surface in companies:
                m = _LISTED.match(text, c.end)
                if m and not _NOT_IN_BODY.search(m.group(1)) and not m.group(1).startswith("基金"):
                    listed.append(_product(text, c.start, m.end()))
            elif not _OTHER_BODY.search(surface) and _fund_of(surface, companies):  # 长盛同德 read as one
                rest = _ITEM_REST.match(text, c.end)  # 华夏科创 + 先锋、: the item goes on to the delimiter
                end = rest.end() if rest else c.end
                listed.append(_product(text, c.start, end + 2 if text.startswith("基金", end) else end))
        if listed:
            chosen[i][:] = overlaid(candidates, listed)
