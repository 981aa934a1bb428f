"""Find article files and decode them; one bad file never stops the others.

Nothing here writes to a source file: files are opened read-only and read once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from qwen_reader.core.errors import LoadError
from qwen_reader.core.text.decode import Decoded, decode
from qwen_reader.core.text.model import Document, LoadProblem

SUFFIXES = (".txt", ".md")
# Generous, but a reader should not try to hold a disk image in memory.
MAX_BYTES = 200 * 1024 * 1024

@dataclass(frozen=True, slots=True)
class Source:
    """A file found on disk, with the identity used for caching."""

    path: Path
    size: int
    mtime_ns: int


def discover(paths: list[Path]) -> tuple[list[Source], list[LoadProblem]]:
    """Expand files and folders (recursively) into article sources, sorted within each folder."""
    sources: list[Source] = []
    problems: list[LoadProblem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        try:
            resolved = path.resolve()
            if resolved in seen:
                return
            seen.add(resolved)
            st = path.stat()
        except OSError as exc:
            problems.append(LoadProblem(str(path), f"cannot read: {exc.strerror or exc}"))
            return
        sources.append(Source(path, st.st_size, st.st_mtime_ns))

    for root in paths:
        if not root.exists():
            problems.append(LoadProblem(str(root), "no such file or folder"))
        elif root.is_dir():
            found = False
            for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: problems.append(
                    LoadProblem(str(e.filename), f"cannot list folder: {e.strerror}"))):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        found = True
                        add(Path(dirpath) / name)
            if not found:
                problems.append(LoadProblem(str(root), "no .txt or .md files in this folder"))
        else:
            # A file named explicitly is read whatever its suffix: the user asked for it.
            add(root)
    return sources, problems


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"too large to open ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // 10**6} MB)")
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError("is a folder") from exc
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from exc


def load_text(path: Path) -> Decoded:
    """Read and decode one file, or raise LoadError with a one-line reason."""
    data = read_bytes(path)
    if not data:
        raise LoadError("empty file")
    decoded = decode(data)
    if not decoded.text.strip():
        raise LoadError("only whitespace, no text")
    return decoded


def raw_text(document: Document) -> str:
    """The whole file as written, decoded as at load time. Read again from disk rather than kept: the file
    is the source of truth and is never written, and a large corpus should not hold it twice."""
    return read_bytes(Path(document.path)).decode(document.encoding, errors="replace")
