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
    return sum(char_cells(ch) for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap to `width` cells. Latin words move whole to the next line when they fit on one;
    CJK breaks between any two characters. Every character appears exactly once, none is cut."""
    if width < 2:
        raise ValueError("a column must be at least two cells wide to hold a CJK character")
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for token in _tokens(text):
        size = cell_len(token)
        if used + size <= width:
            line.append(token)
            used += size
            continue
        if token.isspace():
            # Spaces at a line end are kept on that line (not lost), beyond the width if need be;
            # painting trims what does not fit.
            line.append(token)
            lines.append("".join(line))
            line, used = [], 0
            continue
        if size <= width and line:
            lines.append("".join(line))
            line, used = [token], size
            continue
        for ch in token:  # a CJK character, or a word longer than a line: break by character
            cells = char_cells(ch)
            if used + cells > width and line:
                lines.append("".join(line))
                line, used = [], 0
            line.append(ch)
            used += cells
    if line or not lines:
        lines.append("".join(line))
    return lines


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
