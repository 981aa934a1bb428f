"""Companies a report introduces in the ways only companies are introduced, whatever their names mean as words
(贝壳, 地平线, 玩具反斗城): with a stock ticker or an exchange's code in brackets (贝壳（NYSE:BEKE）,
地平线（9660.HK）, 国巨（2327）), with a Latin name in brackets after a quoted name
(「玩具反斗城」（Toys"R"Us）), or right before an officer's title and that officer's name
(贝壳联合创始人彭永东), or with Taiwan's -KY (臻鼎-KY), or with an English name in brackets that says it is a body
(眼镜蛇电子公司（Cobra Electronics）, 电脑历史博物馆（Computer History Museum）). The document's consistency then finds
the company's other mentions."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Source, is_han, overlaid
from qwen_reader.core.entities.orgs import BODY_HEAD_TITLES, OFFICER_TITLES
from qwen_reader.core.entities.traded import SHARE_WORDS

_EXCHANGE = r"(?:NYSE|NASDAQ|Nasdaq|HKEX|HK|SH|SZ|TSE|TWSE|LSE|纽交所|纳斯达克|港交所|港股|美股|股票代码)"
# A ticker in brackets: an exchange and a code, or a numbered code with its market (9660.HK, 600519.SH).
# A bare number of three to six digits is a stock code too, as Taiwan's and Hong Kong's papers write one after
# each listed company (友达（2409）, 利丰（494）), but not a year (去（2016）年) nor a document's number
# (温国用(2004)字第).
_TICKER = re.compile(rf"[（(]\s?(?:{_EXCHANGE}\s?[:：]\s?[A-Z0-9]{{1,6}}(?:\.[A-Z]{{1,2}})?|\d{{4,6}}\.(?:HK|SH|SZ|TW)"
                     r"|\d{3,6})\s?[)）](?!\s?[年字号號届屆版期第的])")
# Taiwan lists companies registered abroad with -KY after their short name (臻鼎-KY, TPK-KY, 环宇-KY).
_KY = re.compile(r"(?:(?:^|(?<=[，。、；：「（(\s与和及跟]))[\u4e00-\u9fff]{2,4}|(?<![A-Za-z0-9])[A-Z]{2,6})"
                 r"-KY(?![A-Za-z])")
# A quoted name and a Latin name in brackets right after it.
_QUOTED_WITH_LATIN = re.compile(r"[「“『]([^「」“”『』，。；：！？、\s的了]{2,10})[」”』]"
                                r"\s?[（(][A-Z][^（）()]{1,40}[)）]")
_OFFICER = re.compile(rf"(?:{OFFICER_TITLES}|{BODY_HEAD_TITLES})")
_MORE_TITLES = re.compile(rf"[、兼及和]?(?:{OFFICER_TITLES}|{BODY_HEAD_TITLES})")
# Words that stand before an officer's title and are no company's name.
_GENERIC = re.compile(r"(?:公司|集团|企业|本公司|该公司|其|前|原|现任|前任|时任|副|新任|董事会|团队|首位|同时|以及|兼|"
                      r"行业|产业|(?<!实)业|界|圈|领域|部门|方面|的|老|们|位|该行)$")
_PUNCTUATION = r"[，。；：！？、「」“”（）()\s]"
_NAME_OPENS = re.compile(rf"{_PUNCTUATION}|与|和|及|跟|的")
# Numerals in a "name" before a number in brackets make it a ranking or a count (盖帽排名第三(254)).
_COUNTED = re.compile(r"[一二三四五六七八九十百千万第]")
# A quoted name with a Latin name is a company's where a word for a business stands before it (连锁店「…」);
# elsewhere a quoted term and its English (所谓“有机增长”(Organic Growth)) name a notion.
_ORG_NOUN_BEFORE = re.compile(r"(?:店|公司|集团|品牌|企业|商|行|厂|连锁|机构|银行|基金|网站|媒体|平台|业者|巨头)\s?$")
_FORMER = frozenset("原前现")
# Prepositions and pronouns open no company's name (根据李明（2019）, 他在（2020）).
_NOT_FIRST = frozenset("根据在从向对由他她它我你这那其该为被把于")
# Generic bodies before an officer's title (俱乐部总经理, 球队主席): no company's name.
_GENERIC_BODY = re.compile(r"俱乐部|球队|协会|学校|医院|银行|基金|大学|工厂|商会|联盟|门店|分行|总部|董事会|"
                           r"基金会|研究所|研究院|事务所|工作室|代表处|办事处|学生会|合作社|报社|杂志社|支行|村委会|居委会|工会")
# Words that describe the officer, not the company (资深 + 市场 + 分析师, 高级 + 研究员).
_DESCRIBES_OFFICER = re.compile(r"资深|高级|首席|知名|著名|年轻|新任|前任|现任|一位|一名|多位|多名")
# An English name in brackets whose words say it names a body, after the Chinese name.
_BODY_WORDS = (r"Electronics|Brands|Museum|Research|Holdings?|Limited|Ltd|Inc|Corp|Corporation|Company|Technologies|"
               r"Capital|Partners|Group|Bank|Foundation|Institute|University|Laboratories|Labs|Motors|Systems|"
               r"Networks|Pharmaceuticals?|Airlines|Ventures|Securities|Insurance|Association|Council|Agency|"
               r"Studios|Entertainment|Games|Robotics|Semiconductors?|Industries|Investments?|Management")
_ENGLISH_BODY = re.compile(rf"[（(]\s?((?:[A-Z][A-Za-z0-9.&'’-]*\s)+?(?:{_BODY_WORDS})\.?)\s?[)）]")
# What ends the Chinese name on its left: punctuation, a joining word, a verb of the clause.
_LEFT_END = re.compile(rf"[，。、；：！？「」“”（）()\s{FUNCTION_CHARS}如]")
# and the class nouns and verbs before a company's name (调研机构 + 高德纳咨询, 领投 + 星云机器人)
_LEFT_WORDS = frozenset({"包括", "例如", "比如", "其中", "包含", "机构", "公司", "企业", "巨头", "厂商", "集团", "品牌",
                         "领投", "收购", "投资", "旗下", "联合", "携手", "宣布", "表示"})
# What may stand before the company's name: a clause's start or punctuation.
_OPENS = re.compile(_PUNCTUATION)


def with_introduced(text: str, tokens: Sequence[tuple[str, int, int]], chosen: list[Candidate],
                    common: frozenset[str] = frozenset()) -> list[Candidate]:
    """The chosen mentions and the companies introduced here; an introduced company replaces what the
    statistical sources read inside it or across its edge (地平线 read as a place, 股王鈊 as a man) but no list's or
    rule's name."""
    # A company already found right before -KY takes it into its name (臻鼎 + -KY).
    chosen = [c._replace(end=c.end + 3) if c.kind == EntityKind.ORG and text.startswith("-KY", c.end) else c
              for c in chosen]
    found = list(_introduced(text, tokens, chosen, common))
    if not found:
        return chosen
    out = list(chosen)
    for org in found:
        inside = [c for c in out if c.start < org.end and org.start < c.end]
        if any(c.source in (Source.LIST, Source.RULES) or (c.kind != EntityKind.PERSON and not (
                org.start <= c.start and c.end <= org.end)) for c in inside):
            continue
        out = [c for c in out if c not in inside] + [org]
    return sorted(out)


