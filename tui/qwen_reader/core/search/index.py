"""The persistent search index: one SQLite file with an FTS5 table holding one row per sentence.

Columns of the FTS5 table (all tokens made in Python, see tokenize.py): `text` (simplified CJK bigrams and
Latin words), `chars` (CJK unigrams, for one-character queries), `pinyin` (toneless syllables) and `english`
(the sentence's cached translation, when one exists). The FTS5 table is contentless; the sentences table
keeps what is shown and what is needed to delete a document's rows again.

A file is re-indexed only when its path, size or mtime changed. Row ids encode the document and the
sentence's index in it (key << 20 | n), so a hit names its document without a join.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qwen_reader.core.search.prepare import MAX_SENTENCES, prepared_batches
from qwen_reader.core.search.tokenize import Columns, columns
from qwen_reader.core.store.paths import cache_dir
from qwen_reader.core.text.model import Document, Kind

# Bump when tokens or the schema change: an index of another version is rebuilt from scratch.
INDEX_VERSION = "2"
SHIFT = 20  # row id = document key << SHIFT | sentence index (MAX_SENTENCES fits in SHIFT bits)
# Documents written per transaction: small enough that a search from the UI thread waits briefly.
BATCH_DOCS = 64

Progress = Callable[[int, int, str], None]
# English for a list of sentences ("" where none is known); the default reads the translation cache.
EnglishSource = Callable[[list[str]], list[str]]


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
        return self.rowid & MAX_SENTENCES


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
    """Open (creating or rebuilding as needed) the index file; `sync` brings it up to date with documents."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_index_path()
        self.note: str | None = None
        self.lock = threading.RLock()
        self.db = self._connect()
        # The documents of the current corpus, by key (set by sync).
        self.docs: dict[int, IndexedDoc] = {}
        self._total: int | None = None
        self._chars: int | None = None

    # -- opening ------------------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._open_schema()
        except sqlite3.DatabaseError as exc:
            # An unreadable index is only a cache: move it aside and start again.
            for suffix in ("", "-wal", "-shm"):
                side = Path(f"{self.path}{suffix}")
                if side.exists():
                    side.replace(Path(f"{self.path}.corrupt{suffix}"))
            self.note = f"the search index was unreadable ({exc}); it was moved aside and rebuilt"
            db = self._open_schema()
        return db

    def _open_schema(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        found = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if found is not None and found[0] != INDEX_VERSION:
            for table in ("fts", "sentences", "docs", "vocab"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        db.execute("CREATE TABLE IF NOT EXISTS docs (key INTEGER PRIMARY KEY, path TEXT UNIQUE, size INTEGER,"
                   " mtime_ns INTEGER, title TEXT, chars INTEGER,"
                   " sentences INTEGER)")
        db.execute("CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY, paragraph INTEGER, kind TEXT,"
                   " text TEXT, english TEXT)")
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(text, chars, pinyin, english,"
                   " tokenize='ascii', content='')")
        # Per-term row counts (document frequencies) for ranking related passages.
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'row')")
        db.execute("SELECT count(*) FROM docs").fetchone()
        return db

    def close(self) -> None:
        with self.lock:
            self.db.close()

    # -- keeping it current -------------------------------------------------------------------------------
    def sync(self, documents: Sequence[Document], *, english: EnglishSource | None = None,
             progress: Progress | None = None, cancel: threading.Event | None = None,
             forget_missing: bool = True) -> SyncReport:
        """Index new and changed documents, drop rows of files that no longer exist. Progress is reported
        per document indexed; a set `cancel` stops between documents, leaving every finished one usable."""
        report = SyncReport()
        with self.lock:
            known = {path: (key, size, mtime) for key, path, size, mtime in
                     self.db.execute("SELECT key, path, size, mtime_ns FROM docs")}
        todo: list[tuple[Document, str, int, int, int | None]] = []
        self.docs = {}
        next_key = max((k for k, _, _ in known.values()), default=0) + 1
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
            key = old[0] if old is not None else next_key
            next_key += old is None
            todo.append((document, path, size, mtime, key))
        old_keys = {k for k, _, _ in known.values()}
        if forget_missing:
            gone = [key for path, (key, _, _) in known.items() if not os.path.exists(path)]
            for key in gone:
                with self.lock:
                    self.db.execute("BEGIN")
                    self._delete(key)
                    self.db.execute("COMMIT")
            report.removed = len(gone)
        if english is None and todo:
            english = english_for_corpus()
        batches = [todo[start:start + BATCH_DOCS] for start in range(0, len(todo), BATCH_DOCS)]
        done = 0
        prepared_iter = prepared_batches([[item[0] for item in batch] for batch in batches])
        try:
            for batch, prepared in zip(batches, prepared_iter, strict=False):
                if cancel is not None and cancel.is_set():
                    report.cancelled = True
                    break
                lookup = english or cached_english
                with self.lock:
                    self.db.execute("BEGIN")
                    for (document, path, size, mtime, key), rows in zip(batch, prepared, strict=True):
                        translations = lookup([text for _, _, _, text, _ in rows])
                        if key in old_keys:
                            self._delete(key)
                            report.updated += 1
                        else:
                            report.added += 1
                        self._insert(key, path, size, mtime, document.title,
                                     [(*row[:4], en, row[4]) for row, en in zip(rows, translations, strict=True)])
                    self.db.execute("COMMIT")
                for document, path, _, _, key in batch:
                    done += 1
                    self.docs[key] = IndexedDoc(key, document.id, path, document.title)
                    if progress is not None:
                        progress(done, len(todo), path)
        finally:
            close = getattr(prepared_iter, "close", None)
            if close is not None:
                close()
        self._total = self._chars = None
        return report

    def _insert(self, key: int, path: str, size: int, mtime: int, title: str,
                rows: list[tuple[int, int, str, str, str, Columns]]) -> None:
        chars = sum(len(text) for _, _, _, text, _, _ in rows)
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?,?)",
                        (key, path, size, mtime, title, chars, len(rows)))
        base = key << SHIFT
        self.db.executemany("INSERT INTO sentences VALUES (?,?,?,?,?)",
                            [(base | n, p, kind, text, en) for n, p, kind, text, en, _ in rows])
        self.db.executemany("INSERT INTO fts (rowid, text, chars, pinyin, english) VALUES (?,?,?,?,?)",
                            [(base | n, *cols, english_tokens(en)) for n, _, _, _, en, cols in rows])

    def _delete(self, key: int) -> None:
        """Remove a document's rows: a contentless FTS5 table needs the values it was given, rebuilt from
        the stored sentence text (tokenising is deterministic within one INDEX_VERSION)."""
        low, high = key << SHIFT, ((key + 1) << SHIFT) - 1
        old = self.db.execute("SELECT id, text, english FROM sentences WHERE id BETWEEN ? AND ?",
                              (low, high)).fetchall()
        self.db.executemany("INSERT INTO fts (fts, rowid, text, chars, pinyin, english) VALUES"
                            " ('delete', ?, ?, ?, ?, ?)",
                            [(rowid, *columns(text), english_tokens(en)) for rowid, text, en in old])
        self.db.execute("DELETE FROM sentences WHERE id BETWEEN ? AND ?", (low, high))
        self.db.execute("DELETE FROM docs WHERE key=?", (key,))

    # -- reading ------------------------------------------------------------------------------------------
    def rows(self, rowids: Iterable[int]) -> dict[int, Row]:
        ids = list(rowids)
        found: dict[int, Row] = {}
        with self.lock:
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                marks = ",".join("?" * len(part))
                for rowid, paragraph, kind, text, en in self.db.execute(
                        f"SELECT id, paragraph, kind, text, english FROM sentences WHERE id IN ({marks})", part):
                    found[rowid] = Row(rowid, paragraph, kind, text, en)
        return found

    def document_rows(self, key: int) -> list[Row]:
        with self.lock:
            return [Row(*r) for r in self.db.execute(
                "SELECT id, paragraph, kind, text, english FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id",
                (key << SHIFT, ((key + 1) << SHIFT) - 1))]

    def key_of(self, doc_id: str) -> int | None:
        return next((d.key for d in self.docs.values() if d.doc_id == doc_id), None)

    def match(self, expression: str, limit: int) -> list[tuple[int, float]]:
        """(rowid, bm25) for up to `limit` rows matching an FTS5 expression, restricted to the current
        corpus. Rows come in rowid order and only those are ranked: a very common term costs `limit`, not
        the size of the corpus."""
        with self.lock:
            cursor = self.db.execute("SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?", (expression,))
            out: list[tuple[int, float]] = []
            for rowid, score in cursor:
                if (rowid >> SHIFT) in self.docs:
                    out.append((rowid, score))
                    if len(out) >= limit:
                        break
            cursor.close()
        return out

    def ranked(self, expression: str, limit: int) -> list[int]:
        """Row ids of the `limit` best rows (BM25) for an FTS5 expression, best first; only for expressions
        of rare terms (every matching row is ranked)."""
        with self.lock:
            return [r for (r,) in self.db.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?", (expression, limit))]

    def row_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """How many sentences contain each term (any column), from FTS5's own vocabulary."""
        wanted = list(dict.fromkeys(terms))
        counts: dict[str, int] = {}
        with self.lock:
            for start in range(0, len(wanted), 200):
                part = wanted[start:start + 200]
                marks = ",".join("?" * len(part))
                counts.update(self.db.execute(f"SELECT term, doc FROM vocab WHERE term IN ({marks})", part))
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


def english_tokens(english: str) -> str:
    from qwen_reader.core.search.tokenize import pieces

    return " ".join(piece for piece, han in pieces(english) if not han) if english else ""


def cached_english(sentences: list[str]) -> list[str]:
    """English from the translation cache only (never a model call): the installed model's, else a cached
    gloss. Sentences nobody has translated yet get "" (English queries still reach them through the
    dictionary, see query.py)."""
    from qwen_reader.core.translate.packages import installed_models
    from qwen_reader.core.translate.service import open_cache

    keys = list({s.strip() for s in sentences if s.strip()})
    if not keys:
        return [""] * len(sentences)
    models = installed_models()
    cache = open_cache()
    found: dict[str, str] = {}
    try:
        for model in dict.fromkeys([*(m.model_id for m in models[:1]), "gloss:cedict"]):
            missing = [k for k in keys if k not in found]
            if missing:
                found.update(cache.get_many(model, missing))
    finally:
        cache.close()
    return [found.get(s.strip(), "") for s in sentences]


def english_for_corpus() -> EnglishSource:
    """One cache connection and one model lookup for a whole sync (cached_english opens them per call)."""
    from qwen_reader.core.translate.packages import installed_models
    from qwen_reader.core.translate.service import open_cache

    models = installed_models()
    model_ids = list(dict.fromkeys([*(m.model_id for m in models[:1]), "gloss:cedict"]))
    cache = open_cache()

    def lookup(sentences: list[str]) -> list[str]:
        keys = list({s.strip() for s in sentences if s.strip()})
        found: dict[str, str] = {}
        for model in model_ids:
            missing = [k for k in keys if k not in found]
            if missing:
                found.update(cache.get_many(model, missing))
        return [found.get(s.strip(), "") for s in sentences]

    return lookup


def searchable(kind: str) -> bool:
    """Boilerplate is indexed (a reader may look for it) but never offered as a related passage."""
    return kind not in (Kind.BOILERPLATE.value, Kind.SEPARATOR.value)
