"""The persistent search index: a main SQLite file naming the documents indexed, and shard files holding
their sentences and FTS5 rows (see shards.py for the columns, writers.py for why there are several).

A file is re-indexed only when its path, size or mtime changed. Row ids encode the document and the
sentence's index in it (key << 20 | n), so a hit names its document without a join.
"""

from __future__ import annotations

import heapq
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qwen_reader.core.search import shards as shard_files
from qwen_reader.core.search.english_cache import CachedEnglish, EnglishSource
from qwen_reader.core.search.shards import SHIFT, Written
from qwen_reader.core.search.writers import Jobs, batches_of, write_batches
from qwen_reader.core.store.paths import cache_dir
from qwen_reader.core.text.model import Document, Kind

# Bump when the main file's schema changes: an index of another version is rebuilt from scratch.
INDEX_VERSION = "3"
MAX_SHARDS = 4
# Sentences a one-character query reads at most: characters that share documents but rarely a sentence
# (a query 周 浩 with a space) would otherwise read the corpus.
CHAR_SCAN = 20_000

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class IndexedDoc:
    key: int
    doc_id: str
    path: str
    title: str


@dataclass(frozen=True, slots=True)
class Row:
    """One indexed sentence."""

    rowid: int
    paragraph: int
    kind: str
    text: str
    english: str

    @property
    def key(self) -> int:
        return self.rowid >> SHIFT

    @property
    def sentence(self) -> int:
        return self.rowid & shard_files.MAX_SENTENCES


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    cancelled: bool = False


def default_index_path() -> Path:
    return cache_dir() / "search.sqlite3"


