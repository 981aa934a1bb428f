"""A platform's name is an organisation where the brand acts and a product where the platform is meant, as
the annotation guidelines say (天猫联合蜂鸟推出 is the company, 苹果天猫旗舰店 the shopping platform): the words
around a listed Chinese name decide, whatever kind the list gives it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qwen_reader.core.entities.model import Candidate, EntityKind, Source, is_han

# What says the platform is meant: goods land on it, people use it, its pages, accounts and shops.
# (通过, 用户 and App are left out: 通过工行网银, 苹果用户 mean the company, 苹果App Store its product.)
_PLATFORM_BEFORE = re.compile(r"(?:登陆|登录|入驻|上架到|下载|打开)$")
_PLATFORM_AFTER = re.compile(r"^(?:页面|平台上|客户端|小程序|直播间|店铺|旗舰店|商城|阅读量|热搜|官方账号)")
# What says the brand acts: it speaks, decides, answers, owns.
_ACTOR_AFTER = re.compile(r"^(?:表示|宣布|称|回应|回复|推出|达成|方面|公司|集团|创始人|CEO|总裁|负责人|股价|财报|旗下|"
                          r"未对|做|联合|携手|发布了|发布公告)")


def kinds_in_context(chosen: Sequence[list[Candidate]], texts: Sequence[str]) -> None:
    """Re-read each listed Chinese organisation or product name by its context (in place)."""
    for candidates, text in zip(chosen, texts, strict=True):
        for i, c in enumerate(candidates):
            if c.source != Source.LIST or c.kind not in (EntityKind.ORG, EntityKind.PRODUCT) \
                    or not is_han(text[c.start:c.end]):
                continue
            before, after = text[max(0, c.start - 3):c.start], text[c.end:c.end + 5]
            if c.kind == EntityKind.ORG and (_PLATFORM_BEFORE.search(before) or _PLATFORM_AFTER.match(after)):
                candidates[i] = c._replace(kind=EntityKind.PRODUCT)
            elif c.kind == EntityKind.PRODUCT and _ACTOR_AFTER.match(after):
                candidates[i] = c._replace(kind=EntityKind.ORG)
