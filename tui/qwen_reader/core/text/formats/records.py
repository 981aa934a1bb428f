"""Tagged record dumps saved as text (SogouCA/TREC style): `<doc><url>…</url><contenttitle>…</contenttitle>
<content>…</content></doc>` repeated. One article per record; the tags are structure, never shown as text."""

from __future__ import annotations

import html
import re

from qwen_reader.core.text.formats import Extracted, Piece
from qwen_reader.core.text.model import Kind

_RECORD = re.compile(r"<(doc|DOC)>(.*?)</\1>", re.DOTALL)
_FIELD = re.compile(r"<([A-Za-z]+)>(.*?)</\1>", re.DOTALL)
_START = re.compile(r"^\ufeff?\s*(?:<doclist>\s*)?<(?:doc|DOC)>\s*<[A-Za-z]+>")
# Dumps separate paragraphs with a private-use character (or the ? it became in a lossy conversion).
_PARAGRAPH_BREAK = re.compile(r"[\ue000-\uf8ff]+|\s*\n\s*")
_TITLE, _BODY, _LINK, _DATE = ("title", "headline"), ("content", "text", "body"), ("url", "link"), ("date", "time")


def is_records(text: str) -> bool:
    return bool(_START.match(text[:1024])) and len(_RECORD.findall(text[:200_000])) >= 2


def extract_records(text: str) -> list[Extracted]:
    articles = []
    for match in _RECORD.finditer(text):
        fields: dict[str, str] = {}
        for name, value in _FIELD.findall(match.group(2)):
            fields.setdefault(name.lower(), html.unescape(value).strip())
        title = _pick(fields, _TITLE)
        body = _pick(fields, _BODY)
        pieces = [Piece(Kind.HEADING, " ".join(title.split()), 1, True)] if title else []
        pieces += [Piece(Kind.BODY, p.strip()) for p in _PARAGRAPH_BREAK.split(body) if p.strip()]
        if pieces:
            articles.append(Extracted(title=pieces[0].text, pieces=pieces,
                                      date=_pick(fields, _DATE), link=_pick(fields, _LINK)))
    return articles


def _pick(fields: dict[str, str], names: tuple[str, ...]) -> str:
    for key, value in fields.items():
        if any(key == n or key.endswith(n) for n in names):
            return value
    return ""
