"""Short model codes (P7, G9, L6, M9, C11): a letter or two and a number name a car, a phone or a chip only in
a context that says so, since the same shape is a driving level (L4), a quarter (Q3), a half (H1), a summit
(G20) or a block (A1区). A code is a model in the whole document where the document writes it after a maker
(小鹏 P7, where 小鹏 may be known as a company only once the whole document is read), lists it with another
model (P5、G9 等新车型), or writes it before the word for a model (G9 车型, L9 入门款)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.model import Candidate, EntityKind, Source, taken

_CODE = re.compile(r"(?<![A-Za-z0-9\-.+])[A-Z]{1,2}\d{1,3}[a-z+]?(?: (?:Pro|Max|Ultra|Plus|Compact|EV|PHEV|Mini))?"
                   r"(?![A-Za-z0-9\-.])")
# Codes of another kind even after a company's name: quarters and halves of a year (小米 Q3 财报), kinds of
# player (昂达 MP4).
_PERIOD = re.compile(r"Q[1-4]|H[12]|MP[345]|FY\d+")  # MP4: a kind of player, no model; FY26: a fiscal year
# What follows a code of a block, a level, a count, a share class, a summit or a job grade (A1区, L4级, B2栋,
# G20峰会, 阿里P9高管).
_NOT_MODEL_AFTER = re.compile(r"\s?(?:[区栋座号楼层室级股类轮期届次组位排款式队版%]|峰会|高管|员工|工程师|职级|"
                              r"专家|总监|经理|驾照|联赛|赛季|航班|指数|数据|增速|余额|同比|环比)")
_MODEL_WORD_AFTER = re.compile(r"\s?(?:等)?(?:新)?(?:车型|机型|轿车|SUV|入门款|顶配|手机|新车|系列|芯片|处理器|"
                               r"上市|交付|车主|订单|增程版|纯电版|标准版)")
# A maker, then a word for a new model (蔚来新ES8, 小鹏全新P7), then the code.
_NEW_BETWEEN = re.compile(r"(?:全新|新款|新一代|新)\s?")
_LIST_JOIN = re.compile(r"\s?(?:、|和|及|与|/)\s?")


def model_after(text: str, end: int) -> bool:
    """A model's code right after `end`, maybe past a space (小鹏 P7i, 理想L6), and no block or quarter."""
    m = _CODE.match(text, end + (text[end:end + 1] == " "))
    return m is not None and not _PERIOD.fullmatch(m.group()) and not _NOT_MODEL_AFTER.match(text, m.end())


def model_codes(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """In place: add the document's short model codes that a context makes models, at every occurrence."""
    models: set[str] = {texts[i][c.start:c.end] for i, cs in enumerate(chosen) for c in cs
                        if c.kind == EntityKind.PRODUCT and _CODE.fullmatch(texts[i][c.start:c.end])}
    free: list[list[re.Match[str]]] = []
    for candidates, text in zip(chosen, texts, strict=True):
        used = taken(len(text), candidates)
        codes = [m for m in _CODE.finditer(text) if not any(used[m.start():m.end()])
                 and not _PERIOD.fullmatch(m.group()) and not _NOT_MODEL_AFTER.match(text, m.end())]
        free.append(codes)
        makers = {c.end for c in candidates if c.kind in (EntityKind.ORG, EntityKind.PRODUCT)}
        makers |= {m.end() for end in list(makers) if (m := _NEW_BETWEEN.match(text, end))}
        for m in codes:
            if m.start() in makers or (m.start() - 1 in makers and text[m.start() - 1] == " ") \
                    or _MODEL_WORD_AFTER.match(text, m.end()):
                models.add(m.group())
    for codes, text in zip(free, texts, strict=True):
        changed = True
        while changed:  # P5、G9 等新车型: a code listed with a model is one too
            changed = False
            for a, b in pairwise(codes):
                if _LIST_JOIN.fullmatch(text[a.end():b.start()]) and (a.group() in models) != (b.group() in models):
                    models.update((a.group(), b.group()))
                    changed = True
    if not models:
        return
    for candidates, codes in zip(chosen, free, strict=True):
        added = [Candidate(m.start(), m.end(), EntityKind.PRODUCT, f"product:{slug(m.group())}", m.group(),
                           Source.CONSISTENCY) for m in codes if m.group() in models]
        if added:
            candidates.extend(added)
            candidates.sort()


# A series' letters, a space and a model's number (RTX 4090, GTX 1080 Ti, RX 7900 XTX): a graphics card or a chip.
_SERIES_MODEL = re.compile(r"(?<![A-Za-z0-9\-.])([A-Z]{2,5}) (\d{3,5})(?: ?(?:Ti|SUPER|Super|XTX|XT|Pro|Max|Ultra))?"
                           r"(?![A-Za-z0-9\-.])")
# Standards and codes written the same way, which name no product (ISO 9001, GB 2312, COVID 19).
_NOT_SERIES = frozenset({"ISO", "GB", "EN", "IEC", "IEEE", "ANSI", "DIN", "COVID", "SARS", "MERS", "HK", "NT", "US",
                         "USD", "RMB", "HKD", "NTD", "EUR", "JPY", "CNY", "GBP", "TWD", "AD", "BC", "NO", "ID", "FY",
                         "GDP", "CPI", "PMI", "PPI", "TOP", "VIP", "DJI", "NYSE", "NASDAQ", "FTSE", "CSI", "STOXX",
                         "KOSPI", "TOPIX", "SH", "SZ", "TW", "DAX", "CAC", "MSCI", "S&P"})


def series_models(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A series and its number where no mention stands (RTX 4090); not a standard, a currency or a year."""
    added: list[Candidate] = []
    for m in _SERIES_MODEL.finditer(text):
        if m.group(1) in _NOT_SERIES or (len(m.group(2)) == 4 and m.group(2)[:2] in ("19", "20")) \
                or _NOT_MODEL_AFTER.match(text, m.end()) or text.startswith(("年", "标准", "号"), m.end()):
            continue
        if any(c.start < m.end() and m.start() < c.end for c in chosen):
            continue
        added.append(Candidate(m.start(), m.end(), EntityKind.PRODUCT, f"product:{slug(m.group())}", m.group(),
                               Source.RULES))
    return sorted(chosen + added) if added else chosen
