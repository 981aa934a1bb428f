"""Line breaking in terminal cells: greedy, CJK-aware, with kinsoku (Chinese punctuation rules)."""

from __future__ import annotations

import re

from qwen_reader.core.reading.cells import cell_len, char_cells


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
    for token in tokens(text):
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


def tokens(text: str) -> list[str]:
    """Runs of Latin letters/digits (words), runs of spaces, and single other characters."""
    return _TOKEN.findall(text)
