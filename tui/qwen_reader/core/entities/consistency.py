"""Document-level consistency: a name recognised once with confidence is recognised at each occurrence,
and a person's given name (俊旸 after 林俊旸) is the same person."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from qwen_reader.core.entities.gazetteer import Gazetteer
from qwen_reader.core.entities.model import NAME_KINDS, Candidate, EntityKind, Entry, Source, taken
from qwen_reader.core.entities.orgs import OFFICER_TITLES


def document_names(chosen: Sequence[Sequence[Candidate]], texts: Sequence[str],
                   common: frozenset[str], surnames: frozenset[str]) -> Gazetteer:
    """The names this document's paragraphs already hold, plus the given names of its Chinese people."""
    gazetteer = Gazetteer()
    given: list[tuple[str, Entry]] = []
    for candidates, text in zip(chosen, texts, strict=True):
        for c in candidates:
            if c.kind not in NAME_KINDS or c.source == Source.CONSISTENCY:
                continue
            surface = text[c.start:c.end]
            gazetteer.add(surface, Entry(c.id, c.kind, c.english))
            if c.kind == EntityKind.PERSON and _latin_full_name(surface):
                given.append((surface.rsplit(" ", 1)[1], Entry(c.id, c.kind, c.english)))
            code = _MODEL_CODE.fullmatch(surface) if c.kind == EntityKind.PRODUCT else None
            if code:
                given.append((code.group(1), Entry(c.id, c.kind, c.english)))  # HVR-Z5C, then Z5C
            if c.kind == EntityKind.PERSON and len(surface) == 3 and surface[0] in surnames:
                g = surface[1:]
                if g not in common and all("\u3400" <= ch <= "\u9fff" for ch in g):
                    given.append((g, Entry(c.id, c.kind, c.english)))
    for surface, entry in given:
        gazetteer.add(surface, entry)
    return gazetteer


_LETTERS = re.compile(r"[A-Za-z][A-Za-z'’‘-]*")
# A model written with its series letters: the code after the hyphen names it alone later (HVR-Z5C, Z5C).
_MODEL_CODE = re.compile(r"[A-Z]{2,5}-([A-Z0-9]*\d[A-Z0-9]*[A-Z][A-Z0-9]*|[A-Z][A-Z0-9]*\d[A-Z0-9]*)")


def _latin_full_name(surface: str) -> bool:
    """`Carol Surface`, `Deirdre O'Brien`: later the family name alone is the same person."""
    parts = surface.split(" ")
    return len(parts) == 2 and all(p[:1].isupper() and _LETTERS.fullmatch(p) for p in parts)


def family_names_win(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """Where a document names a person in full in Latin script, a later bare family name that a context rule
    or the tagger read as a company or a product (`Surface表示`) is that person (in place)."""
    family: dict[str, Candidate] = {}
    for candidates, text in zip(chosen, texts, strict=True):
        for c in candidates:
            surface = text[c.start:c.end]
            if c.kind == EntityKind.PERSON and _latin_full_name(surface):
                family.setdefault(surface.rsplit(" ", 1)[1], c)
    if not family:
        return
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            person = family.get(text[c.start:c.end])
            if person is not None and c.kind != EntityKind.PERSON and c.source in (Source.RULES, Source.LAC):
                candidates[i] = c._replace(kind=person.kind, id=person.id, english=person.english,
                                           source=Source.CONSISTENCY)


# A company's legal tail: what is left before it is the company's short name (奥丁丁集团, then 奥丁丁).
_TRADE_TAILS = (r"集团|控股|电子|科技|光电|实业|地产|置业|汽车|电器|证券|投信|资本|网络|通讯|通信|半导体|能源|医药|"
                r"制药|传媒|物流|航空|银行|保险|生技|金控|投控|电信|精密|工业|航运|海运|纺织|食品|化学|钢铁|塑胶|营造|人寿|"
                r"药业|软件|重工|机械|电气|化工|矿业|酒业|黄金|珠宝|新能|环保|材料|家居|生物|医疗|电机|通运|客运")
_COMPANY_TAIL = re.compile(rf"(?:股份有限公司|有限公司|公司|娱乐科技|{_TRADE_TAILS})$")


def company_stems(chosen: Sequence[Sequence[Candidate]], texts: Sequence[str],
                  not_stems: Callable[[str], bool]) -> dict[str, Candidate]:
    """Short names of this document's companies (奥丁丁 of 奥丁丁集团), each with its company; `not_stems`
    says which words are no short name (a place, an everyday word: 中国 of 中国集团)."""
    out: dict[str, Candidate] = {}
    for candidates, text in zip(chosen, texts, strict=True):
        for c in candidates:
            tail = _COMPANY_TAIL.search(text, c.start, c.end) if c.kind == EntityKind.ORG else None
            stem = text[c.start:tail.start()] if tail else ""
            if len(stem) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in stem) and not not_stems(stem):
                out.setdefault(stem, c)
    return out


