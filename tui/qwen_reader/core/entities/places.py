"""Rules for places: when a listed short name is a place (a boundary of the segmentation, or a place context
around it), one-character abbreviations in the phrases that make them places (赴港, 全台, 抵京), names made by a
place suffix (临江门站, 博爱交汇处, 屯门新墟), and names that only look like places (北京时间, 多哈回合)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Entry, Source, is_han, overlaid

# Words right before a name that make it a place: motion, position, direction (往上水, 近博爱交汇处, 位于屯门).
PLACE_BEFORE = re.compile(r"(?:开往|驶往|前往|飞往|运往|送往|通往|返回|回到|来自|位于|途经|路经|住在|身处|抵达|"
                          r"往|赴|至|到|抵|经|在|于|近|由|从|沿|离|返|回|去|来)$")
# What may follow a place: a place head, a direction, or the end of a phrase.
PLACE_AFTER = re.compile(r"^(?:[，。、；：！？”」』）)\s,.;:!?]|$|方向|一带|附近|地区|区|站|警区|分区|居民|市民|街坊|"
                         r"交汇处|墟|村|邨|码头|公园|广场|道|路|街|的|和|及|与|、|等地|以北|以南|以东|以西|北部|南部|"
                         r"东部|西部|市中心|中心|段|口|往|至|到|开往|前往|出发|举行|发生|一名|一家|有|也|则|是)")


def place_context(text: str, start: int, end: int) -> bool:
    """A place word or preposition before the name, and a place head or a phrase end after it."""
    return bool(PLACE_BEFORE.search(text[max(0, start - 2):start])) and bool(PLACE_AFTER.match(text[end:end + 4]))


def place_head_after(text: str, end: int) -> bool:
    """A head only places take (上水站, 火炭区, 上水方向)."""
    return bool(_PLACE_HEAD.match(text, end))


_PLACE_HEAD = re.compile(r"方向|一带|附近|警区|分区|区|地区|站|交汇处|墟|邨|码头|以北|以南|以东|以西|居民|街坊")

# One-character abbreviations and the phrases that make them a place (public usage of the press: 赴港上市,
# 来台, 全台, 抵京, 在沪). What may not follow is the rest of a word the character starts (港元, 港股, 台币,
# 京东, 沪指), which is not a place.
_ABBREVIATIONS = {
    "港": ("香港", "元币股交人府口岛澳铁商资企区剧漂籍方务湾珠台深沪片"),
    "台": ("台湾", "湾币商资企胞独风阶上下词积达塑电铁大北中南东海球面前后账式方"),
    "京": ("北京", "东剧城津沪港都腔味九广哈藏郊"),
    "沪": ("上海", "指市深港宁杭昆苏股牌"),
    "渝": ("重庆", "中北"),
    "穗": ("广州", ""),
    "美": ("美国", "元金股籍国军方食女术丽好容满德洲感学景味妙化貌观誉称颜甲式酒梦元"),
    "英": ("英国", "语文雄国镑寸里尺俊明勇才杰超特伦格式汉豪姿雌烈魂灵名气华"),
}
_ABBREVIATION_VERBS = ("赴|来|访|抵|在|返|回|离|留|驻|全|旅|居|于|落户|移居|来到|赶赴|抵达|飞抵|进|出|途经")
_ABBREVIATION = re.compile(rf"(?:{_ABBREVIATION_VERBS})([港台京沪渝穗美英])")
# Which verbs a character takes: 进京 and 出京 are Beijing's (进港 is a ship's, 出台 a policy's); 美 is the
# United States only after a journey (赴美, 访美, 旅美), not after 在 or 全 (在美丽的, 全美的); 英 after a
# journey or 在 (留英, 在英工作).
_ONLY = {"进": "京", "出": "京"}
_VERBS_FOR = {"美": frozenset({"赴", "访", "抵", "旅", "留", "驻", "返", "飞抵", "赶赴", "抵达", "移居"}),
              "英": frozenset({"赴", "访", "抵", "旅", "留", "驻", "返", "在", "来", "飞抵", "赶赴", "抵达", "移居"})}

def abbreviations(text: str, lookup: Callable[[str], Entry | None]) -> Iterator[Candidate]:
    """The abbreviation takes the id of the full name (`lookup` reads the lists)."""
    for m in _ABBREVIATION.finditer(text):
        char = m.group(1)
        verb = m.group()[:-1]
        if (verb in _ONLY and char not in _ONLY[verb]) or verb not in _VERBS_FOR.get(char, (verb,)):
            continue
        full, not_before = _ABBREVIATIONS[char]
        after = text[m.end():m.end() + 1]
        if after and (after in not_before or (after.isascii() and after.isalnum())):
            continue
        entry = lookup(full)
        entity_id, english = (entry.id, entry.english) if entry else (f"place:{full}", None)
        yield Candidate(m.start(1), m.end(1), EntityKind.PLACE, entity_id, english, Source.RULES)


# Countries written by one character in a list of three or more (美、英、日、德、澳、加拿大 8个国家): the
# press's standard abbreviations.
# Regions and markets of Asia the same way (中、港、澳、台, 美/中/台/欧, 马、菲、柬), separated by 、 or a slash;
# beside Hong Kong or Taiwan, 澳 is Macau.
_COUNTRY_CHARS = {"美": "美国", "英": "英国", "日": "日本", "德": "德国", "法": "法国", "澳": "澳大利亚",
                  "加": "加拿大", "俄": "俄罗斯", "韩": "韩国", "意": "意大利", "印": "印度", "中": "中国",
                  "朝": "朝鲜", "荷": "荷兰", "葡": "葡萄牙", "港": "香港", "台": "台湾", "陆": "中国大陆",
                  "马": "马来西亚", "菲": "菲律宾", "柬": "柬埔寨", "越": "越南", "泰": "泰国", "欧": "欧洲",
                  "新": "新加坡"}
_CHARS = "".join(_COUNTRY_CHARS)
_COUNTRY_LIST = re.compile(rf"(?:[{_CHARS}]、){{2,}}[{_CHARS}](?=[、，。；等及和与三四五六七八九十两])|"
                           rf"(?<![A-Za-z0-9/／])(?:[{_CHARS}][/／]){{2,}}[{_CHARS}](?=[、，。；等及和与的三四五六七八九十两地市\s]|$)")


# Languages are written the same way (中/英/日三种语言, 中、英、日三语字幕): no places.
_LANGUAGES_AFTER = re.compile(r"[^，。；\n]{0,6}?(?:语|文|字幕|版本)")
_LANGUAGES_BEFORE = re.compile(r"(?:语言|语种|字幕|翻译)[：:\s]*$")


def country_lists(text: str, lookup: Callable[[str], Entry | None]) -> Iterator[Candidate]:
    for m in _COUNTRY_LIST.finditer(text):
        if _LANGUAGES_AFTER.match(text, m.end()) or _LANGUAGES_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        chars = m.group()[::2]
        for i in range(m.start(), m.end(), 2):
            full = "澳门" if text[i] == "澳" and ("港" in chars or "台" in chars) else _COUNTRY_CHARS[text[i]]
            entry = lookup(full)
            entity_id, english = (entry.id, entry.english) if entry else (f"place:{full}", None)
            yield Candidate(i, i + 1, EntityKind.PLACE, entity_id, english, Source.RULES)


# Heads that make a place name part of another name: 北京时间, 多哈回合, 茂物目标, 巴黎协定, 中国特色社会主义,
# and the suffixes that make an adjective of it (中国式, 中国化). The place is not
# tagged (the annotation guidelines, and what a reader follows: the agreement is not the city).
_NOT_PLACE_HEAD = re.compile(r"时间|回合|目标|宣言|协定|协议书|议定书|公约|共识|条约|精神|模式|标准时间|"
                             r"特色社会主义|式(?!样)|化(?![工学肥妆纤])")


# 香港人, 台湾人, 英国人: a demonym names people, not the place (the guidelines leave it); 中国人民 too. The
# place stays before 人大, 人口, 人均, 人力, 人民币 and the names of banks, insurers and governments (中国人寿,
# 河南省人民政府).
_DEMONYM = re.compile(r"人(?!大|口|均|次|工|社|保|寿|行|造|力|才|事|气|流|民币|"
                      r"民(?:政府|法院|检察院|医院|银行|代表|大会|日报|出版社|广播|警察|解放军|武装|团体|政协))")


# A law's name after a place (中国劳动法, 美国出口管制条例): the place is part of the law's name.
# 非法, 无法, 办法, 看法 end in 法 and name no law.
_LAW_AFTER = re.compile(r"[\u4e00-\u9fff]{2,6}?(?<![非无合违办设说看做想方手司立执用写算语技画书兵魔佛戏])"
                        r"(?:法|条例|法案)(?![院官人国律学师兰庭])")
_NOT_IN_LAW = re.compile(rf"[{FUNCTION_CHARS}做看办想用方]")


def not_a_place(text: str, end: int) -> bool:
    law = _LAW_AFTER.match(text, end)
    if law and not _NOT_IN_LAW.search(law.group()[:-1]):
        return True
    if text[end - 1:end] in "东西南北中" and text[end:end + 1] == "部" and text[end + 1:end + 2] not in "分门长队":
        return True  # 地区中东部: the central-eastern part, not the Middle East
    return bool(_NOT_PLACE_HEAD.match(text, end) or _DEMONYM.match(text, end))


# Suffixes that make a place of the word before them (临江门站, 博爱交汇处, 屯门新墟, 弥敦道).
_PLACE_SUFFIX = re.compile(r"(?:交汇处|回旋处|路口|火车站|地铁站|高铁站|轻轨站|港铁站|巴士站|车站|"
                           r"站|机场|码头|口岸|隧道|天桥|大桥|公路|大道|新墟|墟|邨|新村|广场|公园|商圈)$")
# Everyday words a suffix may follow that are no name (首站, 网站, 本站, 车站, 大广场).
_FUNCTION_CHARS = frozenset("的了是为被把将和与及在从向对给也都就还又而但并或")
_NOT_BODY = frozenset("这那该本此每各其首末全整总下上前后新老大小高低长短一二三两几多某第市省县区当")
# A body ending in an institution's head is an institution's (城管局大桥清洁队), not a place's name.
_INSTITUTION_END = re.compile(r"[局部所院司会办委厅队处署组]$")


def suffixed_places(text: str, known: frozenset[str], starts: set[int],
                    common: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """A word of 2-4 characters then a place suffix, right after a word that makes a place of it (近博爱交汇处,
    轻轨临江门站, 往元朗公路): the context is required; the segmentation only where the word starts (it cuts
    临江/门站). `starts`: where the segmentation's words start."""
    for cue in _SUFFIX_CUE.finditer(text):
        start = cue.end()
        if start not in starts:
            continue
        for size in (2, 3, 4):
            body = text[start:start + size]
            suffix = _PLACE_SUFFIX_AT.match(text, start + size)
            if len(body) < size or not is_han(body):
                break
            if suffix is None:
                continue
            if body[0] in _NOT_BODY or _INSTITUTION_END.search(body) or body in known or _SUFFIX_CUE.match(body) \
                    or any(ch in _FUNCTION_CHARS for ch in body):
                break  # a listed place with its facility is extended elsewhere
            if suffix.group() == "站" and (_STATION_VERB.match(text, suffix.end()) or (
                    (body in common or _NOT_STATION.search(body)) and not cue.group().startswith(_TRANSIT_WORDS))):
                break  # 站在; 网站, 值班站, 租赁站: everyday stations need a line before them (轻轨松林门站)
            name = text[start:suffix.end()]
            yield Candidate(start, suffix.end(), EntityKind.PLACE, f"place:{name}", None, Source.RULES)
            break


