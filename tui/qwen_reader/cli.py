"""Command line: argument parsing, subcommands and exit codes; the work happens in core/ and ui/."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path

import click

from qwen_reader import __version__
from qwen_reader.cli_search import register as register_search
from qwen_reader.core.errors import NotFoundError, ReaderError
from qwen_reader.core.library import Corpus, open_corpus
from qwen_reader.core.store.paths import HOME_ENV
from qwen_reader.core.text.model import Document

EXIT_NOTHING_OPENED = 2
BENCH_EXIT_ENV = "QWEN_READER_BENCH_EXIT"


class _ClosedPipe(Exception):
    """The reader of our output went away (`qwen-reader list | head -1`): not an error, as for any Unix tool."""


def _out(text: str) -> None:
    """Print one line of results. click turns a broken pipe into exit 1 itself, so it is caught first here."""
    try:
        click.echo(text)
    except BrokenPipeError as exc:
        raise _ClosedPipe from exc


def _json(value: object) -> str:
    # File names that are not UTF-8 are already escaped in paths and ids; this guards every other string.
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8", "backslashreplace").decode("utf-8")


class _DefaultToRead(click.Group):
    """`qwen-reader PATH...` means `qwen-reader read PATH...`: anything not a subcommand is a path."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["read", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToRead, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qwen-reader")
