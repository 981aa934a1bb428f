"""Rich segments for one line of one column: styled runs, safe text, cropping to whole cells."""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style

from qwen_reader.core.reading.cells import char_cells

# Anything that could reach the terminal as a control sequence is shown as a replacement character.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def styled_runs(text: str, start: int, spans: list[tuple[int, int, str]], style: Style, cursor: Style,
                resolve: Callable[[str], Style]) -> list[Segment]:
    """One segment per run of characters with the same styles; the cursor's background on top. `spans` hold
    offsets into the sentence, `start` is where this line's `text` begins in it."""
    names: list[tuple[str, ...]] = [()] * len(text)
    for a, b, name in spans:
        for i in range(max(a - start, 0), min(b - start, len(text))):
            names[i] = (*names[i], name)
    out: list[Segment] = []
    run = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or names[i] != names[run]:
            run_style = style
            for name in names[run]:
                run_style += resolve(name)
            out.append(Segment(safe(text[run:i]), run_style + cursor))
            run = i
    return out


def safe(text: str) -> str:
    return _UNSAFE.sub("\ufffd", text)


def crop(segments: list[Segment], width: int) -> list[Segment]:
    """Cut to `width` cells without splitting a wide character (a half is never shown)."""
    out: list[Segment] = []
    used = 0
    for seg in segments:
        kept = ""
        for ch in seg.text:
            cells = char_cells(ch)
            if used + cells > width:
                break
            kept += ch
            used += cells
        if kept:
            out.append(Segment(kept, seg.style))
        if used >= width or len(kept) < len(seg.text):
            break
    if used < width:
        out.append(Segment(" " * (width - used), segments[-1].style if segments else None))
    return out
