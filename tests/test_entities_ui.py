"""Pilot tests of entities on the reading screen: colours, the tab cursor, the mentions screen and its
jumps, highlighting off, the entities panel, the palette, and names kept as written in the other script."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList

from conftest import wait_for
from qwen_reader.core.reading.navigation import Position
from qwen_reader.ui.app import ReaderApp
from qwen_reader.ui.entity_corpus import index_of
from qwen_reader.ui.screens.mentions import MentionsScreen
from qwen_reader.ui.screens.reader import ReadingScreen
from qwen_reader.ui.widgets.entities_panel import EntitiesPanel


async def open_tagged(pilot, app: ReaderApp, prefix: str) -> ReadingScreen:  # type: ignore[no-untyped-def]
    doc = next(d for d in app.corpus.documents if d.id.startswith(prefix))
    app.open_document(doc.id)
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen) and app.screen.document.id == doc.id
                   and app.screen.entity_layer.entities is not None, timeout=60)
    return app.screen  # type: ignore[return-value]


def go_to_text(screen: ReadingScreen, needle: str) -> tuple[int, int]:
    """Put the cursor on the first sentence holding `needle`."""
    for p, paragraph in enumerate(screen.document.paragraphs):
        for s, sentence in enumerate(paragraph.sentences):
            if needle in sentence.text:
                screen.go_to(p, s)
                return p, s
    raise AssertionError(needle)


async def test_entities_are_coloured_by_kind(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tagged(pilot, app, "002")
        p, s = go_to_text(screen, "林俊旸在社交平台宣布离职")
        spans = screen.view.decoration_spans(p, s, "chinese")
        sentence = screen.document.paragraphs[p].sentences[s].text
        coloured = {sentence[a:b]: name for a, b, name in spans}
        assert coloured["林俊旸"] == "aligned-view--entity-person"
        assert coloured["郁博文"] == "aligned-view--entity-person"
        assert coloured["3月4日凌晨"] == "aligned-view--entity-date"
        # h turns the colours off and on again.
        await pilot.press("h")
        assert screen.view.decoration_spans(p, s, "chinese") == []
        await pilot.press("h")
        assert screen.view.decoration_spans(p, s, "chinese")
        # The English column colours a name where the English holds it.
        screen.english[(p, s)] = "Lin Junyang announced his departure."
        english = screen.view.decoration_spans(p, s, "english")
        assert (0, len("Lin Junyang"), "aligned-view--entity-person") in english


async def test_names_stay_as_written_in_the_other_script(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tagged(pilot, app, "002")
        p, s = go_to_text(screen, "林俊旸在社交平台宣布离职")
        text = screen.document.paragraphs[p].sentences[s].text
        converted = screen.view.converter(text, "s2t", p, s)
        assert "林俊旸" in converted and "郁博文" in converted
        assert "林俊暘" not in converted and "鬱博文" not in converted
        assert "負責人" in converted  # everything else is converted


async def test_tab_steps_through_the_sentence_entities(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tagged(pilot, app, "002")
        p, s = go_to_text(screen, "林俊旸在社交平台宣布离职")
        texts = [t.mention.text for t in screen.entity_layer.targets()]
        assert texts[:2] == ["3月4日凌晨", "阿里Qwen团队"] and "林俊旸" in texts
        await pilot.press("tab")
        assert screen.entity_layer.current_target().mention.text == texts[0]  # type: ignore[union-attr]
        await pilot.press("tab", "tab")
        assert screen.entity_layer.current_target().mention.text == texts[2]  # type: ignore[union-attr]
        await pilot.press("shift+tab")
        assert screen.entity_layer.current_target().mention.text == texts[1]  # type: ignore[union-attr]
        spans = screen.view.decoration_spans(p, s, "chinese")
        assert sum(1 for *_, name in spans if name == "aligned-view--entity-cursor") == 1
        # Moving to another sentence drops the selection.
        await pilot.press("j")
        assert screen.entity_layer.current_target() is None


async def test_enter_lists_every_mention_and_jumps_across_documents(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tagged(pilot, app, "002")
        start = go_to_text(screen, "周浩")
        while screen.entity_layer.current_target() is None or \
                screen.entity_layer.current_target().mention.text != "周浩":  # type: ignore[union-attr]
            await pilot.press("tab")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MentionsScreen))
        mentions = app.screen.mentions  # type: ignore[attr-defined]
        assert {m.doc[:3] for m in mentions} >= {"001", "002", "003"}
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == len(mentions)
        target = next(n for n, m in enumerate(mentions) if m.doc.startswith("003"))
        listing.highlighted = target
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen)
                       and app.screen.document.id.startswith("003"))
        there = app.screen
        pos = there.navigator.position
        assert "周浩" in there.document.paragraphs[pos.paragraph].sentences[pos.sentence].text
        # backspace returns to the sentence the jump left.
        await pilot.press("backspace")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen)
                       and app.screen.document.id.startswith("002"))
        assert app.screen.navigator.position == Position(*start)
        # backspace on the mentions screen returns without jumping.
        app.screen.entity_layer.step(1)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MentionsScreen))
        await pilot.press("backspace")
        assert isinstance(app.screen, ReadingScreen) and app.screen.navigator.position == Position(*start)


async def test_entities_panel_lists_the_document_by_kind(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_tagged(pilot, app, "002")
        await pilot.press("i")
        await wait_for(pilot, lambda: screen.query(EntitiesPanel))
        side = screen.query_one("#side-panel")
        assert side.has_class("-open")
        listing = screen.query_one("#entities-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        people = next(p for p in prompts if p.startswith("people ("))
        assert int(people.split("(")[1].rstrip(")")) >= 3
        assert any(p.strip().startswith("林俊旸  ×") for p in prompts)
        index = next(i for i, p in enumerate(prompts) if p.strip().startswith("林俊旸"))
        await wait_for(pilot, lambda: listing.has_focus)
        listing.highlighted = index
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MentionsScreen))
        assert app.screen.entity_id == "person:lin-junyang"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.press("i")
        assert not side.has_class("-open")


async def test_palette_finds_an_entity_by_pinyin_and_english(corpus) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_tagged(pilot, app, "002")
        await wait_for(pilot, lambda: index_of(app) is not None, timeout=60)
        for query in ("linjunyang", "Lin Junyang", "林俊暘"):
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*query)
            await wait_for(pilot, lambda: any(
                "林俊旸" in str(app.screen.query("CommandList").first().get_option_at_index(i).prompt)
                for i in range(app.screen.query("CommandList").first().option_count)))
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
