"""Learned spans: a linear-chain CRF over characters reads the recogniser's own mentions, Baidu LAC's words and
the characters around them, and settles where each organisation and place the recogniser found begins and ends
and which of the two kinds it is. People, products, dates and figures stay as the recogniser found them, and so
does every name from the curated lists or the rules.

Why: where a name ends (上海迪士尼 or 迪士尼, IBM 中国 or IBM) and whether a word the tagger or the dictionary
offered is an organisation or a place follow conventions no single rule states. A model trained on
hand-annotated articles learns them from the evidence the other sources give. Measured before it was added
(trained on development sets h13–h39, scored on h40–h44, which the rules were never tuned on): organisations F1
.771 -> .786, places .880 -> .896, products and people unchanged. Trained by `bench/train_learned_spans.py` with
python-crfsuite; here the model runs in numpy alone.

Features are hashed to 64-bit ids computed with numpy over a whole document's text at once, so tagging costs a
few array operations per feature template, not a Python loop per character. The asset holds the ids, their
weights, the label transitions and the label names. It holds no text: a feature id can only be matched by
hashing a guess (a character, two or three characters together, a word) and comparing."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from qwen_reader.core.entities import lac, org_wording
from qwen_reader.core.entities.gazetteer import traded_names
from qwen_reader.core.entities.identity import canonical_id
from qwen_reader.core.entities.known import all_lists
from qwen_reader.core.entities.model import Candidate, EntityKind, Source
from qwen_reader.core.store.paths import bundled_asset

ASSET = "entities_learned_spans.npz"
# The kinds the model is trained on; it decides only REDECIDED (its products lost on cross-validation), the
# others give it context.
KINDS = (EntityKind.PERSON, EntityKind.ORG, EntityKind.PRODUCT, EntityKind.PLACE)
REDECIDED = frozenset({EntityKind.ORG, EntityKind.PLACE})
# Candidates from the curated lists and the rules are never overridden: a learned span across one is doubted, and
# one the model leaves out stays. Measured on h40–h44: organisations .771 -> .786 and places .880 -> .896 this way,
# against .799 and .896 letting the model override them, which cost the seeds and broke families the rules'
# tests pin down (天玑9400 swallowed by 联发科天玑).
PROTECTED = frozenset({Source.LIST, Source.RULES})
LABELS = ("O", *(f"{p}-{k.value}" for k in KINDS for p in "BI"))
# Kinds and sources of the recogniser's candidates, and LAC's labels, as small integers for hashing. The trained
# model's features depend on these orders: a new kind or source goes at the end of its enum (then retrain).
_KIND_CODES = {k.value: i + 1 for i, k in enumerate(EntityKind)}
_SOURCE_CODES = {s.value: i + 1 for i, s in enumerate(Source)}
# LAC's labels of verbs, prepositions, conjunctions, adverbs and particles: a learned span holding one of these as
# a whole word runs across a clause (北大课堂到达摩院), which no name does.
_CLAUSE_WORDS = frozenset({"v", "vd", "p", "c", "d", "u", "xc"})
_EDGE = 0x110000  # beyond every code point: the value of a character outside the piece
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_K1, _K2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9)


@lru_cache(maxsize=8192)
def _class(ch: str) -> int:
    if ch.isdigit():
        return 1
    if ch.isascii() and ch.isalpha():
        return 2 if ch.isupper() else 3
    if "\u3400" <= ch <= "\u9fff":
        return 4
    return 6 if ch.isspace() else 5


def _bioes(n: int, spans: Sequence[tuple[int, int, int]]) -> np.ndarray:
    """Per character: 0 outside every span, else code * 4 + position (1 begin, 2 inside, 3 end, 4 single)."""
    out = np.zeros(n, dtype=np.int64)
    for start, end, code in spans:
        if end - start == 1:
            out[start] = code * 4 + 4
        else:
            out[start] = code * 4 + 1
            out[start + 1:end - 1] = code * 4 + 2
            out[end - 1] = code * 4 + 3
    return out


def _hash(template: int, *values: np.ndarray) -> np.ndarray:
    h = np.full(values[0].shape, ((template + 1) * int(_K1)) & int(_MASK), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for v in values:
            h = ((h ^ (v.astype(np.uint64) + _K2)) * _K1) & _MASK
            h ^= h >> np.uint64(29)
    return h


def _shifted(a: np.ndarray, k: int, fill: int, part: np.ndarray) -> np.ndarray:
    """a[i + k] at i, `fill` where i + k falls outside i's own text (`part` numbers the texts)."""
    out = np.full_like(a, fill)
    same = np.zeros(len(a), dtype=bool)
    if k > 0:
        out[:-k], same[:-k] = a[k:], part[k:] == part[:-k]
    elif k < 0:
        out[-k:], same[-k:] = a[:k], part[:k] == part[-k:]
    else:
        return a
    return np.where(same, out, fill)


