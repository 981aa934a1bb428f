"""Plain records for entities: what a mention is, and the entries lists give."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple


class EntityKind(StrEnum):
    PERSON = "person"
    ORG = "org"
    PRODUCT = "product"
    PLACE = "place"
    DATE = "date"
    FIGURE = "figure"


# The kind of a listed name that is none of ours (an event: MWC, 广交会). It wins where it stands, so no other
# source reads it as a company, and recognition then drops it.
NOT_OURS = "event"
NAME_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORG, EntityKind.PRODUCT, EntityKind.PLACE})


class Source(StrEnum):
    """Where a mention came from; the benchmark reports what each one contributes."""

    LIST = "list"  # the curated list in assets/
    CEDICT = "cedict"  # CC-CEDICT's proper nouns
    TAGGER = "tagger"  # statistical person names
    LAC = "lac"  # Baidu LAC's tagger (people, organisations, places), where no other source found a name
    RULES = "rules"  # Latin names, names in context, org suffixes, dates, figures
    CONSISTENCY = "consistency"  # another occurrence of a name recognised elsewhere in the document
    LEARNED = "learned"  # a span the learned sequence model drew where the others drew another (learned_spans.py)


class Entry(NamedTuple):
    """What a list knows about a name."""

    id: str
    kind: str
    english: str | None


class Candidate(NamedTuple):
    """A possible mention in one paragraph, before overlaps are resolved."""

    start: int
    end: int
    kind: str
    id: str
    english: str | None
    source: str


class Mention(NamedTuple):
    """A recognised mention: where it is (document sentence index, as the reader counts) and what it is."""

    doc: str
    paragraph: int
    sentence: int
    kind: str
    id: str
    text: str
    start: int
    end: int
    english: str | None
    source: str

    def as_json(self) -> dict[str, object]:
        return {"doc": self.doc, "paragraph": self.paragraph, "sentence": self.sentence, "kind": self.kind,
                "id": self.id, "text": self.text, "start": self.start, "end": self.end, "english": self.english}


_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")


def is_han(word: str) -> bool:
    """Whether a word is Han characters only (and not empty): the test every rule applies to a segment."""
    return _HAN_WORD.fullmatch(word) is not None


def taken(length: int, candidates: Iterable[Candidate]) -> bytearray:
    """One flag per character of a text, set where a candidate stands: an overlap test without a scan of the
    candidates."""
    mask = bytearray(length)
    for c in candidates:
        mask[c.start:c.end] = b"\x01" * (c.end - c.start)
    return mask


def overlaid(chosen: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """The chosen mentions with `found` put over them: a found mention replaces every one it overlaps."""
    kept = [c for c in chosen if not any(c.start < f.end and f.start < c.end for f in found)]
    return sorted(kept + found)


# Function words no name is built from; each rule's pattern adds the characters of its own family.
FUNCTION_CHARS = "的了在是和与及或也都就还又而但并被把将从向对于以其之这那个们说称为会要可已曾等各"
