"""The structure of real news, one family per test, on short files of our own writing."""

from pathlib import Path

import pytest

from qwen_reader.core.library import open_corpus
from qwen_reader.core.text.clean import clean
from qwen_reader.core.text.decode import Decoded
from qwen_reader.core.text.model import Document
from qwen_reader.core.text.segment import split_sentences
from qwen_reader.core.text.structure import build_document

FIXTURES = Path(__file__).parent / "fixtures" / "real_input"


def opened(name: str) -> Document:
    return open_corpus([FIXTURES / name], use_cache=False).documents[0]


def built(text: str) -> Document:
    return build_document("t", Path("t.txt"), Decoded(text, "utf-8", 0), len(text))


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in clean(text).blocks]


def test_byline_forms_are_bylines_and_never_start_an_article() -> None:
    doc = opened("bylines.txt")
    assert [a.title for a in doc.articles] == ["小镇铁路站重新开通", "城里新开了一座植物园"]
    bylines = [p.text for p in doc.paragraphs if p.kind.value == "byline"]
    assert bylines == ["本报记者张三实习记者李四发自上海", "编辑 王五 校对 赵六", "《示例周刊》作者 孙七",
                       "记者林悦／南市报导"]
    # The credits after the first report's text close it and stay with it.
    assert [p.text for p in doc.articles[0].paragraphs][-2:] == ["编辑 王五 校对 赵六", "《示例周刊》作者 孙七"]
    assert doc.title == "小镇铁路站重新开通"


@pytest.mark.parametrize("line", [
    "本报记者张三实习记者李四发自上海", "编辑 王五 校对 赵六", "《某刊》作者 孙七", "記者林悅／南市報導",
    "【本報訊】", "（中央社記者邱俊欽桃園19日電）", "〔即時新聞／綜合報導〕", "(星島日報報道)", "[责任编辑:肖春芳]",
    "2019年11月25日 16:04:30 来源：澎湃新闻网", "发稿时间：2017-03-10 08:45", "来源：示例日报", "北京商报记者 张三",
])
def test_credit_line_is_a_byline(line: str) -> None:
    assert kinds(f"一个标题在这里\n\n{line}\n\n正文第一句在这里，说了一件事情。")[1] == ("byline", line)


@pytest.mark.parametrize("line", ["2026 年 3 月 5 日", "记者们说，这件事情还没有结束。", "编辑部的故事"])
def test_prose_and_bare_dates_are_not_bylines(line: str) -> None:
    assert kinds(f"正文第一句在这里，说了一件事情。\n\n{line}")[1][0] != "byline"


def test_dateline_run_into_a_headline_is_split() -> None:
    doc = opened("datelines_headlines.txt")
    first = doc.articles[0].paragraphs
    assert [(p.kind.value, p.text) for p in first[:2]] == [
        ("byline", "【本報訊】"), ("heading", "海邊公園的沙灘今天重新開放")]
    assert doc.title == "海邊公園的沙灘今天重新開放"
    one_line = built("【本報訊】市政府今天宣布新的公園開放時間。")
    assert [p.kind.value for p in one_line.paragraphs] == ["byline", "body"]


def test_headline_may_end_in_a_question_or_exclamation_mark() -> None:
    doc = built("这家店真的要关门了吗？\n\n店主在门口贴了一张告示，说房租涨了一倍。")
    assert doc.paragraphs[0].kind.value == "heading"
    assert doc.title == "这家店真的要关门了吗？"
    shouted = built("他们为什么在雨中排队！\n\n排队的人说，他们在等最后一天的打折。")
    assert shouted.title == "他们为什么在雨中排队！" and shouted.paragraphs[0].kind.value == "heading"
    # Inside a report a short question is a sentence, not a heading.
    inner = built("店主贴了一张告示，说房租涨了一倍，只能搬走。\n\n你觉得呢？\n\n他说完就走了。")
    assert inner.paragraphs[1].kind.value == "body"


def test_headline_is_not_fused_with_a_quotation_below_it() -> None:
    headline = "一位在外地讀書半年、每天只睡五個小時、最後被心儀的學校正式錄取的學生終於等到了通知才錄取"
    out = kinds(f"{headline}\n\n「讀了半年，每天只睡五個小時。」她說。")
    assert [t for _, t in out] == [headline, "「讀了半年，每天只睡五個小時。」她說。"]
    # A line cut after a comma still joins the quotation that finishes it.
    assert len(kinds("他在会上对大家表示，这次的事情并不简单，需要所有人一起想办法，\n\n“我们一定能做到。”")) == 1


def test_boilerplate_families_are_boilerplate() -> None:
    doc = opened("boilerplate.txt")
    got = [(p.kind.value, p.text) for p in doc.paragraphs]
    body = [t for k, t in got if k == "body"]
    assert body == ["周末的音乐节吸引了上万名观众，湖边的草地上坐满了人。",
                    "乐队从傍晚一直演奏到深夜，最后一首歌是全场一起唱的。"]
    for notice in ("未经允许不得转载", "转载请注明出处", "相关新闻：", "去年的音乐节下了一场大雨",
                   "乐队主唱的新专辑发行", "相关阅读", "返回示例网首页>>", "点击进入专题>>",
                   "信息来源于网络，经过示例网重新编排", "欢迎下载示例新闻APP，随时看新闻"):
        assert ("boilerplate", notice) in got, notice
    assert ("caption", "（点击看清晰大图）") in got
    assert ("byline", "（原标题：湖边音乐节吸引上万观众）") in got
    assert kinds("正文第一句在这里，说了一件事情。\n\n（原标题：另一个标题）")[1][0] == "byline"


