"""Cleaning rules on inputs the tests make, plus properties: idempotent, loses nothing it doesn't report."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qwen_reader.core.text.blocks import render_markdown, visible_chars
from qwen_reader.core.text.clean import RULES, clean
from qwen_reader.core.text.segment import split_sentences


def kinds_and_texts(raw: str) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in clean(raw).blocks]


def counts(raw: str) -> dict[str, int]:
    return {r.rule: r.count for r in clean(raw).report}


def test_report_names_every_rule_even_at_zero() -> None:
    assert [r.rule for r in clean("你好。").report] == list(RULES)


def test_escape_sequences_and_controls_are_stripped() -> None:
    raw = "前\x1b[31m红\x1b[0m后\x1b]0;title\x07。\x00\x07\x85文\u200b字。"
    (_, text), = kinds_and_texts(raw)
    assert text == "前红后。文字。"
    assert counts(raw)["control_characters"] > 0
    assert "\x1b" not in text and "\x00" not in text


def test_markup_like_text_is_kept_literally() -> None:
    (_, text), = kinds_and_texts("这是[bold red]红字[/]和[link=http://x]链接[/link]。")
    assert text == "这是[bold red]红字[/]和[link=http://x]链接[/link]。"


def test_pinyin_annotation_needs_a_matching_reading() -> None:
    (_, text), = kinds_and_texts("技術(shù)很好,但銀(xíng)不對,模型(Qwen)留下。")
    assert text == "技術很好,但銀(xíng)不對,模型(Qwen)留下。"
    (_, text), = kinds_and_texts("術(shù)(shù)。")
    assert text == "術。"


def test_lost_bullet_only_at_paragraph_start() -> None:
    out = kinds_and_texts("?第一项:很好。\n\n谁来?他来。")
    assert out == [("list_item", "第一项:很好。"), ("body", "谁来?他来。")]


def test_caption_repeated_in_a_row_kept_once_but_not_across_text() -> None:
    raw = "图片来源:新华社\n\n图片来源:新华社\n\n正文一句。\n\n图片来源:新华社"
    assert kinds_and_texts(raw) == [
        ("caption", "图片来源:新华社"), ("body", "正文一句。"), ("caption", "图片来源:新华社")]


def test_cut_paragraph_rejoined_but_heading_after_prose_is_not() -> None:
    cut = "这是一段很长的正文,它说了很多很多的事情,而且一直没有说完就被一个空行在中间切断成了" + "\n\n两半。"
    assert kinds_and_texts(cut) == [("body", cut.replace("\n\n", ""))]
    prose = "这是一段完整的正文,它说完了。\n\n新的小标题\n\n又一段正文。"
    assert kinds_and_texts(prose) == [("body", "这是一段完整的正文,它说完了。"), ("heading", "新的小标题"),
                                      ("body", "又一段正文。")]


def test_short_date_and_name_lines_are_not_headings() -> None:
    out = kinds_and_texts("各位同学:\n正文在这里。\n吴泳铭\n2026 年 3 月 5 日")
    assert [k for k, _ in out] == ["body", "body", "body", "body"]


def test_repeated_copies_need_a_real_run() -> None:
    article = "\n".join(f"第{i}段正文,内容足够长,可以算作一段真正的文字,不会被误认为标题。" for i in range(8))
    assert counts(article + "\n" + article + "\n" + article)["repeated_copies"] == 2
    twice = "重复的一句话。\n重复的一句话。\n别的。"
    assert counts(twice)["repeated_copies"] == 0


def test_markdown_links_emphasis_and_escapes() -> None:
    out = kinds_and_texts("# 标题\n\n见[原文](https://a.b/c?d=1)和**重点**。\n\n\\# 不是标题\n\n1. 第一\n\n---")
    assert out == [("heading", "标题"), ("body", "见原文和重点。"), ("body", "# 不是标题"), ("list_item", "第一"),
                   ("separator", "")]


def test_boilerplate_and_bylines() -> None:
    out = kinds_and_texts("正文一句。\n\n记者 张三\n\n免责声明:本文仅供参考。")
    assert out == [("body", "正文一句。"), ("byline", "记者 张三"), ("boilerplate", "免责声明:本文仅供参考。")]


def test_one_enormous_paragraph_without_punctuation() -> None:
    raw = "字" * 20_000
    blocks = clean(raw).blocks
    assert len(blocks) == 1 and blocks[0].text == raw
    assert "".join(s.text for s in split_sentences(raw)) == raw


# -- properties -------------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [*"的一是了我不人在他有这个上们来到時個們說術(shù)負ABCxyz0123456789 ,，。！？!?；…“”「」()（）#>-*_[]:：",
     "\n", "\n\n", "\x1b[1m", "\x00", "图片来源:", "![](x)", "北京商报记者 张三", "特别声明:"]
)
_TEXT = st.lists(_ALPHABET, max_size=120).map("".join)


def _rendered(raw: str) -> str:
    return render_markdown([(b.kind, b.text, b.level, b.quoted) for b in clean(raw).blocks])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_cleaning_is_idempotent(raw: str) -> None:
    once = clean(raw).blocks
    again = clean(_rendered(raw)).blocks
    assert [(b.kind, b.text) for b in again] == [(b.kind, b.text) for b in once]
    report = {r.rule: r.count for r in clean(_rendered(raw)).report}
    for rule in ("pinyin_annotations", "control_characters", "image_markers", "repeated_copies", "cut_paragraphs"):
        assert report[rule] == 0, rule


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_cleaning_loses_nothing_it_does_not_report(raw: str) -> None:
    result = clean(raw)
    kept = sum(visible_chars(b.text) for b in result.blocks)
    assert visible_chars(raw) == kept + sum(r.removed_chars for r in result.report)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_segmentation_loses_no_text(paragraph: str) -> None:
    sentences = split_sentences(paragraph)
    assert "".join(s.text for s in sentences) == paragraph
    assert all(paragraph[s.start:s.end] == s.text for s in sentences)
    assert all(s.text for s in sentences)
