"""Small JSON stores for what the reader remembers across runs: settings and reading positions."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from qwen_reader.core.store.files import write_atomic
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
    """Whole or not at all; a read-only home (or a folder where the file should be) only loses the memory."""
    write_atomic(path, json.dumps(value, ensure_ascii=False, indent=1).encode())


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

    @staticmethod
    def _key(doc_path: str) -> str:
        # A file name that is not UTF-8 holds surrogates, which JSON cannot store: keep them as escapes.
        return os.path.abspath(doc_path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

    def get(self, doc_path: str) -> tuple[int, int] | None:
        entry = self.values.get(self._key(doc_path))
        if isinstance(entry, list) and len(entry) == 2 and all(isinstance(v, int) for v in entry):
            return entry[0], entry[1]
        return None

    def set(self, doc_path: str, paragraph: int, sentence: int) -> None:
        """Remember a position in memory; `flush` writes (on leaving, on quit, and on a timer), so moving
        the cursor never touches the disk."""
        key = self._key(doc_path)
        if self.values.get(key) != [paragraph, sentence]:
            self.values[key] = [paragraph, sentence]
            self.dirty = True

    def flush(self) -> None:
        if self.dirty:
            _write(self.path, self.values)
            self.dirty = False
