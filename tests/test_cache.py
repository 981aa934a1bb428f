"""A second start reuses cleaned documents for unchanged files and re-cleans changed ones."""

import os
from pathlib import Path

import pytest

from qwen_reader.core.library import open_corpus
from qwen_reader.core.text import ingest


def test_second_start_skips_unchanged_files(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"第{i}篇。正文。", encoding="utf-8")
    first = open_corpus([folder])
    assert first.cache_hits == 0
    second = open_corpus([folder])
    assert second.cache_hits == 3
    assert [d.paragraphs for d in second.documents] == [d.paragraphs for d in first.documents]

    changed = folder / "1.txt"
    changed.write_text("改过的文字。", encoding="utf-8")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    third = open_corpus([folder])
    assert third.cache_hits == 2
    assert third.documents[1].paragraphs[0].text == "改过的文字。"


def test_no_cache_option_cleans_everything(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    open_corpus([tmp_path])
    assert open_corpus([tmp_path], use_cache=False).cache_hits == 0


def _folder_of(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(f"第{i}篇。正文在这里,很长很长。\n\n術(shù)語{i}。", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"")
    return folder


def test_parallel_ingest_matches_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_of(tmp_path, 60)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 10**9)
    serial = open_corpus([folder], use_cache=False)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 2)
    parallel = open_corpus([folder], use_cache=False)
    assert [d.id for d in parallel.documents] == [d.id for d in serial.documents]
    assert [d.paragraphs for d in parallel.documents] == [d.paragraphs for d in serial.documents]
    assert parallel.problems == serial.problems and len(serial.problems) == 1
    assert parallel.documents[7].paragraphs[1].text == "術語7。"


def test_ingest_falls_back_to_one_process_when_workers_fail(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_of(tmp_path, 10)

    class NoPool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("no processes here")

    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(ingest, "ProcessPoolExecutor", NoPool)
    corpus = open_corpus([folder], use_cache=False)
    assert len(corpus.documents) == 10 and len(corpus.problems) == 1


def test_a_bug_while_cleaning_one_file_costs_only_that_file(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_of(tmp_path, 3)
    real = ingest.build_document

    def flaky(doc_id, path, decoded, size):  # type: ignore[no-untyped-def]
        if path.name == "001.txt":
            raise KeyError("simulated bug")
        return real(doc_id, path, decoded, size)

    monkeypatch.setattr(ingest, "build_document", flaky)
    corpus = open_corpus([folder], use_cache=False)
    assert [d.id for d in corpus.documents] == ["000", "002"]
    reasons = {Path(p.path).name: p.reason for p in corpus.problems}
    assert reasons["001.txt"] == "could not be processed: KeyError: 'simulated bug'"


def test_state_written_where_a_folder_stands_leaves_no_litter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.core.store.state import Positions

    (tmp_path / "positions.json").mkdir()
    positions = Positions(tmp_path / "positions.json")
    for n in range(3):
        positions.set("/some/doc.txt", n, 0)
        positions.flush()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["positions.json"]
