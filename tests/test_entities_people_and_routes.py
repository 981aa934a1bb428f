"""People written the way mainland reports write foreign names and nicknames, and the stops of a route;
every sentence was written for this test."""

from __future__ import annotations

from conftest import tagged


def test_a_hyphened_transliteration_with_its_latin_name_is_one_person() -> None:
    found = tagged("首席经济学家彼得-霍金斯（Peter Hawkins）认为，利率将保持不变。")
    assert ("彼得-霍金斯", "person") in found
    assert not [t for t, k in found if k == "org"]  # 首席 + 经济学家 describes him, it names no company
    assert not [t for t, k in tagged("北京-上海（Beijing Shanghai）航线恢复。") if k == "person"]


def test_a_title_before_a_dotted_name_is_no_part_of_it() -> None:
    found = tagged("前宇航员马克·韦伯(Mark Webb)出席了活动。")
    assert ("马克·韦伯", "person") in found


def test_a_surname_with_lao_or_xiao_is_no_person() -> None:
    found = tagged("老周说，今年房价难涨。小吴则认为还会涨。")
    assert not [t for t, k in found if k == "person"]


def test_the_stops_of_a_route_section_are_places() -> None:
    found = tagged("新线分为清迈—南邦段、帕府—难府段，其中清迈—南邦段先开工。")
    assert {("清迈", "place"), ("南邦", "place"), ("帕府", "place"), ("难府", "place")} <= set(found)
    assert not [t for t, k in tagged("他依靠罗斯和洛尔-邓这些外线球员。") if k == "place"]
