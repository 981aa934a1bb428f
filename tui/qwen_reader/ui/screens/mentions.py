"""Every mention of one entity in the whole corpus: the document's title, the sentence in context with the
mention highlighted. Enter jumps there (backspace in the reader comes back); backspace or escape returns."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from qwen_reader.core.entities.document import EntityIndex
from qwen_reader.core.entities.model import Mention
from qwen_reader.ui.entity_corpus import local_sentence

# Characters of context either side of the mention when the sentence is long.
_CONTEXT = 60


class MentionsScreen(Screen[None]):
    BINDINGS = [
        Binding("backspace,escape", "close", "Back", id="mentions-back"),
        Binding("j", "cursor_down", "Down", show=False, id="mentions-down"),
        Binding("k", "cursor_up", "Up", show=False, id="mentions-up"),
    ]

    def __init__(self, index: EntityIndex, entity_id: str) -> None:
        super().__init__()
        self.index = index
        self.entity_id = entity_id
        self.mentions: list[Mention] = index.mentions_of(entity_id)

    def compose(self) -> ComposeResult:
        info = self.index.entities.get(self.entity_id)
        name = info.name if info else self.entity_id
        english = f" — {info.english}" if info and info.english else ""
        docs = len({m.doc for m in self.mentions})
        kind = info.kind if info else ""
        yield Static(Content(f"{name}{english}  ·  {kind}  ·  {len(self.mentions)} mention(s) in {docs} "
                             "document(s)   enter opens · backspace returns"), id="mentions-title")
        options = [Option(self._prompt(m), id=str(n)) for n, m in enumerate(self.mentions)]
        yield OptionList(*options, id="mentions-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _prompt(self, mention: Mention) -> Content:
        corpus = self.app.corpus  # type: ignore[attr-defined]
        document = corpus.find(mention.doc)
        paragraph = document.paragraphs[mention.paragraph]
        s = local_sentence(document, mention)
        ends = paragraph.sentence_ends
        start, end = (ends[s - 1] if s else 0), ends[s]
        start = max(start, mention.start - _CONTEXT)
        end = min(end, mention.end + _CONTEXT)
        text = paragraph.text
        before, name, after = text[start:mention.start], text[mention.start:mention.end], text[mention.end:end]
        return Content.assemble(
            (document.title, "bold"), f"  ·  sentence {mention.sentence + 1}\n  ",
            before.strip("\n"), (name, "reverse bold"), after.strip("\n"),
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        mention = self.mentions[int(event.option.id or 0)]
        document = self.app.corpus.find(mention.doc)  # type: ignore[attr-defined]
        self.dismiss()
        self.app.open_document(mention.doc, at=(mention.paragraph, local_sentence(document, mention)))  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
