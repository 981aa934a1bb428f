"""A second start reuses cleaned documents for unchanged files and re-cleans changed ones."""

import os
from pathlib import Path

from qwen_reader.core.library import open_corpus


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
