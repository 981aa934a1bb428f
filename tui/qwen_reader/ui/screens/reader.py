"""The reading screen: the article, its other script and English side by side, sentence-aligned.

Thin on purpose: the layout belongs to AlignedView, translation to core.translate.stream (run in a worker
that posts messages), the choice of conversions to core.reading.conversions. The screen keeps the cursor,
the views the reader chose, and the lines around the columns.
"""

from __future__ import annotations

import time

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from qwen_reader.core.reading import conversions
from qwen_reader.core.reading.cells import fit_cells
from qwen_reader.core.reading.layout import ColumnSpec
from qwen_reader.core.reading.navigation import Navigator, Position
from qwen_reader.core.store.state import Positions, Settings
from qwen_reader.core.text.model import Document
from qwen_reader.core.translate import stream
from qwen_reader.ui import keys, searching
from qwen_reader.ui.entity_layer import EntitiesReady, EntityLayer
from qwen_reader.ui.messages import (
    ColumnsRelaid,
    TranslationEvent,
    TranslationFinished,
    TranslationProgress,
)
from qwen_reader.ui.status import StatusPart, fit_status
from qwen_reader.ui.widgets.aligned_view import AlignedView, ViewOptions

# Seconds between batches of English sent to the screen.
_ROWS_EVERY = 0.1


class ReadingScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.READER_KEYS)
    # Seconds between writes of the reading position while reading (it is also written on leaving and quit).
    SAVE_EVERY = 5.0

    def __init__(self, document: Document, settings: Settings, positions: Positions,
                 at: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.opened_at = at
        self.document = document
        self.settings = settings
        self.positions = positions
        self.navigator = Navigator(document)
        self.english_only = False
        # English per (paragraph, sentence), filled by the translation worker.
        self.english: dict[tuple[int, int], str] = {}
        self.engine_name = "starting…"
        self.gloss = False
        self.translating = False
        self._status_line = ""
        self._started = False  # set once the first layout is painted and translation has been started
        self.entity_layer = EntityLayer(self)

    def compose(self) -> ComposeResult:
        yield Static(id="reader-title", markup=False)
        yield Static(id="column-headers", markup=False)
        with Horizontal(id="reader-body"):
            yield AlignedView(self.document, lambda p, s: self.english.get((p, s)), id="aligned")
            # Side lists (related passages, entities) mount here.
            yield Vertical(id="side-panel")
        with Horizontal(id="status-row"):
            yield Static(id="reader-status", markup=False)
            yield ProgressBar(id="translation-progress", show_eta=False)
        # One line of key hints instead of a Footer: the Footer mounts a widget per key, which costs the
        # first screen more than everything else on it (measured with bench/startup.py).
        yield Static(id="key-hints", markup=False)

    @property
    def view(self) -> AlignedView:
        return self.query_one(AlignedView)

    def on_mount(self) -> None:
        saved = self.opened_at or self.positions.get(self.document.path)
        if saved is not None and not self.navigator.empty:
            self.navigator.index = self.navigator.index_of(Position(*saved))
        self.query_one("#key-hints", Static).update(
            keys.hint_line(keys.APP_KEYS[1:2] + keys.READER_KEYS + keys.APP_KEYS[:1] + keys.APP_KEYS[2:],
                           getattr(self.app, "keymap", {})))
        self.view.focus()
        self._cursor_to_view(center=True)
        self._apply_view()
        self.set_interval(self.SAVE_EVERY, self.positions.flush)
        searching.reader_mounted(self)

    def on_resize(self) -> None:
        self._status()

    def on_layout_grown(self) -> None:
        self._status()

    def on_screen_suspend(self) -> None:
        self.positions.flush()

    def on_unmount(self) -> None:
        self.positions.flush()

    # -- what the columns show ----------------------------------------------------------------------

    def conversions(self) -> conversions.Conversions:
        return conversions.choose(self.document.script, self.settings["primary"],
                                  self.settings["to_simplified"], self.settings["to_traditional"])

    def shown(self, text: str) -> str:
        """A Chinese string of this document in the script the reader chose."""
        return self.app.shown(text, self.document.script)  # type: ignore[attr-defined]

    def _apply_view(self) -> None:
        self.view.configure(ViewOptions(self.conversions(), english_only=self.english_only,
                                        pinyin=self.settings["pinyin"],
                                        english_role="gloss" if self.gloss else "text"))
        layout = self.view.layout_model
        if layout is not None:  # the labels change even when the columns do not (the engine's name)
            self._headers(layout.specs, layout.widths)
        self._title()
        self._status()

    def on_columns_relaid(self, message: ColumnsRelaid) -> None:
        self._headers(message.specs, message.widths)
        self._status()
        if not self._started:
            self._started = True
            if getattr(self.app, "exit_when_ready", False):
                self.call_after_refresh(self.app.first_screen_painted)  # type: ignore[attr-defined]
            # Translation starts once the first screen is painted: importing CTranslate2, loading a
            # model or the dictionary hold the interpreter for a while, and the reader must not wait.
            self.call_after_refresh(self._start_translation)
            self.call_after_refresh(self.entity_layer.start)

    def _headers(self, specs: list[ColumnSpec], widths: list[int]) -> None:
        conv = self.conversions()
        labels = []
        for spec, width in zip(specs, widths, strict=True):
            if spec.kind == "english":
                labels.append(self._english_label(width))
                continue
            label, config = (conv.main_label, conv.main) if not labels else (conv.other_label, conv.other)
            full = f"{label} ({config or 'as written'}){' + pinyin' if spec.pinyin else ''}"
            short = f"{label.split()[0]} {config or 'as written'}{' +pinyin' if spec.pinyin else ''}"
            labels.append(full if len(full) + 4 <= width else short)
        cells = [fit_cells(label, w) for label, w in zip(labels, widths, strict=True)]
        self.query_one("#column-headers", Static).update(" │ ".join(cells))

    def _english_label(self, width: int) -> str:
        if self.gloss:
            full, short = "English — gloss (CC-CEDICT), not a translation", "gloss, not a translation"
        elif self.engine_name == "starting…":
            full, short = "English — loading the translation engine…", "English — loading…"
        else:
            full, short = f"English — {self.engine_name}", f"English — {self.engine_name}"
        return full if len(full) <= width else short

    def _title(self) -> None:
        doc = self.document
        title = Content.assemble((self.shown(doc.title), "bold"),
                                 f"   ·   {doc.script.value} · {len(doc.articles)} article(s) · {doc.id}")
        self.query_one("#reader-title", Static).update(title)

    def _status(self) -> None:
        layout = self.view.layout_model
        total = len(self.navigator.order)
        flags = len(self.document.flags)
        parts = [
            StatusPart(f"sentence {self.navigator.index + 1}/{total}" if total else "empty document", 0),
            StatusPart(f"⚑ {flags} flag{'s' if flags != 1 else ''}", 1) if flags else None,
            StatusPart("no model: qwen-reader model install", 2) if self.gloss else None,
            StatusPart(f"engine: {self.engine_name}", 4),
            StatusPart("pinyin", 3) if self.settings["pinyin"] else None,
            StatusPart("English only", 3) if self.english_only else None,
            StatusPart(f"laying out {layout.exact_count}/{len(layout.paragraphs)}", 5)
            if layout is not None and not layout.complete else None,
        ]
        # From the screen's width, not the Static's: it is known before the row is arranged again.
        bar = self.query_one("#translation-progress", ProgressBar)
        width = (self.size.width or self.app.size.width) - 2 - (bar.styles.width.value if bar.display else 0)
        line = fit_status([p for p in parts if p], width)
        if line != self._status_line:  # an unchanged line costs no repaint (rows arrive ten times a second)
            self._status_line = line
            self.query_one("#reader-status", Static).update(line)

    # -- translation --------------------------------------------------------------------------------------

    def restart_translation(self) -> None:
        """The engine changed (a model was installed): the English is fetched again from the new one."""
        self.workers.cancel_group(self, "translation")
        self.english.clear()
        self.engine_name, self.gloss = "starting…", False
        self.query_one("#translation-progress", ProgressBar).display = True
        self._apply_view()
        self._start_translation()

    def _start_translation(self) -> None:
        self.translating = True
        self.view.set_hold_growth(True)
        self._translate()

    @work(thread=True, exclusive=True, exit_on_error=False, group="translation")
    def _translate(self) -> None:
        worker = get_current_worker()
        pos = self.navigator.position
        start = pos.paragraph if pos else 0
        first = range(max(0, start - 2), start + 30)
        # Rows are sent at most every _ROWS_EVERY seconds: a fast engine (the gloss) would otherwise queue
        # thousands of messages ahead of the reader's keys.
        pending: list[tuple[int, int, str]] = []
        progress: stream.Progress | None = None
        sent = 0.0
        try:
            for event in stream.translation_events(self.document, first=first,
                                                   stopped=lambda: worker.is_cancelled):
                if worker.is_cancelled:
                    return
                if isinstance(event, stream.RowsReady):
                    pending.extend(event.rows)
                elif isinstance(event, stream.Progress):
                    progress = event
                else:
                    self.post_message(TranslationEvent(event))
                    continue
                if time.monotonic() - sent >= _ROWS_EVERY:
                    if pending:
                        self.post_message(TranslationEvent(stream.RowsReady(tuple(pending))))
                    if progress is not None:
                        self.post_message(TranslationProgress(progress.done, progress.total))
                    pending, progress, sent = [], None, time.monotonic()
            if pending:
                self.post_message(TranslationEvent(stream.RowsReady(tuple(pending))))
            if progress is not None:
                self.post_message(TranslationProgress(progress.done, progress.total))
        finally:
            self.post_message(TranslationFinished())

    def on_translation_event(self, message: TranslationEvent) -> None:
        event = message.event
        if isinstance(event, stream.EngineReady):
            self.engine_name = event.name
            self.gloss = event.gloss
            self._apply_view()  # the gloss is laid out in its own style; the header names the engine
        elif isinstance(event, stream.RowsReady):
            for p, s, english in event.rows:
                self.english[(p, s)] = english
            self.view.english_arrived({p for p, _, _ in event.rows})
            self._status()
        elif isinstance(event, stream.Note):
            self.notify(event.text, severity="error" if event.severity == "error" else "warning",
                        timeout=10, markup=False)

    def on_translation_progress(self, message: TranslationProgress) -> None:
        self.query_one("#translation-progress", ProgressBar).update(total=max(message.total, 1),
                                                                     progress=message.done)

    def on_translation_finished(self, message: TranslationFinished) -> None:
        self.translating = False
        self.query_one("#translation-progress", ProgressBar).display = False  # the status line gets its room
        self.view.set_hold_growth(False)
        self._status()

    # -- cursor ------------------------------------------------------------------------------------------

    def _cursor_to_view(self, *, center: bool = False) -> None:
        pos = self.navigator.position
        if pos is None:
            self.view.set_cursor(None)
        else:
            self.view.set_cursor((pos.paragraph, pos.sentence), center=center)
            self.positions.set(self.document.path, pos.paragraph, pos.sentence)
        self._status()

    def go_to(self, paragraph: int, sentence: int) -> None:
        """A jump from elsewhere (search, related passages, mentions): remembered for `back`."""
        self.navigator.jump_to(Position(paragraph, sentence))
        self._cursor_to_view(center=True)

    # -- actions ---------------------------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self.navigator.move(delta)
        self._cursor_to_view()

    def action_paragraph(self, direction: int) -> None:
        if direction > 0:
            self.navigator.next_paragraph()
        else:
            self.navigator.previous_paragraph()
        self._cursor_to_view()

    def action_top(self) -> None:
        self.navigator.jump(0)
        self._cursor_to_view(center=True)

    def action_bottom(self) -> None:
        self.navigator.jump(len(self.navigator.order) - 1)
        self._cursor_to_view(center=True)

    def action_page(self, direction: int) -> None:
        target = self.view.page(direction)
        if target is not None:
            index = self.navigator.index_of(Position(*target))
            if index == self.navigator.index:
                index += direction
            self.navigator.move(index - self.navigator.index)
        self._cursor_to_view()

    def action_script(self, script: str) -> None:
        self.settings.set("primary", script)
        self.app.refresh_script()  # type: ignore[attr-defined]

    def action_english_only(self) -> None:
        self.english_only = not self.english_only
        self._apply_view()

    def action_pinyin(self) -> None:
        self.settings.set("pinyin", not self.settings["pinyin"])
        self._apply_view()

    def on_entities_ready(self, message: EntitiesReady) -> None:
        self.entity_layer.ready(message.entities)

    def action_entity(self, direction: int) -> None:
        self.entity_layer.step(direction)

    def action_entity_mentions(self) -> None:
        self.entity_layer.show_mentions()

    def action_entity_highlight(self) -> None:
        self.entity_layer.toggle()

    def action_entity_panel(self) -> None:
        self.entity_layer.toggle_panel()

    def action_back(self) -> None:
        if self.navigator.back():
            self._cursor_to_view(center=True)
        elif not self.app.go_back():  # type: ignore[attr-defined]
            self.notify("Nothing to go back to.", timeout=2, markup=False)

    def action_search(self) -> None:
        searching.open_search(self)

    def action_hit(self, step: int) -> None:
        searching.step_hit(self, step)

    def action_related(self, step: int) -> None:
        searching.step_related(self, step)

    def refresh_script(self) -> None:
        """The chosen script or a conversion changed: every Chinese string on this screen follows."""
        self._apply_view()

    def set_conversion(self, config: str) -> None:
        """Choose the OpenCC configuration for one direction; remembered across runs."""
        from qwen_reader.core.text.model import Script
        from qwen_reader.core.text.script import CONVERSIONS

        target = CONVERSIONS[config][1]
        key = "to_traditional" if target is Script.TRADITIONAL else "to_simplified"
        self.settings.set(key, config)
        self.app.refresh_script()  # type: ignore[attr-defined]
