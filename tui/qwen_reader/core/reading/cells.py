"""How many terminal cells text takes, the way the painter (Rich) counts them: one width function for
wrapping and painting, or every row holding a disagreeing character shifts (wcwidth, with Rich's rules
for zero-width joiners and emoji variation selectors)."""

from __future__ import annotations

from functools import lru_cache

from wcwidth import wcswidth, wcwidth

_ZWJ, _VS16 = "\u200d", "\ufe0f"


@lru_cache(maxsize=65536)
def char_cells(ch: str) -> int:
    # Control characters never reach the screen (they are stripped or replaced before painting).
    return max(wcwidth(ch), 0)


def cell_len(text: str) -> int:
    if text.isascii():
        return len(text)
    if _ZWJ not in text and _VS16 not in text:
        return sum(map(char_cells, text))
    # A character after a zero-width joiner is drawn inside the one before it; a variation selector 16
    # widens a narrow emoji to two cells.
    total, i, last = 0, 0, ""
    while i < len(text):
        ch = text[i]
        if ch == _ZWJ:
            i += 2
            continue
        if ch == _VS16:
            if last and char_cells(last) == 1 and wcswidth(last + _VS16) == 2:
                total += 1
            last = ""
        else:
            width = char_cells(ch)
            total += width
            last = ch if width else last
        i += 1
    return total


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
