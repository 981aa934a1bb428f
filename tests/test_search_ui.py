"""Pilot tests of search and related passages in the reader: `/`, enter, n / N, ] / [, backspace."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from conftest import open_seed, wait_for
from qwen_reader.core.search.recent import RecentQueries
from qwen_reader.ui.app import ReaderApp
from qwen_reader.ui.screens.reader import ReadingScreen
from qwen_reader.ui.screens.search import SearchScreen
from qwen_reader.ui.searching import controller
from qwen_reader.ui.widgets.aligned_view import AlignedView
from qwen_reader.ui.widgets.related_panel import RelatedPanel


def _results(app: ReaderApp) -> OptionList:
    return app.screen.query_one("#search-results", OptionList)


async def test_slash_searches_every_document_and_enter_opens_the_hit(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_seed(pilot, app, "004")
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        for ch in "zhouhao":
            await pilot.press(ch)
        await wait_for(pilot, lambda: _results(app).option_count > 0)
        search = controller(app)
        first = app.screen.hits[0]
        assert "周浩" in first.text and first.via == "pinyin"
        # The prompt is plain Content: the sentence as written, the hit in reverse video.
        prompt = _results(app).get_option_at_index(0).prompt
        assert first.text.strip() in prompt.plain
        assert any("reverse" in str(span.style) for span in prompt.spans)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.document.id == first.doc)
        screen = app.screen
        assert screen.navigator.index == first.sentence
        # The hit is marked in the column.
        pos = screen.navigator.position
        spans = screen.view.decoration_spans(pos.paragraph, pos.sentence, "chinese")
        assert any(c == "aligned-view--hit" for _, _, c in spans)
        # n / N step through the hits, across documents.
        await pilot.press("n")
        second = search.hits[1]
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.document.id == second.doc
                       and app.screen.navigator.index == second.sentence)
        await pilot.press("N")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.document.id == first.doc
                       and app.screen.navigator.index == first.sentence)
        assert RecentQueries().queries[0] == "zhouhao"


async def test_empty_result_says_so_and_recent_queries_are_offered(corpus) -> None:  # type: ignore[no-untyped-def]
    RecentQueries().add("技術")
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_seed(pilot, app, "002")
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        assert _results(app).option_count == 1  # the recent query
        app.screen.query_one(Input).value = "鲸鱼海豚"
        status = app.screen.query_one("#search-status", Static)
        await wait_for(pilot, lambda: "no matches" in str(status.render()))
        assert _results(app).option_count == 0
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_related_list_follows_the_cursor_and_enter_jumps_backspace_returns(corpus) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.core.search.related import sentence_at

    app = ReaderApp(corpus)
    async with app.run_test(size=(180, 45)) as pilot:
        screen = await open_seed(pilot, app, "002")
        at = sentence_at(screen.document, "my beloved qwen")
        screen.navigator.index = at
        screen._cursor_to_view(center=True)
        await pilot.press("right_square_bracket")
        panel = screen.query_one(RelatedPanel)
        assert screen.query_one("#side-panel").has_class("-open")
        await wait_for(pilot, lambda: panel.items and panel.query_one(OptionList).highlighted == 0)
        target = panel.items[0]
        assert target.doc.startswith("003") and target.reasons
        listing = panel.query_one(OptionList)
        assert "same quotation" in listing.get_option_at_index(0).prompt.plain
        if len(panel.items) > 1:
            await pilot.press("right_square_bracket")
            assert listing.highlighted == 1
            await pilot.press("left_square_bracket")
            assert listing.highlighted == 0
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.document.id == target.doc)
        arrived = app.screen
        assert arrived.navigator.index == target.sentence
        # The list stays open in the new document and now shows that sentence's related passages.
        await wait_for(pilot, lambda: arrived.query(RelatedPanel) and arrived.query_one(RelatedPanel).items)
        assert all(r.doc != target.doc for r in arrived.query_one(RelatedPanel).items)
        arrived.view.focus()
        await pilot.press("backspace")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.document.id.startswith("002")
                       and app.screen.navigator.index == at)
        assert isinstance(app.screen.query_one(AlignedView), AlignedView)
