"""A learned last check on person names: a logistic model scores each name the other sources called a person,
from the name's shape, the characters beside it, which source found it and how the document uses it, and the
names it scores low lose their person reading at every occurrence.

Why learned: the false people left after the rules (a word the tagger joined to a surname, a brand read as a
given name, a heading's word) share no wording a rule could name, while their shapes and neighbours do. The
weights are trained by `bench/train_person_check.py` on hand-annotated articles; features are hashed into a
fixed-size vector of 65,536 weights shared by many features, so the asset holds numbers only."""

from __future__ import annotations

import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from qwen_reader.core.entities import people
from qwen_reader.core.entities.model import Candidate, EntityKind, Source
from qwen_reader.core.store.paths import bundled_asset

ASSET = "entities_person_check.npy"
DIMENSIONS = 1 << 16
# Names scored below this (mean over their occurrences in a document) are dropped. Chosen on four-fold
# cross-validation over the development sets: it removed 50 false people for 4 true ones.
THRESHOLD = 0.3
# Only names every occurrence of which rests on the statistical tagger or on another occurrence are checked: a
# list, the dictionary, a rule's context word (X表示) or the name model is evidence of its own, and on the
# development sets the check dropped as many true names as false ones from those sources. So is a word announcing
# a person right before the name (市民龙锋), and a full name the short form shares its identity with (周靖人).
CHECKED_SOURCES = frozenset({Source.LAC, Source.CONSISTENCY})


def _class(ch: str) -> str:
    if not ch:
        return "^"
    if ch.isdigit():
        return "9"
    if ch.isascii() and ch.isalpha():
        return "a"
    if "\u3400" <= ch <= "\u9fff":
        return "h"
    return "p"


def features(text: str, c: Candidate, count: int, kinds: frozenset[str]) -> list[int]:
    """Hashed feature indices of one person candidate in its paragraph's (simplified) text."""
    name = text[c.start:c.end]
    left, right = text[max(0, c.start - 2):c.start], text[c.end:c.end + 2]
    size = min(len(name), 8)
    named = [
        "bias", f"source={c.source}", f"len={size}", f"source+len={c.source}|{min(size, 6)}",
        f"first={name[:1]}", f"last={name[-1:]}", f"first2={name[:2]}", f"last2={name[-2:]}",
        f"before={left[-1:]}", f"after={right[:1]}", f"before2={left}", f"after2={right}",
        f"count={min(count, 5)}", f"kinds={'|'.join(sorted(kinds))}",
        f"classes={''.join(sorted({_class(ch) for ch in name}))}",
        f"around={_class(left[-1:])}{_class(right[:1])}", f"english={c.english is not None}",
    ]
    return [zlib.crc32(f.encode("utf-8")) % DIMENSIONS for f in named]


@lru_cache(maxsize=1)
def weights() -> np.ndarray | None:
    """The trained weights, or None where the asset is missing or malformed (then nothing is dropped)."""
    try:
        loaded = np.load(bundled_asset(ASSET), allow_pickle=False)
    except (OSError, ValueError):
        return None
    return loaded if loaded.shape == (DIMENSIONS,) else None


def person_features(chosen: Sequence[Sequence[Candidate]], texts: Sequence[str]) -> list[tuple[int, int, list[int]]]:
    """(paragraph, candidate index, features) for every person candidate of one document."""
    count: Counter[str] = Counter()
    kinds: defaultdict[str, set[str]] = defaultdict(set)
    for cands, text in zip(chosen, texts, strict=True):
        for c in cands:
            count[text[c.start:c.end]] += 1
            kinds[text[c.start:c.end]].add(c.kind)
    out: list[tuple[int, int, list[int]]] = []
    for p, (cands, text) in enumerate(zip(chosen, texts, strict=True)):
        for i, c in enumerate(cands):
            if c.kind == EntityKind.PERSON:
                name = text[c.start:c.end]
                out.append((p, i, features(text, c, count[name], frozenset(kinds[name]))))
    return out


def probability(w: np.ndarray, indices: list[int]) -> float:
    z = float(w[indices].sum())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def evidenced(chosen: Sequence[Sequence[Candidate]], texts: Sequence[str]) -> set[str]:
    """Person names of a document the check leaves alone: found at least once by a source outside
    CHECKED_SOURCES or right after a word announcing a person, or sharing their identity (靖人 after 周靖人)."""
    ids: set[str] = set()
    for cands, text in zip(chosen, texts, strict=True):
        ids.update(c.id for c in cands if c.kind == EntityKind.PERSON
                   and (c.source not in CHECKED_SOURCES or people.announced(text, c.start)))
    return {text[c.start:c.end] for cands, text in zip(chosen, texts, strict=True) for c in cands
            if c.kind == EntityKind.PERSON and c.id in ids}


def checked(chosen: list[list[Candidate]], texts: Sequence[str],
            w: np.ndarray | None = None) -> list[list[Candidate]]:
    """The candidates without the person names the model scores below THRESHOLD (mean over the document),
    of names without evidence of their own."""
    w = weights() if w is None else w
    if w is None:
        return chosen
    by_name: defaultdict[str, list[float]] = defaultdict(list)
    for p, i, f in person_features(chosen, texts):
        c = chosen[p][i]
        by_name[texts[p][c.start:c.end]].append(probability(w, f))
    gone = dropped(by_name, evidenced(chosen, texts))
    if not gone:
        return chosen
    return [[c for c in cands if not (c.kind == EntityKind.PERSON and text[c.start:c.end] in gone)]
            for cands, text in zip(chosen, texts, strict=True)]


def dropped(scores: Mapping[str, list[float]], kept: set[str]) -> set[str]:
    """The names of one document to drop: scored below THRESHOLD on average, with no evidence of their own."""
    return {name for name, ps in scores.items() if name not in kept and sum(ps) / len(ps) < THRESHOLD}