_TRANSIT = "轻轨|地铁|港铁|高铁|铁路|巴士|小巴|公交|"
_NOT_STATION = re.compile(r"(?:网|空间|首|务|班|赁|化|动|票)$")
_TRANSIT_WORDS = tuple(_TRANSIT.strip("|").split("|"))
_SUFFIX_CUE = re.compile(PLACE_BEFORE.pattern.rstrip("$").replace("(?:", "(?:" + _TRANSIT, 1))
_PLACE_SUFFIX_AT = re.compile(_PLACE_SUFFIX.pattern.rstrip("$"))


# 站 as a verb: 站在, 站着, 站起来.
_STATION_VERB = re.compile(r"在|着|起|出来|出去|上来|上去|立|稳|到|了")


# A road written right after its place (萬華區萬大路, 永康大灣路, 台南市東區中華東路): 1-4 characters, a road
# head, and its section.
_ROAD = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:街道|[东南西北中]路|大道|路|街|巷))"
                   r"(?:[一二三四五六七八九十]+段|乡|镇)?(?!口)")
_NOT_ROAD_START = frozenset("这那该本此每各其首全整一二三两几多某第")
# Everyday words a road's name may end in (实体通路, 十字路, 过马路).
_NOT_ROAD = frozenset(["马路", "道路", "一路", "出路", "公路", "网路", "铁路", "思路", "线路", "电路", "套路", "销路",
                       "通路", "字路", "陆路", "水路", "当街", "上街", "大街"])


