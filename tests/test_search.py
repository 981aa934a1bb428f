"""Search: script-insensitive, any word length, pinyin, English, ranking, incremental re-indexing, CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from qwen_reader.core.library import open_corpus
from qwen_reader.core.reading.navigation import Navigator, Position
from qwen_reader.core.search.index import SearchIndex
from qwen_reader.core.search.normalize import split_pinyin, to_simplified
from qwen_reader.core.search.query import Hit, search
from qwen_reader.core.search.tokenize import columns
from qwen_reader.core.store.paths import HOME_ENV

# Our own short articles (written for these tests): one simplified, one traditional, one unrelated.
BANK = "银行行长周浩今天宣布辞职。\n\n他在这家银行工作了十年，技术团队很难过。\n\n团队的技术负责人还没有人选。\n"
TEAM = "周浩在技術團隊工作多年。\n\n今天的天氣很好。\n"
GARDEN = "花园里的玫瑰开了。\n\n邻居送来一篮苹果。\n"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (("bank", BANK), ("team", TEAM), ("garden", GARDEN)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def index(corpus_dir: Path) -> SearchIndex:
    idx = SearchIndex()
    idx.sync(open_corpus([corpus_dir]).documents)
    return idx


def texts(hits: list[Hit]) -> list[str]:
    return [h.text.strip() for h in hits]


def test_traditional_query_finds_simplified_text_and_back(index: SearchIndex) -> None:
    traditional = search(index, "技術")
    simplified = search(index, "技术")
    assert {h.doc for h in traditional} == {"bank", "team"}
    assert texts(traditional) == texts(simplified)
    hit = next(h for h in simplified if h.doc == "team")
    assert [hit.text[a:b] for a, b in hit.spans] == ["技術"]


def test_one_and_two_character_words(index: SearchIndex) -> None:
    one = search(index, "浩")
    assert {h.doc for h in one} == {"bank", "team"} and all("浩" in h.text for h in one)
    assert texts(search(index, "辞职")) == ["银行行长周浩今天宣布辞职。"]
    assert search(index, "瑰") and search(index, "瑰")[0].doc == "garden"
    assert search(index, "鲸") == []


def test_lone_characters_anywhere_in_the_sentence_and_beside_a_phrase(index: SearchIndex) -> None:
    # Each character alone, apart in the sentence, in either script.
    assert set(texts(search(index, "团 术"))) == {
        "他在这家银行工作了十年，技术团队很难过。", "周浩在技術團隊工作多年。", "团队的技术负责人还没有人选。"}
    # A phrase with a lone character: only sentences holding both.
    assert texts(search(index, "技术 的")) == ["团队的技术负责人还没有人选。"]
    assert search(index, "玫 鲸") == []


def test_pinyin_with_and_without_tones_and_spaces(index: SearchIndex) -> None:
    forms = ["zhouhao", "zhōu hào", "Zhou Hao", "ZHOU HAO"]
    results = [texts(search(index, f)) for f in forms]
    assert results[0] and all(r == results[0] for r in results)
    assert all("周浩" in t for t in results[0])
    hit = search(index, "zhouhao")[0]
    assert hit.via == "pinyin" and [hit.text[a:b] for a, b in hit.spans] == ["周浩"]
    # A polyphone read as a word: 银行 is yin hang, not yin xing.
    assert all("银行" in t for t in texts(search(index, "yinhang"))) and search(index, "yinhang")
    assert split_pinyin("qwen") is None and split_pinyin("xian") == ["xian"]


def test_english_words_through_the_dictionary_and_the_translation_cache(corpus_dir: Path) -> None:
    from qwen_reader.core.translate.service import open_cache

    cache = open_cache()
    cache.put_many("gloss:cedict", [("邻居送来一篮苹果。", "the neighbour brought a basket of apples")])
    cache.close()
    idx = SearchIndex()
    idx.sync(open_corpus([corpus_dir]).documents)
    resign = search(idx, "resign")
    assert texts(resign) == ["银行行长周浩今天宣布辞职。"] and resign[0].via.startswith("dictionary")
    apples = search(idx, "basket")
    assert texts(apples) == ["邻居送来一篮苹果。"] and apples[0].via == "English"


def test_whole_phrase_ranks_before_scattered_terms(index: SearchIndex) -> None:
    hits = search(index, "技术团队")
    assert set(texts(hits)[:2]) == {"他在这家银行工作了十年，技术团队很难过。", "周浩在技術團隊工作多年。"}
    # Both bigrams present but apart: found, ranked after every whole-phrase hit.
    assert texts(hits)[-1] == "团队的技术负责人还没有人选。"
    assert hits[0].score > hits[-1].score


def test_hit_positions_are_the_readers(index: SearchIndex, corpus_dir: Path) -> None:
    corpus = open_corpus([corpus_dir])
    for hit in search(index, "团队"):
        document = corpus.find(hit.doc)
        position = Navigator(document).order[hit.sentence]
        assert position.paragraph == hit.paragraph
        assert document.paragraphs[hit.paragraph].sentences[position.sentence].text == hit.text
        assert isinstance(position, Position)


def test_only_changed_files_are_indexed_again(corpus_dir: Path) -> None:
    idx = SearchIndex()
    first = idx.sync(open_corpus([corpus_dir]).documents)
    assert (first.added, first.unchanged) == (3, 0)
    again = SearchIndex().sync(open_corpus([corpus_dir]).documents)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    bank = corpus_dir / "bank.txt"
    bank.write_text("行长换人了。\n", encoding="utf-8")
    os.utime(bank, ns=(bank.stat().st_atime_ns, bank.stat().st_mtime_ns + 10**9))
    idx = SearchIndex()
    changed = idx.sync(open_corpus([corpus_dir]).documents)
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 2)
    assert texts(search(idx, "换人")) == ["行长换人了。"]
    assert search(idx, "辞职") == [] and search(idx, "辞") == []  # the old rows are gone, and its characters
    (corpus_dir / "garden.txt").unlink()
    idx = SearchIndex()
    gone = idx.sync(open_corpus([corpus_dir]).documents)
    assert (gone.removed, gone.unchanged) == (1, 2)
    assert search(idx, "玫瑰") == [] and search(idx, "瑰") == []


def test_progress_and_cancel(corpus_dir: Path) -> None:
    documents = open_corpus([corpus_dir]).documents
    seen: list[tuple[int, int]] = []
    SearchIndex().sync(documents, progress=lambda done, total, path: seen.append((done, total)))
    assert seen[-1] == (3, 3)
    stop = threading.Event()
    stop.set()
    other = SearchIndex(Path(os.environ[HOME_ENV]) / "other.sqlite3")
    report = other.sync(documents, cancel=stop)
    assert report.cancelled and report.added == 0 and search(other, "周浩") == []


def test_normalisation_keeps_offsets_and_reads_polyphones() -> None:
    text = "阿里Qwen團隊在銀行"
    assert to_simplified(text) == "阿里Qwen团队在银行" and len(to_simplified(text)) == len(text)
    cols = columns(text)
    assert cols.text.split() == ["阿里", "qwen", "团队", "队在", "在银", "银行"]
    assert cols.pinyin.split()[-2:] == ["yin", "hang"]


def test_seeds_match_across_scripts() -> None:
    idx = SearchIndex()
    idx.sync(open_corpus().documents)
    docs = {h.doc[:3] for h in search(idx, "技術負責人", limit=50)}
    assert {"000", "002", "004"} <= docs  # 000 is traditional, 002 and 004 simplified
    assert search(idx, "") == [] and search(idx, "  ,。 ") == []


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, HOME_ENV: str(home)}
    return subprocess.run([sys.executable, "-m", "qwen_reader", *args], capture_output=True, text=True, env=env,
                          timeout=180)


def test_cli_search_and_related(corpus_dir: Path, tmp_path: Path) -> None:
    out = _cli("search", "zhouhao", str(corpus_dir), "--json", home=tmp_path)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert {h["doc"] for h in hits} == {"bank", "team"}
    assert set(hits[0]) >= {"doc", "paragraph", "sentence", "text", "score"}
    none = _cli("search", "鲸鱼", str(corpus_dir), "--json", home=tmp_path)
    assert none.returncode == 0 and json.loads(none.stdout) == []
    related = _cli("related", "002", "--at", "my beloved qwen", "--json", home=tmp_path)
    assert related.returncode == 0, related.stderr
    found = json.loads(related.stdout)
    assert found and found[0]["doc"].startswith("003")
    assert "quotation" in {r["kind"] for r in found[0]["reasons"]}
    missing = _cli("related", "002", "--at", "no such phrase here", home=tmp_path)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_a_large_sync_writes_shards_in_workers_with_the_same_results(tmp_path: Path) -> None:
    from qwen_reader.core.search.writers import PARALLEL_MIN_DOCS

    folder = tmp_path / "many"
    folder.mkdir()
    lines = [BANK, TEAM, GARDEN]
    for n in range(PARALLEL_MIN_DOCS + 20):
        (folder / f"d{n:04d}.txt").write_text(f"第{n}号文件。\n\n{lines[n % 3]}", encoding="utf-8")
    documents = open_corpus([folder]).documents
    parallel = SearchIndex(tmp_path / "parallel.sqlite3")
    parallel.sync(documents)
    here = SearchIndex(tmp_path / "here.sqlite3")
    here.sync(documents, english=lambda sentences: [""] * len(sentences))  # an English source keeps it here
    shards_used = {s for (s,) in parallel.db.execute("SELECT DISTINCT shard FROM docs")}
    # One shard per core (up to four), each written by its own worker.
    assert len(shards_used) == len(parallel.shards) == max(1, min(os.cpu_count() or 1, 4))
    for query in ("周浩", "浩", "團隊", "zhouhao", "玫 瑰", "7号"):
        found = [(h.doc, h.sentence, h.text) for h in search(parallel, query, limit=500)]
        assert found and sorted(found) == sorted((h.doc, h.sentence, h.text) for h in search(here, query, limit=500))


def test_an_index_of_an_older_version_is_rebuilt_and_its_space_given_back(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "search.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    old.execute("INSERT INTO meta VALUES ('version', '2')")
    old.execute("CREATE TABLE sentences (id INTEGER PRIMARY KEY, text TEXT)")
    old.executemany("INSERT INTO sentences (text) VALUES (?)", [("旧索引的句子。" * 40,)] * 2000)
    old.commit()
    old.close()
    before = path.stat().st_size
    index = SearchIndex(path)
    assert index.db.execute("SELECT name FROM sqlite_master WHERE name='sentences'").fetchone() is None
    assert path.stat().st_size < before / 10
    index.sync(open_corpus().documents)
    assert search(index, "周浩")
