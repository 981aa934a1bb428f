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


# News digests as text: blocks of `关键字：/标题：/时间：/来源：/内容摘要：` lines, one block per item.
_LABEL = re.compile(
    r"^\s*(关键字|關鍵字|关键词|關鍵詞|标题|標題|时间|時間|日期|来源|來源|作者|链接|鏈接|网址|網址"
    r"|内容摘要|內容摘要|摘要|内容|內容|正文)\s*[:：]\s*(.*)$"
)
_ROLES = {
    "标题": "title", "標題": "title", "时间": "date", "時間": "date", "日期": "date", "来源": "source",
    "來源": "source", "作者": "author", "链接": "link", "鏈接": "link", "网址": "link", "網址": "link",
    "关键字": "keywords", "關鍵字": "keywords", "关键词": "keywords", "關鍵詞": "keywords",
}
_TITLE_LABEL = re.compile(r"^\s*(?:标题|標題)\s*[:：]", re.MULTILINE)


def is_labelled(text: str) -> bool:
    head = text[:200_000]
    # A substring test first: most texts hold no label at all, and it is far cheaper than the regex scan.
    if "标题" not in head and "標題" not in head:
        return False
    return len(_TITLE_LABEL.findall(head)) >= 2


def extract_labelled(text: str) -> list[Extracted]:
    """One article per labelled block; a label seen again in the same block starts the next item."""
    items: list[list[tuple[str, str, str]]] = [[]]  # (role, label line, value)
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _LABEL.match(line)
        if m is None:
            items[-1].append(("body", line.strip(), line.strip()))
            continue
        role = _ROLES.get(m.group(1), "body")
        if role != "body" and any(r == role for r, _, _ in items[-1]):
            items.append([])
        items[-1].append((role, line.strip(), m.group(2).strip()))
    articles = []
    for item in items:
        fields = {role: value for role, _, value in reversed(item)}
        title = fields.get("title", "")
        pieces = [Piece(Kind.HEADING, title, 1, True)] if title else []
        for role, line, value in item:
            if role == "body" and value:
                pieces.append(Piece(Kind.BODY, value))
            elif role in ("source", "date", "author"):
                pieces.append(Piece(Kind.BYLINE, line, 0, True))  # credits stay visible as written
            elif role == "keywords":
                pieces.append(Piece(Kind.BOILERPLATE, line, 0, True))
        if any(p.kind is Kind.BODY or p.kind is Kind.HEADING for p in pieces):
            articles.append(Extracted(title=title, pieces=pieces, date=fields.get("date", ""),
                                      author=fields.get("author", ""), source=fields.get("source", ""),
                                      link=fields.get("link", "")))
    return articles
