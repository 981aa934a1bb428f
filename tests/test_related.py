"""Related passages: recall on our labelled seed pairs, negatives, reasons, copies inside one document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO
from qwen_reader.core.library import Corpus, open_corpus
from qwen_reader.core.search.index import SearchIndex
from qwen_reader.core.search.related import RelatedFinder, sentence_at

FIXTURES = REPO / "tests" / "fixtures"
# Measured on the seeds without entities: 26 of 60 directed pairs (0.43) found in the top 3; 2 of the 14
# negatives show a passage above the threshold. The floors leave a margin for harmless changes.
RECALL_FLOOR = 0.35
NEGATIVES_SHOWING_AT_MOST = 2


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, RelatedFinder]:
    import os

    from qwen_reader.core.store.paths import HOME_ENV

    home = tmp_path_factory.mktemp("related-home")
    old = os.environ.get(HOME_ENV)
    os.environ[HOME_ENV] = str(home)
    try:
        corpus = open_corpus()
        index = SearchIndex(home / "search.sqlite3")
        index.sync(corpus.documents)
    finally:
        if old is None:
            os.environ.pop(HOME_ENV, None)
        else:
            os.environ[HOME_ENV] = old
    return corpus, RelatedFinder(index)


def _load(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line]


def test_recall_at_3_on_labelled_pairs_both_directions(seeds: tuple[Corpus, RelatedFinder]) -> None:
    corpus, finder = seeds
    pairs = _load("related_pairs.jsonl")
    assert len(pairs) >= 24
    found = total = 0
    for pair in pairs:
        for a, a_phrase, b, b_phrase in ((pair["a_doc"], pair["a_phrase"], pair["b_doc"], pair["b_phrase"]),
                                         (pair["b_doc"], pair["b_phrase"], pair["a_doc"], pair["a_phrase"])):
            doc_a, doc_b = corpus.find(a), corpus.find(b)
            at_a, at_b = sentence_at(doc_a, a_phrase), sentence_at(doc_b, b_phrase)
            assert at_a is not None and at_b is not None, (a_phrase, b_phrase)
            top = finder.for_sentence(doc_a.id, at_a, limit=3)
            found += any(r.doc == doc_b.id and r.sentence == at_b for r in top)
            total += 1
    recall = found / total
    print(f"recall@3: {found}/{total} = {recall:.3f}")
    assert recall >= RECALL_FLOOR


def test_negatives_show_nothing_above_the_threshold(seeds: tuple[Corpus, RelatedFinder]) -> None:
    corpus, finder = seeds
    negatives = _load("related_negatives.jsonl")
    showing = []
    for item in negatives:
        document = corpus.find(item["doc"])
        at = sentence_at(document, item["phrase"])
        assert at is not None, item["phrase"]
        if finder.for_sentence(document.id, at):
            showing.append(item["phrase"])
    print(f"negatives showing something: {len(showing)}/{len(negatives)}: {showing}")
    assert len(showing) <= NEGATIVES_SHOWING_AT_MOST
    # What is shown is above the threshold, and everything found is ranked.
    for item in negatives:
        document = corpus.find(item["doc"])
        for r in finder.for_sentence(document.id, sentence_at(document, item["phrase"]) or 0):
            assert r.score >= finder.threshold


def test_reasons_name_the_quotation_and_the_terms(seeds: tuple[Corpus, RelatedFinder]) -> None:
    corpus, finder = seeds
    farewell = corpus.find("002")
    found = finder.for_sentence(farewell.id, sentence_at(farewell, "my beloved qwen") or -1)
    assert found[0].doc.startswith("003")
    kinds = {reason.kind: reason.items for reason in found[0].reasons}
    assert "me stepping down. bye my beloved qwen" in kinds["quotation"][0]
    assert "林俊旸在" in kinds["terms"] or "林俊旸" in "".join(kinds["terms"])
    assert all(r.doc != farewell.id for r in found)
    scores = [r.score for r in found]
    assert scores == sorted(scores, reverse=True)


def _corpus(tmp_path: Path, files: dict[str, str]) -> Corpus:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return open_corpus([folder])


# Our own writing: one event told by two outlets (one traditional), an article repeating itself, and an
# unrelated article that shares only everyday words with them.
STORY_A = ("气象台宣布台风白鹿将于周五凌晨在厦门沿海登陆。\n\n气象台宣布台风白鹿将于周五凌晨在厦门沿海登陆。\n\n"
           "市民今天去超市买菜。\n")
STORY_B = "據氣象台消息，颱風白鹿預計週五凌晨於廈門沿海登陸，風力可達十二級。\n\n今天的比賽照常進行。\n"
OTHER = "学校宣布周五举行运动会。\n\n今天的天气很好。\n"


def test_copies_inside_one_document_never_count_and_common_words_do_not_show(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"a": STORY_A, "b": STORY_B, "other": OTHER})
    index = SearchIndex()
    index.sync(corpus.documents)
    finder = RelatedFinder(index)
    found = finder.for_sentence("a", 0)
    assert [r.doc for r in found] == ["b"] and found[0].sentence == 0
    assert "白鹿" in "".join(found[0].reasons[0].items)
    # The copy at sentence 1 of the same document is not related to sentence 0, nor is the school's 宣布 周五.
    assert finder.for_sentence("other", 0) == []
    assert finder.for_sentence("a", 2) == []  # 今天 is everywhere


def test_entities_add_a_reason_and_lift_the_score(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"a": STORY_A, "b": STORY_B, "other": OTHER})
    index = SearchIndex()
    index.sync(corpus.documents)
    plain = RelatedFinder(index).for_sentence("a", 0)[0]

    def entities(doc: str, paragraph: int, sentence: int) -> list[str]:
        return ["typhoon:bailu", "place:xiamen"] if (doc, sentence) in {("a", 0), ("a", 1), ("b", 0)} else []

    lifted = RelatedFinder(index, entities).for_sentence("a", 0)[0]
    assert lifted.score > plain.score
    assert ("entities", ("place:xiamen", "typhoon:bailu")) in {(r.kind, r.items) for r in lifted.reasons}

    def broken(doc: str, paragraph: int, sentence: int) -> list[str]:
        raise RuntimeError("entity source down")

    assert RelatedFinder(index, broken).for_sentence("a", 0)[0].score == plain.score


def test_real_entities_give_reasons_and_keep_recall(seeds: tuple[Corpus, RelatedFinder]) -> None:
    """With core.entities wired in (as the reader and the CLI use it): measured 26/60 directed pairs in the
    top 3 and 3 of 14 negatives showing; entity overlap gives reasons and lifts scores, not recall here."""
    from qwen_reader.core.search.entity_source import corpus_entities

    corpus, plain = seeds
    source = corpus_entities(corpus.documents)
    assert source is not None
    finder = RelatedFinder(plain.index, source)
    doc = corpus.find("002")
    at = sentence_at(doc, "郁博文的工作将由")
    assert at is not None
    found = finder.for_sentence(doc.id, at)
    entities = {item for r in found for reason in r.reasons if reason.kind == "entities" for item in reason.items}
    assert "person:周浩" in entities
    before = {r.doc: r.score for r in plain.for_sentence(doc.id, at)}
    assert all(r.score >= before.get(r.doc, 0.0) for r in found)
    pairs = _load("related_pairs.jsonl")
    hits = total = 0
    for pair in pairs:
        for a, a_phrase, b, b_phrase in ((pair["a_doc"], pair["a_phrase"], pair["b_doc"], pair["b_phrase"]),
                                         (pair["b_doc"], pair["b_phrase"], pair["a_doc"], pair["a_phrase"])):
            doc_a, doc_b = corpus.find(a), corpus.find(b)
            top = finder.for_sentence(doc_a.id, sentence_at(doc_a, a_phrase) or 0, limit=3)
            hits += any(r.doc == doc_b.id and r.sentence == sentence_at(doc_b, b_phrase) for r in top)
            total += 1
    assert hits / total >= RECALL_FLOOR
    showing = sum(bool(finder.for_sentence(corpus.find(n["doc"]).id,
                                           sentence_at(corpus.find(n["doc"]), n["phrase"]) or 0))
                  for n in _load("related_negatives.jsonl"))
    assert showing <= NEGATIVES_SHOWING_AT_MOST + 1
