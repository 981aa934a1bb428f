"""Saved web pages: the article's text, title, date and author through trafilatura.

trafilatura was chosen over readability-lxml on the local corpus of 20 real pages (bench/SOURCES-real-input.md):
it found 46 of 47 hand-listed opening body paragraphs against 43, kept as few menu/footer strings (3 against 3)
with favor_precision, read a page readability returned empty, and also gives the date and author readability
lacks. It is given decoded text, never bytes, so a <meta charset> that lies is never consulted.
"""

from __future__ import annotations

import re

from lxml import etree

from qwen_reader.core.errors import LoadError
from qwen_reader.core.text.formats import Extracted, Piece
from qwen_reader.core.text.model import Kind

_KINDS = {"head": Kind.HEADING, "p": Kind.BODY, "item": Kind.LIST_ITEM, "quote": Kind.QUOTE, "row": Kind.BODY}
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[A-Za-z]")
# The site name a <title> often carries after the headline ("headline | section | outlet").
_TITLE_TAIL = re.compile(r"\s*[|｜_–—-]\s*[^|｜_–—-]{1,30}$")


def extract_page(html: str) -> Extracted:
    import trafilatura

    xml = None
    for precision in (True, False):
        # Precision first keeps menus and footers out; a page it empties entirely is tried again with recall.
        xml = trafilatura.extract(html, output_format="xml", favor_precision=precision, with_metadata=True,
                                  include_images=True, include_tables=True, include_comments=False,
                                  include_links=False, deduplicate=False)
        if xml:
            break
    if not xml:
        xml = "<doc><main/></doc>"
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    pieces = _drop_repeated_captions(_pieces(main if main is not None else root))
    if _too_plain(pieces, html):
        # A page with no article markup (text straight in <body>): its visible lines are the text.
        from qwen_reader.core.text.formats.markup import page_lines

        pieces = [Piece(Kind.BODY, line) for line in page_lines(html)]
    page_title = _headline_of(html) or _page_title(_clean(root.get("title") or ""))
    pieces = _headline_first(pieces, page_title)
    if not any(p.kind is not Kind.HEADING for p in pieces):
        raise LoadError("a web page with no article text in it")
    if pieces and pieces[0].kind is Kind.HEADING and not _section_label(pieces[0].text, page_title, pieces):
        title = pieces[0].text
        pieces[0].level = 1
    else:
        # No heading, or a short section label (大中華) above a headline the <title> names.
        title = page_title
        if title:
            pieces.insert(0, Piece(Kind.HEADING, title, 1, True))
    pieces = _with_credits(html, pieces)
    sitename = root.get("sitename") or ""
    return Extracted(title=title, pieces=pieces, date=root.get("date") or "", author=root.get("author") or "",
                     source="" if "://" in sitename else sitename, link=root.get("url") or "")


_PLAIN_PAGE_CHARS = 200
_PLAIN_PAGE_TAGS = 24
_PLAIN_PAGE_MIN = 20


def _too_plain(pieces: list[Piece], html: str) -> bool:
    """The extractor kept next to nothing of a bare page (a handful of tags, text straight in <body>): with no
    menus or footers to leave out, its visible text is the article."""
    from qwen_reader.core.text.formats.markup import page_lines

    kept = sum(len(p.text) for p in pieces if p.kind is not Kind.HEADING)
    if kept >= _PLAIN_PAGE_CHARS or len(_TAG.findall(html, 0, 200_000)) > _PLAIN_PAGE_TAGS:
        return False
    return sum(len(line) for line in page_lines(html)) > max(2 * kept, _PLAIN_PAGE_MIN)


def _headline_first(pieces: list[Piece], page_title: str) -> list[Piece]:
    """When the <title>'s headline is a later heading, what the extractor put above it is a section label or a
    teaser: the headline goes first, labels and repeats above it go, anything else follows it."""
    key = _SPACE.sub("", page_title)
    at = next((i for i, p in enumerate(pieces) if p.kind is Kind.HEADING and _SPACE.sub("", p.text) == key), 0)
    if at == 0 or len(key) < 8:
        return pieces
    later = {_SPACE.sub("", p.text) for p in pieces[at + 1:]}
    above = [p for p in pieces[:at] if not (p.kind is Kind.HEADING and len(p.text) < 6)
             and _SPACE.sub("", p.text) not in later]
    return [pieces[at], *above, *pieces[at + 1:]]


def _section_label(heading: str, page_title: str, pieces: list[Piece]) -> bool:
    """A first heading much shorter than the page's headline, which appears nowhere else, is a section name."""
    if len(heading) >= 6 or len(page_title) < 8 or page_title == heading:
        return False
    return not any(_SPACE.sub("", p.text) == _SPACE.sub("", page_title) for p in pieces)


