"""The reading screen's layout: every paragraph laid out in every column, sentence-aligned, computed
lazily where it is needed, so that a document of any size opens, and jumps anywhere, at once.

Pure text: lines hold strings and offsets; the UI turns them into styled strips.
"""

from __future__ import annotations

import bisect
import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from qwen_reader.core.reading.heights import Heights
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
    """One paragraph laid out in every column: the same number of lines in each, a sentence's rows
    starting on the same line in every column."""

    paragraph: int
    columns: list[list[Line]]
    sentence_tops: list[int]
    # Per column, per sentence: offsets the conversion changed (empty for unconverted columns).
    changed: list[list[frozenset[int]]] = field(default_factory=list)

    @property
    def height(self) -> int:
        return len(self.columns[0])


EnglishSource = Callable[[int, int], "str | None"]
# (text, OpenCC config, paragraph, sentence) -> converted text; lets names be kept as written.
Converter = Callable[[str, str, int, int], str]
# Paragraphs kept laid out; the rest keep only their height (a 50 MB document must not hold every line).
_KEPT_BLOCKS = 4000


def _plain_convert(text: str, config: str, paragraph: int, sentence: int) -> str:
    return convert(text, config)


class ReadingLayout:
    """Every paragraph of a document in every column, laid out on demand.

    Paragraphs not yet laid out count with an estimated height, so any line of a document of any size
    can be reached without laying out what lies before it; a paragraph's height becomes exact the first
    time it is laid out (on screen, or in the background). Tops are prefix sums kept in a Fenwick tree.
    """

    def __init__(self, document: Document, specs: list[ColumnSpec], widths: list[int],
                 english: EnglishSource | None = None, *, english_role: str = "text",
                 converter: Converter | None = None) -> None:
        self.document = document
        self.paragraphs: tuple[Paragraph, ...] = document.paragraphs
        self.specs = specs
        self.widths = widths
        self.english = english or (lambda p, s: None)
        # "text" for a translation, "gloss" for the dictionary gloss (styled and labelled differently).
        self.english_role = english_role
        self.converter = converter or _plain_convert
        self._blocks: OrderedDict[int, ParagraphLayout] = OrderedDict()
        self._exact = bytearray(len(self.paragraphs))
        self._exact_count = 0
        self._next_unlaid = 0
        self.heights = Heights(self._estimates())
        # How many paragraphs were laid out (tests and benchmarks hold this to a budget).
        self.layout_calls = 0

    # -- size ----------------------------------------------------------------------------------------

    @property
    def total_lines(self) -> int:
        return self.heights.total

    @property
    def complete(self) -> bool:
        """Every paragraph's height is exact (the scrollbar tells the truth)."""
        return self._exact_count == len(self.paragraphs)

    @property
    def exact_count(self) -> int:
        return self._exact_count

    def _estimates(self) -> list[int]:
        """Lines each paragraph will take, from its sentence lengths alone (no conversion, no wrapping, the
        English as one line): vectorised, since a 50 MB document has ~800,000 sentences."""
        import numpy as np

        counts = np.fromiter((len(p.sentence_ends) for p in self.paragraphs), dtype=np.int64,
                             count=len(self.paragraphs))
        heights = np.full(len(self.paragraphs), 2, dtype=np.int64)  # a paragraph without text: a line and a gap
        if not counts.any():
            return heights.tolist()  # type: ignore[no-any-return]
        ends = np.fromiter(itertools.chain.from_iterable(p.sentence_ends for p in self.paragraphs),
                           dtype=np.int64, count=int(counts.sum()))
        firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))[counts > 0]
        starts = np.concatenate(([0], ends[:-1]))
        starts[firsts] = 0
        lengths = ends - starts
        rows = np.ones_like(lengths)
        for spec, width in zip(self.specs, self.widths, strict=True):
            if spec.kind == "chinese":
                cells = max(width - 2, 1)
                need = -(-(3 if spec.pinyin else 2) * lengths // cells) * (2 if spec.pinyin else 1)
                rows = np.maximum(rows, need)
        heights[counts > 0] = np.add.reduceat(rows, firsts) + 1
        return heights.tolist()  # type: ignore[no-any-return]

    # -- laying out ------------------------------------------------------------------------------------

    def block(self, index: int) -> ParagraphLayout:
        """Paragraph `index` laid out (now, if it was not); its height becomes exact."""
        block = self._blocks.get(index)
        if block is not None:
            self._blocks.move_to_end(index)
            return block
        block = self._layout(index)
        self.layout_calls += 1
        self._blocks[index] = block
        if len(self._blocks) > _KEPT_BLOCKS:
            self._blocks.popitem(last=False)
        self.heights.set(index, block.height)
        if not self._exact[index]:
            self._exact[index] = 1
            self._exact_count += 1
        return block

    def top(self, index: int) -> int:
        return self.heights.top(index)

    def invalidate(self, paragraphs: Iterable[int]) -> None:
        """These paragraphs changed (their English arrived): they are laid out again when next needed.
        Their heights stand until then, so nothing else moves."""
        for p in set(paragraphs):
            if self._blocks.pop(p, None) is not None or self._exact[p]:
                if self._exact[p]:
                    self._exact[p] = 0
                    self._exact_count -= 1
                self._next_unlaid = min(self._next_unlaid, p)

    def settle(self, first_line: int, last_line: int) -> bool:
        """Lay out every paragraph that shows any of the lines [first_line, last_line], until the heights
        there are exact. Returns True when some height changed (lines below moved)."""
        moved = False
        for _ in range(64):  # each round lays out at least one more paragraph; a screen holds few
            changed = False
            p = self.heights.find(first_line)
            while 0 <= p < len(self.paragraphs) and self.heights.top(p) <= last_line:
                if p not in self._blocks:
                    before = self.heights[p]
                    changed |= self.block(p).height != before
                p += 1
            moved |= changed
            if not changed:
                break
        return moved

    def extend(self, count: int = 50) -> bool:
        """Background work: make `count` more heights exact. False when nothing was left to do."""
        done = 0
        while done < count and self._next_unlaid < len(self.paragraphs):
            p = self._next_unlaid
            self._next_unlaid += 1
            if not self._exact[p]:
                self.block(p)
                done += 1
        return done > 0 or not self.complete

    # -- lookups -----------------------------------------------------------------------------------------

    def block_at(self, line: int) -> tuple[ParagraphLayout, int] | None:
        """The paragraph showing `line` and the line's offset in it (lays that paragraph out)."""
        if not self.paragraphs or line < 0 or line >= self.total_lines:
            return None
        p = self.heights.find(line)
        block = self.block(p)
        offset = line - self.heights.top(p)
        if offset >= block.height:  # its exact height is shorter than the estimate was
            return None
        return block, offset

    def sentence_span(self, paragraph: int, sentence: int) -> tuple[int, int]:
        """Absolute first line and height of a sentence's rows (the same in every column)."""
        block = self.block(paragraph)
        tops = block.sentence_tops
        start = tops[sentence]
        end = tops[sentence + 1] if sentence + 1 < len(tops) else _content_end(block)
        return self.heights.top(paragraph) + start, end - start

    def sentence_at_line(self, line: int) -> tuple[int, int] | None:
        """The sentence whose rows hold `line` (or the next one after a gap)."""
        if not self.paragraphs:
            return None
        line = max(0, min(line, self.total_lines - 1))
        p = self.heights.find(line)
        block = self.block(p)
        if not block.sentence_tops:
            return None
        offset = line - self.heights.top(p)
        k = max(0, bisect.bisect_right(block.sentence_tops, offset) - 1)
        return p, k

    # -- one paragraph ----------------------------------------------------------------------------

    def _layout(self, index: int) -> ParagraphLayout:
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
        return ParagraphLayout(index, columns, sentence_tops, changed)

    def _column_texts(self, spec: ColumnSpec, index: int, sentences: list[str]) -> list[str]:
        if spec.kind == "english":
            return [self.english(index, s) or "" for s in range(len(sentences))]
        if spec.conversion:
            return [self.converter(text, spec.conversion, index, s) for s, text in enumerate(sentences)]
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


# Terminal width (columns) from which the other script gets a column of its own beside the English.
THREE_COLUMNS_FROM = 150


def column_specs(width: int, *, three: bool, english_only: bool, pinyin: bool, primary: str | None,
                 secondary: str | None) -> tuple[list[ColumnSpec], list[int]]:
    """The columns and their widths in `width` cells: English only; or the chosen Chinese and the English;
    or, when `three`, the other script between them."""
    if english_only:
        specs = [ColumnSpec("english")]
    elif three:
        specs = [ColumnSpec("chinese", primary, pinyin), ColumnSpec("chinese", secondary),
                 ColumnSpec("english")]
    else:
        specs = [ColumnSpec("chinese", primary, pinyin), ColumnSpec("english")]
    usable = max(len(specs) * 2, width - GUTTER * (len(specs) - 1))
    base = usable // len(specs)
    widths = [base] * len(specs)
    widths[-1] += usable - base * len(specs)
    return specs, widths
