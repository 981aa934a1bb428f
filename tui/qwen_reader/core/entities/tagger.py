"""A statistical tagger for Chinese personal names no list holds: a surname, then a given name whose
characters are likelier in names than in text. Statistics come from jieba's dictionary (its tens of
thousands of words tagged `nr`) and CC-CEDICT's surnames; words come from jieba's segmentation.

Measured alternatives (bench/entities.py --taggers): jieba posseg `nr` costs 1.7 s on the seeds and tags
`谷歌`, `阿里`, `俊` as people; this model reuses the segmentation pinyin already pays for."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from qwen_reader.core.entities.cedict_names import cedict_names
from qwen_reader.core.entities.model import Candidate, EntityKind, Source
from qwen_reader.core.store.files import write_atomic

VERSION = 5
Token = tuple[str, int, int]

# Log-odds above which a surname + given name is taken as a name.
THRESHOLD = 0.0
# A surname word and the word after it (郁 + 博文) are a name less often than one word is.
SPLIT_THRESHOLD = 1.0
# With a title before or a speech verb after, a weaker name will do.
CONTEXT_THRESHOLD = -3.0
# Characters that never end or make a given name in news prose (time, quantity, function words).
_NOT_GIVEN = frozenset("的了在是和与及或也都就还又而但并被把将从向对于以其之这那个们年月日时分秒前后上下内外"
                       "说表称道问答为会能要可已曾再更最很太姓氏裔籍二两")
# Characters of _NOT_GIVEN that end given names often too (王守之, 邵志和): a document may say which it is.
ENDS_AND_JOINS = frozenset("之道和为可")
# What follows a word that describes a person rather than names one: 戴眼镜男子, 李姓男子, 陆裔美籍.
_DESCRIBES_AFTER = ("男子", "女子", "男童", "女童", "男士", "女士", "籍", "美籍", "华裔")
# A thing in a place (在梁柱上): 在 before, a place word after.
_LOCATIVE_AFTER = frozenset("上下里内中旁边")


@dataclass(frozen=True)
class NameModel:
    given: dict[str, int]  # given-name character -> names using it
    given_total: int
    chars: dict[str, int]  # character -> frequency in jieba's dictionary
    chars_total: int
    surnames: dict[str, int]  # surname -> names using it
    solo: dict[str, int]  # surname -> frequency as a word of its own (和, 也, 从 are words far more often)
    names: frozenset[str]  # words jieba's dictionary tags as personal names (2-3 characters)
    words: frozenset[str]  # every other word jieba's dictionary knows (高光 is a word, not a name)
    # Words jieba's dictionary tags as verbs, adverbs, pronouns... (催收, 开发): no company's name.
    function_words: frozenset[str] = frozenset()

    def given_score(self, given: str) -> float:
        score = 0.0
        for ch in given:
            if ch in _NOT_GIVEN:
                return -99.0
            p_name = (self.given.get(ch, 0) + 0.5) / self.given_total
            p_text = (self.chars.get(ch, 0) + 50) / self.chars_total
            score += math.log(p_name / p_text)
        return score

    def score(self, name: str) -> float:
        surname_len = 2 if len(name) >= 3 and name[:2] in self.surnames else 1
        surname = name[:surname_len]
        if surname not in self.surnames:
            return -99.0
        n = self.surnames[surname]
        # How often this character starts a name rather than standing as a word of its own.
        prior = math.log((n + 1) / (n + self.solo.get(surname, 0) / 10 + 1))
        return prior + self.given_score(name[surname_len:])


def _build() -> NameModel:
    import jieba

    surnames = cedict_names().surnames
    given: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    surname_counts: Counter[str] = Counter()
    names: set[str] = set()
    words: set[str] = set()
    solo: dict[str, int] = {}
    function_words: set[str] = set()
    with jieba.get_dict_file() as lines:
        for raw in lines:
            parts = raw.decode("utf-8").split()
            if len(parts) < 3:
                continue
            word, freq, tag = parts[0], int(parts[1]), parts[2]
            for ch in word:
                chars[ch] += freq
            if word in surnames:
                solo[word] = freq
            if 2 <= len(word) <= 3 and tag[0] in _FUNCTION_TAGS:
                function_words.add(word)
            if tag == "nr" and len(word) in (2, 3) and word[0] in surnames:
                names.add(word)
                surname_counts[word[0]] += 1
                given.update(word[1:])
            elif 2 <= len(word) <= 3 and tag not in ("nr", "nrt", "nrfg"):
                words.add(word)
    return NameModel(dict(given), sum(given.values()), dict(chars), sum(chars.values()), dict(surname_counts),
                     solo, frozenset(names), frozenset(words - names), frozenset(function_words))


# jieba's part-of-speech tags of words that name nothing: verbs, adverbs, pronouns, numerals, conjunctions...
_FUNCTION_TAGS = frozenset("vdrmqcpuf")


@lru_cache(maxsize=1)
def name_model() -> NameModel:
    """Built once (~1.3 s reading jieba's dictionary), then kept as JSON in the user cache."""
    from qwen_reader.core.store.paths import cache_dir

    path = cache_dir() / f"name-model-v{VERSION}.json"
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
        return NameModel(d["given"], d["given_total"], d["chars"], d["chars_total"], d["surnames"], d["solo"],
                         frozenset(d["names"]), frozenset(d["words"]), frozenset(d["function_words"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    model = _build()
    write_atomic(path, json.dumps({"given": model.given, "given_total": model.given_total, "chars": model.chars,
                                   "chars_total": model.chars_total, "surnames": model.surnames,
                                   "solo": model.solo, "names": sorted(model.names),
                                   "words": sorted(model.words), "function_words": sorted(model.function_words)},
                                  ensure_ascii=False).encode())
    return model


def _han(word: str) -> bool:
    return bool(word) and all("\u3400" <= c <= "\u9fff" for c in word)


def describes_after(text: str, end: int) -> bool:
    """Whether what follows a would-be name describes a person (李姓男子, 陆裔美籍) rather than names one."""
    return text.startswith(_DESCRIBES_AFTER, end) or text.startswith(_DESCRIBES_AFTER, end - 1)


def persons(text: str, tokens: Sequence[Token], known_words: frozenset[str] | None = None,
            threshold: float = THRESHOLD) -> Iterator[Candidate]:
    """Names among jieba's words: a word of 2-3 characters that begins with a surname, or a surname word
    followed by a short word, scored by the model. Everyday words (CC-CEDICT's lower-case entries) are not
    names, nor are words a list already knows."""
    model = name_model()
    common = cedict_names().common
    known = known_words or frozenset()
    skip_to = -1
    for k, (word, start, end) in enumerate(tokens):
        if start < skip_to or not _han(word):
            continue
        candidates: list[tuple[str, int, float]] = []
        if 2 <= len(word) <= 3 and word not in common and word not in known and word not in model.words:
            candidates.append((word, end, threshold))
        if len(word) <= 2 and word in model.surnames and k + 1 < len(tokens):
            nxt, _, nend = tokens[k + 1]
            if _han(nxt) and 1 <= len(nxt) <= 2 and len(word) + len(nxt) <= 4 and nxt not in known:
                candidates.append((word + nxt, nend, threshold + SPLIT_THRESHOLD - THRESHOLD))
        for name, name_end, bar in sorted(candidates, key=lambda c: -len(c[0])):
            bonus = 1.5 if name in model.names else 0.0
            if text.startswith(_DESCRIBES_AFTER, name_end) or (
                    text[start - 1:start] == "在" and text[name_end:name_end + 1] in _LOCATIVE_AFTER):
                continue
            if model.score(name) + bonus >= bar:
                yield Candidate(start, name_end, EntityKind.PERSON, f"person:{name}", None, Source.TAGGER)
                skip_to = name_end
                break
