"""Latin-script names read in their Chinese context: a company (業者DeepX, 根据ZDnet Korea报道, Mobilint公司)
or a product (晶片「Warboy」, 第二代晶片Regulus). A CamelCase name no list holds is a product by default
(rules.latin_names); the context says when it is a company, and names a plain capitalised word (Mobilint,
Warboy) that the default leaves alone."""

from __future__ import annotations

import re
from collections.abc import Iterable

from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.model import Candidate, EntityKind, Source
from qwen_reader.core.entities.rules import GENERIC_LATIN, SPEECH_AFTER, TITLE_BEFORE

# A run of capitalised Latin words (Furiosa AI, ZDnet Korea), each with its versions (DX-V3).
_RUN = re.compile(r"(?<![A-Za-z0-9\-.])[A-Z][A-Za-z0-9]*(?:[-.&][A-Za-z0-9]+)*"
                  r"(?: (?:[A-Z][A-Za-z0-9]*(?:[-.&][A-Za-z0-9]+)*))*(?![A-Za-z0-9])")
_OPEN = r"[「『“《\"']?\s?"
_CLOSE = r"\s?[」』”》\"']?"
# What names a company before it: a trade noun, a source being quoted.
_ORG_BEFORE = re.compile(rf"(?:业者|厂商|公司|企业|新创|初创|创企|独角兽|集团|品牌|媒体|网站|外媒|机构|银行|基金|券商|"
                         rf"对手|客户|供应商|开发商|运营商|制造商|设计商|芯片商|晶片商|根据|据|援引|引述|引用|来自|"
                         rf"旗下的|母公司|子公司|投资|收购|合作伙伴|律师行|律所|事务所|投行|巨头|巨擘|龙头|私募|大厂|"
                         rf"领投|跟投|参投|注资|入股){_OPEN}$")
# What says a company after it: its officers, its actions as a company, a report it made.
_ORG_AFTER = re.compile(rf"^{_CLOSE}(?:公司|集团|旗下|表示|宣布|声明|指出|称|报导|报道|报告|引述|股价|市值|估值|"
                        rf"成立于|创立于|创办于|总部(?:位于|设在|设于)|完成了?[A-Za-z0-9+\-\s]{{0,8}}轮|"
                        rf"创办人|创始人|执行长|首席执行官|CEO|发言人|董事长|总裁|融资|财报|营收|于\d{{4}}年|"
                        rf"副?首席[\u4e00-\u9fff]{{1,4}}官|副总裁|总经理|首席经济学家|分析师|"
                        rf"开发的|推出的|发布的|研发的|的执行长|的创办人|的创始人|的CEO|的股价|的芯片|的晶片|的第)")
# What names a product before it: its kind (第二代晶片Regulus, 晶片「Warboy」, 大模型 Kimi).
_PRODUCT_BEFORE = re.compile(rf"(?:芯片|晶片|代晶|处理器|模型|大模型|手机|机型|新机|应用|平台|系统|软件|游戏|浏览器|"
                             rf"下载|开通|安装|打开|升级到|"
                             rf"眼镜|耳机|手表|车型|新车|服务|产品|App|APP|型号){_OPEN}$")
# Words a company's name may end in that are no names alone.
_TECHNOLOGY_AFTER = re.compile(r"^\s?(?:[「“][^」”]{1,8}[」”])?(?:技术|架构|协议|标准)")
# Not 芯片 or 核心: chip makers and a company's core team stand before those (Tachyum 芯片, X 核心团队).
_COMPONENT_AFTER = re.compile(r"\s?(?:CPU|GPU|NPU|处理器)")
_TIER_LAST = re.compile(r" (?:Pro|Max|Ultra|Plus|Mini|Lite|Air|Fold|Flip|Studio|Book)$")
# A model code before the word for its kind (MT2625晶片, A18 Pro芯片).
_PRODUCT_AFTER = re.compile(rf"^{_CLOSE}(?:晶片|芯片|处理器|平台|模组|模块|手机|机型|系列)")
_CODED = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")
# The word for a product's kind right after any Latin name (Alexa 語音助理, Firefox浏览器, Rubin 系统, V-JEPA模型).
_KIND_OF_PRODUCT_AFTER = re.compile(rf"^{_CLOSE}(?:浏览器|语音助理|语音助手|智能助理|操作系统|系统|大模型|模型|耳机|"
                                    r"音箱|智能手表|头显|串流服务|流媒体服务|订阅|应用程序|手游|游戏|GPU|CPU|显卡|芯片|"
                                    r"晶片|处理器)")
