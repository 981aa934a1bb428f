"""Rules naming families of cases: Latin-script names, foreign names joined by `·`, people named by their
context (a title before, a speech verb after), and organisations named by their suffix."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.model import Candidate, EntityKind, Source, is_han

Token = tuple[str, int, int]

# Latin names: CamelCase or capitalised words, with versions (Qwen3-Max, GPT-5, DeepSeek-V2, Qwen 3.5),
# and runs of capitalised words (Hugging Face). Acronyms alone (AI, CEO, GPU) are too generic to colour.
_LATIN_WORD = r"[A-Za-z][A-Za-z0-9]*(?:[-.+][A-Za-z0-9]+)*"
_LATIN_NAME = re.compile(rf"(?<![A-Za-z0-9\-.]){_LATIN_WORD}(?:[ ]{_LATIN_WORD})*(?![A-Za-z0-9])")
_VERSION = re.compile(r"\d+(?:\.\d+)*(?:[-][A-Za-z0-9]+)*(?![A-Za-z0-9%])"
                      r"|[ ]\d+(?:\.\d+)*(?![A-Za-z0-9%.])")
_GENERIC_WORDS = ("Robotaxi Robotaxis Robobus Tier1 Tier2 "
                  "AI AGI API APP App CEO CTO COO CFO CPU GPU NPU TPU IT PC VR AR XR MR IPO ETF GDP OS UI UX SDK LLM "
    "LLMs ML NLP CV RL SFT RLHF KV MoE B2B B2C IoT 5G 4G 6G HBM DRAM NAND OEM ODM SoC SOC DSP ISP MCU FPGA ASIC APU "
    "SSD P10 P11 P9 P8 P7 the of "
    "and in on for to a an is with by at from as me my bye we it be or not this that are was you your "
    "Agent Agents Coding Code Chat Pro Max Plus Ultra Mini Lite Open Flash Turbo Team Lab Labs Inc Ltd Co")
GENERIC_LATIN = _GENERIC_LATIN = frozenset(_GENERIC_WORDS.split())
# Technical standards the annotation guidelines leave untagged, whatever version follows (Wi-Fi 7, OpenGL ES 2.0).
_STANDARD_WORDS = ("Wi-Fi WiFi Bluetooth USB PCIe HDMI OpenGL DisplayPort Thunderbolt LPDDR DDR UFS Ethernet "
                   "GSM CDMA CDMA2000 WCDMA TD-SCDMA TD-LTE FDD-LTE LTE NB-IoT NFC UWB Zigbee")
STANDARDS = frozenset(_STANDARD_WORDS.split())


def a_standard(surface: str) -> bool:
    """A technical standard, whatever rule read it as a name (中国移动的TD-SCDMA), but not the body behind one
    (Wi-Fi Alliance, Bluetooth SIG)."""
    return surface.split(" ")[0] in STANDARDS and not _STANDARD_BODY.search(surface)


_STANDARD_BODY = re.compile(r"Alliance|SIG|Forum|Consortium|联盟|协会")


_TITLES = ("联合创始人|创始人|创办人|首席执行官|首席技术官|首席科学家|首席财务官|首席运营官|执行长|董事长|副董事长|"
           "总裁|副总裁|总经理|副总经理|总监|负责人|研究员|科学家|工程师|教授|副教授|博士|记者|通讯员|编辑|"
           "分析师|主席|副主席|部长|副部长|局长|主任|发言人|高管|合伙人|院长|校长|市长|省长|总统|总理|议员|"
           "大使|律师|董事|掌门人|掌舵人|操盘手|CEO|CTO|COO|CFO|CMO|VP|总编辑|主编|经理|专家|学者|老师|医生|"
           "作者|创业者|投资人|合伙人|所长|副所长|处长|科长|厂长|社长|会长|队长|组长|署长|司长|秘书长|区长|县长|"
           "镇长|村长|行长|理事长|馆长|庭长|检察长|督察|警司|总干事|外长|首相|议长|立法会议员|学生会会长|特首|"
           "行政长官")
_SPEECH = ("表示|说道|说|称|指出|认为|透露|坦言|介绍|强调|回应|告诉|提到|直言|解释|补充|预计|坦承|表态|写道|"
           "分享|宣布|回忆|感叹|笑称|称赞|评价|发文|发帖|留言|曾经|曾|在社交|也表示|则表示|对此|向记者|接受")
_TITLE_BEFORE = re.compile(rf"(?:{_TITLES})[\s:：]?$")
_TITLE_ANYWHERE = re.compile(rf"(?:{_TITLES})")
_SPEECH_ANYWHERE = re.compile(rf"(?:{_SPEECH})")
_SPEECH_AFTER = re.compile(rf"^(?:{_SPEECH})")
TITLE_BEFORE = _TITLE_BEFORE
TITLES = _TITLES
# A speech verb right after a name, past a space (Jitesh Ubrani 指出).
SPEECH_AFTER = re.compile(rf"\s?(?:{_SPEECH})")
# Characters that end a name on their left: punctuation, the start, and a few function words.
_LEFT_EDGE = re.compile(r"(?:^|[\s，。、；：！？“”‘’「」『』（）()《》,.;:!?\"'—…]"
                        r"|和|与|及|、|是|由|被|对|向|跟|为|据|让|请)$")

# The last character of the place a registered company name may follow (佛山市顺德区 + 威灵房产有限公司).
_REGISTERED_AFTER = frozenset("省市区县")
# Industries that name a company only after a city (唐山钢铁, 上海汽车); after any other word they describe
# (新能源汽车, 中国钢铁).
INDUSTRIES = "钢铁|石化|电力|汽车|医药|药业|制药|生物|能源|化工|水泥|矿业|航运|重工"
# Trades younger than the dictionary's everyday words (互联网公司, 投流公司, 智驾公司): no company's name.
_MODERN_TRADES = frozenset({"互联网", "移动互联网", "短剧", "投流", "智驾", "新能源", "自动驾驶", "人工智能", "大模型",
                            "半导体", "光伏", "锂电", "储能", "无人机", "机器人", "直播", "电竞", "跨境电商", "网约车"})
_INDUSTRY = re.compile(INDUSTRIES)
ORG_SUFFIXES = ("股份有限公司|有限责任公司|有限公司|控股集团|集团公司|公司|集团|控股|银行|大学|学院|研究院|研究所|"
                "(?:公立|私立|纪念)?(?:中学|小学|学校)|幼儿园|书院|救援队|投信|投顾|创投|"
                "研究中心|"
                "实验室|委员会|协会|基金会|交易所|证券|通讯社|日报|时报|晚报|电视台|法院|检察院|医院|事务所|商会|"
                "联合会|工作室|俱乐部|联盟|事业群|事业部|业务线|小组|航空公司|航空|房地产开发公司|房地产|地产|置业|"
                "百货|电器|通信|科技|智库|资本|传媒|" + INDUSTRIES)
_ORG_SUFFIX_AT = re.compile(rf"^(?:{ORG_SUFFIXES})")
# A one-character suffix is no suffix where it starts a word: 局长, 部员, 社会, 所以, 院士, 台湾, 委托, 办法.
_NOT_A_WORD_AFTER = r"(?![长员会以有在得谓士子湾风上下托屈婉法理事公分])"
# After a known place or organisation, a one-character body suffix makes an institution (深圳市住建局).
_SHORT_ORG_SUFFIX = re.compile(r"^(?:市|省|县|区)?(?:政府|人大|政协|科技|资本|基金|团队|"
                               rf"(?:部|局|厅|署|委|办|院|所|台|社){_NOT_A_WORD_AFTER})")


# What follows a product line's name to make a model: iPhone 15 Pro Max, Galaxy A55 5G, iPod touch 3.
# A dimension (2.5D, 3D) is a technique's, not a model's: it ends the tail. A word may take its number
# unspaced (iPod touch3).
_MODEL_TAIL = re.compile(r"(?:[ ]?(?:(?!\d+(?:\.\d+)?D(?![A-Za-z0-9]))[A-Z]{0,2}\d+(?:\.\d+)?[A-Za-z]?\+?"
                         r"(?![A-Za-z0-9])|(?:Pro|Max|Ultra|Plus|Mini|mini|Air|Lite|SE|Fold\d*|Flip\d*|touch|Touch|Note|5G)"
                         r"(?![A-Za-z])))+")


def latin_names(text: str, known: frozenset[str] = frozenset(),
                known_products: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    for m in _LATIN_NAME.finditer(text):
        start, end = m.start(), m.end()
        words = m.group().split(" ")
        # Keep only the run of words that look like names; a lower-case word ends it (English sentences).
        while words and (words[-1] in _GENERIC_LATIN or words[-1].islower()):
            end -= len(words.pop()) + (1 if words else 0)
        while words and (words[0] in _GENERIC_LATIN or words[0].islower()):
            start += len(words.pop(0)) + (1 if words else 0)
        if not words or end <= start:
            continue
        if words[0] in STANDARDS:
            continue
        if words[0] in known_products and len(words) > 1:
            end = start + len(words[0])  # a product line and its model: the tail is read below
            words = words[:1]
        if len(words) > 1 or not (_looks_like_name(words[0]) or words[0] in known):
            # Runs of capitalised words and plain words are titles, terms or English prose more often
            # than names; listed names among them are found by the list.
            continue
        listed_other = words[0] in known and words[0] not in known_products  # AMD 16奈米: a company, a figure
        version = (_MODEL_TAIL.match(text, end) if words[0] in known_products else None) or (
            _VERSION.match(text, end) if words[0][-1].isalpha() and not listed_other else None)
        if version and version.group().startswith(" ") and not _is_mixed_case(words[0]) and words[0] not in known:
            version = None
        if version:
            end = version.end()
        name = text[start:end]
        if name in known:
            continue  # the list names it, with its own id
        if words[0] in known_products:
            yield Candidate(start, end, EntityKind.PRODUCT, f"product:{slug(name)}", name, Source.RULES)
            continue
        # An unknown CamelCase name is a product (AliceMind, CyberDog) more often than a company: the
        # companies are in the list.
        kind = EntityKind.PRODUCT
        yield Candidate(start, end, kind, f"{kind}:{slug(name)}", name, Source.RULES)


def _is_mixed_case(word: str) -> bool:
    return any(c.islower() for c in word) and any(c.isupper() for c in word)


def _looks_like_name(word: str) -> bool:
    """CamelCase (OpenAI, DeepMind, GitHub), or a versioned name (Qwen3-Max, GPT-5, DeepSeek-V2); a plain
    capitalised word (Token, Scaling), an acronym (RLVR) or a code (EK362) is not."""
    letters = "".join(c for c in word if c.isalpha())
    if len(letters) < 2:
        return False
    if re.fullmatch(r"To[A-Z]", word):
        return False  # ToB, ToC: business jargon
    camel = word[0].isupper() and any(c.isupper() for c in word[1:] if c.isalpha()) and any(
        c.islower() for c in word)
    versioned = ("-" in word and any(c.isdigit() for c in word.split("-", 1)[1])) or (
        _is_mixed_case(word) and any(c.isdigit() for c in word))
    return camel or versioned


def _name_at(tokens: Sequence[Token], k: int, surnames: frozenset[str], common: frozenset[str]) -> int | None:
    """The end of a Chinese personal name starting at token k (surname first, two or three characters
    over one or two tokens), or None."""
    word, _start, end = tokens[k]
    if not is_han(word):
        return None
    if 2 <= len(word) <= 3 and _has_surname(word, surnames) and word not in common:
        return end
    if len(word) == 1 and word in surnames and k + 1 < len(tokens):
        nxt, _, nend = tokens[k + 1]
        if is_han(nxt) and 1 <= len(nxt) <= 2:
            return nend
    if len(word) == 2 and word in surnames and k + 1 < len(tokens):  # compound surname: 欧阳 + 娜娜
        nxt, _, nend = tokens[k + 1]
        if is_han(nxt) and 1 <= len(nxt) <= 2:
            return nend
    return None


def context_persons(text: str, tokens: Sequence[Token], surnames: frozenset[str], common: frozenset[str],
                    plausible: Callable[[str], bool] = lambda name: True,
                    known: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """Names after a title (`CEO 林俊旸`, `记者 王超`) or before a speech verb (`周浩表示`); the context
    lowers the bar, the name must still be plausible (`都有表示` is not a name)."""
    # Only words next to a cue are looked at: cues are rare, words are many.
    cue_ends = {m.end() for m in _TITLE_ANYWHERE.finditer(text)}
    cue_starts = {m.start() for m in _SPEECH_ANYWHERE.finditer(text)}
    if not cue_ends and not cue_starts:
        return
    near = set()
    for k, (_word, start, end) in enumerate(tokens):
        if start in cue_ends or start - 1 in cue_ends:
            near.add(k)
        if end in cue_starts:
            near.update((k, k - 1))
    for k in sorted(near):
        if k < 0:
            continue
        start = tokens[k][1]
        before = text[max(0, start - 8):start]
        name_end = _name_at(tokens, k, surnames, common)
        if name_end is None:
            continue
        if name_end - start == 2 and is_han(text[name_end:name_end + 1]) and _NAME_END.match(text, name_end + 1) \
                and plausible(text[start:name_end + 1]) and text[name_end] not in _NOT_LAST_CHAR:
            name_end += 1  # 梁国 / 柱表示: the segmentation left the last character of 梁国柱 outside
        name = text[start:name_end]
        titled = bool(_TITLE_BEFORE.search(before))
        spoken = bool(_SPEECH_AFTER.match(text, name_end)) and bool(_LEFT_EDGE.search(before))
        if (titled or spoken) and name not in known and plausible(name):
            yield Candidate(start, name_end, EntityKind.PERSON, f"person:{name}", None, Source.RULES)


# A place followed by a facility is one place (迪拜国际机场, 元朗公路, 南沙国际邮轮母港), and by a compass point
# that names an area of it (新界东北, not 四川东北部).
_FACILITY_SUFFIX = re.compile(r"^(?:[\u4e00-\u9fff]{0,2}国际机场|国际机场|"
                              r"[\u4e00-\u9fff]{0,4}?(?:邮轮母港|客运港|客运码头)|母港|机场|火车站|高铁站|地铁站|车站|港口|大桥|"
                              r"交汇处|回旋处|路口|新墟|墟|苑|邨|枢纽|收费站|服务区|互通|"
                              r"公路|"
                              r"大道|路|街|广场|大厦|中心|公园|码头|口岸|新区|开发区|工业园|园区|站|电影院|"
                              r"(?:东北|西北|东南|西南)(?![部方角面风侧边亚向]))")


# After a place only institutions of that place make an organisation (重庆市政府, 北京大学); 中国公司 or
# 内地房地产 are descriptions.
_PLACE_ORG_SUFFIX = re.compile(r"^(?:市|省|县|区)?(?:政府|人大|政协|大学|学院|银行|医院|法院|检察院|电视台|日报|交易所|"
                               r"公安局|公安厅|中院|高院|中级人民法院|高级人民法院|人民法院|人民检察院|海关|监狱|"
                               r"[\u4e00-\u9fff]{2,4}?行业协会|[\u4e00-\u9fff]{2,6}?律师事务所|"
                               r"委员会|研究院|航空|分局|警察局|派出所|地检署|地方法院|地院|消防局|警局|高分院|分院|"
                               r"文联|作协|妇联|侨联|科协|工商联|残联|总工会|团委|台办|侨办|社科院|社科联|"
                               r"总领事馆|领事馆|大使馆|使馆|"
                               r"警区[\u4e00-\u9fff]{0,3}?(?:重案组|调查队)|刑事调查队|重案组|警署|"
                               rf"(?:部|局|厅|署|委|办){_NOT_A_WORD_AFTER})")


# 大部 and a compass point with 部 (华南大部, 中东部) are parts of a region, no body's name.
_PART_BEFORE = frozenset("大东南西北中")


def place_org_suffix_after(text: str, end: int) -> int | None:
    m = _PLACE_ORG_SUFFIX.match(text[end:end + 8])
    if m and m.group().startswith("部") and text[end - 1:end] in _PART_BEFORE:
        return None  # 东北地区中东部: a part of a region, not the Middle East's ministry
    return end + m.end() if m else None


def org_suffix_at_end(name: str) -> bool:
    """Whether a name's last two characters hold an organisation suffix (a foreign name never ends in one)."""
    return bool(_ORG_SUFFIX_AT.search(name[-2:]))


