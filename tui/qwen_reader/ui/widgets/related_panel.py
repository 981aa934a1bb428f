"""The side list of related passages: for the sentence under the reader's cursor, the passages in other
documents that tell the same thing, with reasons. `]` / `[` step through them, Enter jumps, escape closes;
backspace in the reader returns. It follows the cursor (checked a few times a second, computed in a worker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from qwen_reader.core.search.related import Related
from qwen_reader.ui.searching import controller, open_at

if TYPE_CHECKING:
    from qwen_reader.ui.screens.reader import ReadingScreen

_FOLLOW_EVERY = 0.25


def related_content(item: Related, title: str) -> Content:
    reasons = "; ".join(str(r) for r in item.reasons)
    return Content.assemble((title, "bold"), (f"  {item.score:.2f}", "dim"), "\n", Content(item.text.strip()),
                            "\n", (reasons, "italic dim"))


class RelatedPanel(Vertical):
    BINDINGS = [Binding("escape", "close", "close the related list", id="related-close")]
    DEFAULT_CSS = """
    RelatedPanel { height: 1fr; }
    RelatedPanel #related-status { height: auto; color: $text-muted; padding: 0 1; }
    RelatedPanel OptionList { height: 1fr; }
    """

    def __init__(self, screen: ReadingScreen) -> None:
        super().__init__(id="related-panel")
        self.reader = screen
        self.items: list[Related] = []
        self.for_index: int | None = None
        self._pending_step = 0

    @staticmethod
    def open_in(screen: ReadingScreen) -> RelatedPanel:
        side = screen.query_one("#side-panel")
        found = list(side.query(RelatedPanel))
        panel = found[0] if found else RelatedPanel(screen)
        if not found:
            side.mount(panel)
        side.add_class("-open")
        controller(screen.app).panel_open = True
        return panel

    def compose(self) -> ComposeResult:
        yield Static("related passages", id="related-status", markup=False)
        yield OptionList(id="related-list")

    def on_mount(self) -> None:
        controller(self.app).listeners.append(self._index_changed)
        self.set_interval(_FOLLOW_EVERY, self._follow)
        self._follow()

    def on_unmount(self) -> None:
        listeners = controller(self.app).listeners
        if self._index_changed in listeners:
            listeners.remove(self._index_changed)

    def _index_changed(self) -> None:
        # More documents are indexed: look again (the next check of the cursor does it).
        self.for_index = None

    def _follow(self) -> None:
        index = self.reader.navigator.index if not self.reader.navigator.empty else None
        if index is not None and index != self.for_index:
            self.for_index = index
            self.query_one("#related-status", Static).update("looking…")
            self._look(self.reader.document.id, index)

    @work(thread=True, exclusive=True, exit_on_error=False, group="related")
    def _look(self, doc_id: str, index: int) -> None:
        found = controller(self.app).related(doc_id, index)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, index, found)

    def _show(self, index: int, found: list[Related]) -> None:
        if index != self.for_index:
            return
        self.items = found
        titles = {d.id: self.app.shown(d.title, d.script) for d in self.app.corpus.documents}  # type: ignore[attr-defined]
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options([Option(related_content(r, titles.get(r.doc, r.doc)), id=str(n))
                             for n, r in enumerate(found)])
        status = self.query_one("#related-status", Static)
        if found:
            status.update(f"{len(found)} related in other documents — ] / [ step, enter jumps, esc closes")
        else:
            note = controller(self.app).status()
            status.update(note or "nothing in the other documents tells this sentence")
        if found and self._pending_step:
            pending, self._pending_step = self._pending_step, 0
            self.step(0 if pending > 0 else -1)

    def step(self, step: int) -> None:
        """Move the selection (the first `]` selects the first passage) and give the list the keyboard, so
        Enter jumps; the reader's own keys keep working."""
        if not self.items or not self.query(OptionList):
            # Still looking (or just mounted): the step applies when the passages arrive.
            self._pending_step = step or 1
            return
        listing = self.query_one(OptionList)
        self._pending_step = 0
        current = listing.highlighted
        if current is None or step == 0:
            listing.highlighted = 0 if step >= 0 else len(self.items) - 1
        else:
            listing.highlighted = (current + step) % len(self.items)
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items[int(event.option.id or 0)]
        open_at(self.app, item.doc, item.sentence)

    def action_close(self) -> None:
        controller(self.app).panel_open = False
        side = self.reader.query_one("#side-panel")
        side.remove_class("-open")
        self.reader.view.focus()
        self.remove()
