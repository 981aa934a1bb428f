"""Places written inside or against other names: a company's country unit, a national body's official name, a
port after its city, two places the segmentation joins, and platforms named in a list; every sentence was
written for this test."""

from __future__ import annotations

from conftest import tagged, tagged_doc


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


def test_regions_of_china_are_places_and_their_parts_no_bodies() -> None:
    found = tagged("受冷空气影响，东北地区中东部、华北、黄淮、江淮等地降温，江南及华南大部地区有雨，四川东北部降雪。")
    for name in ("东北", "华北", "黄淮", "江淮", "江南", "华南"):
        assert (name, "place") in found, name
    assert ("四川", "place") in found and found.count(("东北", "place")) == 1
    assert not [name for name, kind in found if kind == "org"]


def test_a_demonym_is_no_place_but_a_people_s_government_keeps_its_province() -> None:
    assert tagged("英国人有点不甘心，台湾人和香港人也是。") == []
    found = tagged("河南省发布《河南省人民政府办公厅关于建立留学人员服务体系的通知》。")
    assert ("河南省人民政府办公厅", "org") in found


def test_one_character_countries_in_a_list_and_after_a_journey_are_places() -> None:
    found = tagged("来自美、英、日、德、澳、加拿大等8个国家的议员，允许他们在英工作。")
    assert [name for name, kind in found if kind == "place"] == ["美", "英", "日", "德", "澳", "加拿大", "英"]
    assert tagged("他在英特尔工作，也在英语课上。") == [("英特尔", "org")]


def test_a_country_before_an_institution_named_after_its_city_is_a_place_of_its_own() -> None:
    found = tagged("研究团队来自英国伦敦国王学院（King's College London）。")
    assert ("英国", "place") in found and ("伦敦国王学院", "org") in found
    assert ("King's College London", "org") in found


def test_a_quoted_body_and_a_quoted_app_say_what_they_are() -> None:
    found = tagged("议员组成了“跨国议会团结联盟”，又称“九国联盟”，号召建立所谓的“国际联盟”。")
    assert ("跨国议会团结联盟", "org") in found and ("九国联盟", "org") in found
    assert ("国际联盟", "org") not in found
    found = tagged("研究使用“症状追踪”（Symptom Tracker）应用程序的数据。")
    assert ("症状追踪", "product") in found and ("Symptom Tracker", "product") in found


def test_outlets_by_their_interview_and_dateline_and_a_journal_before_its_title() -> None:
    found = tagged("外相在接受天空新闻(Sky News)采访时表示支持，也接受了媒体采访。")
    assert ("天空新闻", "org") in found and ("Sky News", "org") in found
    found = tagged("华龙网-新重庆客户端讯 医学期刊《柳叶刀》刊发了通讯。")
    assert ("华龙网", "org") in found and ("新重庆", "product") in found and ("柳叶刀", "org") in found


def test_parties_officers_of_latin_firms_and_bodies_of_every_country() -> None:
    found = tagged("前保守党党魁表示，工党政府和基民党都反对。AMUNDI首席投资官也发表了看法。")
    for name in ("保守党", "工党", "基民党", "AMUNDI"):
        assert (name, "org") in found, name
    assert tagged("各国央行选择空间有限。") == []
    assert ("江苏省文联", "org") in tagged("他调任江苏省文联副主席。")


def test_people_a_report_describes_and_viruses_are_no_names() -> None:
    found = tagged("还有德国的迈克尔•布兰德，他反对其他网约车公司的做法。")
    assert ("迈克尔•布兰德", "person") in found and ("德国", "place") in found
    assert not [name for name, kind in found if kind == "org"]
    assert tagged("新冠肺炎由SARS-CoV-2引起，题为Quantifying additional symptoms will save lives。") == []


def test_a_one_word_latin_name_after_a_person_noun_is_that_person_everywhere() -> None:
    kinds = tagged_doc(["住在楼上的菲佣Rosa仍在医院。", "Rosa表示，她很想念家人。"])
    assert kinds.count(("Rosa", "person")) == 2 and ("Rosa", "org") not in kinds


def test_a_surname_with_a_form_of_address_is_no_name_and_time_words_leave_a_name() -> None:
    found = tagged("林校长从食堂着手，吴先生启程返回，议员陈志明昨宣布参选。")
    assert [name for name, kind in found if kind == "person"] == ["陈志明"]


def test_hong_kong_estates_and_blocks_after_their_district_or_where_people_live() -> None:
    found = tagged("屯门安华苑发生火警，住于安华苑的居民及附近翠林邨居民疏散，住在丰泽阁的老翁获救。")
    assert ("屯门", "place") in found and found.count(("安华苑", "place")) == 2
    assert ("翠林邨", "place") in found and ("丰泽阁", "place") in found


def test_schools_and_rescue_teams_named_after_their_district_are_bodies() -> None:
    found = tagged("票站迁至沙田崇真纪念学校，雅安市雨城区山地救援队也赶到；一所中学和几所学校停课。")
    assert ("沙田崇真纪念学校", "org") in found and ("雅安市雨城区山地救援队", "org") in found
    assert [name for name, kind in found if kind == "org"] == ["沙田崇真纪念学校", "雅安市雨城区山地救援队"]


def test_scenic_areas_towns_after_their_prefecture_and_an_area_by_its_compass_point() -> None:
    found = tagged("游客在四川贡嘎山景区失联；工厂位于千叶县柏原市；新界东北投票率最低，四川东北部降雪。")
    for name in ("贡嘎山", "柏原市", "新界东北", "四川"):
        assert (name, "place") in found, name
    assert ("东北", "place") not in found


