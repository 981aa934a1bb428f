"""Cleaned blocks to the document model: articles, titles, sentences and scripts."""

from __future__ import annotations

from pathlib import Path

from qwen_reader.core.text import formats
from qwen_reader.core.text.blocks import RawBlock
from qwen_reader.core.text.clean import Cleaned, clean, clean_blocks, merge_reports
from qwen_reader.core.text.decode import Decoded
from qwen_reader.core.text.formats.records import extract_labelled, extract_records, is_labelled, is_records
from qwen_reader.core.text.model import Article, Document, Kind, Paragraph, printable
from qwen_reader.core.text.script import script_counts_many, script_of_counts
from qwen_reader.core.text.segment import sentence_ends

TITLE_CHARS = 32


def build_document(doc_id: str, path: Path, decoded: Decoded, size: int) -> Document:
    fmt = formats.sniff(path.suffix, decoded.text)
    records = fmt == formats.TEXT and is_records(decoded.text)
    labelled = fmt == formats.TEXT and not records and is_labelled(decoded.text)
    if fmt == formats.TEXT and not records and not labelled:
        cleaned = clean(decoded.text)
        paragraphs, counts = _paragraphs(cleaned)
        articles = tuple(_split_articles(paragraphs))
        report = cleaned.report
    else:
        if records:
            extracted = extract_records(decoded.text)
        elif labelled:
            extracted = extract_labelled(decoded.text)
        else:
            extracted = formats.extract(fmt, decoded.text)
        paragraphs, counts, built, reports = [], [], [], []
        for source in extracted:
            cleaned = clean_blocks([RawBlock(p.kind, p.text, p.text, level=p.level, marked=p.marked)
                                    for p in source.pieces])
            these, these_counts = _paragraphs(cleaned)
            if not these:
                continue
            paragraphs += these
            counts += these_counts
            reports.append(cleaned.report)
            built.append(Article(source.title or title_of(these), tuple(these), date=source.date,
                                 author=source.author, source=source.source, link=source.link))
        articles = tuple(built)
        report = merge_reports(reports)
    flags: list[str] = []
    if decoded.replaced:
        flags.append(f"{decoded.replaced} invalid byte sequence{'s' if decoded.replaced != 1 else ''} "
                     f"replaced with \ufffd ({decoded.encoding})")
    for p in paragraphs:
        for span in p.flags:
            flags.append(f"damaged text left as found: {p.text[span.start:span.end]!r} ({span.note})")
    if not paragraphs:
        flags.append("no readable text after cleaning")
    return Document(
        id=doc_id,
        path=str(path),
        title=articles[0].title if articles else printable(path.stem),
        script=script_of_counts(*_document_counts(paragraphs, counts)),
        articles=articles,
        encoding=decoded.encoding,
        size=size,
        report=report,
        flags=tuple(flags),
        format=fmt,
    )


def _paragraphs(cleaned: Cleaned) -> tuple[list[Paragraph], list[tuple[int, int]]]:
    counts = script_counts_many([b.text for b in cleaned.blocks])
    return [_freeze(b, c) for b, c in zip(cleaned.blocks, counts, strict=True)], counts


def _freeze(block: RawBlock, counts: tuple[int, int]) -> Paragraph:
    return Paragraph(
        kind=block.kind,
        text=block.text,
        written=None if block.source.strip() == block.text else block.source,
        sentence_ends=sentence_ends(block.text),
        script=script_of_counts(*counts),
        level=block.level,
        quoted=block.quoted,
        credit=block.credit,
        flags=tuple(block.flags),
    )


_TEXT_KINDS = frozenset((Kind.BODY, Kind.QUOTE, Kind.LIST_ITEM))
_TRAILING = frozenset((Kind.BYLINE, Kind.BOILERPLATE, Kind.SEPARATOR, Kind.CAPTION))


def _split_articles(paragraphs: list[Paragraph]) -> list[Article]:
    """A byline after a report's text closes it; what follows is the next report in the same file.

    Credits never start an article: a byline above the text (a dateline under the headline) closes nothing,
    and credits and notices right after a closing byline (编辑 王五 / 校对 赵六) stay with the report they end."""
    groups: list[list[Paragraph]] = [[]]
    closed = False
    for p in paragraphs:
        if closed and p.kind not in _TRAILING:
            groups.append([])
            closed = False
        groups[-1].append(p)
        if p.kind is Kind.BYLINE and any(q.kind in _TEXT_KINDS for q in groups[-1]):
            closed = True
    return [Article(title_of(g), tuple(g)) for g in groups if g]


def title_of(paragraphs: list[Paragraph] | tuple[Paragraph, ...]) -> str:
    """The opening heading, else the first sentence shortened."""
    for p in paragraphs:
        if p.kind in (Kind.BOILERPLATE, Kind.SEPARATOR, Kind.CAPTION, Kind.BYLINE):
            continue
        if p.kind is Kind.HEADING:
            return p.text
        first = p.sentences[0].text.strip() if p.sentences else p.text
        return shorten(first.rstrip("。！？!?；;"), TITLE_CHARS)
    return ""


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip("，,、 ") + "…"


def _document_counts(paragraphs: list[Paragraph], counts: list[tuple[int, int]]) -> tuple[int, int]:
    kept = [c for p, c in zip(paragraphs, counts, strict=True) if p.kind is not Kind.BOILERPLATE]
    return sum(c[0] for c in kept), sum(c[1] for c in kept)
