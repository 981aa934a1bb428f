"""Persistent translation cache: SQLite keyed by model id (name and version) and the exact source sentence.

Every batch is committed as soon as it is translated, so a killed process keeps every finished sentence.
A cache file that cannot be read is moved aside and rebuilt; `note` says so once.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class TranslationCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.note: str | None = None
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            self._db = self._recover(exc)
        except OSError as exc:
            self.note = f"translation cache disabled: {exc}"
            self._db = None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS translations (model TEXT, source TEXT, english TEXT,"
                   " PRIMARY KEY (model, source))")
        db.execute("SELECT count(*) FROM translations").fetchone()
        db.commit()
        return db

    def _recover(self, exc: Exception) -> sqlite3.Connection | None:
        try:
            for suffix in ("", "-wal", "-shm"):
                side = Path(str(self.path) + suffix)
                if side.exists():
                    side.replace(Path(str(self.path) + ".corrupt" + suffix))
            self.note = f"the translation cache was unreadable ({exc}); it was moved aside and rebuilt"
            return self._open()
        except (OSError, sqlite3.DatabaseError) as again:
            self.note = f"translation cache disabled: {again}"
            return None

    def get_many(self, model: str, sources: list[str]) -> dict[str, str]:
        if self._db is None or not sources:
            return {}
        found: dict[str, str] = {}
        with self._lock:
            try:
                for start in range(0, len(sources), 500):
                    part = sources[start:start + 500]
                    marks = ",".join("?" * len(part))
                    rows = self._db.execute(
                        f"SELECT source, english FROM translations WHERE model=? AND source IN ({marks})",
                        (model, *part)).fetchall()
                    found.update(rows)
            except sqlite3.DatabaseError:
                return found
        return found

    def put_many(self, model: str, pairs: list[tuple[str, str]]) -> None:
        if self._db is None or not pairs:
            return
        with self._lock:
            try:
                self._db.executemany("INSERT OR REPLACE INTO translations VALUES (?,?,?)",
                                     [(model, s, e) for s, e in pairs])
                self._db.commit()
            except sqlite3.DatabaseError:
                pass

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
            self._db = None
