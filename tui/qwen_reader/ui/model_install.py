"""Install the zh->en model from inside the reader: a palette command (offered while no model is installed),
a thread worker on the app, and a small modal with a progress bar. Every text is plain (Content, markup=False).

Register the provider in ReaderApp.COMMANDS:
    lambda: __import__("qwen_reader.ui.model_install", fromlist=["ModelCommands"]).ModelCommands
"""

from __future__ import annotations

import threading
import time
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

from qwen_reader.core.translate.packages import InstalledModel, installed_models
from qwen_reader.core.translate.remote import IndexEntry, InstallCancelled, install_from_index, progress_line

COMMAND = "Install the Chinese→English model"
HELP = "Download argos's zh→en package (about 100 MB) and translate with it"


class InstallScreen(ModalScreen[None]):
    """Progress of one install. Escape hides it (the download goes on); c cancels it."""

    DEFAULT_CSS = """
    InstallScreen { align: center middle; }
    InstallScreen > Vertical { width: 72; height: auto; border: round $accent; padding: 1 2; background: $surface; }
    InstallScreen ProgressBar { margin: 1 0; }
    """
    BINDINGS: ClassVar = [Binding("escape", "hide", "Hide"), Binding("c", "cancel", "Cancel install")]

    def __init__(self, entry: IndexEntry, cancel: threading.Event) -> None:
        super().__init__()
        self.entry = entry
        self.cancel = cancel
        self.started = time.monotonic()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Downloading {self.entry.label}"), id="title")
            yield ProgressBar(total=None, show_eta=True, id="bar")
            yield Label(Content("connecting…"), id="detail")
            yield Label(Content("escape: hide (the download goes on) · c: cancel"), id="keys")

    def show(self, done: int, total: int) -> None:
        if not self.is_attached:  # hidden: the download goes on without it
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=total or None, progress=done)
        self.query_one("#detail", Label).update(Content(progress_line(done, total, time.monotonic() - self.started, 0)))

    def action_hide(self) -> None:
        self.dismiss()

    def action_cancel(self) -> None:
        self.cancel.set()
        self.query_one("#detail", Label).update(Content("cancelling…"))


class ModelInstall:
    """One install at a time per app: the state the command and the worker share."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self.screen: InstallScreen | None = None
        self.running = False


def _state(app: App[object]) -> ModelInstall:
    state = getattr(app, "_qwen_model_install", None)
    if state is None:
        state = ModelInstall()
        app._qwen_model_install = state  # type: ignore[attr-defined]
    return state


def start_install(app: App[object]) -> None:
    state = _state(app)
    if state.running:
        app.notify("The model is already being installed.", markup=False, timeout=4)
        return
    state.running = True
    state.cancel = threading.Event()
    install_worker(app, state)


@work(thread=True, exclusive=True, exit_on_error=False, group="model-install")
def install_worker(app: App[object], state: ModelInstall) -> InstalledModel | None:
    """Runs on a thread: every UI change goes through call_from_thread."""
    worker = get_current_worker()
    last = 0.0

    def on_entry(entry: IndexEntry) -> None:
        state.screen = InstallScreen(entry, state.cancel)
        app.call_from_thread(app.push_screen, state.screen)

    def progress(done: int, total: int) -> None:
        nonlocal last
        if worker.is_cancelled:
            state.cancel.set()
        now = time.monotonic()
        if state.screen is not None and (now - last >= 0.1 or done == total):
            last = now
            app.call_from_thread(state.screen.show, done, total)

    def close() -> None:
        if state.screen is not None and state.screen.is_current:
            state.screen.dismiss()
        state.screen = None

    try:
        model = install_from_index(progress, state.cancel, on_entry=on_entry)
    except InstallCancelled as exc:
        app.call_from_thread(close)
        app.call_from_thread(app.notify, str(exc).capitalize(), markup=False, timeout=6)
        return None
    except Exception as exc:  # OfflineError, PackageError, a bug: one line, never a traceback
        app.call_from_thread(close)
        app.call_from_thread(app.notify, str(exc), title="Model not installed", severity="error",
                             markup=False, timeout=20)
        return None
    finally:
        state.running = False
    app.call_from_thread(close)
    app.call_from_thread(app.notify, f"Installed {model.name} at {model.path}. Open a document again to read "
                         "it in English.", title="Model installed", markup=False, timeout=12)
    return model


class ModelCommands(Provider):
    """Offers the install while no zh->en model is installed (and none is being installed)."""

    def _available(self) -> bool:
        return not _state(self.app).running and not installed_models()

    def _run(self) -> None:
        start_install(self.app)

    async def discover(self) -> Hits:
        if self._available():
            yield DiscoveryHit(Content(COMMAND), self._run, text=COMMAND, help=HELP)

    async def search(self, query: str) -> Hits:
        if not self._available():
            return
        matcher = self.matcher(query)
        score = matcher.match(COMMAND)
        if score > 0:
            yield Hit(score, matcher.highlight(COMMAND), self._run, text=COMMAND, help=HELP)
