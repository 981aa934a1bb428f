"""Dates, times, numbers, money, percentages and counted things in Chinese text, said in English.

`find(text)` returns the spans it recognises with their English: 3月4日 -> "March 4", 7352万 -> "73.52 million",
22550元 -> "22,550 yuan", 2亿美元 -> "$200 million", 90.2% -> "90.2%", 三个月 -> "three months", 第一 -> "first".
Chinese numerals count only beside a unit (一起, 统一 and 三星 are words, not numbers).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ORDINAL_WORDS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth")

_ARABIC = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_ARABIC_GROUPED = r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?"
_CHINESE = r"[零〇一二两兩三四五六七八九十百千]+"
_NUM = rf"(?:{_ARABIC_GROUPED}|{_ARABIC}|{_CHINESE})"
_BIGS = r"(?:[万萬亿億]+)"

# Currency: (symbol before, word after). 元 and 块 are yuan; 人民币 before a number is glossed as a word.
_CURRENCY = {
    "美元": ("$", ""), "美金": ("$", ""), "欧元": ("€", ""), "歐元": ("€", ""), "英镑": ("£", ""), "英鎊": ("£", ""),
    "港元": ("HK$", ""), "港币": ("HK$", ""), "港幣": ("HK$", ""), "日元": ("", "yen"), "日圓": ("", "yen"),
    "元": ("", "yuan"), "块": ("", "yuan"), "塊": ("", "yuan"), "人民币": ("", "yuan"), "人民幣": ("", "yuan"),
}
# Counted things: unit -> English (singular, plural). Plain classifiers (个, 家, 位…) leave just the number.
_DURATIONS = {
    "个月": ("month", "months"), "個月": ("month", "months"), "年": ("year", "years"), "天": ("day", "days"),
    "小时": ("hour", "hours"), "小時": ("hour", "hours"), "分钟": ("minute", "minutes"),
    "分鐘": ("minute", "minutes"), "秒钟": ("second", "seconds"), "秒鐘": ("second", "seconds"),
    "周": ("week", "weeks"), "週": ("week", "weeks"), "星期": ("week", "weeks"), "岁": ("year old", "years old"),
    "歲": ("year old", "years old"), "倍": ("time", "times"), "次": ("time", "times"),
}
_DAY_PARTS = frozenset(("上午", "下午", "晚上", "凌晨", "早上", "中午", "傍晚"))
_CLASSIFIERS = "个個名位家款项項件种種条條台臺篇张張只隻本部支座所场場份批轮輪代期"

# Scraped text often puts spaces between a number and its unit ("3 月 5 日"): _S allows them.
_S = r"[ \u00a0\u3000]?"
_YEAR = r"[0-9０-９]{4}|[零〇一二三四五六七八九]{4}"
_PATTERNS = [
    ("date", re.compile(rf"(?:(?P<year>{_YEAR}){_S}年{_S})?(?P<month>{_NUM}){_S}月"
                        rf"(?:{_S}(?P<day>{_NUM}){_S}[日号號])?")),
    ("year", re.compile(rf"(?P<year>{_YEAR}){_S}年(?!代)")),
    ("time", re.compile(rf"(?P<hour>{_ARABIC}|{_CHINESE}){_S}[点點时時]"
                        rf"(?:{_S}(?P<minute>{_ARABIC}|{_CHINESE}|半){_S}分?)?(?![钟鐘]|[0-9０-９])")),
    ("percent", re.compile(rf"(?P<num>{_ARABIC_GROUPED}|{_ARABIC})\s*[%％]|百分之(?P<cn>{_NUM})")),
    ("money", re.compile(rf"(?P<num>{_NUM}){_S}(?P<big>{_BIGS})?{_S}(?P<unit>美元|美金|欧元|歐元|英镑|英鎊|港元|港币|"
                         r"港幣|日元|日圓|人民币|人民幣|元|块|塊)")),
    ("ordinal", re.compile(rf"第{_S}(?P<num>{_NUM})")),
    ("count", re.compile(rf"(?P<num>{_NUM}){_S}(?P<big>{_BIGS})?{_S}"
                         r"(?P<unit>个月|個月|小时|小時|分钟|分鐘|秒钟|秒鐘|星期|[年天周週岁歲倍次])")),
    # 两日, 三日: days (a day of the month is written in digits, after its month).
    ("days", re.compile(rf"(?P<num>{_CHINESE})日")),
    ("classified", re.compile(rf"(?P<num>{_NUM}){_S}(?P<big>{_BIGS})?{_S}(?P<unit>[{_CLASSIFIERS}])")),
    # Bare 万/亿 after Arabic digits only: 千万 alone is mostly the adverb "be sure to".
    ("big", re.compile(rf"(?P<num>{_ARABIC_GROUPED}|{_ARABIC}){_S}(?P<big>{_BIGS})")),
    ("arabic", re.compile(rf"{_ARABIC_GROUPED}|{_ARABIC}")),
]


class Span(NamedTuple):
    start: int
    end: int
    english: str


def _ascii(text: str) -> str:
    return text.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(",", "")


def chinese_value(text: str) -> int | None:
    """一百零五 -> 105, 二十三 -> 23, 十 -> 10, 二〇二四 -> 2024 (digit by digit when there are no units)."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    if not any(ch in _CN_UNITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def value(text: str) -> Decimal | None:
    if not text:
        return None
    if text[0] in _CN_DIGITS or text[0] in _CN_UNITS:
        number = chinese_value(text)
        return None if number is None else Decimal(number)
    try:
        return Decimal(_ascii(text))
    except InvalidOperation:
        return None


