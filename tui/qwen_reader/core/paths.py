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


def bundled_seeds() -> Path:
    """The seeds shipped inside the wheel, or the checkout's seeds/ when running from source."""
    try:
        packaged = Path(str(resources.files("qwen_reader").joinpath("seeds")))
        if packaged.is_dir() and any(packaged.glob("*.txt")):
            return packaged
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[3] / "seeds"
