"""Hostile file systems: each odd entry is a problem with a reason, quickly, and the rest of the corpus opens."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qwen_reader.core.library import open_corpus
from qwen_reader.core.store.paths import HOME_ENV
from qwen_reader.core.text.load import read_bytes

GOOD = "这是正常的一篇文章。"


def corpus_with(tmp_path: Path, make) -> tuple[dict[str, str], list[str]]:  # type: ignore[no-untyped-def]
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    make(tmp_path)
    start = time.monotonic()
    corpus = open_corpus([tmp_path], use_cache=False)
    assert time.monotonic() - start < 30, "bounded time"
    assert [d.paragraphs[0].text for d in corpus.documents if d.id == "good"] == [GOOD]
    return {Path(p.path).name: p.reason for p in corpus.problems}, [d.id for d in corpus.documents]


def test_symlink_loop(tmp_path: Path) -> None:
    def make(folder: Path) -> None:
        os.symlink(folder / "a.txt", folder / "b.txt")
        os.symlink(folder / "b.txt", folder / "a.txt")
        os.symlink(folder / "self.txt", folder / "self.txt")

    reasons, ids = corpus_with(tmp_path, make)
    assert ids == ["good"]
    assert reasons == {"a.txt": "a symbolic link loop", "b.txt": "a symbolic link loop",
                       "self.txt": "a symbolic link loop"}


def test_fifo_named_txt_does_not_hang(tmp_path: Path) -> None:
    reasons, ids = corpus_with(tmp_path, lambda folder: os.mkfifo(folder / "pipe.txt"))
    assert ids == ["good"] and reasons == {"pipe.txt": "not a regular file (a named pipe)"}


def test_fifo_swapped_in_after_discovery_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "late.txt")
    with pytest.raises(Exception, match="not a regular file"):
        read_bytes(tmp_path / "late.txt")


def test_symlink_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    reasons, ids = corpus_with(tmp_path, lambda folder: os.symlink("/dev/zero", folder / "zero.txt"))
    assert ids == ["good"] and reasons == {"zero.txt": "not a regular file (a character device)"}
    with pytest.raises(Exception, match="character device"):
        read_bytes(tmp_path / "zero.txt")


def test_folder_named_txt(tmp_path: Path) -> None:
    def make(folder: Path) -> None:
        (folder / "empty.txt").mkdir()
        (folder / "full.txt").mkdir()
        (folder / "full.txt" / "inner.txt").write_text("里面的文章。", encoding="utf-8")

    reasons, ids = corpus_with(tmp_path, make)
    assert sorted(ids) == ["good", "inner"]
    assert reasons == {"empty.txt": "a folder named like a text file holding no readable files"}


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    reasons, ids = corpus_with(tmp_path,
                               lambda folder: (folder / name).write_text("名字奇怪的文件。", encoding="utf-8"))
    assert reasons == {}
    assert sorted(ids) == ["caf\\xe9", "good"]
    # A second start reads the same file back from the cache, keyed by its real bytes.
    first = open_corpus([tmp_path])
    second = open_corpus([tmp_path])
    assert second.cache_hits == 2 and [d.path for d in second.documents] == [d.path for d in first.documents]


def run(*args: str, home: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "qwen_reader", *args], capture_output=True,
                          env={**os.environ, HOME_ENV: str(home)}, timeout=120)


def test_cli_json_stays_valid_utf8_with_every_hostile_entry(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / os.fsdecode(b"\xb9\xfa.txt")).write_text("另一个文件。", encoding="utf-8")
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    (folder / "dir.txt").mkdir()
    out = run("list", "--json", str(folder), home=tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.decode("utf-8"))  # strict: raises on invalid UTF-8
    assert sorted(d["id"] for d in data["documents"]) == ["\\xb9\\xfa", "good"]
    assert len(data["problems"]) == 4
    bad = next(d for d in data["documents"] if d["id"] != "good")
    assert bad["path"] == str(folder / "\\xb9\\xfa.txt")
    shown = run("inspect", "--json", os.fsdecode(os.fsencode(folder) + b"/\xb9\xfa.txt"), home=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout.decode("utf-8"))["title"] == "另一个文件"


def test_list_into_a_closed_pipe_exits_0_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:03d}.txt").write_text(f"第{i}篇文章的正文。", encoding="utf-8")
    run("list", str(folder), home=tmp_path)  # fill the cache so the listing is quick
    proc = subprocess.Popen([sys.executable, "-m", "qwen_reader", "list", str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, HOME_ENV: str(tmp_path)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    assert proc.wait(timeout=120) == 0
    assert proc.stderr.read() == b""