# Kinds written before those words, no names: game genres and platforms (RPG游戏, MMO手游, JAVA游戏), kinds of chip
# (DPU芯片, FPGA芯片) and of model (Transformer 模型, MoE模型).
_KIND_WORDS = ("RPG ARPG JRPG SRPG MMO MMORPG RTS FPS TPS ACT AVG SLG MOBA STG FTG SPG RAC SIM AAA JAVA Java Flash "
               "HTML5 H5 VR AR XR PC DPU NPU TPU GPU CPU FPGA ASIC SoC MCU DSP AI Transformer Diffusion MoE CNN "
               "RNN LSTM Mamba")
_KINDS_NOT_NAMES = frozenset(_KIND_WORDS.split())
# A short acronym before the word for a system, a chip, earphones or a subscription names a kind of them (ERP系统,
# GPS系统, ADAS系统, TWS耳机, CMOS晶片, RISC-V芯片, VIP订阅), not one product.
_ACRONYM = re.compile(r"[A-Z]{2,5}(?:-[A-Z])?")
_KIND_OF_SYSTEM_AFTER = re.compile(rf"^{_CLOSE}(?:系统|操作系统|芯片|晶片|耳机|订阅)")
_GENERIC_WORDS = ("AI IC IT Inc Ltd Co Corp Labs Lab Group Technologies Technology Systems Semiconductor Korea Japan "
                  "China Taiwan Asia India Europe America Global International Token Tokens All The This")
_GENERIC = frozenset(_GENERIC_WORDS.split())
_EDITION = re.compile(r" (?:Korea|Japan|China|Taiwan|Asia|India|Europe|America|Global|International)(?![A-Za-z0-9])")
# A company's legal or corporate name after its short one is the same company (Meta Platforms, Dell Technologies).
_CORPORATE = re.compile(r" (?:Platforms|Technologies|Technology|Holdings|Group|Inc\.?|Corporation|Corp\.?|Networks|"
                        r"Systems|Semiconductor|Electronics|Motors|Communications)(?![A-Za-z0-9])")


# A person's name in Latin script: two or three capitalised words (Jitesh Ubrani, Mary Ann Smith).
_PERSON_SHAPE = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?(?: [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?){1,2}")


# A word for a person right before one capitalised word: that word is the person's name (印佣Emi, 大叔Gweilo).
_PERSON_NOUN_BEFORE = re.compile(r"(?:印佣|菲佣|外佣|家佣|保姆|大叔|大妈|大爷|阿姨|歌手|演员|网友|博主|主播|男子|女子|"
                                 r"少年|少女|男孩|女孩|小伙|姑娘|丈夫|妻子|儿子|女儿|球员|教练|选手|模特|艺人|网红|"
                                 r"工人|员工|学生|同学|市民|居民|游客|老外|女士|先生|小姐)[「“]?$")
_ONE_WORD = re.compile(r"[A-Z][a-z]{2,}")


def _kind_from_context(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 6):start]
    after = text[end:end + 8]
    if _ONE_WORD.fullmatch(text, start, end) and _PERSON_NOUN_BEFORE.search(before):
        return EntityKind.PERSON
    if _TECHNOLOGY_AFTER.match(after):
        return None  # Hi4「电四驱」技术: a technology, no product
    if _PERSON_SHAPE.fullmatch(text, start, end) and (TITLE_BEFORE.search(text[max(0, start - 8):start])
                                                      or SPEECH_AFTER.match(text, end)):
        return EntityKind.PERSON  # 研究经理Jitesh Ubrani指出: an office before, a speech verb after
    if _PRODUCT_BEFORE.search(before) or (_CODED.search(text, start, end) and _PRODUCT_AFTER.match(after)) \
            or (_KIND_OF_PRODUCT_AFTER.match(after) and text[start:end] not in _KINDS_NOT_NAMES
                and not (_ACRONYM.fullmatch(text, start, end) and _KIND_OF_SYSTEM_AFTER.match(after))):
        return EntityKind.PRODUCT
    if _TIER_LAST.search(text, start, end) and " " in text[start:end]:
        return EntityKind.PRODUCT  # Surface Pro, Vision Pro: a tier's word ends a product's name
    if (_ORG_BEFORE.search(before) and not re.match(r"^\s?-?\d", after)) or _ORG_AFTER.match(after):
        return EntityKind.ORG
    return None


