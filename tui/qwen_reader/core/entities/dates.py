"""Dates and figures, with normalised values as their ids (`date:2026-03-04`, `figure:2e8 USD`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qwen_reader.core.entities.model import Candidate, EntityKind, Source

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_NUM = r"(?:\d+(?:[,，]\d{3})*(?:\.\d+)?)"
_CN_NUM = r"[〇零一二两三四五六七八九十百千]+"
_PART_OF_DAY = r"(?:凌晨|清晨|早上|早间|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|深夜|当晚|当天)"
# 中 after a year is its middle (2018年中), not the first character of a name (2018年中国, 年中央, 年中芯国际).
_MIDDLE = r"中(?![国央华共方文资芯心部东西南北美日韩欧港台外小大学医企铁石海兴航金信电])"
_SEASON = rf"(?:春季|夏季|秋季|冬季|春|夏|秋|冬|初|底|末|{_MIDDLE}|年初|年底|年末|年中|上半年|下半年|前后)"
_RELATIVE_YEAR = r"(?:今年|去年|明年|前年|后年|同年|当年|本年)"

_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s?年"
    rf"(?:\s?(?P<m>\d{{1,2}}|{_CN_NUM})\s?月(?:\s?(?P<d>\d{{1,2}}|{_CN_NUM})\s?[日号])?)?"
    rf"|(?P<ry>{_RELATIVE_YEAR})(?:(?P<rm>\d{{1,2}}|{_CN_NUM})月(?:(?P<rd>\d{{1,2}})[日号])?)?"
    rf"|(?P<m2>\d{{1,2}}|{_CN_NUM})\s?月\s?(?P<d2>\d{{1,2}}|{_CN_NUM})\s?[日号]"
    rf"|(?P<m3>\d{{1,2}})月(?=[初底中末份]))"
    rf"(?:\s?(?P<season>{_SEASON}))?(?:\s?(?P<part>{_PART_OF_DAY}))?"
    rf"(?:\s?(?P<clock>\d{{1,2}}[:：]\d{{2}}|\d{{1,2}}[点時时](?:\d{{1,2}}分|半)?))?"
)
_QUARTER = re.compile(r"(?:(?P<y>\d{4})\s?年)?\s?(?:第(?P<q>[一二三四1-4])季度|(?P<q2>Q[1-4]))")

_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
_CURRENCY = {"美元": "USD", "美金": "USD", "元": "CNY", "人民币": "CNY", "元人民币": "CNY", "港元": "HKD",
             "港币": "HKD", "新台币": "TWD", "台币": "TWD", "日元": "JPY", "欧元": "EUR", "英镑": "GBP",
             "韩元": "KRW"}
_UNITS = ("个百分点|百分点|倍|台|部|家|名|位|人|件|款|辆|套|户|笔|张|个|项|次|岁|天|小时|分钟|秒|GB|TB|MB|"
          "nm|纳米|平方米|平米|公里|千米|米|吨|公斤|英寸|寸|毫安时|mAh|W|瓦|帧|Hz|GHz|token|tokens")
# A number starts where its run of digits starts: trying every digit of a long run again made a line of digits
# quadratic (20,000 digits took 53 s).
_FIGURE = re.compile(
    rf"(?<!\d)(?<!\d,)(?P<num>{_NUM}|[〇零一二两三四五六七八九十百千]*[〇零一二两三四五六七八九][〇零一二两三四五六七八九十百千]*(?=[万亿]))\s?"
    rf"(?:(?P<pct>%|％)|(?P<mag>万亿|千万|百万|亿|万|千)?\s?(?P<cur>元人民币|美元|美金|人民币|港元|港币|新台币|台币|日元|欧元|"
    rf"英镑|韩元|元)|(?P<mag2>万亿|千万|百万|亿|万)(?P<unit2>{_UNITS})?|(?P<size>[BMK])(?![A-Za-z])|(?P<unit>{_UNITS}))"
    rf"|(?P<pre>(?:US)?\$|￥|¥|NT\$|HK\$)\s?(?P<num2>{_NUM})\s?(?P<mag3>亿|万|[BMK]|billion|million)?"
)


def _cn_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if all(c in _CN_DIGITS for c in text) and len(text) > 1:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, 0
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c == "十":
            section += (digit or 1) * 10
            digit = 0
        elif c == "百":
            section += digit * 100
            digit = 0
        elif c == "千":
            section += digit * 1000
            digit = 0
        else:
            return None
    return total + section + digit


def _date_value(m: re.Match[str]) -> str:
    g = m.groupdict()
    year = _cn_int(g["y"]) if g["y"] else None
    month = g["m"] or g["rm"] or g["m2"] or g["m3"]
    day = g["d"] or g["rd"] or g["d2"]
    parts = [f"{year:04d}" if year is not None else ({"今年": "this-year", "去年": "last-year", "明年": "next-year",
                                                       "前年": "year-2", "后年": "year+2"}.get(g["ry"] or "",
                                                                                            "year") if g["ry"]
                                                      else "")]
    if month:
        mv = _cn_int(month)
        parts.append(f"{mv:02d}" if mv is not None else month)
    if day:
        dv = _cn_int(day)
        parts.append(f"{dv:02d}" if dv is not None else day)
    value = "-".join(p for p in parts if p)
    for extra in (g["season"], g["part"]):
        if extra:
            value += f" {extra}"
    return value


def dates(text: str) -> Iterator[Candidate]:
    for m in _DATE.finditer(text):
        if m.end() - m.start() < 2:
            continue
        yield Candidate(m.start(), m.end(), EntityKind.DATE, f"date:{_date_value(m)}", None, Source.RULES)
    for m in _QUARTER.finditer(text):
        q = m.group("q") or m.group("q2")[1]
        q = str(_cn_int(q))
        value = f"{m.group('y')}-Q{q}" if m.group("y") else f"Q{q}"
        yield Candidate(m.start(), m.end(), EntityKind.DATE, f"date:{value}", None, Source.RULES)


def _number(text: str) -> float | None:
    text = text.replace(",", "").replace("，", "")
    try:
        return float(text)
    except ValueError:
        value = _cn_int(text)
        return float(value) if value is not None else None


def _fmt(value: float) -> str:
    return f"{value:.15g}"


def figures(text: str) -> Iterator[Candidate]:
    for m in _FIGURE.finditer(text):
        g = m.groupdict()
        start, end = m.start(), m.end()
        if g["pre"]:
            value = _number(g["num2"]) or 0.0
            mag = g["mag3"]
            value *= {"亿": 1e8, "万": 1e4, "B": 1e9, "billion": 1e9, "M": 1e6, "million": 1e6,
                      "K": 1e3}.get(mag or "", 1)
            unit = {"￥": "CNY", "¥": "CNY", "NT$": "TWD", "HK$": "HKD"}.get(g["pre"], "USD")
            yield Candidate(start, end, EntityKind.FIGURE, f"figure:{_fmt(value)} {unit}", None, Source.RULES)
            continue
        value = _number(g["num"])
        if value is None:
            continue
        # A number glued to Latin letters or digits before it is part of a name (Qwen3, GPT-5, H100).
        if start > 0 and re.match(r"[A-Za-z\-]", text[start - 1]):
            continue
        if g["pct"]:
            value_id = f"{_fmt(value)}%"
        elif g["cur"]:
            value_id = f"{_fmt(value * _MAGNITUDE.get(g['mag'] or '', 1))} {_CURRENCY[g['cur']]}"
        elif g["mag2"]:
            value_id = f"{_fmt(value * _MAGNITUDE[g['mag2']])}" + (f" {g['unit2']}" if g["unit2"] else "")
        elif g["size"]:
            value_id = f"{_fmt(value * {'B': 1e9, 'M': 1e6, 'K': 1e3}[g['size']])} params"
        else:
            unit = g["unit"]
            # A bare count of years or days is a duration, not a figure worth a colour, unless large.
            if unit in ("年", "天", "个", "次", "名", "位", "人", "家", "岁", "秒", "小时", "分钟") and value < 100:
                continue
            value_id = f"{_fmt(value)} {unit}"
        yield Candidate(start, end, EntityKind.FIGURE, f"figure:{value_id}", None, Source.RULES)
