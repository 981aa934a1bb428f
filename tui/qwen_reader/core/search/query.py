"""Queries: a query in either script, pinyin (with or without tones and spaces) or English words becomes a few
FTS5 expressions in tiers; hits of an earlier tier rank first (the whole phrase before all of its parts), and
within a tier FTS5's BM25 ranks rarer terms first. Each tier ranks at most CAP rows, in document order, so a
very common term costs the same as a rare one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qwen_reader.core.search.english import chinese_for
from qwen_reader.core.search.index import SHIFT, SearchIndex
from qwen_reader.core.search.normalize import HAN, split_pinyin, to_simplified
from qwen_reader.core.search.tokenize import phrase_tokens, pieces

CAP = 400
_HAN_RE = re.compile(f"[{HAN}]")


@dataclass(frozen=True, slots=True)
class Needle:
    """What to highlight in a hit: a simplified string, or toneless syllables to find by sound."""

    text: str = ""
    syllables: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tier:
    expression: str
    needles: tuple[Needle, ...]
    # Where the match was made, for the user ("pinyin", "English", "dictionary: 辞职" ...).
    via: str = ""
    # Lone Han characters every hit must hold (they have no phrase in the sentence table, see shards.py).
    chars: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    doc: str
    title: str
    paragraph: int
    sentence: int
    text: str
    score: float
    # Half-open character ranges of `text` to highlight.
    spans: tuple[tuple[int, int], ...] = ()
    via: str = ""


def _phrase(tokens: list[str], column: str) -> str:
    return f'{column} : "{" ".join(tokens)}"' if tokens else ""


def _text_phrase(part: str) -> str:
    return _phrase(phrase_tokens(part), "text")


def _lone(part: str) -> bool:
    return len(part) == 1 and bool(_HAN_RE.match(part))


def _all_of(parts: list[str], needles: tuple[Needle, ...], via: str = "") -> Tier:
    """A tier where every part must occur: phrases for the sentence table, lone characters checked apart."""
    expression = " AND ".join(_text_phrase(p) for p in parts if not _lone(p))
    return Tier(expression, needles, via, "".join(sorted({p for p in parts if _lone(p)})))


def tiers(query: str, *, dictionary: bool = True) -> list[Tier]:
    """The tiers of a query, best first; empty when the query has nothing to search for. Without
    `dictionary`, English words are matched only against translations (no CC-CEDICT lookup)."""
    simplified = to_simplified(query).strip()
    parts = [p for p in simplified.split() if pieces(p)]
    if not parts:
        return []
    out: list[Tier] = []
    has_han = bool(_HAN_RE.search(simplified))
    if has_han:
        joined = "".join(parts)
        if len(parts) > 1 and all(han for p in parts for _, han in pieces(p)):
            # 周 浩 typed with a space still means 周浩 first.
            out.append(_all_of([joined], (Needle(joined),)))
        out.append(_all_of(parts, tuple(Needle(p) for p in parts)))
        # Then every word of the query anywhere in the sentence, not side by side (技术团队 finds 团队的技术).
        loose = [w for p in parts for piece, han in pieces(p) for w in (_words(piece) if han else [piece])]
        if len(loose) > len(parts):
            out.append(_all_of(loose, tuple(Needle(t) for t in loose)))
        return _unique(out)
    words = [piece for p in parts for piece, _ in pieces(p)]
    # Latin text as written in the documents (names, English quotations).
    out.append(Tier(_phrase(words, "text"), (Needle(" ".join(words)),)))
    syllables = split_pinyin(query)
    if syllables:
        out.append(Tier(_phrase(syllables, "pinyin"), (Needle(syllables=tuple(syllables)),), "pinyin"))
    out.append(Tier(_phrase(words, "english"), (), "English"))
    # Words of the dictionary whose sense holds every English word (ranked after the direct matches).
    # Only words of two characters or more: a lone character says little about an English word's sense.
    translations = [[c for c in chinese_for(w) if not _lone(c)] for w in words] if dictionary else []
    if translations and all(translations):
        per_word = ["(" + " OR ".join(_text_phrase(c) for c in options) + ")" for options in translations]
        needles = tuple(Needle(c) for options in translations for c in options)
        label = "dictionary: " + ", ".join(options[0] for options in translations)
        out.append(Tier(" AND ".join(per_word), needles, label))
    return _unique(out)


def _words(run: str) -> list[str]:
    """A Han run as words (jieba, as the reader's pinyin uses it)."""
    if len(run) <= 2:
        return [run]
    from qwen_reader.core.text.pinyin import _tokenizer

    return [w for w in _tokenizer().lcut(run) if w.strip()]


def _unique(found: list[Tier]) -> list[Tier]:
    seen: set[str] = set()
    out: list[Tier] = []
    for tier in found:
        key = f"{tier.expression}|{tier.chars}"
        if (tier.expression or tier.chars) and key not in seen:
            seen.add(key)
            out.append(tier)
    return out


def search(index: SearchIndex, query: str, *, limit: int = 100, dictionary: bool = True) -> list[Hit]:
    """Ranked hits over the documents the index was last synced with."""
    seen: set[int] = set()
    ranked: list[tuple[int, float, Tier]] = []
    found_tiers = tiers(query, dictionary=dictionary)
    for n, tier in enumerate(found_tiers):
        if len(ranked) >= limit:
            break
        found = [(rowid, score) for rowid, score in _tier_rows(index, tier) if rowid not in seen]
        # bm25() is negative, better is lower. Scores fall in (T-n-1, T-n] for tier n of T, so every hit of a
        # tier scores above the next tier's hits.
        found.sort(key=lambda item: item[1])
        for rowid, bm25 in found[: limit - len(ranked)]:
            seen.add(rowid)
            ranked.append((rowid, len(found_tiers) - n - 1.0 / (1.0 - bm25), tier))
    rows = index.rows(r for r, _, _ in ranked)
    hits: list[Hit] = []
    for rowid, score, tier in ranked:
        row = rows.get(rowid)
        doc = index.docs.get(rowid >> SHIFT)
        if row is None or doc is None:
            continue
        hits.append(Hit(doc.doc_id, doc.title, row.paragraph, row.sentence, row.text, round(score, 4),
                        highlight(row.text, tier.needles), tier.via))
    return hits


def _tier_rows(index: SearchIndex, tier: Tier) -> list[tuple[int, float]]:
    if not tier.expression:
        return index.char_rows(tier.chars, CAP)
    found = index.match(tier.expression, CAP)
    if not tier.chars:
        return found
    texts = index.rows(r for r, _ in found)
    return [(r, score) for r, score in found if r in texts
            and all(c in to_simplified(texts[r].text) for c in tier.chars)]


def _needle_pattern(text: str) -> re.Pattern[str] | None:
    """A needle's pieces in order with any spacing or punctuation between them (`Qwen团队` finds `Qwen 团队`,
    `me stepping down` finds `me stepping down.`)."""
    found = pieces(text)
    if not found:
        return None
    return re.compile(r"[\W_]*".join(re.escape(piece) for piece, _ in found), re.IGNORECASE)


def highlight(text: str, needles: tuple[Needle, ...]) -> tuple[tuple[int, int], ...]:
    """Ranges of `text` (as written, either script) matching the needles, merged and sorted."""
    from qwen_reader.core.search.normalize import run_pinyin

    simplified = to_simplified(text)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if needle.text:
            pattern = _needle_pattern(needle.text)
            if pattern is not None:
                spans.extend(m.span() for m in pattern.finditer(simplified) if m.end() > m.start())
        elif needle.syllables:
            positions = [m.start() for m in _HAN_RE.finditer(simplified)]
            sounds = run_pinyin("".join(simplified[i] for i in positions)).split()
            k = len(needle.syllables)
            for i in range(len(sounds) - k + 1):
                if tuple(sounds[i:i + k]) == needle.syllables:
                    spans.append((positions[i], positions[i + k - 1] + 1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
