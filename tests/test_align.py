"""Wrapping and sentence alignment: no character is cut, lost or doubled at any width."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import seed
from qwen_reader.core.reading.cells import cell_len
from qwen_reader.core.reading.layout import ColumnSpec, ReadingLayout
from qwen_reader.core.reading.wrap import wrap
from qwen_reader.core.text.script import convert


@pytest.mark.parametrize("width", [80, 100, 160, 39, 26, 7, 2])
def test_seed_paragraphs_wrap_without_loss(width: int) -> None:
    for prefix in ("000", "002", "004"):
        for p in seed(prefix).paragraphs:
            lines = wrap(p.text, width)
            assert "".join(lines) == p.text
            assert all(cell_len(line.rstrip(" ")) <= width for line in lines)


def test_latin_words_are_not_broken_when_they_fit() -> None:
    assert wrap("模型Qwen3.5很强", 8) == ["模型", "Qwen3.5", "很强"]
    assert wrap("中文字", 3) == ["中", "文", "字"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"中文字詞ab c1.  ，。", "Qwen", "é"]), max_size=200).map("".join),
       st.integers(min_value=2, max_value=60))
def test_wrap_loses_nothing(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip(" ")) <= width for line in lines)


def test_counterpart_sentences_start_on_the_same_line() -> None:
    doc = seed("000")
    english = {(p, s): f"An English line of some length for sentence {s} of paragraph {p}."
               for p, par in enumerate(doc.paragraphs) for s in range(len(par.sentence_ends))}
    specs = [ColumnSpec("chinese"), ColumnSpec("chinese", "t2s"), ColumnSpec("english")]
    layout = ReadingLayout(doc, specs, [40, 40, 30], english=lambda p, s: english.get((p, s)))
    for block in (layout.block(p) for p in range(len(doc.paragraphs))):
        paragraph = doc.paragraphs[block.paragraph]
        original = [s.text for s in paragraph.sentences]
        expected = (original, [convert(s, "t2s") for s in original],
                    [english[(block.paragraph, i)] for i in range(len(original))])
        assert len({len(c) for c in block.columns}) == 1
        for i, start in enumerate(block.sentence_tops):
            end = block.sentence_tops[i + 1] if i + 1 < len(block.sentence_tops) else block.height - 1
            for column, sentences in zip(block.columns, expected, strict=True):
                assert "".join(line.text for line in column[start:end]) == sentences[i]


def test_punctuation_never_starts_a_line_when_it_can_be_avoided() -> None:
    no_start = set("，。、；：？！”」』）》,.;:?!)")
    for width in (40, 52, 80):
        for p in seed("000").paragraphs + seed("002").paragraphs:
            lines = wrap(p.text, width)
            assert "".join(lines) == p.text
            assert not [line for line in lines[1:] if line and line[0] in no_start], (width, p.text[:20])
