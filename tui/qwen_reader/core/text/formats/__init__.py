"""Files that are not plain text: saved web pages, RSS/Atom/RDF feeds, tagged record dumps.

`sniff` names the format from the suffix and the first bytes (a feed saved as .txt is still a feed); `extract`
turns decoded text of that format into articles of pieces (kind, text). Cleaning rules then run on the pieces
as they do on plain text, so bylines, boilerplate and captions are read the same way in every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qwen_reader.core.text.model import Kind

TEXT, HTML, FEED = "text", "html", "feed"

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
SUFFIXES = (".txt", ".md", *_HTML_SUFFIXES, *_FEED_SUFFIXES)

# What the start of a file says it is, whatever its name: markup comments and declarations are skipped first.
_PROLOGUE = re.compile(r"^(?:\ufeff|\s|<\?xml[^>]*\?>|<\?xml-stylesheet[^>]*\?>|<!--.*?-->)*", re.DOTALL)
_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!DOCTYPE\s+html|html|head)\b", re.IGNORECASE)


@dataclass(slots=True)
class Piece:
    """One paragraph as the source marks it; `marked` kinds came from explicit markup."""

    kind: Kind
    text: str
    level: int = 0
    marked: bool = False


@dataclass(slots=True)
class Extracted:
    """One article of a page, feed or record dump, with what the source says about it."""

    title: str
    pieces: list[Piece] = field(default_factory=list)
    date: str = ""
    author: str = ""
    source: str = ""
    link: str = ""


def sniff(suffix: str, text: str) -> str:
    """The format of a decoded file: its content decides for .txt and friends, its suffix otherwise."""
    head = text[:4096]
    start = _PROLOGUE.match(head)
    rest = head[start.end() if start else 0:]
    if _FEED_START.match(rest):
        return FEED
    if _HTML_START.match(rest):
        return HTML
    suffix = suffix.lower()
    if suffix in _FEED_SUFFIXES and "<" in rest[:200]:
        return FEED
    if suffix in _HTML_SUFFIXES:
        return HTML
    return TEXT


def extract(fmt: str, text: str) -> list[Extracted]:
    """Articles of a page or feed; raise LoadError with a reason when nothing readable is in it."""
    if fmt == HTML:
        from qwen_reader.core.text.formats.page import extract_page

        return [extract_page(text)]
    if fmt == FEED:
        from qwen_reader.core.text.formats.feed import extract_feed

        return extract_feed(text)
    raise ValueError(fmt)
