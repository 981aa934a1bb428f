"""Entity tagging on pathological paragraphs: one very long line of each shape a scraped page can hold (a list
of company names separated by 、, clauses full of names, a run of digits), beside a jieba cut of the same text.
Each shape is written here from a few words of this file, so the text is ours; lengths double per step so a
rule that grows with the square of the length shows as a ratio near 4 from one step to the next.

    python bench/long_lines.py [--code PATH/TO/tui]   # --code: measure another checkout in a fresh process

Last line: `long_line_s: X` (tagging time of the longest list line).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, random, sys, time
import jieba
from qwen_reader.core.entities.recognize import recognize_texts

def shapes(n):
    rng = random.Random(0)
    names = ["腾讯", "阿里巴巴", "京东", "灵犀互娱", "网易", "百度", "美团", "建灏地产", "泛海"]
    clauses = ["腾讯公司宣布，", "李明表示，", "北京市场", "阿里巴巴集团控股有限公司董事局主席", "深圳房地产集团"]
    return {"list": "、".join(rng.choice(names) for _ in range(n)),
            "clauses": "".join(rng.choice(clauses) for _ in range(n)),
            "digits": "1" * (n * 5)}

recognize_texts(["腾讯公司宣布，李明表示。"])  # warm: lists, models, tables, jieba's dictionary
list(jieba.cut("腾讯公司宣布"))
out = []
for n in (250, 500, 1000, 2000):
    for shape, text in shapes(n).items():
        start = time.perf_counter(); list(jieba.cut(text)); cut = time.perf_counter() - start
        start = time.perf_counter(); recognize_texts([text]); tag = time.perf_counter() - start
        out.append([shape, len(text), cut, tag])
print(json.dumps(out))
"""


def measure(code: Path) -> list[list[object]]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--code", type=Path, default=REPO / "tui", help="the tui/ folder of the checkout to measure")
    args = parser.parse_args()
    random.seed(0)
    rows = measure(args.code.resolve())
    print(f"entity tagging of one long paragraph ({args.code}), beside a jieba cut of the same text")
    print(f"  {'shape':8} {'chars':>7} {'jieba cut':>10} {'tagging':>9} {'x cut':>7}")
    for shape, chars, cut, tag in rows:
        print(f"  {shape:8} {chars:7,} {cut:9.3f}s {tag:8.3f}s {tag / max(cut, 1e-6):7.1f}")
    longest = max((r for r in rows if r[0] == "list"), key=lambda r: r[1])
    print(f"long_line_s: {longest[3]:.2f}")


if __name__ == "__main__":
    main()
