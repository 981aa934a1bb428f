"""A company or brand the statistical sources read as a person: many brands are written like given names or
nicknames (小鹏, 凯擘, 路特斯), and the tagger reads them as men. Where the document uses the name the way it uses
a company's anywhere (a model after it, its share price, a trade word before it, a list of companies around it,
or another source already reading it as a company), every statistical reading of it as a person becomes the
company. A list's or a rule's person (an office before the name, a surname with its sex) is never overruled."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qwen_reader.core.entities.introduced import stock_code_end
from qwen_reader.core.entities.model import Candidate, EntityKind, Source
from qwen_reader.core.entities.model_codes import model_after

# Sources whose people the document's use may overrule: the statistical ones and the copies made of them.
_WEAK = (Source.TAGGER, Source.LAC, Source.CEDICT, Source.CONSISTENCY)
# What a company has and a person does not: a share price, models, shops, a website, a brand.
# Right after the name only: a person owns cars, brands and shops too (刘强的汽车, 周杰伦的品牌).
_COMPANY_AFTER = re.compile(r"\s?(?:股价|市值|财报|营收|车型|销量|门店|官网|新车|在港上市|港股|美股|股份|汽车|集团|"
                            r"控股(?!的)|的(?:股价|市值|财报|营收|车主))")
# A trade word right before the name (有线电视业者凯擘, 车企小鹏, 友商理想).
# Not 对手, 同行 or 平台: rivals, peers and a platform's hosts are people as often.
_COMPANY_BEFORE = re.compile(r"(?:车企|业者|厂商|品牌|友商|新势力|电商|运营商|酒店集团|连锁)$")
# A company's tail that ends no person's name (a four-character "name" ending in 电子 is a company).
_COMPANY_TAIL = re.compile(r"(?:电子|科技|集团|控股|股份|实业|光电|半导体|证券|银行|汽车|地产|置业|物流|传媒|医药)$")
# The hundred most common surnames (a public ranking), which open most people's three-character names.
_COMMON_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
                             "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
                             "尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
# Where the name stands between items of a list: 、 or a conjunction.
_LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|以及)\s*")


def _used_as_company(text: str, c: Candidate, candidates: Sequence[Candidate], index: int) -> bool:
    if _COMPANY_AFTER.match(text, c.end) or stock_code_end(text, c.end) is not None \
            or _COMPANY_BEFORE.search(text, max(0, c.start - 6), c.start):
        return True
    if model_after(text, c.end):
        return True
    if index > 0 and candidates[index - 1].end == c.start and candidates[index - 1].kind == EntityKind.ORG:
        return False  # 工联会古伟冰: a body right before a name is the person's affiliation
    surface = text[c.start:c.end]
    if len(surface) == 3 and surface[0] in _COMMON_SURNAMES:
        return False  # 台积电、联发科、王雪红及鸿海: a full Chinese name in a row of companies is a person there
    return _companies_joined(text, candidates, index, -1) >= 2 or _companies_joined(text, candidates, index, 1) >= 2


def _companies_joined(text: str, candidates: Sequence[Candidate], index: int, step: int) -> int:
    """How many companies in a row a list joins to the name at `index`, going left (-1) or right (1); a person's
    office between two people (副主委郑贞茂、证期局副局长周惠美) stops the row at its first body."""
    count, here = 0, candidates[index]
    k = index + step
    while 0 <= k < len(candidates) and candidates[k].kind == EntityKind.ORG:
        other = candidates[k]
        left, right = (other, here) if step < 0 else (here, other)
        gap_start = stock_code_end(text, left.end) or left.end
        if not _LIST_JOIN.fullmatch(text, gap_start, right.start):  # 友达（2409）与彩晶: a code may stand between
            break
        count, here, k = count + 1, other, k + step
    return count


def brands_not_people(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """In place: each statistical person whose name the document also uses as a company's is that company."""
    companies: dict[str, Candidate | None] = {}
    sure_people: set[str] = set()
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            surface = text[c.start:c.end]
            if c.kind == EntityKind.PERSON and c.source not in _WEAK:
                sure_people.add(surface)
            elif c.kind == EntityKind.ORG and c.source in (Source.LIST, Source.RULES):
                companies.setdefault(surface, c)  # the tagger's own organisations misread people too
            elif c.kind == EntityKind.PERSON and (_used_as_company(text, c, candidates, i) or (
                    len(surface) >= 4 and _COMPANY_TAIL.search(surface))):
                companies.setdefault(surface, None)  # 隆宇电子 read as a man: a company's tail ends it
    names = {s: c for s, c in companies.items() if s not in sure_people}
    if not names:
        return
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            surface = text[c.start:c.end]
            if c.kind == EntityKind.PERSON and c.source in _WEAK and surface in names:
                org = names[surface]
                candidates[i] = c._replace(kind=EntityKind.ORG, id=org.id if org else f"org:{surface}",
                                           english=org.english if org else None, source=Source.CONSISTENCY)
