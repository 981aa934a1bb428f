"""Command palette: find an entity by name in either script, in pinyin (`linjunyang`) or in English, and
list its mentions across the corpus."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from qwen_reader.core.entities.document import EntityIndex, EntityInfo
from qwen_reader.ui.entity_corpus import build_index, index_of

_MAX_HITS = 30


class EntityCommands(Provider):
    def _index(self) -> EntityIndex | None:
        return index_of(self.app)

    async def search(self, query: str) -> Hits:
        # Usually built already (the reader starts it after the first paint); otherwise built here once.
        index = self._index() or build_index(self.app)
        hits = index.find(query)[:_MAX_HITS]
        for rank, info in enumerate(hits):
            label = _label(info)
            yield Hit(1.0 - rank / (len(hits) + 1), Content(label), partial(show_mentions, self.app, info.id),
                      text=label, help=f"{info.count} mention(s) · {info.kind}")


def _label(info: EntityInfo) -> str:
    english = f" — {info.english}" if info.english else ""
    return f"Entity: {info.name}{english}"


def show_mentions(app, entity_id: str) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.ui.entity_corpus import ensure_index
    from qwen_reader.ui.screens.mentions import MentionsScreen

    ensure_index(app, lambda index: app.push_screen(MentionsScreen(index, entity_id)))
