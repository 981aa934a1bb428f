"""Every key of the reader in one table: the bindings, the key-hint line and the help screen come from it,
and a user keymap (by binding id) changes all three at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    id: str  # what a user keymap names
    keys: str  # Textual key names, comma-separated
    action: str
    description: str  # for the help screen
    group: str  # help section
    hint: str = ""  # label on the one-line key hints ("" = not on that line)


READER_KEYS: tuple[Key, ...] = (
    Key("next-sentence", "j,down", "move(1)", "next sentence (highlighted in every column)", "Reading", "sentence"),
    Key("previous-sentence", "k,up", "move(-1)", "previous sentence", "Reading"),
    Key("next-paragraph", "right_curly_bracket", "paragraph(1)", "next paragraph", "Reading", "paragraph"),
    Key("previous-paragraph", "left_curly_bracket", "paragraph(-1)", "previous paragraph", "Reading"),
    Key("top", "g,home", "top", "top of the document", "Reading"),
    Key("bottom", "G,end", "bottom", "bottom of the document", "Reading"),
    Key("page-down", "space,pagedown", "page(1)", "page down", "Reading", "page"),
    Key("page-up", "b,pageup", "page(-1)", "page up", "Reading"),
    Key("back", "backspace", "back", "back to where you were before the last jump", "Reading"),
    Key("simplified", "s", "script('simplified')", "Chinese in simplified (the other script beside it when wide)",
        "Views", "script"),
    Key("traditional", "t", "script('traditional')", "Chinese in traditional", "Views"),
    Key("english-only", "e", "english_only", "English only / back", "Views", "English"),
    Key("pinyin", "p", "pinyin", "pinyin on / off, over each word", "Views", "pinyin"),
    Key("entity-next", "tab", "entity(1)", "next entity in the sentence", "Entities", "entity"),
    Key("entity-previous", "shift+tab", "entity(-1)", "previous entity in the sentence", "Entities"),
    Key("entity-mentions", "enter", "entity_mentions", "every mention of that entity, in every document", "Entities"),
    Key("entity-highlight", "h", "entity_highlight", "entity colours on / off", "Entities"),
    Key("entity-panel", "i", "entity_panel", "entities of this document, by kind, with the colour legend", "Entities"),
    Key("search", "slash", "search", "search every document (either script, pinyin, English)", "Search", "search"),
    Key("next-hit", "n", "hit(1)", "next hit of the last search", "Search"),
    Key("previous-hit", "N", "hit(-1)", "previous hit of the last search", "Search"),
    Key("next-related", "right_square_bracket", "related(1)", "next related passage in other documents (enter jumps)",
        "Search", "related"),
    Key("previous-related", "left_square_bracket", "related(-1)", "previous related passage", "Search"),
)

APP_KEYS: tuple[Key, ...] = (
    Key("documents", "o", "documents", "document list (enter opens a document; escape returns)", "Elsewhere",
        "documents"),
    Key("help", "question_mark", "help", "this help", "Elsewhere", "help"),
    Key("command-palette", "ctrl+p", "command_palette",
        "command palette: documents, views, conversions, every command", "Elsewhere", "palette"),
    Key("quit", "q", "quit", "quit", "Elsewhere", "quit"),
)

_NAMES = {
    "down": "↓", "up": "↑", "left": "←", "right": "→", "right_curly_bracket": "}", "left_curly_bracket": "{",
    "right_square_bracket": "]", "left_square_bracket": "[", "question_mark": "?", "slash": "/",
    "pagedown": "pgdn", "pageup": "pgup", "backspace": "backspace", "space": "space", "escape": "esc",
    "enter": "enter", "tab": "tab", "shift+tab": "shift+tab",
}


def bindings(keys: tuple[Key, ...]) -> list[Binding]:
    return [Binding(k.keys, k.action, k.description, id=k.id, show=False) for k in keys]


def display(keys: str) -> str:
    """Key names as a person reads them: `j / ↓`, `^p`."""
    shown = []
    for name in keys.split(","):
        name = name.strip()
        if name.startswith("ctrl+"):
            shown.append("^" + _NAMES.get(name[5:], name[5:]))
        else:
            shown.append(_NAMES.get(name, name))
    return " / ".join(shown)


def effective(key: Key, keymap: Mapping[str, str]) -> str:
    return keymap.get(key.id, key.keys)


def hint_line(keys: tuple[Key, ...], keymap: Mapping[str, str]) -> str:
    """` ? help  j sentence …`: the first key of each hinted binding, as the user has mapped it."""
    parts = [f"{display(effective(k, keymap).split(',')[0])} {k.hint}" for k in keys if k.hint]
    return " " + "  ".join(parts)


def help_rows(keys: tuple[Key, ...], keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(group, keys as shown, description) for every bound key, in table order."""
    return [(k.group, display(effective(k, keymap)), k.description) for k in keys]
