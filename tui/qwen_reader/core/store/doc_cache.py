"""A persistent cache of cleaned documents, so a second start skips files that did not change.

Entries are JSON (plain data with a format version), never pickles: a tampered cache file cannot run code, and
an entry that is truncated, altered or of another version is ignored and the file is cleaned again.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
from pathlib import Path

from qwen_reader.core.text.model import Article, Document, RuleReport, Script

# Bump when cleaning or the model changes shape: old entries are then ignored, never misread.
PIPELINE_VERSION = 3
_KINDS = frozenset(("heading", "body", "list_item", "quote", "caption", "byline", "boilerplate", "separator"))
_SCRIPTS = {s.value: s for s in Script}


def encode_document(doc: Document) -> str:
    """The document as compact JSON text (what ingest workers send and the cache stores)."""
    return json.dumps(
        # The path as valid text (a non-UTF-8 name escaped): whoever loads the entry knows the real path.
        [PIPELINE_VERSION, doc.id, doc.display_path, doc.title, doc.script.value, doc.encoding, doc.size, doc.format,
         list(doc.flags), [[r.rule, r.count, r.removed_chars, list(r.examples)] for r in doc.report],
         [a.packed() for a in doc.articles]],
        ensure_ascii=False, separators=(",", ":"), check_circular=False,
    )


def decode_document(text: str | bytes) -> Document:
    """A document from `encode_document` text; ValueError (or TypeError) for anything else.

    Every value is checked here, paragraphs included, so a document that loads cannot fail later when a
    paragraph is first shown."""
    values = json.loads(text)
    if not isinstance(values, list) or len(values) != 11 or values[0] != PIPELINE_VERSION:
        raise ValueError("not a cached document of this version")
    _, doc_id, path, title, script, encoding, size, fmt, flags, report, articles = values
    _need(all(isinstance(v, str) for v in (doc_id, path, title, encoding, fmt)) and type(size) is int)
    _need(isinstance(flags, list) and all(isinstance(f, str) for f in flags))
    _need(isinstance(articles, list) and isinstance(report, list))
    for a in articles:
        _need(isinstance(a, list) and len(a) == 6 and all(isinstance(v, str) for v in a[:5]))
        _need(isinstance(a[5], list) and all(map(_paragraph_ok, a[5])))
    return Document(
        id=doc_id, path=path, title=title, script=_SCRIPTS[script], encoding=encoding, size=size, format=fmt,
        flags=tuple(flags),
        report=tuple(RuleReport(r, c, n, tuple(map(str, ex))) for r, c, n, ex in report),
        articles=tuple(Article.unpack(a) for a in articles),
    )


def _paragraph_ok(p: object) -> bool:
    # kind, text, written, sentence_ends, script, level, quoted, flags, credit (Paragraph.packed's order)
    return (type(p) is list and len(p) == 9 and p[0] in _KINDS and type(p[1]) is str
            and type(p[8]) is int and 0 <= p[8] <= len(p[1])
            and (p[2] is None or type(p[2]) is str) and type(p[3]) is list and p[4] in _SCRIPTS
            and type(p[5]) is int and type(p[6]) is bool and type(p[7]) is list
            and all(type(e) is int and 0 <= e <= len(p[1]) for e in p[3])
            and all(type(f) is list and len(f) == 4 for f in p[7]))


def _need(ok: bool) -> None:
    if not ok:
        raise ValueError("malformed cached document")


def cache_key(path: Path) -> str:
    """The absolute path as valid text: a file name that is not UTF-8 keeps its bytes as \\xNN escapes (the
    surrogates Python uses for such names cannot be stored as SQLite text)."""
    name = os.path.abspath(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return "\0" + name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class DocumentCache:
    """SQLite keyed by absolute path; an entry counts only if size, mtime and pipeline version match."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self.note: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.DatabaseError) as exc:
            self._db = self._recover(exc)

    def _open(self) -> sqlite3.Connection:
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            raise PermissionError(errno.EACCES, "permission denied", str(self.path))
        db = sqlite3.connect(self.path, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # A cache can lose its last writes in a power cut without harm; it must not cost a start.
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                " version INTEGER, blob BLOB)"
            )
            db.execute("SELECT count(*) FROM documents").fetchone()
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def _recover(self, exc: Exception) -> sqlite3.Connection | None:
        """A corrupt cache is deleted and rebuilt (it is only ever an optimisation). One that cannot be read
        or written for lack of permission is left exactly as it is, and this run goes without a cache."""
        if _is_permission_problem(exc, self.path):
            self.note = f"document cache not used: permission denied on {self.path} (left as it is)"
            return None
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    Path(str(self.path) + suffix).unlink()
            self.note = f"document cache was corrupt ({exc}); rebuilt"
            return self._open()
        except (OSError, sqlite3.DatabaseError) as again:
            self.note = f"document cache disabled: {again}"
            return None

    def get(self, path: Path, size: int, mtime_ns: int) -> Document | None:
        text = self.get_text(path, size, mtime_ns)
        if text is None:
            return None
        try:
            return decode_document(text)
        except (ValueError, TypeError, KeyError, IndexError, RecursionError):
            return None  # tampered or truncated: the caller cleans the file again and replaces the entry

    def get_text(self, path: Path, size: int, mtime_ns: int) -> str | bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT blob FROM documents WHERE path=? AND size=? AND mtime_ns=? AND version=?",
                (cache_key(path), size, mtime_ns, PIPELINE_VERSION),
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    def put_text(self, path: Path, size: int, mtime_ns: int, text: str) -> None:
        """Store a document already encoded (by an ingest worker) with `encode_document`."""
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?)",
                (cache_key(path), size, mtime_ns, PIPELINE_VERSION, text),
            )

    def flush(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.DatabaseError):
                self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self.flush()
            self._db.close()
            self._db = None


def _is_permission_problem(exc: Exception, path: Path) -> bool:
    if isinstance(exc, PermissionError):
        return True
    if isinstance(exc, sqlite3.OperationalError):
        # SQLite reports a file it may not open or write as "unable to open" / "readonly": check the file itself.
        folder = path.parent
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            return True
        return folder.exists() and not os.access(folder, os.W_OK | os.X_OK)
    return False
