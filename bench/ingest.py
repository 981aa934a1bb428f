"""Ingest benchmark: load, clean and segment 2,000 generated documents; then a second, cached start.

Baseline measured in the same run: reading and decoding the same files only (the floor for any ingest), with
the same number of processes as the ingest uses (like with like: a pool of N workers against a pool of N
workers, or one process against one). Prints medians over several runs; the last line is `ingest_mb_s: X`
(goal: X >= 5). The cached start runs in one process on both sides of any comparison (it cleans nothing).

    python bench/ingest.py [--docs 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from qwen_reader.core.library import open_corpus
from qwen_reader.core.store.paths import HOME_ENV, bundled_seeds
from qwen_reader.core.text import ingest
from qwen_reader.core.text.load import discover, load_text


def seed_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(bundled_seeds().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.extend(p for p in text.split("\n") if p.strip())
    return paragraphs


def generate(folder: Path, docs: int, rng: random.Random) -> int:
    """Documents of 20-80 seed paragraphs in seed order from a random start (damage and all)."""
    paragraphs = seed_paragraphs()
    total = 0
    for i in range(docs):
        start = rng.randrange(len(paragraphs))
        count = rng.randint(20, 80)
        body = "\n\n".join(paragraphs[(start + k) % len(paragraphs)] for k in range(count))
        data = body.encode("utf-8")
        (folder / f"{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def _decoded_chars(path: str) -> int:
    return len(load_text(Path(path)).text)


def workers_for(jobs: int) -> int:
    """How many processes open_corpus uses for this many files (ingest.build_all's rule)."""
    workers = min(os.cpu_count() or 1, 8)
    return workers if workers >= 2 and jobs >= ingest.PARALLEL_MIN_FILES else 1


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus_dir = Path(tmp) / "corpus"
        corpus_dir.mkdir()
        size = generate(corpus_dir, args.docs, random.Random(7))
        mb = size / 1e6
        workers = workers_for(args.docs)
        print(f"corpus: {args.docs} documents, {mb:.1f} MB; {workers} process(es) on both sides of the first start")

        def read_only() -> None:
            sources, _ = discover([corpus_dir])
            paths = [str(s.path) for s in sources]
            if workers == 1:
                for path in paths:
                    _decoded_chars(path)
                return
            with ProcessPoolExecutor(workers) as pool:
                sum(pool.map(_decoded_chars, paths, chunksize=16))

        floor, cold, warm, touch = [], [], [], []
        for run in range(args.runs):
            os.environ[HOME_ENV] = str(Path(tmp) / f"home{run}")
            floor.append(timed(read_only))
            cold.append(timed(lambda: open_corpus([corpus_dir])))
            corpus = open_corpus([corpus_dir])
            assert corpus.cache_hits == args.docs, "second start should reuse every unchanged file"
            warm.append(timed(lambda: open_corpus([corpus_dir])))
            # Paragraphs of cached documents are unpacked on first use (opening, indexing): measured apart.
            touch.append(timed(lambda c=corpus: sum(len(d.paragraphs) for d in c.documents)))

        f, c, w, t = (statistics.median(x) for x in (floor, cold, warm, touch))
        print(f"{'':28}{'median s':>10}{'MB/s':>10}")
        print(f"{'baseline: read + decode':28}{f:>10.3f}{mb / f:>10.1f}")
        print(f"{'first start: full ingest':28}{c:>10.3f}{mb / c:>10.1f}")
        print(f"{'second start: cached':28}{w:>10.3f}{mb / w:>10.1f}")
        print(f"{'unpack every paragraph':28}{t:>10.3f}   (paid later, on first use of each document)")
        print(f"ingest_vs_baseline: {c / f:.1f}x slower; cached_start_speedup: {c / w:.1f}x")
        print(f"second_start_s: {w:.3f}")
        print(f"ingest_mb_s: {mb / c:.1f}")


if __name__ == "__main__":
    main()
