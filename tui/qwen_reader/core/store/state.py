"""Small JSON stores for what the reader remembers across runs: settings and reading positions."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from qwen_reader.core.store.paths import config_dir, data_dir

DEFAULT_SETTINGS: dict[str, Any] = {
    "to_traditional": "s2t",
    "to_simplified": "t2s",
    "pinyin": False,
    # Which script the main Chinese column shows: "as_written", "simplified" or "traditional".
    "primary": "as_written",
}


def _read(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write(path: Path, value: dict[str, Any]) -> None:
    """Atomic replace, so a crash never leaves half a file; a read-only home (or a folder where the file
    should be) only loses the memory, and never leaves a temporary file behind."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            return
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        stored = _read(self.path)
        self.values = {k: stored.get(k, v) for k, v in DEFAULT_SETTINGS.items()}

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value
        _write(self.path, self.values)


class Positions:
    """Reading position per document file (keyed by absolute path)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "positions.json"
        self.values = _read(self.path)
        self.dirty = False

    def get(self, doc_path: str) -> tuple[int, int] | None:
        entry = self.values.get(os.path.abspath(doc_path))
        if isinstance(entry, list) and len(entry) == 2 and all(isinstance(v, int) for v in entry):
            return entry[0], entry[1]
        return None

    def set(self, doc_path: str, paragraph: int, sentence: int) -> None:
        """Remember a position in memory; `flush` writes (on leaving, on quit, and on a timer), so moving
        the cursor never touches the disk."""
        key = os.path.abspath(doc_path)
        if self.values.get(key) != [paragraph, sentence]:
            self.values[key] = [paragraph, sentence]
            self.dirty = True

    def flush(self) -> None:
        if self.dirty:
            _write(self.path, self.values)
            self.dirty = False
