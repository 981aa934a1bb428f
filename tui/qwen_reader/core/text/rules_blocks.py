"""Cleaning rules that work across paragraphs: copies, images, captions, bullets, cut lines, kinds."""

from __future__ import annotations

import re

from qwen_reader.core.text.blocks import IMAGE, RawBlock, visible_chars
from qwen_reader.core.text.model import Kind

# A sentence that ends on one of these is complete; anything else at a paragraph's end means a cut.
_COMPLETE_ENDINGS = frozenset("。！？!?；;…”」』）)》】:：.—～~\"'’")
_CUT_MIN_CHARS = 40
_COMMAS = frozenset(",，、")
_HEADING_MAX_CHARS = 40
_HEADING_MIN_CHARS = 4
_SENTENCE_MARKS = frozenset("。！？!?；;")

_CAPTION = re.compile(r"^(?:图片来源|圖片來源|图源|圖源|图片|圖片|图|圖|来源|來源|摄影|攝影)\s*[:：|｜/]")
_BYLINE = re.compile(
    r"^(?:\S{0,10}(?:记者|記者|编辑|編輯|作者|撰文|通讯员|通訊員|责编|責編)|文|撰稿)\s*[:：|｜/]?\s*"
    r"[\u4e00-\u9fff·]{2,4}(?:[\s、,，]+[\u4e00-\u9fff·]{2,4}){0,4}$"
)
# Platform notices: a label with its colon at the start, or a stock phrase anywhere (plain substring tests,
# which are much cheaper than one regex searched across every paragraph).
_BOILERPLATE_START = re.compile(
    r"(?:特别声明|特別聲明|免责声明|免責聲明|版权声明|版權聲明|声明|聲明|Notice|Disclaimer)\s*[:：]|Copyright\b|©",
    re.IGNORECASE,
)
_BOILERPLATE_PHRASES = ("仅提供信息存储服务", "僅提供信息存儲服務", "only provides information storage services")
_NO_REPRINT = re.compile(r"未经.{0,6}授权.{0,8}转载|未經.{0,6}授權.{0,8}轉載")
_DATE_ONLY = re.compile(r"^[\d\s年月日号號./-]+$")
_LOST_BULLET = re.compile(r"^[?？](?=[^\s?？])")


def drop_repeated_copies(
    blocks: list[RawBlock], min_run: int = 3, min_chars: int = 200
) -> tuple[list[RawBlock], int, int]:
    """Drop runs of paragraphs that repeat an earlier run verbatim (a scraper that saved a page four times).

    Returns the kept blocks, the number of copies dropped and the characters they held.
    """
    texts = [b.text for b in blocks]
    # Positions in `kept` of each text, so a copy is always measured against text still shown.
    first_seen: dict[str, list[int]] = {}
    kept: list[RawBlock] = []
    copies = removed = 0
    i = 0
    while i < len(blocks):
        best = 0
        for j in first_seen.get(texts[i], ()):
            run = 0
            while i + run < len(texts) and j + run < len(kept) and kept[j + run].text == texts[i + run]:
                run += 1
            best = max(best, run)
        if best >= min_run and sum(len(t) for t in texts[i:i + best]) >= min_chars:
            copies += 1
            removed += sum(visible_chars(t) for t in texts[i:i + best])
            i += best
            continue
        first_seen.setdefault(texts[i], []).append(len(kept))
        kept.append(blocks[i])
        i += 1
    return kept, copies, removed


def remove_images(blocks: list[RawBlock]) -> tuple[list[RawBlock], int, int, list[str]]:
    """Image markers carry nothing to read in a terminal: drop them, and blocks they leave empty."""
    kept: list[RawBlock] = []
    count = removed = 0
    examples: list[str] = []
    for block in blocks:
        found = IMAGE.findall(block.text)
        if found:
            count += len(found)
            removed += sum(len(f) for f in found)
            examples.extend(found[: 3 - len(examples)])
            block.text = IMAGE.sub("", block.text).strip()
        if block.text or block.kind is Kind.SEPARATOR:
            kept.append(block)
    return kept, count, removed, examples


