"""The bundled seeds ship with the package and are byte-for-byte the corpus; lint stays clean."""

import subprocess
import sys
from pathlib import Path

import pytest

import qwen_reader
from conftest import REPO, SEEDS
from qwen_reader.core.store.paths import bundled_seeds


def test_bundled_seeds_are_the_corpus_byte_for_byte() -> None:
    bundled = bundled_seeds()
    names = sorted(p.name for p in bundled.glob("*.txt"))
    assert names == sorted(p.name for p in SEEDS.glob("*.txt")) and len(names) == 5
    for name in names:
        assert (bundled / name).read_bytes() == (SEEDS / name).read_bytes()
    shared = REPO.parent / "shared" / "seeds"
    if shared.is_dir():
        for name in names:
            assert (shared / name).read_bytes() == (SEEDS / name).read_bytes()


def test_installed_package_finds_seeds_inside_itself() -> None:
    package_dir = Path(qwen_reader.__file__).resolve().parent
    if package_dir == REPO / "tui" / "qwen_reader":
        pytest.skip("on purpose: running from the source tree (editable install); CI installs a real wheel")
    assert package_dir in bundled_seeds().resolve().parents


def test_ruff_is_clean() -> None:
    # The test extra installs ruff into this interpreter's environment: run it from there, never skip.
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "tui", "tests", "bench"], cwd=REPO,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_subpackage_ships_in_the_wheel() -> None:
    """pyproject lists packages explicitly (seeds and assets are mapped in); a new folder must be listed."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(REPO / "tui").parts)
        for p in (REPO / "tui").rglob("__init__.py")
    }
    assert found <= listed, f"missing from pyproject packages: {sorted(found - listed)}"
