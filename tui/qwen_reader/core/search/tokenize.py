"""Index tokens for a sentence: CJK as overlapping bigrams (phrases), Latin words lowercased, Han characters
as toneless pinyin syllables; and for a document, its set of Han characters (1-character queries).

Tokens are joined with spaces and handed to SQLite's FTS5 `ascii` tokenizer, which splits on ASCII
separators only, so each CJK bigram stays one token and adjacent bigrams form a phrase.
"""

from __future__ import annotations

import operator
import re
from typing import NamedTuple

from qwen_reader.core.search.normalize import HAN, HAN_RE, run_pinyin, to_simplified

# A Han run, or a Latin/digit word (accented Latin letters included: Perez, Pérez).
_PIECE = re.compile(f"([{HAN}]+)|([0-9A-Za-z\u00c0-\u024f]+)")


class Columns(NamedTuple):
    """What one sentence contributes to each FTS5 column (space-separated tokens)."""

    text: str
    pinyin: str


def pieces(simplified: str) -> list[tuple[str, bool]]:
    """(piece, is_han) in order; Latin pieces lowercased."""
    return [(han, True) if han else (latin.lower(), False) for han, latin in _PIECE.findall(simplified)]


def bigrams(run: str) -> list[str]:
    if len(run) < 2:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


def phrase_tokens(simplified: str) -> list[str]:
    """The token sequence of the text column: Latin words and CJK bigrams in reading order."""
    out: list[str] = []
    for piece, han in pieces(simplified):
        if han:
            out.extend(bigrams(piece))
        else:
            out.append(piece)
    return out


def columns(text: str) -> Columns:
    """The three token columns of a sentence as written (either script). The index is built from millions
    of characters, so every per-character step here is a C-level string operation."""
    simplified = to_simplified(text)
    words: list[str] = []
    runs: list[str] = []
    for han, latin in _PIECE.findall(simplified):
        if han:
            words.append(" ".join(map(operator.add, han, han[1:])) if len(han) > 1 else han)
            runs.append(han)
        else:
            words.append(latin.lower())
    # Pinyin reads all Han characters of the sentence in one pass (a phrase may then span punctuation,
    # which costs little and saves a call per run).
    han_only = "".join(runs)
    return Columns(" ".join(words), run_pinyin(han_only))


def document_chars(sentences: list[str]) -> str:
    """Every Han character of a document once, in code point order (deterministic, so a contentless
    table can delete them again): one-character queries look for documents first, then sentences."""
    distinct = "".join(set("".join(sentences)))  # a few hundred characters: convert and filter those only
    return " ".join(sorted(set(HAN_RE.findall(to_simplified(distinct)))))


def english_tokens(english: str) -> str:
    """The English column: Latin words of a translation, lowercased."""
    return " ".join(piece for piece, han in pieces(english) if not han) if english else ""
