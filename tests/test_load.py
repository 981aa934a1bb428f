"""Finding and decoding files: encodings detected from the bytes, every bad input a one-line reason."""

import os
from pathlib import Path

import pytest

from conftest import SEEDS
from qwen_reader.core.errors import LoadError
from qwen_reader.core.library import open_corpus
from qwen_reader.core.text.decode import decode
from qwen_reader.core.text.load import load_text, raw_text

SIMPLIFIED = "阿里巴巴正式宣布成立新的事业群,林俊旸在社交平台宣布离职。这是一个测试句子。"
TRADITIONAL = "阿里巴巴正式宣布成立新的事業群,吳泳銘在社交平臺宣布離職。這是一個測試句子。"


@pytest.mark.parametrize(
    ("text", "encoding", "detected"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "utf-16", "utf-16"),
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "gb18030", "gb18030"),
    ],
)
def test_encodings_are_detected_from_bytes(text: str, encoding: str, detected: str, tmp_path: Path) -> None:
    # The suffix says nothing: every file is called .txt.
    path = tmp_path / "article.txt"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = "\ufeff".encode("utf-16-be") + data
        detected = "utf-16"
    path.write_bytes(data)
    decoded = load_text(path)
    assert decoded.text.lstrip("\ufeff") == text
    assert decoded.encoding == detected
    assert decoded.replaced == 0


def test_seeds_decode_in_every_supported_encoding() -> None:
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        for encoding in ("gb18030", "utf-16", "utf-8-sig"):
            assert decode(text.encode(encoding)).text.lstrip("\ufeff") == text, (path.name, encoding)


def test_invalid_bytes_decode_with_replacement_and_are_flagged(tmp_path: Path) -> None:
    good = SIMPLIFIED.encode("utf-8")
    (tmp_path / "broken.txt").write_bytes(good[:30] + b"\xff\xfe\xfa" + good[30:] + b"\x80")
    corpus = open_corpus([tmp_path], use_cache=False)
    doc, = corpus.documents
    assert "\ufffd" in raw_text(doc)
    assert any("invalid byte" in f for f in doc.flags)
    assert any(s.note == "undecodable bytes" for p in doc.paragraphs for s in p.flags)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n\r\n ", "only whitespace"),
        ("image.txt", bytes(range(256)) * 40, "binary"),
        ("zeros.md", b"\x00" * 100, "binary"),
    ],
)
def test_bad_files_get_a_reason_and_the_rest_still_opens(name: str, content: bytes, reason: str,
                                                          tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    corpus = open_corpus([tmp_path], use_cache=False)
    assert [d.id for d in corpus.documents] == ["good"]
    problem, = corpus.problems
    assert problem.path.endswith(name) and reason in problem.reason
    assert "\n" not in problem.reason


def test_missing_path_and_unreadable_link(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    corpus = open_corpus([tmp_path, tmp_path / "missing"], use_cache=False)
    assert [d.id for d in corpus.documents] == ["good"]
    reasons = {Path(p.path).name: p.reason for p in corpus.problems}
    assert reasons["missing"] == "no such file or folder"
    assert reasons["dangling.txt"].startswith("cannot read")


def test_folders_are_searched_recursively_for_txt_and_md(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(SIMPLIFIED)
    (tmp_path / "a" / "b" / "two.md").write_text("## 标题\n\n" + SIMPLIFIED)
    (tmp_path / "a" / "b" / "skip.json").write_text("{}")
    corpus = open_corpus([tmp_path], use_cache=False)
    assert sorted(d.id for d in corpus.documents) == ["one", "two"]
    assert corpus.problems == []


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(SIMPLIFIED)
    ids = [d.id for d in open_corpus([tmp_path], use_cache=False).documents]
    assert sorted(ids) == ["x/news", "y/news"]


def test_huge_file_loads(tmp_path: Path) -> None:
    text = "".join(f"第{i}段。" + TRADITIONAL * 20 + "\n\n" for i in range(3000))
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    assert (tmp_path / "big.txt").stat().st_size > 6_000_000
    doc, = open_corpus([tmp_path], use_cache=False).documents
    assert len(doc.paragraphs) == 3000
    assert doc.paragraphs[-1].text.startswith("第2999段。")
    assert doc.sentence_count == 3000 * 41


def test_load_error_reasons_are_one_short_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "folder.txt").mkdir()
    reasons = {}
    for name in ("empty.txt", "blank.txt", "binary.txt", "folder.txt", "missing.txt"):
        with pytest.raises(LoadError) as caught:
            load_text(tmp_path / name)
        reasons[name] = str(caught.value)
    for name, reason in reasons.items():
        assert reason and "\n" not in reason and len(reason) < 100, (name, reason)
    assert len(set(reasons.values())) == len(reasons), reasons  # each problem says what it is


def test_sources_are_never_written(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff".encode() + ("圖片來源:X\n\n圖片來源:X\n\n" + TRADITIONAL).encode())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    open_corpus([tmp_path])
    open_corpus([tmp_path])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
