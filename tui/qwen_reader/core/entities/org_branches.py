"""A branch named by its address is one organisation with its company (the annotation guidelines tag a
brokerage's or a shop's branch whole): a brokerage seat in a trading list (光大证券宁波中山西路, 华泰证券荣超商务中心),
a bank's or a shop's branch (招商银行广州天河路支行), a shop in quotes with its branch (“口口香（刘家窑店）”)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qwen_reader.core.entities.model import Candidate, EntityKind, Source, overlaid, taken

# How an address part ends: a road, a street, a building.
_ADDRESS_END = re.compile(r"(?:大道|[东南西北中]?路|街|商务中心|大厦|广场)$")
# Function words no road's name holds (干将路, 将军路 keep 将, which FUNCTION_CHARS lists).
_NOT_IN_ROAD = "的了在是和与及或也都就还又而但并被把从向对以其之这那个们说称为会要可已曾等各"
# An address part no list holds (荣超商务中心, 淮海中路): a few characters up to its end, no function word.
_BARE_ADDRESS = re.compile(rf"([^\W\d_{_NOT_IN_ROAD}A-Za-z]{{1,6}}?)(?:大道|[东南西北中]?路|街|商务中心|大厦|广场)")
_BUILDING_END = re.compile(r"(?:商务中心|大厦|广场)$")
# What may follow the address: the branch's own noun, or the end of a list item.
_BRANCH_NOUN = re.compile(r"(?:证券)?营业部|支行|分行|分理处|门店|店")
_ITEM_ENDS = re.compile(r"$|[、，。；：！？,;:!?）)」”』\s]|等")
# A shop with its branch in brackets, the whole in quotes.
_QUOTED_SHOP = re.compile(r"[“「『\"]([^“”「」『』\"\n（）()]{2,14}[（(][^（）()\n]{1,8}店[）)])[”」』\"]")


def branches(chosen: Sequence[list[Candidate]], texts: Sequence[str], common: frozenset[str]) -> None:
    """Organisations followed by an address, and quoted shops with a branch, made whole (in place).
    `common`: everyday words, which name no road (酒吧 + 街)."""
    for i, (candidates, text) in enumerate(zip(chosen, texts, strict=True)):
        found = [*_addressed(text, candidates, common), *_quoted_shops(text)]
        if found:
            chosen[i][:] = overlaid(candidates, found)


def _addressed(text: str, candidates: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    places_at = {c.start: c for c in candidates if c.kind == EntityKind.PLACE}
    used = taken(len(text), candidates)
    out: list[Candidate] = []
    for c in candidates:
        if c.kind != EntityKind.ORG:
            continue
        end, addressed = c.end, False
        for _ in range(4):  # a city, a district, a road: a few parts at most
            place = places_at.get(end)
            if place is not None:
                end = place.end
                addressed = addressed or bool(_ADDRESS_END.search(text, place.start, place.end))
                continue
            bare = _BARE_ADDRESS.match(text, end)
            if bare is None or any(used[bare.start():bare.end()]):
                break  # 入驻 + 杭州大厦: the building is no branch's address
            if end == c.end and (bare.group(1) in common or bare.group(1)[:2] in common
                                 or not _BUILDING_END.search(bare.group())):
                break  # 走弯路, 酒吧 + 街 right after a name; a road needs its city first (宁波 + 中山西路)
            end, addressed = bare.end(), True
        if not addressed:
            continue  # 阿里巴巴杭州: a company and a city, no branch
        noun = _BRANCH_NOUN.match(text, end)
        if noun is not None:
            end = noun.end()
        elif not _ITEM_ENDS.match(text, end):
            continue
        out.append(Candidate(c.start, end, EntityKind.ORG, f"org:{text[c.start:end]}", None, c.source))
    return out


def _quoted_shops(text: str) -> list[Candidate]:
    return [Candidate(m.start(1), m.end(1), EntityKind.ORG, f"org:{m.group(1)}", None, Source.RULES)
            for m in _QUOTED_SHOP.finditer(text)]