def test_related_links_end_at_the_next_real_paragraph() -> None:
    out = kinds("相关阅读\n\n一条链接的标题\n\n正文又开始了，这是一个完整的句子。")
    assert [k for k, _ in out] == ["boilerplate", "boilerplate", "body"]


def test_a_long_report_that_mentions_a_hotline_is_still_body() -> None:
    long = "市政府今天宣布开通一条新的报料热线，" + "市民可以随时打电话反映问题，" * 10 + "热线二十四小时有人接听。"
    assert kinds(f"正文第一句在这里，说了一件事情。\n\n{long}")[1][0] == "body"


@pytest.mark.parametrize(("text", "sentences"), [
    ("他笑着说：“今天真高兴。 ”然后转身离开了。", ["他笑着说：“今天真高兴。 ”", "然后转身离开了。"]),
    ("活动的口号是（酷。开启新旅程）。大家都很喜欢。", ["活动的口号是（酷。开启新旅程）。", "大家都很喜欢。"]),
    ("他说(好。)然后走了。", ["他说(好。)", "然后走了。"]),
    ("左括号（没有闭合。下一句。", ["左括号（没有闭合。", "下一句。"]),
])
def test_sentences_around_closing_quotes_and_brackets(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences


@pytest.mark.parametrize(("paragraph", "credit"), [
    ("（示例社记者周八台北9日电）植物园的温室明年春天对外开放。", "（示例社记者周八台北9日电）"),
    ("【明報專訊】教育大學昨天宣布新的校園規則。", "【明報專訊】"),
    ("〔即時新聞／綜合報導〕一間老屋今天拍賣。", "〔即時新聞／綜合報導〕"),
    ("新华社北京3月5日电（记者张三）政府工作报告今天发布。", "新华社北京3月5日电（记者张三）"),
    ("中广网唐山６月１２日消息（记者汤一亮　庄胜春）一批枪支今天被销毁。",
     "中广网唐山６月１２日消息（记者汤一亮　庄胜春）"),
    ("南都讯　记者刘凡　周昌和　继推出日票后，地铁将设头等车厢。", "南都讯　记者刘凡　周昌和　"),
])
def test_dateline_run_into_a_paragraph_is_marked_where_it_stands(paragraph: str, credit: str) -> None:
    doc = built(f"一个标题在这里\n\n{paragraph}\n\n第二段也是正文，说了另一件事情。")
    p = doc.paragraphs[1]
    assert (p.kind.value, p.text) == ("body", paragraph)  # the text reads as written
    assert p.text[:p.credit] == credit
    assert doc.paragraphs[2].credit == 0


@pytest.mark.parametrize("paragraph", ["他来电说明天再谈这件事情。", "记者们在门口等了很久，没有人出来。",
                                       "（这件事情）以后再说，先吃饭吧。"])
def test_prose_opening_has_no_credit(paragraph: str) -> None:
    assert built(f"一个标题在这里\n\n{paragraph}").paragraphs[1].credit == 0


@pytest.mark.parametrize("line", [
    "★示例報關心您：再給自己一次機會", "自殺防治諮詢專線：0800-000-000", "iOS載點 https://example.org/app",
    "［详细］", "... more", "阅读全文>>",
])
def test_notices_and_link_lines_are_boilerplate(line: str) -> None:
    assert kinds(f"正文第一句在这里，说了一件事情。\n\n{line}")[1] == ("boilerplate", line)


def test_read_more_link_at_a_paragraph_end_is_split_off() -> None:
    out = kinds("正文第一句在这里，说了一件事情。［详细］\n\n第二段。")
    assert out[:2] == [("body", "正文第一句在这里，说了一件事情。"), ("boilerplate", "［详细］")]
    assert kinds("今年的雨水比往年更多")[0][1] == "今年的雨水比往年更多"  # a sentence may end in 更多


@pytest.mark.parametrize("line", ["责任编辑：biaoffeng", "[责任编辑:肖春芳]", "(责编：汤诗瑶、丁涛)"])
def test_labelled_credits_with_any_name(line: str) -> None:
    assert kinds(f"正文第一句在这里，说了一件事情。\n\n{line}")[1] == ("byline", line)


@pytest.mark.parametrize("line", ["消防員在火場外待命。 記者林悅／翻攝", "居民在門口排隊。（消防局提供）"])
def test_photo_credit_lines_are_captions(line: str) -> None:
    assert kinds(f"正文第一句在这里，说了一件事情。\n\n{line}")[1] == ("caption", line)


def test_feed_text_has_no_headings_but_keeps_its_datelines(tmp_path: Path) -> None:
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item>'
            "<title>老店結業</title><description>&lt;p&gt;祝您新年快樂&lt;/p&gt;&lt;p&gt;【本報訊】老店今天結業。"
            "&lt;/p&gt;</description></item></channel></rss>")
    (tmp_path / "f.xml").write_text(feed, encoding="utf-8")
    doc = open_corpus([tmp_path / "f.xml"], use_cache=False).documents[0]
    got = [(p.kind.value, p.text, p.credit) for p in doc.paragraphs]
    assert got == [("heading", "老店結業", 0), ("body", "祝您新年快樂", 0), ("body", "【本報訊】老店今天結業。", 5)]
