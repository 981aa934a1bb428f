"""The Textual application: holds the corpus and switches between the document list and the reader."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from qwen_reader.core.library import Corpus
from qwen_reader.core.store.state import Positions, Settings
from qwen_reader.ui.screens.reader import ReadingScreen


def _provider(name: str) -> type:
    from qwen_reader.ui import commands

    return getattr(commands, name)  # type: ignore[no-any-return]


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "qwen-reader"
    # Providers load when the palette first opens (textual.command is not needed for the first screen).
    COMMANDS = App.COMMANDS | {lambda: _provider("DocumentCommands"), lambda: _provider("ViewCommands")}
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
        # One document opens straight into the reader (the list is built only if asked for with `o`).
        if len(self.corpus.documents) == 1:
            self.open_document(self.corpus.documents[0].id)
            return
        self.action_documents()
        if self.exit_when_ready:
            self.call_after_refresh(self.first_screen_painted)

    def first_screen_painted(self) -> None:
        """bench/startup.py: report the moment the first screen is up (on stderr, past Textual), then quit
        at once without waiting for background work."""
        import os
        import time

        os.write(2, f"QWEN_READER_READY {time.time():.6f}\n".encode())
        os._exit(0)

    def _pop_to_list(self) -> None:
        from qwen_reader.ui.screens.documents import DocumentListScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, DocumentListScreen):
            self.pop_screen()

    def open_document(self, doc_id: str) -> None:
        """Open a document in the reader, replacing any reader already open (the list stays beneath)."""
        self._pop_to_list()
        self.push_screen(ReadingScreen(self.corpus.find(doc_id), self.settings, self.positions))

    def action_documents(self) -> None:
        # The list (a DataTable) and help load on demand: one document opens without them.
        from qwen_reader.ui.screens.documents import DocumentListScreen

        self._pop_to_list()
        if not isinstance(self.screen, DocumentListScreen):
            self.push_screen(DocumentListScreen(self.corpus))

    def action_help(self) -> None:
        from qwen_reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
