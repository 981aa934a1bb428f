"""How a text writes around an organisation's name: a class noun before it (美国非营利组织 + 恒星发展基金会),
its English name and acronym in brackets after it (（Stellar Development Foundation, SDF）), a party's
name before 人 that describes a member (民进党人), and parts of a region read as a body (中东部)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qwen_reader.core.entities.model import Candidate, EntityKind, Source, overlaid
from qwen_reader.core.entities.rules import org_suffix_at_end

# 中东部, 东南部, 华南大部: parts of a region, which the tagger sometimes reads as a body ending in 部.
_REGION_PART = re.compile(r"[东南西北中]{1,3}部|[\u4e00-\u9fff]{0,3}大部")


# 广州某基金, 新浪合资, 内资基金: a body described, none named; 该行, 本公司: one pointed back to.
_DESCRIBED = re.compile(r".*某.*|.*(?:合资|内资|外资|独资)(?:基金)?|"
                       r"[该本此其这那][行司所院厂店台社局部委会]|[该本此]公司")


# 煤炭股, 银行股, 周期股: the shares of a trade or a kind, which the tagger reads as a body (控股 ends names).
_SHARES_OF_A_KIND = re.compile(r"[\u4e00-\u9fff]{1,4}(?:(?<![控持])股|板块)")


def no_body_named(text: str, c: Candidate) -> bool:
    """Parts of a region read as a body (中东部), bodies described rather than named (广州某基金), and a trade's
    shares read as a body (煤炭股) by any source but a list."""
    return c.kind == EntityKind.ORG and (_REGION_PART.fullmatch(text, c.start, c.end) is not None
                                         or _DESCRIBED.fullmatch(text, c.start, c.end) is not None
                                         or (c.source != Source.LIST
                                             and _SHARES_OF_A_KIND.fullmatch(text, c.start, c.end) is not None))


# 各国央行, 多国政府: a kind of body in every country, not the one a list names (央行 is the PBOC alone).
_EVERY = re.compile(r"(?:各国|多国|各地|各家|世界各国|全球各国|其他国家)的?$")


def of_every_country(text: str, c: Candidate) -> bool:
    return c.kind == EntityKind.ORG and _EVERY.search(text, max(0, c.start - 5), c.start) is not None


# 集团所发出, 商务部所需: 所 after a body's head is the particle of the clause, no part of the name.
_PARTICLE_AFTER_HEAD = re.compile(r"(?:集团|公司|银行|大学|[部局厅署委])所$")


# Prepositions and conjunctions that open no company's name (names opening with 以, 经, 自, 同, 前 or 将 exist:
# 以色列国防军, 经济日报, 自由时报, 同仁堂, 前海人寿, 将军澳医院).
_CLAUSE_WORDS = frozenset("为对由但从在被向于让把给据")


def without_particle(text: str, c: Candidate) -> Candidate:
    """An organisation without the words of the clause around it: 所 after its head, a joining word before it
    (及庆富集团), and 公司 alone after its name (中华邮政公司 is 中华邮政, as the guidelines keep 公司 outside)."""
    start, end = c.start, c.end
    while end > start and text[end - 1].isspace():
        end -= 1  # MOTO + E2: the space before a model is no part of the maker
    while start < end and text[start].isspace():
        start += 1
    if c.kind != EntityKind.ORG:
        return c if (start, end) == (c.start, c.end) or end - start < 1 else c._replace(start=start, end=end)
    if end - start >= 4 and text[end - 1] in "与和及的跟":
        end -= 1  # 红星美凯龙与 + 居然之家: the word joining two names ends neither
    if _PARTICLE_AFTER_HEAD.search(text, start, end):
        end -= 1
    if end - start >= 4 and text[start] in "及和与跟" and _ORG_END.search(text, start, end):
        start += 1
    elif end - start >= 5 and text[start] in _CLAUSE_WORDS and org_suffix_at_end(text[start:end]) \
            and c.source in (Source.RULES, Source.LAC):
        start += 1  # 为景驰科技, 对义联集团, 由广汽集团: a preposition of the clause before the name
    if end - start >= 4 and text.endswith("公司", start, end) and not _REGISTERED_END.search(text, start, end):
        end -= 2
        while end > start and text[end - 1] == " ":
            end -= 1  # AMD 公司: the press's space before 公司 is no part of the name
    return c if (start, end) == (c.start, c.end) else c._replace(start=start, end=end,
                                                                   id=f"org:{text[start:end]}")


# Where 公司 is part of the name: registered names, and the companies of facilities and broadcasters (桃园机场公司,
# 英国广播公司).
_REGISTERED_END = re.compile(r"(?:有限|有限责任|股份|集团|控股|投资|开发|航空|电力|铁路|广播|机场|地铁|港铁|捷运|高铁|"
                             r"码头|"
                             r"港口)公司$")


def a_member(text: str, c: Candidate) -> bool:
    """民进党人, 国民党人: a party's name before 人 describes a member, not the party (the guidelines leave it)."""
    return c.kind == EntityKind.ORG and text[c.end - 1:c.end] == "党" and text[c.end:c.end + 1] == "人"