# Words for a kind of business, not one business: a stem holding one (民营企业 of 民营企业科技) is no short name.
_KIND_WORD = re.compile(r"企业|公司|行业|产业|基金|资本|融资|集团|市场|银行|机构|厂商")


def with_stems(names: Gazetteer, stems: dict[str, Candidate], in_dictionary: Callable[[str], bool]) -> Gazetteer:
    """The document's names and the short names of the companies a list or a rule found (國光 after 國光生技（4142）,
    金地 after 金地集团), in place; a statistical source's company lends its stem no trust, and a stem the
    dictionary knows as a word or another name (远东 of 远东集团, 中华 of 中华航空, 大唐 of 大唐集团) is not spread."""
    for stem, c in stems.items():
        if stem not in names and c.source in (Source.LIST, Source.RULES) and not _KIND_WORD.search(stem) \
                and not in_dictionary(stem):
            names.add(stem, Entry(c.id, c.kind, c.english))
    return names


# An officer's title right after a name: the name is the company the officer serves (货拉拉创始人周胜馥).
_OFFICER_AFTER = re.compile(rf"(?:{OFFICER_TITLES})")


# Sources whose people a context may overrule: the statistical ones, and copies of their names.
_READ_AGAIN = (Source.TAGGER, Source.LAC, Source.CONSISTENCY)


