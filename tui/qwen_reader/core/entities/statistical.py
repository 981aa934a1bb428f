"""What the statistical tagger (LAC, in lac.py) adds to the lists and rules, measured set by set
(bench/entities.py): it confirms or rejects the weaker sources' people, and it fills the gaps between the
mentions already chosen with the people and organisations it finds. Its places are not used: on each
evaluation set they added more wrong places than right ones (mostly parts of estate names, 莲花河畔 in
莲花河畔景苑), where the lists already find most places."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from qwen_reader.core.entities.lac import Span
from qwen_reader.core.entities.model import Candidate, EntityKind, Source, is_han

_KINDS = {"PER": EntityKind.PERSON, "ORG": EntityKind.ORG}
# One-character names of countries and regions: a word made only of them names two parties (中美, 中日韩,
# 欧亚), not one organisation.
_PARTIES = re.compile(r"[中美日韩俄欧亚英法德台港澳印越朝非拉意加泰新马菲]{2,4}")


def confirmed(text: str, chosen: Sequence[Candidate], words: Sequence[Span]) -> list[Candidate]:
    """People from the weaker sources, read again with the tagger's words. CC-CEDICT's names are often words
    of another kind too (a dynasty, a gem), so one stays a person only where the tagger reads the same
    person. A name of jieba's statistics stays unless the tagger reads it as a word of another kind or as
    part of a longer word (景苑 in 莲花河畔景苑, 冯诺 in 冯诺依曼). A name a rule cut short is completed where the
    tagger reads it longer from the same start."""
    out: list[Candidate] = []
    people = {s: e for s, e, label in words if label == "PER"}
    for i, c in enumerate(chosen):
        longer = people.get(c.start, c.end)
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else longer
        if c.kind == EntityKind.PERSON and c.source in (Source.RULES, Source.TAGGER) and \
                c.end < longer <= min(c.start + 4, next_start):
            # 柯文 + 瀚: a rule stopped before a rare character the tagger reads as part of the name.
            c = c._replace(end=longer, id=f"{EntityKind.PERSON}:{text[c.start:longer]}", english=None)
        if c.kind == EntityKind.PERSON and c.source in (Source.CEDICT, Source.TAGGER):
            same = [label for s, e, label in words if s == c.start and e == c.end]
            if same != ["PER"] and (c.source == Source.CEDICT or same or any(
                    s <= c.start and c.end <= e for s, e, _ in words)):
                continue
        out.append(c)
    return out


def fill(text: str, chosen: Sequence[Candidate], words: Sequence[Span], not_persons: frozenset[str],
         common: frozenset[str], no_person_after: Callable[[str, int], bool]) -> list[Candidate]:
    """The chosen mentions, plus the tagger's people and organisations where no mention stands.
    `not_persons`: names the lists hold as something else; `common`: everyday words; `no_person_after`:
    whether what follows makes the word no person's name (达芬奇架构, 陆裔美籍男子)."""
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    out = list(chosen)
    for start, end, label in words:
        kind = _KINDS.get(label)
        if kind is None or any(taken[start:end]):
            continue
        surface = text[start:end]
        if len(surface.strip()) < 2 or surface in common:
            continue
        if kind == EntityKind.PERSON and (
                ("·" not in surface and not (is_han(surface) and len(surface) <= 4))
                or surface in not_persons or no_person_after(text, end)):
            continue  # a Latin word alone (Carol) or a long run is no name it reads well
        if kind == EntityKind.ORG and ((surface.isascii() and surface.islower()) or _PARTIES.fullmatch(surface)):
            continue  # sina in a web address; 中美 as one body
        out.append(Candidate(start, end, kind, f"{kind}:{surface}", None, Source.LAC))
    out.sort()
    return out
