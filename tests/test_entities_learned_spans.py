"""The learned spans model (learned_spans.py): its features, its decoding, how its spans replace the
recogniser's organisations, products and places and keep everything else, and the bundled model on sentences the
authors wrote."""

from __future__ import annotations

import numpy as np

from qwen_reader.core.entities import learned_spans as ls
from qwen_reader.core.entities.model import Candidate, Source
from qwen_reader.core.entities.recognize import ALL_SOURCES, recognize_texts

OUT, B_ORG, I_ORG = ls.LABELS.index("O"), ls.LABELS.index("B-org"), ls.LABELS.index("I-org")


def _model(rows: dict[int, dict[int, float]]) -> ls.Model:
    """A model from feature id -> {label: weight}, with no transition weights."""
    ids = np.array(sorted(rows), dtype=np.uint64)
    weights = np.zeros((len(ids), len(ls.LABELS)), dtype=np.float32)
    for k, fid in enumerate(ids):
        for label, w in rows[int(fid)].items():
            weights[k, label] = w
    return ls.Model(ids, weights, np.zeros((len(ls.LABELS),) * 2, dtype=np.float32))


def _id(template: int, *values: int) -> int:
    return int(ls._hash(template, *(np.array([v]) for v in values))[0])


BIAS = _id(0, 0)  # the constant feature every character has


def test_features_are_one_row_per_character_and_deterministic() -> None:
    text = "阿里巴巴发布了通义千问。"
    chosen = [Candidate(0, 4, "org", "org:阿里巴巴", None, "list")]
    words = [(0, 4, "ORG"), (4, 6, "v"), (6, 7, "u"), (7, 11, "nz"), (11, 12, "w")]
    a = ls.features(text, chosen, words)
    assert a.shape == (len(text), 27)
    assert a.dtype == np.uint64
    assert np.array_equal(a, ls.features(text, chosen, words))
    assert (a[:, 0] == BIAS).all()
    # the recogniser's own reading is a feature: without its candidate the rows differ
    assert not np.array_equal(a, ls.features(text, [], words))


def test_decoding_bio_labels() -> None:
    org, ins = B_ORG, I_ORG
    assert ls.spans([OUT, org, ins, ins, OUT]) == [(1, 4, "org")]
    assert ls.spans([ins, ins, OUT, org]) == [(0, 2, "org"), (3, 4, "org")]  # a stray inside label starts a span
    assert ls.spans([org, ls.LABELS.index("B-place")]) == [(0, 1, "org"), (1, 2, "place")]


def test_a_model_reading_nothing_drops_only_what_it_may_decide() -> None:
    text = "张三在甲乙公司工作，丙丁也在，2024年。"
    chosen = [[Candidate(0, 2, "person", "person:张三", "Zhang San", "tagger"),
               Candidate(3, 5, "org", "org:甲乙", None, "lac"),
               Candidate(10, 12, "org", "org:丙丁", None, "list"),
               Candidate(15, 20, "date", "date:2024年", None, "rules")]]
    out = ls.respan(chosen, [text], [[]], _model({BIAS: {OUT: 5.0}}))
    # the tagger's organisation goes; the list's stays, and so do the person and the date
    assert [(c.kind, text[c.start:c.end]) for c in out[0]] == [("person", "张三"), ("org", "丙丁"), ("date", "2024年")]


def _reading(spans: dict[str, int]) -> ls.Model:
    """A model that labels the given characters (template 4: the character itself) and nothing else."""
    rows = {BIAS: {OUT: 1.0}}
    for ch, label in spans.items():
        rows[_id(4, ord(ch))] = {label: 5.0}
    return _model(rows)


def test_where_the_model_agrees_the_candidate_is_kept_and_where_it_draws_otherwise_a_learned_one_is_made() -> None:
    text = "甲乙公司和丙丁集团。"
    mine = Candidate(0, 2, "org", "org:甲乙", "Jiayi", "lac")
    short = Candidate(5, 7, "place", "place:丙丁", None, "cedict")
    model = _reading({"甲": B_ORG, "乙": I_ORG, "丙": B_ORG, "丁": I_ORG, "集": I_ORG, "团": I_ORG})
    words = [(0, 2, "ORG"), (2, 4, "n"), (4, 5, "c"), (5, 9, "ORG"), (9, 10, "w")]
    out = ls.respan([[mine, short]], [text], [words], model)[0]
    assert out[0] is mine  # same span and kind: identity and English name kept
    assert (text[out[1].start:out[1].end], out[1].kind, out[1].source, out[1].id) == \
        ("丙丁集团", "org", Source.LEARNED, "org:丙丁集团")


def test_a_span_across_a_lists_or_a_rules_candidate_is_doubted() -> None:
    text = "甲乙公司和丙丁集团。"
    listed = Candidate(5, 7, "place", "place:丙丁", None, "list")
    model = _reading({"丙": B_ORG, "丁": I_ORG, "集": I_ORG, "团": I_ORG})
    assert ls.respan([[listed]], [text], [[]], model) == [[listed]]


def test_without_a_model_nothing_changes(monkeypatch) -> None:
    monkeypatch.setattr(ls, "model", lambda: None)
    chosen = [[Candidate(0, 2, "org", "org:甲乙", None, "rules")]]
    assert ls.respan(chosen, ["甲乙公司"], [[]]) == chosen


