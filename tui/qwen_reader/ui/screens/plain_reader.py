"""A plain viewer of one cleaned document (kinds styled); the aligned reading screen replaces it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ...core.models import Document, Kind

_STYLES = {
    Kind.HEADING: "bold", Kind.CAPTION: "italic dim", Kind.BYLINE: "italic",
    Kind.BOILERPLATE: "dim", Kind.QUOTE: "italic",
}


class PlainReaderScreen(Screen[None]):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="plain"):
            for article in self.document.articles:
                for p in article.paragraphs:
                    prefix = "• " if p.kind is Kind.LIST_ITEM else ""
                    # Text(...) never parses markup: document text is shown literally.
                    yield Static(Text(prefix + (p.text or "―" * 20), style=_STYLES.get(p.kind, "")))
        yield Footer()
