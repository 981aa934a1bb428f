"""The one facade the UI and CLI talk to: open a corpus, find documents in it."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from qwen_reader.core.errors import NotFoundError
from qwen_reader.core.store.doc_cache import DocumentCache, decode_document
from qwen_reader.core.store.paths import bundled_seeds, cache_dir
from qwen_reader.core.text.load import Source, discover
from qwen_reader.core.text.model import Document, LoadProblem, printable

Progress = Callable[[int, int, str], None]


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    # Notes for the user that are not about one file (e.g. a cache that had to be rebuilt).
    notes: list[str] = field(default_factory=list)
    cache_hits: int = 0

    def find(self, key: str) -> Document:
        """A document by id, unique id prefix, or path."""
        for doc in self.documents:
            if doc.id == key:
                return doc
        matches = [d for d in self.documents if d.id.startswith(key)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NotFoundError(f"'{key}' matches {len(matches)} documents: "
                                + ", ".join(d.id for d in matches[:5]))
        wanted = Path(key).resolve()
        for doc in self.documents:
            if Path(doc.path).resolve() == wanted:
                return doc
        raise NotFoundError(f"no document '{key}'; known: " + ", ".join(d.id for d in self.documents[:10]))


def default_paths() -> list[Path]:
    return [bundled_seeds()]


def open_corpus(
    paths: list[Path] | None = None,
    *,
    use_cache: bool = True,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Corpus:
    """Load every article under `paths`; each failure becomes a LoadProblem, never an exception."""
    sources, problems = discover(paths or default_paths())
    corpus = Corpus(problems=list(problems))
    cache = DocumentCache(cache_dir() / "documents.sqlite3") if use_cache else None
    if cache and cache.note:
        corpus.notes.append(cache.note)
    ids = _unique_ids(sources)
    found: dict[int, Document] = {}
    jobs: list[tuple[int, Source]] = []
    try:
        for n, source in enumerate(sources):
            doc = cache.get(source.path, source.size, source.mtime_ns) if cache else None
            if doc is None:
                jobs.append((n, source))
            else:
                found[n] = _placed(doc, ids[n], source)
        corpus.cache_hits = len(found)
        # Cleaning code (and the process pool) load only when some file actually needs cleaning.
        from qwen_reader.core.text.ingest import build_all

        results = build_all([(ids[n], str(s.path), s.size) for n, s in jobs])
        for done, ((n, source), (blob, reason)) in enumerate(zip(jobs, results, strict=False)):
            if cancel is not None and cancel.is_set():
                break
            if progress is not None:
                progress(done + 1, len(jobs), str(source.path))
            if blob is None:
                corpus.problems.append(LoadProblem(printable(str(source.path)), reason or "could not be read"))
                continue
            if cache:
                cache.put_text(source.path, source.size, source.mtime_ns, blob)
            found[n] = _placed(decode_document(blob), ids[n], source)
    finally:
        if cache:
            cache.close()
    corpus.documents = [found[n] for n in sorted(found)]
    return corpus


def _placed(doc: Document, doc_id: str, source: Source) -> Document:
    """The cached document under this corpus's id and at the real path (the cache keeps printable text only)."""
    path = str(source.path)
    return doc if (doc.id, doc.path) == (doc_id, path) else replace(doc, id=doc_id, path=path)


def _unique_ids(sources: list[Source]) -> list[str]:
    """The file stem, made unique with the parent folder's name where two files share a stem."""
    # Ids are shown and typed: a file name that is not UTF-8 gets its bytes as \xNN escapes.
    stems = [printable(s.path.stem) for s in sources]
    stem_counts = Counter(stems)
    ids: list[str] = []
    seen: set[str] = set()
    for source, stem in zip(sources, stems, strict=True):
        candidate = stem if stem_counts[stem] == 1 else f"{printable(source.path.parent.name)}/{stem}"
        base, k = candidate, 2
        while candidate in seen:
            candidate, k = f"{base}~{k}", k + 1
        seen.add(candidate)
        ids.append(candidate)
    return ids
