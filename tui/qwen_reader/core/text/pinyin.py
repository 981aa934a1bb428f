"""Pinyin with tone marks over words, so polyphones read right (银行 yín háng, 行动 xíng dòng).

jieba finds the words; pypinyin reads each word as a whole, using its phrase dictionary.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import NamedTuple

from qwen_reader.core.store.paths import bundled_asset, cache_dir

_HAN_START, _HAN_END = "\u3400", "\u9fff"


class Reading(NamedTuple):
    """One word and its syllables; `start` is the word's offset in the text."""

    word: str
    start: int
    syllables: tuple[str, ...]


# jieba's initialize deadlocks when several threads start it at once (the translation and search workers
# both read words): one lock around the first load.
_TOKENIZER_LOCK = threading.Lock()


def _tokenizer():  # type: ignore[no-untyped-def]
    with _TOKENIZER_LOCK:
        return _load_tokenizer()


@lru_cache(maxsize=1)
def _load_tokenizer():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary load to stderr otherwise
    tokenizer = jieba.Tokenizer()
    # jieba keeps its 9 MB dictionary cache in the shared temp folder unless told otherwise: keep it with ours.
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(folder)
    except OSError:
        pass  # no cache folder: jieba still works, rebuilding its table in memory when it cannot write one
    tokenizer.initialize()
    for word in _extra_words():
        tokenizer.add_word(word)
    return tokenizer


def _extra_words() -> list[str]:
    """Names from assets/words.txt, so 林俊旸 is read as one word (it ships inside the package)."""
    try:
        text = bundled_asset("words.txt").read_text(encoding="utf-8")
    except OSError:
        text = ""
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def _has_han(text: str) -> bool:
    return any(_HAN_START <= ch <= _HAN_END for ch in text)


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    return tuple(s[0] for s in pinyin(word, style=Style.TONE, heteronym=False, errors=lambda x: list(x)))


def readings(text: str) -> list[Reading]:
    """Words of `text` that contain Chinese characters, with one syllable per character.

    jieba's dictionary is simplified, so traditional text is segmented and read through its simplified
    form (character for character; if a phrase conversion changed the length, the text is used as is)."""
    from qwen_reader.core.text.script import script_counts

    simplified = text
    if script_counts(text)[1]:
        from qwen_reader.core.text.script import convert

        converted = convert(text, "t2s")
        if len(converted) == len(text):
            simplified = converted
    out: list[Reading] = []
    for reading_word, start, end in _tokenizer().tokenize(simplified):
        word = text[start:end]
        if not _has_han(word):
            continue
        syllables = _word_pinyin(reading_word)
        if len(syllables) != len(word):
            # Mixed words (e.g. "Qwen团队"): read character by character so syllables stay aligned.
            syllables = tuple(_word_pinyin(ch)[0] if _has_han(ch) else ch for ch in reading_word)
        out.append(Reading(word, start, syllables))
    return out


def pinyin_line(text: str) -> str:
    """Space-separated syllables per word, words separated by two spaces (a plain-text rendering)."""
    return "  ".join(" ".join(r.syllables) for r in readings(text))