def _big(text: str | None) -> int:
    factor = 1
    for ch in text or "":
        factor *= _BIG[ch]
    return factor


def _plain(number: Decimal) -> str:
    """22550 -> "22,550"; 3.50 -> "3.5"."""
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


def say(number: Decimal, *, words: bool = False) -> str:
    """73520000 -> "73.52 million"; with `words`, 0-10 as words ("three")."""
    if words and number == number.to_integral_value() and 0 <= number <= 10:
        return _WORDS[int(number)]
    for size, name in ((Decimal(10**12), "trillion"), (Decimal(10**9), "billion"), (Decimal(10**6), "million")):
        if abs(number) >= size:
            scaled = (number / size).quantize(Decimal("0.001")).normalize()
            return f"{_plain(scaled)} {name}"
    return _plain(number)


def ordinal(number: Decimal) -> str:
    n = int(number)
    if 0 <= n <= 10:
        return _ORDINAL_WORDS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _english(kind: str, m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if kind == "date":
        month, day, year = value(groups["month"]), value(groups["day"] or ""), value(groups["year"] or "")
        if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        text = _MONTHS[int(month) - 1] + (f" {int(day)}" if day is not None else "")
        if year is not None:
            text += f", {int(year)}" if day is not None else f" {int(year)}"
        return text
    if kind == "year":
        year = value(groups["year"])
        return None if year is None else str(int(year))
    if kind == "time":
        hour = value(groups["hour"])
        minute_text = groups["minute"]
        minute = Decimal(30) if minute_text == "半" else value(minute_text or "")
        if hour is None or hour != hour.to_integral_value() or not 0 <= hour <= 24:
            return None
        if minute is None:  # "3点" alone is as often "3 points": only after a part of the day
            before = m.string[max(0, m.start() - 2):m.start()]
            return f"{int(hour)} o'clock" if before in _DAY_PARTS and m.group(0)[-1] in "点點" else None
        return f"{int(hour)}:{int(minute):02d}" if 0 <= minute < 60 else None
    if kind == "percent":
        number = value(groups["num"] or groups["cn"] or "")
        return None if number is None else f"{_plain(number)}%"
    if kind in ("money", "count", "classified", "big"):
        number = value(groups["num"])
        if number is None:
            return None
        number *= _big(groups.get("big"))
        chinese = groups["num"][0] in _CN_DIGITS or groups["num"][0] in _CN_UNITS
        if kind == "money":
            before, after = _CURRENCY[groups["unit"]]
            return f"{before}{say(number)}" + (f" {after}" if after else "")
        if kind == "count":
            if groups["unit"] == "年" and number >= 1000:
                return None  # a year: the "year" pattern's business
            singular, plural = _DURATIONS[groups["unit"]]
            return f"{say(number, words=chinese)} {singular if number == 1 else plural}"
        return say(number, words=chinese)
    if kind == "days":
        number = value(groups["num"])
        return None if number is None else f"{say(number, words=True)} {'day' if number == 1 else 'days'}"
    if kind == "ordinal":
        number = value(groups["num"])
        return None if number is None or number != number.to_integral_value() else ordinal(number)
    if kind == "arabic":
        number = value(m.group(0))
        # Bare digits stay as written (years, model versions); only grouping and full-width forms change.
        return None if number is None else _ascii(m.group(0)) if "," not in m.group(0) else _plain(number)
    return None


def find(text: str) -> list[Span]:
    """Non-overlapping spans, leftmost first; at one position the first pattern that reads wins."""
    taken = [False] * len(text)
    spans: list[Span] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            # Never start inside a run of numerals or a Latin word (Qwen3, the 一 of 统一 is part of a word),
            # nor end inside a Latin word (3D).
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            latin_before = before.isascii() and (before.isalpha() or before in ".-_") and before != ""
            if before.isdigit() or before in _CN_DIGITS or latin_before or (after.isascii() and after.isalpha()):
                continue
            english = _english(kind, m)
            if english is None:
                continue
            spans.append(Span(m.start(), m.end(), english))
            for i in range(m.start(), m.end()):
                taken[i] = True
    return sorted(spans)
