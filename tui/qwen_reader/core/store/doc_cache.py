"""A persistent cache of cleaned documents, so a second start skips files that did not change."""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
from pathlib import Path

from qwen_reader.core.text.model import Document

# Bump when cleaning or the model changes shape: old entries are then ignored, never misread.
PIPELINE_VERSION = 1


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
        db = sqlite3.connect(self.path, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        # A cache can lose its last writes in a power cut without harm; it must not cost a start.
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(
            "CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
            " version INTEGER, blob BLOB)"
        )
        db.execute("SELECT count(*) FROM documents").fetchone()
        db.commit()
        return db

    def _recover(self, exc: Exception) -> sqlite3.Connection | None:
        """A corrupt cache is moved aside and rebuilt; the cache is only ever an optimisation."""
        try:
            if self.path.exists():
                self.path.replace(self.path.with_suffix(".corrupt"))
            self.note = f"document cache was unreadable ({exc}); moved aside and rebuilt"
            return self._open()
        except (OSError, sqlite3.DatabaseError):
            self.note = f"document cache disabled: {exc}"
            return None

    def get(self, path: Path, size: int, mtime_ns: int) -> Document | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT blob FROM documents WHERE path=? AND size=? AND mtime_ns=? AND version=?",
                (os.path.abspath(path), size, mtime_ns, PIPELINE_VERSION),
            ).fetchone()
            return pickle.loads(row[0]) if row else None
        except (sqlite3.DatabaseError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            return None

    def put_blob(self, path: Path, size: int, mtime_ns: int, blob: bytes) -> None:
        """Store a document already pickled (by an ingest worker)."""
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?)",
                (os.path.abspath(path), size, mtime_ns, PIPELINE_VERSION, blob),
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
