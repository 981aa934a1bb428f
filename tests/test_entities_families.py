"""Entity rule families that must hold on news the project has never seen, each on sentences written for this
test: places of the broad lists and their guards, place abbreviations, place suffixes, names that only look
like places, organisations read from their context, and Latin names read from theirs."""

from __future__ import annotations

from qwen_reader.core.entities.model import Candidate
from qwen_reader.core.entities.recognize import recognize_texts


def tagged(text: str) -> list[tuple[str, str]]:
    """(surface, kind) of every name mention in one paragraph."""
    found: list[Candidate] = recognize_texts([text])[0]
    return [(text[c.start:c.end], str(c.kind)) for c in found if c.kind not in ("date", "figure")]


def kinds(text: str) -> dict[str, str]:
    return dict(tagged(text))


def test_small_hong_kong_places_in_a_place_context() -> None:
    names = kinds("一辆巴士由屯门新墟开往上水火车站，途经元朗和粉岭，最后停在将军澳。")
    assert names.get("屯门新墟") == "place"
    assert names.get("上水火车站") == "place"
    for place in ("元朗", "粉岭", "将军澳"):
        assert names.get(place) == "place", place


def test_a_listed_place_that_is_an_everyday_word_needs_its_context() -> None:
    assert kinds("车队沿公路往上水，再转往火炭。").get("上水") == "place"
    assert "上水" not in kinds("这栋旧楼停了上水，居民只好买水。")
    assert "火炭" not in kinds("老人用火炭取暖。")


def test_one_character_abbreviations_in_the_phrases_that_make_them_places() -> None:
    found = tagged("多家内地企业计划赴港上市，也有公司在港融资；全台门市的销量则下滑。")
    assert found.count(("港", "place")) == 2
    assert ("台", "place") in found
    for text in ("港股和港元走弱。", "平台与电台都在直播。", "公司在港交所挂牌。", "他回台上继续演讲。"):
        assert [name for name, kind in tagged(text) if kind == "place" and len(name) == 1] == [], text


def test_place_suffixes_after_a_place_context() -> None:
    names = kinds("列车在轻轨松林门站停靠，事故发生在近长宁交汇处的路段。")
    assert names.get("松林门站") == "place"
    assert names.get("长宁交汇处") == "place"
    assert "张女站" not in kinds("两人与张女站在出境大厅门口。")
    assert not [n for n in kinds("这是巡回演出的第十站。") if n.endswith("站")]


def test_a_place_inside_another_name_is_no_place() -> None:
    names = kinds("北京时间昨晚，各国谈起多哈回合和巴黎协定。")
    assert "北京" not in names and "多哈" not in names and "巴黎" not in names


def test_a_place_written_before_a_body_and_a_unit_after_it_make_one_organisation() -> None:
    names = kinds("九龙西总区交通部特别调查队正在调查，中国国务院也发了通知。")
    assert names.get("九龙西总区交通部特别调查队") == "org"
    assert names.get("中国国务院") == "org"
    assert "局局" not in "".join(kinds("发展局局长今天到场。"))  # a title's 长 is no suffix


def test_names_listed_with_an_organisation_are_organisations() -> None:
    names = kinds("碧桂园、金澜置和森盛等开发商正准备上市。")
    assert names.get("金澜置") == "org" and names.get("森盛") == "org"
    hospitals = kinds("伤者被送往仁安医院、明德医院及慈爱医院。")
    assert hospitals.get("慈爱医院") == "org"
    assert "社会组织" not in kinds("政府、协会、企业、社会组织都参加了。")


def test_a_company_named_before_its_officer() -> None:
    names = kinds("盛达国际执行董事王力说，市场仍在盘整。")
    assert names.get("盛达国际") == "org" and names.get("王力") == "person"
    assert not [n for n in kinds("据悉，卓创资讯成品油分析师刘峰介绍了情况。") if n.endswith("成品油")]


def test_a_company_before_a_building_names_the_building() -> None:
    assert kinds("这块地过去是国泰电影院的旧址。").get("国泰电影院") == "place"


def test_a_two_character_listed_name_does_not_cut_an_everyday_word() -> None:
    assert "长和" not in kinds("面临换机周期延长和经济不确定等挑战，要推动增长和可持续发展。")


def test_latin_names_read_from_their_context() -> None:
    texts = ["韩国芯片业者Nexora宣布，第二代晶片「Tidal」将交给台积电生产。", "Nexora于2025年开发的芯片已经量产。"]
    first, second = recognize_texts(texts)
    got = {(texts[0][c.start:c.end], str(c.kind)) for c in first} | {(texts[1][c.start:c.end], str(c.kind))
                                                                      for c in second}
    assert ("Nexora", "org") in got and ("Tidal", "product") in got
    assert ("Nexora", "product") not in got  # the second mention follows the first's context
    assert kinds("根据Tech Wire Korea报导，业者Vantari AI也在测试。").get("Vantari AI") == "org"
    assert kinds("据ZDNet Korea报导，该公司也在测试。").get("ZDNet Korea") == "org"


def test_product_model_tails() -> None:
    names = kinds("台积电CoWoS 2.5D封装，苹果iPod touch3售价下调，iPhone 16e上市。")
    assert names.get("CoWoS") == "product" and "CoWoS 2.5D" not in names
    assert names.get("iPod touch3") == "product"
    assert names.get("iPhone 16e") == "product"


def test_broad_lists_name_what_cedict_misfiles() -> None:
    names = kinds("新华网报道，立法院和国防部都回应了，上海和天津的企业也关注。")
    assert names.get("新华网") == "org" and names.get("立法院") == "org" and names.get("国防部") == "org"
    assert names.get("上海") == "place" and names.get("天津") == "place"


