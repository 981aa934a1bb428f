"""Rules for organisations read after the first choice of mentions, from what surrounds them: a place written
before a government body (中国国务院), a unit written after one (交通部特别调查队), names listed beside an
organisation (恒大、花样年、明发等), a company named before its officer (香港信诚国际执行董事涂国彬), and a company
named with a building (国泰电影院 is a place)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Source, is_han, overlaid

Token = tuple[str, int, int]

# Heads of government bodies (public bodies, courts, police units).
_GOV_HEAD = re.compile(r"(?:部|院|局|署|委|委员会|办|厅|处|政府|法院|检察院|议会|国会|警方|海关|办公室|议院|省|会)$")
# A region before a body, with its direction and level (新界北总区, 九龙西警区): one organisation with the body.
_REGION_BEFORE = re.compile(r"[东南西北中]{0,2}(?:总区|警区|分区|地区|区|市|省|县)?$")
# A unit after a body (交通部特别调查队, 公安局刑侦支队, 警务处有组织罪案及三合会调查科).
_UNIT_AFTER = re.compile(r"(?![\u4e00-\u9fff]{0,4}?(?:立即|随即|立刻|迅速|马上|组织|派出|调集|出动))"
                         r"[\u4e00-\u9fff]{0,6}?(?:调查队|调查科|侦缉处|特遣队|专案组|行动组|支队|大队|中队|分局|"
                         r"派出所|警署|小组|调查组|工作组)")


def is_government(text: str, c: Candidate) -> bool:
    return c.kind == EntityKind.ORG and bool(_GOV_HEAD.search(text[c.start:c.end]))


# Media and public bodies own no unit written after them: 新华网联合国 is a dateline, 民主党立法会 a party and
# a council.
_NOT_A_PARENT = re.compile(r"(?:网|社|报|台|刊|党|国|盟)$")
_NOT_A_UNIT = re.compile(r"(?:联合国|组织|联盟|国|政府|议会|国会|立法会|法院|检察院|警方|海关)$")


def may_own(text: str, parent: Candidate, unit: Candidate) -> bool:
    """Whether an organisation written right before another is its parent (阿里达摩院, 谷歌 DeepMind)."""
    return not (_NOT_A_PARENT.search(text[parent.start:parent.end]) or _NOT_A_UNIT.search(text[unit.start:unit.end]))


def _starts_with_place(surface: str, places: frozenset[str]) -> bool:
    return any(surface[:n] in places for n in (2, 3, 4)) or surface.startswith(("国家", "全国", "中央", "中华"))


def government_units(text: str, chosen: list[Candidate], places: frozenset[str] = frozenset()) -> list[Candidate]:
    """A place (and its region) written right before a government body, and a unit right after it, are one
    organisation: 中国国务院, 新界北总区交通部特别调查队."""
    out: list[Candidate] = []
    for i, c in enumerate(chosen):
        if is_government(text, c):
            next_start = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
            unit = _UNIT_AFTER.match(text, c.end)
            if unit and unit.end() <= next_start and not _continues(text, unit.end()):
                c = _org(text, c.start, unit.end(), c.source)
            prev = out[-1] if out else None
            if prev is not None and prev.kind == EntityKind.PLACE and not _starts_with_place(text[c.start:c.end],
                                                                                           places):
                gap = _REGION_BEFORE.search(text[prev.end:c.start])
                if gap is not None and gap.start() == 0 and prev.end + gap.end() == c.start:
                    out.pop()
                    surface = text[prev.start:c.end]
                    c = Candidate(prev.start, c.end, EntityKind.ORG, f"org:{surface}", None, c.source)
        out.append(c)
    return out


# A research unit or a department written after its institution (清华大学微电子所, 经济部产业技术司,
# 达摩院机器智能实验室): one organisation. The unit's name has no function word and names no other body.
_SUB_UNIT = re.compile(r"([\u4e00-\u9fff]{1,10}?)(?:研究所|研究院|学院|实验室|研究中心|教研中心|工程中心|技术司|"
                       r"[所司](?![长员以有在得谓]))"
                       # Bureaus, committees, offices and departments need a name of two characters at least
                       # (央行稳定局, 证监会规划委, 银行衍生产品研究部); 内部, 布局, 餐厅 are everyday words; 处
                       # after a dealer, a desk or a person says where (经销商处, 报名处), it names no unit.
                       r"|([\u4e00-\u9fff]{2,8}?)(?<![布格大结开当出残饭骗僵变全时政赌败胜终棋牌内外总东南西北中全餐客展舞门破])(?<![成已]定)"
                       r"(?:局(?![长面势限部])|委(?![员托屈婉])|厅(?![长])|部门|部(?![长门分署队件位])|防治中心|服务中心|"
                       r"办公室|办公厅|分行|支行|(?<![商者言名人员店家台点口系近])处(?![理于在长置罚分境方事女]))")
_NOT_IN_UNIT = re.compile(rf"[{FUNCTION_CHARS}所司院局部有一二三四五六七八九十两几多]|"
                          r"^(?:旗下|下属|下设|所属|成立|设立|联合|合作|共同|携手|打造|建立|组建|推出)|公$")


# Units a school has under no name of their own (教大学生会, 港大校友会).
_BARE_UNIT = re.compile(r"学生会|校友会")


def sub_units(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """An institution followed by one of its research units or departments is that unit; a place inside the
    unit's name is part of it (央行天津分行, 阿里巴巴杭州研究院)."""
    out = list(chosen)
    dropped: set[int] = set()
    for i, c in enumerate(out):
        if c.kind != EntityKind.ORG or i in dropped:
            continue
        bare = _BARE_UNIT.match(text, c.end)
        if bare is not None and not any(o.start < bare.end() and c.end < o.end for o in out[i + 1:]):
            out[i] = _org(text, c.start, bare.end(), c.source)  # 教育大学 + 学生会: the body's own unit
            continue
        m = _SUB_UNIT.match(text, c.end)
        body = m.group(1) or m.group(2) if m else ""
        if m and m.group(1):  # 数学与系统科学研究院: a research unit may join two fields
            body = re.sub(r"(?<=[\u4e00-\u9fff]{2})与(?=[\u4e00-\u9fff]{2})", "", body)
        if not m or _NOT_IN_UNIT.search(body) or _continues(text, m.end()):
            continue
        inside = [k for k in range(i + 1, len(out)) if out[k].start < m.end()]
        if any(out[k].kind != EntityKind.PLACE or out[k].end > m.end() for k in inside):
            continue
        dropped.update(inside)
        out[i] = _org(text, c.start, m.end(), c.source)
    return [c for k, c in enumerate(out) if k not in dropped]


