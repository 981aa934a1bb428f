"""Brands the tagger reads as people, and people's names with what is no part of them (an office's last
character, a verb, a form of address), and Latin names with the press's spacing; every sentence was written
for this test."""

from __future__ import annotations

from conftest import tagged, tagged_doc
from qwen_reader.core.entities.consistency import longer_names_win
from qwen_reader.core.entities.dates import figures
from qwen_reader.core.entities.model import Candidate, EntityKind, Source
from qwen_reader.core.entities.org_wording import without_particle


def test_a_brand_before_its_model_is_the_company_everywhere_in_the_document() -> None:
    found = tagged_doc(["近日，小鹏 P7i 正式上市。", "此前小鹏认为这款车会带来销量，但小鹏的股价仍在下跌。"])
    assert found.count(("小鹏", "org")) == 3
    assert not [m for m in found if m[1] == "person"]


def test_a_trade_word_or_a_stock_code_makes_the_name_a_company() -> None:
    assert tagged("有线电视业者凯擘昨日表示，凯擘将推出新服务。").count(("凯擘", "org")) == 2
    found = tagged("面板厂友达（2409）与彩晶（6116）昨日股价大涨，彩晶表示订单增加。")
    assert found.count(("彩晶", "org")) == 2


def test_the_last_of_a_list_of_companies_is_a_company() -> None:
    found = tagged("此次上市后，他旗下的公司包括吉利汽车、沃尔沃、极星、路特斯。")
    assert ("路特斯", "org") in found


def test_people_after_their_bodies_in_a_list_stay_people() -> None:
    found = tagged("候选人民思政策研究所黄颖灏、工联会古伟冰及经民联邓肇锋昨日到场。")
    assert ("古伟冰", "person") in found and ("邓肇锋", "person") in found


def test_a_person_with_a_brand_like_name_stays_a_person_where_a_rule_names_him() -> None:
    found = tagged_doc(["董事长王伟表示，新楼盘将于明年交付。", "王伟 A1区的项目也已动工。"])
    assert ("王伟", "org") not in found


def test_an_office_s_last_character_is_no_part_of_the_name() -> None:
    found = tagged("贝壳执行董事、首席财务官徐涛表示业绩稳定。")
    assert ("徐涛", "person") in found and ("官徐涛", "person") not in found


def test_a_surname_then_a_verb_is_no_name() -> None:
    found = tagged("林说「这不合理」，张则回应说没有问题。")
    assert not [m for m in found if m[1] == "person"]


def test_a_verb_or_a_preposition_after_a_name_is_cut_off() -> None:
    found = tagged("上周美团创始人王兴发内部信，宣布调整架构。")
    assert ("王兴", "person") in found and ("王兴发", "person") not in found


def test_a_form_of_address_after_a_full_name_is_cut_off() -> None:
    found = tagged("本轮融资后，合伙人程天先生表示看好市场。")
    assert ("程天", "person") in found and ("程天先生", "person") not in found


def test_latin_names_after_the_press_s_spacing_and_with_a_middle_name() -> None:
    found = tagged("谷歌在 2015 年任命 John Krafcik 为 CEO，随后邀请 Alex Wright Gladstein 加入。")
    assert ("John Krafcik", "person") in found and ("Alex Wright Gladstein", "person") in found


def test_a_latin_word_before_two_capitalised_words_opens_no_name() -> None:
    found = tagged("这台相机支持 Point Zoom Mark 功能。")
    assert ("Zoom Mark", "person") not in found


def test_a_company_introduced_with_its_ticker_is_the_company_in_the_whole_document() -> None:
    found = tagged_doc(["一站式服务平台海螺（NYSE:HLO）今日发布财报。", "报告期内，海螺的收入增长两成。"])
    assert found.count(("海螺", "org")) == 2
    found = tagged("今天，张伟创办的远山（9987.HK）在港股上市。")
    assert ("远山", "org") in found


def test_a_quoted_name_with_its_latin_name_in_brackets_is_a_company() -> None:
    found = tagged_doc(["美国连锁店「糖果王国」（Candy Kingdom）已申请破产。", "糖果王国创立于一九五零年。"])
    assert found.count(("糖果王国", "org")) == 2
    assert ("关注的人", "org") not in tagged("页面上另一列是「关注的人」（Following）板块。")


