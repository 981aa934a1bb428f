"""A persistent cache of each document's entity mentions (plain JSON rows in SQLite), so a second start
does not tag again. Keyed by a digest of the document's paragraph texts and the recogniser's version."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from pathlib import Path


class EntityCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.DatabaseError):
            # A cache is only an optimisation: an unreadable one is moved aside, then left off.
            with contextlib.suppress(OSError, sqlite3.DatabaseError):
                if path.exists():
                    path.replace(path.with_suffix(".corrupt"))
                self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=5)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY, rows TEXT)")
        db.execute("SELECT count(*) FROM mentions").fetchone()
        return db

    @staticmethod
    def key(texts: list[str], version: str) -> str:
        digest = hashlib.sha1(version.encode())
        for text in texts:
            digest.update(text.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def get(self, key: str) -> list[list[object]] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT rows FROM mentions WHERE key=?", (key,)).fetchone()
            return json.loads(row[0]) if row else None
        except (sqlite3.DatabaseError, ValueError):
            return None

    def put(self, key: str, rows: list[list[object]]) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute("INSERT OR REPLACE INTO mentions VALUES (?, ?)",
                             (key, json.dumps(rows, ensure_ascii=False)))
            self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.DatabaseError):
                self._db.close()
            self._db = None
