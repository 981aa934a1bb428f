"""A persistent cache of cleaned documents, so a second start skips files that did not change.

Entries are JSON (plain data with a format version), never pickles: a tampered cache file cannot run code. Each
entry carries a MAC made with a key kept outside the cache, so an entry that is truncated, altered or of another
version is ignored and the file is cleaned again; an entry that passes is then parsed lazily, article by article.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import os
import secrets
import sqlite3
from functools import partial
from pathlib import Path
from typing import Literal

import msgspec

from qwen_reader.core.store.paths import data_dir
from qwen_reader.core.text.model import Article, Document, RuleReport, Script

# Bump when cleaning or the model changes shape: old entries are then ignored, never misread.
PIPELINE_VERSION = 3
_SCRIPTS = {s.value: s for s in Script}


# The cached form, typed: msgspec checks every value's type while it parses (at C speed). A paragraph is
# (kind, text, written, sentence_ends, script, level, quoted, flags, credit), Paragraph.packed's order.
_Kind = Literal["heading", "body", "list_item", "quote", "caption", "byline", "boilerplate", "separator"]
_Script = Literal["simplified", "traditional", "mixed", "neutral"]
_Paragraph = tuple[_Kind, str, str | None, tuple[int, ...], _Script, int, bool,
                   tuple[tuple[int, int, str, str], ...], int]
_Report = tuple[RuleReport, ...]
# On loading, each article's paragraphs stay raw JSON and are parsed (and type-checked) on first use.
_LazyArticle = tuple[str, str, str, str, str, msgspec.Raw]
_Header = tuple[int, str, str, str, _Script, str, int, str, tuple[str, ...], _Report, list[_LazyArticle]]
_HEADER = msgspec.json.Decoder(_Header)
_PARAGRAPHS = msgspec.json.Decoder(list[_Paragraph])
_ENCODER = msgspec.json.Encoder()


def encode_document(doc: Document) -> bytes:
    """The document as compact JSON (what ingest workers send and the cache stores)."""
    return _ENCODER.encode(
        # The path as valid text (a non-UTF-8 name escaped): whoever loads the entry knows the real path.
        (PIPELINE_VERSION, doc.id, doc.display_path, doc.title, doc.script.value, doc.encoding, doc.size, doc.format,
         doc.flags, doc.report, [a.packed() for a in doc.articles]))


def decode_document(data: bytes | str) -> Document:
    """A document from `encode_document` output; ValueError for anything else (truncated, altered, another
    version: msgspec's DecodeError and ValidationError are ValueErrors)."""
    version, doc_id, path, title, script, encoding, size, fmt, flags, report, articles = _HEADER.decode(data)
    if version != PIPELINE_VERSION:
        raise ValueError("a cached document of another version")
    return Document(
        id=doc_id, path=path, title=title, script=_SCRIPTS[script], encoding=encoding, size=size, format=fmt,
        flags=flags, report=report,
        articles=tuple(Article.unpack((*a[:5], partial(_paragraphs, a[5]))) for a in articles),
    )


def _paragraphs(raw: msgspec.Raw) -> list[tuple]:  # type: ignore[type-arg]
    """An article's paragraphs on first use. Entries are authenticated when read (see DocumentCache.get), so
    this fails only on a bug; a paragraph list that does not parse then reads as empty, never as a crash."""
    try:
        paragraphs = _PARAGRAPHS.decode(raw)
    except ValueError:
        return []
    return [p for p in paragraphs if all(0 <= e <= len(p[1]) for e in p[3]) and p[8] <= len(p[1])]


def cache_key(path: Path) -> str:
    """The absolute path as valid text: a file name that is not UTF-8 keeps its bytes as \\xNN escapes (the
    surrogates Python uses for such names cannot be stored as SQLite text)."""
    name = os.path.abspath(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return "\0" + name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_KEY_BYTES = 32
_MAC_BYTES = 16


def _load_key(path: Path) -> bytes:
    """This installation's secret for authenticating cache entries, made on first use. It lives apart from the
    cache (in the data folder), so a cache file altered or brought from elsewhere cannot pass as ours."""
    try:
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(_KEY_BYTES)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    os.replace(tmp, path)
    return key


class DocumentCache:
    """SQLite keyed by absolute path; an entry counts only if size, mtime and pipeline version match, and its
    MAC shows this installation wrote it for this path (a keyed BLAKE2b over the key and the JSON)."""

    def __init__(self, path: Path, key_path: Path | None = None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self.note: str | None = None
        try:
            self._key = _load_key(key_path or data_dir() / "cache.key")
        except OSError as exc:
            self.note = f"document cache not used: its key cannot be kept ({exc.strerror or exc})"
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.DatabaseError) as exc:
            self._db = self._recover(exc)

    def _mac(self, key: str, blob: bytes | str) -> bytes:
        h = hashlib.blake2b(key=self._key, digest_size=_MAC_BYTES)
        h.update(key.encode("utf-8"))
        h.update(b"\0")
        h.update(blob if isinstance(blob, bytes) else blob.encode("utf-8"))
        return h.digest()

    def _open(self) -> sqlite3.Connection:
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            raise PermissionError(errno.EACCES, "permission denied", str(self.path))
        db = sqlite3.connect(self.path, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # A cache can lose its last writes in a power cut without harm; it must not cost a start.
            db.execute("PRAGMA synchronous=NORMAL")
            # Entries of older versions were pickles: never read again, and dropped.
            db.execute("DROP TABLE IF EXISTS documents")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                " version INTEGER, mac BLOB, blob BLOB)"
            )
            db.execute("SELECT count(*) FROM entries").fetchone()
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
        except (ValueError, RecursionError):
            return None  # tampered or truncated: the caller cleans the file again and replaces the entry

    def get_text(self, path: Path, size: int, mtime_ns: int) -> bytes | str | None:
        """The entry's JSON, only if its MAC is right: an altered, truncated or foreign entry reads as absent."""
        if self._db is None:
            return None
        key = cache_key(path)
        try:
            row = self._db.execute(
                "SELECT mac, blob FROM entries WHERE path=? AND size=? AND mtime_ns=? AND version=?",
                (key, size, mtime_ns, PIPELINE_VERSION),
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        if not row or not isinstance(row[0], bytes) or not isinstance(row[1], (bytes, str)):
            return None
        return row[1] if hmac.compare_digest(row[0], self._mac(key, row[1])) else None

    def put_text(self, path: Path, size: int, mtime_ns: int, text: bytes) -> None:
        """Store a document already encoded (by an ingest worker) with `encode_document`."""
        if self._db is None:
            return
        key = cache_key(path)
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute(
                "INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?,?)",
                (key, size, mtime_ns, PIPELINE_VERSION, self._mac(key, text), text),
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
