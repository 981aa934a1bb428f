"""Funds named by a known fund company and the fund's own words, without 基金 (funds.py, assets/fund_companies.txt).
Sentences are the authors' own."""

from __future__ import annotations

from conftest import tagged, tagged_doc
from qwen_reader.core.entities import funds


def test_the_list_of_fund_companies_loads() -> None:
    companies = funds.known_companies()
    assert {"华夏", "易方达", "中邮", "上投摩根", "光大保德信"} <= companies
    assert not [c for c in companies if c.startswith("#")]


def test_a_known_companys_funds_in_a_report_about_funds() -> None:
    found = tagged_doc(["一季度，华夏优势增长、中邮核心优选和嘉实主题精选表现居前，南方稳健2号基金也上涨。",
                        "光大保德信量化核心持有该股，华夏希望债券A则减持，基金经理表示看好后市。"])
    names = ("华夏优势增长", "中邮核心优选", "嘉实主题精选", "南方稳健2号基金", "光大保德信量化核心", "华夏希望债券A")
    for name in names:
        assert (name, "product") in found, name


def test_a_role_after_the_fund_stays_outside_it() -> None:
    found = tagged_doc(["华夏优势增长基金经理张明表示，基金仓位较高。", "基金规模继续扩大。"])
    assert ("华夏优势增长", "product") in found


def test_company_names_that_are_words_stay_what_they_are() -> None:
    found = tagged_doc(["招商银行公布财报，南方地区降雨增多，国泰航空恢复航班，长城汽车发布新车。",
                        "基金公司纷纷调仓，南方电网投资增长也较快，基金经理表示谨慎。"])
    assert not [t for t, k in found if k == "product"], found


def test_one_passing_mention_of_funds_is_no_report_about_funds() -> None:
    assert not [t for t, k in tagged("华夏优势增长明显，基金也在关注。") if k == "product"]
