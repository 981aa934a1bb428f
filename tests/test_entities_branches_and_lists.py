"""Branches named by their address, and names read through the list they stand in; every sentence was
written for this test."""

from __future__ import annotations

from conftest import tagged, tagged_doc


def test_a_brokerage_seat_is_one_organisation_with_its_address() -> None:
    found = tagged("买入席位中，华泰证券苏州干将路、国泰君安深圳益田路等游资活跃。")
    assert ("华泰证券苏州干将路", "org") in found and ("国泰君安深圳益田路", "org") in found
    assert not [t for t, k in found if k == "place"]


def test_a_branch_noun_closes_the_address() -> None:
    found = tagged("招商银行广州天河路支行的客户经理表示，额度已用完。")
    assert ("招商银行广州天河路支行", "org") in found


def test_a_company_beside_a_city_or_a_building_it_moves_into_stays_apart() -> None:
    found = tagged("腾讯深圳总部扩建，米家旗舰店入驻南京大厦，老街美食街开业。")
    assert ("腾讯", "org") in found and ("深圳", "place") in found
    assert not [t for t, k in found if k == "org" and ("大厦" in t or "美食街" in t)]


def test_a_quoted_shop_with_its_branch_is_one_organisation() -> None:
    found = tagged("平台上一家名为“老街馄饨（和平里店）”的商户被投诉。")
    assert ("老街馄饨（和平里店）", "org") in found


def test_a_place_the_dictionary_names_only_with_its_unit_is_a_place_without_it() -> None:
    from qwen_reader.core.entities.cedict_names import cedict_names

    names = cedict_names().names
    assert names["石景山"][0] == "place" and names["万州"][0] == "place"  # 石景山区, 万州区
    assert "新华" not in names and "金牛" not in names  # the news agency, the star sign come first
    assert ("万州", "place") in tagged("航班从万州起飞。")


def test_an_everyday_word_among_places_in_a_list_is_a_place() -> None:
    found = tagged("新航线覆盖福州、海口、南昌、日照等城市。")
    assert ("海口", "place") in found and ("日照", "place") in found
    found = tagged("检查组走访了西城、朝阳、丰台三个区。")
    assert ("西城", "place") in found and ("朝阳", "place") in found


def test_an_everyday_word_outside_a_list_of_places_stays_a_word() -> None:
    assert not [t for t, k in tagged("清晨的朝阳照在海口的渔船上。") if k == "place"]
    assert ("朝阳", "place") not in tagged("她喜欢朝阳、晚霞、星空这些景色。")


def test_two_countries_affairs_and_described_businesses_are_no_organisations() -> None:
    found = tagged("双方在会上推动中捷经贸合作，中澳国家男篮随后进行友谊赛。")
    assert not [t for t, k in found if k == "org"]
    found = tagged("中欧基金与台新银行签约。")
    assert ("中欧基金", "org") in found and ("台新银行", "org") in found


def test_a_generic_or_pointing_back_body_is_not_named() -> None:
    found = tagged("该行董事长表示，官方合作旅行社将以套票形式销售。")
    assert not [t for t, k in found if k == "org"]


def test_an_outlet_before_its_dateline_is_the_outlet_alone() -> None:
    assert ("凤凰科技", "org") in tagged("凤凰科技讯 北京时间6月3日消息，新机发布。")


def test_telecom_standards_are_not_organisations() -> None:
    found = tagged("中国移动的TD-SCDMA、中国联通的WCDMA都是3G标准。")
    assert not [t for t, k in found if "CDMA" in t]


def test_a_chinese_name_with_an_english_body_name_in_brackets_is_an_organisation() -> None:
    found = tagged("参展商包括雷鸟电子公司（Thunderbird Electronics）和华为。")
    assert ("雷鸟电子", "org") in found and ("Thunderbird Electronics", "org") in found
    found = tagged("他在纽约现代织物博物馆（Modern Textile Museum）演讲。")
    assert ("现代织物博物馆", "org") in found and ("纽约", "place") in found


def test_an_outlet_in_a_dateline_with_a_place_and_a_date() -> None:
    assert ("晨星网", "org") in tagged("晨星网东京6月2日消息，日元走弱。")


def test_units_listed_beside_a_unit_are_units() -> None:
    found = tagged("会议邀请了市发改委、工商局、金融办等部门负责人。")
    assert ("工商局", "org") in found and ("金融办", "org") in found
    assert not [t for t, k in tagged("他在办公室和教室之间走动。") if k == "org"]


def test_an_office_of_a_body_and_a_business_unit_of_a_company_are_one_organisation() -> None:
    assert ("财政部预算处", "org") in tagged("财政部预算处昨日回应。")
    found = tagged("百度医疗与华为终端昨日签约。")
    assert ("百度医疗", "org") in found and ("华为终端", "org") in found
    found = tagged("笔者从佳能经销商处了解到，报名处设在门口。")
    assert ("佳能", "org") in found and not [t for t, k in found if t.endswith("处")]


def test_a_short_name_defined_in_brackets_is_the_same_organisation() -> None:
    found = tagged_doc(["深圳云帆影视传媒有限公司（简称云帆）宣布签约。", "云帆表示，新片将于年底上映。"])
    assert [t for t, k in found if k == "org"].count("云帆") == 2
    assert not [t for t, k in found if k == "person"]


def test_a_subsidiary_named_after_its_parents_word_for_it() -> None:
    found = tagged("华策影视全资子公司克顿传媒是业内知名的公司，其子公司提供担保。")
    assert ("克顿传媒", "org") in found
    assert not [t for t, k in found if "担保" in t]