def org_suffix_after(text: str, end: int) -> int | None:
    """Where an organisation suffix right after `end` ends (`阿里巴巴` + `集团`), or None. A Latin name may
    stand a space apart from its suffix (`Qwen 团队`)."""
    gap = 1 if end < len(text) and text[end] == " " and end > 0 and text[end - 1].isascii() else 0
    rest = text[end + gap:end + gap + 8]
    m = _ORG_SUFFIX_AT.match(rest) or _SHORT_ORG_SUFFIX.match(rest)
    if m and text[end - 1:end].isascii() and _INDUSTRY.fullmatch(m.group()):
        return None  # AMD汽车部门, AMD汽车产品: a Latin company's line of business, not a company of its own
    if m and gap and m.end() == 1:
        return None  # Nvidia 和 AMD 所利用: one character a space apart is the next word's
    if m and m.group().startswith("部") and text[end - 1:end] in _PART_BEFORE:
        return None  # 华南大部, 湖北东部: 大部 and a compass point with 部 are parts of a region, no body
    return end + gap + m.end() if m else None


def facility_after(text: str, end: int) -> int | None:
    m = _FACILITY_SUFFIX.match(text[end:end + 8])
    return end + m.end() if m else None


_LOCAL_HEAD = re.compile(r"(?:纪念|公立|私立)?(?:学校|中学|小学|幼儿园)|救援队|俱乐部|协会|商会")


