"""What the statistical tagger (LAC, in lac.py) adds to the lists and rules, measured set by set
(bench/entities.py): it confirms or rejects the weaker sources' people, and it fills the gaps between the
mentions already chosen with the people and organisations it finds. Its places are not used: on each
evaluation set they added more wrong places than right ones (mostly parts of estate names, 莲花河畔 in
莲花河畔景苑), where the lists already find most places."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from qwen_reader.core.entities.gazetteer import is_exchange_listed
from qwen_reader.core.entities.lac import Span
from qwen_reader.core.entities.model import Candidate, EntityKind, Source, is_han, taken
from qwen_reader.core.entities.rules import INDUSTRIES, ORG_SUFFIXES, counted

_KINDS = {"PER": EntityKind.PERSON, "ORG": EntityKind.ORG}
# Words that describe a business before its kind (官方 + 旗舰店, 合作 + 旅行社).
_DESCRIPTOR = re.compile(r"官方|合作|授权|指定|相关|当地|本地|海外|国内|国外|外资|民营|国有|大型|中小|知名|主要|部分|"
                         r"多家|其他|其它|各大|各家|头部|龙头|上市")
# A dateline's last character after an outlet's name (新浪科技讯, 本报讯 is no outlet's name).
_DATELINE_END = re.compile(r"(?:(?<=科技)|(?<=财经)|(?<=新闻)|(?<=体育)|(?<=娱乐)|(?<=汽车)|(?<=房产)|(?<=[网社]))讯$")
# One-character names of countries and regions: a word made only of them names two parties (中美, 中日韩,
# 欧亚), not one organisation.
_PARTIES = re.compile(r"[中美日韩俄欧亚英法德台港澳印越朝非拉意加泰新马菲捷]{2,4}")


def confirmed(text: str, chosen: Sequence[Candidate], words: Sequence[Span]) -> list[Candidate]:
    """People from the weaker sources, read again with the tagger's words. CC-CEDICT's names are often words
    of another kind too (a dynasty, a gem), so one stays a person only where the tagger reads the same
    person. A name of jieba's statistics stays unless the tagger reads it as a word of another kind or as
    part of a longer word (景苑 in 莲花河畔景苑, 冯诺 in 冯诺依曼). A name a rule cut short is completed where the
    tagger reads it longer from the same start."""
    out: list[Candidate] = []
    people = {s: e for s, e, label in words if label == "PER"}
    starts = [s for s, _, _ in words]  # the tagger's words cut the text in order: one holds each position

    def holding(c: Candidate) -> Span | None:
        k = bisect_right(starts, c.start) - 1
        return words[k] if k >= 0 and c.end <= words[k][1] else None

    for i, c in enumerate(chosen):
        longer = people.get(c.start, c.end)
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else longer
        if c.kind == EntityKind.PERSON and c.source in (Source.RULES, Source.TAGGER) and \
                c.end < longer <= min(c.start + 4, next_start):
            # 柯文 + 瀚: a rule stopped before a rare character the tagger reads as part of the name.
            c = c._replace(end=longer, id=f"{EntityKind.PERSON}:{text[c.start:longer]}", english=None)
        word = holding(c)
        if c.kind == EntityKind.PLACE and c.source in (Source.CEDICT, Source.LIST) and word is not None and \
                word[:2] != (c.start, c.end) and word[1] - word[0] <= 4 and word[2] == "PER" and word[1] <= next_start:
            continue  # 仁寿 in 许仁寿, 罗东 in 罗东元: a place's name inside a person's; fill() adds the person
        if c.kind == EntityKind.PERSON and c.source in (Source.CEDICT, Source.TAGGER):
            same = [word[2]] if word is not None and word[:2] == (c.start, c.end) else []
            if same != ["PER"] and (c.source == Source.CEDICT or same or word is not None):
                continue
        out.append(c)
    return out


# What ends an organisation's name, as the tagger reads one around names we found (深圳 + 房地产集团,
# 觀塘 + 工業學院, 万科 + 物业): the organisation suffixes, and the heads of schools, units and businesses.
_ORG_HEAD = re.compile(rf"(?:{ORG_SUFFIXES}|学校|中学|小学|中心|物业|学会|总会|商会|工会|基金|钢铁|石化|石油|电力|电气|"
                       r"汽车|医药|制药|保险|能源|机械|化工|电子|水泥|矿业|煤业|航运|物流|重工|"
                       r"(?:部|局|厅|署|委|办|院|所|台|社|厂|店|行))$")
_INDUSTRY_END = re.compile(rf"(?:{INDUSTRIES})$")
_BARE_COMPANY = re.compile(r"(?<!有限|股份|开发|投资|航空)公司$")
_TRADE = re.compile(rf"(?:{ORG_SUFFIXES})")
# 公司 alone is a generic head (苹果公司 is 苹果); words that join two names (美的集团旗下地产公司) make no one name.
_NOT_ONE_NAME = re.compile(r"(?<!有限|股份|开发|投资|航空)公司$|旗下|子公司|的|与|和|及|票站$")
# What ends a place's name the same way (文心 + 路, 恒大 + 绿洲, 乔布斯 + 剧院).
_PLACE_HEAD = re.compile(r"(?:路|街|道|巷|大道|公路|广场|公园|剧院|体育馆|中心|大厦|商场|商城|电子城|花园|苑|园|村|邨|"
                         r"新村|山庄|绿洲|小区|家园|城|湾|岛|站|机场|码头|口岸|大桥|隧道)$")


def absorbed(text: str, chosen: Sequence[Candidate], words: Sequence[Span]) -> list[Candidate]:
    """A name the tagger reads as one organisation or place around shorter names we found, and ending in
    an organisation's or a place's head, is that one name: its parts were the place or owner it starts with
    (深圳房地产集团, 佛山市顺德区威灵房产有限公司, 恒大绿洲)."""
    out = list(chosen)
    for start, end, label in words:
        head = _ORG_HEAD if label == "ORG" else _PLACE_HEAD if label == "LOC" else None
        if head is None:
            continue
        inside = [c for c in out if c.start < end and start < c.end]
        # An exchange's short name is often the tail of the company's longer name (红星 + 美凯龙).
        listed_part = label == "ORG" and len(inside) == 1 and inside[0].end == end and is_exchange_listed(inside[0].id)
        if not (listed_part or head.search(text, start, end)) \
                or _NOT_ONE_NAME.search(text, start, end) or _COUNTED_INSIDE.search(text, start, end):
            continue
        if not inside or any(c.start < start or c.end > end for c in inside) or any(
                (c.start, c.end) == (start, end) for c in inside):
            continue
        if not all(c.kind in (EntityKind.PLACE, EntityKind.ORG, EntityKind.PERSON) for c in inside):
            continue
        if any(c.kind == EntityKind.PLACE and c.source == Source.RULES and c.end == end and c.start > start
               for c in inside):
            continue  # 徐东 + 温莎观邸: an estate the rules read after its district stays apart from it
        if label == "ORG" and all(c.kind == EntityKind.PLACE for c in inside) and _TRADE.fullmatch(
                text, max(c.end for c in inside), end):
            continue  # 北京 + 地产: a place and a trade describe a market, they name no company
        kind = EntityKind.ORG if label == "ORG" else EntityKind.PLACE
        out = [c for c in out if c not in inside]
        out.append(Candidate(start, end, kind, f"{kind}:{text[start:end]}", None, Source.LAC))
    out.sort()
    return out


_COUNTED_INSIDE = re.compile(r"[一二两三四五六七八九十几多]+(?:所|家|个)")
_NUMERALS = frozenset("零一二三四五六七八九十百千万两")


# The last words of the tagger's false organisations: an abstract or a field's noun (核心竞争力, 云安全, 汽车行业,
# 新工厂). Many companies are named with two everyday words (巨人网络, 东方财富, 完美世界): those stay.
_ABSTRACT_END = re.compile(r"(?:竞争力|影响力|行业|产业|市场|领域|工厂|电池|愿景|战略|安全|能力|模式|体系|生态|板块)$")
_KIND_BEFORE_NAME = re.compile(r"(?:公司|企业|厂商|平台|品牌)[“「『\"]")
# Single characters that join everyday words into a phrase (新 + 工厂, 云 + 安全).
_MODIFIERS = frozenset("新云大小老总全各该本其高低多")


def _everyday_phrase(surface: str, common: frozenset[str]) -> bool:
    """Whether the surface is two or more everyday words (a modifier character counting as one) and nothing
    else: a phrase, where a name would hold a word of its own (贝壳 alone is one word, and stays)."""
    if len(surface) < 3 or not is_han(surface):
        return False
    best = [0] + [-1] * len(surface)  # the most words a split of surface[:i] makes; -1: no split
    for i in range(1, len(surface) + 1):
        for j in range(max(0, i - 5), i):
            piece = surface[j:i]
            if best[j] >= 0 and ((len(piece) >= 2 and piece in common) or (len(piece) == 1 and piece in _MODIFIERS)):
                best[i] = max(best[i], best[j] + 1)
    return best[-1] >= 2


def _everyday(words: str, common: frozenset[str]) -> bool:
    return len(words) >= 2 and (words in common or _everyday_phrase(words, common))


def _two_parties_and_words(surface: str, common: frozenset[str]) -> bool:
    """中捷经贸, 中泰铁路: two countries' one-character names, then everyday words and no body's head (中欧基金,
    台新银行 are companies)."""
    parties = _PARTIES.match(surface)
    if parties is None or parties.end() == len(surface):
        return False
    rest = surface[parties.end():]
    return _everyday(rest, common) and not _ORG_HEAD.search(rest)


def fill(text: str, chosen: Sequence[Candidate], words: Sequence[Span], not_persons: frozenset[str],
         common: frozenset[str], no_person_after: Callable[[str, int], bool],
         places: frozenset[str] = frozenset(), companies: frozenset[str] = frozenset()) -> list[Candidate]:
    """The chosen mentions, plus the tagger's people and organisations where no mention stands.
    `not_persons`: names the lists hold as something else; `common`: everyday words; `no_person_after`:
    whether what follows makes the word no person's name (达芬奇架构, 陆裔美籍男子); `places`: known places;
    `companies`: names too ambiguous to match alone that are a company where the tagger sees a name (儒鸿)."""
    used = taken(len(text), chosen)
    out = list(chosen)
    for start, end, label in words:
        kind = _KINDS.get(label)
        if kind is None or any(used[start:end]):
            continue
        surface = text[start:end]
        if kind in (EntityKind.PERSON, EntityKind.ORG) and surface in companies:
            kind = EntityKind.ORG
        if len(surface.strip()) < 2 or surface in common or not any(ch.isalpha() for ch in surface):
            continue  # a run of emoji or symbols the model read as a name
        if kind == EntityKind.PERSON and (
                ("·" not in surface and not (is_han(surface) and len(surface) <= 4))
                or surface in not_persons or no_person_after(text, end)):
            continue  # a Latin word alone (Carol) or a long run is no name it reads well
        if kind == EntityKind.PERSON and surface[0] in _NUMERALS:
            continue  # 十杰 in 侨界十杰, 六小虎: a count (CC-CEDICT's surnames miss too many to require one)
        if kind == EntityKind.ORG and ((surface.isascii() and surface.islower()) or _PARTIES.fullmatch(surface)
                                       or _two_parties_and_words(surface, common)):
            continue  # sina in a web address; 中美 as one body; 中捷经贸, 中澳国家男篮: two parties' affairs
        if kind == EntityKind.ORG and (m := _DESCRIPTOR.match(surface)) and _everyday(surface[m.end():], common):
            continue  # 官方旗舰店, 合作旅行社: a kind of business described, none named
        if kind == EntityKind.ORG and (m := _DATELINE_END.search(surface)) is not None:
            end -= len(m.group())  # 凤凰科技讯: the outlet, then the word a dateline ends with
            surface = surface[:-len(m.group())]
        industry = _INDUSTRY_END.search(surface) if kind == EntityKind.ORG else None
        if industry is not None and surface[:industry.start()] not in places:
            continue  # 新能源汽车 describes an industry; 唐山钢铁 (a city and one) is left to the rules
        if kind == EntityKind.ORG and _KIND_BEFORE_NAME.match(text, end):
            continue  # 智驾公司“千里科技”: a kind of company, then the company's quoted name
        if kind == EntityKind.ORG and _ABSTRACT_END.search(surface) and _everyday_phrase(surface, common):
            continue  # 核心竞争力, 云安全, 汽车行业: everyday words in a row and no body's head name no body
        if kind == EntityKind.ORG and _COUNTED_INSIDE.search(surface):
            continue  # 宾夕法尼亚四所学校: a count of schools, no school's name
        if kind == EntityKind.ORG and (surface.endswith("公司") or text.startswith("公司", end)) \
                and counted(text[max(0, start - 3):start]):
            continue  # 其他网约车公司, 一家网约车公司: a kind of company described, none named
        if kind == EntityKind.ORG and _BARE_COMPANY.search(surface) and len(surface) >= 4:
            end -= 2  # 华特迪斯尼公司 is 华特迪斯尼, as the lists and rules read a company (公司 a generic head)
            surface = surface[:-2]
        out.append(Candidate(start, end, kind, f"{kind}:{surface}", None, Source.LAC))
    out.sort()
    return out