def test_isms_a_country_s_adjectives_and_its_park_are_no_places() -> None:
    assert tagged("坚持中国特色社会主义，发展马克思主义，走中国式道路。") == []
    assert tagged("他推荐中国公园的视频。") == [("中国", "place")]


def test_a_name_and_its_english_in_brackets_and_an_office_after_a_body() -> None:
    found = tagged("高通总裁克里斯蒂亚诺・安蒙（Cristiano Amon）表示，运输及房屋局局长陈帆亦表示支持。")
    assert ("克里斯蒂亚诺・安蒙", "person") in found and ("Cristiano Amon", "person") in found
    assert ("运输及房屋局", "org") in found and ("陈帆", "person") in found


def test_a_model_code_before_its_kind_and_company_bodies_without_company() -> None:
    found = tagged("联发科推出SoC MT2718，MT2718芯片支持NB-IoT。中华邮政公司和庆富造船公司都表示，桃园机场公司也回应。")
    assert found.count(("MT2718", "product")) == 2 and ("NB-IoT", "product") not in found
    assert ("中华邮政", "org") in found and ("庆富造船", "org") in found and ("桃园机场公司", "org") in found


def test_a_school_s_student_union_and_taiwan_s_financial_holdings() -> None:
    assert ("岭南大学学生会", "org") in tagged("岭南大学学生会发表声明。")
    found = tagged("玉山金控召开董事会，玉山金表示，各方都支持。")
    assert ("玉山金控", "org") in found and ("玉山金", "org") in found
    assert not [name for name, kind in found if kind == "place"]


def test_bodies_described_not_named_and_historical_terror_no_place() -> None:
    assert not [name for name, kind in tagged("广州某基金公司人士说，这是一家内资基金公司。") if kind == "org"]
    assert tagged("校园出现白色恐怖，用蓝牙连接。") == []


def test_games_in_title_marks_where_the_words_call_them_games() -> None:
    found = tagged("公司代理的手游《星海物语》已上线，旗下游戏包括《山河令》、《云中城》等款游戏。据《财讯》报道。")
    for name in ("星海物语", "山河令", "云中城"):
        assert (name, "product") in found, name
    assert ("财讯", "product") not in found


def test_taiwan_fund_houses_and_a_company_s_short_name_the_tagger_reads_as_a_man() -> None:
    texts = ["宏达光电为台湾唯一的垂直整合企业。", "宏达今日举行股东会，摩根投信董事长也出席。"]
    kinds = tagged_doc(texts)
    assert ("宏达", "org") in kinds and ("宏达", "person") not in kinds
    assert ("摩根投信", "org") in kinds and ("摩根", "person") not in kinds


def test_currencies_and_lighting_technologies_are_no_bodies() -> None:
    assert tagged("港汇亦弹起，美汇疲弱，LED厂商杀价。") == []


def test_a_maker_with_a_spaced_model_and_a_spaced_number() -> None:
    found = tagged("旗舰手机红米 12上市，另一款是红米 K80 Pro，红米 15 日发布新品。")
    assert ("红米 12", "product") in found and ("K80 Pro", "product") in found
    assert not [name for name, kind in found if kind == "product" and name.endswith("15")]


def test_latin_names_in_a_list_of_companies_are_companies() -> None:
    found = tagged("榜单依序为：英伟达、Zentrix、亚马逊、Quorvane Labs、腾讯、Blue Harbor。他会Python、Java和C++。")
    for name in ("Zentrix", "Quorvane Labs", "Blue Harbor"):
        assert (name, "org") in found, name
    assert ("Python", "org") not in found


def test_a_code_before_a_series_and_an_app_after_download_are_products() -> None:
    found = tagged("索尼的XQ5系列玩3D扫描，下载Lumo Pay即可付款。")
    assert ("XQ5", "product") in found and ("Lumo Pay", "product") in found


def test_a_name_before_an_officer_and_the_officer_s_name_is_the_company_everywhere() -> None:
    texts = ["今年乌镇，货拉拉创始人周胜馥的演讲提到一个数字。", "货拉拉大幅提高了效率，货拉拉就是其中的佼佼者。",
             "王小明说，张伟董事长也来了。"]
    kinds = tagged_doc(texts)
    assert kinds.count(("货拉拉", "org")) == 3 and ("货拉拉", "person") not in kinds
    assert ("周胜馥", "person") in kinds and ("张伟", "person") in kinds


def test_a_company_s_business_unit_and_a_platform_where_people_post() -> None:
    found = tagged("滴滴自动驾驶宣布融资，京东物流上市，腾讯游戏收入增长；他在微博贴出声明，又在她的微博留言。")
    for name in ("滴滴自动驾驶", "京东物流", "腾讯游戏"):
        assert (name, "org") in found, name
    assert found.count(("微博", "product")) == 2
    assert ("腾讯视频", "product") in tagged("他在腾讯视频上观看直播。")


def test_a_landmark_that_is_the_company_s_short_name_and_a_technology_everywhere() -> None:
    texts = ["当天，长城给出了答案——Hx5「电四驱」技术。", "长城汽车总裁表示，长城此次曝光的 Hx5 很重要。",
             "北京汽车发布新车，北京今天下雨。"]
    kinds = tagged_doc(texts)
    assert kinds.count(("长城", "org")) == 2 and ("北京", "place") in kinds
    assert not [name for name, kind in kinds if name == "Hx5"]
    assert ("骁龙 8 至尊版", "product") in tagged("下一代平台骁龙 8 至尊版即将登陆手机。")
