"""The reading screen's layout: every paragraph laid out in every column, sentence-aligned, computed
lazily from the top so that a huge document opens at once (only what is needed is laid out).

Pure text: lines hold strings and offsets; the UI turns them into styled strips.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from qwen_reader.core.reading.interlinear import render_rows, wrap_pieces
from qwen_reader.core.reading.wrap import wrap_offsets
from qwen_reader.core.text.model import Document, Kind, Paragraph
from qwen_reader.core.text.script import changed_positions, convert

# Paragraph kinds drawn with a marker in front; the marker's cells come off the column width.
MARKERS = {Kind.LIST_ITEM: "• ", Kind.QUOTE: "▎ "}
GUTTER = 3  # " │ " between columns


class ColumnSpec(NamedTuple):
    """What one column shows: the Chinese as written or converted with an OpenCC config, or the English."""

    kind: str  # "chinese" | "english"
    conversion: str | None = None
    pinyin: bool = False


class Line(NamedTuple):
    text: str
    sentence: int  # index of the sentence in its paragraph; -1 for blank and gap lines
    start: int  # offset of `text` in that sentence
    role: str  # "text" | "pinyin" | "blank" | "placeholder"
    first: bool = False  # first line of its paragraph (carries the marker)


BLANK = Line("", -1, 0, "blank")


@dataclass
class ParagraphLayout:
    paragraph: int
    top: int
    columns: list[list[Line]]
    sentence_tops: list[int]
    # Per column, per sentence: offsets the conversion changed (empty for unconverted columns).
    changed: list[list[frozenset[int]]] = field(default_factory=list)

    @property
    def height(self) -> int:
        return len(self.columns[0])


EnglishSource = Callable[[int, int], "str | None"]


class ReadingLayout:
    def __init__(self, document: Document, specs: list[ColumnSpec], widths: list[int],
                 english: EnglishSource | None = None, *, english_role: str = "text") -> None:
        self.document = document
        self.paragraphs: tuple[Paragraph, ...] = document.paragraphs
        self.specs = specs
        self.widths = widths
        self.english = english or (lambda p, s: None)
        # "text" for a translation, "gloss" for the dictionary gloss (styled and labelled differently).
        self.english_role = english_role
        self.blocks: list[ParagraphLayout] = []
        self._tops: list[int] = []
        self.total_lines = 0

    @property
    def complete(self) -> bool:
        return len(self.blocks) == len(self.paragraphs)

    def extend(self, count: int = 50) -> bool:
        """Lay out up to `count` more paragraphs; False when nothing was left to do."""
        if self.complete:
            return False
        for _ in range(count):
            if self.complete:
                break
            index = len(self.blocks)
            block = self._layout(index, self.total_lines)
            self.blocks.append(block)
            self._tops.append(block.top)
            self.total_lines += block.height
        return True

    def invalidate_from(self, paragraph: int) -> None:
        """Forget the layout from `paragraph` on (its English arrived); it is laid out again on demand."""
        if paragraph >= len(self.blocks):
            return
        del self.blocks[paragraph:]
        del self._tops[paragraph:]
        last = self.blocks[-1] if self.blocks else None
        self.total_lines = last.top + last.height if last else 0

    def ensure_paragraph(self, paragraph: int) -> None:
        if len(self.blocks) <= paragraph:
            self.extend(paragraph + 1 - len(self.blocks))

    def ensure_line(self, line: int) -> None:
        # Small steps: painting the first screen should lay out little more than the screen.
        while self.total_lines <= line and not self.complete:
            self.extend(8)

    def block_at(self, line: int) -> tuple[ParagraphLayout, int] | None:
        self.ensure_line(line)
        if not self.blocks or line >= self.total_lines or line < 0:
            return None
        k = bisect.bisect_right(self._tops, line) - 1
        block = self.blocks[k]
        return block, line - block.top

    def sentence_span(self, paragraph: int, sentence: int) -> tuple[int, int]:
        """Absolute first line and height of a sentence's rows (the same in every column)."""
        self.ensure_paragraph(paragraph)
        block = self.blocks[paragraph]
        tops = block.sentence_tops
        start = tops[sentence]
        end = tops[sentence + 1] if sentence + 1 < len(tops) else _content_end(block)
        return block.top + start, end - start

    def sentence_at_line(self, line: int) -> tuple[int, int] | None:
        """The sentence whose rows hold `line` (or the next one after a gap)."""
        found = self.block_at(max(0, min(line, self.total_lines - 1)))
        if found is None:
            return None
        block, offset = found
        if not block.sentence_tops:
            return None
        k = max(0, bisect.bisect_right(block.sentence_tops, offset) - 1)
        return block.paragraph, k

    # -- one paragraph ----------------------------------------------------------------------------

    def _layout(self, index: int, top: int) -> ParagraphLayout:
        paragraph = self.paragraphs[index]
        sentences = [s.text for s in paragraph.sentences]
        marker = MARKERS.get(paragraph.kind, "")
        columns: list[list[Line]] = [[] for _ in self.specs]
        changed: list[list[frozenset[int]]] = [[] for _ in self.specs]
        sentence_tops: list[int] = []
        texts = [self._column_texts(spec, index, sentences) for spec in self.specs]
        for c, spec in enumerate(self.specs):
            if spec.kind == "chinese" and spec.conversion:
                changed[c] = [frozenset(changed_positions(a, b)) for a, b in zip(sentences, texts[c], strict=True)]
        for s in range(len(sentences)):
            rendered = [
                self._sentence_lines(spec, texts[c][s], s, max(2, self.widths[c] - len(marker)), self.english_role)
                for c, spec in enumerate(self.specs)
            ]
            height = max(len(lines) for lines in rendered)
            sentence_tops.append(len(columns[0]))
            for c, lines in enumerate(rendered):
                columns[c].extend(lines)
                columns[c].extend([BLANK] * (height - len(lines)))
        if not sentences:  # a separator, or an empty paragraph: one line
            for c in range(len(self.specs)):
                columns[c].append(Line("", -1, 0, "blank", first=True))
        else:
            for c in range(len(self.specs)):
                columns[c][0] = columns[c][0]._replace(first=True)
        for c in range(len(self.specs)):
            columns[c].append(BLANK)  # the gap after every paragraph
        return ParagraphLayout(index, top, columns, sentence_tops, changed)

    def _column_texts(self, spec: ColumnSpec, index: int, sentences: list[str]) -> list[str]:
        if spec.kind == "english":
            return [self.english(index, s) or "" for s in range(len(sentences))]
        if spec.conversion and self.paragraphs[index].kind is not Kind.BOILERPLATE:
            return [convert(s, spec.conversion) for s in sentences]
        return sentences

    @staticmethod
    def _sentence_lines(spec: ColumnSpec, text: str, sentence: int, width: int, english_role: str) -> list[Line]:
        if spec.kind == "english":
            if not text:
                return [Line("·", sentence, 0, "placeholder")]
            return [Line(text[a:b], sentence, a, english_role) for a, b in wrap_offsets(text, width)]
        if spec.pinyin and spec.kind == "chinese":
            out: list[Line] = []
            for pieces in wrap_pieces(text, width):
                top, bottom = render_rows(pieces)
                start = pieces[0].start if pieces else 0
                out.append(Line(top, sentence, start, "pinyin"))
                out.append(Line(bottom, sentence, start, "padded"))
            return out
        return [Line(text[a:b], sentence, a, "text") for a, b in wrap_offsets(text, width)]


def _content_end(block: ParagraphLayout) -> int:
    return block.height - 1  # the last line of a block is the gap


def column_specs(total_width: int, *, english_only: bool, pinyin: bool, primary: str | None,
                 secondary: str | None) -> tuple[list[ColumnSpec], list[int]]:
    """Which columns fit: three at 150 cells and wider, else the chosen Chinese and the English."""
    if english_only:
        specs = [ColumnSpec("english")]
    elif total_width >= 150:
        specs = [ColumnSpec("chinese", primary, pinyin), ColumnSpec("chinese", secondary),
                 ColumnSpec("english")]
    else:
        specs = [ColumnSpec("chinese", primary, pinyin), ColumnSpec("english")]
    usable = max(len(specs) * 2, total_width - GUTTER * (len(specs) - 1))
    base = usable // len(specs)
    widths = [base] * len(specs)
    widths[-1] += usable - base * len(specs)
    return specs, widths
