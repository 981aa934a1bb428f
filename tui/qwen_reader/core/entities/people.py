"""Rules for people the segmentation cuts or no surname marks: a name right after a word that announces a
person (50岁女子孙秀芸, where the segmentation reads 女 / 子孙 / 秀芸), a transliterated name after an
office (WTO总干事拉米), and a pen name closing an article (木木 in a last "(木木)")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from qwen_reader.core.entities.model import Candidate, EntityKind, Source, is_han
from qwen_reader.core.entities.rules import TITLES, org_suffix_at_end

# Words that announce a person right after them: who the person is in a report (a victim, a driver, an age
# and a sex) or an office.
_ANNOUNCE = re.compile(r"(?:男子|女子|男士|女士|男童|女童|少年|少女|老翁|老妇|妇人|司机|乘客|死者|伤者|事主|疑犯|嫌犯|"
                       r"被告|证人|市民|居民|男生|女生|学生|警员|督察|高级督察|总督察|警司|警长|法官|检察官|总干事|"
                       r"秘书长|外务大臣|大臣|外长|首相|国务卿|议长|总统|总理|主席|部长|发言人|记者|编辑|教授|"
                       r"董事长|总经理|执行长|总裁|创办人|创始人)")
_ANNOUNCED = re.compile(f"{_ANNOUNCE.pattern}$")
# Characters that end a byline's credit, not a name (裴鑫摄: photographed by 裴鑫).
_NOT_LAST = frozenset("摄讯报文图")
# Offices whose holders are often foreigners written by transliteration.
_OFFICE = re.compile(r"(?:总干事|秘书长|外务大臣|大臣|外长|首相|国务卿|议长|总统|总理|主席|部长|发言人|大使|执行长|"
                     r"首席执行官|CEO|总裁|教授)$")
# What may follow a name: punctuation, a conjunction, speech, a verb of the report.
_AFTER_NAME = re.compile(r"[，。、；：！？,;:!?()（）\s“”]|和|及|与|说|表示|称|指出|认为|就|在|等|也|则|已|被|向|对|"
                         r"受伤|死亡|身亡|送|报警|涉嫌|因|当场|亦|随即|遂|仍|曾|$")


def announced(text: str, start: int) -> bool:
    """Whether a word announcing a person stands right before `start` (市民 before 龙锋)."""
    return _ANNOUNCED.search(text, max(0, start - 6), start) is not None


def cued_names(text: str, surnames: frozenset[str], plausible: Callable[[str], bool],
               common: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """Surname + one or two characters right after an announcing word, ending where a name ends; neither the
    name nor its given name is an everyday word (女子连声, 司机师傅, 记者裴鑫摄 are not names)."""
    for m in _ANNOUNCE.finditer(text):
        start = m.end()
        if start >= len(text) or text[start] not in surnames:
            continue
        for size in (3, 2):
            name = text[start:start + size]
            if len(name) != size or not is_han(name) or name in common or name[1:] in common \
                    or name[-1] in _NOT_LAST:
                continue
            if _AFTER_NAME.match(text, start + size) and plausible(name):
                yield Candidate(start, start + size, EntityKind.PERSON, f"person:{name}", None, Source.RULES)
                break


def transliterated(text: str, letters: frozenset[str], known: frozenset[str]) -> Iterator[Candidate]:
    """A name of two to four transliteration characters right after an office (总干事拉米, 外长布林肯)."""
    for office in _OFFICE_ANYWHERE.finditer(text):
        start = office.end()
        end = start
        while end < len(text) and end - start < 4 and text[end] in letters:
            end += 1
        for stop in range(end, start + 1, -1):
            name = text[start:stop]
            if len(name) >= 2 and _AFTER_NAME.match(text, stop) and name not in known:
                yield Candidate(start, stop, EntityKind.PERSON, f"person:{name}", None, Source.RULES)
                break


_OFFICE_ANYWHERE = re.compile(_OFFICE.pattern.rstrip("$"))
# A pen name closing an article: "(木木)" at a paragraph's end.
_BYLINE = re.compile(r"[(（]([\u4e00-\u9fff]{2,3})[)）]\s*$")
_NOT_BYLINE = re.compile(r"[报网社讯版稿图续完题摄文译编组]|[路街道区市县楼村镇站]$")


def byline(text: str, common: frozenset[str], known: frozenset[str]) -> Iterator[Candidate]:
    m = _BYLINE.search(text)
    if m is None:
        return
    name = m.group(1)
    if name in common or name in known or _NOT_BYLINE.search(name):
        return
    yield Candidate(m.start(1), m.end(1), EntityKind.PERSON, f"person:{name}", None, Source.RULES)




# A two- or three-character name padded with a space, as bylines print them: 记者 徐 飞, (杨 磊).
_SPACED = re.compile(r"(?:记者|作者|通讯员|编辑|摄影|[(（□【])\s*([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff]{1,2}?)"
                     r"(?=[)）】\s，。]|本报|报道|摄|$)")


def spaced_names(text: str, surnames: frozenset[str]) -> Iterator[Candidate]:
    for m in _SPACED.finditer(text):
        if m.group(1) in surnames:
            name = m.group(1) + m.group(2)
            yield Candidate(m.start(1), m.end(2), EntityKind.PERSON, f"person:{name}", None, Source.RULES)


# A person the report names by surname and sex (Taiwan and Hong Kong news: 賴女, 李男, 陳姓男子's short form),
# after a word that leaves room for a name and before one that ends it.
_BY_SEX = re.compile(r"(?:(?<=[的让与和及，、。：；「“\s])|(?<=^)|(?<=\d岁))([\u4e00-\u9fff])([男女])"
                     r"(?=[，。、；：！？」”\s]|家属|随即|将|则|也|仍|已|被|在|因|与|和|说|表示|称|指出|送|遭|向|对|的)")
# Surnames that are everyday function words, and characters that start a word with 男/女 (妇女, 少女, 子女).
_NOT_BY_SEX = frozenset("和与及于向从对在为以是也就都还又而但的了之其那这此每各某该有无不子少妇儿孙美侠处修舞")


def by_sex(text: str, surnames: frozenset[str]) -> Iterator[Candidate]:
    for m in _BY_SEX.finditer(text):
        surname = m.group(1)
        if surname in surnames and surname not in _NOT_BY_SEX:
            name = m.group(1) + m.group(2)
            yield Candidate(m.start(1), m.end(2), EntityKind.PERSON, f"person:{name}", None, Source.RULES)


_FOREIGN = re.compile(r"[\u4e00-\u9fff]{1,7}(?:[·•‧・][\u4e00-\u9fff]{1,9})+")
# A surname, a masking mark, a character: 叶×林 (names partly masked in court and accident reports).
_MASKED = re.compile(r"([\u4e00-\u9fff])[×Ｘ＊*○]([\u4e00-\u9fff])")
def masked_names(text: str, surnames: frozenset[str]) -> Iterator[Candidate]:
    for m in _MASKED.finditer(text):
        if m.group(1) in surnames:
            yield Candidate(m.start(), m.end(), EntityKind.PERSON, f"person:{m.group()}", None, Source.RULES)


_BEFORE_A_NAME = frozenset("的和与及是在对向从把被为")
_TITLE_IN = re.compile(rf"(?:{TITLES}|经理|大亨|富豪|首富|巨富|球星|影星|歌星|名模|天后|天王|宇航员|航天员|运动员|"
                       r"球员|演员|导演|歌手|选手|画家|作家|艺术家|主持人|模特)")


def foreign_names(text: str, transliteration: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """`马克·扎克伯格`: parts joined by `·`, each part kept to characters used in transliterated names (so
    `马克·扎克伯格也在` ends at 格)."""
    for m in _FOREIGN.finditer(text):
        start, end = m.start(), m.end()
        if transliteration:
            while start < end and text[start] not in transliteration:
                start += 1
            while end > start and text[end - 1] not in transliteration:
                end -= 1
            while start > m.start() and text[start - 1] in transliteration:
                start -= 1
            last_dot = max(text.rfind(d, start, end) for d in "·•‧・")
            stop = last_dot + 1
            while stop < end and text[stop] in transliteration:
                stop += 1
            end = stop
        first_dot = min((i for i in (text.find(d, start, end) for d in "·•‧・") if i >= 0), default=end)
        # The title is looked for from where the match began (联合创始人 + 杰克・多西): its last characters may
        # be letters of transliterations too (人).
        titles = list(_TITLE_IN.finditer(text, m.start(), first_dot))
        if titles:
            start = titles[-1].end()  # 基金经理 + 安·阿尔文: the title before the name is no part of it
        # 德国的 + 迈克尔•布兰德: a particle ends whatever came before the name; 多西 + 为公司: one after the
        # last part ends the name.
        start = max([start] + [i + 1 for i in range(start, first_dot) if text[i] in _BEFORE_A_NAME])
        last_dot = max(text.rfind(d, start, end) for d in "·•‧・")
        cut = next((i for i in range(last_dot + 3, end) if text[i] in _BEFORE_A_NAME), end)
        end = cut
        name = text[start:end]
        if len(name) < 3 or name[0] in "·•‧・" or name[-1] in "·•‧・":
            continue
        if org_suffix_at_end(name) or name.endswith(("公司", "集团")):
            continue
        yield Candidate(start, end, EntityKind.PERSON, f"person:{name}", None, Source.RULES)


# Mainland reports join a transliterated name's parts with a hyphen and give the name in Latin after it
# (克雷格-额拉姆（Craig Erlam）); a given name and a family name spaced in Latin say the Chinese one is a
# person's (Budapest-Belgrade, Rolls-Royce are joined by a hyphen there too).
_HYPHENED = re.compile(r"([\u4e00-\u9fff]{1,6})[-－‐]([\u4e00-\u9fff]{1,6})(?=\s?[（(][A-Z][a-z]+\s+[A-Z][a-z])")


def hyphened_names(text: str, transliteration: frozenset[str],
                   tokens: Sequence[tuple[str, int, int]]) -> Iterator[Candidate]:
    """`transliteration`: characters of transliterated names; `tokens`: the segmentation's words."""
    word_ending = {e: s for _, s, e in tokens}
    for m in _HYPHENED.finditer(text):
        if not all(ch in transliteration for ch in m.group(2)):
            continue
        # The first part: the word the segmentation reads before the hyphen (经济学家 + 保罗), and any
        # transliteration characters it cut off before it.
        start = word_ending.get(m.end(1), m.end(1) - 1)
        start = max(start, m.start(1))
        while start > m.start(1) and text[start - 1] in transliteration:
            start -= 1
        titles = list(_TITLE_IN.finditer(text, m.start(1), m.end(1)))
        if titles:
            start = max(start, titles[-1].end())  # 分析师 + 克雷格
        if m.end(1) - start >= 2:
            yield Candidate(start, m.end(), EntityKind.PERSON, f"person:{text[start:m.end()]}", None, Source.RULES)