def roads(text: str, chosen: list[Candidate], common: frozenset[str] = frozenset()) -> list[Candidate]:
    """Roads after a place that no other mention covers (not an everyday phrase: 大街小巷)."""
    out: list[Candidate] = []
    added = False
    for i, c in enumerate(chosen):
        out.append(c)
        if c.kind != EntityKind.PLACE:
            continue
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        m = _ROAD.match(text, c.end)
        if m is None or m.end() > next_start:
            continue
        road = m.group()
        if m.group(1)[-2:] in _NOT_ROAD or road[0] in _NOT_ROAD_START or any(ch in _FUNCTION_CHARS for ch in road) \
                or m.group(1) in common or text[m.start():m.end() + 2] in common:
            continue
        out.append(Candidate(m.start(), m.end(), EntityKind.PLACE, f"place:{road}", None, Source.RULES))
        added = True
    return out if added else chosen


# A part of a place written after it (亦庄新城, 亦庄东区, 亦庄新城东区, 浦东老城区): one place.
_PART = re.compile(r"(?:新城|老城区|老城|城区|新区)?(?:[东南西北]区(?![域块间别]))?")


def parts(text: str, found: list[Candidate], broad: frozenset[str]) -> Iterator[Candidate]:
    """A place found by a list followed by a part of it: the part with its place (a country or a region has
    no such parts: 中国东区 is no district)."""
    for c in found:
        if c.kind != EntityKind.PLACE or text[c.start:c.end] in broad:
            continue
        m = _PART.match(text, c.end)
        if m and m.group():
            name = text[c.start:m.end()]
            yield Candidate(c.start, m.end(), EntityKind.PLACE, f"place:{name}", None, Source.RULES)


