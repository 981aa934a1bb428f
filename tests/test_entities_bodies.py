"""Units written with their parent and then alone, named funds, corridors named by their places'
one-character names, and names that are no entity of ours (a party's member, an award, a side); every
sentence was written for this test."""

from __future__ import annotations

import pytest

from conftest import tagged_doc
from qwen_reader.core.entities.recognize import recognize_texts


def test_a_unit_after_its_parent_is_one_body_and_alone_later_the_same_body() -> None:
    found = tagged_doc(["央行稳定局局长昨日离任，中国证监会规划委也有人事变动。",
                        "据悉，稳定局的工作由副局长主持。"])
    assert ("央行稳定局", "org") in found and ("中国证监会规划委", "org") in found
    assert ("稳定局", "org") in found
    assert ("央行", "org") not in found


def test_everyday_words_after_a_body_are_no_unit() -> None:
    for text, name in (("阿里巴巴内部人士透露了消息。", "阿里巴巴"), ("腾讯战略布局已经完成。", "腾讯"),
                       ("卫生部等五部委联合下发了文件。", "卫生部")):
        assert (name, "org") in tagged_doc([text]), text


def test_named_funds_are_products_and_the_fund_company_stays_an_organisation() -> None:
    texts = ["华夏基金宣布，华夏稳健回报基金与华夏科创先锋基金将于下周开放申购。",
             "华夏旗下5只基金(华夏稳健回报、华夏科创先锋、华夏红利精选)均参与此次活动。",
             "另一家公司旗下的蓝海价值成长证券投资基金即将发行。"]
    found = tagged_doc(texts)
    assert ("华夏基金", "org") in found
    for fund in ("华夏稳健回报基金", "华夏科创先锋基金", "华夏稳健回报", "华夏科创先锋", "华夏红利精选",
                 "蓝海价值成长证券投资基金"):
        assert (fund, "product") in found, fund
    assert not [name for name, kind in found if kind == "product" and name.startswith("旗下")]


def test_a_body_and_a_verb_before_fund_are_no_fund() -> None:
    found = tagged_doc(["中国证监会酝酿基金新规，国民党主席人选已成定局。"])
    assert not [name for name, kind in found if kind == "product"]
    assert not [name for name, kind in found if name.endswith("定局")]


@pytest.mark.parametrize(("text", "names"), [
    ("港珠澳大桥通车后，京沪高铁与深中通道的客流都在增加。", ("港珠澳大桥", "京沪高铁", "深中通道")),  # corridors
    ("苏州枢纽至广陵枢纽将封闭施工，车辆可从苏州收费站驶出。", ("苏州枢纽", "广陵枢纽", "苏州收费站")),  # road works
])
def test_corridors_and_road_facilities_are_places(text: str, names: tuple[str, ...]) -> None:
    found = tagged_doc([text])
    for name in names:
        assert (name, "place") in found, name


def test_the_united_states_after_a_journey_only() -> None:
    found = tagged_doc(["他赴美求学，又访美三次。"])
    assert found.count(("美", "place")) == 2
    assert not [n for n, k in tagged_doc(["在美丽的校园里，全美的学生都来了。"]) if n == "美"]


def test_a_member_an_award_and_a_side_are_no_entities() -> None:
    found = tagged_doc(["几位民进党人获得诺贝尔奖提名，中方对此表示欢迎。"])
    assert not [name for name, _ in found if name in ("民进党", "诺贝尔奖", "中方")]
    assert ("民进党", "org") in tagged_doc(["民进党今天召开记者会。"])
    assert ("金砖四国", "org") in tagged_doc(["金砖四国领导人会晤在莫斯科举行。"])


def test_a_class_noun_before_a_name_and_a_company_short_name() -> None:
    found = tagged_doc(["该合作由美国非营利组织星河发展基金会促成，云丁丁集团同时宣布完成募资。",
                        "云丁丁本轮募资吸引了多地投资者。"])
    assert ("星河发展基金会", "org") in found
    assert not [name for name, _ in found if name.startswith("美国非营利")]
    assert found.count(("云丁丁", "org")) == 1 and not [n for n, k in found if k == "person"]


def test_camera_makers_and_their_models() -> None:
    found = tagged_doc(["宾得P70是一款卡片机，奥林巴斯FE4000与柯达的新机同场竞争。"])
    assert ("宾得", "org") in found and ("P70", "product") in found
    assert ("奥林巴斯", "org") in found and ("FE4000", "product") in found and ("柯达", "org") in found


def test_a_landmark_named_with_its_article_and_a_town_inside_a_name() -> None:
    found = tagged_doc(["总统在克里姆林宫会见来宾。", "高级技师罗东元和工程师罗益锋获奖，侨界十杰名单公布。"])
    assert ("克里姆林宫", "place") in found
    assert ("罗东元", "person") in found and ("罗东", "place") not in found
    assert ("十杰", "person") not in found


def test_an_organisation_s_english_name_and_acronym_in_brackets() -> None:
    found = tagged_doc(["该合作由星河发展基金会（Galaxy Development Foundation, GDF）促成。",
                        "通过 GDF 近期的投资，集团完成募资。"])
    assert ("Galaxy Development Foundation", "org") in found
    assert found.count(("GDF", "org")) == 2


