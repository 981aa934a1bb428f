"""One shard of the search index: a SQLite file with the sentences of some documents and their FTS5 rows.

The index is split into shards so that several processes can write at once: SQLite allows one writer per
file, and writing the FTS5 rows is half of building an index. Everything here runs in a worker process as
well as in the reader's own, so it takes paths and plain values, never an open connection from elsewhere.

Columns of the FTS5 table `fts`, one row per sentence (tokens made in Python, see tokenize.py): `text`
(simplified CJK bigrams and Latin words, for phrases), `pinyin` (toneless syllables) and `english` (the
sentence's cached translation, when one exists). One-character queries use `docchars`, one row per document
holding each of its Han characters once: a document has some 600 distinct characters for 2,700 Han
characters of text, so this costs a quarter of the tokens a per-sentence column would. Both tables are
contentless; `sentences` keeps what is shown, and what is needed to delete a document's rows again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from qwen_reader.core.search.tokenize import columns, document_chars, english_tokens
from qwen_reader.core.text.model import Document

# Bump when tokens or the schema change: shards of another version are emptied (and the index rebuilt).
SHARD_VERSION = "4"
SHIFT = 20  # row id = document key << SHIFT | sentence index
MAX_SENTENCES = (1 << SHIFT) - 1
# FTS5 keeps this many bytes of new terms in memory before writing a segment: bigger means fewer merges.
HASH_BYTES = 32 << 20

# English for a list of sentences ("" where none is known).
EnglishSource = Callable[[list[str]], list[str]]
# What writing one document gives back: (key, characters, sentences).
Written = tuple[int, int, int]


def shard_path(main: Path, number: int) -> Path:
    return main.with_name(f"{main.stem}-{number}{main.suffix}")


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating as needed) a shard; one of another version is emptied first."""
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=60)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    found = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
    if found is None or found[0] != SHARD_VERSION:
        for table in ("fts", "docchars", "sentences", "vocab"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (SHARD_VERSION,))
    db.execute("CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY, paragraph INTEGER, kind TEXT,"
               " text TEXT, english TEXT)")
    if db.execute("SELECT 1 FROM sqlite_master WHERE name='fts'").fetchone() is None:
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(text, pinyin, english, tokenize='ascii', content='')")
        db.execute("INSERT INTO fts (fts, rank) VALUES ('hashsize', ?)", (HASH_BYTES,))
        db.execute("CREATE VIRTUAL TABLE docchars USING fts5(chars, tokenize='ascii', content='', detail=none)")
    # Per-term row counts (document frequencies) for ranking related passages.
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'row')")
    return db


def sentence_rows(document: Document) -> list[tuple[int, int, str, str]]:
    """(sentence index in the document, paragraph index, kind, text) in reading order, as the reader counts.
    Sliced from the sentence ends directly: building Sentence objects for millions of rows costs seconds."""
    rows: list[tuple[int, int, str, str]] = []
    for p, paragraph in enumerate(document.paragraphs):
        text, kind, start = paragraph.text, paragraph.kind.value, 0
        for end in paragraph.sentence_ends:
            rows.append((len(rows), p, kind, text[start:end]))
            start = end
    return rows[:MAX_SENTENCES]


def delete(db: sqlite3.Connection, key: int) -> None:
    """Remove a document's rows: a contentless FTS5 table needs the values it was given, rebuilt from the
    stored sentence text (tokenising is deterministic within one SHARD_VERSION)."""
    low, high = key << SHIFT, ((key + 1) << SHIFT) - 1
    old = db.execute("SELECT id, text, english FROM sentences WHERE id BETWEEN ? AND ?", (low, high)).fetchall()
    if old:
        db.executemany("INSERT INTO fts (fts, rowid, text, pinyin, english) VALUES ('delete', ?, ?, ?, ?)",
                       [(rowid, *columns(text), english_tokens(en)) for rowid, text, en in old])
        chars = document_chars([text for _, text, _ in old])
        if chars:
            db.execute("INSERT INTO docchars (docchars, rowid, chars) VALUES ('delete', ?, ?)", (key, chars))
        db.execute("DELETE FROM sentences WHERE id BETWEEN ? AND ?", (low, high))


def write(db: sqlite3.Connection, jobs: Sequence[tuple[int, Document]], english: EnglishSource) -> list[Written]:
    """Index documents under the given keys in one transaction (rows a crashed run left under a key are
    replaced)."""
    out: list[Written] = []
    db.execute("BEGIN")
    try:
        for key, document in jobs:
            delete(db, key)
            rows = sentence_rows(document)
            translations = english([text for _, _, _, text in rows])
            base = key << SHIFT
            db.executemany("INSERT INTO sentences VALUES (?,?,?,?,?)",
                           [(base | n, p, kind, text, en) for (n, p, kind, text), en in zip(rows, translations,
                                                                                            strict=True)])
            db.executemany("INSERT INTO fts (rowid, text, pinyin, english) VALUES (?,?,?,?)",
                           [(base | n, *columns(text), english_tokens(en))
                            for (n, _, _, text), en in zip(rows, translations, strict=True)])
            chars = document_chars([text for *_, text in rows])
            if chars:  # a document without Han text has no row here (and delete() skips it too)
                db.execute("INSERT INTO docchars (rowid, chars) VALUES (?, ?)", (key, chars))
            out.append((key, sum(len(text) for *_, text in rows), len(rows)))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return out


# A worker process keeps its shard connection and its English lookup from one batch to the next (a pool
# lives for one sync): opening them per batch cost a second or two of a large build.
_worker_state: dict[str, tuple[sqlite3.Connection, EnglishSource]] = {}


def write_in_worker(path: str, jobs: list[tuple[int, Document]]) -> list[Written]:
    """Worker entry point: one batch into one shard, English from the translation cache."""
    from qwen_reader.core.search.english_cache import CachedEnglish

    state = _worker_state.get(path)
    if state is None:
        state = _worker_state[path] = (connect(Path(path)), CachedEnglish())
    db, english = state
    return write(db, jobs, english)