# An expressway, a railway or a bridge named by the one-character names of the places it joins (京津塘高速,
# 京港澳高速公路, 京沪高铁, 港珠澳大桥, 深中通道).
_EXPRESSWAY = re.compile(r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青蒙桂藏"
                         r"宁新港澳塘唐石广深珠汕昆成沈哈长杭甬福厦汉蓉中]{2,4}"
                         r"(?:高速(?:公路|铁路)?|高铁|城际铁路|城际|铁路|大桥|跨海大桥|通道|隧道|运河)")


def expressways(text: str) -> Iterator[Candidate]:
    for m in _EXPRESSWAY.finditer(text):
        yield Candidate(m.start(), m.end(), EntityKind.PLACE, f"place:{m.group()}", None, Source.RULES)


# A road right after a name (上环摩罗街): the name is a place.
_ROAD_AFTER = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:街|路|道)(?:附近|一带|口|上|旁|[，。、；\s])")


def road_after(text: str, end: int) -> bool:
    return bool(_ROAD_AFTER.match(text, end))


# Residential estates in property news (莲花河畔景苑, 歌林花园, 恒大 + 金碧天下, 徐东 + 温莎观邸): the heads estates
# are named with, in a paragraph about property, right after a place, a developer, or the edge of a phrase.
_PROPERTY_CUE = re.compile(r"楼盘|项目|业主|开盘|在售|均价|房价|售楼|交房|收房|小区|地产|开发商|别墅|住宅")
_ESTATE_HEAD = re.compile(r"花园|家园|新村|山庄|名苑|雅苑|景苑|华庭|豪庭|华府|公馆|溪谷|御府|名邸|观邸|丽晶|原著|天下|"
                          r"绿洲|尚城|水岸|湾畔|花城|名都|嘉园|佳园|福邸")
