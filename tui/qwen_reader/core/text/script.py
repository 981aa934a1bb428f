"""Which script a text is written in, and conversion between scripts (OpenCC, the pure-Python port)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from qwen_reader.core.store.files import write_atomic
from qwen_reader.core.text.model import Script

# Share of script-specific characters above which a text counts as one script rather than mixed.
_DOMINANT = 0.85


def _read_table(name: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    text = resources.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = values.split()
    return table


@lru_cache(maxsize=1)
def _script_only_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Characters that exist in only one script: a simplified form that converts away, and vice versa."""
    st = _read_table("STCharacters.txt")
    ts = _read_table("TSCharacters.txt")
    simplified = frozenset(k for k, v in st.items() if len(k) == 1 and k not in v)
    traditional = frozenset(k for k, v in ts.items() if len(k) == 1 and k not in v)
    return simplified, traditional


_SIMPLIFIED_MARK, _TRADITIONAL_MARK = 1, 2
_TABLE_SIZE = 0x30000  # the BMP and the CJK extension planes; anything above has no script marker


@lru_cache(maxsize=1)
def _marker_array():  # type: ignore[no-untyped-def]
    import numpy as np

    simplified, traditional = _script_only_chars()
    table = np.zeros(_TABLE_SIZE, dtype=np.uint8)
    table[[ord(c) for c in simplified if ord(c) < _TABLE_SIZE]] = _SIMPLIFIED_MARK
    table[[ord(c) for c in traditional if ord(c) < _TABLE_SIZE]] = _TRADITIONAL_MARK
    return table


def script_counts_many(texts: list[str]) -> list[tuple[int, int]]:
    """(simplified-only, traditional-only) character counts for each text, in one vectorised pass:
    ingest is bound by this, and a per-character Python loop or str.translate costs several times more."""
    import numpy as np

    if not texts:
        return []
    joined = "".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    marks = _marker_array()[np.minimum(codes, _TABLE_SIZE - 1)]
    simplified = np.concatenate(([0], np.cumsum(marks == _SIMPLIFIED_MARK)))
    traditional = np.concatenate(([0], np.cumsum(marks == _TRADITIONAL_MARK)))
    bounds = np.concatenate(([0], np.cumsum([len(t) for t in texts])))
    s_counts = np.diff(simplified[bounds])
    t_counts = np.diff(traditional[bounds])
    return list(zip(s_counts.tolist(), t_counts.tolist(), strict=True))


def script_counts(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character counts."""
    return script_counts_many([text])[0]


def script_of_counts(simplified: int, traditional: int) -> Script:
    total = simplified + traditional
    if not total:
        return Script.NEUTRAL
    if simplified / total >= _DOMINANT:
        return Script.SIMPLIFIED
    if traditional / total >= _DOMINANT:
        return Script.TRADITIONAL
    return Script.MIXED


def detect_script(text: str) -> Script:
    return script_of_counts(*script_counts(text))


# OpenCC configurations offered to the reader: (config, label, target script).
CONVERSIONS: dict[str, tuple[str, Script]] = {
    "s2t": ("Simplified → Traditional", Script.TRADITIONAL),
    "s2tw": ("Simplified → Traditional (Taiwan)", Script.TRADITIONAL),
    "s2twp": ("Simplified → Traditional (Taiwan, with phrases)", Script.TRADITIONAL),
    "s2hk": ("Simplified → Traditional (Hong Kong)", Script.TRADITIONAL),
    "t2s": ("Traditional → Simplified", Script.SIMPLIFIED),
    "tw2s": ("Traditional (Taiwan) → Simplified", Script.SIMPLIFIED),
    "tw2sp": ("Traditional (Taiwan, with phrases) → Simplified", Script.SIMPLIFIED),
    "hk2s": ("Traditional (Hong Kong) → Simplified", Script.SIMPLIFIED),
}


def available_conversions() -> list[str]:
    """The configurations this installation of opencc-python-reimplemented actually ships."""
    config_dir = resources.files("opencc").joinpath("config")
    return [name for name in CONVERSIONS if config_dir.joinpath(f"{name}.json").is_file()]


@lru_cache(maxsize=8)
def _converter(config: str):  # type: ignore[no-untyped-def]
    """An OpenCC converter. Parsing its text dictionaries takes ~60 ms on every start, so the parsed tables
    (plain dicts and tuples) are kept with marshal in the user cache and loaded from there next time."""
    import marshal

    from opencc import OpenCC

    from qwen_reader.core.store.paths import cache_dir

    dictionaries = resources.files("opencc").joinpath("dictionary")
    stamp = max(int(Path(str(p)).stat().st_mtime_ns) for p in dictionaries.iterdir())
    cached = cache_dir() / f"opencc-{config}-{stamp}.marshal"
    try:
        converter = OpenCC()
        converter.conversion = config
        converter._dict_chain_data = marshal.loads(cached.read_bytes())
        converter._dict_init_done = True
        return converter
    except (OSError, ValueError, EOFError, TypeError):
        pass
    converter = OpenCC(config)
    with contextlib.suppress(ValueError):  # a table marshal cannot write is simply not kept
        write_atomic(cached, marshal.dumps(converter._dict_chain_data))
    return converter


def convert(text: str, config: str) -> str:
    """Convert with an OpenCC configuration; the result has the same length when only characters change."""
    if config not in CONVERSIONS:
        raise ValueError(f"unknown conversion {config!r}; choose from {', '.join(CONVERSIONS)}")
    return str(_converter(config).convert(text))


def changed_positions(original: str, converted: str) -> list[int]:
    """Offsets in `converted` of characters the conversion changed (phrase conversions may change length,
    in which case only the aligned prefix is compared)."""
    return [i for i, (a, b) in enumerate(zip(original, converted, strict=False)) if a != b]


def convert_protected(text: str, config: str, spans: Iterable[tuple[int, int]],
                      written: Callable[[int, int], str] | None = None) -> str:
    """Convert `text` except inside `spans` ((start, end) offsets, e.g. recognised names): 林俊旸 stays 林俊旸
    in the traditional column instead of becoming 林俊暘. The text between spans is converted piece by piece;
    `written(start, end)`, when given, says how a protected span is written in the target script."""
    pieces: list[str] = []
    at = 0
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start < at or end <= start:
            continue  # overlapping or empty spans protect nothing more
        if start > at:
            pieces.append(convert(text[at:start], config))
        pieces.append(written(start, end) if written is not None else text[start:end])
        at = end
    if at < len(text):
        pieces.append(convert(text[at:], config))
    return "".join(pieces)
