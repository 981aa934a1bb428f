"""Names in quotation or title marks that say what they are: a quoted body ending in an organisation's head
(“跨国议会对华政策联盟”, “八国联盟”), a quoted app or programme before the word for one (“COVID症状研究”App,
“健康码”小程序), and games in title marks where the words around call them games (手游《造物法则》,
《一统天下》、《刀剑如梦》等款游戏)."""

from __future__ import annotations

import re

from qwen_reader.core.entities.media import DOCUMENT_WORDS
from qwen_reader.core.entities.model import Candidate, EntityKind, Source

_ORG_HEAD = (r"联盟|协会|委员会|基金会|公司|集团|组织|联合会|商会|学会|研究院|研究所|研究中心|银行|大学|学院|"
             r"党|工会|同盟|联合体|理事会")
# The quoted text: 3-16 characters of one name (no clause punctuation, no second quotation).
_QUOTED_ORG = re.compile(rf"[“「『\"]([^“”「」『』\"，。；：！？、\s]{{1,14}}(?:{_ORG_HEAD}))[”」』\"]")
# A generic word and a head in quotes (所谓的“国际联盟”) is a notion, not a body's name.
_GENERIC_BODY = re.compile(rf"(?:国际|全球|世界|地区|区域|战略|经济|政治|军事|新|大)(?:{_ORG_HEAD})$")
_APP_AFTER = r"(?:应用程序|应用|App|APP|app|软件|小程序|客户端)"
_QUOTED_APP = re.compile(rf"[“「『\"]([^“”「」『』\"，。；：！？、\s]{{2,16}})[”」』\"]"
                         rf"(?:\s?[（(][^（）()]{{1,40}}[)）])?\s?{_APP_AFTER}")
# Everyday words quoted for emphasis before 应用 (“智能”应用) are no app's name.
_NOT_AN_APP = re.compile(r"^(?:智能|数字|互联网|人工智能|AI|场景|行业|创新|落地|商业)$")


# A quoted name right after the word for an app, a game or an assistant is that product (个人智能体「AI Now」); after
# a field's word only a Latin name is (平台「Sharelo」): there quotation marks mostly stress a word, a nickname or an
# idiom (大模型「六小虎」, 芯片“卡脖子”, 平台“二选一”). 名为 says nothing (villages, stalls and studios are 名为 too).
_PRODUCT_WORD_BEFORE = re.compile(r"(?:App|APP|智能体|手游|小程序|应用程序)\s?$")
_LATIN_NAME_BEFORE = re.compile(r"(?:平台|应用|助手|品牌|软件|机型|新机|车型|芯片)\s?$")
_QUOTED = re.compile(r"[「『“]([^「」『』“”，。；：！？、\n]{2,16})[」』”]")
# What follows a quoted plan, campaign or slogan, which names no product (推出「以旧换新」计划).
_NOT_A_PRODUCT_AFTER = re.compile(r"\s?(?:计划|活动|政策|行动|方案|项目|战略|模式|理念|概念|口号|标准|体系|业务|板块|"
                                  r"时代|赛道|概念股|主题)")


def quoted_products(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _QUOTED.finditer(text):
        latin = any("A" <= ch <= "z" for ch in m.group(1))
        if (_PRODUCT_WORD_BEFORE.search(text, max(0, m.start() - 6), m.start())
                or (latin and _LATIN_NAME_BEFORE.search(text, max(0, m.start() - 6), m.start()))) \
                and not _NOT_A_PRODUCT_AFTER.match(text, m.end()) and not _NOT_AN_APP.match(m.group(1)):
            out.append(Candidate(m.start(1), m.end(1), EntityKind.PRODUCT, f"product:{m.group(1)}", None,
                                 Source.RULES))
    return out


# A quoted name a writer introduces and then calls a company or an app (一家名为「凌空天行」的商业航天公司).
# The words between may only say what kind (商业航天, 初创, 小): no verb, no place, nothing the name does.
_INTRODUCED = re.compile(r"(?:名为|叫做|名叫|取名为?|命名为)\s?[「『“《]"
                         r"([^「」『』“”《》，。；：！？、\n]{2,16})[」』”》]"
                         r"(?:的|这家|这个|这款)?(?:(?![在由走进被和与里上下开研到把从向])[\u4e00-\u9fffA-Za-z]){0,4}?"
                         r"(?:(公司|企业|创企|初创企业|品牌|厂商|集团)|(应用|App|APP|软件|游戏|小程序))"
                         r"(?!主题曲|音乐|原声|改编|电影|剧|管理|著作)")


def quoted_names(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _INTRODUCED.finditer(text):
        kind = EntityKind.ORG if m.group(2) else EntityKind.PRODUCT
        if kind == EntityKind.ORG and text[m.start(1) - 1] == "《":
            continue  # 名为《从优秀到卓越》的企业管理著作: a title names a work, not a company
        out.append(Candidate(m.start(1), m.end(1), kind, f"{kind}:{m.group(1)}", None, Source.RULES))
    for m in _QUOTED_ORG.finditer(text):
        if _GENERIC_BODY.match(m.group(1)):
            continue
        out.append(Candidate(m.start(1), m.end(1), EntityKind.ORG, f"org:{m.group(1)}", None, Source.RULES))
    for m in _QUOTED_APP.finditer(text):
        if not _NOT_AN_APP.match(m.group(1)):
            out.append(Candidate(m.start(1), m.end(1), EntityKind.PRODUCT, f"product:{m.group(1)}", None,
                                 Source.RULES))
    return out


_TITLE_RUN = re.compile(r"《[^《》\n]{1,14}》(?:(?:[、和与及]|以及)?《[^《》\n]{1,14}》)*")
# The words that call the titles games: just before them (手游《X》, 游戏方面，《X》), or in the words right
# after them (《X》、《Y》等款游戏, 《X》《Y》一批次新游, 《X》和《Y》二季度两款游戏).
_GAME_BEFORE = re.compile(r"(?:手游|游戏|新游|新作|新产品|产品|代理|独家代理|冒险手游)(?:方面)?[:：，,]?$")
_GAME_AFTER = re.compile(r"[^，。；！？\n《]{0,6}?(?:款|个|部|批次?)(?:新)?(?:游戏|手游|新游)|(?:等)?(?:游戏|手游)")


# Or a clause that names games and then lists them (公布了10款手游产品，包括自主研发的《X》《Y》).
# (Not where other works are named between: 由游戏改编的电视剧包括《X》.)
_GAME_CLAUSE = re.compile(r"(?:手游|游戏|新游)(?:(?!电视剧|电影|剧集|小说|动画|版号|歌曲|主题曲)"
                          r"[^。；！？《》\n]){0,20}?"
                          r"(?:包括|包含|例如|比如|分别是|分别为|有)[^。；！？《》，\n]{0,8}$")
# Titles of laws and rules are no games whatever the clause says (游戏版号审批的依据有《出版管理条例》).
_RULE_TITLE = re.compile(rf"(?:{DOCUMENT_WORDS})$")


def games(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for run in _TITLE_RUN.finditer(text):
        if not (_GAME_BEFORE.search(text, max(0, run.start() - 6), run.start()) or _GAME_AFTER.match(text, run.end())
                or _GAME_CLAUSE.search(text, max(0, run.start() - 40), run.start())):
            continue
        for title in re.finditer(r"《([^《》\n]{1,12})》", run.group()):
            if _RULE_TITLE.search(title.group(1)):
                continue
            start, end = run.start() + title.start(1), run.start() + title.end(1)
            out.append(Candidate(start, end, EntityKind.PRODUCT, f"product:{text[start:end]}", None, Source.RULES))
    return out