def _introduced(text: str, tokens: Sequence[tuple[str, int, int]], chosen: Sequence[Candidate],
                common: frozenset[str]) -> Iterator[Candidate]:
    starts = {s for _, s, _ in tokens}
    for m in _TICKER.finditer(text):
        if _a_year(m):
            continue
        start = _name_start(text, m.start(), tokens)
        bare = m.group().strip("（()） ").isdigit()
        if start is not None and not _COUNTED.search(text, start, m.start()) \
                and not (bare and text[start:m.start()] in common) and text[start] not in _NOT_FIRST:
            yield _org(text, start, m.start())  # a bare number after an everyday word is a count (篮板(1044))
    for m in _KY.finditer(text):
        yield _org(text, m.start(), m.end())
    for m in _QUOTED_WITH_LATIN.finditer(text):
        if _ORG_NOUN_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            yield _org(text, m.start(1), m.end(1))
    for m in _ENGLISH_BODY.finditer(text):
        end = m.start() - 2 if text.endswith("公司", 0, m.start()) else m.start()
        start = end
        while start > max(0, end - 10) and not _LEFT_END.match(text, start - 1) \
                and (start > end - 2 or text[start - 2:start] not in _LEFT_WORDS):
            start -= 1
        place = next((c for c in chosen if c.kind == EntityKind.PLACE and c.start == start and c.end < end), None)
        start = place.end if place is not None else start  # 加州 + 电脑历史博物馆: the place stands apart
        if 2 <= end - start <= 10 and is_han(text[start:end]) and not _GENERIC_BODY.fullmatch(text, start, end):
            yield _org(text, start, end)
            yield _org(text, m.start(1), m.end(1))
    people = {c.start for c in chosen if c.kind == EntityKind.PERSON}
    for m in _OFFICER.finditer(text):
        if not _officer_name_follows(text, m.end(), people):
            continue
        end = m.start()
        start = next((s for s in range(end - 2, max(end - 5, 0) - 1, -1)
                      if s in starts and (s == 0 or _OPENS.match(text, s - 1))), None)
        while start is not None and end - start > 2 and text[start] in _FORMER:
            start += 1  # 原南方基金副总经理: 原 (former) describes the officer, no part of the name
        if start is not None and is_han(text[start:end]) \
                and not _GENERIC.search(text, start, end) and not _GENERIC_BODY.fullmatch(text, start, end) \
                and not _DESCRIBES_OFFICER.match(text, start):
            yield _org(text, start, end)


