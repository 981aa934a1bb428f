"""How many terminal cells a character takes (CJK = 2, combining marks = 0)."""

from __future__ import annotations

import unicodedata
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
