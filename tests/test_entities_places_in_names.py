"""Places written inside or against other names: a company's country unit, a national body's official name, a
port after its city, two places the segmentation joins, and platforms named in a list; every sentence was
written for this test."""

from __future__ import annotations

from qwen_reader.core.entities.model import Candidate
from qwen_reader.core.entities.recognize import recognize_texts


def tagged(text: str) -> list[tuple[str, str]]:
    found: list[list[Candidate]] = recognize_texts([text])
    return [(text[c.start:c.end], str(c.kind)) for c in found[0] if c.kind not in ("date", "figure")]


def test_a_company_s_unit_for_a_country_is_one_organisation() -> None:
    found = tagged("亚马逊中国宣布调整业务，微软大中华区总裁随后表示支持。")
    assert ("亚马逊中国", "org") in found and ("微软大中华区", "org") in found
    assert ("中国", "place") not in found


def test_a_country_before_a_market_or_business_stays_a_place() -> None:
    found = tagged("华为中国业务增长迅速，三星中国市场份额下滑。")
    assert ("华为", "org") in found and ("三星", "org") in found
    assert found.count(("中国", "place")) == 2


def test_a_national_body_s_official_name_holds_its_country() -> None:
    found = tagged("法国国家铁路公司与中国国家统计局都发布了数据，中国国家主席出席。")
    assert ("法国国家铁路公司", "org") in found and ("中国国家统计局", "org") in found
    assert ("中国", "place") in found  # before 国家主席, a title, the country stays a place


def test_a_port_after_its_city_and_district_is_one_place() -> None:
    found = tagged("游客从广州南沙国际邮轮母港出发，经深圳宝安机场返回。")
    assert ("广州南沙国际邮轮母港", "place") in found and ("深圳宝安机场", "place") in found
    assert ("广州", "place") not in found


def test_two_places_the_segmentation_joins_are_two_places() -> None:
    found = tagged("代表们在北京人民大会堂开会，游客在北京天安门广场集合。")
    assert found.count(("北京", "place")) == 2
    assert ("人民大会堂", "place") in found and ("天安门广场", "place") in found


def test_platforms_in_a_list_share_the_words_around_the_list() -> None:
    found = tagged("用户可在抖音、快手、小红书和B站观看直播，也可以在拼多多和淘宝上下单。")
    for name in ("抖音", "快手", "小红书", "B站", "拼多多", "淘宝"):
        assert (name, "product") in found, name


def test_a_platform_company_at_work_or_listing_stays_the_company() -> None:
    assert ("美团", "org") in tagged("他在美团工作了三年。")
    assert ("快手", "org") in tagged("快手宣布，将在香港上市。")
    assert ("拼多多", "org") in tagged("后来他在拼多多上班。")


def test_chinese_services_are_products_and_a_number_alone_is_a_figure() -> None:
    found = tagged("旅客可以通过铁路12306网站购票，用余额宝或花呗付款。")
    assert ("铁路12306", "product") in found and ("余额宝", "product") in found and ("花呗", "product") in found
    assert not [name for name, _ in tagged("车站当天卖出12306张车票。") if name == "12306"]
