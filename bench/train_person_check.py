"""Train the learned check on person names (tui/qwen_reader/core/entities/person_check.py) on folders of
hand-annotated articles, and measure it by cross-validation over the folders first.

    python bench/train_person_check.py FOLDER... [--out assets/entities_person_check.npy] [--folds 4]

Each FOLDER holds *.txt with a *.ann.jsonl beside each (as for bench/entities.py). Every name the recogniser
calls a person (with the check itself left out) is one example, labelled by whether the annotation holds that
name as a person in that document. Training is plain logistic regression with AdaGrad on the hashed features,
in a fixed order, so the same folders give the same weights. The folders are third-party text and stay local;
the weights are numbers only.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from qwen_reader.core.entities import person_check
from qwen_reader.core.entities.identity import to_simplified
from qwen_reader.core.entities.model import Source
from qwen_reader.core.entities.recognize import ALL_SOURCES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entities import cap_removed_copies, folder_set, recognised

REPO = Path(__file__).resolve().parents[1]
EPOCHS = 8
RATE = 0.3


class Example:
    __slots__ = ("evidenced", "features", "group", "label", "name")

    def __init__(self, group: str, name: str, features: list[int], label: int, evidenced: bool = False) -> None:
        self.group, self.name, self.features, self.label, self.evidenced = group, name, features, label, evidenced


def examples(folder: Path) -> tuple[list[Example], int]:
    """Every person candidate of a folder with its label, and how many gold people no candidate matched."""
    docs, gold, _ = folder_set(folder)
    cap_removed_copies(docs, gold)
    out: list[Example] = []
    missed = 0
    for doc in docs:
        wanted, chosen = recognised(doc, ALL_SOURCES - {"person-check", Source.LEARNED})
        texts = [doc.paragraphs[i].text for i in wanted]
        simplified = [to_simplified(t) for t in texts]
        want = Counter(text for text, kind in gold.get(doc.id, []) if kind == "person")
        evidenced = person_check.evidenced(chosen, simplified)
        for p, i, f in person_check.person_features(chosen, simplified):
            c = chosen[p][i]
            name = texts[p][c.start:c.end]
            label = int(want[name] > 0)
            want[name] -= label
            out.append(Example(f"{folder.name}/{doc.id}", name, f, label, simplified[p][c.start:c.end] in evidenced))
        missed += sum(n for n in want.values() if n > 0)
    return out, missed


def train(data: list[Example]) -> np.ndarray:
    w = np.zeros(person_check.DIMENSIONS)
    squares = np.full(person_check.DIMENSIONS, 1e-8)
    order = list(range(len(data)))
    for epoch in range(EPOCHS):
        random.Random(epoch).shuffle(order)
        for k in order:
            e = data[k]
            gradient = person_check.probability(w, e.features) - e.label
            squares[e.features] += gradient * gradient
            w[e.features] -= RATE * gradient / np.sqrt(squares[e.features])
    return w.astype(np.float32)


def kept(w: np.ndarray, data: list[Example]) -> list[bool]:
    """Which examples survive the check, deciding by name within each document with person_check's rule."""
    scores: defaultdict[str, defaultdict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    evidenced: defaultdict[str, set[str]] = defaultdict(set)
    for e in data:
        scores[e.group][e.name].append(person_check.probability(w, e.features))
        if e.evidenced:
            evidenced[e.group].add(e.name)
    gone = {(group, name) for group, by_name in scores.items()
            for name in person_check.dropped(by_name, evidenced[group])}
    return [(e.group, e.name) not in gone for e in data]


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "assets" / person_check.ASSET)
    parser.add_argument("--folds", type=int, default=4, help="cross-validation folds over the folders (0: none)")
    args = parser.parse_args()
    by_folder: dict[str, list[Example]] = {}
    missed = 0
    for folder in sorted(args.folders):
        by_folder[folder.name], m = examples(folder)
        missed += m
    names = sorted(by_folder)
    if args.folds > 1 and len(names) >= args.folds:
        tp = fp = tp_after = fp_after = 0
        for k in range(args.folds):
            held = set(names[k::args.folds])
            w = train([e for n in names if n not in held for e in by_folder[n]])
            test = [e for n in sorted(held) for e in by_folder[n]]
            for e, keep in zip(test, kept(w, test), strict=True):
                tp, fp = tp + e.label, fp + 1 - e.label
                tp_after, fp_after = tp_after + (e.label if keep else 0), fp_after + (1 - e.label if keep else 0)
        fn_after = missed + tp - tp_after
        print(f"{args.folds}-fold cross-validation over {len(names)} folders, person:")
        print(f"  without the check  P {tp / (tp + fp):.3f}  R {tp / (tp + missed):.3f}  F1 {f1(tp, fp, missed):.3f}")
        print(f"  with the check     P {tp_after / (tp_after + fp_after):.3f}  R {tp_after / (tp_after + fn_after):.3f}"
              f"  F1 {f1(tp_after, fp_after, fn_after):.3f}  (dropped {fp - fp_after} false, {tp - tp_after} true)")
    everything = [e for n in names for e in by_folder[n]]
    w = train(everything)
    np.save(args.out, w, allow_pickle=False)
    positive = sum(e.label for e in everything)
    print(f"trained on {len(everything)} person candidates ({positive} true) from {len(names)} folders -> {args.out}")
    print(f"weights: {np.count_nonzero(w)} of {w.size} non-zero, {math.fsum(abs(float(x)) for x in w):.1f} total")


if __name__ == "__main__":
    main()
