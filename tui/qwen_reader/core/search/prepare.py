"""Tokenising documents for the index, in worker processes while the parent writes to SQLite.

Tokenising is about half of building an index and SQLite's writing the other half; with workers the two run
side by side. Small jobs stay in this process (a pool costs more to start than it saves).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from qwen_reader.core.search.tokenize import Columns, columns
from qwen_reader.core.text.model import Document

PARALLEL_MIN_DOCS = 200
MAX_SENTENCES = (1 << 20) - 1

# (sentence index in the document, paragraph index, kind, text, token columns)
Prepared = list[tuple[int, int, str, str, Columns]]


def sentence_rows(document: Document) -> list[tuple[int, int, str, str]]:
    """(sentence index in the document, paragraph index, kind, text) in reading order, as the reader counts."""
    rows: list[tuple[int, int, str, str]] = []
    n = 0
    for p, paragraph in enumerate(document.paragraphs):
        for sentence in paragraph.sentences:
            rows.append((n, p, paragraph.kind.value, sentence.text))
            n += 1
    return rows[:MAX_SENTENCES]


def prepare(document: Document) -> Prepared:
    return [(n, p, kind, text, columns(text)) for n, p, kind, text in sentence_rows(document)]


def _prepare_batch(documents: list[Document]) -> list[Prepared]:
    return [prepare(d) for d in documents]


def prepared_batches(batches: list[list[Document]]) -> Iterator[list[Prepared]]:
    """Each batch's documents prepared, in order; parallel for big jobs, in this process otherwise or when
    worker processes cannot run."""
    from qwen_reader.core.text.ingest import _context

    done = 0
    workers = min(os.cpu_count() or 1, 8)
    if workers >= 2 and sum(len(b) for b in batches) >= PARALLEL_MIN_DOCS:
        try:
            with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
                # A bounded window of batches in flight: results wait in memory only until written.
                pending: deque[Future[list[Prepared]]] = deque()
                try:
                    for batch in batches:
                        pending.append(pool.submit(_prepare_batch, batch))
                        if len(pending) >= 2 * workers:
                            done += 1
                            yield pending.popleft().result()
                    while pending:
                        done += 1
                        yield pending.popleft().result()
                finally:
                    pool.shutdown(wait=False, cancel_futures=True)
            return
        except (BrokenProcessPool, OSError):
            pass
    for batch in batches[done:]:
        yield _prepare_batch(batch)