def collapse_captions(blocks: list[RawBlock]) -> tuple[list[RawBlock], int, int, list[str]]:
    """Image credit lines become captions; a credit repeated right after itself is kept once."""
    kept: list[RawBlock] = []
    count = removed = 0
    examples: list[str] = []
    for block in blocks:
        if block.kind is not Kind.BODY or not _CAPTION.match(block.text) or len(block.text) > 80:
            kept.append(block)
            continue
        previous = kept[-1] if kept else None
        if previous is not None and previous.kind is Kind.CAPTION and previous.text == block.text:
            removed += visible_chars(block.text)
            continue
        block.kind = Kind.CAPTION
        count += 1
        if len(examples) < 3:
            examples.append(block.text)
        kept.append(block)
    return kept, count, removed, examples


def restore_lost_bullets(blocks: list[RawBlock]) -> tuple[int, list[str]]:
    """A paragraph can't begin with a question mark: `?Qwen3-Max:` is a list item whose bullet was lost."""
    count = 0
    examples: list[str] = []
    for block in blocks:
        if block.kind is Kind.BODY and _LOST_BULLET.match(block.text):
            block.text = block.text[1:]
            block.kind, block.level, block.marked = Kind.LIST_ITEM, 1, True
            count += 1
            if len(examples) < 3:
                examples.append(block.source[:30])
    return count, examples


def is_cut(text: str) -> bool:
    """Prose (long, or with commas) whose last character leaves a sentence unfinished."""
    if not text or text[-1] in _COMPLETE_ENDINGS:
        return False
    return len(text) >= _CUT_MIN_CHARS or text[-1] in _COMMAS


def rejoin_cut_paragraphs(blocks: list[RawBlock]) -> tuple[list[RawBlock], int, list[str]]:
    """Join a paragraph cut mid-sentence by a stray line break to the paragraph that finishes it."""
    kept: list[RawBlock] = []
    count = 0
    examples: list[str] = []
    for block in blocks:
        previous = kept[-1] if kept else None
        if (previous is not None and previous.kind is Kind.BODY and not previous.marked
                and block.kind is Kind.BODY and not block.marked
                and is_cut(previous.text) and not looks_like_heading(block.text)
                and not _BYLINE.match(block.text)):
            if len(examples) < 5:
                examples.append(f"{previous.text[-8:]} | {block.text[:8]}")
            previous.text += block.text
            previous.source += "\n" + block.source
            count += 1
            continue
        kept.append(block)
    return kept, count, examples


def looks_like_heading(text: str) -> bool:
    if not _HEADING_MIN_CHARS <= len(text) <= _HEADING_MAX_CHARS:
        return False
    if any(c in _SENTENCE_MARKS for c in text) or text[-1] in _COMMAS or text[-1] in ":：":
        return False
    return not _DATE_ONLY.match(text)


def is_boilerplate(text: str) -> bool:
    if _BOILERPLATE_START.match(text) or any(p in text for p in _BOILERPLATE_PHRASES):
        return True
    return ("未经" in text or "未經" in text) and _NO_REPRINT.search(text) is not None


def classify(blocks: list[RawBlock]) -> dict[Kind, list[str]]:
    """Name the kind of every unmarked paragraph: boilerplate, byline, heading, or body."""
    found: dict[Kind, list[str]] = {Kind.BOILERPLATE: [], Kind.BYLINE: [], Kind.HEADING: []}
    for block in blocks:
        if block.kind is Kind.CAPTION:
            continue
        if block.kind is Kind.BODY and is_boilerplate(block.text):
            block.kind = Kind.BOILERPLATE
            found[Kind.BOILERPLATE].append(block.text)
            continue
        if block.marked or block.kind is not Kind.BODY:
            continue
        if _BYLINE.match(block.text):
            block.kind = Kind.BYLINE
        elif looks_like_heading(block.text):
            block.kind, block.level = Kind.HEADING, 2
        else:
            continue
        found[block.kind].append(block.text)
    return found
