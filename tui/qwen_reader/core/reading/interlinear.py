"""Pinyin above the text, word by word: each word gets a cell width that fits both its characters and its
syllables, so every syllable stays visibly over its own word when lines wrap."""

from __future__ import annotations

from typing import NamedTuple

from qwen_reader.core.reading.cells import cell_len
from qwen_reader.core.reading.wrap import tokens
from qwen_reader.core.text.pinyin import readings


class Piece(NamedTuple):
    text: str
    pinyin: str
    start: int  # offset of `text` in the sentence
    width: int  # cells this piece occupies in both rows (padding included)


def pieces(text: str) -> list[Piece]:
    out: list[Piece] = []
    pos = 0

    def plain(segment: str, offset: int) -> None:
        for token in tokens(segment):
            out.append(Piece(token, "", offset, cell_len(token)))
            offset += len(token)

    for r in readings(text):
        if r.start > pos:
            plain(text[pos:r.start], pos)
        syllables = " ".join(r.syllables)
        out.append(Piece(r.word, syllables, r.start, max(cell_len(r.word), cell_len(syllables)) + 1))
        pos = r.start + len(r.word)
    if pos < len(text):
        plain(text[pos:], pos)
    return out


def wrap_pieces(text: str, width: int) -> list[list[Piece]]:
    """Lines of pieces no wider than `width` (a single piece wider than a line gets a line of its own)."""
    lines: list[list[Piece]] = [[]]
    used = 0
    for piece in pieces(text):
        if used + piece.width > width and lines[-1]:
            lines.append([])
            used = 0
        lines[-1].append(piece)
        used += piece.width
    return lines


def render_rows(line: list[Piece]) -> tuple[str, str]:
    """The pinyin row and the text row of one wrapped line, padded so they line up."""
    top = "".join(p.pinyin + " " * (p.width - cell_len(p.pinyin)) for p in line)
    bottom = "".join(p.text + " " * (p.width - cell_len(p.text)) for p in line)
    return top, bottom