class SearchIndex:
    """Open (creating or rebuilding as needed) the index files; `sync` brings them up to date with documents."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_index_path()
        self.note: str | None = None
        self.lock = threading.RLock()
        self.db, self.shards = self._connect()
        # The documents of the current corpus, by key (set by sync), and the shard of every indexed key.
        self.docs: dict[int, IndexedDoc] = {}
        self.shard_of: dict[int, int] = dict(self.db.execute("SELECT key, shard FROM docs"))
        self._total: int | None = None
        self._chars: int | None = None

    # -- opening ------------------------------------------------------------------------------------------
    def _files(self, count: int) -> list[Path]:
        return [self.path, *(shard_files.shard_path(self.path, k) for k in range(count))]

    def _connect(self) -> tuple[sqlite3.Connection, list[sqlite3.Connection]]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.DatabaseError as exc:
            # An unreadable index is only a cache: move it aside and start again.
            for file in self._files(MAX_SHARDS):
                for suffix in ("", "-wal", "-shm"):
                    side = Path(f"{file}{suffix}")
                    if side.exists():
                        side.replace(Path(f"{file}.corrupt{suffix}"))
            self.note = f"the search index was unreadable ({exc}); it was moved aside and rebuilt"
            return self._open()

    def _open(self) -> tuple[sqlite3.Connection, list[sqlite3.Connection]]:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=60)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("version") != INDEX_VERSION:
            old = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for table in ("vocab", "fts", "sentences", "docs"):  # older versions kept rows here too
                db.execute(f"DROP TABLE IF EXISTS {table}")
            if old & {"fts", "sentences"}:
                db.execute("VACUUM")  # give back the space an older index's rows took (in WAL mode the file
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # shrinks at the checkpoint)
            meta = {"version": INDEX_VERSION, "shards": str(max(1, min(os.cpu_count() or 1, MAX_SHARDS)))}
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        db.execute("CREATE TABLE IF NOT EXISTS docs (key INTEGER PRIMARY KEY, path TEXT UNIQUE, size INTEGER,"
                   " mtime_ns INTEGER, title TEXT, chars INTEGER, sentences INTEGER, shard INTEGER)")
        shards = [shard_files.connect(path) for path in self._files(int(meta["shards"]))[1:]]
        if db.execute("SELECT count(*) FROM docs").fetchone()[0] == 0:
            # A new main file: rows left in the shards belong to nothing.
            for shard in shards:
                shard.execute("DELETE FROM sentences")
                shard.execute("INSERT INTO fts (fts) VALUES ('delete-all')")
                shard.execute("INSERT INTO docchars (docchars) VALUES ('delete-all')")
        return db, shards

    def close(self) -> None:
        with self.lock:
            for db in (self.db, *self.shards):
                db.close()

    # -- keeping it current -------------------------------------------------------------------------------
    def sync(self, documents: Sequence[Document], *, english: EnglishSource | None = None,
             progress: Progress | None = None, cancel: threading.Event | None = None,
             forget_missing: bool = True) -> SyncReport:
        """Index new and changed documents, drop rows of files that no longer exist. Progress is reported
        per document indexed; a set `cancel` stops between batches, leaving every finished one usable.
        `english` replaces the translation cache as the source of English (and keeps the work in this
        process)."""
        report = SyncReport()
        with self.lock:
            known = {path: (key, size, mtime) for key, path, size, mtime in
                     self.db.execute("SELECT key, path, size, mtime_ns FROM docs")}
            # Rows a crashed run wrote under a key it never recorded must not meet a new document's rows.
            used = [key for (key,) in self.db.execute("SELECT max(key) FROM docs")]
            used += [(m or 0) >> SHIFT for db in self.shards for (m,) in db.execute("SELECT max(id) FROM sentences")]
        next_key = max((k or 0 for k in used), default=0) + 1
        todo: list[tuple[Document, str, int, int, int]] = []
        changed: set[int] = set()
        self.docs = {}
        for document in documents:
            path = os.path.abspath(document.path)
            try:
                stat = os.stat(path)
                size, mtime = stat.st_size, stat.st_mtime_ns
            except OSError:
                size, mtime = document.size, -1
            old = known.get(path)
            if old is not None and old[1:] == (size, mtime):
                report.unchanged += 1
                self.docs[old[0]] = IndexedDoc(old[0], document.id, path, document.title)
                continue
            if old is not None:
                changed.add(old[0])
                key = old[0]
            else:
                key, next_key = next_key, next_key + 1
            todo.append((document, path, size, mtime, key))
        gone = [key for path, (key, _, _) in known.items() if not os.path.exists(path)] if forget_missing else []
        for key in [*gone, *changed]:
            self._forget(key)
        report.removed = len(gone)
        self._total = self._chars = None
        if not todo:
            return report
        meta = {key: (document, path, size, mtime) for document, path, size, mtime, key in todo}
        done = 0

        def finished(shard: int, jobs: Jobs, written: list[Written]) -> None:
            nonlocal done
            with self.lock:
                self.db.execute("BEGIN")
                for key, chars, sentences in written:
                    document, path, size, mtime = meta[key]
                    self.db.execute("INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?,?,?)",
                                    (key, path, size, mtime, document.title, chars, sentences, shard))
                self.db.execute("COMMIT")
                for key, _, _ in written:
                    document, path, _, _ = meta[key]
                    self.shard_of[key] = shard
                    self.docs[key] = IndexedDoc(key, document.id, path, document.title)
                    if key in changed:
                        report.updated += 1
                    else:
                        report.added += 1
                self._total = self._chars = None
            for key, _, _ in written:
                done += 1
                if progress is not None:
                    progress(done, len(todo), meta[key][1])

        here = english or CachedEnglish()

        def write_here(shard: int, jobs: Jobs) -> list[Written]:
            with self.lock:
                return shard_files.write(self.shards[shard], jobs, here)

        try:
            report.cancelled = write_batches(
                batches_of([(key, document) for document, _, _, _, key in todo]),
                [str(p) for p in self._files(len(self.shards))[1:]], write_here=write_here, finished=finished,
                cancelled=lambda: cancel is not None and cancel.is_set(), in_process=english is not None)
        finally:
            if isinstance(here, CachedEnglish):
                here.close()
        return report

    def _forget(self, key: int) -> None:
        """Remove a document's rows from its shard and its entry from the main file."""
        with self.lock:
            for number in self._shards_of(key):
                db = self.shards[number]
                db.execute("BEGIN")
                shard_files.delete(db, key)
                db.execute("COMMIT")
            self.shard_of.pop(key, None)
            self.db.execute("DELETE FROM docs WHERE key=?", (key,))

    # -- reading ------------------------------------------------------------------------------------------
    def _shards_of(self, key: int) -> list[int]:
        """The shard holding a document's rows; every shard when the key is unknown (a crashed run's rows)."""
        shard = self.shard_of.get(key)
        return [shard] if shard is not None else list(range(len(self.shards)))

    def rows(self, rowids: Iterable[int]) -> dict[int, Row]:
        ids = list(rowids)
        found: dict[int, Row] = {}
        with self.lock:
            by_shard: dict[int, list[int]] = {}
            for rowid in ids:
                for number in self._shards_of(rowid >> SHIFT):
                    by_shard.setdefault(number, []).append(rowid)
            for number, part_ids in by_shard.items():
                for start in range(0, len(part_ids), 500):
                    part = part_ids[start:start + 500]
                    marks = ",".join("?" * len(part))
                    for rowid, paragraph, kind, text, en in self.shards[number].execute(
                            f"SELECT id, paragraph, kind, text, english FROM sentences WHERE id IN ({marks})", part):
                        found[rowid] = Row(rowid, paragraph, kind, text, en)
        return found

    def document_rows(self, key: int) -> list[Row]:
        out: list[Row] = []
        with self.lock:
            for number in self._shards_of(key):
                out.extend(Row(*r) for r in self.shards[number].execute(
                    "SELECT id, paragraph, kind, text, english FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id",
                    (key << SHIFT, ((key + 1) << SHIFT) - 1)))
        return out

    def key_of(self, doc_id: str) -> int | None:
        return next((d.key for d in self.docs.values() if d.doc_id == doc_id), None)

    def match(self, expression: str, limit: int) -> list[tuple[int, float]]:
        """(rowid, bm25) for up to `limit` rows matching an FTS5 expression, restricted to the current
        corpus. Rows come in rowid order and only those are ranked: a very common term costs `limit`, not
        the size of the corpus."""
        per_shard: list[list[tuple[int, float]]] = []
        with self.lock:
            for db in self.shards:
                cursor = db.execute("SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?", (expression,))
                out: list[tuple[int, float]] = []
                for rowid, score in cursor:
                    if (rowid >> SHIFT) in self.docs:
                        out.append((rowid, score))
                        if len(out) >= limit:
                            break
                cursor.close()
                per_shard.append(out)
        return list(heapq.merge(*per_shard))[:limit]

    def char_rows(self, chars: str, limit: int) -> list[tuple[int, float]]:
        """(rowid, score) for up to `limit` sentences holding every character of `chars` (simplified Han),
        documents in key order: the documents come from `docchars`, their sentences are checked here, at
        most CHAR_SCAN of them. A sentence scores by how often the characters occur in it (more is better;
        lower, as bm25)."""
        from qwen_reader.core.search.normalize import to_simplified

        wanted = sorted(set(chars))
        expression = " AND ".join(f'"{c}"' for c in wanted)
        keys: list[int] = []
        with self.lock:
            for db in self.shards:
                for (key,) in db.execute("SELECT rowid FROM docchars WHERE docchars MATCH ?", (expression,)):
                    if key in self.docs:
                        keys.append(key)
        out: list[tuple[int, float]] = []
        budget = CHAR_SCAN
        for key in sorted(keys):
            rows = self.document_rows(key)
            budget -= len(rows)
            if budget < 0:
                break
            for row in rows:
                simplified = to_simplified(row.text)
                if all(c in simplified for c in wanted):
                    out.append((row.rowid, -float(sum(simplified.count(c) for c in wanted))))
                    if len(out) >= limit:
                        return out
        return out

    def ranked(self, expression: str, limit: int) -> list[int]:
        """Row ids of the `limit` best rows (BM25) for an FTS5 expression, best first; only for expressions
        of rare terms (every matching row is ranked)."""
        found: list[tuple[float, int]] = []
        with self.lock:
            for db in self.shards:
                found.extend((rank, rowid) for rowid, rank in db.execute(
                    "SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?", (expression, limit))
                    if (rowid >> SHIFT) in self.docs)
        return [rowid for _, rowid in sorted(found)[:limit]]

    def row_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """How many sentences contain each term (any column), from FTS5's own vocabulary."""
        wanted = list(dict.fromkeys(terms))
        counts: dict[str, int] = {}
        with self.lock:
            for db in self.shards:
                for start in range(0, len(wanted), 200):
                    part = wanted[start:start + 200]
                    marks = ",".join("?" * len(part))
                    for term, count in db.execute(f"SELECT term, doc FROM vocab WHERE term IN ({marks})", part):
                        counts[term] = counts.get(term, 0) + count
        return counts

    @property
    def total(self) -> int:
        """Sentences in the index (all corpora it holds)."""
        if self._total is None:
            with self.lock:
                self._total = self.db.execute("SELECT coalesce(sum(sentences), 0) FROM docs").fetchone()[0]
        return self._total or 0

    @property
    def characters(self) -> int:
        """Characters of text in the index, for expected term counts (see related.py)."""
        if self._chars is None:
            with self.lock:
                self._chars = self.db.execute("SELECT coalesce(sum(chars), 0) FROM docs").fetchone()[0]
        return self._chars or 0


def searchable(kind: str) -> bool:
    """Boilerplate is indexed (a reader may look for it) but never offered as a related passage."""
    return kind not in (Kind.BOILERPLATE.value, Kind.SEPARATOR.value)