def features(text: str, chosen: Sequence[Candidate], words: Sequence[lac.Span]) -> np.ndarray:
    """Hashed feature ids of every character of one (simplified) text: characters x templates."""
    return features_of([text], [chosen], [words])


def features_of(texts: Sequence[str], chosen: Sequence[Sequence[Candidate]],
                words: Sequence[Sequence[lac.Span]]) -> np.ndarray:
    """The features of several texts at once, their rows one after another: each text is read on its own (no
    feature looks across into the next), but every array operation runs once for the whole document."""
    joined = "".join(texts)
    n = len(joined)
    part = np.repeat(np.arange(len(texts)), [len(t) for t in texts])
    cp = np.fromiter((ord(ch) for ch in joined), dtype=np.int64, count=n)
    cls = np.fromiter((_class(ch) for ch in joined), dtype=np.int64, count=n)
    labels = lac_labels()
    mine_spans: list[tuple[int, int, int]] = []
    source_spans: list[tuple[int, int, int]] = []
    lac_spans: list[tuple[int, int, int]] = []
    word = np.zeros(n, dtype=np.int64)
    size = np.zeros(n, dtype=np.int64)
    at = 0
    for text, cands, ws in zip(texts, chosen, words, strict=True):
        for c in cands:
            code = _KIND_CODES.get(c.kind, 0)
            mine_spans.append((at + c.start, at + c.end, code))
            source_spans.append((at + c.start, at + c.end, code * 8 + _SOURCE_CODES.get(c.source, 0)))
        for s, e, label in ws:
            lac_spans.append((at + s, at + e, labels.get(label, 0)))
            word[at + s:at + e] = zlib.crc32(text[s:e].encode("utf-8")) if e - s > 1 else 1
            size[at + s:at + e] = min(e - s, 6)
        at += len(text)
    mine, mine_source, theirs = _bioes(n, mine_spans), _bioes(n, source_spans), _bioes(n, lac_spans)
    c = {k: _shifted(cp, k, _EDGE, part) for k in (-3, -2, -1, 0, 1, 2, 3)}
    m = {k: _shifted(mine, k, -1, part) for k in (-2, -1, 0, 1, 2)}
    t = {k: _shifted(theirs, k, -1, part) for k in (-1, 0, 1)}
    k_ = {k: _shifted(cls, k, 0, part) for k in (-1, 0, 1)}
    columns = [
        _hash(0, np.zeros(n, dtype=np.int64)),
        *(_hash(1 + i, c[k]) for i, k in enumerate((-3, -2, -1, 0, 1, 2, 3))),
        _hash(8, c[-1], c[0]), _hash(9, c[0], c[1]), _hash(10, c[-2], c[-1], c[0]), _hash(11, c[0], c[1], c[2]),
        _hash(12, c[-1], c[0], c[1]), _hash(13, k_[0]), _hash(14, k_[-1], k_[0], k_[1]),
        *(_hash(15 + i, m[k]) for i, k in enumerate((-2, -1, 0, 1, 2))),
        _hash(20, mine_source), _hash(21, t[0]), _hash(22, t[-1]), _hash(23, t[1]), _hash(24, m[0], t[0]),
        _hash(25, word), _hash(26, size),
    ]
    return np.stack(columns, axis=1) if n else np.zeros((0, len(columns)), dtype=np.uint64)


