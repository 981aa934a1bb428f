"""The gloss over the five seeds: how much Chinese is left in the English, what the most frequent words become,
and how long it takes, beside the old gloss when a checkout of it is given.

    python bench/gloss.py [--old /path/to/old/checkout] [--top 30]

`--old` runs the gloss of another checkout (its tui/ on PYTHONPATH, in a subprocess) on the same sentences:
the "before" figures. Prints CJK runs left in the English (count and sentences with any), then a table of the
most frequent words (by this gloss's segmentation) with their English now and before, then ms per sentence.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")

# Run in the old checkout: its gloss of each sentence, and of each word alone (its gloss had no context).
OLD = r"""
import json, sys
try:
    from qwen_reader.core.translate.gloss import gloss
except ImportError:
    from qwen_reader.core.translate.engines import gloss
import time
data = json.loads(sys.stdin.read())
gloss(data["sentences"][0])
times, english = [], []
for s in data["sentences"]:
    start = time.perf_counter()
    english.append(gloss(s))
    times.append(time.perf_counter() - start)
print(json.dumps({"sentences": english, "words": [gloss(w) for w in data["words"]], "times": times}))
"""
# Words issue 12 named, shown whatever their rank.
NAMED = ["月", "后", "一个", "让", "开源", "不是", "腾讯", "通義千問", "時", "當", "卻", "歲", "林俊旸"]


def seed_sentences() -> list[str]:
    from qwen_reader.core.library import open_corpus
    from qwen_reader.core.translate.service import translatable

    corpus = open_corpus([REPO / "seeds"], use_cache=False)
    return list(dict.fromkeys(t.strip() for d in corpus.documents for _, _, t in translatable(d) if t.strip()))


def cjk_runs(texts: list[str]) -> tuple[int, int]:
    runs = [len(CJK.findall(t)) for t in texts]
    return sum(runs), sum(1 for r in runs if r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", type=Path, help="a checkout whose gloss is the baseline (e.g. main at 0c4239b)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("QWEN_READER_HOME", str(Path("/tmp") / "qr-bench-gloss"))

    from qwen_reader.core.translate.gloss import gloss, pieces, render

    sentences = seed_sentences()
    gloss(sentences[0])  # load the dictionary outside the timing
    times, english, per_word = [], [], Counter()
    seen: dict[str, Counter[str]] = {}
    for s in sentences:
        start = time.perf_counter()
        items = pieces(s)
        english.append(render(items))
        times.append(time.perf_counter() - start)
        for p in items:
            if CJK.search(p.source):
                per_word[p.source] += 1
                seen.setdefault(p.source, Counter())[p.english or "(dropped)"] += 1
    top = [w for w, _ in per_word.most_common(args.top)]
    asked = top + [w for w in NAMED if w not in top]

    old: dict[str, list[str]] | None = None
    if args.old is not None:
        env = {**os.environ, "PYTHONPATH": str(args.old / "tui")}
        out = subprocess.run([sys.executable, "-c", OLD], input=json.dumps({"sentences": sentences, "words": asked}),
                             capture_output=True, text=True, env=env, cwd=str(args.old), timeout=1800)
        if out.returncode != 0:
            sys.exit(f"the old gloss failed: {out.stderr[-1000:]}")
        old = json.loads(out.stdout.strip().splitlines()[-1])

    print(f"{len(sentences)} seed sentences (all five seeds, boilerplate left out)")
    runs, with_runs = cjk_runs(english)
    if old is not None:
        old_runs, old_with = cjk_runs(old["sentences"])
        print(f"CJK runs left in the English: before {old_runs} (in {old_with} sentences), "
              f"now {runs} (in {with_runs} sentences)")
    else:
        print(f"CJK runs left in the English: {runs} (in {with_runs} sentences)")
    print()
    print(f"| # | word | count | gloss now | {'gloss before |' if old else ''}")
    print(f"|---|---|---|---|{'---|' if old else ''}")
    for n, word in enumerate(top, 1):
        now = " / ".join(e for e, _ in seen[word].most_common(2))
        before = f" {old['words'][n - 1]} |" if old else ""
        print(f"| {n} | {word} | {per_word[word]} | {now} |{before}")
    print()
    print("Words issue 12 named (in a seed sentence where they occur, else alone):")
    print(f"| word | count | gloss now | {'gloss before |' if old else ''}")
    print(f"|---|---|---|{'---|' if old else ''}")
    for word in NAMED:
        now = " / ".join(e for e, _ in seen[word].most_common(2)) if word in seen else gloss(word)
        before = f" {old['words'][asked.index(word)]} |" if old else ""
        print(f"| {word} | {per_word.get(word, 0)} | {now} |{before}")
    print()
    print(f"gloss time per sentence: median {statistics.median(times) * 1000:.2f} ms, "
          f"max {max(times) * 1000:.1f} ms" + (f" (before: median {statistics.median(old['times']) * 1000:.2f} ms, "
                                                f"max {max(old['times']) * 1000:.1f} ms)" if old else ""))
    leftovers = [e for e in english if CJK.search(e)]
    for e in leftovers[:5]:
        print("left in Chinese:", e[:150])


if __name__ == "__main__":
    main()
