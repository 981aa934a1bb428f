"""Scoring recognised mentions against hand annotations: per document, a multiset of (text, kind);
precision counts only kinds the annotator marked exhaustive for that document."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qwen_reader.core.entities.model import EntityKind

KINDS = tuple(k.value for k in EntityKind)
DEFAULT_EXHAUSTIVE = ("person", "org", "product", "place")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    # (doc, kind) -> missed / spurious texts, for reading errors by family.
    missed: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    spurious: Counter[tuple[str, str, str]] = field(default_factory=Counter)


def load_gold(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(predicted: dict[str, Iterable[tuple[str, str]]], gold: dict[str, Iterable[tuple[str, str]]],
          exhaustive: dict[str, Iterable[str]]) -> Score:
    """`predicted` and `gold`: doc -> (text, kind) pairs; `exhaustive`: doc -> kinds annotated exhaustively.
    Recall counts every gold mention; precision only predictions of exhaustive kinds."""
    result = Score()
    for doc in sorted(set(gold) | set(predicted)):
        full = set(exhaustive.get(doc, DEFAULT_EXHAUSTIVE))
        want = Counter(gold.get(doc, ()))
        got = Counter(predicted.get(doc, ()))
        for (text, kind), n in want.items():
            if kind not in result.kinds:
                continue
            hit = min(n, got.get((text, kind), 0))
            result.kinds[kind].tp += hit
            result.kinds[kind].fn += n - hit
            if n - hit:
                result.missed[(doc, kind, text)] += n - hit
        for (text, kind), n in got.items():
            if kind not in full or kind not in result.kinds:
                continue
            extra = n - min(n, want.get((text, kind), 0))
            result.kinds[kind].fp += extra
            if extra:
                result.spurious[(doc, kind, text)] += extra
    return result


def cap_copies(raw: str, cleaned: str, gold: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Cleaning drops an article repeated within one file (seed 001 holds one article four times), while an
    annotator marks every copy: a gold text found fewer times in the cleaned document than in the file is
    counted in proportion to what remains."""
    kept: list[tuple[str, str]] = []
    for (text, kind), n in Counter(gold).items():
        in_raw, in_clean = raw.count(text), cleaned.count(text)
        if in_raw > in_clean > 0:
            n = max(1, round(n * in_clean / in_raw))
        kept.extend([(text, kind)] * n)
    return kept
