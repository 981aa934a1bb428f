"""Where user state lives. QWEN_READER_HOME redirects all of it (tests never touch the real home)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

HOME_ENV = "QWEN_READER_HOME"
_APP = "qwen-reader"


def _base(kind: str) -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / kind
    return Path(getattr(platformdirs, f"user_{kind}_dir")(_APP, appauthor=False))


def cache_dir() -> Path:
    return _base("cache")


def data_dir() -> Path:
    return _base("data")


def config_dir() -> Path:
    return _base("config")


# The checkout's root when running from source (tui/qwen_reader/core/store/paths.py -> the repository).
_SOURCE_ROOT = Path(__file__).resolve().parents[4]


def _bundled(name: str) -> Path:
    """A folder shipped inside the wheel (qwen_reader/<name>), or the checkout's <name>/ when running from
    source (an editable install maps the package to tui/, where those folders are not)."""
    try:
        packaged = Path(str(resources.files("qwen_reader").joinpath(name)))
        if packaged.is_dir() and any(packaged.iterdir()):
            return packaged
    except (ModuleNotFoundError, TypeError):
        pass
    return _SOURCE_ROOT / name


def bundled_seeds() -> Path:
    """The seeds shipped inside the wheel, or the checkout's seeds/ when running from source."""
    return _bundled("seeds")


def bundled_asset(name: str) -> Path:
    """A data file from assets/ (gazetteers, word lists)."""
    return _bundled("assets") / name
