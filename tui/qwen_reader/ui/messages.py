"""Messages the reading screen receives: from its background work (posted from worker threads) and from its columns."""

from __future__ import annotations

from textual.message import Message

from qwen_reader.core.reading.layout import ColumnSpec
from qwen_reader.core.translate import stream


class TranslationEvent(Message):
    """An event of the translation stream: engine ready, rows ready, or a note for the user."""

    def __init__(self, event: stream.Event) -> None:
        super().__init__()
        self.event = event


class TranslationProgress(Message):
    """How far translation is; a newer one replaces an older one still in the queue."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TranslationProgress)


class TranslationFinished(Message):
    """The stream ended (done, stopped, or failed with a note already sent)."""


class ColumnsRelaid(Message):
    """The reading columns were laid out anew (new width, options or document): the headers follow."""

    def __init__(self, specs: list[ColumnSpec], widths: list[int]) -> None:
        super().__init__()
        self.specs = specs
        self.widths = widths


class LayoutGrown(Message):
    """More of the layout became exact in the background (the status line counts it)."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LayoutGrown)
