"""The import contract: core/ never imports Textual or Rich, and the headless CLI path neither."""

import pkgutil
import subprocess
import sys

import pytest

import qwen_reader.core

CORE_MODULES = sorted(m.name for m in pkgutil.walk_packages(qwen_reader.core.__path__, "qwen_reader.core."))


def test_the_contract_covers_every_core_package() -> None:
    # A new package under core/ is checked as soon as it exists: walk_packages must see each folder.
    folders = {name.split(".")[2] for name in CORE_MODULES}
    assert {"text", "reading", "store", "translate", "entities", "search"} <= folders


@pytest.mark.parametrize("module", [*CORE_MODULES, "qwen_reader.cli"])
def test_module_imports_no_ui_library(module: str) -> None:
    code = (f"import sys, {module};"
            "bad = [m for m in ('textual', 'rich') if m in sys.modules];"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imported {out.stdout.strip()}"