def context_names(text: str, chosen: list[Candidate], known: frozenset[str]) -> list[Candidate]:
    """Relabel the default products whose context says company, and add capitalised names a context names.
    Names a list holds keep the list's kind."""
    out: list[Candidate] = []
    covered = bytearray(len(text))
    for c in chosen:
        edition = _EDITION.match(text, c.end) if c.kind == EntityKind.ORG and text[c.start:c.end].isascii() else None
        if edition:  # ZDNet Korea, Nikkei Asia: a company's edition for a country is a company of its own
            name = text[c.start:edition.end()]
            c = Candidate(c.start, edition.end(), EntityKind.ORG, f"{EntityKind.ORG}:{slug(name)}", name, c.source)
        corporate = _CORPORATE.match(text, c.end) if c.kind == EntityKind.ORG and text[c.start:c.end].isascii() \
            and not edition else None
        if corporate:
            c = c._replace(end=corporate.end())
        surface = text[c.start:c.end]
        line = re.split(r"[ \d-]", surface)[0]  # iPhone in iPhone 16e: a listed product line stays a product
        if c.source == Source.RULES and c.kind == EntityKind.PRODUCT and surface not in known and line not in known \
                and _kind_from_context(text, c.start, c.end) == EntityKind.ORG:
            c = c._replace(kind=EntityKind.ORG, id=f"{EntityKind.ORG}:{slug(text[c.start:c.end])}")
        if c.source == Source.RULES and c.kind == EntityKind.PRODUCT and surface not in known \
                and _TECHNOLOGY_AFTER.match(text[c.end:c.end + 10]):
            continue  # Hi4「电四驱」技术: a technology, no product
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    added = False
    for m in _RUN.finditer(text):
        start, end = m.start(), m.end()
        words = m.group().split(" ")
        # MT2625, XZ1系列: a short code is a model where its digits are many or a product word follows.
        coded = bool(_CODED.search(words[0])) and (sum(ch.isdigit() for ch in words[0]) >= 3
                                                   or bool(_PRODUCT_AFTER.match(text[end:end + 8])))
        if words[0] in _GENERIC or words[0] in GENERIC_LATIN or any(covered[start:end]) \
                or (len(re.sub(r"[^A-Za-z]", "", words[0])) < 3 and not coded):
            continue
        kind = _kind_from_context(text, start, end)
        if kind is None:
            continue
        if kind == EntityKind.PRODUCT:
            while len(words) > 1 and words[-1] in _GENERIC:
                end -= len(words.pop()) + 1
        name = text[start:end]
        if name in known:
            continue
        out.append(Candidate(start, end, kind, f"{kind}:{slug(name)}", name, Source.RULES))
        added = True
    return sorted(out) if added else out


