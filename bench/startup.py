"""Startup benchmark: launch to the first painted reading screen, beside a bare Textual app.

Both run as fresh processes, headless, and report the moment their first screen is painted; medians over
several runs, measured side by side in the same run. Last line: `startup_ratio: X` (goal: X <= 1.5).
Also: the time to redraw after `j` on the longest seed, beside the same key on a bare app.

    python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time

from qwen_reader.core.library import open_corpus
from qwen_reader.core.store.paths import HOME_ENV, bundled_seeds

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("one static line")
    def on_mount(self):
        self.call_after_refresh(self.ready)
    def ready(self):
        import os, time
        os.write(2, f"QWEN_READER_READY {time.time():.6f}\\n".encode())
        os._exit(0)

Bare().run(headless=True)
"""


def launch(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process to its first painted screen (the app reports the moment)."""
    start = time.time()
    out = subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ready = [line for line in out.stderr.splitlines() if line.startswith("QWEN_READER_READY ")]
    if not ready:
        raise RuntimeError(f"{argv} never reported its first screen: {out.stderr[-500:]}")
    return float(ready[-1].split()[1]) - start


async def redraw_times(presses: int) -> tuple[float, float]:
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Static

    from qwen_reader.ui.app import ReaderApp

    longest = max(bundled_seeds().glob("*.txt"), key=lambda p: p.stat().st_size)
    corpus = open_corpus([longest], use_cache=False)

    class BareKeys(App[None]):
        BINDINGS = [Binding("j", "bump", "bump")]
        count = 0

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("0", id="n")

        def action_bump(self) -> None:
            self.count += 1
            self.query_one("#n", Static).update(str(self.count))

    async def measure(app: App[None]) -> float:
        times = []
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            for _ in range(presses):
                start = time.perf_counter()
                await pilot.press("j")
                await pilot.pause()
                times.append(time.perf_counter() - start)
        return statistics.median(times)

    return await measure(ReaderApp(corpus)), await measure(BareKeys())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    longest = max(bundled_seeds().glob("*.txt"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, HOME_ENV: home, "QWEN_READER_BENCH_EXIT": "1"}
        # As an installed program runs: with compiled bytecode (pip writes it at install time; this
        # machine's PYTHONDONTWRITEBYTECODE would otherwise recompile an editable checkout every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        reader = [sys.executable, "-m", "qwen_reader", str(longest)]
        launch(reader, env)  # fills the document cache: the runs below are ordinary (second) starts
        bare_times, reader_times, cold_times = [], [], []
        for _ in range(args.runs):
            bare_times.append(launch([sys.executable, "-c", BARE_APP], env))
            reader_times.append(launch(reader, env))
            cold_times.append(launch([*reader, "--no-cache"], env))
    bare, warm, cold = (statistics.median(x) for x in (bare_times, reader_times, cold_times))
    # Each reader run is paired with the bare run just before it: the median of those ratios is steadier
    # on a shared machine than a ratio of medians.
    paired = statistics.median(r / b for r, b in zip(reader_times, bare_times, strict=True))
    print(f"first screen, median of {args.runs} runs ({longest.name}, {longest.stat().st_size:,} bytes)")
    print(f"  bare Textual app, one static line   {bare:7.3f} s")
    print(f"  qwen-reader, reading screen          {warm:7.3f} s")
    print(f"  qwen-reader, reading screen, no cache {cold:6.3f} s")
    reader_j, bare_j = asyncio.run(redraw_times(30))
    print(f"redraw after j (median of 30): reader {reader_j * 1000:.1f} ms, bare app {bare_j * 1000:.1f} ms")
    print(f"ratio of medians {warm / bare:.2f}; median of paired ratios {paired:.2f}")
    print(f"startup_ratio: {paired:.2f}")


if __name__ == "__main__":
    main()
