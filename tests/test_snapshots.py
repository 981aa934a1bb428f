"""Snapshot tests (pytest-textual-snapshot): what a reader sees, compared against approved SVGs.

Update after an intended change with `python -m pytest tests/test_snapshots.py --snapshot-update`, and look
at the report before committing the new SVGs.
"""

from __future__ import annotations

import pytest

from conftest import settle, wait_for
from qwen_reader.core.library import open_corpus
from qwen_reader.ui.app import ReaderApp


def reader_app() -> ReaderApp:
    return ReaderApp(open_corpus(use_cache=False))


def opener(prefix: str, *, pinyin: bool = False):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        app.settings.set("pinyin", pinyin)
        app.open_document(next(d.id for d in app.corpus.documents if d.id.startswith(prefix)))
        # No model is installed here: the English column is the gloss, filled by a worker, and the layout
        # grows in the background (status line and scrollbar show it): wait for both.
        await settle(pilot)

    return run_before


def test_document_list(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app(), terminal_size=(160, 45))


@pytest.mark.parametrize("size", [(160, 45), (100, 40)], ids=["160x45", "100x40"])
@pytest.mark.parametrize("prefix", ["000", "001"], ids=["traditional-000", "simplified-001"])
def test_reading_screen(snap_compare, prefix: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app(), terminal_size=size, run_before=opener(prefix), press=["j", "j"])


def test_pinyin_on(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app(), terminal_size=(160, 45), run_before=opener("002", pinyin=True), press=["j"])


def test_english_only(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app(), terminal_size=(100, 40), run_before=opener("002"), press=["e"])


def test_help(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app(), terminal_size=(160, 45), run_before=opener("003"), press=["question_mark"])


@pytest.mark.parametrize("key", ["s", "t"], ids=["simplified", "traditional"])
def test_script_views(snap_compare, key: str) -> None:  # type: ignore[no-untyped-def]
    # 003 is written in traditional, 002 in simplified: each shown in both scripts, titles included.
    assert snap_compare(reader_app(), terminal_size=(160, 45), run_before=opener("003"), press=[key, "j"])


def test_command_palette(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await opener("002")(pilot)
        await pilot.press("ctrl+p", *"conv")
        palette = pilot.app.screen
        # All eight conversions listed, the search finished (no busy indicator, no countdown to one).
        await wait_for(pilot, lambda: palette.query("CommandList").first().option_count == 8
                       and not palette._show_busy and palette._busy_timer is None)

    assert snap_compare(reader_app(), terminal_size=(120, 40), run_before=run_before)