def test_a_name_before_an_officer_and_the_officer_s_name_is_a_company() -> None:
    found = tagged("发布会上，海螺联合创始人、董事长、首席执行官彭永东表示将继续投入。")
    assert ("海螺", "org") in found and ("彭永东", "person") in found
    found = tagged("瑞银科技业分析师王小明表示，公司董事长张伟也出席。")
    assert ("科技业", "org") not in found and ("公司", "org") not in found


def test_a_short_code_after_a_maker_or_listed_with_a_model_is_a_model_in_the_whole_document() -> None:
    found = tagged_doc(["近日，小鹏 P7 的新版正式上市。", "之后发布的 P5、G9 等新车型也没有带来销量，G9 更是降价。"])
    assert ("P7", "product") in found and ("P5", "product") in found
    assert found.count(("G9", "product")) == 2


def test_a_code_of_a_level_a_block_or_a_quarter_is_no_model() -> None:
    found = tagged_doc(["蔚来 L4 级自动驾驶将于明年测试。",
                        "小米 Q3 财报显示收入增长，园区 A1区 已经动工，一位前阿里P9高管离职。"])
    assert not [m for m in found if m[1] == "product"]


def test_a_preposition_of_the_clause_is_no_part_of_a_company_s_name() -> None:
    found = tagged("此后由南汽集团接手，对义丰集团影响很大。")
    assert ("南汽集团", "org") in found and ("义丰集团", "org") in found
    assert ("由南汽集团", "org") not in found
    assert ("将军澳医院", "org") in tagged("伤者被送往将军澳医院治疗。")


def test_everyday_words_in_a_row_name_no_organisation() -> None:
    found = tagged("核心竞争力来自研发，云安全市场也在扩大，汽车行业仍在洗牌。")
    assert not [m for m in found if m[1] == "org"]
    assert ("巨人网络", "org") in tagged("老股东超额跟投，巨人网络担任本轮产业投资方。")  # two words, a company


def test_a_latin_name_in_brackets_after_a_name_is_the_same_entity() -> None:
    found = tagged("晶圆代工厂格芯（GlobalFoundries）与德国驻华大使柯慕贤（Michael Clauss）会面。")
    assert ("GlobalFoundries", "org") in found and ("Michael Clauss", "person") in found
    assert ("低功耗广域网络", "org") not in tagged("低功耗广域网络（LPWA）正在普及。")


def test_the_press_s_space_before_gongsi_is_no_part_of_the_company() -> None:
    found = tagged("格芯起初为 AMD 公司的制造部门。")
    assert ("AMD", "org") in found and ("AMD ", "org") not in found


def test_a_latin_name_joined_to_a_listed_company_is_a_company() -> None:
    assert ("Zoomcar", "org") in tagged("特斯拉股价大跌，而 Uber 和 Zoomcar 这两家公司却应声大涨。")
    assert ("Quickbite", "org") in tagged("市值已经超越 Uber、Quickbite，成为赛道的领头羊。")
    assert ("KQR", "org") in tagged("美国私募基金巨头KQR联手竞标。")


def test_a_company_with_its_bare_stock_code_and_its_full_name_later() -> None:
    found = tagged_doc(["受中国厂商冲击，隆宇（3699）今日举行股东会。",
                        "隆宇电子为台湾唯一一条龙企业，隆宇的市占率达两成。"])
    assert ("隆宇", "org") in found and ("隆宇电子", "org") in found
    assert ("合丰辉煌", "org") in tagged("合丰辉煌（733）董事长扶伟致辞。")
    assert not [m for m in tagged("雖然去（2016）年營收下滑。") if m[1] == "org"]


def test_a_name_kept_back_is_no_person() -> None:
    found = tagged("市民杨某途经新街时报警，民警向杨某了解经过。")
    assert not [m for m in found if m[1] == "person"]


def test_a_word_for_a_rich_man_before_a_foreign_name_is_no_part_of_it() -> None:
    found = tagged("法国奢侈品大亨伯纳德·阿尔诺昨日到访。")
    assert ("伯纳德·阿尔诺", "person") in found and ("大亨伯纳德·阿尔诺", "person") not in found


def test_a_name_the_document_knows_longer_is_not_cut_short_elsewhere() -> None:
    found = tagged_doc(["董事长苏峯正表示，今年营收将成长。", "展望明年，苏峯正表示，全球需求仍然疲弱。"])
    assert found.count(("苏峯正", "person")) == 2 and ("苏峯", "person") not in found


