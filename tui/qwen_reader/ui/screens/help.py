"""Help: every key of the reader, from the key contract."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, str]] = [
    ("j / k, ↓ / ↑", "next / previous sentence (highlighted in every column)"),
    ("} / {", "next / previous paragraph"),
    ("g / G, home / end", "top / bottom of the document"),
    ("space / b, pgdn / pgup", "page down / up"),
    ("s / t", "Chinese in simplified / traditional (the other script beside it when wide)"),
    ("e", "English only / back"),
    ("p", "pinyin on / off"),
    ("/ · n / N", "search all documents; next / previous hit (coming)"),
    ("] / [", "next / previous related passage in other documents (coming)"),
    ("backspace", "back to where you were before the last jump"),
    ("o", "document list (enter opens a document)"),
    ("?", "this help"),
    ("ctrl+p", "command palette: open a document by title, toggle views, choose a conversion"),
    ("q", "quit"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="close-help")]

    def compose(self) -> ComposeResult:
        width = max(len(k) for k, _ in KEYS) + 2
        lines = ["qwen-reader — keys", ""] + [f"{k.ljust(width)}{v}" for k, v in KEYS]
        lines += ["", "escape or ? closes this help"]
        with VerticalScroll(id="help"):
            yield Static("\n".join(lines), markup=False)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss()