@lru_cache(maxsize=1)
def lac_labels() -> dict[str, int]:
    """LAC's labels as small integers, in a fixed order (its label names sorted)."""
    return {name: i + 1 for i, name in enumerate(lac.label_names())}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity (the arrays are not hashable)
class Model:
    ids: np.ndarray  # sorted feature ids (uint64)
    weights: np.ndarray  # ids x labels
    transitions: np.ndarray  # labels x labels, [from, to]

    @property
    def padded(self) -> np.ndarray:
        """The weights with a row of zeros after the last, for features the model does not know."""
        return _padded(self)


@lru_cache(maxsize=4)
def _padded(m: Model) -> np.ndarray:
    return np.vstack([m.weights, np.zeros((1, m.weights.shape[1]), dtype=m.weights.dtype)])


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The trained model, or None where the asset is missing or malformed (then spans stay as found)."""
    try:
        with np.load(bundled_asset(ASSET), allow_pickle=False) as data:
            loaded = Model(data["ids"], data["weights"], data["transitions"])
            labels = tuple(str(x) for x in data["labels"])
    except (OSError, ValueError, KeyError):
        return None
    if labels != LABELS or not len(loaded.ids) or loaded.weights.shape != (len(loaded.ids), len(LABELS)):
        return None
    return loaded


def emissions(m: Model, ids: np.ndarray) -> np.ndarray:
    """Characters x labels: the summed weights of each character's features the model knows."""
    at = np.searchsorted(m.ids, ids).clip(0, len(m.ids) - 1)
    at[m.ids[at] != ids] = len(m.ids)  # unknown features read the zero row
    return m.padded[at].sum(axis=1)


def spans(path: Sequence[int]) -> list[tuple[int, int, str]]:
    """BIO labels -> (start, end, kind); an inside label with no matching begin starts a span."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*(LABELS[p] for p in path), "O"]):
        if kind and not (label.startswith("I-") and label[2:] == kind):
            out.append((start, i, kind))
            kind = ""
        if label != "O" and not kind:
            start, kind = i, label[2:]
    return out


# Characters per decoding batch, and how much longer than its shortest text a batch's longest may be.
BATCH_CHARS = 8192
PAD_RATIO = 1.5


def _batches(lengths: Sequence[int]) -> list[list[int]]:
    """Texts grouped by length (indices), each text whole: the model was trained on whole paragraphs."""
    order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: lengths[i])
    out: list[list[int]] = []
    for i in order:
        if out and (len(out[-1]) + 1) * lengths[i] <= BATCH_CHARS and lengths[i] <= lengths[out[-1][0]] * PAD_RATIO:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def tag(texts: Sequence[str], chosen: Sequence[Sequence[Candidate]],
        words: Sequence[Sequence[lac.Span]], m: Model) -> list[list[tuple[int, int, str]]]:
    """The model's spans in every text, each text decoded whole."""
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    every = emissions(m, features_of(texts, chosen, words))
    starts = np.cumsum([0, *(len(t) for t in texts)])
    for batch in _batches([len(t) for t in texts]):
        lengths = np.array([len(texts[i]) for i in batch], dtype=np.int64)
        grid = np.zeros((len(batch), int(lengths.max()), len(LABELS)), dtype=np.float64)
        for row, i in enumerate(batch):
            grid[row, :lengths[row]] = every[starts[i]:starts[i + 1]]
        for i, path in zip(batch, lac.viterbi(grid, lengths, m.transitions), strict=True):
            out[i] = spans(path.tolist())
    return out


def respan(chosen: list[list[Candidate]], texts: Sequence[str], words: Sequence[Sequence[lac.Span]],
           m: Model | None = None) -> list[list[Candidate]]:
    """Organisations and places as the model reads them. The recogniser's candidate is kept where the model
    agrees with it (its identity and English name with it), where the model's span is doubted, and where it
    came from a list or a rule; its other kinds always stay."""
    m = model() if m is None else m
    if m is None:
        return chosen
    in_trade = frozenset(traded_names())
    out = [_settle(text, cands, ws, learned, in_trade)
           for text, cands, ws, learned in zip(texts, chosen, words, tag(texts, chosen, words, m), strict=True)]
    org_wording.trim_descriptors(out, texts)  # the rules' own trim: a class noun before a name stays outside
    return out


