"""Entities as evidence for related passages: canonical ids of the names (people, organisations, products,
places) in a sentence, from core.entities. Dates and figures are left out: every report of a week shares them.
None when core.entities is not installed (related passages then rest on terms and quotations)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from qwen_reader.core.search.related import EntitySource
from qwen_reader.core.text.model import Document


def corpus_entities(documents: Sequence[Document]) -> EntitySource | None:
    try:
        from qwen_reader.core.entities.document import entities_for
        from qwen_reader.core.entities.model import NAME_KINDS
    except ImportError:
        return None
    by_id = {d.id: d for d in documents}
    tagged: dict[str, object] = {}
    lock = threading.Lock()

    def source(doc_id: str, paragraph: int, sentence: int) -> Iterable[str]:
        document = by_id.get(doc_id)
        if document is None:
            return ()
        with lock:  # a document is tagged once (cached on disk by core.entities as well)
            if doc_id not in tagged:
                tagged[doc_id] = entities_for(document)
            found = tagged[doc_id]
        return [m.id for m in found.in_sentence(sentence) if m.kind in NAME_KINDS]  # type: ignore[attr-defined]

    return source
