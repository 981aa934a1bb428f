"""What the lists know, computed once: every list in one matcher, and the sets of names the rules ask about
(listed products, known places, names that are no person's)."""

from __future__ import annotations

from functools import lru_cache

from qwen_reader.core.entities.cedict_names import cedict_names
from qwen_reader.core.entities.gazetteer import Gazetteer, tech_list, unmatched_names
from qwen_reader.core.entities.model import EntityKind, Entry


@lru_cache(maxsize=1)
def cedict_list() -> Gazetteer:
    names = cedict_names().names
    listed = tech_list().names
    return Gazetteer((simp, Entry(f"{kind}:{simp}", kind, english or None))
                     for simp, (kind, english, _trad) in names.items() if simp not in listed)


@lru_cache(maxsize=1)
def all_lists() -> Gazetteer:
    combined = Gazetteer(tech_list().names.items())
    for surface, entry in cedict_list().names.items():
        combined.add(surface, entry)
    return combined


@lru_cache(maxsize=1)
def romanised_surnames() -> frozenset[str]:
    from pypinyin import Style, lazy_pinyin

    return frozenset("".join(lazy_pinyin(s, style=Style.NORMAL)).capitalize() for s in cedict_names().surnames)


@lru_cache(maxsize=1)
def listed_products() -> frozenset[str]:
    return frozenset(s for s, e in tech_list().names.items() if e.kind == EntityKind.PRODUCT and s.isascii())


@lru_cache(maxsize=1)
def listed_names() -> frozenset[str]:
    return frozenset(tech_list().names)


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    return frozenset(s for s, e in all_lists().names.items() if e.kind == EntityKind.PLACE)


@lru_cache(maxsize=1)
def known_places_orgs() -> frozenset[str]:
    """Names the lists hold as something other than a person (建业 is a company, not a man who speaks)."""
    names = cedict_names()
    return frozenset(s for s, e in tech_list().names.items() if e.kind != EntityKind.PERSON) | frozenset(
        s for s, (k, _, _) in names.names.items() if k != EntityKind.PERSON) | names.proper


@lru_cache(maxsize=1)
def classified_not_persons() -> frozenset[str]:
    """Names a list or CC-CEDICT says are something other than a person (CC-CEDICT's unclassified proper
    nouns, 曾荫权 among them, are left out: the tagger may read one as a person)."""
    return frozenset(s for s, e in tech_list().names.items() if e.kind != EntityKind.PERSON) | frozenset(
        s for s, (k, _, _) in cedict_names().names.items() if k != EntityKind.PERSON) | unmatched_names()


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Every name the lists hold and every proper noun CC-CEDICT lists, classified or not: none of them is
    a new person's name."""
    return listed_names() | frozenset(cedict_names().names) | cedict_names().proper
