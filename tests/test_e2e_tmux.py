"""End to end: the installed `qwen-reader` in a real terminal (tmux), keys sent, the screen read back."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from qwen_reader.core.store.paths import HOME_ENV

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None or shutil.which("qwen-reader") is None,
                                reason="needs tmux and the installed qwen-reader script")


# The installed script, by absolute path: a tmux server started elsewhere may have another PATH.
READER = shlex.quote(shutil.which("qwen-reader") or "qwen-reader")


class Terminal:
    def __init__(self, home: Path, width: int, height: int) -> None:
        self.name = f"qr-{uuid.uuid4().hex[:8]}"
        self.done = home / "exit-code"
        # The command gets its environment explicitly: a tmux server that is already running would
        # otherwise hand the session its own environment, not ours.
        # COLUMNS/LINES (set by test runners) would override the pane size Textual reads.
        command = (f"env -u COLUMNS -u LINES {HOME_ENV}={shlex.quote(str(home))} TERM=xterm-256color {READER}; "
                   f"echo $? > {self.done}")
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
                        command], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True,
                              check=True).stdout

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def test_read_a_seed_in_a_real_terminal(tmp_path: Path) -> None:
    term = Terminal(tmp_path, 160, 45)
    try:
        screen = term.wait_for("国产 AI 峰会发言摘录")  # the document list
        assert "traditional" in screen and "simplified" in screen
        term.keys("Enter")
        term.wait_for("English — gloss (CC-CEDICT), not a translation")
        screen = term.wait_for("技术负责人")  # converted; the screen repaints as the gloss arrives
        assert "技術負責人" in screen  # as written, and converted
        assert "sentence 1/" in screen
        term.keys("p")
        screen = term.wait_for("+ pinyin")
        assert "jì shù" in screen
        term.keys("j", "j")
        term.wait_for("sentence 3/")
        term.keys("q")
        deadline = time.monotonic() + 15
        while not term.done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert term.done.read_text().strip() == "0"
    finally:
        term.close()


def test_narrow_terminal_shows_one_chinese_column(tmp_path: Path) -> None:
    term = Terminal(tmp_path, 100, 40)
    try:
        term.wait_for("国产 AI 峰会发言摘录")
        term.keys("Down", "Enter")
        screen = term.wait_for("English — gloss")
        assert "简体 simplified (as written)" in screen and "繁體" not in screen.split("\n")[1]
        for line in screen.splitlines()[2:-3]:
            assert line.count("│") <= 1
    finally:
        term.close()
