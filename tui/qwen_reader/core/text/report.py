"""Documents as plain text and as JSON for the headless `inspect` command."""

from __future__ import annotations

from typing import Any

from qwen_reader.core.text.model import Document, Kind

_TAGS = {
    Kind.HEADING: "H", Kind.BODY: "¶", Kind.LIST_ITEM: "•", Kind.QUOTE: ">", Kind.CAPTION: "cap",
    Kind.BYLINE: "by", Kind.BOILERPLATE: "bp", Kind.SEPARATOR: "—",
}


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.display_path,
        "title": doc.title,
        "format": doc.format,
        "script": doc.script.value,
        "encoding": doc.encoding,
        "size": doc.size,
        "flags": list(doc.flags),
        "report": {r.rule: r.count for r in doc.report},
        "report_details": [
            {"rule": r.rule, "count": r.count, "removed_chars": r.removed_chars, "examples": list(r.examples)}
            for r in doc.report
        ],
        "articles": [
            {
                "title": a.title,
                "date": a.date,
                "author": a.author,
                "source": a.source,
                "link": a.link,
                "paragraphs": [
                    {
                        "kind": p.kind.value,
                        "text": p.text,
                        "source": p.source,
                        "script": p.script.value,
                        "level": p.level,
                        "quoted": p.quoted,
                        "credit": p.credit,
                        "flags": [{"start": f.start, "end": f.end, "note": f.note} for f in p.flags],
                        "sentences": [{"text": s.text, "start": s.start, "end": s.end} for s in p.sentences],
                    }
                    for p in a.paragraphs
                ],
            }
            for a in doc.articles
        ],
    }


def document_text(doc: Document, *, sentences: bool = True) -> str:
    """A human summary: identity, cleaning report, flags, then every paragraph with its kind."""
    paragraphs = doc.paragraphs
    lines = [
        f"{doc.id}  {doc.display_path}",
        f"title     {doc.title}",
        f"format    {doc.format}   script {doc.script.value}   encoding {doc.encoding}   {doc.size:,} bytes",
        f"contents  {len(doc.articles)} article(s), {len(paragraphs)} paragraphs, {doc.sentence_count} sentences",
    ]
    for flag in doc.flags:
        lines.append(f"flag      {flag}")
    lines.append("cleaning")
    for r in doc.report:
        if r.count:
            examples = "; ".join(r.examples[:3])
            removed = f" (-{r.removed_chars} chars)" if r.removed_chars else ""
            lines.append(f"  {r.rule:<20} {r.count:>5}{removed}  {examples}")
    for n, article in enumerate(doc.articles, 1):
        lines.append("")
        lines.append(f"article {n}: {article.title}")
        for label, value in (("date", article.date), ("author", article.author), ("source", article.source),
                             ("link", article.link)):
            if value:
                lines.append(f"  {label:<7}{value}")
        for p in article.paragraphs:
            tag = _TAGS[p.kind] + (">" if p.quoted and p.kind is not Kind.QUOTE else "")
            body = " ‖ ".join(s.text for s in p.sentences) if sentences and p.sentences else p.text
            if p.credit:  # a dateline run into the text: marked where it stands
                tag += "+by"
            lines.append(f"  [{tag}] {body}" if p.kind is not Kind.SEPARATOR else "  [—] ―――")
    return "\n".join(lines)
