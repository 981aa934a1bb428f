"""Moving through a document by sentence and paragraph, with a history of jumps (for `backspace`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from qwen_reader.core.text.model import Document


@dataclass(frozen=True, slots=True)
class Position:
    paragraph: int
    sentence: int


class Navigator:
    """A cursor over every sentence of a document, in reading order (paragraphs without text are skipped)."""

    def __init__(self, document: Document) -> None:
        self.order: list[Position] = [
            Position(p, s)
            for p, paragraph in enumerate(document.paragraphs)
            for s in range(len(paragraph.sentence_ends))
        ]
        # Index in `order` of each paragraph's first sentence, for paragraph moves.
        self._paragraph_starts: list[int] = []
        self._starts_by_paragraph: dict[int, int] = {}
        for i, pos in enumerate(self.order):
            if pos.sentence == 0:
                self._paragraph_starts.append(i)
                self._starts_by_paragraph[pos.paragraph] = i
        self.index = 0
        self._history: list[int] = []

    @property
    def empty(self) -> bool:
        return not self.order

    @property
    def position(self) -> Position | None:
        return self.order[self.index] if self.order else None

    def move(self, delta: int) -> None:
        if self.order:
            self.index = max(0, min(len(self.order) - 1, self.index + delta))

    def next_paragraph(self) -> None:
        k = bisect.bisect_right(self._paragraph_starts, self.index)
        if k < len(self._paragraph_starts):
            self.index = self._paragraph_starts[k]

    def previous_paragraph(self) -> None:
        # Inside a paragraph, go to its start first; at a start, to the previous paragraph's start.
        k = bisect.bisect_left(self._paragraph_starts, self.index) - 1
        if k >= 0:
            self.index = self._paragraph_starts[k]

    def jump(self, index: int) -> None:
        """A long move (top, bottom, open at a place): remembered so `back` can return."""
        if not self.order:
            return
        target = max(0, min(len(self.order) - 1, index))
        if target != self.index:
            self._history.append(self.index)
            del self._history[:-100]
        self.index = target

    def jump_to(self, position: Position) -> None:
        self.jump(self.index_of(position))

    def back(self) -> bool:
        if not self._history:
            return False
        self.index = self._history.pop()
        return True

    def index_of(self, position: Position) -> int:
        start = self._starts_by_paragraph.get(position.paragraph)
        if start is None:
            # A paragraph without sentences: the nearest sentence after it.
            k = bisect.bisect_left([p.paragraph for p in self.order], position.paragraph)
            return min(k, len(self.order) - 1)
        count = 0
        while start + count + 1 < len(self.order) and self.order[start + count + 1].paragraph == position.paragraph:
            count += 1
        return start + min(position.sentence, count)
