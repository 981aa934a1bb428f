"""The Textual application: holds the corpus and switches between the document list and the reader."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from ..core.library import Corpus
from .screens.documents import DocumentListScreen
from .screens.plain_reader import PlainReaderScreen


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "qwen-reader"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("o", "documents", "Documents", id="documents"),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def on_mount(self) -> None:
        self.push_screen(DocumentListScreen(self.corpus))
        if len(self.corpus.documents) == 1:
            self.open_document(self.corpus.documents[0].id)

    def open_document(self, doc_id: str) -> None:
        self.push_screen(PlainReaderScreen(self.corpus.find(doc_id)))

    def action_documents(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