def test_latin_names_in_a_list_of_people_are_people() -> None:
    found = tagged("该公司由 Ami Luttwak、Yinon Costica 和 Roy Reznik 共同创立。")
    assert ("Yinon Costica", "person") in found


def test_a_latin_name_before_a_part_of_a_device_stays_a_product_beside_its_architecture() -> None:
    found = tagged_doc(["新机搭载高通 Velora CPU，性能大增。", "新一代平台均升级为 Velora 架构。"])
    assert found.count(("Velora", "product")) == 2


def test_a_quoted_name_after_the_word_for_a_product_is_that_product() -> None:
    found = tagged("该公司与小程序「金旺旺老虎机」终止合作，另一个平台「Sharelo」也下线了。")
    assert ("金旺旺老虎机", "product") in found and ("Sharelo", "product") in found
    assert not [m for m in tagged("他们走到一处名为“银杏村”的小山村。") if m[1] == "product"]
    found = tagged("智谱作为国内大模型「六小虎」之一，也曾曝光“刷榜”潜规则，并推出「以旧换新」计划。")
    assert not [m for m in found if m[1] == "product"]


def test_an_organisation_the_document_names_longer_is_not_cut_short_elsewhere() -> None:
    texts = ["物流公司百运物流已申请上市。", "百运物流表示将扩张。"]
    chosen = [[Candidate(4, 8, EntityKind.ORG, "org:百运物流", None, Source.LAC)],
              [Candidate(0, 2, EntityKind.ORG, "org:百运", None, Source.LAC)]]
    longer_names_win(chosen, texts)
    assert [(texts[1][c.start:c.end], c.id) for c in chosen[1]] == [("百运物流", "org:百运物流")]


def test_a_latin_name_a_company_s_founding_or_funding_names_is_a_company_in_the_document() -> None:
    found = tagged_doc(["PixelNest 成立于 2023 年 5 月。",
                        "顺为资本领投 PixelNest 本轮融资，PixelNest 的用户已过千万。"])
    assert found.count(("PixelNest", "org")) == 3


def test_a_compass_point_before_a_city_or_a_region_is_part_of_the_place() -> None:
    found = tagged("来自南台湾与大高雄的民众，以及河南台湾同乡会的成员，都去了东南亚。")
    assert ("南台湾", "place") in found and ("大高雄", "place") in found
    assert ("河南", "place") in found and ("台湾", "place") in found and ("东南亚", "place") in found


def test_a_middle_word_that_is_no_given_name_makes_no_person() -> None:
    found = tagged("提名影片包括《Grace Is Gone》，Sarah Jessica Parker 也到场。")
    assert ("Sarah Jessica Parker", "person") in found and ("Grace Is Gone", "person") not in found


def test_an_office_cut_from_a_name_is_read_again() -> None:
    assert not [m for m in tagged("2005年，胡总书记与来访的客人会面。") if m[1] == "person"]


def test_people_with_phones_and_names_the_tagger_also_reads_as_bodies_stay_people() -> None:
    found = tagged("一名青年二话不说把小姜的手机抢走，小姜追了几步。")
    assert ("小姜", "org") not in found
    assert not [m for m in tagged("查询同样显示：王东桥温国用(2004)字第12号。") if m[1] == "org"]


def test_a_count_in_brackets_after_an_everyday_word_introduces_no_company() -> None:
    assert not [m for m in tagged("他本季得分排名第一，篮板(1044)排名第二。") if m[1] == "org"]


def test_spaces_and_joining_words_at_a_name_s_edge_are_no_part_of_it() -> None:
    found = without_particle("适配机型：MOTO E2", Candidate(5, 10, EntityKind.ORG, "org:moto", None, Source.LIST))
    assert (found.start, found.end) == (5, 9)
    found = without_particle("红星美凯龙与居然之家", Candidate(0, 6, EntityKind.ORG, "org:x", None, Source.LAC))
    assert (found.start, found.end) == (0, 5)


def test_konggu_the_verb_makes_no_company() -> None:
    found = tagged_doc(["2003年，巴菲特控股的伯克希尔突然公告，买入中国石油。", "巴菲特说，这是一笔好交易。"])
    assert ("巴菲特", "org") not in found and ("巴菲特控股", "org") not in found


