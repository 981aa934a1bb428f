"""Command palette providers: open a document by title; toggle views; choose an OpenCC conversion.

Every prompt is built as Content from plain text: a title is document text and is never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from qwen_reader.core.text.script import CONVERSIONS, available_conversions
from qwen_reader.ui.screens.reader import ReadingScreen

if TYPE_CHECKING:
    from qwen_reader.ui.app import ReaderApp


class _PlainProvider(Provider):
    """Items are (prompt, callback, help); matching highlights the prompt without parsing it."""

    def items(self) -> list[tuple[str, Callable[[], object], str]]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for text, callback, help_text in self.items():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self.items():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, query, text), callback, text=text, help=help_text)


def _highlight(matcher, query: str, text: str) -> Content:  # type: ignore[no-untyped-def]
    """Textual's Matcher.highlight reads the candidate as markup; this styles the same offsets on plain text."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class DocumentCommands(_PlainProvider):
    def items(self) -> list[tuple[str, Callable[[], object], str]]:
        app: ReaderApp = self.app  # type: ignore[assignment]
        return [(f"Open: {app.shown(d.title, d.script)}  ({d.id})", partial(app.open_document, d.id),
                 "Open this document") for d in app.corpus.documents]


class ViewCommands(_PlainProvider):
    def items(self) -> list[tuple[str, Callable[[], object], str]]:
        # The screen the palette was opened over (the palette itself is now on top of the stack).
        reader = self.screen if isinstance(self.screen, ReadingScreen) else None
        items: list[tuple[str, Callable[[], object], str]] = []
        if reader is not None:
            items += [
                ("Toggle pinyin", reader.action_pinyin, "p"),
                ("Toggle English only", reader.action_english_only, "e"),
                ("Show simplified", partial(reader.action_script, "simplified"), "s"),
                ("Show traditional", partial(reader.action_script, "traditional"), "t"),
            ]
            for name in available_conversions():
                label, _target = CONVERSIONS[name]
                items.append((f"Conversion: {label} [{name}]", partial(reader.set_conversion, name),
                              "remembered for next time"))
        items.append(("Document list", self.app.action_documents, "o"))  # type: ignore[attr-defined]
        return items