def test_the_bundled_model_loads() -> None:
    m = ls.model()
    assert m is not None
    assert len(m.ids) > 10_000 and bool((np.diff(m.ids.astype(np.float64)) > 0).all())
    assert m.weights.shape == (len(m.ids), len(ls.LABELS))


def _names(text: str, sources: frozenset[str] = ALL_SOURCES) -> list[tuple[str, str]]:
    return [(text[c.start:c.end], str(c.kind)) for c in recognize_texts([text], sources)[0]]


def test_the_bundled_model_completes_zones_committees_and_ports() -> None:
    off = ALL_SOURCES - {Source.LEARNED}
    cases = {
        "东湖高新区管委会发布了新政策。": ("东湖高新区管委会", "org"),
        "北京亦庄经济开发区引进了新项目。": ("亦庄经济开发区", "place"),
        "苏州工业园区管委会表示欢迎。": ("苏州工业园区管委会", "org"),
        "青岛前湾港货物吞吐量增长。": ("青岛前湾港", "place"),
    }
    for text, name in cases.items():
        assert name not in _names(text, off), text  # the other sources read it shorter
        assert name in _names(text), text


def test_a_name_the_model_agrees_with_keeps_its_identity() -> None:
    text = "武汉东湖高新区的企业数量增加。"
    ids = {text[c.start:c.end]: c.id for c in recognize_texts([text], ALL_SOURCES - {Source.LEARNED})[0]}
    after = {text[c.start:c.end]: c for c in recognize_texts([text])[0]}
    assert after["武汉"].id == ids["武汉"] and after["武汉"].source != Source.LEARNED
    assert after["东湖高新区"].source == Source.LEARNED


def test_a_long_paragraph_is_decoded_whole() -> None:
    # No sentence end near the 256th character, where LAC cuts its own pieces: no name may break there.
    for cut in (249, 252, 254):
        text = ("这是一段很长的没有句号的文字，" * 30)[:cut] + "湖北省宜昌市夷陵区政府与三峡集团签约。"
        names = [t for t, _ in _names(text)]
        assert not [t for t in names if t in ("陵区政府", "昌市", "省宜昌市夷陵区政府")], (cut, names)
        assert "三峡集团" in names


def test_people_places_and_words_the_model_may_not_change() -> None:
    assert ("张涛", "person") in _names("西安高新区管委会张涛介绍了情况。")  # no organisation swallows a person
    assert "河北张" not in [t for t, _ in _names("阿里云在河北张北建设数据中心。")]  # no span ends inside a word
    assert ("云南保山", "org") not in _names("隆基绿能在云南保山建设单晶硅项目。")  # two places joined as a body
    assert not [t for t, _ in _names("湖北 宜昌 夷陵区政府 与三峡集团签约。") if " " in t]


def test_without_lac_the_model_stays_out(monkeypatch) -> None:
    from qwen_reader.core.entities import lac

    text = "东湖高新区管委会发布了新政策。"
    monkeypatch.setattr(lac, "available", lambda: False)
    assert _names(text) == _names(text, ALL_SOURCES - {Source.LEARNED})


def test_a_documents_features_at_once_equal_each_texts_features_alone() -> None:
    texts = ["阿里巴巴发布了模型。", "", "腾讯在深圳。"]
    chosen = [[Candidate(0, 4, "org", "org:阿里巴巴", None, "list")], [],
              [Candidate(0, 2, "org", "org:腾讯", None, "list")]]
    words = [[(0, 4, "ORG"), (4, 6, "v")], [], [(0, 2, "ORG"), (2, 3, "p"), (3, 5, "LOC")]]
    together = ls.features_of(texts, chosen, words)
    alone = np.vstack([ls.features(t, c, w) for t, c, w in zip(texts, chosen, words, strict=True)])
    assert np.array_equal(together, alone)


def test_a_span_the_model_draws_across_a_verb_is_doubted_and_the_recognisers_reading_stays() -> None:
    text = "甲乙到丙丁。"
    mine = [Candidate(0, 2, "org", "org:甲乙", None, "lac"), Candidate(3, 5, "org", "org:丙丁", None, "lac")]
    rows = {BIAS: {OUT: 1.0}, _id(4, ord("甲")): {B_ORG: 5.0}}
    for ch in "乙到丙丁":
        rows[_id(4, ord(ch))] = {I_ORG: 5.0}
    words = [(0, 2, "ORG"), (2, 3, "v"), (3, 5, "ORG"), (5, 6, "w")]
    assert ls.respan([list(mine)], [text], [words], _model(rows)) == [mine]


def test_where_the_recogniser_saw_no_organisation_or_place_the_model_adds_none() -> None:
    text = "列车在铁轨上奔驰。"
    model = _reading({"奔": B_ORG, "驰": I_ORG})
    assert ls.respan([[]], [text], [[]], model) == [[]]
    # nor over a person or a product the recogniser found there
    person = Candidate(6, 8, "person", "person:奔驰", None, "tagger")
    assert ls.respan([[person]], [text], [[]], model) == [[person]]
