"""Every cleaning expectation the foundation issue lists, checked on the bundled seeds."""

import itertools
import re

from conftest import SEEDS, seed, texts
from qwen_reader.core.text.blocks import visible_chars
from qwen_reader.core.text.load import raw_text
from qwen_reader.core.text.model import Kind, Script


def test_000_pinyin_annotations_removed_only_where_pypinyin_confirms() -> None:
    doc = seed("000")
    assert doc.report_counts()["pinyin_annotations"] == 475
    body = "\n".join(texts(doc))
    assert "技術負責人" in body and "術(shù)" not in body and "負(fù)" not in body
    assert not re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)", body)
    for kept in ("(Qwen)", "(Embodied Intelligence)", "(CN109582789B)", "(One-For-All,一體化多模態預訓練框架)"):
        assert kept in body, kept


def test_000_question_mark_paragraphs_are_list_items() -> None:
    items = texts(seed("000"), "list_item")
    assert [t[:10] for t in items] == ["Qwen3-Max:", "Qwen3-VL:升"]
    assert doc_counts("000")["lost_bullets"] == 2


def test_000_repeated_image_credits_become_one_caption_each() -> None:
    doc = seed("000")
    captions = texts(doc, "caption")
    assert captions == ["圖片來源:DataFun 2023", "圖片來源:林俊旸領英", "圖片來源:林俊旸領英", "圖片來源:新浪科技",
                        "圖片來源:X", "圖片來源:華爾街見聞"]
    assert not any("圖片來源" in t for t in texts(doc, "body"))
    paragraphs = doc.paragraphs
    for a, b in itertools.pairwise(paragraphs):
        assert not (a.kind is Kind.CAPTION and b.kind is Kind.CAPTION and a.text == b.text)


def test_000_unrepairable_text_is_flagged_where_it_stands() -> None:
    doc = seed("000")
    flagged = [(p.text, s) for p in doc.paragraphs for s in p.flags]
    assert len(flagged) == 1
    text, span = flagged[0]
    assert text == "掌舵通義:從旗艦?zāi)P偷介_源生態的戰略躍遷"
    assert text[span.start:span.end] == "?zāi)P偷介_"
    assert any("?zāi)P偷介_" in f for f in doc.flags)


def test_001_four_copies_shown_once() -> None:
    doc = seed("001")
    assert doc_counts("001")["repeated_copies"] == 3
    body = texts(doc)
    assert sum(t.startswith("【TechWeb】3 月 5 日消息") for t in body) == 1
    assert body[-1] == "林俊旸的离开,千问团队的裂变,只是这场全球 AI 人才战争的一个缩影。"
    raw = (SEEDS / "001_a73d89cb01bc1329.txt").read_text()
    assert raw.count("一场围绕顶尖 AI 人才的争夺战打响。") == 4
    assert sum(t == "一场围绕顶尖 AI 人才的争夺战打响。" for t in body) == 1


def test_002_cut_paragraphs_rejoined_and_headings_kept() -> None:
    doc = seed("002")
    assert doc_counts("002")["cut_paragraphs"] == 5
    body = "\n".join(texts(doc, "body"))
    joins = ("多模态预训练模型OFA", "训练流程和模态的“垂直整合”", "KPI、OKR的研究部门", "据他了解,", "乘坐阿联酋航空")
    for joined in joins:
        assert joined in body, joined
    headings = texts(doc, "heading")
    for h in ("“登顶”之际", "机票飙至超2万元 中东航线仍大面积停飞", "两种流向", "蛋糕与火药"):
        assert h in headings
    assert "從語言學到大模型:一次詞匯測試中的AI啟蒙" in texts(seed("000"), "heading")
    assert "笨笨的坚持" in texts(seed("004"), "heading")


def test_no_seed_joins_a_heading_into_prose() -> None:
    for prefix in ("000", "001", "003"):
        assert doc_counts(prefix)["cut_paragraphs"] == 0, prefix
    assert "阿里 CEO 发信:批准离职" in texts(seed("001"), "heading")
    assert "智谱 CEO 唐杰、谷歌 DeepMind 喊话" in texts(seed("001"), "heading")


def test_002_three_articles_with_titles_and_bylines() -> None:
    doc = seed("002")
    titles = ["千问高光下的暗涌", "大厂盯上机器人", "机票飙至超2万元 中东航线仍大面积停飞"]
    assert [a.title for a in doc.articles] == titles
    for article in doc.articles:
        assert article.paragraphs[-1].kind is Kind.BYLINE
        assert article.paragraphs[-1].text.startswith("北京商报记者 ")
    assert doc.title == "千问高光下的暗涌"


def test_003_image_markers_removed_and_notice_is_boilerplate() -> None:
    doc = seed("003")
    assert doc_counts("003")["image_markers"] == 6
    assert not any("![]()" in t for t in texts(doc))
    boiler = texts(doc, "boilerplate")
    assert len(boiler) == 2
    assert boiler[0].startswith("特別聲明:") and boiler[1].startswith("Notice: ")
    assert all(not t.startswith(("特別聲明", "Notice")) for t in texts(doc, "body"))


def test_004_markdown_is_structure() -> None:
    doc = seed("004")
    paragraphs = doc.paragraphs
    assert paragraphs[0].kind is Kind.HEADING and paragraphs[0].text == "国产 AI 峰会发言摘录"
    assert paragraphs[0].level == 2
    sub = next(p for p in paragraphs if p.text == "1、智谱的起源")
    assert sub.kind is Kind.HEADING and sub.level == 3
    speakers = [p for p in paragraphs if p.quoted]
    assert [p.text.split("：")[0] for p in speakers] == ["唐杰", "杨植麟", "林俊旸", "姚顺雨"]
    assert all(p.kind is Kind.LIST_ITEM for p in speakers)
    assert sum(p.kind is Kind.SEPARATOR for p in paragraphs) == 1
    body = "\n".join(texts(doc))
    assert "网上有发言实录。" in body
    assert "](" not in body and "https://" not in body and "##" not in body and "> -" not in body
    assert doc_counts("004")["image_markers"] == 1


def test_scripts_per_document_and_paragraph() -> None:
    expected = {"000": Script.TRADITIONAL, "001": Script.SIMPLIFIED, "002": Script.SIMPLIFIED,
                "003": Script.TRADITIONAL, "004": Script.SIMPLIFIED}
    for prefix, script in expected.items():
        assert seed(prefix).script is script, prefix
    first = seed("000").paragraphs[0]
    assert first.script is Script.TRADITIONAL
    assert seed("003").paragraphs[-1].script is Script.NEUTRAL  # the English notice


def test_titles() -> None:
    assert seed("004").title == "国产 AI 峰会发言摘录"
    assert seed("000").title.startswith("他是阿里巴巴最年輕的P10級技術負責人")
    assert seed("000").title.endswith("…") and len(seed("000").title) <= 32


def test_sentences_concatenate_back_to_every_paragraph() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        for p in seed(prefix).paragraphs:
            assert "".join(s.text for s in p.sentences) == p.text
            for s in p.sentences:
                assert p.text[s.start:s.end] == s.text


def test_cleaning_loses_nothing_it_does_not_report() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        doc = seed(path.name[:3])
        kept = sum(visible_chars(p.text) for p in doc.paragraphs)
        reported = sum(r.removed_chars for r in doc.report)
        assert visible_chars(raw_text(doc)) == kept + reported, path.name
        assert raw_text(doc) == path.read_text(encoding="utf-8")


def doc_counts(prefix: str) -> dict[str, int]:
    return seed(prefix).report_counts()
