"""The lazy layout: heights as prefix sums, jumps that lay out only what they show, incremental relayout."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

from conftest import seed
from qwen_reader.core.reading.cells import cell_len, char_cells
from qwen_reader.core.reading.heights import Heights
from qwen_reader.core.reading.layout import ColumnSpec, ReadingLayout
from qwen_reader.core.text.decode import Decoded
from qwen_reader.core.text.structure import build_document


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=300), st.data())
def test_heights_agree_with_plain_sums(heights: list[int], data: st.DataObject) -> None:
    tree = Heights(heights)
    for _ in range(5):
        k = data.draw(st.integers(0, len(heights) - 1))
        heights[k] = data.draw(st.integers(1, 50))
        tree.set(k, heights[k])
    assert tree.total == sum(heights)
    for k in range(len(heights)):
        assert tree.top(k) == sum(heights[:k])
    for line in range(0, sum(heights), 7):
        k = tree.find(line)
        assert sum(heights[:k]) <= line < sum(heights[:k + 1])


def test_every_assigned_bmp_character_has_the_width_rich_paints() -> None:
    # One width function for wrapping and painting: a disagreement would shift every row holding it.
    wrong = [hex(cp) for cp in range(0x10000)
             if unicodedata.category(chr(cp)) not in ("Cn", "Cs", "Co", "Cc")
             and char_cells(chr(cp)) != rich_cell_len(chr(cp))]
    assert wrong == []


def test_joined_emoji_and_combining_marks_measure_as_rich_measures() -> None:
    for text in ("👨‍👩‍👧", "e\u0301", "☰☰", "中文", "❤️", "a\u200bb"):
        assert cell_len(text) == rich_cell_len(text), text


def _specs() -> list[ColumnSpec]:
    return [ColumnSpec("chinese"), ColumnSpec("chinese", "s2t"), ColumnSpec("english")]


def test_tops_are_exact_once_every_paragraph_is_laid_out() -> None:
    doc = seed("004")
    layout = ReadingLayout(doc, _specs(), [50, 50, 50])
    while not layout.complete:
        layout.extend(30)
    blocks = [layout.block(p) for p in range(len(doc.paragraphs))]
    assert layout.total_lines == sum(b.height for b in blocks)
    tops = [sum(b.height for b in blocks[:p]) for p in range(len(blocks))]
    assert [layout.top(p) for p in range(len(blocks))] == tops


def test_arriving_english_relays_only_the_paragraphs_it_touches() -> None:
    doc = seed("004")
    english: dict[tuple[int, int], str] = {}
    layout = ReadingLayout(doc, _specs(), [50, 50, 50], english=lambda p, s: english.get((p, s)))
    n = len(doc.paragraphs)
    layout.settle(0, 45)  # the first screen; background layout waits while the English arrives
    assert layout.layout_calls < 20
    # Batches of 16 sentences arrive; each invalidates only its own paragraphs.
    rows = [(p, s) for p, par in enumerate(doc.paragraphs) for s in range(len(par.sentence_ends))]
    for start in range(0, len(rows), 16):
        batch = rows[start:start + 16]
        for key in batch:
            english[key] = "English " * 12
        layout.invalidate({p for p, _ in batch})
        layout.settle(0, 45)  # the screen repaints what it shows
    while not layout.complete:
        layout.extend(40)
    # Every paragraph laid out once, plus the few on screen once per batch that touched them.
    assert layout.layout_calls <= 1.2 * n, (layout.layout_calls, n)


def _big_document(paragraphs: int) -> object:
    text = "".join(f"第{i}段。林俊旸在社交平台宣布离职,这是一个测试句子。\n\n" for i in range(paragraphs))
    return build_document("big", __import__("pathlib").Path("big.txt"), Decoded(text, "utf-8", 0), len(text))


def test_the_last_line_is_reached_without_laying_out_what_lies_before() -> None:
    doc = _big_document(20_000)
    layout = ReadingLayout(doc, _specs(), [50, 50, 50])
    last = len(doc.paragraphs) - 1
    top, _height = layout.sentence_span(last, 0)
    layout.settle(top - 40, top + 5)
    assert layout.layout_calls < 100
    found = layout.block_at(layout.top(last))
    assert found is not None and found[0].paragraph == last

