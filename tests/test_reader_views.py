"""Pilot tests of what the reader shows around the columns and across paths: the palette's commands, the
wrap width on every path, the status line when narrow, saving positions, damaged text, the keymap, the chosen
script everywhere, the cursor's colours, a model installed from the palette."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from conftest import open_seed, reading, settle, wait_for
from qwen_reader.core.reading.cells import cell_len
from qwen_reader.ui.app import ReaderApp
from qwen_reader.ui.screens.reader import ReadingScreen
from test_reader_ui import reading_doc


async def _palette_run(pilot, app: ReaderApp, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p", *query)
    await wait_for(pilot, lambda: app.screen.query("CommandList").first().option_count > 0)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))


async def test_palette_offers_every_toggle_and_conversion(corpus) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.core.text.script import available_conversions

    async with reading(corpus, "001", (160, 45)) as (app, pilot, screen):
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: app.screen.query("CommandList").first().option_count > 0)
        command_list = app.screen.query("CommandList").first()
        prompts = {str(command_list.get_option_at_index(i).prompt) for i in range(command_list.option_count)}
        for wanted in ("Toggle pinyin", "Toggle English only", "Show simplified", "Show traditional"):
            assert any(p.startswith(wanted) for p in prompts), wanted
        for name in available_conversions():
            assert any(f"[{name}]" in p for p in prompts), name
        assert sum(p.startswith("Open: ") for p in prompts) == 5
        await pilot.press("escape")
        await _palette_run(pilot, app, "s2twp")
        assert screen.view.layout_model.specs[1].conversion == "s2twp"
        await _palette_run(pilot, app, "toggle pinyin")
        assert app.settings["pinyin"] is True and screen.view.layout_model.specs[0].pinyin
        await _palette_run(pilot, app, "english only")
        assert [s.kind for s in screen.view.layout_model.specs] == ["english"]


async def test_wrapping_width_is_the_painted_width_on_every_path(corpus) -> None:  # type: ignore[no-untyped-def]
    def widths_fit(screen: ReadingScreen) -> None:
        view = screen.view
        layout = view.layout_model
        assert sum(layout.widths) + 3 * (len(layout.widths) - 1) == view.scrollable_content_region.width
        for p in range(len(layout.paragraphs)):
            for column, width in zip(layout.block(p).columns, layout.widths, strict=True):
                assert all(cell_len(line.text.rstrip()) <= width for line in column)

    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        widths_fit(await open_seed(pilot, app, "003"))  # first paint
        await pilot.press("o", "up", "up", "enter")  # from the list (its cursor starts on 003)
        await wait_for(pilot, lambda: reading_doc(app).startswith("001"))
        widths_fit(app.screen)
        await _palette_run(pilot, app, "国产")  # from the palette
        assert reading_doc(app).startswith("004")
        widths_fit(app.screen)
        await pilot.resize_terminal(123, 40)  # a resize
        await pilot.pause()
        widths_fit(app.screen)
        await pilot.press("right_square_bracket")  # the related passages open beside the columns
        await wait_for(pilot, lambda: app.screen.query_one("#side-panel").has_class("-open"))
        await pilot.pause()
        widths_fit(app.screen)


async def test_narrow_status_keeps_what_matters(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "000", (80, 24), settled=True) as (_app, pilot, screen):
        await wait_for(pilot, lambda: not screen.query_one("#translation-progress").display)
        await pilot.pause()
        status = str(screen.query_one("#reader-status").render())
        assert "sentence 1/" in status and "⚑ 1 flag" in status and "qwen-reader model install" in status
        headers = str(screen.query_one("#column-headers").render())
        assert "繁體 traditional (as written)" in headers and "gloss, not a translation" in headers


async def test_positions_are_written_on_leaving_not_on_every_key(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ReadingScreen, "SAVE_EVERY", 3600.0)  # the timer must not write during the test
    async with reading(corpus, "002", (120, 40)) as (app, pilot, _screen):
        path = app.positions.path
        await pilot.press(*["j"] * 20)
        assert not path.exists()  # twenty moves, no write
        await pilot.press("o")
        assert path.exists()  # leaving the reader saves


async def test_damaged_text_is_marked_where_it_stands_and_never_glossed(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "000", (160, 45), settled=True) as (_app, _pilot, screen):
        p, paragraph = next((i, par) for i, par in enumerate(screen.document.paragraphs) if par.flags)
        flag = paragraph.flags[0]
        s = next(k for k, sen in enumerate(paragraph.sentences) if sen.start <= flag.start < sen.end)
        line = next(ln for ln in screen.view.layout_model.block(p).columns[0] if ln.sentence == s)
        spans = screen.view._spans(screen.view.layout_model.block(p), 0, line, screen.view.layout_model.specs[0])
        assert any(name == "aligned-view--damaged" for _, _, name in spans)
        damaged = paragraph.text[flag.start:flag.end]
        assert damaged.strip("?") and damaged.strip("?") not in screen.english[(p, s)]


async def test_a_user_keymap_remaps_keys_and_the_help_follows(corpus, _isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.core.store.keymap import keymap_path

    keymap_path().parent.mkdir(parents=True, exist_ok=True)
    keymap_path().write_text('[keymap]\nnext-sentence = "x"\nno-such-binding = "y"\n', encoding="utf-8")
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        assert any("no-such-binding" in str(n.message) for n in app._notifications)  # said, once
        screen = await open_seed(pilot, app, "002")
        await pilot.press("x", "x")
        assert screen.navigator.index == 2
        await pilot.press("j")  # no longer bound
        assert screen.navigator.index == 2
        hints = str(screen.query_one("#key-hints").render())
        assert " x sentence" in hints and " j sentence" not in hints
        await pilot.press("question_mark")
        help_text = str(app.screen.query_one("#help Static").render())
        rows = [line.split(None, 1) for line in help_text.splitlines() if line.startswith("  ")]
        shown = [(r[0], r[1].strip()) for r in rows if len(r) == 2]
        assert ("x", "next sentence (highlighted in every column)") in shown
        assert "j / ↓" not in help_text


async def test_every_chinese_string_follows_the_chosen_script(corpus) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.core.text.script import convert

    async with reading(corpus, "002", (160, 45)) as (app, pilot, screen):  # written in simplified
        await pilot.press("t")
        title = screen.document.title
        assert convert(title, "s2t") in str(screen.query_one("#reader-title").render())
        boilerplate = [p for p in screen.document.paragraphs if p.kind.value == "boilerplate"]
        layout = screen.view.layout_model
        assert layout.specs[0].conversion == "s2t"  # every paragraph kind, boilerplate included
        await pilot.press("o")
        table = app.screen.query_one(DataTable)
        titles = {table.get_row_at(r)[0].plain for r in range(table.row_count)}
        assert convert(title, "s2t") in titles and title not in titles
        assert boilerplate == [] or layout.block(screen.document.paragraphs.index(boilerplate[0]))


async def test_no_horizontal_scrollbar_and_the_cursor_keeps_converted_colours(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "000", (160, 45)) as (_app, _pilot, screen):
        view = screen.view
        assert not view.show_horizontal_scrollbar and view.styles.overflow_x == "hidden"
        changed = view._style("aligned-view--changed")
        assert changed.color is not None
        # The cursor's sentence 0 of paragraph 0: its converted characters keep the changed colour.
        strip = view.render_line(0)
        colours = {seg.style.color for seg in strip if seg.style and seg.style.bgcolor == view._style(
            "aligned-view--cursor").bgcolor}
        assert changed.color in colours


async def test_a_model_installed_from_the_palette_replaces_the_gloss_at_once(corpus, argos_package) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.core.translate.packages import install_from_file

    async with reading(corpus, "003", (160, 45), settled=True) as (app, pilot, screen):
        assert screen.gloss
        install_from_file(argos_package)
        app.model_installed()  # what the palette's install worker calls when it is done
        await settle(pilot)
        assert not screen.gloss and screen.engine_name.startswith("argos")
        assert "English — argos" in str(screen.query_one("#column-headers").render())
