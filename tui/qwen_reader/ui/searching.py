"""Search and related passages for the reader: one controller per app holds the index (built in a background
thread with progress), the last search's hits (n / N) and the related-panel state ([ / ]).

The reading screen delegates its `/`, `n`, `N`, `]`, `[` actions here; the UI of each lives in
screens/search.py and widgets/related_panel.py.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from qwen_reader.core.reading.navigation import Navigator
from qwen_reader.core.search.query import Hit
from qwen_reader.core.search.recent import RecentQueries
from qwen_reader.core.search.related import Related

if TYPE_CHECKING:
    from textual.app import App

    from qwen_reader.core.search.index import SearchIndex
    from qwen_reader.core.search.related import RelatedFinder
    from qwen_reader.ui.screens.reader import ReadingScreen

HIT_CLASS = "aligned-view--hit"


class SearchController:
    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.index: SearchIndex | None = None
        self.finder: RelatedFinder | None = None
        self.progress = (0, 0)
        self.ready = False
        self.error: str | None = None
        self.cancel = threading.Event()
        self._started = False
        self._opened = threading.Event()
        self.hits: list[Hit] = []
        self.hit_at = -1
        self.recent = RecentQueries()
        self.panel_open = False
        # Called on the UI thread whenever indexing progresses or ends (the open search screen listens).
        self.listeners: list[Callable[[], None]] = []

    # -- the index, built in the background -------------------------------------------------------------
    def start(self) -> None:
        if self._started:
            return
        self._started = True
        # A daemon thread, not a Textual worker: quitting never waits for indexing (an interrupted
        # transaction is rolled back; the next start indexes what is missing).
        threading.Thread(target=self._build, name="search-index", daemon=True).start()

    def _build(self) -> None:
        from qwen_reader.core.search.entity_source import corpus_entities
        from qwen_reader.core.search.index import SearchIndex
        from qwen_reader.core.search.related import RelatedFinder

        try:
            index = SearchIndex()
            # Searches may run while indexing goes on: they see every document finished so far.
            self.index = index
            self.finder = RelatedFinder(index, corpus_entities(self.app.corpus.documents))  # type: ignore[attr-defined]
            self._opened.set()
            index.sync(self.app.corpus.documents, progress=self._progress,  # type: ignore[attr-defined]
                       cancel=self.cancel)
            self.ready = True
        except Exception as exc:  # the reader goes on without search, and says why
            self.error = f"search index unavailable: {exc}"
        finally:
            self._opened.set()
            self._notify()

    def _progress(self, done: int, total: int, path: str) -> None:
        if not self.app.is_running:  # the app is closing: stop after this batch
            self.cancel.set()
        self.progress = (done, total)
        if done == total or done % 25 == 0:
            self._notify()

    def _notify(self) -> None:
        # RuntimeError: called on the UI thread itself, or the app has gone.
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._tell)

    def _tell(self) -> None:
        for listener in list(self.listeners):
            listener()

    def status(self) -> str:
        if self.error:
            return self.error
        done, total = self.progress
        if not self.ready:
            return f"indexing {done}/{total} documents — results so far" if total else "opening the index…"
        return ""

    # -- queries (call from worker threads: they wait for the index to open) ---------------------------
    def search(self, query: str, *, dictionary: bool | None = None) -> list[Hit]:
        """Hits for a query; English words reach the dictionary only once its table is loaded (see
        needs_dictionary), so a first search never waits seconds for it."""
        from qwen_reader.core.search import english
        from qwen_reader.core.search.query import search

        self.start_from_thread()
        self._opened.wait(30)
        if self.index is None:
            return []
        return search(self.index, query, limit=200, dictionary=english.loaded() if dictionary is None else dictionary)

    @staticmethod
    def needs_dictionary(query: str) -> bool:
        """A query of Latin words whose English -> Chinese table is not loaded yet (built once, then cached)."""
        from qwen_reader.core.search import english
        from qwen_reader.core.search.normalize import HAN_RE

        return not english.loaded() and not HAN_RE.search(query) and any(c.isalpha() for c in query)

    def related(self, doc_id: str, sentence: int) -> list[Related]:
        self.start_from_thread()
        self._opened.wait(30)
        return self.finder.for_sentence(doc_id, sentence) if self.finder is not None else []

    def start_from_thread(self) -> None:
        if not self._started:
            self.app.call_from_thread(self.start)


def controller(app: App[None]) -> SearchController:
    found = getattr(app, "_search_controller", None)
    if found is None:
        found = SearchController(app)
        app._search_controller = found  # type: ignore[attr-defined]
    return found


def position_of(app: App[None], doc_id: str, sentence: int) -> tuple[int, int]:
    """(paragraph, sentence in paragraph) of a sentence index in a document."""
    document = app.corpus.find(doc_id)  # type: ignore[attr-defined]
    order = Navigator(document).order
    pos = order[max(0, min(sentence, len(order) - 1))]
    return pos.paragraph, pos.sentence


def open_at(app: App[None], doc_id: str, sentence: int) -> None:
    app.open_document(doc_id, at=position_of(app, doc_id, sentence))  # type: ignore[attr-defined]
    screen = app.reader()  # type: ignore[attr-defined]
    # A screen opened just now marks its hits itself once mounted (reader_mounted).
    if screen is not None and screen.document.id == doc_id and screen.query("#aligned"):
        decorate(screen)


# -- the reader's actions ------------------------------------------------------------------------------
def open_search(screen: ReadingScreen) -> None:
    from qwen_reader.ui.screens.search import SearchScreen

    search = controller(screen.app)
    search.start()

    def chosen(result: tuple[list[Hit], int] | None) -> None:
        if result is not None:
            search.hits, search.hit_at = result
            hit = search.hits[search.hit_at]
            open_at(screen.app, hit.doc, hit.sentence)

    screen.app.push_screen(SearchScreen(search), chosen)


def step_hit(screen: ReadingScreen, step: int) -> None:
    search = controller(screen.app)
    if not search.hits:
        screen.notify("No search yet: press / to search.", timeout=3, markup=False)
        return
    search.hit_at = (search.hit_at + step) % len(search.hits)
    hit = search.hits[search.hit_at]
    screen.notify(f"hit {search.hit_at + 1}/{len(search.hits)}", timeout=2, markup=False)
    open_at(screen.app, hit.doc, hit.sentence)


def decorate(screen: ReadingScreen) -> None:
    """Mark the last search's hits in this document (a layer of its own beside the entities' colours)."""
    search = controller(screen.app)
    view = screen.view
    order = Navigator(screen.document).order
    marks: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for hit in search.hits:
        if hit.doc == screen.document.id and hit.sentence < len(order):
            pos = order[hit.sentence]
            marks.setdefault((pos.paragraph, pos.sentence), []).extend((a, b, HIT_CLASS) for a, b in hit.spans)

    def decorations(paragraph: int, sentence: int, kind: str) -> list[tuple[int, int, str]]:
        return marks.get((paragraph, sentence), []) if kind == "chinese" else []

    view.decorations["search"] = decorations
    view.invalidate_paint()


def step_related(screen: ReadingScreen, step: int) -> None:
    from qwen_reader.ui.widgets.related_panel import RelatedPanel

    controller(screen.app).start()
    panel = RelatedPanel.open_in(screen)
    panel.step(step)


def reader_mounted(screen: ReadingScreen) -> None:
    """A reading screen opened: the related list stays open across jumps, so a story can be followed."""
    if controller(screen.app).panel_open:
        from qwen_reader.ui.widgets.related_panel import RelatedPanel

        RelatedPanel.open_in(screen)
    if controller(screen.app).hits:
        screen.call_after_refresh(decorate, screen)
