"""Train the learned spans model (tui/qwen_reader/core/entities/learned_spans.py) on folders of hand-annotated
articles with python-crfsuite, and measure it on folders it was not trained on first.

    python bench/train_learned_spans.py FOLDER... [--out assets/entities_learned_spans.npz]
        [--folds 4]                  # cross-validation over the folders before the final training
        [--held-out FOLDER...]       # or: train on FOLDERs, score these (nothing is written)

Each FOLDER holds *.txt with a *.ann.jsonl beside each (as for bench/entities.py); every annotation row's
context (8 characters each side) places it in the cleaned document. The recogniser runs with the model left
out; each paragraph is one training sequence of per-character features (learned_spans.features) and gold BIO
labels. The folders are third-party text and stay local; the asset holds hashed feature ids and their weights.
Needs python-crfsuite (`pip install python-crfsuite`), which the reader itself does not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qwen_reader.core.entities import lac, learned_spans
from qwen_reader.core.entities.identity import to_simplified
from qwen_reader.core.entities.model import Candidate, Source
from qwen_reader.core.entities.recognize import ALL_SOURCES
from qwen_reader.core.entities.scoring import load_gold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entities import cap_removed_copies, folder_set, recognised

REPO = Path(__file__).resolve().parents[1]
PARAMETERS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}
NAME_KINDS = tuple(k.value for k in learned_spans.KINDS)


@dataclass
class Paragraph:
    text: str  # as written
    simplified: str
    chosen: list[Candidate]
    words: list[lac.Span]
    labels: list[str]


@dataclass
class Article:
    folder: str
    paragraphs: list[Paragraph]
    gold: list[tuple[str, str]]  # (text, kind), as bench/entities.py scores


def _placed(text: str, rows: list[dict[str, object]]) -> tuple[list[tuple[int, int, str]], int]:
    """Gold spans in the joined cleaned text, by each row's context; and how many rows could not be placed."""
    out: list[tuple[int, int, str]] = []
    used: set[int] = set()
    lost = 0
    for row in rows:
        surface, context = str(row["text"]), str(row.get("context") or "")
        left, _, right = context.partition("|")
        at = text.find(left + surface + right)
        while at >= 0 and at + len(left) in used:
            at = text.find(left + surface + right, at + 1)
        if at < 0:
            lost += 1
            continue
        used.add(at + len(left))
        out.append((at + len(left), at + len(left) + len(surface), str(row["kind"])))
    return out, lost


def articles(folder: Path) -> tuple[list[Article], int]:
    docs, gold, _ = folder_set(folder)
    cap_removed_copies(docs, gold)
    out: list[Article] = []
    lost = 0
    for doc in docs:
        joined = "\n".join(p.text for p in doc.paragraphs)
        placed, n = _placed(joined, load_gold(folder / f"{doc.id}.ann.jsonl"))
        lost += n
        wanted, chosen = recognised(doc, ALL_SOURCES - {Source.LEARNED})
        simplified = [to_simplified(doc.paragraphs[i].text) for i in wanted]
        paragraphs: list[Paragraph] = []
        offset = {i: sum(len(p.text) + 1 for p in doc.paragraphs[:i]) for i in wanted}
        for i, s, found, words in zip(wanted, simplified, chosen, lac.words(simplified), strict=True):
            labels = ["O"] * len(s)
            for start, end, kind in placed:
                a, b = start - offset[i], end - offset[i]
                if kind in NAME_KINDS and 0 <= a < b <= len(s):
                    labels[a] = f"B-{kind}"
                    labels[a + 1:b] = [f"I-{kind}"] * (b - a - 1)
            paragraphs.append(Paragraph(doc.paragraphs[i].text, s, found, words, labels))
        out.append(Article(folder.name, paragraphs, gold.get(doc.id, [])))
    return out, lost


