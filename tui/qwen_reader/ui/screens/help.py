"""Help: every key that is bound, as the user has mapped it, from the one key table (ui/keys.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from qwen_reader.core.reading.cells import cell_len
from qwen_reader.ui import keys
from qwen_reader.ui.widgets.entities_panel import entity_legend


def help_text(keymap: dict[str, str], extra: tuple[keys.Key, ...] = ()) -> str:
    rows = keys.help_rows(keys.READER_KEYS + extra + keys.APP_KEYS, keymap)
    width = max(cell_len(k) for _, k, _ in rows) + 3
    lines = ["qwen-reader — keys"]
    group = None
    for section, shown, description in rows:
        if section != group:
            lines += ["", section]
            group = section
        lines.append(f"  {shown}{' ' * (width - cell_len(shown))}{description}")
    lines += ["", "Keys are remapped by binding id in keymap.toml in the config folder (see the README).",
              "escape or ? closes this help"]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="close-help")]

    def compose(self) -> ComposeResult:
        extra: tuple[keys.Key, ...] = getattr(self.app, "extra_keys", ())
        with VerticalScroll(id="help"):
            yield Static(help_text(getattr(self.app, "keymap", {}), extra), markup=False)
            yield Static("\nEntity colours (the highlight key turns them off)", markup=False)
            yield entity_legend()

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss()
