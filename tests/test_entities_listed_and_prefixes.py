"""Companies known by the short name their stock exchange lists them under, and organisations the tagger
reads together with the words before or after their name; every sentence was written for this test."""

from __future__ import annotations

from conftest import tagged, tagged_doc
from qwen_reader.core.entities.cedict_names import cedict_names
from qwen_reader.core.entities.gazetteer import is_exchange_listed, parse_list
from qwen_reader.core.store.paths import bundled_asset


def _listed() -> list[str]:
    return [name for name, _ in parse_list(bundled_asset("entities_listed.tsv").read_text(encoding="utf-8"))]


def test_the_exchange_list_holds_only_names_that_read_as_companies() -> None:
    names = _listed()
    assert len(names) > 4000  # Shanghai, Shenzhen, Beijing and Taiwan
    common = cedict_names().common
    assert all(len(n) >= 3 for n in names)  # 全台, 是方, 华电: two characters are too often something else
    assert not [n for n in names if n in common]
    assert "太阳能" not in names and "广州发展" not in names and "美丽生态" not in names
    assert "顺鑫农业" in names and "佳世达" in names


def test_an_exchange_short_name_is_a_company_in_either_script() -> None:
    assert tagged("順鑫農業昨日公告，一季度淨利潤增長。") == [("順鑫農業", "org")]
    found = tagged("佳世达昨日公布营收，远东新股价走高。")
    assert ("佳世达", "org") in found and ("远东新", "org") in found
    assert tagged("太阳能产业持续增长。") == []


def test_an_exchange_short_name_inside_the_taggers_longer_name_is_part_of_it() -> None:
    assert ("红星美凯龙", "org") in tagged("红星美凯龙宣布将在成都开设新店。")
    assert is_exchange_listed("org:cn-601828") and not is_exchange_listed("org:alibaba")


def test_a_country_before_a_known_company_is_a_place_of_its_own() -> None:
    found = tagged("日本软银集团董事长孙正义表示将继续投资。")
    assert ("日本", "place") in found and ("软银集团", "org") in found


def test_a_places_own_body_school_or_paper_and_a_nations_company_keep_the_place() -> None:
    assert ("福州海关", "org") in tagged("福州海关统计显示，陶瓷出口下降。")
    assert ("上海纽约大学", "org") in tagged("上海纽约大学位于陆家嘴。")
    assert ("中国航天科技", "org") in tagged("烟草、中国银行、中国航天科技都已退出。")


def test_a_relation_or_a_class_noun_before_a_company_is_no_part_of_it() -> None:
    assert ("鸿海集团", "org") in tagged("富士康母公司鸿海集团董事长郭台铭表示，目前正评估。")
    found = tagged("中国第一大民营钢企沙钢集团董事局主席沈文荣接受采访。")
    assert ("沙钢集团", "org") in found
    assert not [m for m in found if m[0].startswith("钢企") or m[0].endswith("董事局")]


def test_a_document_knows_the_name_it_cuts_a_description_from() -> None:
    found = tagged_doc(["磊晶厂联亚光电昨日表示订单增加。", "联亚光电指出，下半年营收可望成长。"])
    assert found.count(("联亚光电", "org")) == 2


def test_a_two_character_short_name_is_no_person_and_a_company_where_the_tagger_sees_a_name() -> None:
    assert ("儒鸿", "org") in tagged("儒鸿表示，下半年订单可望成长。")
    assert not [m for m in tagged("据台湾媒体报道，聚阳与儒鸿昨日股价同步上涨。") if m[1] == "person"]
    assert "儒鸿" not in _listed()  # known, but never matched alone


def test_a_brand_with_a_word_for_a_kind_of_product_is_one_product() -> None:
    found = tagged("全国电子开始支持 Apple Pay、Samsung Pay 与 Android Pay。")
    assert ("Samsung Pay", "product") in found and ("Samsung", "org") not in found
    assert ("Apple Pencil", "product") in tagged("苹果发布了 Apple Pencil。")
    assert ("Google Photos", "product") in tagged("用户可在 Google Photos 中使用。")


def test_an_aircrafts_type_is_a_product_by_its_context_or_its_own_code() -> None:
    found = tagged("东方航空的A330客机和国产C919都在展出。")
    assert ("A330", "product") in found and ("C919", "product") in found
    assert not [m for m in tagged("他住在A330室。") if m[1] == "product"]


def test_a_name_in_a_list_of_companies_is_a_company() -> None:
    found = tagged("入围的公司有腾讯、阿里巴巴、京东、灵犀互娱、网易、百度、美团。")
    assert ("灵犀互娱", "org") in found
    found = tagged("阿里音乐与相信音乐、滚石音乐、华研国际、BMG、SM、寰亚唱片等公司合作。")
    assert ("BMG", "org") in found and ("滚石音乐", "org") in found


