"""The status line: parts with a priority, the least important dropped first when the terminal is narrow."""

from __future__ import annotations

from typing import NamedTuple

from qwen_reader.core.reading.cells import cell_len

SEPARATOR = "  ·  "
COMPACT = " · "


class StatusPart(NamedTuple):
    text: str
    priority: int  # 0 = always shown; higher numbers go first when space runs out


def fit_status(parts: list[StatusPart], width: int) -> str:
    """The parts in their order, as many as fit in `width` cells, most important kept."""
    kept = list(parts)
    while True:
        for separator in (SEPARATOR, COMPACT):
            line = separator.join(p.text for p in kept)
            if cell_len(line) <= width or len(kept) == 1:
                return line
        kept.remove(max(kept, key=lambda p: p.priority))