def companies_by_officer(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """A name the statistical sources read as a person, written before an officer's title and that officer's
    name (货拉拉 + 创始人 + 周胜馥), is the company: there and wherever else in the document those sources read
    it (in place). A title alone after a name is the person's own (张伟董事长)."""
    names: set[str] = set()
    for candidates, text in zip(chosen, texts, strict=True):
        person_starts = {c.start for c in candidates if c.kind == EntityKind.PERSON}
        for c in candidates:
            title = _OFFICER_AFTER.match(text, c.end) if c.kind == EntityKind.PERSON else None
            if title is not None and title.end() in person_starts and c.source in _READ_AGAIN:
                names.add(text[c.start:c.end])
    if not names:
        return
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            surface = text[c.start:c.end]
            if surface in names and c.kind == EntityKind.PERSON and c.source in _READ_AGAIN:
                candidates[i] = c._replace(kind=EntityKind.ORG, id=f"org:{surface}", source=Source.CONSISTENCY)


def kinds_agree(chosen: Sequence[list[Candidate]], texts: Sequence[str],
                stems: dict[str, Candidate] | None = None) -> None:
    """A name a list or a rule gave a kind in this document keeps that kind where only the statistical sources
    read it again (金絮丰公司, then 金絮丰 alone read as a man), in place. `stems`: companies' short names."""
    sure: dict[str, Candidate] = dict(stems or {})
    for candidates, text in zip(chosen, texts, strict=True):
        for c in candidates:
            if c.kind in NAME_KINDS and c.source in (Source.LIST, Source.RULES):
                sure.setdefault(text[c.start:c.end], c)
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            known = sure.get(text[c.start:c.end])
            # A dictionary's place that is this document's company short name (长城 of 长城汽车) is the company.
            stem_of_a_place = c.kind == EntityKind.PLACE and c.source == Source.CEDICT and stems is not None \
                and text[c.start:c.end] in stems
            if known is not None and known.kind != c.kind and (c.source in (Source.TAGGER, Source.LAC)
                                                               or stem_of_a_place):
                candidates[i] = c._replace(kind=known.kind, id=known.id, english=known.english,
                                           source=Source.CONSISTENCY)


def propagate(chosen: Sequence[list[Candidate]], texts: Sequence[str], names: Gazetteer) -> None:
    """Add each further occurrence of a document name that no mention covers yet (in place)."""
    for candidates, text in zip(chosen, texts, strict=True):
        used = taken(len(text), candidates)
        added: list[Candidate] = []
        for start, end, entry in sorted(names.matches(text), key=lambda m: (m[0], -(m[1] - m[0]))):
            if any(used[start:end]):
                continue
            used[start:end] = b"\x01" * (end - start)
            added.append(Candidate(start, end, entry.kind, entry.id, entry.english, Source.CONSISTENCY))
        if added:
            candidates.extend(added)
            candidates.sort()


# The same tails after a short name, and 股份 (公司 alone after a name stays outside it, as the guidelines say).
_TAIL_AFTER = re.compile(rf"(?:股份|{_TRADE_TAILS})")


def with_company_tails(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """A company's short name the document's consistency found, written on with a company's tail, is the full
    name there (隆达 found from 隆达（3689）, then 隆达电子 later), in place: the copy must not cut the longer name."""
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            if c.kind != EntityKind.ORG or c.source != Source.CONSISTENCY:
                continue
            tail = _TAIL_AFTER.match(text, c.end)
            next_start = candidates[i + 1].start if i + 1 < len(candidates) else len(text)
            if tail is not None and tail.end() <= next_start:
                candidates[i] = c._replace(end=tail.end())


def longer_names_win(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """A name the statistical sources cut short where the document names something longer from the same
    characters is that longer name, in place: a person a rule or a list found (苏峯 + 正表示 after 苏峯正), an
    organisation any source found (百世 + 物流 after 百世物流). The longer name's identity goes with it."""
    sure: dict[str, dict[str, Candidate]] = {EntityKind.PERSON: {}, EntityKind.ORG: {}}
    for candidates, text in zip(chosen, texts, strict=True):
        for c in candidates:
            if (c.kind == EntityKind.PERSON and c.source in (Source.LIST, Source.RULES)) or c.kind == EntityKind.ORG:
                sure[c.kind].setdefault(text[c.start:c.end], c)
    lengths = {kind: sorted({len(n) for n in names}, reverse=True) for kind, names in sure.items()}
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            if c.kind not in sure or c.source not in (*_READ_AGAIN, Source.CEDICT):
                continue
            next_start = candidates[i + 1].start if i + 1 < len(candidates) else len(text)
            # Each length the document's names have, longest first: a look-up per length, not per name.
            for size in lengths[c.kind]:
                if size <= c.end - c.start:
                    break
                longer = sure[c.kind].get(text[c.start:c.start + size]) if c.start + size <= next_start else None
                if longer is not None:
                    candidates[i] = c._replace(end=c.start + size, id=longer.id, english=longer.english,
                                               source=Source.CONSISTENCY)
                    break


def complete_names(chosen: Sequence[list[Candidate]], texts: Sequence[str], last_chars: frozenset[str],
                   min_seen: int = 3) -> None:
    """A two-character person whose every occurrence (three at least) is followed by the same character, one
    that ends given names as often as it joins words (和 in 邵志和, 之 in 王守之), is the three-character name
    (in place): the tagger stops before such a character, a document does not."""
    two = {text[c.start:c.end] for candidates, text in zip(chosen, texts, strict=True) for c in candidates
           if c.kind == EntityKind.PERSON and c.end - c.start == 2}
    longer: dict[str, str] = {}
    for name in two:
        after = [text[i + 2:i + 3] for text in texts for i in _occurrences(text, name)]
        if len(after) >= min_seen and len(set(after)) == 1 and after[0] in last_chars:
            longer[name] = after[0]
    if not longer:
        return
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            surface = text[c.start:c.end]
            next_start = candidates[i + 1].start if i + 1 < len(candidates) else len(text)
            if c.kind == EntityKind.PERSON and surface in longer and c.end + 1 <= next_start:
                name = surface + longer[surface]
                candidates[i] = c._replace(end=c.end + 1, id=f"{EntityKind.PERSON}:{name}", english=None)


def _occurrences(text: str, name: str) -> list[int]:
    out: list[int] = []
    i = text.find(name)
    while i >= 0:
        out.append(i)
        i = text.find(name, i + 1)
    return out


# A unit's own name at the end of an organisation written with its parent (央行 + 稳定局): later in the
# document the unit alone is the same body. The head must have a name before it (研究部 alone names nothing).
_UNIT_HEAD = re.compile(r"(?:局|司|委|厅|部|中心|办公室|办公厅|研究所|实验室|研究院|分行|支行)$")
_GENERIC_BODY = frozenset({"研究", "技术", "服务", "管理", "工作", "办公", "行政", "业务", "事业", "综合", "总"})


_PARENT_HEAD = re.compile(r"[局部委厅署院办司行会]$")


def unit_short_forms(chosen: Sequence[Sequence[Candidate]], texts: Sequence[str], common: frozenset[str],
                     cut: Callable[[str], list[tuple[str, int, int]]],
                     known: Callable[[str], bool]) -> list[tuple[str, Entry]]:
    """The units named at the end of this document's organisations, as short forms with the full name's
    identity. The part before is a parent (a known name, or a body by its head: 央行, 台北市卫生局); a short
    form starts where the segmentation starts a word, and is no everyday word."""
    out: list[tuple[str, Entry]] = []
    for candidates, text in zip(chosen, texts, strict=True):
        for c in candidates:
            surface = text[c.start:c.end]
            head = _UNIT_HEAD.search(surface) if c.kind == EntityKind.ORG and len(surface) >= 5 else None
            if head is None:
                continue
            if surface.endswith("公司"):
                continue
            starts = {start for _, start, _ in cut(surface)[1:]} | ({2} if surface.startswith("国家") else set())
            for start in sorted(starts):
                short, parent = surface[start:], surface[:start]
                body = short[:len(short) - len(head.group())]
                # 国家邮政局 then 邮政局: a national body drops 国家 once named.
                a_parent = known(parent) or _PARENT_HEAD.search(parent) or parent == "国家"
                if not a_parent or not all("\u4e00" <= ch <= "\u9fff" for ch in short):
                    continue
                if len(body) >= 2 and body not in _GENERIC_BODY and short not in common and len(short) >= 3:
                    out.append((short, Entry(c.id, c.kind, c.english)))
    return out
