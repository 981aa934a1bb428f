"""Latin-script model names no list holds, their makers, and Latin names of people and companies read from
their context; every sentence was written for this test (in both scripts where the script matters)."""

from __future__ import annotations

from qwen_reader.core.entities.model import Candidate
from qwen_reader.core.entities.recognize import recognize_texts


def tagged(text: str) -> list[tuple[str, str]]:
    found: list[Candidate] = recognize_texts([text])[0]
    return [(text[c.start:c.end], str(c.kind)) for c in found if c.kind not in ("date", "figure")]


def test_a_run_with_a_model_code_is_one_product_and_its_maker_stays_apart() -> None:
    found = tagged("超微发布「Ryzen AI PRO 300」系列处理器，并与Intel Core Ultra 7 165U比较续航。")
    assert ("Ryzen AI PRO 300", "product") in found
    assert ("Intel", "org") in found and ("Core Ultra 7 165U", "product") in found
    found = tagged("聯想推出商用筆電「ThinkPad X1 Carbon Gen 13 Aura Edition」與Lenovo IdeaPad Slim 5x。")
    assert ("ThinkPad X1 Carbon Gen 13 Aura Edition", "product") in found
    assert ("Lenovo", "org") in found and ("IdeaPad Slim 5x", "product") in found


def test_a_listed_maker_opens_no_person_and_a_model_number_makes_a_model() -> None:
    found = tagged("Meta Platforms推出Meta Quest 3S，售价比Quest 3低，Quest 3S也支持手势。")
    assert ("Meta Platforms", "org") in found
    assert ("Meta", "org") in found
    assert found.count(("Quest 3S", "product")) == 2 and ("Quest 3", "product") in found
    assert not [name for name, kind in found if kind == "person"]


def test_a_run_right_after_its_maker_or_in_a_product_context_is_a_product() -> None:
    found = tagged("英特尔Lunar Lake笔电与高通X Elite笔电相比，超微的新品代号「Strix Point」。")
    for name in ("Lunar Lake", "X Elite", "Strix Point"):
        assert (name, "product") in found, name
    assert ("Touch Plus", "product") in tagged("这款眼镜内建同款 Touch Plus 处理器。")


def test_numbered_things_that_are_no_models() -> None:
    for text in ("手机销量Top 20榜单出炉。", "路由器支持Wi-Fi 7与OpenGL ES 2.0。",
                 "公司在Meta Connect 2024活动上亮相。", "新品采用「Zen 5」CPU架构。",
                 "云厂商的To B业务与To C业务。", "零件来自Tier 1供应商。"):
        assert not [name for name, kind in tagged(text) if kind == "product"], text


def test_measures_prose_initials_domains_and_bodies_are_no_models() -> None:
    for text in ("镜头焦距为35mm，接口为3.5mm。", "他写道 anxious for46 days。", "歌手Lisa S登台。",
                 "网站kongzhong.com上线。", "他曾在Charles Darwin University任教。"):
        assert not [name for name, kind in tagged(text) if kind == "product"], text


def test_a_company_listed_inside_a_run_is_not_part_of_a_model() -> None:
    found = tagged("研究团队来自Google DeepMind，与OpenAI竞争。")
    assert not [name for name, kind in found if kind == "product"]


def test_a_latin_name_after_an_office_or_before_a_speech_verb_is_a_person() -> None:
    found = tagged("研调机构的研究经理Karan Mehtani指出，需求仍集中在入门级产品。")
    assert ("Karan Mehtani", "person") in found
    assert ("Oskar Lindqvist", "person") in tagged("副总裁 Oskar Lindqvist 表示，新品明年上市。")


def test_a_listed_family_name_still_closes_a_person_and_a_passive_is_no_suffix() -> None:
    found = tagged("创办人Michael Dell说，这一波热潮未能为 Nvidia 和 AMD 所利用。")
    assert ("Michael Dell", "person") in found
    assert ("AMD", "org") in found and ("Nvidia", "org") in found


def test_a_company_legal_name_after_its_short_name() -> None:
    found = tagged("戴尔举行论坛（2024 Dell Technologies Forum），Dell Technologies指出需求强劲。")
    assert found.count(("Dell Technologies", "org")) == 2


def test_trademark_signs_editions_and_a_chip_noun_after_a_maker() -> None:
    found = tagged("BluePay® Wallet Max 目前支援多種貨幣，BluePay® 用戶無需換匯。高通 Kryon CPU 提供支援。")
    assert ("BluePay® Wallet Max", "product") in found
    assert ("BluePay", "product") in found
    assert ("Kryon", "product") in found
    assert ("Copilot+", "product") in tagged("新品將 Copilot+ 的體驗帶給更多使用者。")


def test_taiwan_s_name_for_amd_is_amd_and_supermicro_keeps_its_own() -> None:
    text = "IC設計大廠超微（AMD）發表新處理器，美超微也推出伺服器。"
    ids = {text[c.start:c.end]: c.id for c in recognize_texts([text])[0]}
    assert ids["超微"] == ids["AMD"] != ids["美超微"]