_OG_TITLE = re.compile(r"""<meta[^>]+property=["']og:title["'][^>]*content=["']([^"']+)["']""", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HEAD_CHARS = 100_000


def _headline_of(html: str) -> str:
    """The headline the page names itself: og:title, else the longest part of <title> (the extractor's own
    title is sometimes a section name)."""
    import html as entities

    for pattern in (_OG_TITLE, _TITLE_TAG):
        m = pattern.search(html, 0, _HEAD_CHARS)
        if m:
            title = _page_title(_clean(entities.unescape(m.group(1))))
            if len(title) >= _MIN_ALT_HAN:
                return title
    return ""


def _page_title(title: str) -> str:
    """A <title> holds the headline and the site's name and section ("headline | section | outlet" or
    "outlet - headline"): the longest part is the headline."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len) if parts else title.strip()


_TITLE_SEPARATORS = re.compile(
    r"\s+[|｜_–—-]+\s+|\s*[|｜]\s*|_|(?<=[\u3000-\u9fff\uff00-\uffef])[-–—]+(?=[\u4e00-\u9fff])")
_MIN_ALT_HAN = 6
_MIN_ALT_WORDS = 3


def _is_caption(alt: str) -> bool:
    """An image's alt text is a caption when it says something; short alts are icons and logos (分享, facebook)."""
    return len(_HAN.findall(alt)) >= _MIN_ALT_HAN or len(alt.split()) >= _MIN_ALT_WORDS


def _drop_repeated_captions(pieces: list[Piece]) -> list[Piece]:
    """A caption printed again as a paragraph beside its image (maybe with a share button's label) is kept once."""
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        if piece.kind is Kind.BODY:
            mine = _SPACE.sub("", piece.text)
            near = [pieces[j] for j in (i - 1, i + 1) if 0 <= j < len(pieces) and pieces[j].kind is Kind.CAPTION]
            if any(_repeats(_SPACE.sub("", n.text).rstrip(".…"), mine) for n in near):
                continue
        out.append(piece)
    return out


def _repeats(caption: str, text: str) -> bool:
    """The paragraph is the caption again: whole, or from a shortened alt text ("…記者陳嘉寧..."), plus at most
    a button's label."""
    return len(caption) >= _MIN_ALT_HAN and (caption in text or text.startswith(caption)) \
        and len(text) - len(caption) <= 24


# Credits the extractor leaves out (it reads them as page metadata): the page's own text between the headline
# and the article's first paragraph, and just after its last one, keeps each line that reads as a credit.
_TRAILING_LINES = 15


def _with_credits(html: str, pieces: list[Piece]) -> list[Piece]:
    from qwen_reader.core.text.formats.markup import page_lines
    from qwen_reader.core.text.rules_blocks import is_credit

    texts = [p for p in pieces if p.kind in (Kind.BODY, Kind.LIST_ITEM, Kind.QUOTE) and len(p.text) >= 8]
    if not pieces or pieces[0].kind is not Kind.HEADING or not texts:
        return pieces
    lines = page_lines(html)
    keys = [_SPACE.sub("", line) for line in lines]
    head = _SPACE.sub("", pieces[0].text)
    start = next((i for i, k in enumerate(keys) if k == head), None)
    if start is None:
        return pieces
    first, last = _SPACE.sub("", texts[0].text)[:20], _SPACE.sub("", texts[-1].text)[:20]
    body = next((i for i in range(start + 1, len(keys)) if keys[i].startswith(first)), None)
    if body is None:
        return pieces
    end = next((i for i in range(len(keys) - 1, body - 1, -1) if keys[i].startswith(last)), body)
    shown = {_SPACE.sub("", p.text) for p in pieces}
    lead = [Piece(Kind.BYLINE, lines[i], 0, True) for i in range(start + 1, body)
            if is_credit(lines[i]) and keys[i] not in shown]
    tail = [Piece(Kind.BYLINE, lines[i], 0, True) for i in range(end + 1, min(end + 1 + _TRAILING_LINES, len(lines)))
            if is_credit(lines[i]) and keys[i] not in shown]
    return [pieces[0], *_unique(lead), *pieces[1:], *_unique(tail)]


def _unique(pieces: list[Piece]) -> list[Piece]:
    seen: set[str] = set()
    out = []
    for p in pieces:
        if p.text not in seen:
            seen.add(p.text)
            out.append(p)
    return out


def _pieces(main: etree._Element) -> list[Piece]:
    pieces: list[Piece] = []
    caption = ""
    for el in main.iter("head", "p", "item", "quote", "graphic", "row"):
        if any(a.tag in ("item", "quote", "row") for a in el.iterancestors()) and el.tag != "graphic":
            continue  # the enclosing item or quote already holds this text
        if el.tag == "graphic":
            caption = _clean(el.get("alt") or el.get("title") or "")
            if caption and _is_caption(caption):
                pieces.append(Piece(Kind.CAPTION, caption, 0, True))
            else:
                caption = ""
            continue
        text = _clean("".join(el.itertext()) if el.tag != "row" else " ".join(
            _clean("".join(c.itertext())) for c in el))
        if not text:
            continue
        if caption and _SPACE.sub("", text) == _SPACE.sub("", caption):
            caption = ""
            continue  # a caption printed again under its image
        caption = ""
        kind = _KINDS[el.tag]
        level = 2 if kind is Kind.HEADING else (1 if kind is Kind.LIST_ITEM else 0)
        pieces.append(Piece(kind, text, level, kind is not Kind.BODY))
    return pieces


_BREAK = re.compile(r"[ \t]*\n\s*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def _clean(text: str) -> str:
    """Line breaks inside one paragraph are the page's layout: none between Chinese characters, else a space."""
    def join(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        return "" if _HAN.match(before) or _HAN.match(after) else " "

    return _BREAK.sub(join, text).strip()
