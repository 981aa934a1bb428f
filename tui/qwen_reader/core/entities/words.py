"""The segmentation recognition reads names against: jieba's, shared with pinyin."""

from __future__ import annotations

import threading

_lock = threading.Lock()


def _tokenizer():  # type: ignore[no-untyped-def]
    """jieba's tokenizer as pinyin uses it (shared, not changed: adding our names to it would change how
    pinyin groups words). Listed names are found by the list whatever the segmentation."""
    from qwen_reader.core.text.pinyin import _tokenizer as pinyin_tokenizer

    return pinyin_tokenizer()


def tokenize(text: str) -> list[tuple[str, int, int]]:
    with _lock:  # jieba's tokenizer is not thread-safe while it loads
        return list(_tokenizer().tokenize(text))
