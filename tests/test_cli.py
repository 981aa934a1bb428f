"""The headless CLI as a user runs it: real subprocesses, exit codes, no tracebacks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from qwen_reader.core.store.paths import HOME_ENV


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, HOME_ENV: str(home)}
    return subprocess.run([sys.executable, "-m", "qwen_reader", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_inspect_json_has_the_contracted_fields(tmp_path: Path) -> None:
    out = run("inspect", "002", "--json", home=tmp_path)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["id"] == "002_6c259c40b0f607d2"
    assert doc["path"].endswith("002_6c259c40b0f607d2.txt")
    assert doc["title"] == "千问高光下的暗涌"
    assert doc["script"] == "simplified"
    assert [a["title"] for a in doc["articles"]][1] == "大厂盯上机器人"
    paragraph = doc["articles"][0]["paragraphs"][1]
    assert paragraph["kind"] == "body"
    sentence = paragraph["sentences"][1]
    assert paragraph["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    assert doc["report"]["cut_paragraphs"] == 5
    assert doc["flags"] == []


def test_inspect_human_output_shows_report_and_kinds(tmp_path: Path) -> None:
    out = run("inspect", "000", home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "pinyin_annotations" in out.stdout and "475" in out.stdout
    assert "[cap] 圖片來源:DataFun 2023" in out.stdout
    assert "damaged text left as found" in out.stdout


def test_inspect_a_path(tmp_path: Path) -> None:
    article = tmp_path / "x.md"
    article.write_text("# 标题\n\n正文。", encoding="utf-8")
    out = run("inspect", str(article), "--json", home=tmp_path)
    assert json.loads(out.stdout)["title"] == "标题"


def test_unknown_document_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = run("inspect", "zzz", home=tmp_path)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_nothing_openable_exits_2_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = run("list", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), home=tmp_path)
    assert out.returncode == 2
    assert "empty file" in out.stderr and "no such file or folder" in out.stderr
    assert "Traceback" not in out.stderr


def test_list_reports_problems_beside_documents(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = run("list", "--json", str(SEEDS), str(tmp_path / "bad.txt"), home=tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["documents"]) == 5
    assert data["problems"] == [{"path": str(tmp_path / "bad.txt"), "reason": "binary file, not text"}]


def test_default_corpus_is_the_bundled_seeds(tmp_path: Path) -> None:
    out = run("list", "--json", home=tmp_path)
    ids = [d["id"] for d in json.loads(out.stdout)["documents"]]
    assert ids == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_corrupt_cache_is_moved_aside_and_said_once(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "documents.sqlite3"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not a database" * 100)
    out = run("list", home=tmp_path)
    assert out.returncode == 0
    assert "moved aside and rebuilt" in out.stderr
    assert cache.with_suffix(".corrupt").exists()
    again = run("list", home=tmp_path)
    assert "moved aside" not in again.stderr


@pytest.mark.parametrize("key, reason", [
    ("", "no document given"),
    ("a" * 5000, "too long"),
    ("ab\x1b[31mc", "control characters"),
    ("/", "is a folder"),
])
def test_bad_document_keys_are_one_line_and_exit_2(key: str, reason: str) -> None:
    out = subprocess.run([sys.executable, "-m", "qwen_reader", "inspect", key], capture_output=True, text=True)
    assert out.returncode == 2
    assert reason in out.stderr and out.stderr.count("\n") == 1
    assert "\x1b" not in out.stderr and "Traceback" not in out.stderr
