"""Saved pages, feeds, feeds saved as .txt, tagged record dumps and text digests (fixtures of our own writing)."""

from pathlib import Path

import pytest

from qwen_reader.core.library import open_corpus
from qwen_reader.core.text.formats import FEED, HTML, TEXT, sniff
from qwen_reader.core.text.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "real_input"


def opened(name: str) -> Document:
    corpus = open_corpus([FIXTURES / name], use_cache=False)
    assert not corpus.problems, corpus.problems
    return corpus.documents[0]


def kinds(doc: Document, article: int = 0) -> list[tuple[str, str]]:
    return [(p.kind.value, p.text) for p in doc.articles[article].paragraphs]


def test_saved_page_gives_the_article_with_its_metadata_and_no_page_furniture() -> None:
    doc = opened("page_lying_charset.html")
    assert (doc.format, doc.encoding, len(doc.articles)) == ("html", "utf-8", 1)
    article = doc.articles[0]
    assert doc.title == article.title == "河边小镇开了第一家书店"
    assert article.author == "示例晚报记者 林小禾"
    got = kinds(doc)
    assert got[0] == ("heading", "河边小镇开了第一家书店")
    assert ("caption", "书店门口排队的居民") in got
    assert sum(text == "书店门口排队的居民" for _, text in got) == 1  # a figcaption repeating the alt text
    assert ("heading", "旧仓库的新用途") in got
    assert got[-1][1].startswith("开业第一天")
    shown = "".join(text for _, text in got)
    for furniture in ("首页", "体育", "关于我们", "<p", "&ldquo;"):
        assert furniture not in shown
    assert "“孩子们放学以后，总该有个地方坐下来看书。”" in shown


def test_the_bytes_decide_the_encoding_not_a_lying_meta_charset() -> None:
    data = (FIXTURES / "page_lying_charset.html").read_bytes()
    assert b"charset=gb2312" in data  # the page claims GB2312 but is UTF-8
    assert "河边小镇" in opened("page_lying_charset.html").title


def test_rss_items_become_articles_with_date_link_and_decoded_text() -> None:
    doc = opened("feed_rss.xml")
    assert doc.format == "feed" and len(doc.articles) == 3
    first, second, third = doc.articles
    assert first.title == "山区小学用上了太阳能热水"
    assert first.date == "Mon, 06 May 2024 09:00:00 +0800"
    assert first.link == "https://example.org/news/1"
    assert first.author == "周一鸣" and first.source == "示例新闻 RSS"
    assert kinds(doc)[1:] == [("body", "山区一所小学的屋顶装上了太阳能板，学生们冬天终于能用上热水洗手。"),
                              ("body", "校长说，这是村民自己凑钱办成的事。")]
    assert second.title == "老街夜市爲火重開"  # &#29234; is 爲
    assert "爐火" in second.paragraphs[1].text and "<b>" not in second.paragraphs[1].text
    assert third.paragraphs[-1].text == "市图书馆从下月起每天开放到晚上十点。"


def test_atom_entries_become_articles() -> None:
    doc = opened("feed_atom.atom")
    assert doc.format == "feed"
    assert [a.title for a in doc.articles] == ["湖边步道完工", "社区菜园迎来第一次收成"]
    assert doc.articles[0].author == "何青"
    assert doc.articles[0].date == "2024-05-08T10:00:00Z"
    assert [t for k, t in kinds(doc) if k == "body"] == ["环湖步道全长八公里，今天正式开放。", "沿途设有六个休息亭。"]


def test_big5_feed_named_txt_is_read_as_a_feed() -> None:
    doc = opened("feed_big5_named.txt")
    assert (doc.format, doc.encoding) == ("feed", "big5")
    assert [a.title for a in doc.articles] == ["港口新建的燈塔今晚點亮", "山上的茶園開放參觀"]
    shown = " ".join(p.text for p in doc.paragraphs)
    assert "<" not in shown and "encoding" not in shown and "&lt;" not in shown
    assert all(p.kind.value in ("heading", "body") for p in doc.paragraphs)