def cli() -> None:
    """Read Chinese news in a terminal: the article, its other script, and English, side by side.

    With no arguments the bundled seed articles open. PATHs may be files or folders (.txt and .md, searched
    recursively). User state lives in the platform's user directories, or under $QWEN_READER_HOME.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--no-cache", is_flag=True, help="Clean every file again instead of reusing cached results.")
def read(paths: tuple[Path, ...], no_cache: bool) -> None:
    """Open the reader on PATHS (default: the bundled seeds)."""
    corpus = _open(paths, no_cache)
    from qwen_reader.ui.app import ReaderApp  # Textual is imported only when a screen is wanted.

    # bench/startup.py: run without a terminal and quit as soon as the first screen is painted.
    bench = os.environ.get(BENCH_EXIT_ENV) == "1"
    import asyncio
    import threading

    app = ReaderApp(corpus, exit_when_ready=bench)
    # Our own loop: asyncio.run would wait, after the reader has closed, for background work still running
    # (a translation batch, the gloss dictionary loading). What that work finished is already committed.
    app.run(headless=bench, loop=asyncio.new_event_loop())
    if threading.active_count() > 1:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(app.return_code or 0)


@cli.command(name="list")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--no-cache", is_flag=True, help="Clean every file again instead of reusing cached results.")
def list_documents(paths: tuple[Path, ...], as_json: bool, no_cache: bool) -> None:
    """List the documents under PATHS with title, script, size and any problems."""
    corpus = _open(paths, no_cache)
    if as_json:
        rows = [{"id": d.id, "path": d.display_path, "title": d.title, "format": d.format,
                 "script": d.script.value, "articles": len(d.articles), "size": d.size, "flags": list(d.flags)}
                for d in corpus.documents]
        problems = [{"path": p.path, "reason": p.reason} for p in corpus.problems]
        _out(_json({"documents": rows, "problems": problems}))
        return
    for d in corpus.documents:
        flags = f"  ⚑ {len(d.flags)} flag(s)" if d.flags else ""
        _out(f"{d.id:<28} {d.script.value:<11} {len(d.articles):>2} art {d.size:>9,} B  {d.title}{flags}")
    for p in corpus.problems:
        _out(f"{'!':<28} {p.path}: {p.reason}")


@cli.command()
@click.argument("doc")
@click.option("--json", "as_json", is_flag=True, help="Print the full document model as JSON.")
@click.option("--no-cache", is_flag=True, help="Clean the file again instead of reusing a cached result.")
def inspect(doc: str, as_json: bool, no_cache: bool) -> None:
    """Show how DOC was cleaned and structured. DOC is a path, or the id or id prefix of a bundled seed."""
    from qwen_reader.core.text.report import document_json, document_text

    document = _document(doc, no_cache)
    _out(_json(document_json(document)) if as_json else document_text(document))


@cli.command()
@click.argument("doc")
@click.option("--json", "as_json", is_flag=True, help="Print JSON rows instead of text.")
def translate(doc: str, as_json: bool) -> None:
    """Print DOC's sentences beside their English (from the cache where possible). DOC as for inspect."""
    from qwen_reader.core.translate.service import TranslationService, load_engine, open_cache

    document = _document(doc, False)
    engine = load_engine()
    cache = open_cache()
    if cache.note:
        click.echo(f"note: {cache.note}", err=True)
    service = TranslationService(engine, cache)
    rows = sorted((r for batch in service.rows(document) for r in batch), key=lambda r: (r.paragraph, r.sentence))
    cache.close()
    if as_json:
        click.echo(json.dumps([{"paragraph": r.paragraph, "sentence": r.sentence, "source": r.source,
                                "english": r.english, "engine": engine.name} for r in rows],
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"engine: {engine.name}")
    for r in rows:
        click.echo(f"[{r.paragraph}.{r.sentence}] {r.source.strip()}\n        {r.english}")


@cli.command()
@click.argument("doc", required=False)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of mentions.")
@click.option("--no-cache", is_flag=True, help="Tag again instead of reusing cached results.")
def entities(doc: str | None, paths: tuple[Path, ...], as_json: bool, no_cache: bool) -> None:
    """People, organisations, products, places, dates and figures in DOC (a path, or an id as for inspect;
    a folder, or no DOC: every document of the corpus under PATHS, default the bundled seeds)."""
    from qwen_reader.core.entities.document import entities_for

    if doc is not None and Path(doc).is_dir():
        doc, paths = None, (Path(doc), *paths)  # a folder: every document in it
    if doc is not None and not paths:
        documents = [_document(doc, no_cache)]
    else:
        corpus = _open(tuple(paths), no_cache)
        documents = [corpus.find(doc)] if doc is not None else corpus.documents
    mentions = [m for d in documents for m in entities_for(d, use_cache=not no_cache).mentions]
    if as_json:
        click.echo(json.dumps([m.as_json() for m in mentions], ensure_ascii=False, indent=1))
        return
    for m in mentions:
        english = f"  ({m.english})" if m.english else ""
        click.echo(f"{m.doc}  [{m.paragraph}.{m.sentence}] {m.kind:<7} {m.text}  → {m.id}{english}")


@cli.group()
def model() -> None:
    """The offline zh->en translation model (an argos package)."""


@model.command()
def status() -> None:
    """Which zh->en model is installed (name, version, size, path), or that none is."""
    from qwen_reader.core.translate.packages import installed_models, packages_dir

    models = installed_models()
    if not models:
        click.echo(f"no Chinese -> English model installed (looked in {packages_dir()}); the reader shows a "
                   "CC-CEDICT word gloss instead.\ninstall one: qwen-reader model install "
                   "(or --file PATH.argosmodel)")
        return
    for n, m in enumerate(models):
        mark = "in use" if n == 0 else "installed"
        click.echo(f"{mark}: {m.name}  version {m.version}  {m.size / 1e6:.1f} MB  {m.path}")


@model.command()
@click.option("--file", "file", type=click.Path(path_type=Path), help="Install this .argosmodel file.")
@click.option("--index", "index", metavar="URL",
              help="The package index (index.json) to install from; default $QWEN_READER_MODEL_INDEX, else argos's.")
def install(file: Path | None, index: str | None) -> None:
    """Install the zh->en package from argos's package index, or from a file with --file."""
    from qwen_reader.core.translate.packages import install_from_file
    from qwen_reader.core.translate.remote import install_from_index

    if file is not None:
        installed = install_from_file(file)
    else:
        bar = DownloadBar(sys.stderr)
        try:
            installed = install_from_index(bar.update, url=index, on_entry=bar.start)
        except KeyboardInterrupt:  # Ctrl-C: the install has already cleaned up after itself
            bar.finish()
            click.echo("qwen-reader: install cancelled: nothing was installed", err=True)
            raise click.exceptions.Exit(130) from None
        bar.finish()
    click.echo(f"installed {installed.name} (version {installed.version}, {installed.size / 1e6:.1f} MB) "
               f"at {installed.path}")


class DownloadBar:
    """A download progress line on stderr: size, percent, speed and time left. Redrawn in place on a
    terminal (at most 10 times a second); elsewhere (logs, pipes) one line per tenth of the download."""

    WIDTH = 24

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.started = time.monotonic()
        self.drawn = 0.0
        self.step = -1
        self.line = ""

    def start(self, entry) -> None:  # type: ignore[no-untyped-def]
        click.echo(f"downloading {entry.label} from {entry.links[0]}", err=True)
        self.started = time.monotonic()

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        from qwen_reader.core.translate.remote import progress_line

        self.line = progress_line(done, total, now - self.started, self.WIDTH)
        if self.tty:
            if now - self.drawn >= 0.1 or (total and done >= total):
                self.drawn = now
                self.stream.write("\r" + self.line + "\x1b[K")
                self.stream.flush()
        elif total:
            step = done * 10 // total
            if step > self.step:
                self.step = step
                self.stream.write(self.line + "\n")
                self.stream.flush()

    def finish(self) -> None:
        if self.tty and self.line:
            self.stream.write("\n")
            self.stream.flush()
            self.line = ""


register_search(cli)


def _document(key: str, no_cache: bool) -> Document:
    """A document by path, or by the id or id prefix of a bundled seed."""
    if not key.strip():
        raise NotFoundError("no document given: name a path or a document id (see `qwen-reader list`)")
    if any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in key):
        raise NotFoundError(f"no document {_shown(key)}: a document id never holds control characters")
    if len(key) > 1024 or any(len(part) > 255 for part in key.split("/")):
        raise NotFoundError(f"no document {_shown(key)}: too long for a path or an id")
    path = Path(key)
    try:
        exists = path.exists()
    except OSError as exc:
        raise NotFoundError(f"no document {_shown(key)}: {exc.strerror or exc}") from None
    if exists and path.is_dir():
        raise NotFoundError(f"{_shown(key)} is a folder: name one file, or an id from `qwen-reader list`")
    if exists:
        return _open((path,), no_cache).documents[0]
    return _open((), no_cache).find(key)


