import pytest

from qwen_reader.core.text.segment import split_sentences


def texts(paragraph: str) -> list[str]:
    return [s.text for s in split_sentences(paragraph)]


def test_sentences_end_at_chinese_terminators_with_closers() -> None:
    expected = ["他说：“好。”", "然后走了！", "真的？", "是的；", "对…", "结束"]
    assert texts("他说：“好。”然后走了！真的？是的；对…结束") == expected


@pytest.mark.parametrize("token", ["3.5", "Qwen3.5", "Qwen 3.5", "2.03亿", "90.2%", "DeepSeek-V2", "e.g."])
def test_numbers_and_names_are_never_split(token: str) -> None:
    paragraph = f"这是{token}的例子。第二句。"
    assert texts(paragraph) == [f"这是{token}的例子。", "第二句。"]


def test_english_quotation_stays_inside_the_chinese_sentence() -> None:
    p = "“me stepping down. bye my beloved qwen.”北京时间3月4日凌晨,林俊旸留下的这句告别刷屏。下一句。"
    assert texts(p)[0] == "“me stepping down. bye my beloved qwen.”北京时间3月4日凌晨,林俊旸留下的这句告别刷屏。"
    q = "他写道“are you ok? yes! fine.”然后离开。"
    assert texts(q) == [q]


def test_ascii_question_mark_before_a_letter_does_not_split() -> None:
    assert texts("旗艦?zāi)P偷介_源生態的戰略。") == ["旗艦?zāi)P偷介_源生態的戰略。"]
    assert texts("谁来接棒?据报道,他来。") == ["谁来接棒?", "据报道,他来。"]


def test_offsets_point_into_the_paragraph_and_concatenate_back() -> None:
    p = "第一句。 第二句！  第三句"
    sentences = split_sentences(p)
    assert "".join(s.text for s in sentences) == p
    for s in sentences:
        assert p[s.start:s.end] == s.text
    assert [s.text for s in sentences] == ["第一句。 ", "第二句！  ", "第三句"]


def test_ellipsis_run_is_one_terminator() -> None:
    assert texts("等等……然后呢？") == ["等等……", "然后呢？"]


def test_empty_paragraph_has_no_sentences() -> None:
    assert split_sentences("") == ()
