"""The Textual application: holds the corpus and switches between the document list and the reader."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from ..core.library import Corpus
from ..core.state import Positions, Settings
from .commands import DocumentCommands, ViewCommands
from .screens.documents import DocumentListScreen
from .screens.help import HelpScreen
from .screens.reader import ReadingScreen


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "qwen-reader"
    COMMANDS = App.COMMANDS | {DocumentCommands, ViewCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("o", "documents", "Documents", id="documents"),
        Binding("question_mark", "help", "Help", id="help"),
    ]

    def __init__(self, corpus: Corpus, *, exit_when_ready: bool = False) -> None:
        super().__init__()
        self.corpus = corpus
        # For bench/startup.py: quit once the first screen has been painted.
        self.exit_when_ready = exit_when_ready
        self.settings = Settings()
        self.positions = Positions()

    def on_mount(self) -> None:
        self.push_screen(DocumentListScreen(self.corpus))
        if len(self.corpus.documents) == 1:
            self.open_document(self.corpus.documents[0].id)
        elif self.exit_when_ready:
            self.call_after_refresh(self.exit)

    def open_document(self, doc_id: str) -> None:
        """Open a document in the reader, replacing any reader already open (the list stays beneath)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.push_screen(ReadingScreen(self.corpus.find(doc_id), self.settings, self.positions))

    def action_documents(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
