"""RSS, Atom and RDF feeds through feedparser: one article per item.

The text arrives already decoded from the bytes (decode.py), so the feed is handed to feedparser as UTF-8 with
its XML declaration saying so; a declaration that named another encoding is not trusted twice.
"""

from __future__ import annotations

import io
import re

from qwen_reader.core.errors import LoadError
from qwen_reader.core.text.formats import Extracted, Piece
from qwen_reader.core.text.formats.markup import fragment_paragraphs, one_line, plain_paragraphs
from qwen_reader.core.text.model import Kind

_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


def extract_feed(text: str) -> list[Extracted]:
    import feedparser

    body = _DECLARATION.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1)
    # A stream, not a string: feedparser reads a string as a file name or an address to fetch.
    parsed = feedparser.parse(io.BytesIO(body.encode("utf-8")), resolve_relative_uris=False)
    outlet = one_line(parsed.feed.get("title", ""))
    articles = [_article(entry, outlet) for entry in parsed.entries]
    articles = [a for a in articles if a.pieces]
    if not articles:
        reason = getattr(parsed, "bozo_exception", None)
        raise LoadError("a feed with no items" + (f" ({reason})" if reason else ""))
    return articles


def _article(entry, outlet: str) -> Extracted:  # type: ignore[no-untyped-def]
    title = one_line(entry.get("title", ""))
    pieces = [Piece(Kind.HEADING, title, 1, True)] if title else []
    # An item's text is its description: short lines there are text, never headings (marked).
    pieces += [Piece(Kind.BODY, paragraph, 0, True) for paragraph in _text(entry)]
    if pieces and not title:
        title = pieces[0].text
    return Extracted(title=title, pieces=pieces, date=_date(entry), author=_author(entry), source=outlet,
                     link=entry.get("link", ""))


def _text(entry) -> list[str]:  # type: ignore[no-untyped-def]
    """The longest of the item's content and description, markup removed, references decoded."""
    candidates = [*entry.get("content", ()), entry.get("summary_detail")]
    best: list[str] = []
    for detail in candidates:
        if not detail or not detail.get("value"):
            continue
        value = detail["value"]
        paragraphs = plain_paragraphs(value) if detail.get("type") == "text/plain" else fragment_paragraphs(value)
        if sum(map(len, paragraphs)) > sum(map(len, best)):
            best = paragraphs
    return best


def _author(entry) -> str:  # type: ignore[no-untyped-def]
    """The author's name; RSS writes `mail@host (Name)`, and feedparser separates the name when it can."""
    detail = entry.get("author_detail") or {}
    return one_line(detail.get("name") or entry.get("author", "") or entry.get("dc_creator", ""))


def _date(entry) -> str:  # type: ignore[no-untyped-def]
    """The date as the feed writes it (feedparser's parsed form is in UTC, which would move the day)."""
    for key in ("published", "updated", "created", "dc_date"):
        if entry.get(key):
            return one_line(str(entry[key]))
    return ""
