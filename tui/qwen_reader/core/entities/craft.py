"""Spacecraft, rockets, satellites and military aircraft named in Chinese news: the programmes' names with a
number and 号 (神舟十一号, 长征五号B, 天宫二号), the type codes of aircraft (运-20, 歼-20), and a name a writer gives
a craft before its kind (“龙”飞船, 天鹅座号飞船). The programmes are public knowledge of China's space industry."""

from __future__ import annotations

import re

from qwen_reader.core.entities.model import Candidate, EntityKind, Source

_PROGRAMMES = ("神舟|天宫|天舟|天和|问天|梦天|梦舟|揽月|嫦娥|玉兔|鹊桥|天问|祝融|长征|北斗|风云|实践|悟空|墨子|高分|"
               "遥感|天链|巡天|快舟|朱雀|谷神星|双曲线|力箭|捷龙|夸父|羲和|海洋|资源|张衡")
_NUMBER = r"[一二三四五六七八九十百零〇\d]{1,4}"
_PROGRAMME_CRAFT = re.compile(rf"(?:{_PROGRAMMES}){_NUMBER}号(?:[甲乙丙丁]|[A-G](?![A-Za-z]))?")
# Aircraft type codes: a dash is how news writes transport and helicopter codes (运-20, 直-20); fighters and
# early-warning aircraft also go without (歼20, 空警500), with two digits or more (共歼3万余人 is a verb and a count).
_AIRCRAFT = re.compile(r"(?<![A-Za-z\d-])(?:(?:运|直|攻|武直|轰)-\d{1,2}|歼-?\d{2}|空警-?\d{3,4})[A-Z]?"
                       r"(?![\d年月日天个次架余多万千百%％.])")
# Quoted slogans stand before 卫星 and 火箭 too (“十四五”卫星互联网): a quoted name needs a craft's own kind
# (and 号 alone names ships and trains as well: “泰坦尼克”号 is no craft of ours).
_QUOTED_KIND = r"号?(?:货运|载人|无人)?(?:飞船|空间实验室|空间站|探测器|月球车|火星车)"
# A quoted name before its kind (“龙”飞船, “天鹅座”号飞船), or an unquoted one with 号 after a clause's edge.
_QUOTED_CRAFT = re.compile(rf"[“「『\"]([^“”「」『』\"，。；：！？、\s\d]{{1,12}})[”」』\"]{_QUOTED_KIND}")
_NAMED_CRAFT = re.compile(r"(?:(?<=[的、，。：；“「（(\s和与及])|^)([\u4e00-\u9fff]{1,5}号)"
                          r"(?=(?:货运|载人|无人)?(?:飞船|探测器|月球车|火星车|运载火箭|火箭|卫星))")
# 号 after these is a count, an order or a model in general (这号, 头号, 一号, 多个型号): no craft's name.
_NOT_A_NAME = re.compile(r"^(?:这|那|头|一|二|同|该|本|此|哪|多少|几|多|新|各|第)|型号$")


def spacecraft_and_aircraft(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in (*_PROGRAMME_CRAFT.finditer(text), *_AIRCRAFT.finditer(text)):
        out.append(_product(text, m.start(), m.end()))
    for m in (*_QUOTED_CRAFT.finditer(text), *_NAMED_CRAFT.finditer(text)):
        if not _NOT_A_NAME.match(m.group(1)) and not _PROGRAMME_CRAFT.fullmatch(m.group(1)):
            out.append(_product(text, m.start(1), m.end(1)))
    return out


def _product(text: str, start: int, end: int) -> Candidate:
    return Candidate(start, end, EntityKind.PRODUCT, f"product:{text[start:end]}", None, Source.RULES)
