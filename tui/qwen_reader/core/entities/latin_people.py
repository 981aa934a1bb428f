"""People written in Latin script: two or three capitalised words whose first is a known given name (`Kaixin
Li`, `Ben Pang`, `Omar Sanseviero`), or pinyin before a romanised Chinese surname."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.model import Candidate, EntityKind, Source


def latin_persons(text: str, given_names: frozenset[str], surnames: frozenset[str],
                  listed: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """`Kaixin Li`, `Ben Pang`, `Omar Sanseviero`: two capitalised words, the first a known given name
    (English given names from CC-CEDICT) or pinyin before a romanised Chinese surname. A listed company or
    product opens no name (Meta Quest, Meta Platforms: Meta is also a given name; Michael Dell is a name), and
    a number after the pair makes it a model (Quest 3S)."""
    for m in _TWO_WORDS.finditer(text):
        first, second = m.group(1), m.group(2)
        if first in listed or _NUMBER_AFTER.match(text, m.end()):
            continue
        middle = m.group()[len(first) + 1:-len(second) - 1]
        if second in _INSTITUTION_WORDS:
            continue  # George Washington University: a place or a body named after a person
        if middle and middle not in given_names:
            continue  # Grace Is Gone, Charles Darwin University: a middle word no given name is no name
        if first in given_names or (second in surnames and _PINYIN_WORD.fullmatch(first.lower())):
            name = m.group()
            yield Candidate(m.start(), m.end(), EntityKind.PERSON, f"person:{slug(name)}", name, Source.RULES)


# A family name may start with O' (any apostrophe the press uses), Mc or Mac, or join two with a hyphen.
# A space before the first word is the press's spacing between scripts (任命 John Krafcik), unless a Latin word
# stands before it (Point Zoom). A middle name may stand between (Alex Wright Gladstein).
_TWO_WORDS = re.compile(r"(?<![A-Za-z0-9\-.])(?<![A-Za-z0-9\-.,] )([A-Z][a-z]+) (?:[A-Z][a-z]+ )?"
                        r"((?:O['’‘]|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![A-Za-z0-9]| [A-Z])")
_NUMBER_AFTER = re.compile(r" ?\d")
_SYLLABLE = (r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|"
             r"en|er|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u|v)")
_PINYIN_WORD = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")
_INSTITUTION_WORDS = frozenset({"University", "College", "Institute", "School", "Hospital", "Bridge", "Street",
                                "Road", "Avenue", "Square", "Park", "Center", "Centre", "Foundation", "Museum",
                                "Airport", "Station", "Library", "Hall", "Tower", "Building", "Group", "Capital"})
