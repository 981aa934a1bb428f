"""Name lists and the matcher that finds their names in text (longest names first, Latin names whole)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from qwen_reader.core.entities.model import Entry
from qwen_reader.core.store.paths import bundled_asset

TECH_LIST = "entities_tech.tsv"
# Broad lists written from public knowledge (each file says where its families come from). Their short
# names are matched with the same care as CC-CEDICT's (a boundary of the segmentation, or a context).
# Stock exchanges' short names (written by bench/listed_companies.py), matched with the same care.
EXCHANGE_LIST = "entities_listed.tsv"
REGION_LISTS = ("entities_places.tsv", "entities_orgs.tsv", "entities_products.tsv", EXCHANGE_LIST)
# Names of events (trade fairs, conferences): matched so no other source reads one as a company, then dropped.
EVENT_LIST = "entities_events.tsv"
CURATED_LISTS = (TECH_LIST, EVENT_LIST, *REGION_LISTS)
# A fifth column marking a name too ambiguous to match, known only as no person's name (儒鸿, 聚阳).
UNMATCHED = "unmatched"
# Marks a name known as a company only where the words around it are about its shares.
IN_TRADE = "in-trade"
# Marks a company's name that is an everyday word too (奔驰, 大众): the company only listed beside another.
IN_LISTS = "in-lists"
# The ids of the exchanges' list.
_EXCHANGE_IDS = ("org:cn-", "org:tw-")
_LATIN = re.compile(r"[A-Za-z0-9]")


class Gazetteer:
    """Surface form -> Entry. Matching indexes names by first character, with the lengths seen for it, so a
    scan tries only lengths that exist (a dict probe per length, no automaton to build)."""

    def __init__(self, names: Iterable[tuple[str, Entry]] = ()) -> None:
        self.names: dict[str, Entry] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}
        for surface, entry in names:
            self.add(surface, entry)

    def add(self, surface: str, entry: Entry) -> None:
        if len(surface) < 2 or surface in self.names:
            return
        self.names[surface] = entry
        lengths = set(self._lengths.get(surface[0], ()))
        lengths.add(len(surface))
        self._lengths[surface[0]] = tuple(sorted(lengths, reverse=True))

    def __contains__(self, surface: str) -> bool:
        return surface in self.names

    def get(self, surface: str) -> Entry | None:
        return self.names.get(surface)

    def matches(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Every listed name in `text` (overlapping ones too; the resolver chooses). A name in Latin letters
        counts only as a whole word: `Meta` in `Metaverse` is not Meta."""
        lengths = self._lengths
        names = self.names
        n = len(text)
        for i, ch in enumerate(text):
            options = lengths.get(ch)
            if not options:
                continue
            for size in options:
                end = i + size
                if end > n:
                    continue
                entry = names.get(text[i:end])
                if entry is None:
                    continue
                if _LATIN.match(text[i]) and i > 0 and _LATIN.match(text[i - 1]):
                    continue
                if _LATIN.match(text[end - 1]) and end < n and re.match(r"[A-Za-z]", text[end]):
                    continue
                yield i, end, entry


def is_exchange_listed(entity_id: str) -> bool:
    """Whether an id is one of an exchange's short names, the list's least sure (a short name may be the
    tail of the company's longer one)."""
    return entity_id.startswith(_EXCHANGE_IDS)


def parse_list(text: str) -> list[tuple[str, Entry]]:
    """The TSV format of assets/entities_tech.tsv: id, kind, English name, aliases separated by `|`."""
    out: list[tuple[str, Entry]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            continue
        if len(fields) >= 5 and fields[4].strip() in (UNMATCHED, IN_TRADE, IN_LISTS):
            continue
        entity_id, kind, english, aliases = fields[:4]
        entry = Entry(entity_id, kind, english or None)
        out.extend((alias.strip(), entry) for alias in aliases.split("|") if alias.strip())
    return out


def _read(name: str) -> str:
    try:
        return bundled_asset(name).read_text(encoding="utf-8")
    except OSError:
        return ""


@lru_cache(maxsize=1)
def tech_list() -> Gazetteer:
    """The curated lists shipped in assets/: companies, labs, products and people of the tech world first (they
    win where a name is in two lists), then the broad lists of places and organisations."""
    return Gazetteer(pair for name in CURATED_LISTS for pair in parse_list(_read(name)))


@lru_cache(maxsize=1)
def _marks() -> dict[str, dict[str, Entry]]:
    """Every fifth-column mark of the curated lists, with its names and their entries (one pass over the lists)."""
    out: dict[str, dict[str, Entry]] = {}
    for name in CURATED_LISTS:
        for line in _read(name).splitlines():
            fields = line.split("\t")
            if len(fields) >= 5 and fields[4].strip() and not line.startswith("#"):
                names = out.setdefault(fields[4].strip(), {})
                entry = Entry(fields[0], fields[1], fields[2] or None)
                names.update((a.strip(), entry) for a in fields[3].split("|") if a.strip())
    return out


def _marked(mark: str) -> frozenset[str]:
    return frozenset(_marks().get(mark, {}))


@lru_cache(maxsize=1)
def broad_places() -> frozenset[str]:
    """Countries and regions (a fifth column `broad` in the lists): before a trade they describe (中国公司, 内地
    房地产), where a city's name before one names a company (重庆百货, 瑞安地产)."""
    return _marked("broad")


@lru_cache(maxsize=1)
def unmatched_names() -> frozenset[str]:
    """Names the lists know only as no person's: an exchange's two-character short names, and companies' names
    that are words or given names (小鹏, 理想): a company where the tagger reads a name."""
    return _marked(UNMATCHED) | _marked(IN_LISTS)


@lru_cache(maxsize=1)
def traded_names() -> dict[str, str]:
    """Exchange short names that read as phrases too (青海春天, 沧州明珠), with their ids: companies only where
    the words around them are about shares."""
    return {name: entry.id for name, entry in _marks().get(IN_TRADE, {}).items()}


@lru_cache(maxsize=1)
def names_in_lists() -> Gazetteer:
    """Companies' names that are everyday words too (奔驰, 理想, 平安), with their entries: companies only where a
    list of companies names them beside another."""
    return Gazetteer(_marks().get(IN_LISTS, {}).items())


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Names that only the broad lists hold: matched where the segmentation or a context allows."""
    tech = {surface for surface, _ in parse_list(_read(TECH_LIST))}
    return frozenset(surface for name in REGION_LISTS for surface, _ in parse_list(_read(name))
                     if surface not in tech)
