"""A 50 MB document in the reader: open, first paint, `G` and `g` latency, peak memory.

Beside it, in the same run, the same keys on the longest seed (the baseline a reader feels as instant), and
the process's memory before the reader opens. Each case runs in a fresh process (headless Textual).

    python bench/huge.py [--mb 50] [--runs 3] [--code PATH/TO/tui]   # --code: measure another checkout

Last line: `G_latency_s: X` (median over runs, on the large document).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import asyncio, json, resource, sys, time
from pathlib import Path

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

async def main(folder, prefix):
    from qwen_reader.core.library import open_corpus
    from qwen_reader.ui.app import ReaderApp

    t0 = time.perf_counter()
    corpus = open_corpus([Path(folder)], use_cache=False)
    loaded = time.perf_counter() - t0
    before = rss_mb()
    app = ReaderApp(corpus)
    out = {"load_s": loaded, "rss_before_mb": before}
    async with app.run_test(size=(160, 45)) as pilot:
        doc = next(d for d in corpus.documents if d.id.startswith(prefix))
        t0 = time.perf_counter()
        app.open_document(doc.id)
        while type(app.screen).__name__ != "ReadingScreen":
            await pilot.pause()
        await pilot.pause()
        out["open_s"] = time.perf_counter() - t0
        screen = app.screen
        # Keys are timed once the English (here the gloss) has started to arrive: loading its dictionary
        # holds the interpreter for a few seconds whatever the document. The gloss goes on filling the
        # column in the background while the keys are timed.
        while not getattr(screen, "english", None):
            await pilot.pause(0.05)
        # What a key costs the reader: its action, then painting every line of the columns it shows.
        # (Pilot's press waits for the whole process to go idle, which the background gloss never lets
        # it do, so the key is timed from the action itself.)
        view = screen.query_one("AlignedView")
        for key, action in (("G", screen.action_bottom), ("g", screen.action_top), ("G", screen.action_bottom)):
            t0 = time.perf_counter()
            action()
            for y in range(view.size.height):
                view.render_line(y)
            out[f"{key}_s"] = time.perf_counter() - t0
            await pilot.pause(0.05)
        nav = screen.navigator
        out["at_end"] = nav.index == len(nav.order) - 1
        out["sentences"] = len(nav.order)
        out["peak_rss_mb"] = rss_mb()
        app.exit()
    print("RESULT " + json.dumps(out))

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def make_document(folder: Path, megabytes: int) -> Path:
    paragraph = "阿里巴巴正式宣布成立新的事业群,林俊旸在社交平台宣布离职。这是一个测试句子,用来衡量阅读器的速度。" * 3
    path = folder / "huge.txt"
    with open(path, "w", encoding="utf-8") as fh:
        written, n = 0, 0
        while written < megabytes * 1_000_000:
            # Numbered paragraphs: identical runs would be dropped by cleaning as repeated copies.
            chunk = "".join(f"第{i}段。{paragraph}\n\n" for i in range(n, n + 2000))
            n += 2000
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
    return path


def run(folder: Path, prefix: str, code: str | None) -> dict[str, float]:
    env = dict(os.environ, QWEN_READER_HOME=tempfile.mkdtemp(prefix="qr-huge-"))
    env.pop("ARGOS_PACKAGES_DIR", None)
    if code:
        env["PYTHONPATH"] = code
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), prefix], capture_output=True, text=True,
                         env=env, timeout=1800)
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])  # type: ignore[no-any-return]
    raise SystemExit(f"child failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", help="a checkout's tui/ folder to measure instead of the installed code")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big"
        big.mkdir()
        path = make_document(big, args.mb)
        size_mb = path.stat().st_size / 1e6
        seeds = REPO / "seeds"
        results: dict[str, list[dict[str, float]]] = {"seed 004": [], f"huge {size_mb:.0f} MB": []}
        for _ in range(args.runs):  # alternate the two cases, so machine noise hits both alike
            results["seed 004"].append(run(seeds, "004", args.code))
            results[f"huge {size_mb:.0f} MB"].append(run(big, "huge", args.code))
    keys = ("load_s", "open_s", "G_s", "g_s", "rss_before_mb", "peak_rss_mb")
    print(f"{'case':<14}" + "".join(f"{k:>15}" for k in keys) + f"{'sentences':>12}")
    for case, rows in results.items():
        med = {k: statistics.median(r[k] for r in rows) for k in keys}
        assert all(r["at_end"] for r in rows), f"{case}: G did not reach the last sentence"
        print(f"{case:<14}" + "".join(f"{med[k]:>15.3f}" for k in keys) + f"{int(rows[0]['sentences']):>12}")
    huge = results[f"huge {size_mb:.0f} MB"]
    seed = results["seed 004"]
    print(f"file size: {size_mb:.1f} MB; medians of {args.runs} runs; G on the large document is "
          f"{statistics.median(r['G_s'] for r in huge) / statistics.median(r['G_s'] for r in seed):.1f}x the seed's")
    print(f"G_latency_s: {statistics.median(r['G_s'] for r in huge):.3f}")


if __name__ == "__main__":
    main()
