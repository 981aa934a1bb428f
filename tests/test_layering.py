import subprocess
import sys


def test_core_imports_no_ui_library() -> None:
    code = (
        "import sys, qwen_reader.core.library, qwen_reader.core.report_text, qwen_reader.cli;"
        "bad = [m for m in ('textual', 'rich') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core (or the headless CLI path) imported {out.stdout.strip()}"
