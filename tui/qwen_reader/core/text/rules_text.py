"""Cleaning rules that work inside a paragraph's text: controls, pinyin annotations, damage flags."""

from __future__ import annotations

import re
from functools import lru_cache

from qwen_reader.core.text.model import Span

# ANSI CSI and OSC sequences, then any other two-byte escape.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 controls other than tab and newline, DEL, and invisible format characters that scrapers leave.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")

_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"
_HANZI = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ANNOTATION = re.compile(rf"([{_HANZI}])[(（]([{_PINYIN_LETTERS}]{{1,7}})[)）]")

# A lost character followed by the remains of an annotation and mojibake: "旗艦?zāi)P偷介_源".
_DAMAGE = re.compile(
    rf"(?<=[{_HANZI}])[?？][{_PINYIN_LETTERS}]+\)"
    rf"(?:[A-Za-z_]|[{_HANZI}](?=[{_HANZI}]{{0,3}}[A-Z_]))*"
)
_REPLACEMENT_RUN = re.compile("\ufffd+")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_controls(text: str) -> tuple[str, int, list[str]]:
    """Remove escape sequences and control characters; return text, characters removed, examples."""
    examples: list[str] = []
    removed = 0

    def drop(m: re.Match[str]) -> str:
        nonlocal removed
        removed += len(m.group(0))
        if len(examples) < 3:
            examples.append(repr(m.group(0)))
        return ""

    text = _ESCAPES.sub(drop, text)
    text = _CONTROLS.sub(drop, text)
    return text, removed, examples


@lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(r for rs in pinyin(char, style=Style.TONE, heteronym=True) for r in rs)


def remove_pinyin_annotations(text: str) -> tuple[str, int, int, list[str]]:
    """Drop `術(shù)`-style annotations, but only where pypinyin confirms the reading belongs to the character.

    Returns the text, the number of annotations removed, the characters removed, and examples.
    """
    if "(" not in text and "（" not in text:
        return text, 0, 0, []
    count = removed = 0
    examples: list[str] = []

    def replace(m: re.Match[str]) -> str:
        nonlocal count, removed
        char, syllable = m.group(1), m.group(2)
        if syllable not in _readings(char):
            return m.group(0)
        count += 1
        removed += len(m.group(0)) - 1
        if len(examples) < 3:
            examples.append(m.group(0))
        return char

    while True:
        before = count
        text = _ANNOTATION.sub(replace, text)
        if count == before:
            return text, count, removed, examples


def find_damage(text: str) -> list[Span]:
    """Spans of text that cannot be repaired: lost characters, mojibake, undecodable bytes."""
    if "?" not in text and "？" not in text and "\ufffd" not in text:
        return []
    spans = [Span(m.start(), m.end(), "damaged", "lost characters and mojibake")
             for m in _DAMAGE.finditer(text)]
    covered = {i for s in spans for i in range(s.start, s.end)}
    spans += [Span(m.start(), m.end(), "damaged", "undecodable bytes")
              for m in _REPLACEMENT_RUN.finditer(text) if m.start() not in covered]
    return sorted(spans, key=lambda s: s.start)
