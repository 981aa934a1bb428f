"""The aligned columns: owns the document's ReadingLayout and paints only the visible lines of it.

The layout is built here and only here, from this widget's own size, so the width used for wrapping is
always the width that is painted, whatever path opened the document (list, palette, resize, first paint).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from qwen_reader.core.reading.cells import cell_len
from qwen_reader.core.reading.conversions import Conversions
from qwen_reader.core.reading.layout import (
    MARKERS,
    THREE_COLUMNS_FROM,
    ColumnSpec,
    Line,
    ParagraphLayout,
    ReadingLayout,
    column_specs,
)
from qwen_reader.core.text.model import Document, Kind
from qwen_reader.ui.messages import ColumnsRelaid, LayoutGrown
from qwen_reader.ui.widgets.segments import crop, safe, styled_runs

_STRIP_CACHE = 2000
# Paragraphs laid out per background tick: small enough to keep keys responsive on a 50 MB document.
_GROW_PARAGRAPHS = 40

# (paragraph, sentence, column kind) -> [(start, end, component class)] styled spans in that sentence's
# text; how entity highlights and search hits reach the painter without it knowing about either.
Decorations = Callable[[int, int, str], list[tuple[int, int, str]]]


@dataclass(frozen=True)
class ViewOptions:
    """Everything besides the document and the width that decides the layout."""

    conversions: Conversions
    english_only: bool = False
    pinyin: bool = False
    english_role: str = "text"  # "text" (a translation) or "gloss"


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
        "aligned-view--hit",
        "aligned-view--marker",
        "aligned-view--entity-person",
        "aligned-view--entity-org",
        "aligned-view--entity-product",
        "aligned-view--entity-place",
        "aligned-view--entity-date",
        "aligned-view--entity-figure",
        "aligned-view--entity-cursor",
    }

    def __init__(self, document: Document, english: Callable[[int, int], str | None], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.english = english
        self.options: ViewOptions | None = None
        self.layout_model: ReadingLayout | None = None
        self.cursor: tuple[int, int] | None = None
        # Named layers of styled spans (entities, search hits...), painted together in name order.
        self.decorations: dict[str, Decorations] = {}
        # (text, config, paragraph, sentence) -> converted text: entities keep names as written.
        self.converter: Callable[[str, str, int, int], str] | None = None
        # While the English is still arriving, background layout waits (it would be redone per batch); the
        # screen releases it when translation ends. Until then only what is shown is laid out.
        self.hold_growth = True
        self._layout_key: tuple[object, ...] | None = None
        self._strips: OrderedDict[tuple[int, int, bool], Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}

    # -- layout, owned here --------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._grower = self.set_interval(0.02, self._grow, pause=True)

    def configure(self, options: ViewOptions) -> None:
        self.options = options
        self._relayout()

    def on_resize(self) -> None:
        self._relayout()
        # The content region may be settled only after this resize has been arranged (a side panel opening
        # beside the columns): look again then; nothing is redone if the width did not change.
        self.call_after_refresh(self._relayout)

    def _content_width(self) -> int:
        # The painted width: the widget less its vertical scrollbar.
        return self.scrollable_content_region.width

    def _relayout(self) -> None:
        options = self.options
        width = self._content_width()
        if options is None or width < 10:
            return
        conv = options.conversions
        three = self.app.size.width >= THREE_COLUMNS_FROM
        specs, widths = column_specs(width, three=three, english_only=options.english_only,
                                     pinyin=options.pinyin, primary=conv.main, secondary=conv.other)
        key = (tuple(specs), tuple(widths), options.english_role)
        if key == self._layout_key:
            return
        anchor = self._cursor_anchor()
        self._layout_key = key
        self.layout_model = ReadingLayout(self.document, specs, widths, english=self.english,
                                          english_role=options.english_role, converter=self.converter)
        self._strips.clear()
        self._after_change(anchor, center=anchor is None)
        self.post_message(ColumnsRelaid(specs, widths))
        if not self.hold_growth:
            self._grower.resume()

    def english_arrived(self, paragraphs: set[int]) -> None:
        """New English for these paragraphs: only they are laid out again, and only when next needed."""
        layout = self.layout_model
        if layout is None or not paragraphs:
            return
        anchor = self._cursor_anchor()
        layout.invalidate(paragraphs)
        for key in [k for k in self._strips if k[0] in paragraphs]:
            del self._strips[key]
        # Heights stand until a paragraph is laid out again, so only English that lands on screen moves
        # anything; the rest waits until it is scrolled to (or the background layout reaches it).
        y = int(self.scroll_offset.y)
        first, last = layout.heights.find(y), layout.heights.find(y + self._view_height())
        if any(first <= p <= last for p in paragraphs):
            self._after_change(anchor)

    def set_hold_growth(self, hold: bool) -> None:
        self.hold_growth = hold
        if not hold and self.layout_model is not None and not self.layout_model.complete:
            self._grower.resume()

    def _grow(self) -> None:
        layout = self.layout_model
        if layout is None or layout.complete or self.hold_growth:
            self._grower.pause()
            return
        anchor = self._cursor_anchor()
        layout.extend(_GROW_PARAGRAPHS)
        self._after_change(anchor)
        self.post_message(LayoutGrown())

    def _cursor_anchor(self) -> int | None:
        """Where the cursor's sentence sits on screen, to keep it there while heights above it change."""
        layout = self.layout_model
        if layout is None or self.cursor is None:
            return None
        return layout.sentence_span(*self.cursor)[0] - int(self.scroll_offset.y)

    def _after_change(self, anchor: int | None, *, center: bool = False) -> None:
        """Heights changed: keep the cursor where it was on screen and make the visible lines exact."""
        layout = self.layout_model
        if layout is None:
            return
        if self.cursor is not None and (anchor is not None or center):
            self._place_cursor(anchor=anchor, center=center)
        else:
            self._settle_visible()
        self.refresh()

    def _settle_visible(self) -> None:
        layout = self.layout_model
        if layout is None:
            return
        y = int(self.scroll_offset.y)
        layout.settle(y, y + self._view_height())
        self._sync_size()

    def _sync_size(self) -> None:
        if self.layout_model is not None:
            self.virtual_size = Size(self._content_width(), self.layout_model.total_lines)

    def _view_height(self) -> int:
        return self.scrollable_content_region.height or self.size.height

    # -- cursor and scrolling ----------------------------------------------------------------------------

    def set_cursor(self, cursor: tuple[int, int] | None, *, center: bool = False) -> None:
        old = self.cursor
        self.cursor = cursor
        # Only the lines of the old and the new sentence change.
        for key in list(self._strips):
            if key[2] or (cursor and key[0] == cursor[0]):
                del self._strips[key]
        if cursor is not None and self.layout_model is not None:
            self._place_cursor(center=center)
        if old != cursor:
            self.refresh()

    def _place_cursor(self, *, anchor: int | None = None, center: bool = False) -> None:
        """Scroll so the cursor's sentence shows (at `anchor` lines from the top, centred, or just
        inside), laying out what the screen then shows; repeated while heights on screen change."""
        layout = self.layout_model
        if layout is None or self.cursor is None:
            return
        view = self._view_height()
        for _ in range(8):
            top, height = layout.sentence_span(*self.cursor)
            y = int(self.scroll_offset.y)
            if anchor is not None and anchor >= 0 and anchor + min(height, view) <= view:
                target = top - anchor
            elif center or anchor is not None:  # an anchor now off screen (a smaller window): centre
                target = top - max(0, (view - height) // 3)
            elif top < y + 1:
                target = top - 1
            elif top + height > y + view - 1:
                target = top + height - view + 1
            else:
                target = y
            target = max(0, target)
            moved = layout.settle(target, target + view)
            self._sync_size()
            if target != y:
                self.scroll_to(y=target, animate=False, force=True, immediate=True)
            if not moved:
                break

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        # Scrolled by the wheel or the scrollbar: what comes into view is laid out before it is painted.
        if self.layout_model is not None and self.layout_model.settle(int(new), int(new) + self._view_height()):
            self._sync_size()

    def page(self, direction: int) -> tuple[int, int] | None:
        """Scroll a page (as less does) and give the sentence now where the cursor's sentence was."""
        layout = self.layout_model
        if layout is None or self.cursor is None:
            return None
        view = self._view_height()
        page = max(1, view - 2)
        y = int(self.scroll_offset.y)
        top, _ = layout.sentence_span(*self.cursor)
        row = min(max(top - y, 0), view - 1)
        new_y = max(0, min(y + direction * page, layout.total_lines - view))
        layout.settle(new_y, new_y + view)
        self._sync_size()
        self.scroll_to(y=new_y, animate=False, force=True, immediate=True)
        return layout.sentence_at_line(new_y + row)

    # -- painting --------------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        # Resolving a component style is costly and painting asks for the same few on every line. Partial
        # styles carry only what their rule sets, so the cursor's background leaves a changed
        # character's colour visible.
        style = self._styles.get(name)
        if style is None:
            if name == "aligned-view--cursor":
                # Only the background, blended over the widget's own: the foreground of what it covers
                # (converted characters, highlights) stays visible. With no colours, reverse video.
                full = self.get_component_rich_style(name)
                style = Style(reverse=True) if self.app.no_color else Style(bgcolor=full.bgcolor)
            else:
                style = self.get_component_rich_style(name, partial=True)
            self._styles[name] = style
        return style

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._strips.clear()
        super().notify_style_update()

    def decoration_spans(self, paragraph: int, sentence: int, kind: str) -> list[tuple[int, int, str]]:
        """Every decoration layer's spans for one sentence of one kind of column, in layer-name order."""
        return [span for name in sorted(self.decorations) for span in self.decorations[name](paragraph, sentence, kind)]

    def set_converter(self, converter: Callable[[str, str, int, int], str] | None) -> None:
        """Convert the other-script column with `converter` (names kept as written) and lay it out again."""
        self.converter = converter
        self._layout_key = None
        self._relayout()

    def invalidate_paint(self) -> None:
        """Decorations changed (highlighting on or off, new search hits): paint every line again."""
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        layout = self.layout_model
        width = self.scrollable_content_region.width or self.size.width
        if layout is None:
            return Strip.blank(width, self.rich_style)
        line_no = int(self.scroll_offset.y) + y
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
        gutter = self.rich_style + self._style("aligned-view--gutter")
        segments: list[Segment] = []
        for c, column in enumerate(block.columns):
            if c:
                segments.append(Segment(" │ ", gutter))
            line = column[offset]
            segments.extend(self._column_segments(block, c, line, layout.widths[c], base, paragraph.kind,
                                                  cursor, layout.specs[c]))
        # Every column is padded or cropped to its width: the total is known, and Rich need not measure
        # the wide characters again.
        return Strip(segments, sum(layout.widths) + 3 * (len(layout.widths) - 1))

    def _spans(self, block: ParagraphLayout, c: int, line: Line, spec: ColumnSpec) -> list[tuple[int, int, str]]:
        """Styled spans of this line's sentence: converted characters, damaged text, decorations."""
        spans: list[tuple[int, int, str]] = []
        if spec.kind == "chinese":
            if block.changed and block.changed[c]:
                spans += [(i, i + 1, "aligned-view--changed") for i in block.changed[c][line.sentence]]
            assert self.layout_model is not None
            paragraph = self.layout_model.paragraphs[block.paragraph]
            if paragraph.flags and line.sentence < len(paragraph.sentences):
                sentence = paragraph.sentences[line.sentence]
                for flag in paragraph.flags:
                    a, b = max(flag.start, sentence.start), min(flag.end, sentence.end)
                    if a < b:
                        spans.append((a - sentence.start, b - sentence.start, "aligned-view--damaged"))
        spans += self.decoration_spans(block.paragraph, line.sentence, spec.kind)
        return spans

    def _column_segments(self, block: ParagraphLayout, c: int, line: Line, width: int, style: Style,
                         kind: Kind, cursor: Style, spec: ColumnSpec) -> list[Segment]:
        marker = MARKERS.get(kind, "")
        out: list[Segment] = []
        if marker:
            text = marker if line.first else " " * len(marker)
            out.append(Segment(text, style + self._style("aligned-view--marker") + cursor))
        if line.role in ("pinyin", "placeholder", "gloss"):
            out.append(Segment(safe(line.text), style + self._style(f"aligned-view--{line.role}") + cursor))
        elif line.role == "text" and line.sentence >= 0 and (spans := self._spans(block, c, line, spec)):
            out.extend(styled_runs(line.text, line.start, spans, style, cursor, self._style))
        else:
            out.append(Segment(safe(line.text), style + cursor))
        used = sum(cell_len(s.text) for s in out)
        if used > width:
            return crop(out, width)
        out.append(Segment(" " * (width - used), style + cursor))
        return out

    def _kind_style(self, kind: Kind) -> Style:
        name = {
            Kind.HEADING: "aligned-view--heading", Kind.CAPTION: "aligned-view--caption",
            Kind.BYLINE: "aligned-view--byline", Kind.BOILERPLATE: "aligned-view--boilerplate",
            Kind.QUOTE: "aligned-view--quote",
        }.get(kind)
        return self._style(name) if name else Style()