def stock_code_end(text: str, pos: int) -> int | None:
    """Where a stock code in brackets that stands at `pos` ends (right after a name: 彩晶（6116）,
    贝壳（NYSE:BEKE）), or None."""
    m = _TICKER.match(text, pos)
    return m.end() if m is not None and not _a_year(m) else None


def _a_year(ticker: re.Match[str]) -> bool:
    """李明（2019）: a year, as papers cite one; Taiwan's codes of that shape are lost with it."""
    number = ticker.group().strip("（()） ")
    return number.isdigit() and len(number) == 4 and number[:2] in ("19", "20")


def _officer_name_follows(text: str, end: int, people: set[int]) -> bool:
    """The officer's name after the title, maybe after more titles (联合创始人、董事长、首席执行官彭永东)."""
    while True:
        if end in people:
            return True
        more = _MORE_TITLES.match(text, end)
        if more is None:
            return False
        end = more.end()


def _name_start(text: str, end: int, tokens: Sequence[tuple[str, int, int]]) -> int | None:
    """Where the name before a bracket begins: after a quotation mark, or the last word (or the last two,
    where the last is one character) the segmentation reads before it."""
    quote = max(text.rfind(q, max(0, end - 12), end) for q in "「“『")
    if quote >= 0 and text[end - 1] in "」”』":
        return quote + 1 if end - 1 - (quote + 1) >= 2 else None
    # A clause's punctuation or a joining word a few characters before: the name is all that stands between
    # (，合富辉煌（733）; 与鸿海（2317）).
    opening = max((m.end() for m in _NAME_OPENS.finditer(text, max(0, end - 7), end)), default=-1)
    if opening < 0 and end <= 4:
        opening = 0  # the paragraph opens with the name
    if opening >= 0 and 2 <= end - opening <= 6 and is_han(text[opening:end]):
        return opening
    before = [(s, e) for _, s, e in tokens if end - 8 < e <= end]
    last = next((t for t in reversed(before) if t[1] == end), None)
    if last is None or not is_han(text[last[0]:end]):
        return None
    start = last[0]
    if end - start == 1:
        prev = next((t for t in reversed(before) if t[1] == start), None)
        start = prev[0] if prev is not None else start
    return start if end - start >= 2 else None


def _org(text: str, start: int, end: int) -> Candidate:
    return Candidate(start, end, EntityKind.ORG, f"org:{text[start:end]}", None, Source.RULES)


# A Latin name with its ticker in brackets (Linn Energy（LINE）, Jack in the Box（JACK）): a listed company, and
# the ticker is the company too. The ticker begins with the name's first letter.
_LATIN_TICKER = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&.'’-]*"
                           r"(?: (?:[A-Z][A-Za-z0-9&.'’-]*|of|in|the|and|de|&)){0,5})\s?[（(]([A-Z]{2,5})[)）]")
# What says the bracket holds a ticker: the shares or the company's acts right after it (not CompactFlash（CF）卡).
_TICKER_CONTEXT = re.compile(rf"\s?(?:{SHARE_WORDS}|股份|公司|宣布|表示|财报|营收|盘前|盘后|收盘|大涨|大跌|上涨|"
                             r"下跌|涨|跌)")


def with_latin_tickers(text: str, chosen: list[Candidate], generic: frozenset[str]) -> list[Candidate]:
    """`generic`: Latin words that name no company alone (CEO, AI), as a ticker or as a name."""
    found: list[Candidate] = []
    for m in _LATIN_TICKER.finditer(text):
        name, ticker = m.group(1), m.group(2)
        if ticker[0] != name[0] or ticker in generic or name in generic \
                or name.split(" ")[-1] in ("of", "in", "the") or not _TICKER_CONTEXT.match(text, m.end()):
            continue
        inside = [c for c in chosen if c.start < m.end(2) and m.start(1) < c.end]
        if any(c.source == Source.LIST and c.kind != EntityKind.ORG for c in inside):
            continue  # a listed product or place keeps its kind
        found += [_org(text, m.start(1), m.end(1)), _org(text, m.start(2), m.end(2))]
    return overlaid(chosen, found) if found else chosen