def _continues(text: str, end: int) -> bool:
    """队员, 组长: the unit word goes on into a person's role."""
    return text[end:end + 1] in ("员", "长")


def _org(text: str, start: int, end: int, source: str) -> Candidate:
    return Candidate(start, end, EntityKind.ORG, f"org:{text[start:end]}", None, source)


# A company written before a building it names is the building (国泰电影院, 万达影城).
_BUILDING = re.compile(r"电影院|影院|影城|戏院|大厦|大楼|商场|酒店|体育馆|体育场")


# A facility's company is an organisation (桃园机场公司, 港铁公司); 日电 after a day is a dateline (19日电).
_FACILITY_END = re.compile(r"(?:机场|铁路|地铁|捷运|港口|码头|高铁)$")


def buildings(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for i, c in enumerate(chosen):
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        m = _BUILDING.match(text, c.end) if c.kind == EntityKind.ORG else None
        if m and m.end() <= next_start:
            c = Candidate(c.start, m.end(), EntityKind.PLACE, f"place:{text[c.start:m.end()]}", None, c.source)
        if c.kind == EntityKind.PLACE and _FACILITY_END.search(text[c.start:c.end]) \
                and text.startswith("公司", c.end) and c.end + 2 <= next_start:
            c = _org(text, c.start, c.end + 2, c.source)
        if c.kind == EntityKind.ORG and text[c.start:c.end] == "日电" and text[c.start - 1:c.start].isdigit():
            continue
        out.append(c)
    return out


# Separators inside a list of names, and what ends a list.
_SEPARATOR = re.compile(r"、|以及|及|和|与|跟|同")
_ITEM_END = re.compile(r"、|以及|及|和|与|等|[，。；：！？,;:!?()（）“”「」《》\s]")
# Nouns that say the list is one of companies or institutions.
_ORG_NOUN = re.compile(r"公司|企业|房企|集团|银行|厂商|品牌|开发商|房产商|发展商|地产商|机构|媒体|大学|医院|券商|车企|"
                       r"药企|险企|同业|对手|业者|巨头|龙头|运营商|供应商|代工厂")
_FUNCTION_START = frozenset("是很从在和与的把被这那该每各其此个多几些有没不也都就还又某等及或并将已仍")


def coordinated(text: str, tokens: Sequence[Token], chosen: list[Candidate], common: frozenset[str],
                person_like: Callable[[str], bool], function_words: frozenset[str] = frozenset(),
                countries: frozenset[str] = frozenset()) -> list[Candidate]:
    """Names listed with an organisation are organisations when the list says so: it ends in 等, an
    organisation noun stands within the clause, or the names share the organisation's suffix (屯门医院、
    北区医院及博爱医院). A country or a region listed among partners stays a place (中山大学、比利时、波兰等)."""
    orgs = [c for c in chosen if c.kind == EntityKind.ORG]
    if not orgs:
        return chosen
    taken = bytearray(len(text))
    for c in chosen:
        if c.kind != EntityKind.PLACE:
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    added: list[Candidate] = []
    for org in orgs:  # grows: a name found in the list leads to the next (碧桂园、金澜置和森盛等)
        for start, end in _neighbours(text, tokens, org, common):
            if any(taken[start:end]):
                continue
            item = text[start:end]
            if item in countries:  # 比利时 in 中山大学、比利时、波兰: a partner country, not a company
                continue
            if not _listed_as_org(text, org, start, end) or person_like(item) or any(
                    s == start and w in function_words for w, s, _ in tokens):
                continue  # 随后公信宝: an adverb starts no name
            taken[start:end] = b"\x01" * (end - start)
            added.append(Candidate(start, end, EntityKind.ORG, f"org:{item}", None, Source.RULES))
            orgs.append(added[-1])
    if not added:
        return chosen
    return overlaid(chosen, added)


def _neighbours(text: str, tokens: Sequence[Token], org: Candidate, common: frozenset[str]) -> list[tuple[int, int]]:
    """The list items right after and right before an organisation (the separators between them)."""
    found: list[tuple[int, int]] = []
    after = _SEPARATOR.match(text, org.end)
    if after:
        span = _item_from(text, tokens, after.end(), common, text[org.end - 2:org.end])
        if span:
            found.append(span)
    before = re.search(r"(?:、|以及|及|和|与)$", text[max(0, org.start - 2):org.start])
    if before:
        end = org.start - len(before.group())
        start = end
        while start > 0 and end - start < 6 and not _ITEM_END.match(text, start - 1):
            start -= 1
        item = text[start:end]
        if 2 <= end - start <= 6 and (start == 0 or _ITEM_END.match(text, start - 1)) and is_han(item) \
                and item[0] not in _FUNCTION_START and not _everyday(tokens, start, end, common):
            found.append((start, end))
    return found


def _item_from(text: str, tokens: Sequence[Token], start: int, common: frozenset[str],
               suffix: str = "") -> tuple[int, int] | None:
    """A list item starting at `start`: up to the next separator, or (when a verb follows, 厦门禹洲已经开始)
    up to the first everyday word, after a last word of two characters or more."""
    end = start
    last = ""
    separated = False
    for word, s, e in tokens:
        if e <= start:
            continue
        if s < start:
            return None
        if _ITEM_END.match(word) or not is_han(word):
            separated = True
            break
        if end > start and word == suffix:  # the suffix the listed organisation has too (明德医院)
            end, last, separated = e, word, True
            break
        if end > start and ((len(word) >= 2 and word in common) or (len(word) == 1 and word in _FUNCTION_START)):
            break
        end, last = e, word
        if end - start > 6:
            return None
    if not 2 <= end - start <= 6 or text[start] in _FUNCTION_START:
        return None
    if (not separated and len(last) < 2) or (last != suffix and _everyday(tokens, start, end, common)):
        return None  # with the listed organisation's suffix an everyday word names too (博爱医院, 明德医院)
    return start, end


def _everyday(tokens: Sequence[Token], start: int, end: int, common: frozenset[str]) -> bool:
    """Every word of the span is an everyday word of two characters or more (社会组织, 劳务派遣), or the span is
    one; a name the segmentation cuts into characters (花样 / 年) is not."""
    k = bisect_left(tokens, start, key=lambda t: t[1])  # the tokens are in order: no scan of the whole line
    words = []
    while k < len(tokens) and tokens[k][2] <= end:
        words.append(tokens[k][0])
        k += 1
    return all(w in common and len(w) >= 2 for w in words)


def _listed_as_org(text: str, org: Candidate, start: int, end: int) -> bool:
    if text[end:end + 1] == "等" or text[org.end:org.end + 1] == "等":
        return True
    suffix = text[org.end - 2:org.end]
    if len(suffix) == 2 and text[end - 2:end] == suffix and end - start > 2:
        return True
    left = max(0, min(org.start, start) - 12)
    right = max(org.end, end) + 16
    clause = re.split(r"[。；！？\n]", text[left:right])
    return any(_ORG_NOUN.search(part) for part in clause)


# An officer of a company: the company is named right before the title (香港信诚国际执行董事涂国彬).
OFFICER_TITLES = ("执行董事|董事长|副董事长|总经理|副总经理|总裁|副总裁|行政总裁|首席执行官|执行长|CEO|创始人|创办人|"
                  "联合创始人|董事总经理|首席经济学家|首席分析师|分析师|研究主管|发言人|合伙人|技术总监")
# The heads of associations, societies and banks: only where a body is introduced before one (生策會會長張善政).
BODY_HEAD_TITLES = "会长|理事长|社长|行长|秘书长"
_OFFICER = re.compile(rf"(?:的)?(?:{OFFICER_TITLES})$")
# Last words of a company's name that are everyday words too (香港信诚国际, 某某资讯, 某某资本).
_COMPANY_TAIL = re.compile(r"国际|科技|集团|控股|资讯|咨询|资本|投资|证券|银行|基金|地产|置业|实业|传媒|顾问|研究院|"
                           r"研究所|公司|电器|通信|电子|网络|信息|技术|国际集团|创投|财经|智库|中心|工作室|事务所|基金会|"
                           r"协会|学会|商会|联盟|实验室")
_PAREN = re.compile(r"[(（][^()（）]{1,12}[)）]$")
_LEFT_EDGE = re.compile(r"(?:^|[，。、；：！？“”‘’「」『』（）()《》,.;:!?\s]|据|由|对|向|跟|和|与|及|是|被|称|说)$")


def officers(text: str, tokens: Sequence[Token], chosen: list[Candidate], common: frozenset[str],
             known_places: frozenset[str]) -> list[Candidate]:
    """Before a title before a person: the words from the clause's start are the person's company, when they
    are not everyday words alone (公司总经理, 该行行长 are not)."""
    added: list[Candidate] = []
    covered = {(c.start, c.end) for c in chosen if c.kind != EntityKind.PLACE}
    for c in chosen:
        if c.kind != EntityKind.PERSON:
            continue
        window = max(0, c.start - 24)
        head_end = window + len(text[window:c.start].rstrip(" "))
        title = _OFFICER.search(text, window, head_end)
        if title is None:
            continue
        end = title.start()
        paren = _PAREN.search(text, window, end)
        if paren:
            end = paren.start()
        start = _clause_start(text, tokens, end)
        if start is None:
            continue
        words = [w for w, s, e in tokens if start <= s and e <= end]
        if all(w in common and w not in known_places for w in words) or text[start] in _FUNCTION_START:
            continue
        if words and words[-1] in common and not _COMPANY_TAIL.fullmatch(words[-1]):
            continue  # 卓创资讯成品油分析师: the last word is the analyst's trade, not the company's name
        if any(s < end and start < e for s, e in covered):
            continue  # a name is there already (人社部新闻发言人: the body is named, 新闻 is no company)
        added.append(Candidate(start, end, EntityKind.ORG, f"org:{text[start:end]}", None, Source.RULES))
    if not added:
        return chosen
    return overlaid(chosen, added)


def _clause_start(text: str, tokens: Sequence[Token], end: int) -> int | None:
    """The start of the 2-8 characters of Han words ending at `end` that begin a clause."""
    words = [(w, s, e) for w, s, e in tokens if e <= end]
    start = end
    for w, s, e in reversed(words[-3:]):
        if not is_han(w) or e != start:
            break
        start = s
        if 2 <= end - start <= 8 and _LEFT_EDGE.search(text[max(0, start - 1):start]):
            return start
    return None




def company_tails(chosen: Sequence[list[Candidate]], texts: Sequence[str], places: frozenset[str]) -> None:
    """A company written with its city (河南建业, 厦门禹洲) is the same company written alone: a mention of the
    name alone that another source took for a person (建业) is the company. In place."""
    tails: dict[str, Candidate] = {}
    for cs, text in zip(chosen, texts, strict=True):
        for c in cs:
            surface = text[c.start:c.end]
            if c.kind != EntityKind.ORG:
                continue
            for n in (2, 3):
                tail = surface[n:]
                if surface[:n] in places and 2 <= len(tail) <= 4 and is_han(tail):
                    tails.setdefault(tail, c)
    if not tails:
        return
    for cs, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(cs):
            org = tails.get(text[c.start:c.end]) if c.kind == EntityKind.PERSON else None
            if org is not None:
                cs[i] = c._replace(kind=EntityKind.ORG, id=org.id, english=org.english)


# The endings of a registered company name (上海万科物业服务有限公司), which the annotation guidelines keep
# whole with the place it is registered in.
_REGISTERED = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司)$")


def registered_names(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A registered company name takes in the places written right before it (佛山市 + 顺德区 +
    威灵房产有限公司 is one name)."""
    out: list[Candidate] = []
    for c in chosen:
        if c.kind == EntityKind.ORG and _REGISTERED.search(text, c.start, c.end):
            start = c.start
            while out and out[-1].kind == EntityKind.PLACE and out[-1].end == start:
                start = out.pop().start
            if start != c.start:
                c = _org(text, start, c.end, c.source)
        out.append(c)
    return out