# Where an estate's name may start: the edge of a phrase, a few function words, or the end of a place's name.
_ESTATE_EDGE = re.compile(r"[，。、；：“”「」（）()\s·]|的|在|于|如|有|及|和|与|路|街|道|城|区|县|镇")
_NOT_IN_ESTATE = re.compile(rf"[{FUNCTION_CHARS}某该本此每除当据经让给比跟同他她它]|[^\u4e00-\u9fff·]|^·")


# Hong Kong's courts, public estates and their blocks (宏福苑, 广福邨, 宏昌阁): named after a district, or where
# people live in them or a fire or a polling station is.
_HK_ESTATE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:苑|邨|村|阁)")
_LIVE_BEFORE = re.compile(r"(?:住于|住在|位于|居于|入住|搬到)$")
_LIVE_AFTER = re.compile(r"\d+楼|居民|住户|街坊|大火|火灾|起火|票站|灾情|单位|业主|楼下|对开")


def estate_after(text: str, end: int) -> bool:
    """An estate's name right after a district (观塘 + 彩兴苑, which jieba cuts 观塘彩 + 兴苑)."""
    m = _HK_ESTATE.match(text, end)
    return m is not None and m.end() - end <= 3 and not _NOT_IN_ESTATE.search(text, end, m.end() - 1)


def hk_estates(text: str, chosen: list[Candidate]) -> list[Candidate]:
    places = {c.end for c in chosen if c.kind == EntityKind.PLACE}
    # The statistical sources read many estates' names as people (广福 in 广福邨): only lists and rules hold.
    taken = [(c.start, c.end) for c in chosen if c.kind != EntityKind.PLACE and (
        c.kind != EntityKind.PERSON or c.source == Source.LIST)]
    found: list[Candidate] = []
    for start in reversed(range(len(text))):  # the shortest name first: 宏福苑, not 受宏福苑
        m = _HK_ESTATE.match(text, start)
        if m is None or _NOT_IN_ESTATE.search(text, start, m.end() - 1) or any(
                s < m.end() and start < e for s, e in taken):
            continue
        if any(f.end == m.end() or f.start < m.end() <= f.end for f in found):
            continue
        if start in places or _LIVE_BEFORE.search(text, max(0, start - 3), start) or _LIVE_AFTER.match(text, m.end()):
            found.append(Candidate(start, m.end(), EntityKind.PLACE, f"place:{m.group()}", None, Source.RULES))
    if not found:
        return chosen
    return overlaid([c for c in chosen if not any(f.start < c.end and c.start < f.end for f in found)], found)


def estates(text: str, chosen: list[Candidate]) -> list[Candidate]:
    chosen = hk_estates(text, chosen)
    if not _PROPERTY_CUE.search(text):
        return chosen
    ends = {c.end for c in chosen if c.kind in (EntityKind.PLACE, EntityKind.ORG)}
    found: list[Candidate] = []
    for head in _ESTATE_HEAD.finditer(text):
        # After a place or a developer first (恒大 + 金碧天下), else the shortest name after an edge.
        starts = [head.start() - n for n in (2, 3, 4) if head.start() - n >= 0]
        start = next((s for s in starts if s in ends), None)
        if start is None and head.group() != "天下":  # 天下 (the world) names an estate only after its developer
            start = next((s for s in starts if s == 0 or _ESTATE_EDGE.match(text, s - 1)), None)
        if start is None or _NOT_IN_ESTATE.search(text, start, head.start()):
            continue
        end = head.end()
        if any(c.start < end and start < c.end and (c.kind != EntityKind.PERSON or c.source == Source.LIST)
               and not (c.kind == EntityKind.PLACE and c.start >= start) for c in chosen):
            continue  # a listed name inside: no estate's name
        found.append(Candidate(start, end, EntityKind.PLACE, f"place:{text[start:end]}", None, Source.RULES))
    return overlaid(chosen, found) if found else chosen


# A scenic area named before its generic head (海螺沟景区, 红石滩景点): the name is a place.
_SCENIC = re.compile(r"景区|景点|风景区|风景名胜区|森林公园|湿地公园|国家公园|古镇")