def document_kinds(chosen: Iterable[list[Candidate]], texts: Iterable[str]) -> None:
    """A Latin name the context calls a company somewhere in the document is a company everywhere in it
    (DeepX于2024年开发 after 业者DeepX), and one it calls a person a person. In place."""
    pairs = list(zip(chosen, texts, strict=True))
    companies = {text[c.start:c.end] for cs, text in pairs for c in cs
                 if c.kind == EntityKind.ORG and c.source == Source.RULES and text[c.start:c.end].isascii()}
    # A one-word name a person noun announced is that person everywhere (Emi表示 after 印佣Emi).
    people = {text[c.start:c.end] for cs, text in pairs for c in cs
              if c.kind == EntityKind.PERSON and c.source == Source.RULES and _ONE_WORD.fullmatch(text[c.start:c.end])}
    # A Latin name written before the word for a technology anywhere is that technology everywhere (Hi4「电四驱」技术).
    technologies = {text[c.start:c.end] for cs, text in pairs for c in cs if c.kind == EntityKind.PRODUCT
                    and c.source == Source.RULES and _TECHNOLOGY_AFTER.match(text[c.end:c.end + 10])}
    technologies |= {m.group() for _, text in pairs for m in _RUN.finditer(text)
                     if _TECHNOLOGY_AFTER.match(text[m.end():m.end() + 10])}
    # One the document also writes before a part of a device is that part, a product (Oryon 架构, Oryon CPU),
    # whatever its revenue or its delays make it sound like elsewhere (Blackwell 营收).
    parts = {m.group() for _, text in pairs for m in _RUN.finditer(text) if _COMPONENT_AFTER.match(text, m.end())}
    parts |= {m.group().rsplit(" ", 1)[0] for _, text in pairs for m in _RUN.finditer(text)
              if m.group().endswith((" CPU", " GPU", " NPU"))}
    technologies -= parts
    companies -= parts
    for cs, text in pairs:
        for i, c in enumerate(cs):
            if c.kind == EntityKind.ORG and c.source in (Source.RULES, Source.CONSISTENCY) \
                    and text[c.start:c.end] in parts:
                cs[i] = c._replace(kind=EntityKind.PRODUCT, id=f"{EntityKind.PRODUCT}:{slug(text[c.start:c.end])}")
    for cs, text in pairs:
        cs[:] = [c for c in cs if not (c.kind == EntityKind.PRODUCT and c.source in (Source.RULES, Source.CONSISTENCY)
                                       and text[c.start:c.end] in technologies)]
    if not companies and not people:
        return
    for cs, text in pairs:
        for i, c in enumerate(cs):
            surface = text[c.start:c.end]
            if surface in people and c.kind != EntityKind.PERSON and c.source != Source.LIST:
                cs[i] = c._replace(kind=EntityKind.PERSON, id=f"{EntityKind.PERSON}:{slug(surface)}", english=surface)
            elif c.kind == EntityKind.PRODUCT and c.source == Source.RULES and surface in companies - people:
                cs[i] = c._replace(kind=EntityKind.ORG, id=f"{EntityKind.ORG}:{slug(surface)}")


# A model after its line or its maker: 天玑9400, 骁龙8 Gen 3, 小米15 Ultra, 麒麟9000S, Pixel 9 Pro, Magic7 Pro.
_CODE = r"[A-Z]{0,2}[0-9]{1,5}[A-Za-z]{0,2}\+?"
_TAIL = (r"(?:\s?(?:Pro|Max|Ultra|Plus|Mini|mini|Lite|SE|XR|XS|Neo|Turbo|Fold\d*|Flip\d*|Gen\s?\d+|5G|FE|Note|"
         r"至尊版|旗舰版|标准版|青春版|尊享版))*")
