"""A company's Latin name right after the word for its kind (珠宝品牌popop, 游戏巨头EA, 人形机器人公司——Figure AI): the
way news introduces a company it does not expect its readers to know. The name must stand whole: nothing found there
already, no generic word (公司AI), and a clause's edge or a company's act right after it. A Chinese name there has no
edge a rule can see (卡牌公司卡游, but 对公司来说): it is left to the tagger. latin.context_names reads capitalised
names of three letters or more after the same words; this adds what its runs leave out: two letters (EA), lower
case after 品牌 (popop), a dash between (——Figure AI)."""

from __future__ import annotations

import re

from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Source, taken

# The word for a company's kind, maybe with a dash or a colon before the name.
_KIND = re.compile(r"(?:公司|企业|品牌|巨头|厂商|集团|组织|机构|创企|独角兽|车企|房企|药企|券商|媒体|工作室|新创|"
                   r"初创|运营商|开发商|供应商|制造商)(?:——|—|：|:)?\s?")
# Words that make the kind noun part of a phrase about the company already named (该公司, 这家公司, 母公司).
_DETERMINED = re.compile(r"(?:该|这家|那家|本|其|此|母|子|分|总|上市|旗下)(?:公司|企业|集团|品牌)(?:——|—|：|:)?\s?$")
# What may follow the name: a clause's edge, a joining word, or a company's act.
_AFTER = re.compile(rf"[，。、；：！？（()“”「」\s]|$|[与和及等的在也将已于{FUNCTION_CHARS}]|"
                    r"宣布|表示|发布|推出|正式|近日|日前|今日|今天|成立|获得|完成|首次|旗下|公布|联合|携手|正|仍|却|则|"
                    r"曾|已经")
# Offices and practices a company has, no company's name (公司HR, 企业ESG, 品牌VIP).
_OFFICES = frozenset({"HR", "PR", "IR", "IT", "ESG", "VIP", "DIY", "PPT", "OKR", "KPI", "CSR", "ERP", "CRM", "OA",
                      "SaaS", "logo", "Logo", "LOGO", "slogan", "App", "APP", "app"})
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.&'’+-]*(?: [A-Z][A-Za-z0-9.&'’+-]*){0,3}")


def apposed_companies(text: str, chosen: list[Candidate], generic_latin: frozenset[str]) -> list[Candidate]:
    """The chosen mentions and the companies named right after the word for their kind, where nothing stands."""
    used = taken(len(text), chosen)
    added: list[Candidate] = []
    for kind in _KIND.finditer(text):
        end_of_kind = kind.end()
        if _DETERMINED.search(text, max(0, end_of_kind - 8), end_of_kind):
            continue
        span = _latin(text, end_of_kind, generic_latin)
        if span is None or any(used[span[0]:span[1]]):
            continue
        start, end = span
        used[start:end] = b"\x01" * (end - start)
        added.append(Candidate(start, end, EntityKind.ORG, f"org:{slug(text[start:end])}", None, Source.RULES))
    return sorted(chosen + added) if added else chosen


def _latin(text: str, at: int, generic: frozenset[str]) -> tuple[int, int] | None:
    m = _LATIN_NAME.match(text, at)
    if m is None or (at and text[at - 1].isascii() and text[at - 1].isalnum()):
        return None
    name = m.group()
    if name in generic or name.split(" ")[0] in generic or name in _OFFICES \
            or (name.islower() and not text.startswith("品牌", at - 2)):
        return None  # 公司AI, 平台app: a word; a brand may write its name in lower case (品牌popop)
    if re.match(r" [A-Za-z0-9]", text[m.end():m.end() + 2]):
        return None  # 品牌la perla: a name in lower-case words goes on past where a rule can tell
    return (m.start(), m.end()) if _AFTER.match(text, m.end()) else None