def train(data: list[Article]) -> learned_spans.Model:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for article in data:
        for p in article.paragraphs:
            ids = learned_spans.features(p.simplified, p.chosen, p.words)
            trainer.append([[str(int(x)) for x in row] for row in ids], p.labels)
    trainer.set_params(PARAMETERS)
    with tempfile.TemporaryDirectory() as tmp:
        trainer.train(str(Path(tmp) / "model.crfsuite"))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(Path(tmp) / "model.crfsuite"))
        info = tagger.info()
        tagger.close()
    column = {label: k for k, label in enumerate(learned_spans.LABELS)}
    ids = np.array(sorted({int(attr) for attr, _ in info.state_features}), dtype=np.uint64)
    row = {int(x): k for k, x in enumerate(ids)}
    weights = np.zeros((len(ids), len(learned_spans.LABELS)), dtype=np.float32)
    for (attr, label), w in info.state_features.items():
        weights[row[int(attr)], column[label]] = w
    transitions = np.zeros((len(learned_spans.LABELS),) * 2, dtype=np.float32)
    for (a, b), w in info.transitions.items():
        transitions[column[a], column[b]] = w
    return learned_spans.Model(ids, weights, transitions)


def tally(data: list[Article], model: learned_spans.Model | None) -> dict[str, list[int]]:
    """tp, fp, fn per kind of the recogniser's output (model None) or with the learned spans."""
    out = {k: [0, 0, 0] for k in NAME_KINDS}
    for article in data:
        chosen = [p.chosen for p in article.paragraphs]
        simplified = [p.simplified for p in article.paragraphs]
        if model is not None:
            chosen = learned_spans.respan([list(c) for c in chosen], simplified, [p.words for p in article.paragraphs],
                                          model)
        got = Counter((p.text[c.start:c.end], c.kind) for p, cs in zip(article.paragraphs, chosen, strict=True)
                      for c in cs if c.kind in NAME_KINDS)
        want = Counter(g for g in article.gold if g[1] in NAME_KINDS)
        for kind, t in out.items():
            both = sum(min(n, got[(x, k)]) for (x, k), n in want.items() if k == kind)
            t[0] += both
            t[1] += sum(n for (_, k), n in got.items() if k == kind) - both
            t[2] += sum(n for (_, k), n in want.items() if k == kind) - both
    return out


def report(title: str, data: list[Article], model: learned_spans.Model) -> None:
    print(title)
    for name, t in (("without", tally(data, None)), ("with", tally(data, model))):
        cells = []
        for kind, (tp, fp, fn) in t.items():
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            cells.append(f"{kind} P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f} F1 {f1:.3f}")
        print(f"  {name:8} " + " | ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "assets" / learned_spans.ASSET)
    parser.add_argument("--folds", type=int, default=0, help="cross-validation folds over the folders (0: none)")
    parser.add_argument("--held-out", nargs="*", type=Path, default=[], help="train on FOLDERS, score these")
    args = parser.parse_args()
    by_folder: dict[str, list[Article]] = {}
    for folder in sorted({*args.folders, *args.held_out}):
        by_folder[folder.name], lost = articles(folder)
        if lost:
            print(f"{folder}: {lost} annotation rows not placed by their context", file=sys.stderr)
    names = sorted(f.name for f in args.folders)
    if args.held_out:
        model = train([a for n in names for a in by_folder[n]])
        held = [a for f in args.held_out for a in by_folder[f.name]]
        report(f"trained on {len(names)} folders, scored on {', '.join(f.name for f in args.held_out)}:", held, model)
        return
    if args.folds > 1:
        models: list[tuple[learned_spans.Model, list[Article]]] = []
        for k in range(args.folds):
            test = set(names[k::args.folds])
            models.append((train([a for n in names if n not in test for a in by_folder[n]]),
                           [a for n in sorted(test) for a in by_folder[n]]))
        totals = {"without": {k: [0, 0, 0] for k in NAME_KINDS}, "with": {k: [0, 0, 0] for k in NAME_KINDS}}
        for model, test_articles in models:
            for name, t in (("without", tally(test_articles, None)), ("with", tally(test_articles, model))):
                for kind in NAME_KINDS:
                    totals[name][kind] = [a + b for a, b in zip(totals[name][kind], t[kind], strict=True)]
        print(f"{args.folds}-fold cross-validation over {len(names)} folders:")
        for name, t in totals.items():
            cells = (f"{k} F1 {2 * a / max(2 * a + b + c, 1):.3f}" for k, (a, b, c) in t.items())
            print(f"  {name:8} " + " | ".join(cells))
    model = train([a for n in names for a in by_folder[n]])
    np.savez_compressed(args.out, ids=model.ids, weights=model.weights, transitions=model.transitions,
                        labels=np.array(learned_spans.LABELS))
    print(f"trained on {len(names)} folders: {len(model.ids)} feature ids -> {args.out}")


if __name__ == "__main__":
    main()