_MODEL_AFTER = re.compile(rf"{_CODE}{_TAIL}(?![A-Za-z0-9.%])")
# A line's own word may come between (iPod classic 3, iPod nano5): some makers write it in lower case.
_LINE_WORD = r"(?:[A-Z][a-z]+ |(?:classic|nano|shuffle|touch) ?)"
_SPACED_MODEL = re.compile(rf" {_LINE_WORD}?(?:[A-Z]{{1,2}}\d{{1,5}}[A-Za-z]?\+?|\d{{1,3}}){_TAIL}"
                           r"(?![A-Za-z0-9.%])")
_TAIL_ONLY = re.compile(rf"{_TAIL}(?![A-Za-z0-9.%])")
# A number after a name that is a quantity or a date, not a model (小米15日, 台积电3纳米, 华为5G).
_UNIT_AFTER = re.compile(r"[日月年号亿万千百元个家款台部名岁位人倍纳奈季度代系列寸吋英%+国城省市强条项点级]|G\b|nm")


# What after a spaced number makes it a date or a count (小米 15 日, 苹果 2 月), not a model (小米 15 系列).
_SPACED_UNIT = re.compile(r"[日月年号亿万千百元个家款台部名岁位人倍季度寸吋%]|nm")
_NETWORK = re.compile(r"\dG(?![A-Za-z0-9])")
# A year after a maker is its event's, not a model (苹果2019秋季发布会, 阿里2019云栖大会).
_YEAR = re.compile(r"(?:19|20)\d\d")


def _unit_after(text: str, end: int) -> bool:
    """A unit after a spaced code, maybe past a space (蔚来 L4 级 is a level, not a model)."""
    return bool(_UNIT_AFTER.match(text, end + (text[end:end + 1] == " ")))