def test_a_list_of_places_people_crowds_or_features_gains_no_company() -> None:
    assert [k for _, k in tagged("他去过北京、上海、广州、深圳。")] == ["place"] * 4
    assert ("李四", "person") in tagged("张三、李四、王五、腾讯、阿里都来了")
    found = tagged("网上有标题党、喇叭党、午夜党、马甲党等人群。")
    assert ("喇叭党", "org") not in found and ("午夜党", "org") not in found
    found = tagged("华为、小米、折叠屏、快充、OPPO都在其列。")
    assert ("折叠屏", "org") not in found and ("快充", "org") not in found


def test_an_outlet_cited_by_its_reporter_or_its_report_is_an_organisation() -> None:
    assert ("蓝鲸新闻", "org") in tagged("多位白酒经销商向蓝鲸新闻记者反馈，往年中秋销量更好。")
    assert ("硬AI", "org") in tagged("9月30日，据硬AI报道，摩根士丹利在最新报告中指出。")
    assert ("商务部", "org") in tagged("据商务部网站消息，商务部长将出访。")
    found = tagged("据路透社和彭博社报道，油价上涨。")
    assert ("路透社", "org") in found and ("彭博社", "org") in found


def test_sources_that_name_no_outlet_are_not_tagged() -> None:
    for text in ("据知情人士透露，该公司将裁员。", "而据统计显示，基金规模上升。", "根据市场数据显示，价格回升。",
                 "他走向记者席。", "据本报记者了解，工程已经开工。", "据记者从多个渠道获悉，工程已经开工。",
                 "据销售人员消息，楼盘售罄。", "今年前三季度数据显示，营收增长。"):
        assert not [m for m in tagged(text) if m[1] == "org"], text
    assert tagged("据记者从工信部获悉，新规将出台。") == [("工信部", "org")]
    assert ("新华社", "org") in tagged("她向他展示了新华社记者拍摄的照片。")


def test_a_quoted_name_the_writer_calls_a_company_or_an_app_is_one() -> None:
    assert ("凌空天行", "org") in tagged("近日，一家名为「凌空天行」的商业航天公司完成融资。")
    assert ("羊了个羊", "product") in tagged("一款名为“羊了个羊”的小游戏爆红。")
    for text in ("他开了一家名为“好味道”的面馆。", "一个名叫“小明”的男孩在公司门口等候。",
                 "名为“幸福里”的楼盘由万科集团开发。", "一只名为“旺财”的狗走进了公司大楼。"):
        assert not [m for m in tagged(text) if m[0] in ("好味道", "小明", "幸福里", "旺财") and m[1] != "person"], text


def test_regions_written_by_one_character_in_a_list_are_places() -> None:
    found = tagged("公司在亚洲有二十间分店，包括中、港、澳、台、新加坡和马来西亚。")
    assert [m for m in found if len(m[0]) == 1] == [("中", "place"), ("港", "place"), ("澳", "place"), ("台", "place")]
    assert len([m for m in tagged("榮化的客户遍及美/中/台/歐等地。") if m[1] == "place"]) == 4
    assert tagged("大、中、小企业都受影响。") == []


def test_languages_written_by_one_character_are_no_places() -> None:
    for text in ("提供中/英/日三种语言版本。", "字幕语言：中/英/日", "本片提供中、英、日三语字幕。"):
        assert not [m for m in tagged(text) if m[1] == "place"], text


def test_what_only_looks_like_a_listed_name_a_product_or_an_aircraft_is_not_one() -> None:
    assert tagged("灾民终于看到了新希望。") == []
    assert ("江波龙", "person") in tagged("市民江波龙告诉记者，房子已经卖了。")
    assert ("龙锋", "person") in tagged("北京市民龙锋买下了一套二手房。")
    assert ("Tencent Music", "product") not in tagged("Tencent Music公布财报。")
    assert tagged("酒店B737房间已经订满。") == []


def test_a_listed_name_that_reads_as_a_phrase_is_a_company_where_its_shares_are_meant() -> None:
    from qwen_reader.core.entities.gazetteer import traded_names

    assert "沧州明珠" in traded_names() and "沧州明珠" not in _listed()
    found = tagged_doc(["沧州明珠昨日发布消息。", "基金上季度增持沧州明珠，沧州明珠股价随即涨停。"])
    assert [t for t, k in found if k == "org"] == ["沧州明珠"] * 3  # the first mention too, once shares are meant
    assert not [t for t, k in tagged("沧州明珠般的夜景让人难忘。") if k == "org"]