def _shown(text: str, limit: int = 60) -> str:
    """A user-given string safe to print: control characters escaped, long ones cut."""
    escaped = "".join(ch if ch >= " " and not "\x7f" <= ch <= "\x9f" else f"\\x{ord(ch):02x}" for ch in text)
    return "'" + escaped[:limit] + ("…" if len(escaped) > limit else "") + "'"


def _open(paths: tuple[Path, ...], no_cache: bool) -> Corpus:
    corpus = open_corpus(list(paths) or None, use_cache=not no_cache)
    for note in corpus.notes:
        click.echo(f"note: {note}", err=True)
    if not corpus.documents:
        for p in corpus.problems:
            click.echo(f"{p.path}: {p.reason}", err=True)
        raise click.exceptions.Exit(EXIT_NOTHING_OPENED) from None
    return corpus


def main() -> None:
    """Entry point: a ReaderError becomes one line on stderr and exit code 2, never a traceback."""
    try:
        code = cli.main(prog_name="qwen-reader", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except ReaderError as exc:
        click.echo(f"qwen-reader: {exc}", err=True)
        sys.exit(EXIT_NOTHING_OPENED)
    except KeyboardInterrupt:
        sys.exit(130)
    except (BrokenPipeError, _ClosedPipe):
        # Nothing more can be written; point stdout at /dev/null so the exit flush cannot complain.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:  # the last guard: a bug still reaches the user as one line
        click.echo(f"qwen-reader: internal error: {type(exc).__name__}: {exc} "
                   f"(set {HOME_ENV} to a fresh folder if this persists)", err=True)
        sys.exit(1)
