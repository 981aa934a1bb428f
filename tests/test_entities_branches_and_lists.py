"""Branches named by their address, and names read through the list they stand in; every sentence was
written for this test."""

from __future__ import annotations

from conftest import tagged


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
