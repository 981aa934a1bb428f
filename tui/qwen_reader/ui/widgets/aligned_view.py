"""The aligned columns: paints only the visible lines of a lazily computed ReadingLayout."""

from __future__ import annotations

import re
from collections import OrderedDict

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from qwen_reader.core.reading.cells import cell_len, char_cells
from qwen_reader.core.reading.layout import MARKERS, Line, ParagraphLayout, ReadingLayout
from qwen_reader.core.text.model import Kind

# Anything that could reach the terminal as a control sequence is shown as a replacement character.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_STRIP_CACHE = 2000


class AlignedView(ScrollView, can_focus=True, inherit_bindings=False):
    # Keys belong to the reading screen (sentence moves), not to scrolling.
    """Columns of one document; the sentence under the cursor is highlighted in every column."""

    COMPONENT_CLASSES = {
        "aligned-view--cursor",
        "aligned-view--heading",
        "aligned-view--caption",
        "aligned-view--byline",
        "aligned-view--boilerplate",
        "aligned-view--quote",
        "aligned-view--changed",
        "aligned-view--pinyin",
        "aligned-view--placeholder",
        "aligned-view--gloss",
        "aligned-view--damaged",
        "aligned-view--gutter",
        "aligned-view--marker",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.layout_model: ReadingLayout | None = None
        self.cursor: tuple[int, int] | None = None
        self._strips: OrderedDict[tuple[int, int, bool], Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}

    # -- state from the screen -----------------------------------------------------------------------

    class LayoutInvalidated(Message):
        """Part of the layout was dropped and must be grown again in the background."""

    def _style(self, name: str) -> Style:
        # Resolving a component style is costly and painting asks for the same few on every line.
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._strips.clear()
        super().notify_style_update()

    def set_layout(self, layout: ReadingLayout) -> None:
        self.layout_model = layout
        self._strips.clear()
        self._sync_size()
        self.refresh()

    def set_cursor(self, cursor: tuple[int, int] | None) -> None:
        old = self.cursor
        self.cursor = cursor
        # Only the lines of the old and the new sentence change.
        for key in list(self._strips):
            if key[2] or (cursor and key[0] == cursor[0]):
                del self._strips[key]
        if old != cursor:
            self.refresh()

    def invalidate_from(self, paragraph: int) -> None:
        """Paragraphs from `paragraph` on changed (their English arrived): lay them out again, keeping the
        cursor's sentence where it was on screen."""
        layout = self.layout_model
        if layout is None or paragraph >= len(layout.blocks):
            return
        anchor = None
        if self.cursor is not None and self.cursor[0] < len(layout.blocks):
            anchor = layout.sentence_span(*self.cursor)[0] - self.scroll_offset.y
        layout.invalidate_from(paragraph)
        self._strips.clear()
        self.post_message(self.LayoutInvalidated())
        if anchor is not None and self.cursor is not None:
            top = layout.sentence_span(*self.cursor)[0]  # lays out again down to the cursor
            self._sync_size()
            self.scroll_to(y=max(0, top - anchor), animate=False, force=True)
        else:
            self._sync_size()
        self.refresh()

    def grow(self, paragraphs: int = 100) -> bool:
        """Lay out more of the document (called in the background until done)."""
        if self.layout_model is None or not self.layout_model.extend(paragraphs):
            return False
        self._sync_size()
        return True

    def _sync_size(self) -> None:
        if self.layout_model is not None:
            self.virtual_size = Size(self.size.width, self.layout_model.total_lines)

    def scroll_to_sentence(self, paragraph: int, sentence: int, *, center: bool = False, animate: bool = False) -> None:
        if self.layout_model is None:
            return
        top, height = self.layout_model.sentence_span(paragraph, sentence)
        self._sync_size()
        view = self.scrollable_content_region.height or self.size.height
        y = self.scroll_offset.y
        if center:
            target = top - max(0, (view - height) // 3)
        elif top < y + 1:
            target = top - 1
        elif top + height > y + view - 1:
            target = top + height - view + 1
        else:
            return
        self.scroll_to(y=max(0, target), animate=animate, force=True)

    # -- painting --------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        layout = self.layout_model
        width = self.scrollable_content_region.width or self.size.width
        if layout is None:
            return Strip.blank(width)
        line_no = self.scroll_offset.y + y
        found = layout.block_at(line_no)
        if found is None:
            return Strip.blank(width, self.rich_style)
        block, offset = found
        highlighted = self.cursor is not None and self.cursor[0] == block.paragraph and any(
            column[offset].sentence == self.cursor[1] for column in block.columns)
        key = (block.paragraph, offset, highlighted)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._paint(block, offset, highlighted)
            self._strips[key] = strip
            if len(self._strips) > _STRIP_CACHE:
                self._strips.popitem(last=False)
        else:
            self._strips.move_to_end(key)
        return strip.crop_extend(0, width, self.rich_style)

    def _paint(self, block: ParagraphLayout, offset: int, highlighted: bool) -> Strip:
        layout = self.layout_model
        assert layout is not None
        paragraph = layout.paragraphs[block.paragraph]
        base = self.rich_style + self._kind_style(paragraph.kind)
        cursor = self._style("aligned-view--cursor") if highlighted else Style()
        gutter = self._style("aligned-view--gutter")
        segments: list[Segment] = []
        for c, column in enumerate(block.columns):
            if c:
                segments.append(Segment(" │ ", gutter))
            line = column[offset]
            width = layout.widths[c]
            segments.extend(self._column_segments(block, c, line, width, base, paragraph.kind, cursor))
        # Every column is padded or cropped to its width: the total is known, and Rich need not measure
        # the wide characters again.
        return Strip(segments, sum(layout.widths) + 3 * (len(layout.widths) - 1))

    def _column_segments(self, block: ParagraphLayout, c: int, line: Line, width: int, style: Style,
                         kind: Kind, cursor: Style) -> list[Segment]:
        marker = MARKERS.get(kind, "")
        out: list[Segment] = []
        if marker:
            text = marker if line.first else " " * len(marker)
            out.append(Segment(text, style + self._style("aligned-view--marker") + cursor))
        if line.role in ("pinyin", "placeholder", "gloss"):
            out.append(Segment(_safe(line.text), style + self._style(f"aligned-view--{line.role}") + cursor))
        elif line.role == "text" and block.changed and block.changed[c] and line.sentence >= 0:
            changed = block.changed[c][line.sentence]
            plain = style + cursor
            mark = style + self._style("aligned-view--changed") + cursor
            # One segment per run of changed or unchanged characters.
            run_start = 0
            for i in range(1, len(line.text) + 1):
                if i == len(line.text) or ((line.start + i) in changed) != ((line.start + run_start) in changed):
                    run_style = mark if (line.start + run_start) in changed else plain
                    out.append(Segment(_safe(line.text[run_start:i]), run_style))
                    run_start = i
        else:
            out.append(Segment(_safe(line.text), style + cursor))
        used = sum(cell_len(s.text) for s in out)
        if used > width:
            return _crop(out, width)
        out.append(Segment(" " * (width - used), style + cursor))
        return out

    def _kind_style(self, kind: Kind) -> Style:
        name = {
            Kind.HEADING: "aligned-view--heading", Kind.CAPTION: "aligned-view--caption",
            Kind.BYLINE: "aligned-view--byline", Kind.BOILERPLATE: "aligned-view--boilerplate",
            Kind.QUOTE: "aligned-view--quote",
        }.get(kind)
        return self._style(name) if name else Style()

    def on_resize(self) -> None:
        self._sync_size()


def _safe(text: str) -> str:
    return _UNSAFE.sub("\ufffd", text)


def _crop(segments: list[Segment], width: int) -> list[Segment]:
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
