"""End to end: the installed `qwen-reader` in a real terminal (tmux), keys sent, the screen read back."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

from qwen_reader.core.store.paths import HOME_ENV

REPO_SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# The script installed beside this interpreter, by absolute path: a tmux server started elsewhere may have
# another PATH, and a venv's bin/ need not be on PATH at all. No skip: tmux is part of the test machine.
READER = shlex.quote(str(Path(sys.executable).parent / "qwen-reader"))


class Terminal:
    def __init__(self, home: Path, width: int, height: int, args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None) -> None:
        self.name = f"qr-{uuid.uuid4().hex[:8]}"
        # A server of its own (-L): when the last session of a shared server is killed, the server exits, and a
        # session started in that moment fails with "server exited unexpectedly" (seen in CI).
        self.tmux = ["tmux", "-L", self.name]
        self.done = home / "exit-code"
        # The command gets its environment explicitly: a tmux server that is already running would
        # otherwise hand the session its own environment, not ours.
        # COLUMNS/LINES (set by test runners) would override the pane size Textual reads.
        extra_env = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        command = (f"env -u COLUMNS -u LINES -u NO_COLOR {HOME_ENV}={shlex.quote(str(home))} TERM=xterm-256color "
                   f"{extra_env} {READER} {' '.join(shlex.quote(a) for a in args)}; echo $? > {self.done}")
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
                        command], check=True)

    def screen(self, *, escapes: bool = False) -> str:
        args = [*self.tmux, "capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name]
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout

    def exited(self, timeout: float = 15) -> str | None:
        deadline = time.monotonic() + timeout
        while not self.done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        return self.done.read_text().strip() if self.done.exists() else None

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


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
        assert term.exited() == "0"
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


def test_three_columns_from_150_terminal_columns(tmp_path: Path) -> None:
    # The README promises the other script in its own column at 150 columns and wider.
    for width, columns in ((149, 2), (150, 3)):
        term = Terminal(tmp_path / str(width), width, 40, args=(str(REPO_SEEDS / "002_6c259c40b0f607d2.txt"),))
        try:
            screen = term.wait_for("English — gloss")
            body = [line for line in screen.splitlines()[2:-3] if line.strip()]
            assert max(line.count("│") for line in body) == columns - 1, (width, screen)
        finally:
            term.close()


def test_no_color_gives_a_colourless_screen(tmp_path: Path) -> None:
    term = Terminal(tmp_path, 120, 30, args=(str(REPO_SEEDS / "003_8bdecda8eb2986dd.txt"),), env={"NO_COLOR": "1"})
    try:
        term.wait_for("English — gloss")
        term.keys("j")
        term.wait_for("sentence 2/")
        raw = term.screen(escapes=True)
        params = [code for sgr in re.findall(r"\x1b\[([0-9;]*)m", raw) for code in sgr.split(";") if code]
        # 30-37/40-47/90-97/100-107 name colours, 38/48 start 256-colour or RGB ones; 39/49 are defaults.
        colours = [c for c in params if c in ("38", "48") or (c.isdigit() and int(c) in
                   [*range(30, 38), *range(40, 48), *range(90, 98), *range(100, 108)])]
        assert colours == [], sorted(set(colours))
        assert "7" in params  # the cursor still shows, reversed
    finally:
        term.close()


def test_hostile_titles_show_literally_in_a_real_terminal(tmp_path: Path) -> None:
    from hostile import HOSTILE_TITLES, as_read, write_hostile_corpus

    write_hostile_corpus(tmp_path / "corpus")
    term = Terminal(tmp_path / "home", 150, 30, args=(str(tmp_path / "corpus"),))
    try:
        screen = term.wait_for("标题[/]不平衡")
        for title in HOSTILE_TITLES[:6]:  # the markup-like ones must appear character for character
            assert as_read(title) in screen, (title, screen)
        term.keys("Down", "Enter")  # the @click=app.screenshot title: opening it writes nothing
        screen = term.wait_for("点我[/]")
        assert "[@click=app.screenshot('x.svg','/tmp')]点我[/]" in screen
        term.keys("o", "Down", "Enter")  # the @click=app.quit title: the app stays up
        screen = term.wait_for("退出[/]")
        assert "[@click=app.quit]退出[/]" in screen and term.exited(timeout=1) is None
        term.keys("q")
        assert term.exited() == "0"
    finally:
        term.close()


def test_search_indexes_a_large_corpus_in_worker_processes_inside_the_reader(tmp_path: Path) -> None:
    # Enough documents for worker processes, started from the running reader (spawned, not forked: under
    # Textual, sys.stderr has no file descriptor, which once kept every worker from starting).
    from qwen_reader.core.search.writers import PARALLEL_MIN_DOCS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(PARALLEL_MIN_DOCS + 40):
        (corpus / f"d{n:04d}.txt").write_text(f"第{n}号通知\n\n银行行长周浩今天宣布辞职。\n\n今天的天气很好。\n",
                                              encoding="utf-8")
    term = Terminal(tmp_path / "home", 150, 40, args=(str(corpus),))
    try:
        term.wait_for("第0号通知")
        term.keys("Enter")
        term.wait_for("sentence 1/")
        term.keys("/")
        term.wait_for("search every document")
        term.keys("zhouhao")
        screen = term.wait_for("(pinyin)", timeout=60)
        assert "unavailable" not in screen and "银行行长周浩今天宣布辞职" in screen
    finally:
        term.close()
