"""The learned last check on person names (person_check.py): what it drops, what it keeps, that it decides per
name across a document, and that its trainer learns from labelled examples. Sentences are the authors' own."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from qwen_reader.core.entities import person_check
from qwen_reader.core.entities.model import Candidate
from qwen_reader.core.entities.recognize import ALL_SOURCES, recognize_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import train_person_check


def people(text: str, sources: frozenset[str] = ALL_SOURCES) -> list[str]:
    return [text[c.start:c.end] for c in recognize_texts([text], sources)[0] if c.kind == "person"]


def test_the_bundled_weights_load() -> None:
    w = person_check.weights()
    assert w is not None
    assert w.shape == (person_check.DIMENSIONS,)
    assert np.count_nonzero(w) > 1000


def test_carmakers_read_as_a_nickname_are_dropped() -> None:
    text = "蔚小理表示，今年交付量翻番。"
    assert people(text, ALL_SOURCES - {"person-check"}) == ["蔚小理"]
    assert people(text) == []
    # A carmaker whose name is a given name is the company by the lists already (assets/entities_orgs.tsv, in-lists).
    assert people("小鹏表示，今年交付量翻番。", ALL_SOURCES - {"person-check"}) == []


@pytest.mark.parametrize("name", ["欧阳晓晨", "端木良", "诸葛明", "林平之"])
def test_names_only_the_tagger_found_are_kept_where_the_model_finds_them_likely(name: str) -> None:
    text = f"据悉，{name}已于上周出任公司总经理。"
    found = recognize_texts([text], ALL_SOURCES - {"person-check"})[0]
    assert [(text[c.start:c.end], c.source) for c in found if c.kind == "person"] == [(name, "lac")]  # checked
    assert people(text) == [name]


def _person(text: str, name: str, start: int = 0) -> Candidate:
    at = text.index(name, start)
    return Candidate(at, at + len(name), "person", f"person:{name}", None, "lac")


def test_the_check_decides_per_name_across_the_document() -> None:
    texts = ["甲乙说好。", "甲乙来了。", "丙丁走了。"]
    chosen = [[_person(texts[0], "甲乙")], [_person(texts[1], "甲乙")], [_person(texts[2], "丙丁")]]
    w = np.zeros(person_check.DIMENSIONS)
    # Weigh down only features the first occurrence of 甲乙 has alone: it scores ~0, the second 0.5, their mean
    # 0.25 is below the threshold; 丙丁 (0.5) stays.
    f_first = person_check.features(texts[0], chosen[0][0], 2, frozenset({"person"}))
    f_second = person_check.features(texts[1], chosen[1][0], 2, frozenset({"person"}))
    only_first = sorted(set(f_first) - set(f_second) - set(person_check.features(
        texts[2], chosen[2][0], 1, frozenset({"person"}))))
    w[only_first] = -20.0 / len(only_first)
    out = person_check.checked([list(c) for c in chosen], texts, w)
    assert out[0] == [] and out[1] == []  # both occurrences go together
    assert [texts[2][c.start:c.end] for c in out[2]] == ["丙丁"]


def test_zero_weights_drop_nothing() -> None:
    texts = ["甲乙说好。"]
    chosen = [[_person(texts[0], "甲乙")]]
    assert person_check.checked(chosen, texts, np.zeros(person_check.DIMENSIONS)) == chosen


def test_training_separates_true_from_false_names() -> None:
    true_f, false_f = [1, 2, 3], [1, 4, 5]
    data = [train_person_check.Example(f"d{i}", "x", true_f if i % 2 else false_f, i % 2) for i in range(40)]
    w = train_person_check.train(data)
    assert w.dtype == np.float32
    assert person_check.probability(w, true_f) > 0.8
    assert person_check.probability(w, false_f) < 0.2
    assert train_person_check.kept(w, data) == [bool(i % 2) for i in range(40)]


def test_names_with_evidence_of_their_own_are_not_checked() -> None:
    texts = ["甲乙说好。", "市民丙丁说好。"]
    listed = Candidate(0, 2, "person", "person:甲乙", None, "list")
    announced = _person(texts[1], "丙丁")
    w = np.full(person_check.DIMENSIONS, -1.0)  # every name scores ~0
    out = person_check.checked([[listed], [announced]], texts, w)
    assert out == [[listed], [announced]]
    unannounced = _person("丙丁说好。", "丙丁")
    assert person_check.checked([[unannounced]], ["丙丁说好。"], w) == [[]]


def test_a_short_form_sharing_a_full_names_identity_is_not_checked() -> None:
    texts = ["周靖人出席。", "靖人表示同意。"]
    full = Candidate(0, 3, "person", "person:周靖人", None, "tagger")
    short = Candidate(0, 2, "person", "person:周靖人", None, "consistency")
    w = np.full(person_check.DIMENSIONS, -1.0)
    assert person_check.checked([[full], [short]], texts, w) == [[full], [short]]
    alone = Candidate(0, 2, "person", "person:靖人", None, "consistency")
    assert person_check.checked([[], [alone]], texts, w) == [[], []]
