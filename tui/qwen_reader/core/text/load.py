"""Find article files and decode them; one bad file never stops the others.

Nothing here writes to a source file: files are opened read-only and read once.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from qwen_reader.core.errors import LoadError
from qwen_reader.core.text.decode import Decoded, decode
from qwen_reader.core.text.formats import SUFFIXES
from qwen_reader.core.text.model import Document, LoadProblem, printable

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

    def problem(path: Path | str, reason: str) -> None:
        problems.append(LoadProblem(printable(str(path)), reason))

    def add(path: Path) -> bool:
        """Add a regular file; anything else (a link loop, a FIFO, a device, a folder) is a problem."""
        try:
            st = path.stat()  # follows links: a link to /dev/zero is a device here
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            problem(path, _stat_reason(exc, path))
            return False
        if stat.S_ISDIR(st.st_mode):
            problem(path, "a folder named like a text file holding no readable files")
            return False
        if not stat.S_ISREG(st.st_mode):
            problem(path, f"not a regular file ({_file_type(st.st_mode)})")
            return False
        if resolved not in seen:
            seen.add(resolved)
            sources.append(Source(path, st.st_size, st.st_mtime_ns))
        return True

    for root in paths:
        if not os.path.lexists(root):
            problem(root, "no such file or folder")
        elif root.is_dir():
            found = False
            # os.walk never follows links to folders, so a link cycle among folders cannot trap it.
            for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: problem(
                    str(e.filename), f"cannot list folder: {e.strerror}")):
                base = Path(dirpath)
                for d in list(dirnames):
                    # A folder named foo.txt is searched like any folder; if it holds nothing, say so.
                    if d.lower().endswith(SUFFIXES) and not _holds_files(base / d):
                        problem(base / d, "a folder named like a text file holding no readable files")
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        found = add(base / name) or found
            if not found and not any(p.path.startswith(printable(str(root))) for p in problems):
                problem(root, "no text, page or feed files in this folder")
        else:
            # A file named explicitly is read whatever its suffix: the user asked for it.
            add(root)
    return sources, problems


def _holds_files(folder: Path) -> bool:
    try:
        return any(name.lower().endswith(SUFFIXES) for _, _, names in os.walk(folder) for name in names)
    except OSError:
        return False


def _stat_reason(exc: OSError | RuntimeError, path: Path) -> str:
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return "a symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        return "a symbolic link to nothing" if path.is_symlink() else "no such file"
    return f"cannot read: {exc.strerror or exc}"


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, in bounded time and memory: opened without blocking (a FIFO put in the file's place
    cannot hang it), only a regular file is read, and never more than MAX_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise LoadError("is a folder")
            if not stat.S_ISREG(st.st_mode):
                raise LoadError(f"not a regular file ({_file_type(st.st_mode)})")
            if st.st_size > MAX_BYTES:
                raise LoadError(f"too large to open ({st.st_size / 1e6:.0f} MB; the limit is "
                                f"{MAX_BYTES // 10**6} MB)")
            data = fh.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise LoadError(f"too large to open (over {MAX_BYTES // 10**6} MB)")
            return data
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError("is a folder") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError("a symbolic link loop") from exc
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
