"""The document model every feature is built on: plain frozen dataclasses, no UI types."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Kind(StrEnum):
    """What a paragraph is; the UI styles by kind, translation and search skip boilerplate."""

    HEADING = "heading"
    BODY = "body"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CAPTION = "caption"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"
    SEPARATOR = "separator"


class Script(StrEnum):
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    MIXED = "mixed"
    # No character tells the scripts apart (English, digits, shared characters).
    NEUTRAL = "neutral"


# Span and Sentence are NamedTuples: there are hundreds of thousands of them in a large corpus, and tuples
# are the cheapest immutable records to build and to pickle into the document cache.
class Span(NamedTuple):
    """A half-open character range [start, end) in a paragraph's cleaned text."""

    start: int
    end: int
    kind: str
    note: str = ""


class Sentence(NamedTuple):
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: Kind
    text: str
    # The paragraph as written in the source, before cleaning (joined lines for rejoined ones).
    source: str
    sentences: tuple[Sentence, ...] = ()
    script: Script = Script.NEUTRAL
    # Heading level (1 = title) or list nesting depth; 0 where it means nothing.
    level: int = 0
    # Inside a Markdown blockquote (a quoted list item keeps kind LIST_ITEM).
    quoted: bool = False
    # Damaged text that cleaning could not repair, flagged where it stands.
    flags: tuple[Span, ...] = ()

    def __reduce__(self) -> tuple[type[Paragraph], tuple[object, ...]]:
        # Positional rebuild: several times faster to unpickle than the frozen dataclass default.
        return (Paragraph, (self.kind, self.text, self.source, self.sentences, self.script, self.level,
                            self.quoted, self.flags))


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: tuple[Paragraph, ...]

    def __reduce__(self) -> tuple[type[Article], tuple[object, ...]]:
        return (Article, (self.title, self.paragraphs))


@dataclass(frozen=True, slots=True)
class RuleReport:
    """What one cleaning rule did: how often, how many characters it removed, a few examples."""

    rule: str
    count: int
    removed_chars: int = 0
    examples: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[RuleReport], tuple[object, ...]]:
        return (RuleReport, (self.rule, self.count, self.removed_chars, self.examples))


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    path: str
    title: str
    script: Script
    articles: tuple[Article, ...]
    encoding: str
    size: int
    report: tuple[RuleReport, ...] = ()
    # One-line, user-facing notes on loading or cleaning problems (invalid bytes, damaged text).
    flags: tuple[str, ...] = ()
    # The decoded text exactly as written; cleaning never loses it.
    raw_text: str = field(default="", repr=False)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for a in self.articles for p in a.paragraphs)

    @property
    def sentence_count(self) -> int:
        return sum(len(p.sentences) for p in self.paragraphs)

    def report_counts(self) -> dict[str, int]:
        return {r.rule: r.count for r in self.report}


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A path that could not be opened as a document, with a one-line reason for the user."""

    path: str
    reason: str
