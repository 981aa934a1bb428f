"""Spacecraft, aircraft, games named by the clause that lists them, and the platforms' best-known products;
every sentence was written for this test."""

from __future__ import annotations

from conftest import tagged


def test_a_space_programme_with_its_number_is_a_product() -> None:
    found = tagged("天舟七号货运飞船与天和核心舱对接，长征七号遥八运载火箭发射。")
    assert ("天舟七号", "product") in found and ("长征七号", "product") in found
    assert ("嫦娥六号", "product") in tagged("嫦娥六号带回月背样品。")


def test_a_named_craft_before_its_kind_is_a_product() -> None:
    found = tagged("波音的“星际线”飞船推迟返航，诺格公司的天鹅座号飞船已经离站。")
    assert ("星际线", "product") in found and ("天鹅座号", "product") in found


def test_a_ship_named_with_hao_alone_is_not_a_craft() -> None:
    assert not [t for t, k in tagged("一艘名叫“海风”号的渔船靠岸，这号人物头号玩家。") if k == "product"]


def test_aircraft_type_codes_are_products_and_counts_are_not() -> None:
    found = tagged("国产运-20与直-20同场亮相，歼20编队飞过。")
    assert ("运-20", "product") in found and ("直-20", "product") in found and ("歼20", "product") in found
    assert not [t for t, k in tagged("比分轰18比10，他被轰6次。") if k == "product"]


def test_titles_a_clause_calls_games_are_products() -> None:
    found = tagged("公司发布了五款新游戏，包括自研的《雪域远征》《星港物语》《云上宗门》。")
    assert {("雪域远征", "product"), ("星港物语", "product"), ("云上宗门", "product")} <= set(found)
    assert not [t for t, k in tagged("他推荐了三本书，包括《雪域远征》《星港物语》。") if k == "product"]


def test_a_title_named_as_a_mobile_game_is_a_product() -> None:
    assert ("星港物语", "product") in tagged("任天堂公布了名为《星港物语》的这款手机游戏。")


def test_the_platforms_products_are_known_by_name() -> None:
    found = tagged("特斯拉推出Cybertruck，并在北京测试FSD，百度的萝卜快跑同日扩大范围。")
    assert ("Cybertruck", "product") in found and ("FSD", "product") in found and ("萝卜快跑", "product") in found
    found = tagged("用户可以用Safari打开网页，也能用Touch ID解锁。")
    assert ("Safari", "product") in found and ("Touch ID", "product") in found
    assert ("Alexa Chung", "person") in tagged("模特Alexa Chung穿着外套出席。")


def test_car_makers_and_models_with_names_of_their_own() -> None:
    found = tagged("白色别克停在路边，本田思域和大众朗逸销量领先，哈弗H6连续夺冠。")
    assert ("别克", "org") in found and ("思域", "product") in found and ("朗逸", "product") in found
    assert ("哈弗H6", "product") in found
    assert not [t for t, k in tagged("列车在铁轨上奔驰，工厂日产量提高。") if k in ("org", "product")]
