"""The corpus-wide entity index for the UI: built once per app in a worker (after the first screen), so
the mentions screen, the panel and the palette can go from a name to every mention."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from qwen_reader.core.entities.document import EntityIndex, corpus_entities
from qwen_reader.core.entities.model import Mention
from qwen_reader.core.text.model import Document

_ATTR = "_qwen_reader_entity_index"


def index_of(app: App[object]) -> EntityIndex | None:
    """The app's index if it has been built; None while it is being built."""
    return getattr(app, _ATTR, None)


def build_index(app: App[object], then: Callable[[EntityIndex], None] | None = None) -> EntityIndex:
    """The index, built now (in the calling thread) if it was not yet; `then` runs on the app's thread."""
    index = index_of(app)
    if index is None:
        index = corpus_entities(app.corpus.documents)  # type: ignore[attr-defined]
        setattr(app, _ATTR, index)
    if then is not None:
        app.call_from_thread(then, index)
    return index


def ensure_index(app: App[object], then: Callable[[EntityIndex], None] | None = None) -> None:
    """Build the index in a worker if needed; `then` gets it on the app's thread."""
    index = index_of(app)
    if index is not None:
        if then is not None:
            then(index)
        return
    app.run_worker(lambda: build_index(app, then), thread=True, group="entity-index", exit_on_error=False)


def local_sentence(document: Document, mention: Mention) -> int:
    """The sentence index inside the mention's paragraph (the reader's Position)."""
    ends = document.paragraphs[mention.paragraph].sentence_ends
    return next((k for k, e in enumerate(ends) if mention.start < e), max(len(ends) - 1, 0))
