"""Related passages: for one sentence, the sentences in OTHER documents that tell the same thing, with reasons.

Evidence, all over the simplified text so either script matches either:
- shared rare terms: TF-IDF over CJK bigrams and Latin words (document frequency = sentences holding the
  term, from FTS5's vocabulary), cosine between the two sentences' term sets;
- a quotation repeated verbatim: a long common run of characters;
- shared entities, when an entity source is given (canonical ids per sentence).
A passage shows only above a score threshold, so two reports that merely share a common word (a date, 阿里)
do not count as telling the same thing. Copies inside the same document never count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from qwen_reader.core.search.index import SHIFT, Row, SearchIndex, searchable
from qwen_reader.core.search.normalize import HAN, to_simplified
from qwen_reader.core.search.tokenize import columns
from qwen_reader.core.text.model import Document

# Canonical entity ids of a sentence: (doc id, paragraph, sentence index in the document) -> ids.
EntitySource = Callable[[str, int, int], Iterable[str]]

# Terms used to find candidates (the rarest of the sentence) and rows ranked per lookup.
PROBE_TERMS = 16
PROBE_ROWS = 1500
CANDIDATES = 100
# Candidates (best by terms) checked for a verbatim quotation and entities.
QUOTE_CHECKS = 40
# A term in more than this share of sentences says nothing about what a sentence tells.
COMMON_SHARE = 0.05
THRESHOLD = 0.2
CLAUSE_WEIGHT = 0.8
MIN_CLAUSE_TERMS = 4
QUOTE_MIN_HAN = 8
QUOTE_LONG_HAN = 12
QUOTE_MIN_LATIN = 14
QUOTE_BONUS = 0.25
ENTITY_BONUS = 0.05
ENTITY_BONUS_CAP = 0.15
ENTITY_SUPPORT = 0.6
ENTITY_CHECKS = 12
_HAN_RE = re.compile(f"[{HAN}]")


@dataclass(frozen=True, slots=True)
class Reason:
    kind: str  # "terms", "quotation", "entities"
    items: tuple[str, ...]

    def __str__(self) -> str:
        label = {"terms": "shared terms", "quotation": "same quotation", "entities": "shared entities"}[self.kind]
        return f"{label}: " + ", ".join(self.items)


@dataclass(frozen=True, slots=True)
class Related:
    doc: str
    title: str
    paragraph: int
    sentence: int
    text: str
    score: float
    reasons: tuple[Reason, ...]


class RelatedFinder:
    """Related passages over a synced SearchIndex; document frequencies are memoised until the next sync."""

    def __init__(self, index: SearchIndex, entities: EntitySource | None = None, *,
                 threshold: float = THRESHOLD) -> None:
        self.index = index
        self.entities = entities
        self.threshold = threshold
        self._df: dict[str, int] = {}
        self._total = 0
        self._per_char = 0.0

    def _idf(self, terms: Iterable[str]) -> dict[str, float]:
        total = self.index.total
        if total != self._total:
            self._df.clear()
            self._total = total
            self._per_char = self.index.characters / _background_total()
        wanted = [t for t in set(terms) if t not in self._df]
        if wanted:
            counts = self.index.row_counts(wanted)
            # A small corpus cannot tell that 而是 is common: a term counts as at least as frequent as
            # general Chinese (jieba's word frequencies) predicts for a text of this corpus's length.
            background = _background()
            self._df.update({t: max(counts.get(t, 0), round(background.get(t, 0) * self._per_char))
                             for t in wanted})
        return {t: math.log(1.0 + (total - self._df[t] + 0.5) / (self._df[t] + 0.5)) for t in terms}

    def for_sentence(self, doc_id: str, sentence: int, *, limit: int = 10) -> list[Related]:
        """Related passages of one sentence (index in the document, as in the reader), best first."""
        key = self.index.key_of(doc_id)
        if key is None:
            return []
        rows = self.index.rows([key << SHIFT | sentence])
        source = rows.get(key << SHIFT | sentence)
        if source is None:
            return []
        return self.for_row(doc_id, source, limit=limit)

    def for_row(self, doc_id: str, source: Row, *, limit: int = 10) -> list[Related]:
        terms_a = set(columns(source.text).text.split())
        if not terms_a:
            return []
        idf_a = self._idf(terms_a)
        common = max(20.0, COMMON_SHARE * self._total)
        # A term only this sentence holds (count 1) finds nothing else; a common one finds everything.
        rare = sorted((t for t in terms_a if 2 <= self._df.get(t, 0) <= common), key=lambda t: -idf_a[t])
        # The rarest terms, as many as keep the rows to rank bounded (ranking cost grows with the matches).
        probes: list[str] = []
        budget = PROBE_ROWS
        for term in rare[:PROBE_TERMS]:
            if probes and self._df[term] > budget:
                break
            probes.append(term)
            budget -= self._df[term]
        if not probes:
            return []
        expression = "text : (" + " OR ".join(f'"{t}"' for t in probes) + ")"
        found = self.index.ranked(expression, CANDIDATES)
        candidates = self.index.rows(r for r in found if (r >> SHIFT) != source.key)
        entities_a = self._entities(doc_id, source)
        weight_a = math.sqrt(sum(idf_a.values()))
        # Terms of a candidate that the source lacks are weighed at the source's mean IDF: looking each one
        # up would cost more than the whole ranking, and only their number matters for the normalisation.
        mean_idf = sum(idf_a.values()) / len(idf_a)
        clauses_a = _clauses(source.text)
        rough: list[tuple[float, int, set[str]]] = []
        for rowid, row in candidates.items():
            if not searchable(row.kind):
                continue
            terms_b = set(columns(row.text).text.split())
            shared = terms_a & terms_b
            if not shared:
                continue
            weight_b = math.sqrt(sum(idf_a[t] for t in shared) + mean_idf * len(terms_b - shared))
            cosine = sum(idf_a[t] for t in shared) / (weight_a * weight_b)
            # A long sentence tells several things: the best pair of clauses counts too (a date and a place
            # inside a sentence of six facts), a little below a whole-sentence match.
            local = _best_clauses(clauses_a, _clauses(row.text), idf_a, mean_idf, shared)
            rough.append((max(cosine, CLAUSE_WEIGHT * local), rowid, shared))
        rough.sort(key=lambda item: -item[0])
        scored: list[Related] = []
        for rank, (base, rowid, shared) in enumerate(rough[:QUOTE_CHECKS]):
            row = candidates[rowid]
            reasons: list[Reason] = []
            score = base
            # Verbatim quotations are looked for only among the best candidates (the check is quadratic).
            quote = self._quotation(source.text, row.text) if _may_quote(shared) else ""
            if quote:
                score += QUOTE_BONUS
                reasons.append(Reason("quotation", (quote,)))
            doc = self.index.docs[row.key]
            # Entities are looked up for the best few only (tagging a document the first time costs).
            # Entities corroborate textual evidence and never make it alone: names like the story's protagonist
            # are in most sentences of every report.
            if entities_a and rank < ENTITY_CHECKS and base >= ENTITY_SUPPORT * self.threshold:
                shared_entities = entities_a & set(self._entities(doc.doc_id, row))
                if shared_entities:
                    score += min(ENTITY_BONUS_CAP, ENTITY_BONUS * len(shared_entities))
                    reasons.append(Reason("entities", tuple(sorted(shared_entities))))
            if score < self.threshold:
                continue
            reasons.insert(0, Reason("terms", _shown_terms(source.text, shared, idf_a)))
            scored.append(Related(doc.doc_id, doc.title, row.paragraph, row.sentence, row.text, round(score, 4),
                                  tuple(reasons)))
        scored.sort(key=lambda r: -r.score)
        return _one_per_place(scored)[:limit]

    def _entities(self, doc_id: str, row: Row) -> set[str]:
        if self.entities is None:
            return set()
        try:
            return set(self.entities(doc_id, row.paragraph, row.sentence))
        except Exception:  # an entity source that fails costs only its reason, never the list
            return set()

    @staticmethod
    def _quotation(a: str, b: str) -> str:
        """The longest run both sentences share, when it reads as a quotation repeated verbatim: inside
        quotation marks in either sentence, or long enough that two reporters did not word it alike."""
        sa, sb = to_simplified(a), to_simplified(b)
        match = SequenceMatcher(None, sa, sb, autojunk=False).find_longest_match(0, len(sa), 0, len(sb))
        run = sa[match.a:match.a + match.size].strip(_QUOTE_TRIM)
        han = len(_HAN_RE.findall(run))
        quoted = _inside_quotes(sa, match.a + 1) or _inside_quotes(sb, match.b + 1)
        if han >= (QUOTE_MIN_HAN if quoted else QUOTE_LONG_HAN) or \
                (han == 0 and len(run) >= QUOTE_MIN_LATIN and run.count(" ") >= 2):
            return a[match.a:match.a + match.size].strip(_QUOTE_TRIM)
        return ""


_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?、（）()“”「」\"]+")


_QUOTE_TRIM = " ,.，。:：“”\"'「」"
_OPENERS, _CLOSERS = "“「『\"", "”」』\""


def _inside_quotes(text: str, at: int) -> bool:
    """Whether offset `at` lies between an opening quotation mark and its close."""
    depth = 0
    for ch in text[:at]:
        if ch in _OPENERS and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
    return depth > 0


def _may_quote(shared: set[str]) -> bool:
    """Whether two sentences share enough to hold a common run of QUOTE_MIN_HAN Han characters (that many
    characters make QUOTE_MIN_HAN - 1 bigrams) or of a few Latin words: the exact check is quadratic."""
    han = sum(1 for t in shared if len(t) == 2 and not t.isascii())
    latin = sum(1 for t in shared if t.isascii() and len(t) >= 2)
    return han >= QUOTE_MIN_HAN - 1 or latin >= 3


def _background() -> dict[str, int]:
    from qwen_reader.core.text.pinyin import _tokenizer

    return _tokenizer().FREQ  # type: ignore[no-any-return]


def _background_total() -> int:
    from qwen_reader.core.text.pinyin import _tokenizer

    return int(_tokenizer().total) or 1


def _content(term: str) -> bool:
    """A term that can carry a fact: a Han bigram, a Latin word, a number of three or more digits (a year);
    not a lone character or a small number (dates and counts are everywhere)."""
    if term.isdigit():
        return len(term) >= 3
    return len(term) >= 2


def _clauses(text: str) -> list[set[str]]:
    """Content-term sets of the clauses of a sentence (split at punctuation)."""
    out = []
    for clause in _CLAUSE_BREAK.split(text):
        terms = {t for t in columns(clause).text.split() if _content(t)}
        if len(terms) >= MIN_CLAUSE_TERMS:
            out.append(terms)
    return out


def _best_clauses(a: list[set[str]], b: list[set[str]], idf: dict[str, float], mean_idf: float,
                  shared: set[str]) -> float:
    """The highest cosine between a clause of A and a clause of B sharing MIN_CLAUSE_TERMS content terms."""
    best = 0.0
    for ca in a:
        if len(ca & shared) < MIN_CLAUSE_TERMS:
            continue
        wa = math.sqrt(sum(idf.get(t, mean_idf) for t in ca))
        for cb in b:
            common = ca & cb
            if len(common) >= MIN_CLAUSE_TERMS:
                wb = math.sqrt(sum(idf.get(t, mean_idf) for t in cb))
                best = max(best, sum(idf.get(t, mean_idf) for t in common) / (wa * wb or 1.0))
    return best


def _shown_terms(text: str, shared: set[str], idf: dict[str, float]) -> tuple[str, ...]:
    """Shared bigrams joined back into the runs of the sentence they cover (郁博 博文 -> 郁博文), rarest first."""
    simplified = to_simplified(text)
    covered = [False] * len(simplified)
    for i in range(len(simplified) - 1):
        if simplified[i:i + 2] in shared:
            covered[i] = covered[i + 1] = True
    runs: list[tuple[float, str]] = []
    i = 0
    while i < len(simplified):
        if covered[i]:
            j = i
            while j < len(simplified) and covered[j]:
                j += 1
            pieces = [simplified[k:k + 2] for k in range(i, j - 1)]
            runs.append((sum(idf.get(p, 0.0) for p in pieces), text[i:j]))
            i = j
        else:
            i += 1
    lower = simplified.lower()
    for term in shared:
        if term.isascii() and _content(term) and term in lower:
            runs.append((idf.get(term, 0.0), term))
    runs.sort(key=lambda r: -r[0])
    return tuple(dict.fromkeys(r for _, r in runs))[:5]


def _one_per_place(found: list[Related]) -> list[Related]:
    """One passage per (document, paragraph): the best sentence stands for its paragraph."""
    seen: set[tuple[str, int]] = set()
    out: list[Related] = []
    for r in found:
        if (r.doc, r.paragraph) not in seen:
            seen.add((r.doc, r.paragraph))
            out.append(r)
    return out


def sentence_at(document: Document, phrase: str) -> int | None:
    """Index in the document of the sentence where `phrase` starts (either script, spacing ignored), the
    first such place; None when the document does not contain it."""
    wanted = re.sub(r"\s+", "", to_simplified(phrase))
    if not wanted:
        return None
    n = 0
    for paragraph in document.paragraphs:
        simplified = to_simplified(paragraph.text)
        # Offsets of the non-space characters, so a match in the squeezed text maps back to the paragraph.
        kept = [i for i, c in enumerate(simplified) if not c.isspace()]
        at = "".join(simplified[i] for i in kept).find(wanted)
        if at >= 0:
            start = kept[at]
            for k, end in enumerate(paragraph.sentence_ends):
                if start < end:
                    return n + k
        n += len(paragraph.sentence_ends)
    return None
