"""The API the UI, the CLI and search use: a document's entities (cached with the document), and a corpus
index from an entity id to every mention of it."""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from qwen_reader.core.entities.model import Mention
from qwen_reader.core.text.model import Document

# Bump when recognition changes: cached mentions from an older recogniser are ignored.
RECOGNISER_VERSION = 83
# Documents longer than this are not tagged in the background (about 10 s of tagging and a large index):
# a 20 MB log or book is read without colours rather than with a machine held busy.
MAX_TAGGED_CHARS = 1_000_000


def too_large(document: Document) -> bool:
    return sum(len(p.text) for p in document.paragraphs) > MAX_TAGGED_CHARS


@dataclass(frozen=True)
class DocumentEntities:
    doc: str
    mentions: tuple[Mention, ...]

    @cached_property
    def by_sentence(self) -> dict[int, tuple[Mention, ...]]:
        """Mentions per sentence index in the document (the reader's count), in reading order."""
        out: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            out[m.sentence].append(m)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def by_paragraph(self) -> dict[int, tuple[Mention, ...]]:
        out: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            out[m.paragraph].append(m)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def by_entity(self) -> dict[str, tuple[Mention, ...]]:
        out: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            out[m.id].append(m)
        return {k: tuple(v) for k, v in out.items()}

    def in_sentence(self, sentence: int) -> tuple[Mention, ...]:
        return self.by_sentence.get(sentence, ())

    def in_paragraph(self, paragraph: int) -> tuple[Mention, ...]:
        return self.by_paragraph.get(paragraph, ())


@lru_cache(maxsize=1)
def _version() -> str:
    """The recogniser's version with a digest of the curated list, so editing the list re-tags."""
    from qwen_reader.core.entities.gazetteer import CURATED_LISTS
    from qwen_reader.core.store.paths import bundled_asset

    digest = hashlib.sha1()
    for name in (*CURATED_LISTS, "entities_lines.tsv"):
        try:
            digest.update(bundled_asset(name).read_bytes())
        except OSError:
            digest.update(b"none")
    return f"{RECOGNISER_VERSION}-{digest.hexdigest()[:12]}"


def _texts(document: Document) -> list[str]:
    return [f"{p.kind.value}\x01{p.text}" for p in document.paragraphs]


_cache_lock = threading.Lock()


def entities_for(document: Document, *, use_cache: bool = True) -> DocumentEntities:
    """A document's mentions: from the cache when the document's text was tagged before, else tagged now
    (about 0.2 s for a 20,000-character article once the tables are loaded)."""
    from qwen_reader.core.entities.recognize import recognize

    cache = None
    key = ""
    if use_cache:
        from qwen_reader.core.store.entity_cache import EntityCache
        from qwen_reader.core.store.paths import cache_dir

        key = EntityCache.key(_texts(document), _version())
        with _cache_lock:
            cache = EntityCache(cache_dir() / "entities.sqlite3")
            rows = cache.get(key)
        if rows is not None:
            cache.close()
            return DocumentEntities(document.id, tuple(Mention(document.id, *r) for r in rows))  # type: ignore[arg-type]
    mentions = recognize(document)
    if cache is not None:
        with _cache_lock:
            cache.put(key, [list(m[1:]) for m in mentions])
            cache.close()
    return DocumentEntities(document.id, tuple(mentions))


@dataclass(frozen=True)
class EntityInfo:
    """One entity across the corpus: what the palette and the panel show."""

    id: str
    kind: str
    name: str  # the form written most often
    english: str | None
    surfaces: frozenset[str]
    count: int


@dataclass
class EntityIndex:
    """Every document's entities, and the way from an entity id to each of its mentions."""

    documents: dict[str, DocumentEntities] = field(default_factory=dict)

    def add(self, entities: DocumentEntities) -> None:
        self.documents[entities.doc] = entities
        self.__dict__.pop("_by_entity", None)
        self.__dict__.pop("entities", None)

    @cached_property
    def _by_entity(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = defaultdict(list)
        for doc in self.documents.values():
            for m in doc.mentions:
                out[m.id].append(m)
        return out

    def mentions_of(self, entity_id: str) -> list[Mention]:
        """Every mention of the entity in every document, in corpus order."""
        return list(self._by_entity.get(entity_id, ()))

    @cached_property
    def entities(self) -> dict[str, EntityInfo]:
        out: dict[str, EntityInfo] = {}
        for entity_id, mentions in self._by_entity.items():
            counts: dict[str, int] = defaultdict(int)
            for m in mentions:
                counts[m.text] += 1
            name = max(counts, key=lambda t: (counts[t], len(t)))
            english = next((m.english for m in mentions if m.english), None)
            out[entity_id] = EntityInfo(entity_id, mentions[0].kind, name, english, frozenset(counts), len(mentions))
        return out

    def find(self, query: str, kinds: Iterable[str] | None = None) -> list[EntityInfo]:
        """Entities whose name matches `query` in either script, in pinyin without tones (`linjunyang`) or
        in English; best matches (exact, then prefix, then substring) first."""
        from qwen_reader.core.entities.identity import to_simplified

        q = query.strip().lower()
        if not q:
            return []
        q_simplified = to_simplified(query.strip())
        q_compact = q.replace(" ", "")
        wanted = set(kinds) if kinds is not None else None
        ranked: list[tuple[int, int, EntityInfo]] = []
        for info in self.entities.values():
            if wanted is not None and info.kind not in wanted:
                continue
            keys = _search_keys(info)
            rank = None
            for k in keys:
                if k in (q, q_simplified, q_compact):
                    rank = 0
                    break
                if k.startswith((q, q_compact)) or k.startswith(q_simplified):
                    rank = 1 if rank is None else min(rank, 1)
                elif q in k or q_simplified in k or q_compact in k:
                    rank = 2 if rank is None else min(rank, 2)
            if rank is not None:
                ranked.append((rank, -info.count, info))
        ranked.sort(key=lambda r: (r[0], r[1], r[2].id))
        return [r[2] for r in ranked]


def _search_keys(info: EntityInfo) -> set[str]:
    from qwen_reader.core.entities.identity import to_simplified

    keys: set[str] = set()
    for surface in info.surfaces:
        keys.add(surface.lower())
        keys.add(to_simplified(surface))
        keys.add(_pinyin(to_simplified(surface)))
    if info.english:
        keys.add(info.english.lower())
        keys.add(info.english.lower().replace(" ", ""))
    keys.discard("")
    return keys


@lru_cache(maxsize=8192)
def _pinyin(text: str) -> str:
    if text.isascii():
        return ""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore")).lower()


def corpus_entities(documents: Iterable[Document], *, use_cache: bool = True,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None) -> EntityIndex:
    """Tag (or load) every document; a UI runs this in a worker off the first-paint path."""
    docs = list(documents)
    index = EntityIndex()
    for n, doc in enumerate(docs):
        if cancel is not None and cancel.is_set():
            break
        if too_large(doc):
            continue
        index.add(entities_for(doc, use_cache=use_cache))
        if progress is not None:
            progress(n + 1, len(docs))
    return index
