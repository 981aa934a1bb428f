"""The CC-CEDICT gloss, family by family, on short sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from conftest import seed
from qwen_reader.core.translate.gloss import GlossEngine, gloss, person_name, pieces
from qwen_reader.core.translate.numbers import chinese_value, find
from qwen_reader.core.translate.service import translatable

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def words(sentence: str) -> dict[str, str]:
    """Chinese source -> its English in this sentence."""
    return {p.source: p.english for p in pieces(sentence) if CJK.search(p.source)}


# --- the sense that fits -----------------------------------------------------------------------------------

def test_reading_in_context_chooses_the_line() -> None:
    # 还 hái "still", not huán "to return"; 了 le is a particle, not liǎo "to finish".
    assert words("我还在学习。")["还"] == "still"
    assert "to finish" not in gloss("我们吃了饭了。")


def test_simplified_word_is_read_through_its_traditional_form_here() -> None:
    # 后 is 後 "back, after" in running text, 后 "empress" only in its own phrases.
    assert words("发布后，我们开会。")["后"] == "back"
    assert "empress" in words("她是皇后。")["皇后"]


def test_everyday_sense_not_the_first_listed() -> None:
    assert words("老师让我们回家。")["让"] == "to let"
    assert words("公司开源了新模型。")["开源"] == "open source"  # an abbreviation read as what it shortens


# --- traditional script ------------------------------------------------------------------------------------

def test_traditional_headwords_are_looked_up_as_such() -> None:
    english = gloss("當時他們在臺灣宣佈了這個決定。")
    assert not CJK.search(english)
    assert words("當時他們在臺灣宣佈了這個決定。")["宣佈"] == "to declare"


def test_simplified_character_left_in_traditional_text() -> None:
    assert words("畢業后，他回國了。")["后"] == "back"


# --- particles and classifiers -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, particle", [("你吃饭了吗？", "吗"), ("这是我的书。", "的"), ("走吧。", "吧"),
                                                ("你呢？", "呢"), ("他笑了。", "了")])
def test_particles_are_dropped(sentence: str, particle: str) -> None:
    found = [p for p in pieces(sentence) if p.source == particle]
    assert found and all(p.kind == "drop" and p.english == "" for p in found)
    assert "particle" not in gloss(sentence) and "marker" not in gloss(sentence)


def test_particles_inside_a_word_jieba_joined_are_dropped_too() -> None:
    assert words("他们在看着我。")["看着"] == "to see"  # not "to see aspect particle…" nor "to touch"
    assert words("我去过那里。")["去过"] == "to go"  # not "to go to cross"
    assert gloss("你吃饭了吗？") == "you · to have a meal?"


def test_classifier_after_a_number_is_dropped() -> None:
    assert gloss("他们有三家公司。") == "they · to have · three · company."


# --- numbers, dates, money ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, english", [
    ("3月4日", "March 4"), ("2025年3月4日", "March 4, 2025"), ("2025年", "2025"), ("7352万", "73.52 million"),
    ("22550元", "22,550 yuan"), ("2亿美元", "$200 million"), ("90.2%", "90.2%"), ("百分之五", "5%"),
    ("十亿美元", "$1 billion"), ("1.5万", "15,000"), ("三个月", "three months"), ("32岁", "32 years old"),
    ("第一", "first"), ("第23", "23rd"), ("10点30分", "10:30"), ("１２月", "December"), ("3000欧元", "€3,000"),
    ("3 月 5 日", "March 5"), ("7352 万元", "73.52 million yuan"), ("两日", "two days"),  # spaced, as scraped
])
def test_numbers_in_english(text: str, english: str) -> None:
    assert [s.english for s in find(text)] == [english]


def test_numbers_inside_words_are_left_to_the_words() -> None:
    assert find("统一") == [] and find("一起") == [] and find("Qwen3发布") == []
    assert find("千万不要") == []  # the adverb, not ten million
    assert chinese_value("一百零五") == 105 and chinese_value("二〇二四") == 2024 and chinese_value("十") == 10


def test_numbers_in_a_sentence() -> None:
    assert gloss("3月4日，营收达到7352万元。") == "March 4, sales · to reach · 73.52 million yuan."


# --- names -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, english", [("阿里巴巴", "Alibaba"), ("腾讯", "Tencent"), ("谷歌", "Google"),
                                           ("上海", "Shanghai"), ("深圳", "Shenzhen"), ("中国银行", "Bank of China")])
def test_proper_nouns_by_their_english_name(name: str, english: str) -> None:
    assert gloss(f"{name}很大。").startswith(f"{english} · ")


def test_unknown_person_names_are_romanised() -> None:
    assert person_name("王小明", ("wáng", "xiǎo", "míng")) == "Wang Xiaoming"
    assert person_name("欧阳明", ("ōu", "yáng", "míng")) == "Ouyang Ming"  # a compound surname
    assert person_name("吕方", ("lǚ", "fāng")) == "Lü Fang"
    assert person_name("学习", ("xué", "xí")) is None  # no surname: not a name
    assert "Zhang Wei" in gloss("张伟在谷歌工作。")


# --- segmentation and punctuation --------------------------------------------------------------------------

def test_unknown_compound_is_cut_into_the_longest_dictionary_words() -> None:
    from qwen_reader.core.translate.gloss import _text

    # 开源 is a word: not 开 "to open" + 源 "source"; what is left is glossed character by character.
    parts = _text("开源模型库", "開源模型庫", False, [])
    assert [(p.source, p.english) for p in parts] == [("开源", "open source"), ("模型", "model"), ("库", "warehouse")]
    assert words("他吃了饭。")["吃了饭"] == "to eat cooked rice"  # jieba's word, not in CC-CEDICT


def test_punctuation_is_english_and_never_glued_to_a_word() -> None:
    english = gloss("“你好，”他说，“我是新来的。”《三体》很好……")
    assert english.startswith("“hello,” he · to speak, “I ·")
    assert "…" in english and "……" not in english and "《" not in english
    for text in (english, gloss("他说：「好。」这个——那个。")):
        assert not re.search(r"[,.;:?!”][A-Za-z“]", text)  # a space after every closing mark
        assert not re.search(r"[“(]\s", text)


def test_seed_sentences_leave_no_chinese_in_the_english() -> None:
    sentences = [t for _, _, t in translatable(seed("000"))][:80] + [t for _, _, t in translatable(seed("002"))][:80]
    english = GlossEngine().translate(sentences)
    assert len(english) == len(sentences)
    assert [e for e in english if CJK.search(e)] == []
    assert GlossEngine.model_id != "gloss:cedict"  # the older gloss's cached English is not reused
