"""The reading screen: the article, its other script and English side by side, sentence-aligned."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from qwen_reader.core.reading.cells import fit_cells
from qwen_reader.core.reading.layout import ColumnSpec, ReadingLayout, column_specs
from qwen_reader.core.reading.navigation import Navigator, Position
from qwen_reader.core.store.state import Positions, Settings
from qwen_reader.core.text.model import Document, Script
from qwen_reader.ui.widgets.aligned_view import AlignedView

if TYPE_CHECKING:
    from qwen_reader.core.translate.service import TranslationService

KEY_HINTS = (" ? help  j/k sentence  {/} paragraph  space/b page  s/t script  e English  p pinyin  "
             "o documents  ^p palette  q quit")
# Layout work done per background tick: small enough to keep keys responsive on a 20 MB document.
_GROW_PARAGRAPHS = 40


class ReadingScreen(Screen[None]):
    BINDINGS = [
        Binding("j,down", "move(1)", "Next sentence", id="next-sentence", show=False),
        Binding("k,up", "move(-1)", "Previous sentence", id="previous-sentence", show=False),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", id="next-paragraph", show=False),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", id="previous-paragraph",
                show=False),
        Binding("g,home", "top", "Top", id="top", show=False),
        Binding("G,end", "bottom", "Bottom", id="bottom", show=False),
        Binding("space,pagedown", "page(1)", "Page down", id="page-down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", id="page-up", show=False),
        Binding("s", "script('simplified')", "Simplified", id="simplified"),
        Binding("t", "script('traditional')", "Traditional", id="traditional"),
        Binding("e", "english_only", "English only", id="english-only"),
        Binding("p", "pinyin", "Pinyin", id="pinyin"),
        Binding("backspace", "back", "Back", id="back", show=False),
    ]

    def __init__(self, document: Document, settings: Settings, positions: Positions) -> None:
        super().__init__()
        self.document = document
        self.settings = settings
        self.positions = positions
        self.navigator = Navigator(document)
        self.english_only = False
        self._layout_key: tuple[object, ...] | None = None
        # English per (paragraph, sentence), filled by the translation worker.
        self.english: dict[tuple[int, int], str] = {}
        self.engine_name = "starting…"
        self.gloss = False
        self._cancel = threading.Event()
        self._started = False  # set once the first layout is painted and translation has been started

    def compose(self) -> ComposeResult:
        yield Static(id="reader-title", markup=False)
        yield Static(id="column-headers", markup=False)
        yield AlignedView(id="aligned")
        with Horizontal(id="status-row"):
            yield Static(id="reader-status", markup=False)
            yield ProgressBar(id="translation-progress", show_eta=False)
        # One line of key hints instead of a Footer: the Footer mounts a widget per key, which costs the
        # first screen more than everything else on it (measured with bench/startup.py).
        yield Static(KEY_HINTS, id="key-hints", markup=False)

    def on_mount(self) -> None:
        saved = self.positions.get(self.document.path)
        if saved is not None and not self.navigator.empty:
            self.navigator.index = self.navigator.index_of(Position(*saved))
        self.query_one("#reader-title", Static).update(self._title_line())
        self.query_one(AlignedView).focus()
        # Lays out the rest of the document in small steps; paused whenever the layout is complete.
        self._grower = self.set_interval(0.02, self._grow_layout, pause=True)
        # Lay out now, so the very first frame already shows the text.
        self._relayout()

    def on_unmount(self) -> None:
        self._cancel.set()

    # -- translation --------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="translation")
    def _translate(self) -> None:
        from qwen_reader.core.translate.service import TranslationService, load_engine, open_cache

        try:
            engine = load_engine()
        except Exception as exc:  # a broken model must not take the reader down: fall back to the gloss
            from qwen_reader.core.translate.engines import GlossEngine

            self.app.call_from_thread(self.notify, f"translation model failed to load: {exc}; showing a gloss",
                                      severity="warning", timeout=8)
            engine = GlossEngine()
        cache = open_cache()
        if cache.note:
            self.app.call_from_thread(self.notify, cache.note, severity="warning", timeout=8)
        self.app.call_from_thread(self._engine_ready, engine.name, engine.model_id.startswith("gloss"))
        service = TranslationService(engine, cache)
        try:
            self._translate_rows(service)
        except Exception as exc:  # say it once; the reader keeps working without English
            self.app.call_from_thread(self.notify, f"translation stopped: {type(exc).__name__}: {exc}",
                                      severity="error", timeout=10)
        finally:
            cache.close()

    def _translate_rows(self, service: TranslationService) -> None:
        """Runs in the worker thread: the paragraphs around the cursor first, each batch sent to the UI."""
        pos = self.navigator.position
        start = pos.paragraph if pos else 0
        first = range(max(0, start - 2), start + 30)
        for rows in service.rows(self.document, first=first, cancel=self._cancel,
                                 progress=lambda done, total: self.app.call_from_thread(self._progress, done, total)):
            if self._cancel.is_set():
                break
            self.app.call_from_thread(self._rows_ready, [(r.paragraph, r.sentence, r.english) for r in rows])

    def on_aligned_view_layout_invalidated(self) -> None:
        self._grower.resume()

    def _engine_ready(self, name: str, gloss: bool) -> None:
        self.engine_name = name
        self.gloss = gloss
        self._relayout()  # the gloss is laid out in its own style; the header names the engine either way

    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one("#translation-progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)

    def _rows_ready(self, rows: list[tuple[int, int, str]]) -> None:
        if not rows:
            return
        for p, s, english in rows:
            self.english[(p, s)] = english
        self.query_one(AlignedView).invalidate_from(min(p for p, _, _ in rows))
        self._status()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._relayout)

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._relayout)

    # -- layout ---------------------------------------------------------------------------------------

    def _conversions(self) -> tuple[str | None, str | None, str, str]:
        """(config for the main column, config for the other column, their labels)."""
        script = self.document.script
        to_simplified = self.settings["to_simplified"]
        to_traditional = self.settings["to_traditional"]
        written_simplified = script is Script.SIMPLIFIED
        primary = self.settings["primary"]
        if primary == "as_written" or script in (Script.NEUTRAL,):
            primary = "simplified" if written_simplified else "traditional"
        if primary == "simplified":
            main = None if written_simplified else to_simplified
            other = to_traditional if written_simplified else None
            return main, other, "简体 simplified", "繁體 traditional"
        main = to_traditional if written_simplified else None
        other = None if written_simplified else to_simplified
        return main, other, "繁體 traditional", "简体 simplified"

    def _relayout(self) -> None:
        view = self.query_one(AlignedView)
        # Before the first arrange the view has no size yet: it will be the screen less its scrollbar.
        width = view.scrollable_content_region.width or self.app.size.width - 1
        if width < 10:
            return
        main, other, main_label, other_label = self._conversions()
        specs, widths = column_specs(width, english_only=self.english_only, pinyin=self.settings["pinyin"],
                                     primary=main, secondary=other)
        key = (tuple(specs), tuple(widths), self.gloss)
        if key != self._layout_key:
            if not self._started:
                self._started = True
                if getattr(self.app, "exit_when_ready", False):
                    self.call_after_refresh(self.app.first_screen_painted)  # type: ignore[attr-defined]
                # Translation starts once the first screen is painted: importing CTranslate2, loading a
                # model or the dictionary hold the interpreter for a while, and the reader must not wait.
                self.call_after_refresh(self._translate)
            self._layout_key = key
            view.set_layout(ReadingLayout(self.document, specs, widths,
                                          english=lambda p, s: self.english.get((p, s)),
                                          english_role="gloss" if self.gloss else "text"))
        self._headers(specs, widths, main, other, main_label, other_label)
        self._show_cursor(center=True)
        self._grower.resume()

    def _headers(self, specs: list[ColumnSpec], widths: list[int], main: str | None, other: str | None,
                 main_label: str, other_label: str) -> None:
        labels = []
        for spec in specs:
            if spec.kind == "english":
                labels.append(self._english_label())
            elif not labels:  # the first Chinese column shows the chosen script
                labels.append(f"{main_label} ({main or 'as written'}){' + pinyin' if spec.pinyin else ''}")
            else:
                labels.append(f"{other_label} ({other or 'as written'})")
        cells = [fit_cells(label, w) for label, w in zip(labels, widths, strict=True)]
        self.query_one("#column-headers", Static).update(" │ ".join(cells))

    def _english_label(self) -> str:
        if self.gloss:
            return "English — gloss (CC-CEDICT), not a translation"
        if self.engine_name == "starting…":
            return "English — loading the translation engine…"
        return f"English — {self.engine_name}"

    def _grow_layout(self) -> None:
        view = self.query_one(AlignedView)
        if view.layout_model is not None and not view.layout_model.complete:
            view.grow(_GROW_PARAGRAPHS)
            self._status()
        else:
            self._grower.pause()

    # -- cursor ------------------------------------------------------------------------------------------

    def _show_cursor(self, *, center: bool = False) -> None:
        view = self.query_one(AlignedView)
        pos = self.navigator.position
        if pos is None:
            view.set_cursor(None)
        else:
            view.set_cursor((pos.paragraph, pos.sentence))
            view.scroll_to_sentence(pos.paragraph, pos.sentence, center=center)
            self.positions.set(self.document.path, pos.paragraph, pos.sentence)
        self._status()

    def _status(self) -> None:
        view = self.query_one(AlignedView)
        total = len(self.navigator.order)
        where = f"sentence {self.navigator.index + 1}/{total}" if total else "empty document"
        layout = view.layout_model
        pending = "" if layout is None or layout.complete else f"  laying out {len(layout.blocks)}/" \
            f"{len(layout.paragraphs)} paragraphs…"
        flags = f"  ⚑ {len(self.document.flags)} flag(s)" if self.document.flags else ""
        pinyin = "  pinyin" if self.settings["pinyin"] else ""
        mode = "  English only" if self.english_only else ""
        hint = " · no model: qwen-reader model install" if self.gloss else ""
        self.query_one("#reader-status", Static).update(
            f"{where}  ·  engine: {self.engine_name}{hint}{pinyin}{mode}{flags}{pending}")

    def _title_line(self) -> str:
        doc = self.document
        return f"{doc.title}   ·   {doc.script.value} · {len(doc.articles)} article(s) · {doc.id}"

    # -- actions ---------------------------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self.navigator.move(delta)
        self._show_cursor()

    def action_paragraph(self, direction: int) -> None:
        if direction > 0:
            self.navigator.next_paragraph()
        else:
            self.navigator.previous_paragraph()
        self._show_cursor()

    def action_top(self) -> None:
        self.navigator.jump(0)
        self._show_cursor()

    def action_bottom(self) -> None:
        self.navigator.jump(len(self.navigator.order) - 1)
        self._show_cursor()

    def action_page(self, direction: int) -> None:
        view = self.query_one(AlignedView)
        layout = view.layout_model
        pos = self.navigator.position
        if layout is None or pos is None:
            return
        page = max(1, (view.scrollable_content_region.height or self.size.height) - 2)
        top, _ = layout.sentence_span(pos.paragraph, pos.sentence)
        target = layout.sentence_at_line(top + direction * page)
        if target is not None:
            index = self.navigator.index_of(Position(*target))
            if index == self.navigator.index:
                index += direction
            self.navigator.move(index - self.navigator.index)
        view.scroll_to(y=max(0, view.scroll_offset.y + direction * page), animate=False, force=True)
        self._show_cursor()

    def action_script(self, script: str) -> None:
        self.settings.set("primary", script)
        self._relayout()

    def action_english_only(self) -> None:
        self.english_only = not self.english_only
        self._relayout()

    def action_pinyin(self) -> None:
        self.settings.set("pinyin", not self.settings["pinyin"])
        self._relayout()

    def action_back(self) -> None:
        if self.navigator.back():
            self._show_cursor(center=True)
        else:
            self.notify("Nothing to go back to.", timeout=2)

    def set_conversion(self, config: str) -> None:
        """Choose the OpenCC configuration for one direction; remembered across runs."""
        from qwen_reader.core.text.script import CONVERSIONS

        target = CONVERSIONS[config][1]
        key = "to_traditional" if target is Script.TRADITIONAL else "to_simplified"
        self.settings.set(key, config)
        self._relayout()
