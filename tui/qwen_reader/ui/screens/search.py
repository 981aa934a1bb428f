"""The search screen: a query box over every document, results as title + sentence with the hit highlighted.

Enter opens the document at the chosen hit; with an empty box the list offers recent queries. Document text
reaches Textual only as Content (never markup). Searches run in a worker; indexing may still be going on.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from qwen_reader.core.search.query import Hit
from qwen_reader.ui.searching import SearchController

_DEBOUNCE = 0.15
_RECENT = "recent:"


def hit_content(hit: Hit, title: str) -> Content:
    """Title line, then the sentence with its hit ranges in reverse video (plain text, never markup)."""
    text = hit.text.strip()
    offset = len(hit.text) - len(hit.text.lstrip())
    sentence = Content(text)
    for start, end in hit.spans:
        a, b = max(0, start - offset), min(len(text), end - offset)
        if a < b:
            sentence = sentence.stylize("bold reverse", a, b)
    via = f"  ({hit.via})" if hit.via else ""
    return Content.assemble((title, "bold"), (f"  {hit.doc}{via}", "dim"), "\n", sentence)


class SearchScreen(ModalScreen[tuple[list[Hit], int] | None]):
    BINDINGS = [
        Binding("escape", "close", "close search", id="search-close"),
        Binding("down", "to_results", "results", id="search-results", show=False),
    ]
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen #search-box { width: 90%; height: 90%; margin-top: 1; background: $surface;
                               border: round $accent; padding: 0 1; }
    SearchScreen #search-status { height: auto; color: $text-muted; }
    SearchScreen OptionList { height: 1fr; }
    """

    def __init__(self, search: SearchController) -> None:
        super().__init__()
        self.search = search
        self.hits: list[Hit] = []
        self.query_text = ""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder="search every document: 技术 · 技術 · zhouhao · zhōu hào · resign",
                        id="search-input")
            yield Static(id="search-status", markup=False)
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.search.listeners.append(self._index_changed)
        self._show_recent()
        self.query_one(Input).focus()

    def on_unmount(self) -> None:
        if self._index_changed in self.search.listeners:
            self.search.listeners.remove(self._index_changed)

    def _status(self, text: str) -> None:
        index = self.search.status()
        self.query_one("#search-status", Static).update(" · ".join(t for t in (text, index) if t))

    def _index_changed(self) -> None:
        # Indexing moved on: say so, and search again so results grow with the index.
        if self.query_text:
            self._run(self.query_text)
        else:
            self._status("")

    def _show_recent(self) -> None:
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options([Option(Content(q), id=f"{_RECENT}{n}") for n, q in enumerate(self.search.recent.queries)])
        self._status("recent searches" if self.search.recent.queries else "type to search")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        if self._timer is not None:
            self._timer.stop()
        if not self.query_text:
            self._show_recent()
            return
        self._timer = self.set_timer(_DEBOUNCE, lambda: self._run(self.query_text))

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _run(self, query: str) -> None:
        worker = get_current_worker()
        hits = self.search.search(query)
        if worker.is_cancelled:
            return
        if self.search.needs_dictionary(query):
            # Show what the index has at once, then load the English dictionary (seconds, once) and again.
            self.app.call_from_thread(self._show, query, hits, "looking up English words in the dictionary…")
            from qwen_reader.core.search.english import reverse_table

            reverse_table()
            if worker.is_cancelled:
                return
            hits = self.search.search(query, dictionary=True)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[Hit], note: str = "") -> None:
        if query != self.query_text:
            return
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        titles = {d.id: self.app.shown(d.title, d.script) for d in self.app.corpus.documents}  # type: ignore[attr-defined]
        results.add_options([Option(hit_content(h, titles.get(h.doc, h.doc)), id=str(n)) for n, h in enumerate(hits)])
        if hits:
            results.highlighted = 0
            self._status(note or f"{len(hits)} hit(s) — enter opens, ↓ to the list")
        else:
            self._status(note or f"no matches for {query}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.hits and self.query_text:
            highlighted = self.query_one(OptionList).highlighted
            self._choose(highlighted if highlighted is not None else 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith(_RECENT):
            query = self.search.recent.queries[int(option_id[len(_RECENT):])]
            field = self.query_one(Input)
            field.value = query
            field.focus()
            return
        self._choose(int(option_id))

    def _choose(self, n: int) -> None:
        if 0 <= n < len(self.hits):
            self.search.recent.add(self.query_text)
            self.dismiss((self.hits, n))

    def action_to_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()

    def action_close(self) -> None:
        if self.query_text:
            self.search.recent.add(self.query_text)
        self.dismiss(None)