def models(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Extend a product line or a maker by the model written after it. A Chinese name with its number is the
    model (小米15 Ultra is a phone); a maker then a spaced Latin model keeps the maker (OPPO + Find X8)."""
    out: list[Candidate] = []
    changed = False
    for i, c in enumerate(chosen):
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        surface = text[c.start:c.end]
        if c.kind in (EntityKind.ORG, EntityKind.PRODUCT) and not surface.isascii():
            m = _MODEL_AFTER.match(text, c.end)
            if not (m and m.group()) and text[c.end:c.end + 1] == " " and text[c.end + 1:c.end + 2].isdigit():
                m = _MODEL_AFTER.match(text, c.end + 1)  # 小米 15: the press spaces the number too
                if m and _SPACED_UNIT.match(text, m.end() + (text[m.end():m.end() + 1] == " ")):
                    m = None  # 小米 15 日, 苹果 2 月: a date or a count
            spaced = _SPACED_MODEL.match(text, c.end) if not (m and m.group()) and c.kind == EntityKind.ORG \
                and c.end < next_start and text[c.end + 1:c.end + 2].isalpha() else None
            if spaced and not _unit_after(text, spaced.end()) and spaced.end() <= next_start:
                out.append(c)  # 小米 + SU7 Ultra: the maker, then its model
                name = spaced.group().strip()
                c = Candidate(spaced.end() - len(name), spaced.end(), EntityKind.PRODUCT, f"product:{slug(name)}",
                              name, Source.RULES)
                changed = True
            elif m and m.group() and not _UNIT_AFTER.match(text, m.end()) and not _NETWORK.match(m.group()) \
                    and m.group() not in GENERIC_LATIN and not _YEAR.fullmatch(m.group()):
                if m.group()[0].isdigit() or c.kind == EntityKind.PRODUCT:  # 小米15 Ultra, 天玑9400: one model
                    name = text[c.start:m.end()]
                    c = Candidate(c.start, m.end(), EntityKind.PRODUCT, f"product:{slug(name)}", None, c.source)
                else:  # 苹果A18 Pro: the maker, then its model
                    out.append(c)
                    name = m.group()
                    c = Candidate(m.start(), m.end(), EntityKind.PRODUCT, f"product:{slug(name)}", name, Source.RULES)
                changed = True
        elif c.kind == EntityKind.PRODUCT:
            glued = _MODEL_AFTER.match(text, c.end) if text[c.end:c.end + 1].isdigit() else None  # Find X + 8
            m = glued or _SPACED_MODEL.match(text, c.end) or _TAIL_ONLY.match(text, c.end)
            if m and m.group().strip() and not _UNIT_AFTER.match(text, m.end()):
                name = text[c.start:m.end()]
                c = Candidate(c.start, m.end(), EntityKind.PRODUCT, f"product:{slug(name)}", name, c.source)
                changed = True
        elif c.kind == EntityKind.ORG and next_start > c.end:
            m = _SPACED_MODEL.match(text, c.end)
            if m and not _unit_after(text, m.end()) and m.end() <= next_start:
                name = m.group().strip()
                out.append(c)
                c = Candidate(m.end() - len(name), m.end(), EntityKind.PRODUCT, f"product:{slug(name)}", name,
                              Source.RULES)
                changed = True
        out.append(c)
    if not changed:
        return chosen
    kept: list[Candidate] = []
    for c in out:  # a model swallows the figure its number made (15 in 小米15)
        if kept and c.start < kept[-1].end:
            if c.end - c.start > kept[-1].end - kept[-1].start:
                kept[-1] = c
            continue
        kept.append(c)
    return kept


def a_sentence(name: str) -> bool:
    """An English title or sentence (Quantifying additional COVID-19 symptoms will save lives) is no name:
    names keep their words capitalised, save a few particles."""
    words = name.split()
    return len(words) >= 4 and sum(w[0].islower() for w in words if w not in _PARTICLES) >= 2


_PARTICLES = frozenset({"of", "the", "and", "for", "de", "la", "von", "van", "der", "du", "in", "on", "at", "to"})


# A Latin name in a list of companies is a company (NVIDIA、SpaceX、亚马逊、23andMe、Kite Pharma、腾讯).
_LIST_ITEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9+&.\-]*(?: [A-Z][A-Za-z0-9+&.\-]*){0,3}")
_CLAUSE = re.compile(r"[^。；：:！？\n]+")


def listed_with_companies(text: str, chosen: list[Candidate]) -> list[Candidate]:
    orgs = {(c.start, c.end) for c in chosen if c.kind == EntityKind.ORG}
    found: list[Candidate] = []
    dropped: set[Candidate] = set()
    for clause in _CLAUSE.finditer(text):
        items, start = [], clause.start()
        for part in clause.group().split("、"):
            lead = len(part) - len(part.lstrip())
            items.append((start + lead, start + len(part.rstrip())))
            start += len(part) + 1
        if len(items) < 3:
            continue
        first, last = items[0], items[-1]
        # The first item may carry the words before the list (依序为NVIDIA), the last those after it (百度等).
        named = sum(1 for s, e in items if (s, e) in orgs or ((s, e) == first and any(o[1] == e for o in orgs))
                    or ((s, e) == last and any(o[0] == s for o in orgs)))
        if named * 4 < len(items):
            continue
        for s, e in items:
            m = _LIST_ITEM.fullmatch(text, s, e)
            inside = [c for c in chosen if c.start < e and s < c.end]
            if m is None or not any(ch.isupper() or ch.isdigit() for ch in m.group()) or any(
                    c.kind == EntityKind.ORG or c.source == Source.LIST for c in inside):
                continue
            dropped.update(inside)  # Sophia + Genetics read as a person, MercadoLibre as a product: not here
            found.append(Candidate(s, e, EntityKind.ORG, f"{EntityKind.ORG}:{slug(m.group())}", m.group(),
                                   Source.RULES))
    return sorted([*(c for c in chosen if c not in dropped), *found]) if found else chosen


# A Latin name in brackets right after a name: the same entity's other name (格芯（GlobalFoundries）,
# 柯慕贤（Michael Clauss）, 中兴通讯（ZTE））.
_BRACKETED = re.compile(r"[（(]\s?([A-Z][A-Za-z0-9 .&'’-]{1,40}?)\s?[)）]")


def bracketed_aliases(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The Latin name in brackets after a Chinese name takes that name's kind and identity."""
    before = {c.end: c for c in chosen if c.kind in (EntityKind.PERSON, EntityKind.ORG, EntityKind.PLACE,
                                                     EntityKind.PRODUCT) and not text[c.start:c.end].isascii()}
    out = list(chosen)
    changed = False
    for m in _BRACKETED.finditer(text):
        name = before.get(m.start())
        if name is None:
            continue
        inside = [c for c in out if c.start < m.end(1) and m.start(1) < c.end]
        if m.group(1) in GENERIC_LATIN or m.group(1) in _GENERIC or any(c.source == Source.LIST for c in inside):
            continue  # 王小明（CEO）, 王大明（TVB）: a title or a listed body in brackets is no other name
        out = [c for c in out if c not in inside]
        out.append(Candidate(m.start(1), m.end(1), name.kind, name.id, m.group(1), Source.RULES))
        changed = True
    return sorted(out) if changed else chosen


_PAIR_JOIN = re.compile(r"\s?(?:、|和|与|及|以及|或)\s?")


def paired_with_a_company(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A Latin name joined to a listed company by 和, 与 or 、 is a company too (Uber 和 Lyft, Uber、Doordash),
    where no list or rule gave it another kind."""
    companies = [c for c in chosen if c.kind == EntityKind.ORG and c.source == Source.LIST]
    if not companies:
        return chosen
    out = list(chosen)
    changed = False
    for m in _RUN.finditer(text):
        start, end = m.start(), m.end()
        if m.group() in _GENERIC or m.group() in GENERIC_LATIN or len(m.group()) < 3 or _CODED.search(m.group()):
            continue
        joined = any(_PAIR_JOIN.fullmatch(text, c.end, start) is not None or
                     _PAIR_JOIN.fullmatch(text, end, c.start) is not None for c in companies)
        if not joined:
            continue
        inside = [c for c in out if c.start < end and start < c.end]
        if any(c.source == Source.LIST or c.kind == EntityKind.ORG or (c.start, c.end) != (start, end)
               for c in inside) or any(c.kind == EntityKind.PERSON for c in inside):
            continue
        out = [c for c in out if c not in inside]
        out.append(Candidate(start, end, EntityKind.ORG, f"{EntityKind.ORG}:{slug(m.group())}", m.group(),
                             Source.RULES))
        changed = True
    return sorted(out) if changed else chosen


# A person's Latin name standing on its own: two or three capitalised words, no Latin word before or after.
_PERSON_ALONE = re.compile(rf"(?<![A-Za-z0-9\-.])(?<![A-Za-z0-9\-.,] ){_PERSON_SHAPE.pattern}(?![A-Za-z0-9]| [A-Z])")


def listed_with_people(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A Latin name written like a person's and joined to a person by 、, 和, 及 or 与 is a person too (Ami
    Luttwak、Yinon Costica 和 Roy Reznik), also where its given name is no common English one."""
    people = [c for c in chosen if c.kind == EntityKind.PERSON]
    if not people:
        return chosen
    out = list(chosen)
    found = True
    while found:
        found = False
        for m in _PERSON_ALONE.finditer(text):
            start, end = m.start(), m.end()
            if any(c.start < end and start < c.end for c in out):
                continue
            if any(_PAIR_JOIN.fullmatch(text, p.end, start) or _PAIR_JOIN.fullmatch(text, end, p.start)
                   for p in people):
                person = Candidate(start, end, EntityKind.PERSON, f"{EntityKind.PERSON}:{slug(m.group())}",
                                   m.group(), Source.RULES)
                out.append(person)
                people.append(person)
                found = True
    return sorted(out) if len(out) > len(chosen) else chosen
