"""Translation engines. Each turns a list of sentences into the same number of English strings, so
sentence i of the source is sentence i of the English: that is the alignment the reader shows."""

from __future__ import annotations

import os
import threading
from typing import Protocol

from qwen_reader.core.translate.gloss import GlossEngine  # re-exported: ui/screens/reader.py imports it from here
from qwen_reader.core.translate.packages import InstalledModel

__all__ = ["ArgosEngine", "Engine", "GlossEngine", "beam_size", "compute_type"]

# Decoding options: what argos-translate-lt 1.12 really does for a user with default settings
# (argostranslate/translate.py: PackageTranslation.hypotheses and apply_packaged_translation):
# - ctranslate2.Translator(model, device="cpu", inter_threads=1, intra_threads=0) and, with
#   ARGOS_COMPUTE_TYPE=auto (the default), NO compute_type at all: CTranslate2 then uses "default", the type
#   the model was saved in (argostranslate 1.11 passed "auto", which quantises a float model to int8 on this
#   CPU: the two differ on float models such as the test fixture);
# - translate_batch(replace_unknowns=True, beam_size=max(num_hypotheses, ARGOS_BEAM_SIZE=4), num_hypotheses=1,
#   length_penalty=0.2); its batch_type="tokens"/max_batch_size=32 and return_scores=True change no output.
# ARGOS_COMPUTE_TYPE and ARGOS_BEAM_SIZE are honoured from the environment as argos honours them (argos also
# reads its settings.json; we do not).
LENGTH_PENALTY = 0.2
DEFAULT_BEAM_SIZE = 4


def compute_type() -> str | None:
    """The compute_type argos would pass: None (CTranslate2's "default") unless ARGOS_COMPUTE_TYPE names one."""
    value = os.environ.get("ARGOS_COMPUTE_TYPE", "auto")
    return None if value == "auto" else value


def beam_size() -> int:
    try:
        return max(1, int(os.environ.get("ARGOS_BEAM_SIZE", DEFAULT_BEAM_SIZE)))
    except ValueError:
        return DEFAULT_BEAM_SIZE


# Longer inputs are cut into chunks at token boundaries (after punctuation where possible); each chunk is
# translated and the pieces are joined, so a very long sentence still fills exactly one row.
MAX_SOURCE_TOKENS = 200
_BREAK_PIECES = frozenset("，。；：、,;:！？!?")


class Engine(Protocol):
    name: str
    model_id: str  # part of the cache key: a new model or version never reuses old English

    def translate(self, sentences: list[str]) -> list[str]: ...


class ArgosEngine:
    """An argos package run directly: its CTranslate2 model and its own SentencePiece tokenizer, batched.
    Never imports argostranslate.translate (torch, stanza) and never opens a network connection."""

    def __init__(self, model: InstalledModel, *, threads: int = 0) -> None:
        import ctranslate2
        import sentencepiece

        self.model = model
        self.name = f"argos {model.name} {model.version}"
        self.model_id = model.model_id
        # The Translator argos builds (see the note on decoding options above): the same numbers, the same English.
        options: dict[str, object] = {"device": "cpu", "inter_threads": 1, "intra_threads": threads}
        if (kind := compute_type()) is not None:
            options["compute_type"] = kind
        self._translator = ctranslate2.Translator(str(model.path / "model"), **options)
        self.beam_size = beam_size()
        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(model.path / "sentencepiece.model"))
        self._lock = threading.Lock()

    def tokenize(self, sentences: list[str]) -> list[list[str]]:
        return [self._sp.encode(s, out_type=str) for s in sentences]

    def translate(self, sentences: list[str]) -> list[str]:
        if not sentences:
            return []
        tokenized = self.tokenize(sentences)
        # Flatten chunks of every sentence into one batch; remember which sentence each chunk belongs to.
        chunks: list[list[str]] = []
        owner: list[int] = []
        for i, tokens in enumerate(tokenized):
            for chunk in _chunks(tokens):
                chunks.append(chunk)
                owner.append(i)
        with self._lock:
            results = self._translator.translate_batch(
                chunks, replace_unknowns=True, beam_size=self.beam_size, num_hypotheses=1,
                length_penalty=LENGTH_PENALTY, max_batch_size=64, batch_type="examples",
            )
        pieces: list[list[str]] = [[] for _ in sentences]
        for i, result in zip(owner, results, strict=True):
            pieces[i].append(self._decode(result.hypotheses[0]))
        return [" ".join(p for p in parts if p) for parts in pieces]

    def _decode(self, tokens: list[str]) -> str:
        # As argos decodes: SentencePiece detokenisation, markers to spaces, one leading space dropped.
        value = self._sp.decode_pieces(tokens).replace("▁", " ").replace("_", " ")
        return value[1:] if value.startswith(" ") else value


def _chunks(tokens: list[str]) -> list[list[str]]:
    if len(tokens) <= MAX_SOURCE_TOKENS:
        return [tokens]
    out: list[list[str]] = []
    start = 0
    while start < len(tokens):
        end = min(len(tokens), start + MAX_SOURCE_TOKENS)
        if end < len(tokens):
            # Prefer to cut just after punctuation in the last quarter of the window.
            for k in range(end, start + MAX_SOURCE_TOKENS * 3 // 4, -1):
                if tokens[k - 1].strip("▁") and tokens[k - 1].strip("▁")[-1] in _BREAK_PIECES:
                    end = k
                    break
        out.append(tokens[start:end])
        start = end
    return out