def scenic_places(text: str, tokens: Sequence[tuple[str, int, int]], common: frozenset[str],
                  place_ends: frozenset[int] = frozenset()) -> Iterator[Candidate]:
    for k, (word, start, _) in enumerate(tokens):
        if not _SCENIC.fullmatch(word) and not _SCENIC.match(text, start):
            continue
        for back in (2, 1):
            body = tokens[max(0, k - back):k]
            name = "".join(w for w, _, _ in body)
            name_start = body[0][1] if body else start
            # After a place, the edge of a phrase or a function word (四川 + 海螺沟景区, ，红石滩景点), not inside
            # a word (市国门景区).
            if name_start and name_start not in place_ends and not _ESTATE_EDGE.match(text, name_start - 1):
                continue
            if len(body) == back and 2 <= len(name) <= 4 and is_han(name) and name not in common \
                    and not all(w in common for w, _, _ in body) and not any(ch in _FUNCTION_CHARS for ch in name) \
                    and name[0] not in _NOT_BODY:
                yield Candidate(body[0][1], start, EntityKind.PLACE, f"place:{name}", None, Source.RULES)
                break


# A town or district written right after its prefecture or city (千叶县 + 船桥市, 北京 + 西城区): a place.
_ADMIN_AFTER = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:市|县|区|町|镇|乡)(?![场长民委政内外级域划])")


def admin_units_after(text: str, chosen: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    starts = {c.start for c in chosen}
    found: list[Candidate] = []
    for c in chosen:
        m = _ADMIN_AFTER.match(text, c.end) if c.kind == EntityKind.PLACE else None
        if m is None or m.start() in starts or any(ch in FUNCTION_CHARS or ch in _NOT_BODY for ch in m.group(1)):
            continue
        if m.group(1) in common or text[m.end() - 2:m.end()] in common:
            continue  # 周边城市, 经济区, 主城区: everyday words, no town's name
        if any(o.start < m.end() and m.start() < o.end for o in chosen):
            continue
        found.append(Candidate(m.start(), m.end(), EntityKind.PLACE, f"place:{m.group()}", None, Source.RULES))
    return sorted([*chosen, *found]) if found else chosen


# A compass point or 大 written before a city or a region names part or all of it as one place (北高雄, 南台湾,
# 大高雄, 大湾区 is listed whole); 全 is no part of a name (全台 is 台, as the guidelines read it).
_POINT = frozenset("东西南北")  # not 中 (战争中 + 葡萄牙) nor 大 (面积大 + 香港) before a place jieba reads apart
_WORD_POINT = frozenset("东西南北大")  # in one word of the segmentation (大高雄) 大 is the prefix


def with_compass_point(text: str, chosen: list[Candidate], tokens: Sequence[tuple[str, int, int]],
                       known: frozenset[str]) -> list[Candidate]:
    """A known place right after a compass point that stands as a word of its own (not 河南 + 台湾's 南, not
    东南亚's 东) takes the point into its name; so does a word of the segmentation that is a point and a known
    place (大高雄), where no mention stands."""
    starts = {s for _, s, _ in tokens}
    out = list(chosen)
    for i, c in enumerate(out):
        before = c.start - 1
        if c.kind != EntityKind.PLACE or before < 0 or text[before] not in _POINT or before not in starts \
                or c.source not in (Source.LIST, Source.CEDICT) or c.end - c.start < 2:
            continue
        if i > 0 and out[i - 1].end > before:
            continue
        if before > 0 and text[before - 1] in _POINT:
            continue  # 东北 + 亚, 西南: two points make a word of their own
        name = text[before:c.end]
        out[i] = Candidate(before, c.end, EntityKind.PLACE, f"place:{name}", None, Source.RULES)
    added = [Candidate(s, e, EntityKind.PLACE, f"place:{w}", None, Source.RULES) for w, s, e in tokens
             if len(w) >= 3 and w[0] in _WORD_POINT and w[1:] in known
             and not any(c.start < e and s < c.end for c in out)]
    return sorted(out + added) if added else out


def in_a_title(text: str, start: int, end: int) -> bool:
    """A place inside a work's title in 《》 (《中国好声音》, 《上海滩》传奇) names the work, not the place."""
    opened = text.rfind("《", 0, start)
    closed = text.find("》", end)
    return opened >= 0 and closed >= 0 and "》" not in text[opened:start] and "《" not in text[end:closed] \
        and (opened + 1, closed) != (start, end)
