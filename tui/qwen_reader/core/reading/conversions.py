"""Which OpenCC conversion each Chinese column shows, from the document's script and the reader's choice."""

from __future__ import annotations

from typing import NamedTuple

from qwen_reader.core.text.model import Script


class Conversions(NamedTuple):
    main: str | None  # OpenCC config for the first Chinese column; None shows the text as written
    other: str | None  # the same for the column in the other script
    main_label: str
    other_label: str
    main_script: Script  # the script every Chinese string on screen follows (titles, lists, palette)


def choose(written: Script, primary: str, to_simplified: str, to_traditional: str) -> Conversions:
    """`primary` is "as_written", "simplified" or "traditional"; the other column shows the other script."""
    written_simplified = written is Script.SIMPLIFIED
    if primary == "as_written" or primary not in ("simplified", "traditional"):
        primary = "simplified" if written_simplified else "traditional"
    if primary == "simplified":
        return Conversions(None if written_simplified else to_simplified,
                           to_traditional if written_simplified else None,
                           "简体 simplified", "繁體 traditional", Script.SIMPLIFIED)
    return Conversions(to_traditional if written_simplified else None,
                       None if written_simplified else to_simplified,
                       "繁體 traditional", "简体 simplified", Script.TRADITIONAL)


def display_text(text: str, written: Script, shown: Script, to_simplified: str, to_traditional: str) -> str:
    """A Chinese string (a title, a list entry) in the script the reader chose."""
    from qwen_reader.core.text.script import convert

    if shown is Script.SIMPLIFIED and written is not Script.SIMPLIFIED:
        return convert(text, to_simplified)
    if shown is Script.TRADITIONAL and written is not Script.TRADITIONAL:
        return convert(text, to_traditional)
    return text
