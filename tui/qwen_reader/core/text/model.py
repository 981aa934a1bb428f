"""The document model every feature is built on: plain frozen dataclasses, no UI types."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
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


@dataclass(frozen=True)
class Paragraph:
    kind: Kind
    text: str
    # The paragraph as written, before cleaning (joined lines for rejoined ones); None when cleaning left
    # it unchanged, which is most paragraphs: `source` gives the as-written text either way.
    written: str | None = None
    # End offset of each sentence in `text`; `sentences` is built from these on first use. Keeping only
    # integers makes a large corpus cheap to build and to load from the cache.
    sentence_ends: tuple[int, ...] = ()
    script: Script = Script.NEUTRAL
    # Heading level (1 = title) or list nesting depth; 0 where it means nothing.
    level: int = 0
    # Inside a Markdown blockquote (a quoted list item keeps kind LIST_ITEM).
    quoted: bool = False
    # Damaged text that cleaning could not repair, flagged where it stands.
    flags: tuple[Span, ...] = ()
    # Length of a dateline or credit run into the paragraph's start (【本報訊】, （中央社記者…電）, 南都讯　记者…):
    # text[:credit] is a byline kept where it stands, so the paragraph reads as written. 0 when there is none.
    credit: int = 0

    @property
    def source(self) -> str:
        return self.text if self.written is None else self.written

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        starts = (0, *self.sentence_ends)
        return tuple(Sentence(self.text[a:b], a, b) for a, b in zip(starts, self.sentence_ends, strict=False))

    def packed(self) -> tuple[object, ...]:
        """Plain values only: what the document cache stores (cheap to pickle and to load)."""
        return (self.kind.value, self.text, self.written, self.sentence_ends, self.script.value, self.level,
                self.quoted, tuple(tuple(f) for f in self.flags), self.credit)

    @staticmethod
    def unpack(values: tuple) -> Paragraph:  # type: ignore[type-arg]
        kind, text, written, ends, script, level, quoted, flags, credit = values
        # Filling __dict__ directly skips the frozen dataclass's per-field object.__setattr__ calls.
        paragraph = object.__new__(Paragraph)
        paragraph.__dict__.update(kind=_KINDS[kind], text=text, written=written, sentence_ends=tuple(ends),
                                  script=_SCRIPTS[script], level=level, quoted=quoted,
                                  flags=tuple(Span(*f) for f in flags), credit=credit)
        return paragraph


_KINDS = {k.value: k for k in Kind}
_SCRIPTS = {s.value: s for s in Script}


class Article:
    """A report within a document. Loaded from the cache, its paragraphs stay packed until first used (plain
    tuples, or a loader that returns them): a large corpus starts without building objects for documents
    nobody has opened yet."""

    __slots__ = ("_packed", "_paragraphs", "author", "date", "link", "source", "title")

    def __init__(self, title: str, paragraphs: tuple[Paragraph, ...], *, date: str = "", author: str = "",
                 source: str = "", link: str = "") -> None:
        self.title = title
        # What the file says about the article (a page's metadata, a feed item's fields, a digest's labels):
        # date as written, author, source (outlet or site), link; "" when unknown.
        self.date, self.author, self.source, self.link = date, author, source, link
        self._paragraphs: tuple[Paragraph, ...] | None = paragraphs
        self._packed: tuple[tuple, ...] | None = None  # type: ignore[type-arg]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        if self._paragraphs is None:
            packed = self._packed() if callable(self._packed) else self._packed
            self._paragraphs = tuple(Paragraph.unpack(v) for v in packed or ())
            self._packed = None
        return self._paragraphs

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Article) and self.packed()[:5] == other.packed()[:5] \
            and self.paragraphs == other.paragraphs

    def __hash__(self) -> int:
        return hash(self.title)

    def __repr__(self) -> str:
        return f"Article(title={self.title!r}, paragraphs={len(self.paragraphs)})"

    def packed(self) -> list[object]:
        """Plain values only (what the document cache stores as JSON)."""
        paragraphs = [p.packed() for p in self.paragraphs] if self._packed is None or callable(self._packed) \
            else self._packed
        return [self.title, self.date, self.author, self.source, self.link, paragraphs]

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Article.unpack, (self.packed(),))

    @staticmethod
    def unpack(values: list | tuple) -> Article:  # type: ignore[type-arg]
        """From `packed()` values; paragraphs stay packed until first used. The paragraphs may also be given
        as a zero-argument loader returning packed values (the cache parses them only when needed)."""
        title, date, author, source, link, paragraphs = values
        article = object.__new__(Article)
        article.title, article.date, article.author, article.source, article.link = title, date, author, source, link
        article._paragraphs, article._packed = None, paragraphs
        return article


class RuleReport(NamedTuple):
    """What one cleaning rule did: how often, how many characters it removed, a few examples.

    A NamedTuple: every cached document holds a dozen, and tuples are the cheapest records to load."""

    rule: str
    count: int
    removed_chars: int = 0
    examples: tuple[str, ...] = ()


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
    # How the file was read: "text" (plain text or Markdown), "html" (a saved page) or "feed" (RSS/Atom/RDF).
    format: str = "text"

    @property
    def display_path(self) -> str:
        """The path as printable text: bytes of a file name that are not UTF-8 shown as \\xNN escapes."""
        return printable(self.path)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for a in self.articles for p in a.paragraphs)

    @property
    def sentence_count(self) -> int:
        return sum(len(p.sentence_ends) for p in self.paragraphs)

    def report_counts(self) -> dict[str, int]:
        return {r.rule: r.count for r in self.report}


def printable(name: str) -> str:
    """A file name decoded with surrogateescape, made valid Unicode for display and JSON."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A path that could not be opened as a document, with a one-line reason for the user."""

    path: str
    reason: str
