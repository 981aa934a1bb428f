"""Media outlets named by how a report cites them: a title in 《》 that reports or is quoted, an outlet in
its dateline or byline (全景网3月23日讯, 华龙网-新重庆客户端讯), an outlet that gave an interview."""

from __future__ import annotations

import re

from qwen_reader.core.entities.model import Candidate, EntityKind, Source

# A title in 《》 that reports, is quoted or is spoken to is a media outlet (据《棱镜》报道, 告诉《财经》).
_MEDIA = re.compile(r"《([^《》\n]{2,10})》")
_MEDIA_BEFORE = re.compile(r"(?:据|对|向|告诉|接受|根据|援引|引述|引用|转引自|来源[:：]?|期刊|杂志|刊物|报纸|周刊|"
                           r"月刊|学报)\s?$")
_MEDIA_AFTER = re.compile(r"\s?(?:报道|报导|表示|了解|获悉|记者|援引|引述|指出|发文|社论|评论|专访|采访|消息|调查|"
                          r"杂志|期刊|周刊|月刊|频道|"
                          r"刊文|刊登|披露|称)")
# The last words of titles of laws, reports and documents, which name no outlet (nor a game: quoted.py).
DOCUMENT_WORDS = (r"法|条例|报告|规定|办法|意见|通知|纲要|决定|规划|计划|白皮书|指南|方案|协议|公约|声明|宣言|"
                  r"论坛|高峰|标准")
_NOT_MEDIA = re.compile(DOCUMENT_WORDS)


# An outlet in its dateline or byline: 全景网3月23日讯, 中新网讯, 央广网布拉格3月30日消息：, （全景网/陈丹蓉）.
# Papers are left to their titles: a reporter's name runs into 本报讯 and 晚报讯 (冯兰蔺晚报讯).
_DATELINE = re.compile(r"(?:^|(?<=[\s　（(【\[]))([\u4e00-\u9fff]{2,6}?(?:网|社|新闻))"
                       r"(?:[-—－]([\u4e00-\u9fff]{2,8}?)客户端)?"
                       r"(?:(?:[\u4e00-\u9fff]{2,4}?)?\d{1,2}月\d{1,2}日)?(?:(?:美股|港股|科技|财经)?讯|电|消息[：:，,])"
                       r"|(?<=[（(])([\u4e00-\u9fff]{2,6}?(?:网|社|报|台))(?=/)")


_QUOTING = re.compile(r"综合|据|援引|转引|转自|来源|本报|特约")


def datelines(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _DATELINE.finditer(text):
        group = 1 if m.group(1) else 3
        start, end = m.span(group)
        if m.group(2):  # 华龙网-新重庆客户端讯: the outlet and its news app (客户端 is the generic head)
            out.append(Candidate(m.start(2), m.end(2), EntityKind.PRODUCT, f"product:{m.group(2)}", None,
                                 Source.RULES))
        lead = _QUOTING.match(text, start, end)
        start = lead.end() if lead else start  # 综合新华社: compiled from Xinhua
        if end - start >= 3:
            out.append(Candidate(start, end, EntityKind.ORG, f"org:{text[start:end]}", None, Source.RULES))
    return out


# An outlet named by the interview it gave (接受天空新闻(Sky News)采访, 接受央视记者采访).
_INTERVIEW = re.compile(r"接受([\u4e00-\u9fff]{2,8}?)(?:记者)?"
                        r"(?:\s?[（(]([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})[)）])?(?:的)?(?:专访|采访|访问)")
_NOT_AN_OUTLET = re.compile(r"媒体|本报|记者|笔者|我们|外媒|多家|各家|有关|相关|警方|调查|询问|治疗|检查|审查|"
                            r"本次|此次|这次|当地|电话|书面|视频|网络|现场")


def interviews(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _INTERVIEW.finditer(text):
        start, end = m.span(1)
        start += text.startswith("了", start)  # 接受了新华社独家专访
        end -= 2 if text.endswith("独家", start, end) else 0
        if end - start < 2 or _NOT_AN_OUTLET.search(text, start, end):
            continue
        out.append(Candidate(start, end, EntityKind.ORG, f"org:{text[start:end]}", None, Source.RULES))
        if m.group(2):
            out.append(Candidate(m.start(2), m.end(2), EntityKind.ORG, f"org:{text[start:end]}", None,
                                 Source.RULES))
    return out


# An outlet a report cites by its reporter or its report (向蓝鲸新闻记者反馈, 据硬AI报道, 据华尔街见闻消息).
_CITED = re.compile(r"(?<![方走倾面导转指意志趋去])(?:向|告诉)([\u4e00-\u9fffA-Za-z]{2,8}?)记者|"
                    r"(?:据|综合)([\u4e00-\u9fffA-Za-z]{2,8}?)(?:记者|报道|报导|消息|文章|获悉|了解到)")
# Words after an outlet's name that are no part of it (商务部网站, 新蛋网内部, 小米官微).
_CITED_TAIL = re.compile(r"(?:网站|官网|官微|官博|微博|公众号|内部|最新|方面)$")
# What is no outlet's name: a writer's own paper, a reporter's own doing (记者从工信部), people and sides, groups
# of outlets or bodies joined (路透社和彭博社), kinds of data, a clause (他展示了新华社).
_NOT_CITED = re.compile(r"^(?:而|另|据|根据|本|该|此|其|各|多|有关|相关|知情|接近|业内|外媒|官方|公开|最新|官媒|"
                        r"港媒|台媒|海外|国外|国内|记者|笔者|小编|前来|今年|去年)|"
                        r"(?:人士|人|方面|方|者|们|部门|机构|媒体|官员|分析师|专家|研究|数据|统计|调查|报告|记者|"
                        r"资料|信息|平台|网友|公司|企业|政府|人员|处)$|[的了从向在和与及、他她我你]")


def cited(text: str, common: frozenset[str], places: frozenset[str]) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _CITED.finditer(text):
        group = 1 if m.group(1) else 2
        start, end = m.span(group)
        tail = _CITED_TAIL.search(text, start, end)
        end = tail.start() if tail else end
        name = text[start:end]
        if len(name) < 2 or name in common or name in places or _NOT_CITED.search(name):
            continue
        out.append(Candidate(start, end, EntityKind.ORG, f"org:{name}", None, Source.RULES))
    return out


def media_titles(text: str) -> list[Candidate]:
    out: list[Candidate] = list(datelines(text)) + interviews(text)
    for m in _MEDIA.finditer(text):
        title = m.group(1)
        if _NOT_MEDIA.search(title):
            continue
        if _MEDIA_BEFORE.search(text, max(0, m.start() - 5), m.start()) or _MEDIA_AFTER.match(text, m.end()):
            out.append(Candidate(m.start(1), m.end(1), EntityKind.ORG, f"org:{title}", None, Source.RULES))
    return out
