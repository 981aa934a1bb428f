"""Names that run on into the words after them: a known organisation or place and its suffix (阿里巴巴集团,
深圳市住建局), a place and its facility (迪拜国际机场, 广州 + 南沙国际邮轮母港), a company and its business unit
(滴滴自动驾驶), a parent written with its unit (阿里达摩院)."""

from __future__ import annotations

import re

from qwen_reader.core.entities import orgs, rules
from qwen_reader.core.entities.gazetteer import broad_places
from qwen_reader.core.entities.model import Candidate, EntityKind, Source

# The businesses a company names a unit after (滴滴自动驾驶, 腾讯游戏, 京东物流, 阿里音乐, 华为云, 百度医疗, 华为终端);
# not its apps (腾讯视频 is a product).
_BUSINESS_UNIT = re.compile(r"(?:自动驾驶|游戏(?!机|厅|玩家|产品|业务)|物流|出行|智驾|金融(?!科技|业务|产品)|"
                            r"音乐(?!会|节|剧|厅|人|家)|影业|数娱|影视(?!城|基地)|体育(?!场|馆|赛事)|健康(?!码)|"
                            r"云(?![音服计存盘端上中])|医疗(?!器械|机构|服务|行业|领域|资源|保险|费用|改革|体系|美容|广告|数据)|"
                            r"终端(?!设备|产品|厂商|市场|用户))")
# Ports and airports carry their city in their name (广州南沙国际邮轮母港); roads and crossings do not
# (香港 + 元朗公路).
_PORT_END = re.compile(r"(?:机场|母港|客运港)$")


def extend_orgs(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A known organisation or place followed by an organisation suffix is one organisation (阿里巴巴集团 is
    Alibaba, 深圳市住建局 a body of its own, Qwen 团队 the team); a place followed by a facility is one place
    (迪拜国际机场); a parent written together with its unit is one organisation (阿里达摩院, 谷歌 DeepMind)."""
    out: list[Candidate] = []
    for i, c in enumerate(chosen):
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        if c.kind in (EntityKind.ORG, EntityKind.PLACE, EntityKind.PRODUCT):
            end = (rules.place_org_suffix_after if c.kind == EntityKind.PLACE else rules.org_suffix_after)(text, c.end)
            # 公司 alone after a known company is a generic head (苹果公司 is 苹果), unlike 有限公司 or 集团.
            generic_head = c.kind == EntityKind.ORG and text[c.end:end] == "公司"
            # 工党政府 is the government the party formed; the party is the name.
            generic_head = generic_head or (text[c.end - 1:c.end] == "党" and text[c.end:end].startswith("政府"))
            if end is not None and end <= next_start and not generic_head and (
                    c.kind != EntityKind.PRODUCT or text[end - 2:end] == "团队"):
                if c.kind == EntityKind.ORG:
                    c = c._replace(end=end)
                else:
                    c = Candidate(c.start, end, EntityKind.ORG, f"org:{text[c.start:end]}", None, c.source)
        unit = _BUSINESS_UNIT.match(text, c.end) if c.kind == EntityKind.ORG and c.source == Source.LIST else None
        if unit is not None and unit.end() <= next_start:
            # 滴滴 + 自动驾驶, 腾讯 + 游戏: a company's business written after it names its unit.
            c = Candidate(c.start, unit.end(), EntityKind.ORG, f"org:{text[c.start:unit.end()]}", None, c.source)
        if c.kind == EntityKind.PLACE:
            end = rules.facility_after(text, c.end)
            # 中国公园: a country before a park or a centre describes it (香港口岸, 香港国际机场 are names).
            described = text[c.start:c.end] in broad_places() and text[c.end:end] in ("公园", "中心", "广场", "大厦")
            if end is not None and end <= next_start and not described:
                # The city written before a district's facility is part of its name (广州 + 南沙国际邮轮母港).
                start = out.pop().start if out and out[-1].kind == EntityKind.PLACE and out[-1].end == c.start \
                    and _PORT_END.search(text, c.start, end) else c.start
                c = Candidate(start, end, EntityKind.PLACE, f"place:{text[start:end]}", None, c.source)
        if out and out[-1].kind == EntityKind.ORG and c.kind == EntityKind.ORG and _adjacent(text, out[-1], c) \
                and out[-1].source != Source.RULES and orgs.may_own(text, out[-1], c):
            parent = out.pop()
            c = Candidate(parent.start, c.end, EntityKind.ORG, c.id, c.english, c.source)
        out.append(c)
    return out


def _adjacent(text: str, a: Candidate, b: Candidate) -> bool:
    gap = text[a.end:b.start]
    return gap == "" or (gap == " " and (text[b.start].isascii() or text[a.end - 1].isascii()))