_REGISTERED_PARTS = frozenset({"有限", "有限责任", "股份有限", "股份"})


def _registered_tails_joined(tokens: Sequence[Token]) -> list[Token]:
    """The segmentation cuts a registered tail in two (有限责任 + 公司): join it, so the name reads as registered."""
    out: list[Token] = []
    for word, start, end in tokens:
        if word in ("公司", "有限公司") and out and out[-1][0] in _REGISTERED_PARTS and out[-1][2] == start:
            prev = out.pop()
            out.append((prev[0] + word, prev[1], end))
        else:
            out.append((word, start, end))
    return out


def suffixed_orgs(text: str, tokens: Sequence[Token], common: frozenset[str],
                  known: frozenset[str], places: frozenset[str] = frozenset(),
                  broad: frozenset[str] = frozenset(),
                  function_words: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """`X公司`, `X大学`... where X is one or two words of which at least one is not an everyday word
    (so `科技公司`, `这家公司`, `上市公司` are not organisations)."""
    tokens = _registered_tails_joined(tokens)
    for k, (word, start, end) in enumerate(tokens):
        whole = _one_word_org(word, common, places, broad) if len(word) >= 4 and is_han(word) else False
        if whole and not _DESCRIBED.match(text, end):
            yield Candidate(start, end, EntityKind.ORG, f"org:{word}", None, Source.RULES)
            continue
        m = _ORG_SUFFIX_AT.match(word) if is_han(word) else None
        if m is None or (m.end() != len(word) and not _ORG_SUFFIX_AT.fullmatch(word)):
            continue
        if (word == "控股" and text.startswith("的", end)) or (word == "公司" and text[end:end + 1] in "“「『\""):
            continue  # 巴菲特控股的伯克希尔: 控股 the verb; 智驾公司“千里科技”: a kind of company, then its name
        # A registered name (上海万科物业服务有限公司) runs longer than a name and a trade, and may follow the
        # place it is registered in (顺德区 + 威灵房产有限公司).
        registered = word.endswith(("有限公司", "有限责任公司"))
        # Schools, clubs and teams are named at length after their district (大埔崇德黄建常纪念学校).
        local = bool(_LOCAL_HEAD.fullmatch(word))
        for back in (1, 2, 3, 4) if registered or local else (1, 2):
            if k - back < 0:
                break
            body = tokens[k - back:k]
            if not all(is_han(w) for w, _, _ in body):
                break
            name_start = body[0][1]
            body_text = text[name_start:start]
            if not 2 <= len(body_text) <= (12 if registered or local else 8):
                continue
            if _COUNTED.search(body_text):
                continue  # 宾夕法尼亚四所学校, 民生三家银行: schools, banks counted
            if local and not registered and body[0][0] not in places and (back >= 3 or word.endswith("学校")):
                continue  # 技术类学校, 所有法国学校: a school described; 大埔浸信会公立学校 named after its district
            if local and back >= 2 and all(w in common for w, _, _ in body[1:]):
                continue  # 新竹 + 偏远山区小学: a place and everyday words describe a school
            if _INDUSTRY.fullmatch(word) and body_text not in places:
                continue
            if any(len(w) < 2 or w[0] in _FUNCTION_START for w, _, _ in body) or body[0][0] in function_words:
                continue  # 催收公司, 随后送往医院: a verb or an adverb starts no name
            trade = _TRADE_NAME.fullmatch(word) and not _DESCRIBED.match(text, end)
            if all((w in common or w in _MODERN_TRADES) and w not in known for w, _, _ in body) and not (
                    trade and back == 1 and body_text not in _DESCRIPTIVE and word == "地产"):
                continue  # 科技公司, 上市公司; but 卓越地产, 远洋地产 name a developer
            place_body = body_text in places or (body[0][0] in places and all(w in common for w, _, _ in body[1:]))
            if place_body and not _PLACE_ORG_SUFFIX.match(text[start:end]) and (
                    body[0][0] in broad or body_text in broad or not trade):
                continue  # 内地房地产, 中国公司: a country and a trade describe; 重庆百货, 瑞安地产 name
            if back >= 2 and not _LEFT_EDGE.search(text[max(0, name_start - 2):name_start]) and not (
                    registered and text[name_start - 1:name_start] in _REGISTERED_AFTER) and not (
                    local and body[0][0] in places):
                continue
            if _COUNTED.search(text[max(0, name_start - 3):name_start]) or _COUNTED.fullmatch(body[0][0]):
                continue  # 一家具身智能公司, 这家中国公司: a company described, not named
            # 公司 alone after a one-word name is a generic head (梅都公司 is 梅都); 有限公司, 集团 are part of it.
            name_end = start if word == "公司" and back == 1 else end
            name = text[name_start:name_end]
            yield Candidate(name_start, name_end, EntityKind.ORG, f"org:{name}", None, Source.RULES)
            break


_FUNCTION_START = frozenset("是很从在和与的把被这那该每各其此个多几些有没不也都就还又我你他她它咱您曾请")
# Adverbs and function characters that follow a name without being part of it (陈帆亦表示).
_NOT_LAST_CHAR = frozenset("是很从在和与的把被这那该每各其此个多几些有没不也都就还又亦则便均皆曾将已再仍并即称说")
# What ends a name a title announced: speech, punctuation.
_NAME_END = re.compile(rf"(?:{_SPEECH})|[，。、；：！？,;:!?()（）\s“”]")
# A numeral or a demonstrative with a classifier before a company: it is described (一家, 这家, 多家, 该所,
# 其他).
_COUNTED = re.compile(r"(?:[一二两三四五六七八九十几多这那该某每各此本首]+(?:家|个|间|所|类|批)|"
                      r"其他|其它|另外|不少|许多|部分)$")


def counted(before: str) -> bool:
    return bool(_COUNTED.search(before))


_TRADE_AT_END = re.compile(r"(?:百货|地产|置业|集团|控股|银行|证券|电器|航空|实业)$")


def _one_word_org(word: str, common: frozenset[str], places: frozenset[str], broad: frozenset[str]) -> bool:
    """A company the segmentation's dictionary holds as one word (太平洋百货, 重庆百货): a name or a city
    before a trade, not an everyday word (商业银行, 投资银行) nor a country (中国银行 is listed)."""
    m = _TRADE_AT_END.search(word)
    if m is None or word in common:
        return False
    head = word[:m.start()]
    if len(head) < 2 or head in broad or head in _DESCRIPTIVE or head[0] in _FUNCTION_START:
        return False
    return head in places or head not in common
# Trades a company is named by after its city (重庆百货, 瑞安地产, 北京银行), unless the phrase goes on into a
# description (北京房地产市场, 深圳地产股).
_TRADE_NAME = re.compile(rf"百货|地产|置业|集团|控股|银行|证券|电器|航空|实业|股份|商场|{INDUSTRIES}")
_DESCRIBED = re.compile(r"市场|行业|业|商|股|板块|企业|开发|项目|政策|价格|销售|投资|税|调控|泡沫|界|圈|公司")
# Everyday words before 地产 that describe the trade (商业地产, 旅游地产), not a developer.
_DESCRIPTIVE_WORDS = ("商业 工业 住宅 旅游 养老 文旅 物流 产业 房产 海外 本地 内地 国内 全国 大型 中小 "
                      "知名 品牌 上市 国有 民营 外资 中资 港资 台资 全球 高端 地方 城市 农村 乡村 主流 传统 新型")
_DESCRIPTIVE = frozenset(_DESCRIPTIVE_WORDS.split())






def _has_surname(word: str, surnames: frozenset[str]) -> bool:
    return word[0] in surnames or (len(word) >= 3 and word[:2] in surnames)
