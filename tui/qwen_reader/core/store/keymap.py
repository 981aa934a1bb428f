"""The user's key remapping: `keymap.toml` in the config folder, binding id = "key[,key...]"."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from qwen_reader.core.store.paths import config_dir

_KEY = re.compile(r"^[A-Za-z0-9_+\-]+(,[A-Za-z0-9_+\-]+)*$")


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def load_keymap(known_ids: set[str], path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """(id -> keys, problems). A missing file is no keymap; a bad file or entry is a one-line problem and
    is otherwise ignored, so a typo never stops the reader."""
    path = path or keymap_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"keymap {path} ignored: {exc}"]
    table = data.get("keymap", data)
    keymap: dict[str, str] = {}
    problems: list[str] = []
    if not isinstance(table, dict):
        return {}, [f"keymap {path} ignored: expected a [keymap] table"]
    for binding_id, keys in table.items():
        if binding_id not in known_ids:
            problems.append(f"keymap: unknown binding id {binding_id!r}")
        elif not isinstance(keys, str) or not _KEY.match(keys.replace(" ", "")):
            problems.append(f"keymap: {binding_id} = {keys!r} is not a list of key names")
        else:
            keymap[binding_id] = keys.replace(" ", "")
    return keymap, problems
