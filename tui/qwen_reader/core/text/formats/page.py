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
        raise LoadError("a web page with no article text in it")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    pieces = _pieces(main if main is not None else root)
    if pieces and pieces[0].kind is Kind.HEADING:
        title = pieces[0].text
        pieces[0].level = 1
    else:
        title = _page_title(_clean(root.get("title") or ""))
        if title:
            pieces.insert(0, Piece(Kind.HEADING, title, 1, True))
    sitename = root.get("sitename") or ""
    return Extracted(title=title, pieces=pieces, date=root.get("date") or "", author=root.get("author") or "",
                     source="" if "://" in sitename else sitename, link=root.get("url") or "")


def _page_title(title: str) -> str:
    while True:
        shorter = _TITLE_TAIL.sub("", title)
        if shorter == title or len(shorter) < 6:
            return title.strip()
        title = shorter


def _pieces(main: etree._Element) -> list[Piece]:
    pieces: list[Piece] = []
    caption = ""
    for el in main.iter("head", "p", "item", "quote", "graphic", "row"):
        if any(a.tag in ("item", "quote", "row") for a in el.iterancestors()) and el.tag != "graphic":
            continue  # the enclosing item or quote already holds this text
        if el.tag == "graphic":
            caption = _clean(el.get("alt") or el.get("title") or "")
            if caption:
                pieces.append(Piece(Kind.CAPTION, caption, 0, True))
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