@pytest.mark.parametrize(("suffix", "head", "expected"), [
    (".txt", '<?xml version="1.0" encoding="big5"?>\n<rss version="2.0">', FEED),
    (".txt", "<!-- saved -->\n<feed xmlns='http://www.w3.org/2005/Atom'>", FEED),
    (".txt", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', FEED),
    (".txt", "<!DOCTYPE html><html><body>", HTML),
    (".txt", "\ufeff<html lang='zh'>", HTML),
    (".htm", "<div>正文</div>", HTML),
    (".txt", "标题<b>不是网页</b>", TEXT),
    (".md", "# 标题\n\n<html> 在正文里", TEXT),
])
def test_content_decides_the_format(suffix: str, head: str, expected: str) -> None:
    assert sniff(suffix, head) == expected


def test_a_feed_with_no_items_is_a_problem_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.xml").write_text('<?xml version="1.0"?><rss><channel><title>t</title></channel></rss>')
    (tmp_path / "good.txt").write_text("正文。", encoding="utf-8")
    corpus = open_corpus([tmp_path], use_cache=False)
    assert [d.id for d in corpus.documents] == ["good"]
    assert corpus.problems[0].reason.startswith("a feed with no items")


def test_text_digest_is_one_article_per_item_with_source_credits() -> None:
    doc = opened("digest.txt")
    assert doc.format == "text"
    assert [a.title for a in doc.articles] == ["图书馆延长开放时间", "新开三条夜间公交线路", "城西公园完成改造"]
    first = doc.articles[0]
    assert (first.date, first.source) == ("2024-05-06", "示例日报")
    got = kinds(doc)
    assert ("byline", "来源：示例日报") in got and ("caption", "来源：示例日报") not in got
    assert got[-1] == ("body", "市图书馆从下月起每天开放到晚上十点，周末增加儿童故事会。")


def test_tagged_record_dump_is_one_article_per_record(tmp_path: Path) -> None:
    records = "".join(
        f"<doc>\n<url>https://example.org/{i}</url>\n<docno>{i:04d}</docno>\n<contenttitle>第{i}条消息</contenttitle>\n"
        f"<content>第一段文字。\ue40c第二段文字。</content>\n</doc>\n" for i in range(3))
    (tmp_path / "dump.txt").write_text(records, encoding="utf-8")
    doc = open_corpus([tmp_path / "dump.txt"], use_cache=False).documents[0]
    assert [a.title for a in doc.articles] == ["第0条消息", "第1条消息", "第2条消息"]
    assert doc.articles[1].link == "https://example.org/1"
    assert kinds(doc, 2) == [("heading", "第2条消息"), ("body", "第一段文字。"), ("body", "第二段文字。")]
    assert "<" not in "".join(p.text for p in doc.paragraphs)


def test_inspect_shows_article_metadata(tmp_path: Path) -> None:
    from qwen_reader.core.text.report import document_json, document_text

    doc = opened("feed_rss.xml")
    text = document_text(doc)
    assert "format    feed" in text
    assert "  date   Mon, 06 May 2024 09:00:00 +0800" in text
    assert "  link   https://example.org/news/1" in text
    article = document_json(doc)["articles"][0]
    assert (article["date"], article["link"], article["author"]) == (
        "Mon, 06 May 2024 09:00:00 +0800", "https://example.org/news/1", "周一鸣")
    assert document_json(doc)["format"] == "feed"


def _page(tmp_path: Path, body: str, head: str = "") -> Document:
    (tmp_path / "p.html").write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>",
                                     encoding="utf-8")
    return open_corpus([tmp_path / "p.html"], use_cache=False).documents[0]


def test_bare_page_with_text_straight_in_body_is_read_whole(tmp_path: Path) -> None:
    text = "台北的老市場今天重新開張，攤販們一早就來擺攤。\n\n" * 3 + "市場管理處說，整修花了一年。"
    doc = _page(tmp_path, text, "<title>老市場重新開張</title>")
    assert doc.title == "老市場重新開張"
    assert [p.kind.value for p in doc.paragraphs] == ["heading", "body", "body", "body", "body"]
    assert doc.paragraphs[-1].text == "市場管理處說，整修花了一年。"


def test_credits_around_the_article_are_kept_from_the_page(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>第{i}段：城里新开了一家图书馆，馆里有很多书，孩子们放学后都来这里读书写作业。</p>"
                         for i in range(6))
    body = ("<div class='nav'><a href='/'>首页</a></div><article><h1>城里新开了一家图书馆</h1>"
            "<div class='info'>2024-05-06 09:30 来源：示例日报</div>"
            f"{paragraphs}<p class='editor'>(责编：王五)</p></article>"
            "<div class='react'><span>点赞</span></div>")
    doc = _page(tmp_path, body, "<title>城里新开了一家图书馆_示例网</title>")
    got = [(p.kind.value, p.text) for p in doc.paragraphs]
    assert got[0] == ("heading", "城里新开了一家图书馆")
    assert got[1] == ("byline", "2024-05-06 09:30 来源：示例日报")
    assert got[-1] == ("byline", "(责编：王五)")
    assert "首页" not in "".join(t for _, t in got)


def test_headline_named_by_the_page_comes_before_a_section_label() -> None:
    from qwen_reader.core.text.formats import Piece
    from qwen_reader.core.text.formats.page import _headline_first, _page_title
    from qwen_reader.core.text.model import Kind

    assert _page_title("城里新开了一家图书馆 - 示例台") == "城里新开了一家图书馆"
    assert _page_title("示例日报--城里新开了一家图书馆--本地") == "城里新开了一家图书馆"
    pieces = [Piece(Kind.HEADING, "本地"), Piece(Kind.BODY, "导语在这里。"),
              Piece(Kind.HEADING, "城里新开了一家图书馆"), Piece(Kind.BODY, "正文。")]
    assert [p.text for p in _headline_first(pieces, "城里新开了一家图书馆")] == [
        "城里新开了一家图书馆", "导语在这里。", "正文。"]


def test_runs_of_button_labels_are_boilerplate() -> None:
    from qwen_reader.core.text.clean import clean

    blocks = clean("正文第一句在这里，说了一件事情。\n\n点赞\n\n感动\n\n4\n\n难过\n\n最后一段正文。").blocks
    assert [b.kind.value for b in blocks] == ["body", *["boilerplate"] * 4, "body"]
