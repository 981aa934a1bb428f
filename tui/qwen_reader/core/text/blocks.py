"""Raw text to blocks: one block per source line, with Markdown read as structure rather than text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qwen_reader.core.text.model import Kind, Span


@dataclass(slots=True)
class RawBlock:
    """A paragraph while it is being cleaned; frozen into a models.Paragraph at the end."""

    kind: Kind
    text: str
    source: str
    level: int = 0
    quoted: bool = False
    # Set when the kind came from explicit markup, so heuristics leave it alone.
    marked: bool = False
    flags: list[Span] = field(default_factory=list)
    # Length of a credit run into the start of the text (see model.Paragraph.credit).
    credit: int = 0


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_LIST = re.compile(r"^([ \t]*)(?:[-*+•●▪·]|\d{1,3}[.)])[ \t]+(?=\S)")
_SEPARATOR = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# Image syntax, with or without a URL; alt text of an image is not body text either.
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:[ \t]+\"[^\"\n]*\")?\)")
_ESCAPE = re.compile(r"^\\(?=[#>\-*+`\\]|\d)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


@dataclass(slots=True)
class MarkupTally:
    count: int = 0
    removed: int = 0
    examples: list[str] = field(default_factory=list)

    def note(self, before: str, after: str) -> None:
        self.count += 1
        self.removed += visible_chars(before) - visible_chars(after)
        if len(self.examples) < 3:
            self.examples.append(before.strip()[:60])


def visible_chars(text: str) -> int:
    return len("".join(text.split()))


def split_blocks(text: str, tally: MarkupTally) -> list[RawBlock]:
    """Every non-blank line is a block; Markdown headings, quotes, lists, rules and links become structure."""
    blocks: list[RawBlock] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        blocks.append(_parse_line(line, tally))
    return blocks


_MARKUP_START = frozenset("#>-*+_0123456789•●▪·\\ \t")


def _parse_line(line: str, tally: MarkupTally) -> RawBlock:
    if line[0] not in _MARKUP_START and "[" not in line and "**" not in line and "__" not in line:
        # Plain prose, the common case: no Markdown to read.
        return RawBlock(Kind.BODY, line.strip(), line)
    source = line
    body = line
    quoted = False
    m = _QUOTE.match(body)
    if m:
        quoted = True
        body = body[m.end():]
    if _SEPARATOR.match(body) and not quoted:
        tally.note(source, "")
        return RawBlock(Kind.SEPARATOR, "", source, marked=True)
    kind, level, marked = Kind.BODY, 0, quoted
    m = _HEADING.match(body)
    if m and m.group(2):
        kind, level, marked = Kind.HEADING, len(m.group(1)), True
        body = m.group(2)
    else:
        m = _LIST.match(body)
        if m:
            kind, level, marked = Kind.LIST_ITEM, 1 + len(m.group(1).expandtabs(4)) // 2, True
            body = body[m.end():]
    if quoted and kind is Kind.BODY:
        kind = Kind.QUOTE
    body = _LINK.sub(lambda lm: lm.group(1), body)
    body = _STRONG.sub(lambda sm: sm.group(2), body)
    escaped = _ESCAPE.sub("", body)
    # An escaped marker means "this is text": no heuristic may turn it into a heading.
    marked = marked or escaped != body
    body = escaped.strip()
    if body != source.strip():
        tally.note(source, body)
    return RawBlock(kind, body, source, level=level, quoted=quoted, marked=marked)


def render_markdown(blocks: list[tuple[Kind, str, int, bool]]) -> str:
    """Write cleaned paragraphs back as text that cleans to the same paragraphs (used for idempotence)."""
    out: list[str] = []
    for kind, text, level, quoted in blocks:
        prefix = "> " if quoted else ""
        if kind is Kind.SEPARATOR:
            out.append("---")
            continue
        if kind is Kind.HEADING:
            line = "#" * max(level, 1) + " " + text
            if re.search(r"[ \t]#+$", text):
                line += " #"  # a closing sequence, so the text's own trailing '#' is not read as one
        elif kind is Kind.LIST_ITEM:
            line = "  " * max(level - 1, 0) + "- " + text
        else:
            needs_escape = bool(_HEADING.match(text) or _LIST.match(text) or _QUOTE.match(text)
                                or _SEPARATOR.match(text) or text.startswith("\\"))
            line = ("\\" if needs_escape else "") + text
        out.append(prefix + line)
    return "\n\n".join(out) + "\n"
