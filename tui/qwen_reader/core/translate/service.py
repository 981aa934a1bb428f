"""Translating documents: pick the engine, serve from the cache, translate the rest in batches in the order
the reader needs them, committing each batch."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from qwen_reader.core.store.paths import cache_dir
from qwen_reader.core.text.model import Document, Kind, Paragraph, Sentence
from qwen_reader.core.translate.cache import TranslationCache
from qwen_reader.core.translate.engines import ArgosEngine, Engine
from qwen_reader.core.translate.gloss import GlossEngine
from qwen_reader.core.translate.packages import installed_models

BATCH = 16


def load_engine() -> Engine:
    """The newest installed zh->en argos package, else the CC-CEDICT gloss."""
    models = installed_models()
    return ArgosEngine(models[0]) if models else GlossEngine()


def open_cache() -> TranslationCache:
    return TranslationCache(cache_dir() / "translations.sqlite3")


@dataclass(frozen=True)
class Row:
    paragraph: int
    sentence: int
    source: str
    english: str


def translatable(document: Document) -> list[tuple[int, int, str]]:
    """Every sentence that gets English: boilerplate is never translated."""
    return [
        (p, s, _without_damage(paragraph, sentence))
        for p, paragraph in enumerate(document.paragraphs)
        if paragraph.kind is not Kind.BOILERPLATE
        for s, sentence in enumerate(paragraph.sentences)
    ]


def _without_damage(paragraph: Paragraph, sentence: Sentence) -> str:
    """The sentence with text that cleaning flagged as damaged left out: mojibake is never translated
    or glossed (the Chinese column marks it where it stands)."""
    text = sentence.text
    for flag in sorted(paragraph.flags, key=lambda f: f.start, reverse=True):
        a, b = max(flag.start, sentence.start) - sentence.start, min(flag.end, sentence.end) - sentence.start
        if a < b:
            text = text[:a] + " … " + text[b:]
    return text


class TranslationService:
    def __init__(self, engine: Engine, cache: TranslationCache) -> None:
        self.engine = engine
        self.cache = cache

    def translate(self, sentences: list[str]) -> list[str]:
        """English for each sentence, cached ones without calling the engine."""
        key = self.engine.model_id
        known = self.cache.get_many(key, list({s.strip() for s in sentences if s.strip()}))
        missing = list(dict.fromkeys(s.strip() for s in sentences if s.strip() and s.strip() not in known))
        for start in range(0, len(missing), BATCH):
            batch = missing[start:start + BATCH]
            english = self.engine.translate(batch)
            pairs = list(zip(batch, english, strict=True))
            self.cache.put_many(key, pairs)
            known.update(pairs)
        return [known.get(s.strip(), "") for s in sentences]

    def rows(self, document: Document, *, first: Iterable[int] = (), cancel: threading.Event | None = None,
             progress: Callable[[int, int], None] | None = None) -> Iterator[list[Row]]:
        """Batches of rows for a document: cached ones at once, then the paragraphs in `first` (what is on
        screen), then the rest in reading order."""
        items = translatable(document)
        key = self.engine.model_id
        known = self.cache.get_many(key, list({t.strip() for _, _, t in items if t.strip()}))
        done = [Row(p, s, t, known.get(t.strip(), "")) for p, s, t in items if not t.strip() or t.strip() in known]
        total = len(items)
        if done:
            yield done
        count = len(done)
        if progress is not None:
            progress(count, total)
        priority = {p: i for i, p in enumerate(first)}
        todo = [(p, s, t) for p, s, t in items if t.strip() and t.strip() not in known]
        todo.sort(key=lambda item: (priority.get(item[0], len(priority)), item[0], item[1]))
        for start in range(0, len(todo), BATCH):
            if cancel is not None and cancel.is_set():
                return
            batch = todo[start:start + BATCH]
            english = self.translate([t for _, _, t in batch])
            rows = [Row(p, s, t, e) for (p, s, t), e in zip(batch, english, strict=True)]
            count += len(rows)
            if progress is not None:
                progress(count, total)
            yield rows
