"""HTML fragments (feed descriptions) to paragraphs of plain text, character references decoded."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Elements that end a paragraph; <br> too. Everything else is inline.
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "ul", "ol",
                     "table", "section", "article", "figure", "figcaption", "pre", "hr", "dd", "dt"})
_DROP = ("script", "style", "noscript", "iframe", "object", "template")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def fragment_paragraphs(html: str) -> list[str]:
    """The visible text of an HTML fragment, one string per block, inline markup removed."""
    if "<" not in html and "&" not in html:
        return plain_paragraphs(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return plain_paragraphs(html)
    for bad in list(root.iter(*_DROP)):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    return plain_paragraphs(root.text_content())


def plain_paragraphs(text: str) -> list[str]:
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


def one_line(text: str) -> str:
    """A title as one line: markup removed, line breaks inside it become spaces."""
    if "<" in text or "&" in text:
        return " ".join(fragment_paragraphs(text))
    return _BREAKS.sub(" ", text).strip()


def page_lines(html: str) -> list[str]:
    """Every visible line of a whole page in document order (scripts, styles and comments left out)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for bad in list(root.iter(*_DROP, "head")):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions
        if el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return plain_paragraphs(root.text_content())
