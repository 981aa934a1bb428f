"""One document's English as a stream of events: the engine chosen, rows as they are ready, progress.

Everything the reading screen used to do itself around translation (load the engine, fall back to the
gloss when a model is broken, open the cache, order the work, report failures) lives here, so the UI only
turns events into messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from qwen_reader.core.text.model import Document


@dataclass(frozen=True)
class EngineReady:
    name: str
    gloss: bool  # the CC-CEDICT word gloss, not a translation


@dataclass(frozen=True)
class RowsReady:
    rows: tuple[tuple[int, int, str], ...]  # (paragraph, sentence, english)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


@dataclass(frozen=True)
class Note:
    text: str
    severity: str = "warning"  # "warning" | "error"


Event = EngineReady | RowsReady | Progress | Note


def translation_events(document: Document, *, first: Iterable[int] = (),
                       stopped: Callable[[], bool] = lambda: False) -> Iterator[Event]:
    """Translate `document`, paragraphs in `first` (what is on screen) before the rest. `stopped` is polled
    between batches; a failure ends the stream with a Note, never an exception."""
    from qwen_reader.core.translate.engines import GlossEngine
    from qwen_reader.core.translate.service import TranslationService, load_engine, open_cache

    try:
        engine = load_engine()
    except Exception as exc:  # a broken model must not take the reader down: fall back to the gloss
        yield Note(f"translation model failed to load: {exc}; showing a gloss")
        engine = GlossEngine()
    cache = open_cache()
    if cache.note:
        yield Note(cache.note)
    yield EngineReady(engine.name, engine.model_id.startswith("gloss"))
    progress: list[Progress] = []
    try:
        service = TranslationService(engine, cache)
        for rows in service.rows(document, first=first, progress=lambda d, t: progress.append(Progress(d, t))):
            if stopped():
                return
            yield RowsReady(tuple((r.paragraph, r.sentence, r.english) for r in rows))
            if progress:
                yield progress[-1]
                progress.clear()
    except Exception as exc:  # say it once; the reader keeps working without English
        yield Note(f"translation stopped: {type(exc).__name__}: {exc}", "error")
    finally:
        cache.close()
