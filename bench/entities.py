"""Entity recognition benchmark: precision, recall and F1 per kind against hand annotations, what each
source contributes (leave-one-out ablation and mentions found per source), and tagging speed beside a
baseline (jieba's segmentation of the same text) measured in the same run.

    python bench/entities.py FOLDER          # *.txt with a *.ann.jsonl beside each (coverage: *coverage.json)
    python bench/entities.py --seeds         # the bundled seeds against tests/fixtures/entities_seeds_gold.jsonl
    python bench/entities.py --seeds --speed # also time tagging the seed corpus
    add --errors to list missed and spurious mentions by kind (to read errors by family)
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from qwen_reader.core.entities.model import Candidate, Source
from qwen_reader.core.entities.recognize import (
    ALL_SOURCES,
    FAMILIES,
    SKIPPED_KINDS,
    recognize,
    recognize_texts,
    tokenize,
    warm,
)
from qwen_reader.core.entities.scoring import KINDS, Score, cap_copies, load_gold, score
from qwen_reader.core.library import open_corpus
from qwen_reader.core.store.paths import HOME_ENV
from qwen_reader.core.text.model import Document

REPO = Path(__file__).resolve().parents[1]
SEED_GOLD = REPO / "tests" / "fixtures" / "entities_seeds_gold.jsonl"
SEED_COVERAGE = REPO / "tests" / "fixtures" / "entities_seeds_coverage.json"
GOALS = {"person": 0.85, "org": 0.85, "place": 0.8, "product": 0.6}


def folder_set(folder: Path) -> tuple[list[Document], dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
    texts = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".ann.jsonl").exists())
    if not texts:
        sys.exit(f"no *.txt with a *.ann.jsonl beside it in {folder}")
    corpus = open_corpus(texts, use_cache=False)
    gold: dict[str, list[tuple[str, str]]] = {}
    for path in texts:
        for row in load_gold(path.with_suffix(".ann.jsonl")):
            gold.setdefault(path.stem, []).append((str(row["text"]), str(row["kind"])))
    coverage: dict[str, list[str]] = {}
    for candidate in [*folder.glob("*coverage.json"), *folder.parent.glob("*coverage.json")]:
        data = json.loads(candidate.read_text(encoding="utf-8"))
        coverage.update({k: v for k, v in data.items() if not k.startswith("_") and isinstance(v, list)})
    return corpus.documents, gold, coverage


def seed_set() -> tuple[list[Document], dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
    corpus = open_corpus(None, use_cache=False)
    gold_rows = load_gold(SEED_GOLD)
    coverage_raw = json.loads(SEED_COVERAGE.read_text(encoding="utf-8"))
    gold: dict[str, list[tuple[str, str]]] = {}
    coverage: dict[str, list[str]] = {}
    for doc in corpus.documents:
        prefix = doc.id.split("_")[0]
        gold[doc.id] = [(str(r["text"]), str(r["kind"])) for r in gold_rows if r["doc"] == prefix]
        coverage[doc.id] = coverage_raw.get(prefix, [])
    return corpus.documents, gold, coverage


def cap_removed_copies(docs: list[Document], gold: dict[str, list[tuple[str, str]]]) -> None:
    for doc in docs:
        raw = Path(doc.path).read_text(encoding="utf-8", errors="replace")
        cleaned = "\n".join(p.text for p in doc.paragraphs)
        gold[doc.id] = cap_copies(raw, cleaned, gold.get(doc.id, []))


def recognised(doc: Document, sources: frozenset[str]) -> tuple[list[int], list[list[Candidate]]]:
    """The paragraphs recognition reads (indices, as `recognize` picks them) and each one's candidates: what the
    trainers of the learned layers see."""
    wanted = [i for i, p in enumerate(doc.paragraphs) if p.kind not in SKIPPED_KINDS and p.text.strip()]
    return wanted, recognize_texts([doc.paragraphs[i].text for i in wanted], sources)


def run(docs: list[Document], gold: dict[str, list[tuple[str, str]]], coverage: dict[str, list[str]],
        sources: frozenset[str] = ALL_SOURCES) -> tuple[Score, Counter[str]]:
    predicted: dict[str, list[tuple[str, str]]] = {}
    by_source: Counter[str] = Counter()
    for doc in docs:
        mentions = recognize(doc, sources)
        predicted[doc.id] = [(m.text, m.kind) for m in mentions]
        wanted = Counter(gold.get(doc.id, ()))
        for m in mentions:
            if wanted[(m.text, m.kind)] > 0:
                wanted[(m.text, m.kind)] -= 1
                by_source[m.source] += 1
    return score(predicted, gold, coverage), by_source


def table(name: str, result: Score) -> None:
    print(f"\n{name}")
    print(f"  {'kind':<8} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>5} {'fp':>5} {'fn':>5}  goal")
    for kind in KINDS:
        t = result.kinds[kind]
        if not (t.tp or t.fp or t.fn):
            continue
        goal = GOALS.get(kind)
        mark = "" if goal is None else f"{goal:.2f} {'ok' if t.f1 >= goal else 'BELOW'}"
        print(f"  {kind:<8} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}  {t.tp:5d} {t.fp:5d} {t.fn:5d}  {mark}")


def ablation(docs: list[Document], gold: dict[str, list[tuple[str, str]]], coverage: dict[str, list[str]],
             full: Score, by_source: Counter[str]) -> None:
    print("\n  what each source contributes (correct mentions it found in the full run; F1 without it)")
    kinds = ("person", "org", "product", "place")
    print(f"  {'source':<12} {'found':>6}  " + "  ".join(f"{k:>8}" for k in kinds))
    print(f"  {'(all)':<12} {'':>6}  " + "  ".join(f"{full.kinds[k].f1:8.3f}" for k in kinds))
    for source in Source:
        without, _ = run(docs, gold, coverage, ALL_SOURCES - {source})
        deltas = "  ".join(f"{without.kinds[k].f1 - full.kinds[k].f1:+8.3f}" for k in kinds)
        print(f"  -{source.value:<11} {by_source[source]:6d}  {deltas}")
    print("\n  rule families and lists inside those sources (F1 without each; correct mentions it found: tp lost)")
    for family, what in FAMILIES.items():
        without, _ = run(docs, gold, coverage, ALL_SOURCES - {family})
        lost = sum(full.kinds[k].tp - without.kinds[k].tp for k in kinds)
        deltas = "  ".join(f"{without.kinds[k].f1 - full.kinds[k].f1:+8.3f}" for k in kinds)
        print(f"  -{family:<14} {lost:4d}  {deltas}  {what}")


def errors(result: Score) -> None:
    for label, counter in (("missed", result.missed), ("spurious", result.spurious)):
        print(f"\n  {label}:")
        by_kind: dict[str, list[str]] = {}
        for (_doc, kind, text), n in sorted(counter.items()):
            by_kind.setdefault(kind, []).append(f"{text}×{n}" if n > 1 else text)
        for kind, items in by_kind.items():
            print(f"    {kind}: {' '.join(items)}")


def speed(docs: list[Document], runs: int = 5) -> None:
    texts = [p.text for d in docs for p in d.paragraphs]
    t0 = time.perf_counter()
    warm()
    warm_s = time.perf_counter() - t0
    tag_times, cut_times = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            tokenize(text)
        cut_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for d in docs:
            recognize(d)
        tag_times.append(time.perf_counter() - t0)
    chars = sum(len(t) for t in texts)
    tag, cut = statistics.median(tag_times), statistics.median(cut_times)
    print(f"\nspeed over {len(docs)} documents, {chars:,} characters, median of {runs} runs")
    print(f"  loading tables (warm-up): {warm_s:.2f} s")
    print(f"  baseline jieba cut:       {cut:.3f} s")
    print(f"  entity tagging:           {tag:.3f} s  ({tag / cut:.1f}x the cut; goal < 1 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--seeds", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--no-ablation", action="store_true")
    args = parser.parse_args()
    if not args.seeds and args.folder is None:
        parser.error("give a FOLDER or --seeds")
    if HOME_ENV not in os.environ:  # a home of its own, removed at exit
        home = tempfile.TemporaryDirectory(prefix="qwen-reader-bench-")
        atexit.register(home.cleanup)
        os.environ[HOME_ENV] = home.name
    sets = []
    if args.seeds:
        sets.append(("seeds", *seed_set()))
    if args.folder is not None:
        sets.append((str(args.folder), *folder_set(args.folder)))
    warm()
    for name, docs, gold, coverage in sets:
        cap_removed_copies(docs, gold)
        result, by_source = run(docs, gold, coverage)
        table(f"{name}: {len(docs)} documents, {sum(len(g) for g in gold.values())} gold mentions", result)
        if not args.no_ablation:
            ablation(docs, gold, coverage, result, by_source)
        if args.errors:
            errors(result)
        if args.speed:
            speed(docs)


if __name__ == "__main__":
    main()
