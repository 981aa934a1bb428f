"""Entities on the reading screen: loading them off the first-paint path, the colours (decorations for
the aligned columns), the cursor that steps through a sentence's entities, and names kept as written when
OpenCC converts a column.

The cursor steps through *targets* of the current sentence; today the targets are entity mentions, and a
word provider (for a dictionary lookup) can later supply targets of its own through `targets`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from textual.message import Message

from qwen_reader.core.entities.document import DocumentEntities, entities_for
from qwen_reader.core.entities.model import Mention

if TYPE_CHECKING:
    from qwen_reader.ui.screens.reader import ReadingScreen

KINDS = ("person", "org", "product", "place", "date", "figure")
COMPONENT_CLASSES = {f"aligned-view--entity-{k}" for k in KINDS} | {"aligned-view--entity-cursor"}


class EntitiesReady(Message):
    """A document's entities, tagged (or read from the cache) in a worker."""

    def __init__(self, entities: DocumentEntities) -> None:
        super().__init__()
        self.entities = entities


class Target(NamedTuple):
    """Something the sentence cursor can stand on: offsets into the paragraph's text, and what it is."""

    start: int
    end: int
    mention: Mention


class EntityLayer:
    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen
        self.entities: DocumentEntities | None = None
        self.enabled = True
        # Index of the selected target in the current sentence, or None.
        self.selected: int | None = None
        self._selected_for: int | None = None  # the document sentence index `selected` belongs to

    # -- loading -----------------------------------------------------------------------------------------

    def start(self) -> None:
        """Tag the document in a worker: the first screen is painted before this runs."""
        from qwen_reader.core.entities.document import too_large

        document = self.screen.document
        if too_large(document):
            return  # read without entity colours (see MAX_TAGGED_CHARS)

        def work() -> None:
            self.screen.post_message(EntitiesReady(entities_for(document)))

        self.screen.run_worker(work, thread=True, exclusive=True, group="entities", exit_on_error=False)

    def ready(self, entities: DocumentEntities) -> None:
        from qwen_reader.ui.entity_corpus import ensure_index

        self.entities = entities
        view = self.screen.view
        view.decorations["entities"] = self.decorations
        if entities.mentions:
            # The converted column is laid out again with the names kept as written.
            view.set_converter(self.protected_converter)
        view.invalidate_paint()
        panel = self._panel()
        if panel is not None:
            panel.update_entities(entities)
        # The corpus-wide index (mentions screen, palette) is built next, still off the reader's path.
        ensure_index(self.screen.app)

    # -- colours -----------------------------------------------------------------------------------------

    def decorations(self, paragraph: int, sentence: int, column: str) -> list[tuple[int, int, str]]:
        if not self.enabled or self.entities is None:
            return []
        mentions = self._in_sentence(paragraph, sentence)
        if column == "english":
            return self._english_spans(paragraph, sentence, mentions)
        start = self._sentence_start(paragraph, sentence)
        chosen = self.current_target()
        out = []
        for m in mentions:
            out.append((m.start - start, m.end - start, f"aligned-view--entity-{m.kind}"))
            if chosen is not None and chosen.mention == m:
                out.append((m.start - start, m.end - start, "aligned-view--entity-cursor"))
        return out

    def _english_spans(self, paragraph: int, sentence: int,
                       mentions: tuple[Mention, ...]) -> list[tuple[int, int, str]]:
        english = self.screen.english.get((paragraph, sentence))
        if not english:
            return []
        out = []
        for m in mentions:
            if not m.english or m.kind in ("date", "figure"):
                continue
            for found in re.finditer(rf"(?<![A-Za-z]){re.escape(m.english)}(?![a-z])", english, re.IGNORECASE):
                out.append((found.start(), found.end(), f"aligned-view--entity-{m.kind}"))
        return out

    def protected_converter(self, text: str, config: str, paragraph: int, sentence: int) -> str:
        """OpenCC around people's names: 林俊旸 stays 林俊旸 in the traditional column, not 林俊暘, and 郁博文
        stays 郁博文 (see person_in_script); 千问 still becomes 千問, 阿里云 阿里雲."""
        from qwen_reader.core.entities.identity import person_in_script
        from qwen_reader.core.text.script import convert, convert_protected

        mentions = self._in_sentence(paragraph, sentence) if self.entities is not None else ()
        names = [m for m in mentions if m.kind == "person"]
        if not names:
            return convert(text, config)
        start = self._sentence_start(paragraph, sentence)
        return convert_protected(text, config, [(m.start - start, m.end - start) for m in names],
                                 lambda a, b: person_in_script(text[a:b], config))

    def toggle(self) -> None:
        self.enabled = not self.enabled
        self.screen.view.invalidate_paint()
        self.screen.notify(f"entity highlighting {'on' if self.enabled else 'off'}", timeout=2, markup=False)

    # -- the panel and the mentions screen ----------------------------------------------------------------

    def _panel(self):  # type: ignore[no-untyped-def]
        from qwen_reader.ui.widgets.entities_panel import EntitiesPanel

        found = self.screen.query(EntitiesPanel)
        return found.first() if found else None

    def toggle_panel(self) -> None:
        from qwen_reader.ui.widgets.entities_panel import EntitiesPanel

        side = self.screen.query_one("#side-panel")
        panel = self._panel()
        if panel is not None and side.has_class("-open"):
            side.remove_class("-open")
            panel.remove()
            self.screen.view.focus()
            return
        if panel is None:
            panel = EntitiesPanel(self.entities)
            side.mount(panel)
        side.add_class("-open")
        self.screen.call_after_refresh(lambda: panel.query_one("#entities-list").focus())

    def show_mentions(self) -> None:
        from qwen_reader.ui.entity_commands import show_mentions

        mention = self.chosen()
        if mention is None:
            self.screen.notify("no entity in this sentence" if self.entities is not None
                               else "entities are still being tagged", timeout=2, markup=False)
            return
        show_mentions(self.screen.app, mention.id)

    # -- the cursor inside the sentence --------------------------------------------------------------------

    def targets(self) -> list[Target]:
        """What tab / shift+tab step through in the current sentence (entity mentions, in reading order)."""
        pos = self.screen.navigator.position
        if pos is None or self.entities is None:
            return []
        return [Target(m.start, m.end, m) for m in self._in_sentence(pos.paragraph, pos.sentence)]

    def current_target(self) -> Target | None:
        if self.selected is None or self._selected_for != self.screen.navigator.index:
            return None
        targets = self.targets()
        return targets[self.selected] if self.selected < len(targets) else None

    def step(self, direction: int) -> Mention | None:
        """Select the next (or previous) entity of the sentence; wraps around."""
        targets = self.targets()
        if not targets:
            self.screen.notify("no entities in this sentence" if self.entities is not None
                               else "entities are still being tagged", timeout=2, markup=False)
            return None
        if self.current_target() is None:
            self.selected = 0 if direction > 0 else len(targets) - 1
        else:
            self.selected = ((self.selected or 0) + direction) % len(targets)
        self._selected_for = self.screen.navigator.index
        self.screen.view.invalidate_paint()
        return targets[self.selected].mention

    def chosen(self) -> Mention | None:
        """The selected entity, or the sentence's first one when none is selected."""
        target = self.current_target()
        if target is not None:
            return target.mention
        targets = self.targets()
        return targets[0].mention if targets else None

    # -- positions -----------------------------------------------------------------------------------------

    def _sentence_start(self, paragraph: int, sentence: int) -> int:
        ends = self.screen.document.paragraphs[paragraph].sentence_ends
        return ends[sentence - 1] if sentence > 0 else 0

    def _in_sentence(self, paragraph: int, sentence: int) -> tuple[Mention, ...]:
        assert self.entities is not None
        ends = self.screen.document.paragraphs[paragraph].sentence_ends
        if sentence >= len(ends):
            return ()
        start = ends[sentence - 1] if sentence > 0 else 0
        return tuple(m for m in self.entities.in_paragraph(paragraph) if start <= m.start < ends[sentence])