def test_an_outlet_in_its_dateline_and_byline_and_a_latin_company_s_business_line() -> None:
    found = tagged_doc(["财经网3月23日讯 开放式基金跌多涨少。", "据财经网统计，多数基金下跌。（财经网/王小明）",
                        "本报讯 记者李四报道。"])
    assert found.count(("财经网", "org")) == 3
    assert not [name for name, _ in found if name.endswith("本报")]
    found = tagged_doc(["AMD汽车部门总监表示，AMD 16奈米FPGA采用新封装。"])
    assert ("AMD汽车部门", "org") in found
    assert not [name for name, kind in found if kind == "product" and name.startswith("AMD")]


def test_a_model_s_code_alone_after_its_full_name() -> None:
    found = tagged_doc(["索尼HVR-Z7C是一款摄录一体机。", "逐行扫描让Z7C拥有电影模式。"])
    assert ("HVR-Z7C", "product") in found and ("Z7C", "product") in found


def test_residential_estates_in_property_news() -> None:
    found = tagged_doc(["本周上市的楼盘中，有远城区的盘龙城翠林花园，恒大银海天下的别墅优惠达21万元。",
                        "莲花湖畔景苑的业主发出意见函。"])
    for estate in ("翠林花园", "银海天下", "莲花湖畔景苑"):
        assert (estate, "place") in found, estate
    assert ("恒大", "org") in found
    quiet = tagged_doc(["他一日成名天下，如今在家园里种花。"])
    assert not [name for name, kind in quiet if kind == "place"]


def test_a_list_of_funds_without_the_word_fund() -> None:
    found = tagged_doc(["前五位的基金是华安天鼎、信达优质生活、宝丰区域增长、海通弹性、海通深化价值，增长率超1%。",
                        "股票型、配置型基金分别有5136户、3772户持有人；上投摩根、工银瑞信、华宝兴业等基金公司发布公告。"])
    for fund in ("华安天鼎", "信达优质生活", "宝丰区域增长", "海通弹性", "海通深化价值"):
        assert (fund, "product") in found, fund
    assert not [n for n, k in found if k == "product" and n in ("股票型", "5136户", "上投摩根", "工银瑞信", "华宝兴业")]


def test_a_research_unit_joining_two_fields_and_a_branch_named_by_its_city() -> None:
    found = tagged_doc(["中国科学院物理与化学研究院的研究员获奖，央行广州分行也发布了数据。"])
    assert ("中国科学院物理与化学研究院", "org") in found
    assert ("央行广州分行", "org") in found and ("广州", "place") not in found


def product_ids(texts: list[str]) -> dict[str, str]:
    found = recognize_texts(texts)
    return {t[c.start:c.end]: c.id for cs, t in zip(found, texts, strict=True) for c in cs if c.kind == "product"}


def test_products_named_in_chinese_keep_ids_of_their_own() -> None:
    ids = product_ids(["华夏基金宣布，华夏稳健回报基金与华夏科创先锋基金将于下周开放申购；",
                       "小米15 Ultra与华为15 Pro同场。"])
    assert len(set(ids.values())) == len(ids), ids


def test_a_fund_with_and_without_the_word_fund_is_one_fund() -> None:
    ids = product_ids(["华夏基金宣布，华夏稳健回报基金将开放申购。",
                       "华夏旗下3只基金(华夏稳健回报、华夏科创先锋、华夏红利精选)均参与。"])
    assert ids["华夏稳健回报基金"] == ids["华夏稳健回报"]


def test_a_place_inside_a_law_s_name_and_a_district_s_police_units() -> None:
    assert tagged_doc(["这超过了美国出口管制条例规定的比例。"]) == []
    assert ("美国", "place") in tagged_doc(["美国公民非法入境的案件增多。"])
    found = tagged_doc(["案件交由荃湾刑事调查队跟进，葵青警区重案组探员亦有到场。"])
    assert ("荃湾刑事调查队", "org") in found and ("葵青警区重案组", "org") in found


def test_a_company_cc_cedict_glosses_with_a_bare_name_is_an_organisation() -> None:
    assert ("法国航空公司", "org") in tagged_doc(["法国航空公司表示，10日将取消部分国内航班。"])


def test_a_platform_acting_is_the_company_and_a_company_s_pages_are_the_platform() -> None:
    found = tagged_doc(["阿里云做模型服务，钉钉做场景应用，天猫联合蜂鸟推出即时配送。",
                        "记者登录拼多多页面发现，海外商品已上架。"])
    assert ("钉钉", "org") in found and ("天猫", "org") in found
    assert ("拼多多", "product") in found
    assert ("苹果", "org") in tagged_doc(["通过苹果App Store下载。"])


def test_everyday_endings_are_no_units_and_a_paper_is_no_fund() -> None:
    found = tagged_doc(["立法院协商破局，国务院有关部门表示关切。"])
    assert not [name for name, _ in found if name.endswith(("破局", "有关部门"))]
    found = tagged_doc(["东方基金宣布，东方精选混合基金分红；东方今报报道了此事。"])
    assert ("东方今报", "product") not in found