def test_a_kind_of_company_before_its_quoted_name_is_no_name() -> None:
    found = tagged_doc(["低调了一年的智驾公司“千里科技”宣布融资。", "中国智驾行业的技术进展很快。"])
    assert ("智驾", "org") not in found
    assert not [m for m in tagged("该公司投资Robotaxi等新兴领域。") if m[1] == "org"]


def test_taiwan_s_ky_listings_are_companies_with_their_suffix() -> None:
    found = tagged("概念股包括臻鼎-KY、茂林-KY，以及IET-KY和环宇-KY等公司。")
    for name in ("臻鼎-KY", "茂林-KY", "IET-KY", "环宇-KY"):
        assert (name, "org") in found


def test_a_latin_line_before_gpu_is_a_product_whatever_its_revenue() -> None:
    found = tagged_doc(["英伟达下一代计算平台 Quasar GPU 的出货将被推迟。",
                        "预计第四财季 Quasar 营收将达到数十亿美元。"])
    assert found.count(("Quasar", "product")) == 2


def test_a_young_trade_before_gongsi_names_no_company() -> None:
    found = tagged("对互联网公司而言，B 站的用户增长放缓，投流公司也在转型。")
    assert ("B 站", "org") in found
    assert not [m for m in found if m[0] in ("互联网", "投流")]


def test_a_latin_name_ending_in_a_tier_s_word_is_a_product() -> None:
    found = tagged("新款Stellar Pro将以25888元起跳价格在台销售。")
    assert ("Stellar Pro", "product") in found and ("Stellar", "org") not in found


def test_a_series_and_its_number_is_a_model_and_a_unit_named_by_its_business_is_a_body() -> None:
    found = tagged("英伟达发布了 RTX 5090 和 RTX 5070 Ti，阿里音乐与华为云宣布合作，工厂通过 ISO 9001 认证。")
    assert ("RTX 5090", "product") in found and ("RTX 5070 Ti", "product") in found
    assert ("阿里音乐", "org") in found and ("华为云", "org") in found
    assert ("ISO 9001", "product") not in found


def test_a_registered_name_with_a_limited_liability_tail_is_one_company() -> None:
    found = tagged("广告称“宁波东海兴业投资有限责任公司将组建宁波航空”。")
    assert ("宁波东海兴业投资有限责任公司", "org") in found and ("兴业", "place") not in found


def test_the_review_s_ordinary_sentences_stay_as_they_are() -> None:
    """Sentences a reviewer wrote to make the brand, ticker, code and quote rules misfire."""
    found = tagged_doc(["刘强的汽车昨晚被偷，刘强随即报警。", "他的对手陈志豪表现出色，陈志豪赢得冠军。",
                        "台积电、联发科、王雪红及鸿海等公司代表出席。", "考生刘洋C1驾照考试通过，刘洋很高兴。"])
    assert ("刘强", "person") in found and ("陈志豪", "person") in found and ("王雪红", "person") in found
    assert not [m for m in found if m[0] in ("刘强", "陈志豪", "王雪红", "刘洋") and m[1] == "org"]
    assert ("C1", "product") not in found
    found = tagged("根据李明（2019）的研究，芯片“卡脖子”问题和平台“二选一”都有讨论，FTSE 100 指数下跌。")
    assert not [m for m in found if m[1] in ("org", "product")]
    found = tagged("深圳面积大香港近两倍，华为音乐会在万达影视城举行。陈永发表示满意。")
    assert ("大香港", "place") not in found and ("华为音乐", "org") not in found and ("陈永发", "person") in found
    assert ("George Washington University", "person") not in tagged("他毕业于 George Washington University。")
    assert ("茂林-KY", "org") in tagged("茂林-KY今日股价大涨。")
    assert ("李明", "org") not in tagged_doc(["李明（2019）指出，需求将回升。", "李明认为价格会上涨。"])


def test_a_figure_starts_where_its_digits_start() -> None:
    found = [c for c in figures("营收增长5%，达3,000元；另有一串1234567890123的编号。")]
    texts = [c.id for c in found]
    assert "figure:5%" in texts and "figure:3000 CNY" in texts
    assert all(not c.id.startswith("figure:234567890123") for c in found)
