"""A second start reuses cleaned documents for unchanged files and re-cleans changed ones."""

import os
from pathlib import Path

import pytest

from qwen_reader.core.library import open_corpus
from qwen_reader.core.store import doc_cache
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


def test_positions_of_a_file_whose_name_is_not_utf8_are_kept(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    from qwen_reader.core.store.state import Positions

    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes: a surrogate escape in the str
    positions = Positions(tmp_path / "positions.json")
    positions.set(str(tmp_path / name), 3, 1)
    positions.flush()
    assert Positions(tmp_path / "positions.json").get(str(tmp_path / name)) == (3, 1)

def _cache_db(home: Path) -> Path:
    return home / "cache" / "documents.sqlite3"


def _evil_pickle(marker: Path) -> bytes:
    import pickle

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (open, (str(marker), "w"))

    return pickle.dumps(Evil())


def test_cache_holds_json_and_never_unpickles(tmp_path: Path, _isolated_home: Path) -> None:
    import json
    import sqlite3

    (tmp_path / "a.txt").write_text("第一句。第二句。", encoding="utf-8")
    first = open_corpus([tmp_path])
    db = sqlite3.connect(_cache_db(_isolated_home))
    (blob,) = db.execute("SELECT blob FROM entries").fetchone()
    assert json.loads(blob)[0] == doc_cache.PIPELINE_VERSION
    # A pickle that would run code if unpickled, in place of the JSON: ignored, and the file cleaned again.
    marker = tmp_path / "ran"
    db.execute("UPDATE entries SET blob=?", (_evil_pickle(marker),))
    db.commit()
    db.close()
    second = open_corpus([tmp_path])
    assert not marker.exists() and second.cache_hits == 0
    assert [d.paragraphs for d in second.documents] == [d.paragraphs for d in first.documents]
    assert open_corpus([tmp_path]).cache_hits == 1  # the entry was rebuilt


def test_an_older_pickled_cache_is_dropped_unread(tmp_path: Path, _isolated_home: Path) -> None:
    import sqlite3

    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    db_path = _cache_db(_isolated_home)
    db_path.parent.mkdir(parents=True)
    marker = tmp_path / "ran"
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE documents (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, version INTEGER,"
               " blob BLOB)")
    st = (tmp_path / "a.txt").stat()
    db.execute("INSERT INTO documents VALUES (?,?,?,?,?)",
               (str(tmp_path / "a.txt"), st.st_size, st.st_mtime_ns, 1, _evil_pickle(marker)))
    db.commit()
    db.close()
    corpus = open_corpus([tmp_path])
    assert corpus.documents[0].paragraphs[0].text == "正文。" and not marker.exists()
    tables = {r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"entries"}


@pytest.mark.parametrize("damage", ["truncate", "one_character", "wrong_kind", "not_a_list", "swapped_path"])
def test_tampered_truncated_or_moved_entry_is_ignored_and_rebuilt(tmp_path: Path, _isolated_home: Path,
                                                                  damage: str) -> None:
    import sqlite3

    (tmp_path / "a.txt").write_text("标题\n\n第一句。第二句。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("另一篇。", encoding="utf-8")
    first = open_corpus([tmp_path])
    db = sqlite3.connect(_cache_db(_isolated_home))
    a_key = str(tmp_path / "a.txt")
    blob, mac = db.execute("SELECT blob, mac FROM entries WHERE path=?", (a_key,)).fetchone()
    if damage == "swapped_path":  # b's entry, MAC and all, filed under a's path
        blob, mac = db.execute("SELECT blob, mac FROM entries WHERE path != ?", (a_key,)).fetchone()
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "one_character":
        blob = blob.replace("第一句".encode(), "第二句".encode())
    elif damage == "wrong_kind":
        assert b'"body"' in blob
        blob = blob.replace(b'"body"', b'"no-such-kind"')
    else:
        blob = b'{"evil": true}'
    db.execute("UPDATE entries SET blob=?, mac=? WHERE path=?", (blob, mac, a_key))
    db.commit()
    db.close()
    again = open_corpus([tmp_path])
    assert again.cache_hits == 1 and not again.problems and not again.notes
    assert [d.paragraphs for d in again.documents] == [d.paragraphs for d in first.documents]
    assert open_corpus([tmp_path]).cache_hits == 2


def test_malformed_json_with_a_valid_mac_never_crashes(tmp_path: Path, _isolated_home: Path) -> None:
    """Defence in depth (a bug, not an attacker, since the key is ours): shapes are checked as entries parse."""
    cache = doc_cache.DocumentCache(_isolated_home / "c.sqlite3")
    target = tmp_path / "a.txt"
    target.write_text("正文。", encoding="utf-8")
    good = doc_cache.encode_document(open_corpus([target], use_cache=False).documents[0])
    assert good.count(b'"text"') == 1  # the document's format
    cache.put_text(target, 1, 1, good.replace(b'"text"', b"17"))
    assert cache.get(target, 1, 1) is None
    # Paragraphs are parsed on first use: a bad one reads as no paragraphs, never as an exception.
    cache.put_text(target, 2, 2, good.replace(b'"body"', b"17"))
    doc = cache.get(target, 2, 2)
    assert doc is not None and doc.paragraphs == ()
    cache.close()


def test_cached_document_round_trips_with_metadata(tmp_path: Path) -> None:
    page = Path(__file__).parent / "fixtures" / "real_input" / "feed_rss.xml"
    first = open_corpus([page])
    second = open_corpus([page])
    assert second.cache_hits == 1
    a, b = first.documents[0], second.documents[0]
    assert (a.format, a.title, a.encoding, a.flags, a.report) == (b.format, b.title, b.encoding, b.flags, b.report)
    assert [(x.title, x.date, x.author, x.source, x.link) for x in a.articles] == [
        (x.title, x.date, x.author, x.source, x.link) for x in b.articles]
    assert a.articles == b.articles


def test_unreadable_cache_is_left_alone_not_called_corrupt(tmp_path: Path, _isolated_home: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    open_corpus([tmp_path])
    db = _cache_db(_isolated_home)
    before = sorted(p.name for p in db.parent.iterdir())
    content = db.read_bytes()
    real_access = os.access
    # Tests may run as root, for whom chmod denies nothing: the permission check itself is what is replaced.
    monkeypatch.setattr(doc_cache.os, "access", lambda p, mode: False if Path(p) == db else real_access(p, mode))
    corpus = open_corpus([tmp_path])
    assert corpus.documents and corpus.cache_hits == 0
    assert len(corpus.notes) == 1 and "permission denied" in corpus.notes[0] and "corrupt" not in corpus.notes[0]
    assert sorted(p.name for p in db.parent.iterdir()) == before
    assert db.read_bytes() == content


def test_unreadable_cache_by_real_permissions(tmp_path: Path, _isolated_home: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("on purpose: root reads any file; the test above covers it by replacing the permission check")
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    open_corpus([tmp_path])
    db = _cache_db(_isolated_home)
    db.chmod(0)
    try:
        corpus = open_corpus([tmp_path])
        assert "permission denied" in corpus.notes[0] and not db.with_suffix(".corrupt").exists()
    finally:
        db.chmod(0o600)


def test_jieba_cache_lives_in_the_user_cache_folder(_isolated_home: Path) -> None:
    import subprocess
    import sys
    import tempfile

    code = ("from qwen_reader.core.text.pinyin import _tokenizer; t = _tokenizer(); print(t.tmp_dir)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "TMPDIR": str(_isolated_home / "shared-tmp")})
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()) == _isolated_home / "cache"
    assert (_isolated_home / "cache" / "jieba.cache").exists()
    assert not (Path(tempfile.gettempdir()) / "shared-tmp").exists()


def test_pool_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:03d}.txt").write_text(("第一句话在这里，说了一件事情。" * 40 + "\n\n") * 20, encoding="utf-8")
    # The child reports its workers' pids once the pool is running, then keeps ingesting until killed.
    code = f"""
import os, sys, time, threading
from concurrent.futures import process
from qwen_reader.core.text import ingest
ingest.PARALLEL_MIN_FILES = 2
real = process.ProcessPoolExecutor._start_executor_manager_thread
def report(self):
    real(self)
    print(" ".join(str(p) for p in self._processes), flush=True)
process.ProcessPoolExecutor._start_executor_manager_thread = report
from pathlib import Path
from qwen_reader.core.library import open_corpus
open_corpus([Path({str(folder)!r})], use_cache=False)
"""
    env = {**os.environ, "QWEN_READER_HOME": str(tmp_path / "home")}
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        workers |= {int(p) for p in line.split()}
    assert len(workers) >= 2, "the pool never started"
    assert child.poll() is None, "ingest finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    assert not [p for p in workers if _alive(p)], "workers outlived their killed parent"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting to be reaped by init is dead too
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