def test_people_the_segmentation_cuts_or_no_surname_marks() -> None:
    assert kinds("事故中一名女子孙慧敏受伤，送院治理。").get("孙慧敏") == "person"  # read as 女 / 子孙 / 慧敏
    assert kinds("世贸组织总干事贝里安，就多边谈判发表讲话。").get("贝里安") == "person"
    assert kinds("业界仍在观望新政策的效果。(楠楠)").get("楠楠") == "person"
    assert [n for n, k in tagged("新华社记者裴晓鑫摄") if k == "person"] == ["裴晓鑫"]  # 摄: photographed by
    for text in ("被抢女子连声谢谢都没说。", "会议在立法院群贤楼(济南路)"):
        assert [n for n, k in tagged(text) if k == "person"] == [], text


def test_a_city_or_a_name_before_a_trade_names_a_company_and_a_country_does_not() -> None:
    names = kinds("周边有青岛百货、瑞丰地产等商场，凯越地产及厦门鸿安也在开发。")
    assert names.get("青岛百货") == "org" and names.get("瑞丰地产") == "org" and names.get("凯越地产") == "org"
    for text in ("业内人士认为，内地房地产公司的招股价需要下调。", "北京地产市场降温。",
                 "商业地产和首次置业都受影响。"):
        assert [n for n, k in tagged(text) if k == "org"] == [], text


def test_a_city_and_company_then_the_company_alone_is_no_person() -> None:
    texts = ["此后上市的河南建业更是大幅折让。", "建业的融资额因此缩水。"]  # 建业 is a man in CC-CEDICT
    first, second = recognize_texts(texts)
    assert [(texts[0][c.start:c.end], str(c.kind)) for c in first] == [("河南建业", "org")]
    assert [(texts[1][c.start:c.end], str(c.kind)) for c in second] == [("建业", "org")]


def test_a_company_counted_is_described_not_named() -> None:
    for text in ("这是一家中国公司的成绩。", "两家医院都收治了伤者。", "这家具身智能公司刚成立。"):
        assert [n for n, k in tagged(text) if k == "org"] == [], text


def test_a_model_after_its_line_or_its_maker() -> None:
    found = tagged("联发科天玑9400对上骁龙8 Gen 3，苹果A18 Pro也参战；小米15 Ultra、一加13、OPPO Find X8与"
                   "Google Pixel 9 Pro、荣耀Magic7 Pro同场竞争。")
    for name in ("天玑9400", "骁龙8 Gen 3", "A18 Pro", "小米15 Ultra", "一加13", "Find X8", "Pixel 9 Pro",
                 "Magic7 Pro"):
        assert (name, "product") in found, name
    assert ("苹果", "org") in found and ("OPPO", "org") in found
    for text in ("小米15日发布新机。", "华为5G专利领先。", "东盟10+3会议开幕。", "他在阿里P9级别。"):
        assert [n for n, k in tagged(text) if k == "product"] == [], text


def test_words_that_describe_a_person_are_no_names() -> None:
    for text in ("另一戴眼镜男子则穿浅色衬衫。", "一名44岁王姓男子受伤。", "绳子绑在梁柱上。", "凶嫌为陆裔美籍男子。"):
        assert [n for n, k in tagged(text) if k == "person"] == [], text


def test_a_titled_name_keeps_the_character_the_segmentation_left_out() -> None:
    names = kinds("消防区长梁国柱表示，火势已受控；副所长李大竹强调会加强巡查。")
    assert names.get("梁国柱") == "person" and names.get("李大竹") == "person"
    assert "大竹" not in names
    assert kinds("运输及房屋局局长陈帆亦表示支持。").get("陈帆") == "person"


def test_listed_lines_take_their_models() -> None:
    found = tagged("华为Pura 70与nova 13、vivo iQOO 13、Tensor G4和Exynos 2500同场；他用LINE Pay付款。")
    for name in ("Pura 70", "nova 13", "iQOO 13", "Tensor G4", "Exynos 2500", "LINE Pay"):
        assert (name, "product") in found, name


def test_roads_after_places_and_bodies_after_places() -> None:
    names = kinds("住在台北市万华区万兴路一带的男子，经永康分局报请台南地检署侦办，又到桃园机场公司了解。")
    assert names.get("万兴路") == "place"
    assert names.get("永康分局") == "org" and names.get("台南地检署") == "org" and names.get("桃园机场公司") == "org"
    assert [n for n, k in tagged("全台实体通路的销量，大街小巷都在谈。") if k == "place" and len(n) > 2] == []
    assert [n for n, k in tagged("（中央社记者王明桃园19日电）") if k == "org"] == ["中央社"]


def test_technology_companies_by_suffix_and_verbs_that_start_no_name() -> None:
    names = kinds("先是杭州的两家数据公司——云栖科技和墨羽科技相关负责人被带走调查。")
    assert names.get("云栖科技") == "org" and names.get("墨羽科技") == "org"
    for text in ("公司还帮客户智能关联催收公司。", "伤者随后送往医院救治。", "我们浙江的企业也在看。"):
        assert [n for n, k in tagged(text) if k == "org"] == [], text


def test_a_quoted_outlet_is_an_organisation_and_a_quoted_law_is_not() -> None:
    names = kinds("一位业内人士对《镜湖周刊》表示，据《南岸商报》报道，《数据安全法》明确规定了收集规则。")
    assert names.get("镜湖周刊") == "org" and names.get("南岸商报") == "org"
    assert "数据安全法" not in names