# A surname and a form of address or an office is how a report refers to someone it does not name in full
# (陈校长, 温先生, 李女士, 赖太太): no name of its own, as the annotation guidelines say.
_ADDRESS = re.compile(r"(?:先生|女士|太太|小姐|夫人|老师|校长|师傅|阿姨|大爷|大妈|教授|医生|书记|主任|经理|老板|总|"
                      r"局长|院长|所长|市长|县长|警官|同学|老伯|伯伯|叔叔|婆婆|姐|哥|嫂|生)$")
_MASKED_SURNAME = re.compile(r"[\u4e00-\u9fff]某{1,2}")
# Time words the tagger reads into a name before them (陈克勤昨, 李梓敬昨晨) or alone (昨晨).
_TIME_TAIL = re.compile(r"(?:昨|今|昨晨|今晨|昨日|今日|昨晚|今晚)$")


def tidied(text: str, c: Candidate, surnames: frozenset[str]) -> Candidate | None:
    """A person's mention with what is no part of the name taken off; None where nothing of a name is left."""
    if c.kind != EntityKind.PERSON:
        return c
    name = text[c.start:c.end]
    if _MASKED_SURNAME.fullmatch(name):
        return None  # 杨某, 陈某某: the report keeps the name back, as the annotation guidelines leave it
    if len(name) == 2 and name[0] in "老小" and name[1] in surnames and c.source not in (Source.LIST, Source.CEDICT):
        return None  # 老王, 小李: a surname and a form of address, which the guidelines call no person (老舍 is)
    tail = _TIME_TAIL.search(name)
    if tail is not None:
        if tail.start() < 2:
            return None
        end = c.start + tail.start()
        return c._replace(end=end, id=f"person:{text[c.start:end]}")
    address = _ADDRESS.search(name)
    if address is not None and 1 <= address.start() <= 2 and name[:address.start()] in surnames | {name[0]}:
        return None
    if address is not None and address.start() >= 2 and len(address.group()) >= 2:
        end = c.start + address.start()  # 程天先生: the name is 程天; 胡总书记 leaves 胡总, read again
        return tidied(text, c._replace(end=end, id=f"person:{text[c.start:end]}"), surnames)
    if c.source in (Source.LAC, Source.TAGGER) and len(name) in (2, 3) and is_han(name) and (
            name[1] in _FUNCTION_SECOND or name[1:] in _VERB_GIVEN):
        return None  # 林说, 张则回, 张觉得: a surname, then what the report says that person did
    if c.source in (Source.LAC, Source.TAGGER, Source.RULES) and len(name) == 3 and is_han(name) \
            and name[2] in _VERB_LAST and _VERB_AFTER.match(text, c.end):
        end = c.end - 1  # 赵明自 2015 年, 王兴发内部信: the last character starts the verb after the name
        return c._replace(end=end, id=f"person:{text[c.start:end]}")
    if c.source in (Source.LAC, Source.TAGGER) and len(name) >= 3 \
            and _TITLE_END.search(text, max(0, c.start - 3), c.start + 1):
        start = c.start + 1  # 首席财务官 + 徐涛: the tagger took the title's last character into the name
        return c._replace(start=start, id=f"person:{text[start:c.end]}")
    return c


# A function word or a verb the tagger reads as a two-character name's second character (林说, 张则).
_FUNCTION_SECOND = frozenset("说则称指认亦也就都又却便曾将已与和及")
_VERB_GIVEN = frozenset({"觉得", "认为", "表示", "指出", "强调", "回应", "则回", "回复", "坦言", "直言", "透露"})
# A name's last character that starts a verb or preposition (王兴 + 发内部信, 赵明 + 自 2015 年, 吕庆 + 告上法庭).
_VERB_LAST = frozenset("发自告于在从向对称说")
_VERB_AFTER = re.compile(r"\s?\d|内部|上法庭|布|表(?!示)")
# A title's last character right before the name (首席财务官徐涛, 执行长陈某某).
_TITLE_END = re.compile(r"(?:财务官|执行官|技术官|运营官|营销官|执行长|财务长|营运长|董事长|会长|社长|局长|部长|署长)$")
