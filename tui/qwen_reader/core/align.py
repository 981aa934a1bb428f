"""Sentence-aligned columns: wrap each sentence in every column and pad so counterparts start level.

Pure text and cell arithmetic (CJK characters are two cells wide); the UI only paints the lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=65536)
def char_cells(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_len(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(map(char_cells, text))


def fit_cells(text: str, width: int) -> str:
    """`text` cut or padded to exactly `width` cells (a wide character that would straddle is dropped)."""
    out, used = [], 0
    for ch in text:
        cells = char_cells(ch)
        if used + cells > width:
            break
        out.append(ch)
        used += cells
    return "".join(out) + " " * (width - used)


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap to `width` cells (see wrap_offsets); every character appears exactly once."""
    return [text[a:b] for a, b in wrap_offsets(text, width)]


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Line ranges of a greedy wrap to `width` cells. Latin words move whole to the next line when they
    fit on one; CJK breaks between any two characters; nothing is cut or dropped. Spaces at a line end
    stay on that line (painting trims what does not fit)."""
    if width < 2:
        raise ValueError("a column must be at least two cells wide to hold a CJK character")
    lines: list[tuple[int, int]] = []
    start = pos = used = 0
    for token in _tokens(text):
        size = cell_len(token)
        end = pos + len(token)
        if used + size <= width or token.isspace():
            used += size
        elif size <= width and pos > start:
            cut = _adjust_break(text, start, pos)
            if cell_len(text[cut:end]) > width:
                cut = pos
            lines.append((start, cut))
            start, used = cut, cell_len(text[cut:end])
        else:  # a CJK character, or a word longer than a line: break by character
            for i, ch in enumerate(token):
                cells = char_cells(ch)
                if used + cells > width and pos + i > start:
                    cut = _adjust_break(text, start, pos + i)
                    if cell_len(text[cut:pos + i]) + cells > width:
                        cut = pos + i
                    lines.append((start, cut))
                    start, used = cut, cell_len(text[cut:pos + i])
                used += cells
        pos = end
        if token.isspace() and used > width:
            lines.append((start, pos))
            start, used = pos, 0
    if pos > start or not lines:
        lines.append((start, pos))
    return lines


# Line-breaking rules (kinsoku): these never start a line, those never end one.
_NO_START = frozenset("，。、；：？！…‥”’」』）》〉】〕,.;:?!)]}%")
_NO_END = frozenset("“‘「『（《〈【〔([{")


def _adjust_break(text: str, start: int, at: int) -> int:
    """Move a break earlier (by at most two characters) so punctuation sits where Chinese typesetting
    puts it; a line always keeps at least one character."""
    cut = at
    for _ in range(2):
        if cut - 1 > start and (text[cut] in _NO_START or text[cut - 1] in _NO_END):
            cut -= 1
        else:
            break
    return cut


_TOKEN = re.compile(r"[A-Za-z0-9.\-_%'/]+| +|.", re.DOTALL)


def _tokens(text: str) -> list[str]:
    """Runs of Latin letters/digits (words), runs of spaces, and single other characters."""
    return _TOKEN.findall(text)


@dataclass(frozen=True, slots=True)
class AlignedBlock:
    """One paragraph laid out in every column: lines per column, equal in number, and where each
    sentence starts (the same line in every column)."""

    columns: tuple[tuple[str, ...], ...]
    sentence_lines: tuple[int, ...]

    @property
    def height(self) -> int:
        return len(self.columns[0]) if self.columns else 0


def align_paragraph(columns: list[list[str]], widths: list[int]) -> AlignedBlock:
    """`columns[c][i]` is sentence i in column c (every column has the same sentence count)."""
    if len({len(c) for c in columns}) > 1:
        raise ValueError("every column needs one entry per sentence")
    out: list[list[str]] = [[] for _ in columns]
    starts: list[int] = []
    for i in range(len(columns[0]) if columns else 0):
        wrapped = [wrap(col[i], w) for col, w in zip(columns, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        starts.append(len(out[0]))
        for c, lines in enumerate(wrapped):
            out[c].extend(lines)
            out[c].extend([""] * (height - len(lines)))
    return AlignedBlock(tuple(tuple(c) for c in out), tuple(starts))
