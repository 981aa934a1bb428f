"""Command palette providers: open a document by title; toggle views; choose an OpenCC conversion."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from qwen_reader.core.text.script import CONVERSIONS, available_conversions
from qwen_reader.ui.screens.reader import ReadingScreen

if TYPE_CHECKING:
    from qwen_reader.ui.app import ReaderApp


class DocumentCommands(Provider):
    def _items(self) -> list[tuple[str, str]]:
        app: ReaderApp = self.app  # type: ignore[assignment]
        return [(f"Open: {d.title}  ({d.id})", d.id) for d in app.corpus.documents]

    async def discover(self) -> Hits:
        app: ReaderApp = self.app  # type: ignore[assignment]
        for text, doc_id in self._items():
            yield DiscoveryHit(text, partial(app.open_document, doc_id), help="Open this document")

    async def search(self, query: str) -> Hits:
        app: ReaderApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for text, doc_id in self._items():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(app.open_document, doc_id),
                          help="Open this document")


class ViewCommands(Provider):
    def _items(self) -> list[tuple[str, object, str]]:
        screen = self.app.screen_stack[-1] if self.app.screen_stack else None
        items: list[tuple[str, object, str]] = []
        reader = screen if isinstance(screen, ReadingScreen) else None
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

    async def discover(self) -> Hits:
        for text, callback, help_text in self._items():
            yield DiscoveryHit(text, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._items():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)  # type: ignore[arg-type]
