"""Document text is data: hostile titles and paragraphs show literally everywhere and never act."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import DataTable

from conftest import wait_for
from hostile import HOSTILE_TITLES, as_read, write_hostile_corpus
from qwen_reader.core.library import open_corpus
from qwen_reader.ui.app import ReaderApp
from qwen_reader.ui.screens.documents import DocumentListScreen
from qwen_reader.ui.screens.reader import ReadingScreen


@pytest.fixture
def hostile_corpus(tmp_path: Path):  # type: ignore[no-untyped-def]
    write_hostile_corpus(tmp_path / "hostile")
    return open_corpus([tmp_path / "hostile"], use_cache=False)


def _visible(text: str) -> str:
    # Joiners, combining marks and direction controls are drawn inside their neighbours.
    return "".join(ch for ch in text if ch not in "\u200d\u202e\u202c\u0301\u0308")


def test_titles_are_read_as_written(hostile_corpus) -> None:  # type: ignore[no-untyped-def]
    assert sorted(d.title for d in hostile_corpus.documents) == sorted(map(as_read, HOSTILE_TITLES))


async def test_list_palette_and_reader_show_each_title_literally(hostile_corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(hostile_corpus)
    before = set(os.listdir("/tmp"))
    async with app.run_test(size=(140, 40)) as pilot:
        assert isinstance(app.screen, DocumentListScreen)
        table = app.screen.query_one(DataTable)
        shown = {table.get_row_at(r)[0].plain for r in range(table.row_count)}
        assert shown == set(map(as_read, HOSTILE_TITLES))
        # Clicking every row's title runs no action (an @click in a title must stay text).
        for row in range(table.row_count):
            if not isinstance(app.screen, DocumentListScreen):
                await pilot.press("o")
            await pilot.click(DataTable, offset=(4, row + 1))
            await pilot.pause()
            assert app.is_running
        for title in map(as_read, HOSTILE_TITLES):
            doc = next(d for d in app.corpus.documents if d.title == title)
            app.open_document(doc.id)
            await wait_for(pilot, lambda doc=doc: isinstance(app.screen, ReadingScreen)
                           and app.screen.document is doc)
            title_line = str(app.screen.query_one("#reader-title").render())
            assert title in title_line
            view = app.screen.view
            text = "\n".join(view.render_line(y).text for y in range(view.size.height))
            assert _visible(title) in _visible(text)
            await pilot.click("#reader-title")
            assert app.is_running
        # The palette lists them all as typed, and a search runs over them without parsing them.
        await pilot.press("ctrl+p")
        await pilot.press(*"标题")
        await wait_for(pilot, lambda: app.screen.query("CommandList").first().option_count > 0)
        command_list = app.screen.query("CommandList").first()
        prompts = [str(command_list.get_option_at_index(i).prompt) for i in range(command_list.option_count)]
        assert any("标题[/]不平衡" in p for p in prompts)
        await pilot.press("escape")
        app.notify(HOSTILE_TITLES[0], markup=False)
        await pilot.pause()
        assert app.is_running
    assert "x.svg" not in set(os.listdir("/tmp")) - before
