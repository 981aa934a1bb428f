"""The entities panel beside the columns: the current document's entities by kind, with mention counts and
a colour legend; choosing one lists its mentions across the corpus."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from qwen_reader.core.entities.document import DocumentEntities
from qwen_reader.ui.entity_layer import KINDS

KIND_LABELS = {"person": "people", "org": "organisations", "product": "products", "place": "places",
           "date": "dates", "figure": "figures"}


def entity_legend() -> Vertical:
    """Each kind's name in its own colour (the classes of reader.tcss, which the highlighting uses too)."""
    return Vertical(*(Static(KIND_LABELS[kind], classes=f"entity-legend entity-legend-{kind}", markup=False)
                      for kind in KINDS), classes="entities-legend")


class EntitiesPanel(Vertical):
    def __init__(self, entities: DocumentEntities | None) -> None:
        super().__init__(id="entities-panel")
        self.entities = entities

    def compose(self) -> ComposeResult:
        yield Static("Entities — enter lists mentions", id="entities-panel-title", markup=False)
        yield entity_legend()
        yield OptionList(*self._options(), id="entities-list")

    def _options(self) -> list[Option]:
        if self.entities is None:
            return [Option(Content("tagging…"), disabled=True)]
        counts: Counter[str] = Counter(m.id for m in self.entities.mentions)
        names: dict[str, str] = {}
        kinds: dict[str, str] = {}
        for m in self.entities.mentions:
            names.setdefault(m.id, m.text)
            kinds.setdefault(m.id, m.kind)
        options: list[Option] = []
        for kind in KINDS:
            ids = sorted((i for i in counts if kinds[i] == kind), key=lambda i: (-counts[i], names[i]))
            if not ids:
                continue
            options.append(Option(Content.assemble((f"{KIND_LABELS[kind]} ({len(ids)})", "bold")), disabled=True))
            options.extend(Option(Content(f"  {names[i]}  ×{counts[i]}"), id=i) for i in ids)
        return options or [Option(Content("no entities"), disabled=True)]

    def update_entities(self, entities: DocumentEntities) -> None:
        self.entities = entities
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(self._options())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            from qwen_reader.ui.entity_commands import show_mentions

            show_mentions(self.app, event.option.id)
