"""Entity families of the fourth round, each on sentences written for this test: product lines named by their
model number, three-character names a document completes, partner countries in a list, research units and a
place's bodies, parts of a place, expressways, a year's middle, and the broad lists added this round."""

from __future__ import annotations

from qwen_reader.core.entities.model import Candidate
from qwen_reader.core.entities.recognize import recognize_texts


def tagged(text: str) -> list[tuple[str, str]]:
    """(surface, kind) of every name mention in one paragraph."""
    found: list[Candidate] = recognize_texts([text])[0]
    return [(text[c.start:c.end], str(c.kind)) for c in found if c.kind not in ("date", "figure")]


def kinds(text: str) -> dict[str, str]:
    return dict(tagged(text))


def test_a_chip_line_with_its_model_number_is_one_product() -> None:
    names = kinds("这款手机搭载麒麟990 5G芯片，对手则用鲲鹏920和含光800做服务器。")
    assert names.get("麒麟990 5G") == "product"
    assert names.get("鲲鹏920") == "product"
    assert names.get("含光800") == "product"


def test_a_line_before_a_chip_noun_is_the_line_and_alone_it_is_no_product() -> None:
    assert kinds("从那一代开始，麒麟芯片的工艺一路领先。").get("麒麟") == "product"
    assert "麒麟" not in kinds("庙门前立着一对石麒麟，十分威武。")


def test_a_line_with_a_quantity_is_no_model() -> None:
    names = kinds("盘古3年前就开天辟地，星火2号今天升空。")
    assert "盘古3" not in names
    assert "星火2" not in names


def test_traditional_script_model_numbers() -> None:
    assert kinds("新機採用天璣9400與驍龍8 Gen 3兩款晶片。").get("天璣9400") == "product"


def test_a_name_always_followed_by_the_same_name_ending_is_the_longer_name() -> None:
    texts = ["董事长卫志和昨日出庭受审。", "律师称卫志和已退赃。", "法官询问卫志和是否认罪。"]
    found = recognize_texts(texts)
    people = [t[c.start:c.end] for cs, t in zip(found, texts, strict=True) for c in cs if c.kind == "person"]
    assert people == ["卫志和"] * 3


def test_a_conjunction_after_different_names_stays_a_conjunction() -> None:
    texts = ["记者采访了王建国和李明。", "王建国表示满意。", "李明和王建国随后离开。"]
    found = recognize_texts(texts)
    people = {t[c.start:c.end] for cs, t in zip(found, texts, strict=True) for c in cs if c.kind == "person"}
    assert "王建国和" not in people and "李明和" not in people


def test_partner_countries_in_a_list_stay_places() -> None:
    names = kinds("该计划由台湾大学、比利时、波兰、法国等组成实验网。")
    for country in ("比利时", "波兰", "法国"):
        assert names.get(country) == "place", country


def test_a_company_in_a_list_still_takes_its_country_name() -> None:
    assert kinds("参与企业包括中石油、中石化、中国电科等央企。").get("中国电科") == "org"


def test_a_research_unit_after_its_institution_is_one_org() -> None:
    names = kinds("北京大学微电子所所长表示，经济部产业技术司将提供资助。")
    assert names.get("北京大学微电子所") == "org"
    assert names.get("经济部产业技术司") == "org"


def test_a_company_word_is_no_research_unit() -> None:
    assert "中国证监会上市公司" not in kinds("中国证监会上市公司监管部发布通知。")


def test_a_places_police_court_association_and_law_firm() -> None:
    names = kinds("他被广州市公安局刑事拘留，随后在广州中院受审，中国软件行业协会与广东正义律师事务所均有评论。")
    assert names.get("广州市公安局") == "org"
    assert names.get("广州中院") == "org"
    assert names.get("中国软件行业协会") == "org"
    assert names.get("广东正义律师事务所") == "org"


def test_a_dispatch_verb_is_no_part_of_a_police_unit() -> None:
    names = kinds("接报后，杭州市公安局立即组织刑警大队赶赴现场。")
    assert names.get("杭州市公安局") == "org"
    assert not any(name.endswith("刑警大队") and name.startswith("杭州") for name in names)


def test_parts_of_a_place_are_one_place() -> None:
    names = kinds("开发商拿下亦庄新城东区一幅地块，亦庄西区已无地可卖。")
    assert names.get("亦庄新城东区") == "place"
    assert names.get("亦庄西区") == "place"


def test_an_expressway_named_by_its_places() -> None:
    names = kinds("车祸发生在京沪高速上，沪宁高速公路也因大雾封闭。")
    assert names.get("京沪高速") == "place"
    assert names.get("沪宁高速公路") == "place"


def test_a_listed_place_before_a_road_is_a_place() -> None:
    names = kinds("他当年在上环摩罗街附近上班。")
    assert names.get("上环") == "place"


def test_a_years_middle_does_not_swallow_china() -> None:
    found = recognize_texts(["2018年中国芯片进口额创新高。"])[0]
    text = "2018年中国芯片进口额创新高。"
    spans = {(text[c.start:c.end], str(c.kind)) for c in found}
    assert ("中国", "place") in spans
    assert ("2018年", "date") in spans


def test_broad_lists_of_this_round() -> None:
    names = kinds("平头哥与瑞芯微都参加了3GPP会议，智东西作了报道。")
    for org in ("平头哥", "瑞芯微", "3GPP", "智东西"):
        assert names.get(org) == "org", org
    assert kinds("据量子位报道，新品即将上市。").get("量子位") == "org"
    assert kinds("伤者被送往博爱医院，另一人送往玛丽医院。").get("玛丽医院") == "org"


def test_a_union_owns_no_body_written_after_it() -> None:
    assert kinds("台湾团队成为欧盟6G-IA的成员。").get("欧盟6G-IA") is None


def test_a_person_named_by_surname_and_sex() -> None:
    names = kinds("与男友争吵后，32岁黄女随即离开，黄女家属报警。")
    assert names.get("黄女") == "person"
    assert "妇女" not in kinds("当地妇女与少女都参加了活动。")


def test_generic_chip_words_are_no_products() -> None:
    names = kinds("这颗手机SoC的DSP与ISP都升级了。")
    assert not any(kind == "product" for kind in names.values())


def test_a_year_after_a_maker_is_no_model_and_letter_models_are() -> None:
    names = kinds("在苹果2019秋季发布会上，iPhone XR降价了。")
    assert "苹果2019" not in names
    assert names.get("iPhone XR") == "product"


def test_a_name_before_a_techniques_head_is_no_person() -> None:
    names = kinds("这颗芯片采用了达芬奇架构，性能翻倍。")
    assert names.get("达芬奇") != "person"
