"""`qwen-reader search` and `qwen-reader related`: registered on the main group by cli.py (one line)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from qwen_reader.core.errors import NotFoundError
from qwen_reader.core.library import Corpus


def _corpus(paths: tuple[Path, ...]) -> Corpus:
    from qwen_reader.cli import _open

    return _open(paths, False)


def _index(corpus: Corpus):  # type: ignore[no-untyped-def]
    from qwen_reader.core.search.index import SearchIndex

    index = SearchIndex()
    if index.note:
        click.echo(f"note: {index.note}", err=True)
    # Indexing many files takes a while: say so on a terminal, never in --json output.
    progress = None
    if sys.stderr.isatty():
        def progress(done: int, total: int, path: str) -> None:
            if total > 20 and (done == total or done % 50 == 0):
                click.echo(f"\rindexing {done}/{total}", err=True, nl=done == total)
    index.sync(corpus.documents, progress=progress)
    return index


@click.command()
@click.argument("query")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--limit", default=20, show_default=True, help="At most this many hits.")
def search(query: str, paths: tuple[Path, ...], as_json: bool, limit: int) -> None:
    """Find QUERY in every document under PATHS (default: the bundled seeds): either script, pinyin with or
    without tones (zhouhao, zhōu hào), or English words."""
    from qwen_reader.core.search.query import search as run

    corpus = _corpus(paths)
    index = _index(corpus)
    hits = run(index, query, limit=limit)
    index.close()
    if as_json:
        click.echo(json.dumps([{"doc": h.doc, "paragraph": h.paragraph, "sentence": h.sentence, "text": h.text,
                                "score": h.score, "spans": [list(s) for s in h.spans], "via": h.via}
                               for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"nothing matches {query!r}")
    for h in hits:
        via = f"  ({h.via})" if h.via else ""
        click.echo(f"{h.doc}  ¶{h.paragraph} #{h.sentence}  {h.score:.3f}{via}\n    {_marked(h.text, h.spans)}")


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], "[", text[start:end], "]"]
        pos = end
    return "".join([*out, text[pos:]]).strip()


@click.command()
@click.argument("doc")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--at", "phrase", required=True, help="A phrase of DOC: its sentence is the one looked up.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--limit", default=10, show_default=True, help="At most this many passages.")
def related(doc: str, paths: tuple[Path, ...], phrase: str, as_json: bool, limit: int) -> None:
    """Passages in other documents of the corpus telling what DOC says at PHRASE, with reasons. DOC is an
    id, id prefix or path within the corpus (PATHS, default: the bundled seeds)."""
    from qwen_reader.core.search.entity_source import corpus_entities
    from qwen_reader.core.search.related import RelatedFinder, sentence_at

    corpus = _corpus(paths)
    document = corpus.find(doc)
    sentence = sentence_at(document, phrase)
    if sentence is None:
        raise NotFoundError(f"{document.id} does not contain {phrase!r}")
    index = _index(corpus)
    found = RelatedFinder(index, corpus_entities(corpus.documents)).for_sentence(document.id, sentence, limit=limit)
    index.close()
    if as_json:
        click.echo(json.dumps([{"doc": r.doc, "paragraph": r.paragraph, "sentence": r.sentence, "text": r.text,
                                "score": r.score,
                                "reasons": [{"kind": x.kind, "items": list(x.items)} for x in r.reasons]}
                               for r in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no related passages in other documents")
    for r in found:
        click.echo(f"{r.doc}  ¶{r.paragraph} #{r.sentence}  {r.score:.3f}\n    {r.text.strip()}")
        for reason in r.reasons:
            click.echo(f"      - {reason}")


def register(group: click.Group) -> None:
    group.add_command(search)
    group.add_command(related)
