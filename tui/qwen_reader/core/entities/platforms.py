"""A platform's name is an organisation where the brand acts and a product where the platform is meant, as
the annotation guidelines say (天猫联合蜂鸟推出 is the company, 苹果天猫旗舰店 the shopping platform): the words
around a listed Chinese name decide, whatever kind the list gives it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qwen_reader.core.entities.model import Candidate, EntityKind, Source, is_han

# What says the platform is meant: goods land on it, people use it, its pages, accounts and shops.
# (通过, 用户 and App are left out: 通过工行网银, 苹果用户 mean the company, 苹果App Store its product.)
_PLATFORM_BEFORE = re.compile(r"(?:登陆|登录|入驻|上架到|下载|打开|字节版|海外版|国际版)$")
_PLATFORM_AFTER = re.compile(r"^(?:页面|平台上|客户端|小程序|直播间|店铺|旗舰店|商城|阅读量|热搜|官方账号|海外版|"
                             r"国际版|极速版|留言|贴文|专页|粉专|粉丝页|帖子|账号|帐号|"
                             r"上(?!市|班|涨|调|半|午|任|台|述|年|月|周|海|演|线|榜))")
# 在 X 上 / 在 X 下单: people do something on the platform (not 在 X 上市 / 上班, where the company is meant).
_ON_AFTER = re.compile(r"^(?:上(?!市|班|涨|调|半|午|任|台|述|年|月|周|海|演)|中(?:表示|称|写道|发文|透露|回应)|"
                       r"购买|下单|观看|搜索|开店|发帖|直播|售卖|销售|贴出|贴文|发文|留言)")
# Words joining names in a list (在抖音、快手和B站观看): the list shares the words around it.
_JOIN = re.compile(r"[、，,]?(?:和|及|与|或|以及)?|[、，,]")
# What says the brand acts: it speaks, decides, answers, owns.
_ACTOR_AFTER = re.compile(r"^(?:表示|宣布|称|回应|回复|推出|达成|方面|公司|集团|创始人|CEO|总裁|负责人|股价|财报|旗下|"
                          r"未对|做|联合|携手|发布了|发布公告)")


def kinds_in_context(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """Re-read each listed Chinese organisation or product name by its context (in place)."""
    for candidates, text in zip(chosen, texts, strict=True):
        bounds = _list_bounds(candidates, text)
        for i, c in enumerate(candidates):
            if c.source != Source.LIST or c.kind not in (EntityKind.ORG, EntityKind.PRODUCT) \
                    or not any(is_han(ch) for ch in text[c.start:c.end]):
                continue
            start, end = bounds[(c.start, c.end)]
            before, after = text[max(0, start - 3):start], text[end:end + 5]
            own_after = text[c.end:c.end + 5]
            platform = _PLATFORM_BEFORE.search(before) or _PLATFORM_AFTER.match(after) \
                or (before.endswith("在") and _ON_AFTER.match(after))
            if c.kind == EntityKind.ORG and platform and not _ACTOR_AFTER.match(own_after):
                candidates[i] = c._replace(kind=EntityKind.PRODUCT)
            elif c.kind == EntityKind.PRODUCT and _ACTOR_AFTER.match(own_after):
                candidates[i] = c._replace(kind=EntityKind.ORG)


def _list_bounds(candidates: Sequence[Candidate], text: str) -> dict[tuple[int, int], tuple[int, int]]:
    """Where the list of names holding each organisation or product starts and ends (its own span when it stands
    alone): names joined by nothing but a joining word are one list. One pass over the names in order."""
    spans = sorted({(c.start, c.end) for c in candidates if c.kind in (EntityKind.ORG, EntityKind.PRODUCT)})
    bounds: dict[tuple[int, int], tuple[int, int]] = {}
    group: list[tuple[int, int]] = []
    for span in spans:
        if group and not (group[-1][1] < span[0] and _JOIN.fullmatch(text, group[-1][1], span[0])):
            bounds.update((g, (group[0][0], group[-1][1])) for g in group)
            group = []
        group.append(span)
    bounds.update((g, (group[0][0], group[-1][1])) for g in group)
    return bounds