# Class nouns a writer puts before a name (美国非营利组织恒星发展基金会, 研调机构 + 名字): what follows is the name.
# A trade's short class noun (钢企, 房企, 券商) and a company's relation (母公司) do the same.
CLASS_NOUNS = "组织|机构|业者|厂商|大厂|巨头|龙头|[钢车药房险]企|券商|智库|母公司|子公司"
_DESCRIPTOR = re.compile(rf"(?:{CLASS_NOUNS})(?=[\u4e00-\u9fff]{{3,}})")
# A company's board read with the company (沙钢集团董事局 + 主席): the board's officer is the company's.
_BOARD = re.compile(r"(?<=集团|公司|控股|银行)(?:董事局|董事会|监事会)(?=主席|副主席|秘书|成员|主任)")


def trim_descriptors(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """An organisation read together with the class noun before it keeps only the name after it (in place)."""
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            if c.kind != EntityKind.ORG:
                continue
            board = _BOARD.search(text, c.start, c.end + 3)
            if board is not None and board.end() == c.end:
                c = candidates[i] = Candidate(c.start, board.start(), c.kind, f"org:{text[c.start:board.start()]}",
                                              c.english, c.source)
            found = list(_DESCRIPTOR.finditer(text, c.start, c.end))
            m = found[-1] if found else None
            head = _ORG_END.search(text, m.end(), c.end) if m is not None else None
            if head is not None and head.start() - m.end() >= 2 and text[m.end():m.end() + 2] not in _GENERIC_NAME:
                candidates[i] = Candidate(m.end(), c.end, EntityKind.ORG, f"org:{text[m.end():c.end]}", None, c.source)


_ORG_END = re.compile(r"(?:基金会|协会|学会|联盟|委员会|公司|集团|银行|大学|学院|研究院|研究所|中心|实验室|医院|"
                      r"交易所|商会|联合会|组织)$")


# What a name cannot start with once the class noun is cut off (机构 + 发展中心 names no one).
_GENERIC_NAME = frozenset({"发展", "研究", "服务", "管理", "技术", "工作", "信息", "数据", "有关", "相关"})


# After an organisation, its English name and acronym in brackets: 恒星发展基金会（Stellar Development Foundation,
# SDF）, 中央社（CNA）. Both are the same body.
_GLOSS = re.compile(r"\s?[（(]\s?(?:([A-Z][A-Za-z&.'-]*(?: (?:of |of the |and |for |& )?[A-Z][A-Za-z&.'-]*){1,6})"
                    r"\s?(?:[,，]\s?|(?=[)）])))?([A-Z][A-Za-z]{1,7})?\s?[)）]")


def glosses(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> list[tuple[str, Candidate]]:
    """Add the English names and acronyms written in brackets after this document's organisations and
    products (in place); return each added name with its entity, for the document's later mentions."""
    out: list[tuple[str, Candidate]] = []
    for candidates, text in zip(chosen, texts, strict=True):
        added: list[Candidate] = []
        for c in candidates:
            # A quoted name's gloss follows its closing mark (“COVID症状研究”（COVID Symptom Study）).
            at = c.end + 1 if text[c.end:c.end + 1] in "”」』\"" else c.end
            named = c.kind in (EntityKind.ORG, EntityKind.PRODUCT, EntityKind.PERSON) \
                and not text[c.start:c.end].isascii()
            m = _GLOSS.match(text, at) if named else None
            if m is None or (m.group(2) and not (m.group(2).isupper() or m.group(1))):
                continue
            # A person's name in brackets (克里斯蒂亚诺・安蒙（Cristiano Amon）); no acronym is a person's.
            for group in (1,) if c.kind == EntityKind.PERSON else (1, 2):
                start, end = m.span(group)
                if start < 0 or any(o.start < end and start < o.end and o.kind == EntityKind.PERSON
                                    and c.kind != EntityKind.PERSON for o in candidates):
                    continue  # the brackets hold what the lists read as a person's name
                if any(o.start == start and o.end == end and o.kind == c.kind for o in candidates):
                    continue
                gloss = Candidate(start, end, c.kind, c.id, c.english, Source.CONSISTENCY)
                added.append(gloss)
                out.append((text[start:end], gloss))
        if added:
            candidates[:] = overlaid(candidates, added)
    return out
