"""Sentence segmentation with character offsets; the sentences of a paragraph concatenate back to it."""

from __future__ import annotations

import itertools
import re

from qwen_reader.core.text.model import Sentence

_OPEN_QUOTES = "“「『"
_CLOSE_QUOTES = "”」』"
# Only these characters can change the state of the scan; regex skips everything else at C speed.
# Full-width terminators end a sentence wherever they stand; ASCII ! and ? only where they end a clause,
# not in "Yahoo!Japan" or a damaged "?zāi".
_EVENTS = re.compile(r"[“「『”」』]|[。！？；…]+|[!?]+(?![A-Za-z0-9])")
_ASCII_MARKS = frozenset("!?")
# Terminators, closing quotes and brackets, and whitespace that belong to the sentence just ended.
# A full-width closer may stand after a space ("好。 ”"): it still closes the sentence, never opens one.
_CLOSERS = r"(?:[”」』）)’\"'》〉】]|[ \t\u3000]+(?=[”」』）》】]))*"
_TAIL = re.compile(rf"[。！？；…!?]*{_CLOSERS}\s*")
_LATIN_WINDOW = 40
_SIMPLE_END = re.compile(rf"(?:[。！？；…]+|[!?]+(?![A-Za-z0-9]))[。！？；…!?]*{_CLOSERS}\s*")
_BRACKETS = {"（": "）", "(": ")"}
_BRACKET_MAX = 120


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split a paragraph into sentences; whitespace after a sentence stays with it."""
    starts = (0, *sentence_ends(text))
    return tuple(Sentence(text[a:b], a, b) for a, b in itertools.pairwise(starts))


def sentence_ends(text: str) -> tuple[int, ...]:
    """End offset of each sentence; the last one is len(text). Empty text has no sentences."""
    if not text:
        return ()
    ends = _ends(text)
    if len(ends) > 1 and ("（" in text or "(" in text):
        ends = _outside_brackets(text, ends)
    return ends


def _outside_brackets(text: str, ends: tuple[int, ...]) -> tuple[int, ...]:
    """A sentence does not end inside a short parenthesis that closes later: (酷。开启新旅程) is one aside."""
    inside: list[tuple[int, int]] = []
    for m in re.finditer(r"[（(]", text):
        close = text.find(_BRACKETS[m.group(0)], m.end(), m.end() + _BRACKET_MAX)
        if close != -1 and text.find(m.group(0), m.end(), close) == -1:
            inside.append((m.end(), close))
    if not inside:
        return ends
    return tuple(e for e in ends if e == len(text) or not any(a < e <= b for a, b in inside))


def _ends(text: str) -> tuple[int, ...]:
    if ("!" not in text and "?" not in text) or not any(q in text for q in _OPEN_QUOTES):
        # No English quotation can hold an ASCII mark here: one regex pass finds every end.
        ends = [m.end() for m in _SIMPLE_END.finditer(text)]
        if ends and ends[-1] == len(text):
            ends.pop()
        ends.append(len(text))
        return tuple(ends)
    ends = []
    depth = 0
    latin_quote = False
    pos = 0
    n = len(text)
    while True:
        m = _EVENTS.search(text, pos)
        if m is None:
            break
        token = m.group(0)
        if token in _OPEN_QUOTES:
            depth += 1
            latin_quote = _mostly_latin(text, m.end())
            pos = m.end()
            continue
        if token in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
            pos = m.end()
            continue
        # Inside an English quotation, its ! and ? are the quotation's, not the Chinese sentence's.
        if depth and latin_quote and token[0] in _ASCII_MARKS:
            pos = m.end()
            continue
        tail = _TAIL.match(text, m.end())
        end = tail.end() if tail else m.end()
        if depth and end > m.end():
            tail_text = text[m.end():end]
            depth = max(0, depth - sum(tail_text.count(q) for q in _CLOSE_QUOTES))
        if end < n:
            ends.append(end)
        pos = end
        if pos >= n:
            break
    ends.append(n)
    return tuple(ends)


_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _mostly_latin(text: str, start: int) -> bool:
    window = text[start:start + _LATIN_WINDOW]
    latin = len(_LATIN.findall(window))
    return latin > 0 and latin / (latin + len(_HAN.findall(window))) > 0.6
