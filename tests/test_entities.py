"""Entity recognition: hard cases in our own fixture articles, identity across scripts and aliases, the
document API and its cache, protected conversion, and the seed F1 floors."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, SEEDS
from qwen_reader.core.entities.document import EntityIndex, corpus_entities, entities_for
from qwen_reader.core.entities.model import Source
from qwen_reader.core.entities.recognize import recognize
from qwen_reader.core.entities.scoring import cap_copies, load_gold, score
from qwen_reader.core.text.load import load_text
from qwen_reader.core.text.model import Document
from qwen_reader.core.text.script import convert, convert_protected
from qwen_reader.core.text.structure import build_document

FIXTURES = REPO / "tests" / "fixtures"
ARTICLES = FIXTURES / "entities"


def article(name: str) -> Document:
    path = ARTICLES / name
    return build_document(path.stem, path, load_text(path), path.stat().st_size)


def found(doc: Document) -> dict[str, str]:
    """text -> kind of every mention (the fixtures hold each name in one kind)."""
    return {m.text: m.kind for m in recognize(doc)}


def test_names_are_whole_and_everyday_words_are_not_people() -> None:
    doc = article("hard_cases_simplified.txt")
    names = found(doc)
    assert names["林俊旸"] == "person"
    assert names["马克·扎克伯格"] == "person"  # not 马克·扎克伯格也在社交平, not 扎克 + 伯格
    assert names["扎克伯格"] == "person"
    assert names["王晓峰"] == "person"  # unlisted: a title before it
    assert names["谷歌"] == "org" and names["阿里"] == "org" and names["阿里巴巴集团"] == "org"
    for word in ("今天下午", "令人", "关键因素", "关键", "扎克", "伯格", "俊"):
        assert names.get(word) in (None, "date"), word


def test_given_name_after_full_name_is_the_same_person() -> None:
    mentions = recognize(article("hard_cases_simplified.txt"))
    by_text = {m.text: m for m in mentions}
    assert by_text["俊旸"].id == by_text["林俊旸"].id
    assert by_text["俊旸"].source == Source.CONSISTENCY


def test_heading_words_are_not_names() -> None:
    assert [m for m in recognize(article("heading_words.txt")) if m.kind == "person"] == []


def test_dates_and_figures_carry_normalised_values() -> None:
    ids = {m.text: m.id for m in recognize(article("hard_cases_simplified.txt"))}
    assert ids["2026年3月4日凌晨"] == "date:2026-03-04 凌晨"
    assert ids["2亿美元"] == "figure:200000000 USD"
    assert ids["90.2%"] == "figure:90.2%"
    assert ids["22550元"] == "figure:22550 CNY"
    assert ids["7352万台"].startswith("figure:73520000")
    assert ids["今年4月"] == "date:this-year-04"


def test_traditional_text_is_tagged_through_simplified_with_original_offsets() -> None:
    doc = article("hard_cases_traditional.txt")
    mentions = recognize(doc)
    paragraphs = doc.paragraphs
    for m in mentions:
        assert paragraphs[m.paragraph].text[m.start:m.end] == m.text
    by_text = {m.text: m for m in mentions}
    assert by_text["吳泳銘"].id == "person:eddie-wu" and by_text["吳泳銘"].english == "Eddie Wu"
    assert by_text["台積電"].kind == "org" and by_text["輝達"].id == "org:nvidia"
    assert by_text["周文傑"].kind == "person" and by_text["周文傑"].id == "person:周文杰"
    assert by_text["iPhone 15 Pro Max"].kind == "product"


def test_aliases_in_both_scripts_share_one_id() -> None:
    simplified = {m.text: m.id for m in recognize(article("hard_cases_simplified.txt"))}
    traditional = {m.text: m.id for m in recognize(article("hard_cases_traditional.txt"))}
    assert simplified["通义千问"] == simplified["千问App"] == traditional["通義千問"] == "product:qwen"
    assert simplified["林俊旸"] == traditional["林俊旸"]


def test_sentence_index_counts_the_whole_document() -> None:
    doc = article("hard_cases_simplified.txt")
    first = []
    count = 0
    for p in doc.paragraphs:
        first.append(count)
        count += len(p.sentence_ends)
    for m in recognize(doc):
        p = doc.paragraphs[m.paragraph]
        local = m.sentence - first[m.paragraph]
        start = p.sentence_ends[local - 1] if local else 0
        assert start <= m.start < p.sentence_ends[local]


def test_convert_protected_keeps_names_as_written() -> None:
    text = "林俊旸和郁博文在杭州发布了新模型。"
    assert convert(text, "s2t") != convert_protected(text, "s2t", [(0, 3), (4, 7)])
    protected = convert_protected(text, "s2t", [(0, 3), (4, 7)])
    assert protected.startswith("林俊旸和郁博文")
    assert "發佈" in protected or "發布" in protected  # the rest is converted
    assert convert_protected(text, "s2t", []) == convert(text, "s2t")


def test_people_keep_their_written_form_in_the_other_script() -> None:
    from qwen_reader.core.entities.identity import person_in_script

    assert person_in_script("林俊旸", "s2t") == "林俊旸"  # the list: he is written so in Taiwan too
    assert person_in_script("吴泳铭", "s2t") == "吳泳銘"  # the list's traditional form
    assert person_in_script("吳泳銘", "t2s") == "吴泳铭"
    assert person_in_script("郁博文", "s2t") == "郁博文"  # 郁 has two traditional forms: kept
    assert person_in_script("刘德华", "s2twp") == "劉德華"  # one answer per character: converted
    text = "林俊旸和郁博文在杭州发布了新模型。"
    converted = convert_protected(text, "s2t", [(0, 3), (4, 7)], lambda a, b: person_in_script(text[a:b], "s2t"))
    assert converted.startswith("林俊旸和郁博文")


def test_entities_are_cached_as_plain_data(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = article("hard_cases_simplified.txt")
    first = entities_for(doc)
    import qwen_reader.core.entities.recognize as recognise_module

    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("tagged again instead of reading the cache")

    monkeypatch.setattr(recognise_module, "recognize", fail)
    second = entities_for(doc)
    assert second.mentions == first.mentions
    assert second.in_sentence(first.mentions[0].sentence)


def test_corpus_index_finds_entities_by_script_pinyin_and_english() -> None:
    index = corpus_entities([article("hard_cases_simplified.txt"), article("hard_cases_traditional.txt")])
    lin = index.mentions_of("person:lin-junyang")
    assert {m.doc for m in lin} == {"hard_cases_simplified", "hard_cases_traditional"}
    for query in ("林俊旸", "linjunyang", "Lin Junyang", "lin junyang"):
        assert index.find(query)[0].id == "person:lin-junyang", query
    assert index.find("吴泳铭")[0].id == "person:eddie-wu"  # a simplified query finds a traditional mention
    assert index.find("Nvidia")[0].id == "org:nvidia"
    assert isinstance(index, EntityIndex) and index.find("") == []


def test_cli_entities_json(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from qwen_reader.cli import cli

    result = CliRunner().invoke(cli, ["entities", str(ARTICLES / "hard_cases_simplified.txt"), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and set(rows[0]) == {"doc", "paragraph", "sentence", "kind", "id", "text", "start", "end",
                                     "english"}
    assert any(r["text"] == "林俊旸" and r["english"] == "Lin Junyang" for r in rows)


def test_cli_entities_of_a_folder_tags_every_document_in_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from qwen_reader.cli import cli

    for name in ("hard_cases_simplified.txt", "hard_cases_traditional.txt"):
        (tmp_path / name).write_bytes((ARTICLES / name).read_bytes())
    result = CliRunner().invoke(cli, ["entities", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert len({r["doc"] for r in json.loads(result.output)}) == 2


# Measured on the seeds (bench/entities.py --seeds): person 0.971, org 0.854, product 0.729, place 0.959.
FLOORS = {"person": 0.93, "org": 0.81, "product": 0.68, "place": 0.91}


def test_seed_f1_stays_above_the_measured_floor() -> None:
    rows = load_gold(FIXTURES / "entities_seeds_gold.jsonl")
    coverage = json.loads((FIXTURES / "entities_seeds_coverage.json").read_text(encoding="utf-8"))
    predicted: dict[str, list[tuple[str, str]]] = {}
    gold: dict[str, list[tuple[str, str]]] = {}
    exhaustive: dict[str, list[str]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = build_document(path.stem, path, load_text(path), path.stat().st_size)
        prefix = doc.id.split("_")[0]
        cleaned = "\n".join(p.text for p in doc.paragraphs)
        wanted = [(str(r["text"]), str(r["kind"])) for r in rows if r["doc"] == prefix]
        gold[doc.id] = cap_copies(path.read_text(encoding="utf-8"), cleaned, wanted)
        predicted[doc.id] = [(m.text, m.kind) for m in recognize(doc)]
        exhaustive[doc.id] = coverage[prefix]
    result = score(predicted, gold, exhaustive)
    f1 = {kind: round(result.kinds[kind].f1, 3) for kind in FLOORS}
    assert all(f1[k] >= FLOORS[k] for k in FLOORS), f1
    assert sum(Counter(k for g in gold.values() for _, k in g).values()) >= 150
