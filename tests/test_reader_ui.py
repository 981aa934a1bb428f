"""Pilot tests of the reading screen: every key in the contract, asserting the state it leaves."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import DataTable

from conftest import open_seed, reading, wait_for
from qwen_reader.core.library import open_corpus
from qwen_reader.core.text.model import Script
from qwen_reader.ui.app import ReaderApp
from qwen_reader.ui.screens.documents import DocumentListScreen
from qwen_reader.ui.screens.help import HelpScreen
from qwen_reader.ui.screens.reader import ReadingScreen
from qwen_reader.ui.widgets.aligned_view import AlignedView


def reading_doc(app: ReaderApp) -> str:
    """The id of the document on screen, or "" when the screen is not the reader."""
    return app.screen.document.id if isinstance(app.screen, ReadingScreen) else ""


def screen_text(app: ReaderApp) -> str:
    view = app.screen.query_one(AlignedView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def test_document_list_then_enter_opens(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        assert isinstance(app.screen, DocumentListScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 5
        row = [cell.plain for cell in table.get_row_at(0)]
        assert row[1] == "traditional" and row[2] == "1" and "damaged" in row[4]
        await pilot.press("down", "down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert app.screen.document.id.startswith("002")
        await pilot.press("j", "j", "j")
        reading = app.screen
        await pilot.press("o")
        assert isinstance(app.screen, DocumentListScreen)
        # The list's cursor sits on the document being read; escape (or backspace) returns to it, unmoved.
        assert app.screen.query_one(DataTable).cursor_row == 2
        await pilot.press("escape")
        assert app.screen is reading and reading.navigator.index == 3
        await pilot.press("o", "backspace")
        assert app.screen is reading
        await pilot.press("o", "up", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen is not reading)
        assert app.screen.document.id.startswith("001")
        await pilot.press("backspace")  # back to where the jump to another document left
        await wait_for(pilot, lambda: reading_doc(app).startswith("002"))
        assert app.screen.navigator.index == 3


async def test_sentence_paragraph_top_bottom_and_back(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "000", (160, 45)) as (_app, pilot, screen):
        nav = screen.navigator
        await pilot.press("j", "j", "down")
        assert nav.index == 3
        await pilot.press("k", "up")
        assert nav.index == 1
        await pilot.press("right_curly_bracket")
        assert nav.position.paragraph == 1 and nav.position.sentence == 0
        await pilot.press("right_curly_bracket", "left_curly_bracket")
        assert nav.position.paragraph == 1
        await pilot.press("j", "left_curly_bracket")
        assert nav.position.paragraph == 1 and nav.position.sentence == 0
        await pilot.press("G")
        assert nav.index == len(nav.order) - 1
        view = screen.query_one(AlignedView)
        assert view.cursor == (nav.position.paragraph, nav.position.sentence)
        assert view.scroll_offset.y > 0
        await pilot.press("backspace")
        assert nav.position.paragraph == 1
        await pilot.press("g")
        assert nav.index == 0
        await pilot.pause()
        assert view.scroll_offset.y == 0


async def test_page_keys_move_by_a_screen(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "004", (160, 45)) as (_app, pilot, screen):
        view = screen.query_one(AlignedView)
        await pilot.press("space")
        first_page = screen.navigator.index
        assert first_page > 5 and view.scroll_offset.y > 20
        await pilot.press("pagedown")
        assert screen.navigator.index > first_page
        await pilot.press("b", "pageup")
        assert screen.navigator.index < first_page
        assert view.scroll_offset.y < 20


async def test_three_columns_wide_two_narrow_and_script_keys(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "000", (160, 45)) as (app, pilot, screen):
        layout = screen.query_one(AlignedView).layout_model
        assert [s.kind for s in layout.specs] == ["chinese", "chinese", "english"]
        assert layout.specs[0].conversion is None and layout.specs[1].conversion == "t2s"
        assert "技術負責人" in screen_text(app) and "技术负责人" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        layout = screen.query_one(AlignedView).layout_model
        assert layout.specs[0].conversion == "t2s" and layout.specs[1].conversion is None
        assert app.settings["primary"] == "simplified"
        await pilot.press("t")
        await pilot.pause()
        assert screen.query_one(AlignedView).layout_model.specs[0].conversion is None

    async with reading(corpus, "001", (100, 40)) as (app, pilot, screen):
        layout = screen.query_one(AlignedView).layout_model
        assert [s.kind for s in layout.specs] == ["chinese", "english"]
        assert screen.document.script is Script.SIMPLIFIED
        await pilot.press("t")  # the one Chinese column now shows traditional
        await pilot.pause()
        assert screen.query_one(AlignedView).layout_model.specs[0].conversion == "s2t"
        assert "吳泳銘" in screen_text(app)


async def test_english_only_and_pinyin_toggle(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "002", (160, 45)) as (app, pilot, screen):
        await pilot.press("e")
        await pilot.pause()
        assert [s.kind for s in screen.query_one(AlignedView).layout_model.specs] == ["english"]
        await pilot.press("e", "p")
        await pilot.pause()
        layout = screen.query_one(AlignedView).layout_model
        assert layout.specs[0].pinyin and app.settings["pinyin"] is True
        text = screen_text(app)
        assert "qiān wèn" in text
        await pilot.press("p")
        await pilot.pause()
        assert app.settings["pinyin"] is False
        assert "qiān wèn" not in screen_text(app)


async def test_help_palette_and_quit(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "003", (160, 45)) as (app, pilot, _screen):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        # The colour legend: each kind named, painted in the colour its highlighting uses.
        legend = {str(s.render()): s for s in app.screen.query(".entity-legend")}
        assert set(legend) == {"people", "organisations", "products", "places", "dates", "figures"}
        looks = {label: (static.styles.color, str(static.styles.text_style)) for label, static in legend.items()}
        assert len(set(looks.values())) == 6  # dates and figures share a colour; figures are italic
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"国产")
        await wait_for(pilot, lambda: app.screen.query("CommandList").first().option_count > 0)
        await pilot.press("enter")
        await wait_for(pilot, lambda: reading_doc(app).startswith("004"))
        await pilot.press("q")
    assert app.return_code == 0


async def test_reading_position_is_remembered(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "002", (160, 45)) as (_app, pilot, screen):
        await pilot.press("right_curly_bracket", "right_curly_bracket", "j")
        saved = screen.navigator.position
    async with reading(corpus, "002", (160, 45)) as (_app, pilot, screen):
        assert screen.navigator.position == saved


async def test_conversion_choice_is_remembered(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "001", (160, 45)) as (_app, pilot, screen):
        screen.set_conversion("s2twp")
        await pilot.pause()
        assert screen.query_one(AlignedView).layout_model.specs[1].conversion == "s2twp"
    async with reading(corpus, "001", (160, 45)) as (_app, pilot, screen):
        assert screen.query_one(AlignedView).layout_model.specs[1].conversion == "s2twp"


async def test_markup_and_escapes_show_literally(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("这是[bold red]红字[/]和\x1b[31m转义\x1b[0m。\n\n第二段。", encoding="utf-8")
    app = ReaderApp(open_corpus([tmp_path], use_cache=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "这是[bold red]红字[/]和转义。" in text
        assert "\x1b" not in text


async def test_empty_huge_paragraph_and_large_document_open(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("字" * 20_000, encoding="utf-8")
    (tmp_path / "images.md").write_text("![](a.png)\n\n![]()\n", encoding="utf-8")
    paragraph = "阿里巴巴正式宣布成立新的事业群,林俊旸在社交平台宣布离职。这是一个测试句子。" * 8
    big = "".join(f"第{i}段。{paragraph}\n\n" for i in range(60_000))
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    assert (tmp_path / "big.txt").stat().st_size > 20_000_000
    corpus = open_corpus([tmp_path], use_cache=False)
    async with reading(corpus, "images", (100, 40)) as (app, pilot, screen):
        assert screen.navigator.empty and "empty document" in str(screen.query_one("#reader-status").render())
        await pilot.press("j", "G", "space", "right_curly_bracket", "p", "p", "e", "e")
        assert isinstance(app.screen, ReadingScreen)
        screen = await open_seed(pilot, app, "one")
        assert "字字字" in screen_text(app)
        await pilot.press("G")
        assert screen.navigator.index == 0  # one sentence: bottom is the same sentence
        screen = await open_seed(pilot, app, "big")
        layout = screen.query_one(AlignedView).layout_model
        assert layout.layout_calls < 200  # only what is needed was laid out
        assert "第0段。" in screen_text(app)
        await pilot.press("j", "j")
        assert screen.navigator.index == 2
        await pilot.press("G")  # the end, without laying out what lies between
        assert screen.navigator.index == len(screen.navigator.order) - 1 and layout.layout_calls < 400
        assert "第59999段。" in screen_text(app)


def assert_columns_hold_every_sentence_once(screen: ReadingScreen) -> None:
    """Every column of every paragraph holds each of its sentences once, whole, in its own rows."""
    from qwen_reader.core.text.script import convert

    layout = screen.view.layout_model
    for p, paragraph in enumerate(layout.paragraphs):
        block = layout.block(p)
        assert len({len(c) for c in block.columns}) == 1
        for c, spec in enumerate(layout.specs):
            for s, sentence in enumerate(paragraph.sentences):
                rows = block.columns[c][block.sentence_tops[s]:([*block.sentence_tops, block.height - 1])[s + 1]]
                assert all(ln.sentence in (s, -1) for ln in rows)
                if spec.kind == "english":
                    english = screen.english.get((p, s))
                    shown = "".join(ln.text for ln in rows if ln.role in ("text", "gloss", "placeholder"))
                    assert shown == (english or "·")
                elif spec.pinyin:
                    shown = "".join(ln.text for ln in rows if ln.role == "padded")
                    assert shown.replace(" ", "") == sentence.text.replace(" ", "")
                else:
                    expected = convert(sentence.text, spec.conversion) if spec.conversion else sentence.text
                    assert "".join(ln.text for ln in rows if ln.role == "text") == expected


async def test_alignment_and_cursor_survive_resizing(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "000", (160, 45)) as (_app, pilot, screen):
        for _ in range(25):
            await pilot.press("j")
        for width, height in ((80, 30), (100, 40), (160, 45), (80, 24)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.pause()
            view = screen.query_one(AlignedView)
            layout = view.layout_model
            assert sum(layout.widths) + 3 * (len(layout.widths) - 1) <= view.scrollable_content_region.width
            pos = screen.navigator.position
            top, _rows = layout.sentence_span(pos.paragraph, pos.sentence)
            assert view.scroll_offset.y <= top < view.scroll_offset.y + view.scrollable_content_region.height
            assert_columns_hold_every_sentence_once(screen)
            assert screen.navigator.index == 25


async def test_english_column_fills_from_the_installed_model(corpus, installed_model) -> None:  # type: ignore[no-untyped-def]
    from qwen_reader.core.translate.service import translatable

    async with reading(corpus, "003", (160, 45), settled=True) as (_app, _pilot, screen):
        assert len(screen.english) == len(translatable(screen.document))
        assert screen.engine_name == "argos translate-zh_en-0_0_1 0.0.1"
        header = str(screen.query_one("#column-headers").render())
        assert "English — argos translate-zh_en-0_0_1 0.0.1" in header
        layout = screen.query_one(AlignedView).layout_model
        block = layout.block(0)
        english = [ln for ln in block.columns[2] if ln.role == "text"]
        assert english and "".join(ln.text for ln in english if ln.sentence == 0) == screen.english[(0, 0)]
        assert_columns_hold_every_sentence_once(screen)
        bar = screen.query_one("#translation-progress")
        assert bar.progress == bar.total == len(translatable(screen.document))


async def test_without_a_model_the_english_column_is_a_labelled_gloss(corpus) -> None:  # type: ignore[no-untyped-def]
    async with reading(corpus, "002", (160, 45), settled=True) as (_app, _pilot, screen):
        assert screen.gloss and screen.engine_name.startswith("gloss")
        header = str(screen.query_one("#column-headers").render())
        assert "English — gloss (CC-CEDICT), not a translation" in header
        status = str(screen.query_one("#reader-status").render())
        assert "engine: gloss" in status and "qwen-reader model install" in status
        layout = screen.view.layout_model
        roles = {ln.role for p in range(len(layout.paragraphs)) for ln in layout.block(p).columns[2]}
        assert "gloss" in roles and "text" not in roles


async def test_opening_a_document_lays_each_paragraph_out_about_once(corpus, installed_model) -> None:  # type: ignore[no-untyped-def]
    # Before the reshape, opening 004 while its English arrived ran the paragraph layout 1,006 times.
    async with reading(corpus, "004", (160, 45), settled=True) as (_app, _pilot, screen):
        layout = screen.view.layout_model
        assert len(screen.english) > 0 and layout.complete
        assert layout.layout_calls <= 1.2 * len(layout.paragraphs), (layout.layout_calls, len(layout.paragraphs))
