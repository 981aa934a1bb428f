"""The Textual application: holds the corpus, the reader's settings, and which screen shows.

Screens: the document list and the reading screen; `o` lays the list over the reader (escape goes back to
it), Enter or the palette opens another document in its place.
"""

from __future__ import annotations

from textual.app import App

from qwen_reader.core.library import Corpus
from qwen_reader.core.reading.conversions import display_text
from qwen_reader.core.store.keymap import load_keymap
from qwen_reader.core.store.state import Positions, Settings
from qwen_reader.core.text.model import Script
from qwen_reader.ui import keys
from qwen_reader.ui.screens.reader import ReadingScreen


def _provider(name: str, module: str = "commands") -> type:
    from importlib import import_module

    return getattr(import_module(f"qwen_reader.ui.{module}"), name)  # type: ignore[no-any-return]


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "qwen-reader"
    # Providers load when the palette first opens (textual.command is not needed for the first screen).
    COMMANDS = App.COMMANDS | {
        lambda: _provider("DocumentCommands"),
        lambda: _provider("ViewCommands"),
        lambda: _provider("ModelCommands", "model_install"),
    }
    BINDINGS = keys.bindings(keys.APP_KEYS)

    def __init__(self, corpus: Corpus, *, exit_when_ready: bool = False) -> None:
        super().__init__()
        self.corpus = corpus
        # For bench/startup.py: quit once the first screen has been painted.
        self.exit_when_ready = exit_when_ready
        self.settings = Settings()
        self.positions = Positions()
        # Places left by a jump to another document, for `backspace` (doc id, paragraph, sentence).
        self.history: list[tuple[str, int, int]] = []
        known = {k.id for k in keys.READER_KEYS + keys.APP_KEYS}
        self.keymap, self._keymap_problems = load_keymap(known)
        if self.no_color:
            # Textual's NO_COLOR turns colours grey; a colourless screen is what NO_COLOR asks for.
            from textual.filter import Monochrome, NoColor

            self._filters = [f for f in self._filters if not isinstance(f, Monochrome)] + [NoColor()]

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        for problem in self._keymap_problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
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

    # -- the chosen script, for every Chinese string on screen -----------------------------------------

    def shown_script(self) -> Script | None:
        primary = self.settings["primary"]
        return {"simplified": Script.SIMPLIFIED, "traditional": Script.TRADITIONAL}.get(primary)

    def shown(self, text: str, written: Script) -> str:
        """`text` (written in `written`) in the script the reader chose; as written until one is chosen."""
        script = self.shown_script()
        if script is None:
            return text
        return display_text(text, written, script, self.settings["to_simplified"], self.settings["to_traditional"])

    def refresh_script(self) -> None:
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_script", None)
            if refresh is not None:
                refresh()

    # -- screens ------------------------------------------------------------------------------------------

    def reader(self) -> ReadingScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def open_document(self, doc_id: str, at: tuple[int, int] | None = None, *, record: bool = True) -> None:
        """Open a document in the reader (at a sentence, if given), in place of the one being read."""
        from qwen_reader.ui.screens.documents import DocumentListScreen

        document = self.corpus.find(doc_id)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ReadingScreen):
            if isinstance(self.screen, DocumentListScreen) and self.reader() is None:
                break  # the list at the bottom stays when no reader is open
            self.pop_screen()
        current = self.screen if isinstance(self.screen, ReadingScreen) else None
        if current is not None and current.document.id == document.id:
            if at is not None:
                current.go_to(*at)
            return
        if current is not None:
            pos = current.navigator.position
            if record and pos is not None:
                self.history.append((current.document.id, pos.paragraph, pos.sentence))
                del self.history[:-100]
            self.pop_screen()
        self.push_screen(ReadingScreen(document, self.settings, self.positions, at=at))

    def go_back(self) -> bool:
        """Back to the document and sentence a jump to another document left."""
        if not self.history:
            return False
        doc_id, paragraph, sentence = self.history.pop()
        self.open_document(doc_id, (paragraph, sentence), record=False)
        return True

    def action_documents(self) -> None:
        # The list (a DataTable) and help load on demand: one document opens without them.
        from qwen_reader.ui.screens.documents import DocumentListScreen

        if isinstance(self.screen, DocumentListScreen):
            return
        reader = self.reader()
        self.push_screen(DocumentListScreen(self.corpus, current=reader.document.id if reader else None))

    def action_help(self) -> None:
        from qwen_reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.positions.flush()
        await super().action_quit()
