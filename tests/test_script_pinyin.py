"""Script conversion (OpenCC) and word-level pinyin."""

import pytest

from conftest import seed
from qwen_reader.core.text.model import Script
from qwen_reader.core.text.pinyin import pinyin_line, readings
from qwen_reader.core.text.script import CONVERSIONS, available_conversions, changed_positions, convert, detect_script


@pytest.mark.parametrize(
    ("text", "expected"),
    [("银行", "yín háng"), ("行动", "xíng dòng"), ("重庆", "chóng qìng"), ("的确", "dí què"),
     ("林俊旸", "lín jùn yáng")],
)
def test_polyphones_read_by_word(text: str, expected: str) -> None:
    assert pinyin_line(text) == expected


def test_readings_keep_syllables_tied_to_characters() -> None:
    text = "他在银行工作,Qwen团队的行动很快。"
    for r in readings(text):
        assert text[r.start:r.start + len(r.word)] == r.word
        assert len(r.syllables) == len(r.word)
    words = [r.word for r in readings("林俊旸在通义实验室")]
    assert "林俊旸" in words


def test_all_offered_conversions_exist_and_convert() -> None:
    assert set(available_conversions()) == set(CONVERSIONS)
    assert convert("阿里巴巴宣布成立新的事业群", "s2t") == "阿里巴巴宣佈成立新的事業羣"
    assert convert("阿里巴巴宣佈成立新的事業群", "t2s") == "阿里巴巴宣布成立新的事业群"
    assert convert("软件", "s2twp") == "軟體"
    with pytest.raises(ValueError, match="unknown conversion"):
        convert("中", "x2y")


def test_converting_a_seed_switches_its_script() -> None:
    traditional = "".join(p.text for p in seed("000").paragraphs)
    simplified = convert(traditional, "t2s")
    assert detect_script(traditional) is Script.TRADITIONAL
    assert detect_script(simplified) is Script.SIMPLIFIED
    assert detect_script(convert(simplified, "s2t")) is Script.TRADITIONAL
    assert changed_positions("事業群", "事业群") == [1]