def _settle(text: str, cands: list[Candidate], words: Sequence[lac.Span], learned: list[tuple[int, int, str]],
            in_trade: frozenset[str] = frozenset()) -> list[Candidate]:
    """One text's candidates with the model's spans taken where they are not doubted."""
    n = len(text)
    at = np.full(n + 1, -1, dtype=np.int64)  # which candidate covers each character
    for i, c in enumerate(cands):
        at[c.start:c.end] = i
    edges = np.zeros(n + 1, dtype=bool)  # where a LAC word or a candidate starts or ends
    for s, e, _ in words:
        edges[s] = edges[e] = True
    for c in cands:
        edges[c.start] = edges[c.end] = True
    ends = np.zeros(n + 1, dtype=np.int64)  # verbs and particles, counted where they end
    for _, e, label in words:
        if label in _CLAUSE_WORDS:
            ends[e] += 1
    verbs = np.cumsum(ends)  # LAC's words cover the text, so those ending in (s, e] lie inside a span on edges
    same = {(c.start, c.end, c.kind): i for i, c in enumerate(cands)}
    accepted: list[tuple[int, int, str]] = []
    taken = np.zeros(n, dtype=bool)
    doubted = np.zeros(n, dtype=bool)
    for s, e, k in learned:
        if k not in REDECIDED or not text[s:e].strip():
            continue
        covered = [cands[i] for i in dict.fromkeys(at[s:e].tolist()) if i >= 0]
        if (s, e, k) not in same and (_doubted(text, s, e, k, covered, edges, verbs) or text[s:e] in in_trade):
            doubted[s:e] = True
            continue
        accepted.append((s, e, k))
        taken[s:e] = True
    kept = [c for c in cands if not taken[c.start:c.end].any()
            and (c.kind not in REDECIDED or doubted[c.start:c.end].any() or _protected(c))]
    kept += [cands[same[span]] if span in same else _new(text, *span) for span in accepted]
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


def _doubted(text: str, s: int, e: int, kind: str, covered: list[Candidate], edges: np.ndarray,
             verbs: np.ndarray) -> bool:
    """Whether the recogniser's reading stays where the model drew (s, e) as `kind` and the recogniser did not:
    - the span crosses a name from a list or a rule, or one of a kind the model does not decide (a person);
    - the recogniser saw no organisation or place there (the model cannot see a rule's decision that a word is
      no name: 奔驰 the verb, 中、英、日 the languages);
    - it joins several names into a kind none of them had (云南 + 保山 as one organisation);
    - it starts or ends inside a word (河北张 of 河北张北), holds a space, or holds a whole verb or particle,
      which runs across a clause (北大课堂到达摩院).
    (And in `_settle`: an exchange short name that reads as a phrase too, 西安旅游, is the traded rule's to decide.)"""
    if any(_protected(c) or c.kind not in REDECIDED for c in covered) or not covered:
        return True
    if len(covered) > 1 and kind not in {c.kind for c in covered}:
        return True
    return not (edges[s] and edges[e]) or any(ch.isspace() for ch in text[s:e]) or verbs[e] > verbs[s]


def _protected(c: Candidate) -> bool:
    return c.source in PROTECTED


def _new(text: str, start: int, end: int, kind: str) -> Candidate:
    surface = text[start:end]
    entry = all_lists().get(surface)
    if entry is not None and entry.kind == kind:
        return Candidate(start, end, kind, entry.id, entry.english, Source.LEARNED)
    # Another kind's entry still gives the English name (青岛啤酒, Tsingtao Beer, the company).
    return Candidate(start, end, kind, canonical_id(kind, surface), entry.english if entry else None, Source.LEARNED)
