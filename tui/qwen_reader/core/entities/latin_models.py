"""Latin-script model names no list holds: a run of Latin words with a model code in it (Ryzen AI PRO 300,
Core Ultra 7 165U, Quest 3S, ThinkPad X1 Carbon Gen 13 Aura Edition), a run right after its maker (英特尔Lunar
Lake, Intel Arc Xe2), or a run its context calls a product (代号「Strix Point」, Touch Plus 处理器).
A maker written first stays a mention of its own (Lenovo + IdeaPad Slim 5x), as the annotation guidelines say."""

from __future__ import annotations

import re

from qwen_reader.core.entities.identity import slug
from qwen_reader.core.entities.model import Candidate, EntityKind, Source, overlaid
from qwen_reader.core.entities.rules import GENERIC_LATIN, STANDARDS

# A word may carry a trademark sign (OwlPay® Wallet Pro, Artix™ UltraScale+™): part of the name as written.
_WORD = r"[A-Za-z0-9][A-Za-z0-9+\-.]*(?<![.\-])[®™]?"
_RUN = re.compile(rf"(?<![A-Za-z0-9+\-.]){_WORD}(?: {_WORD})*")
_TOKEN = re.compile(_WORD)
# Words that end a model's name on its right: nouns of kind and acronyms of technology (Oryon CPU).
_TAILS = frozenset({"Pro", "Max", "Plus", "Ultra", "Mini", "Lite", "Flash", "Turbo"})
_NOT_TAIL = GENERIC_LATIN - _TAILS - {"5G", "4G", "6G"}
# First words of numbered things that are no models: ranks, steps, parts, and technical standards, which the
# annotation guidelines leave untagged (Top 20, Tier 1, Wi-Fi 7, OpenGL ES 2.0).
_NOT_FIRST_WORDS = ("Top Tier Level Step Phase Part Type Class Grade Stage Day Vol Chapter Section Round Wave Gen "
                    "Version Rev Release Series Figure Fig Table Page Token Tokens")
_NOT_FIRST = frozenset(_NOT_FIRST_WORDS.split()) | STANDARDS
# A year names an event's edition (Meta Connect 2024, IFA 2024), not a model.
_YEAR = re.compile(r"(?:19|20)\d\d")
# What calls the run before it a product: its kind (Snapdragon X Plus处理器, Lunar Lake笔电).
_PRODUCT_AFTER = re.compile(r"[」』”\"]?\s?(?:处理器|芯片|晶片|平台|手机|笔电|笔记本|显卡|显示卡|眼镜|头显|耳机|手表|"
                            r"平板|相机|镜头|软件|软体|机型|新机|系列|元件|器件|产品线|产品组合|CPU|GPU|NPU|SoC|FPGA)")
_PRODUCT_BEFORE = re.compile(r"(?:芯片|晶片|处理器|软件|软体|应用|笔电|笔记本|显卡|代号|型号|机型|新机|眼镜|"
                             r"解决方案|方案|系列)[「『“\"]?\s?$")
# What after the run says it is a technique, a standard or an architecture (Zen 5 CPU架构), not a model.
_NOT_PRODUCT_AFTER = re.compile(r"[」』”\"]?\s?(?:[A-Z]{2,5}\s?)?(?:架构|标准|规格|认证|制程|协议|指令集)")
_BLOCKING = frozenset({EntityKind.PERSON, EntityKind.ORG, EntityKind.PLACE})
_DOMAIN = re.compile(r"\.(?:com|cn|net|org|io|tw|hk)\b|www\.")
_ORG_HEADS = frozenset({"University", "College", "Institute", "Foundation", "Bank", "Group", "Inc", "Company",
                        "Corporation", "Association", "Hospital", "School", "Society", "Council", "Agency"})


def _has_lower(word: str) -> bool:
    return any(c.islower() for c in word)


def _is_code(word: str, last: bool = False) -> bool:
    """A model code (300, 165U, 3S, XR2, X before a word); not a year, nor a dimension (2.5D is a packaging
    technique's); a single letter last is an initial (Lisa S), not a model."""
    if re.fullmatch(r"\d+(?:\.\d+)?D", word) or _YEAR.fullmatch(word) or (last and word.isalpha() and len(word) == 1):
        return False
    return any(c.isdigit() for c in word) or re.fullmatch(r"[A-Z]", word) is not None


def _may_end(word: str, count: int) -> bool:
    """Whether a model's name may end in this word: not a noun of kind (CPU, AI), nor an upper-case word
    after the name (Oryon CPU), unless it is a code (XR2) or a model's tail (Pro, Max)."""
    if word in _NOT_TAIL:
        return False
    return _has_lower(word) or _is_code(word) or word in _TAILS or count == 1


def _maker_before(text: str, start: int, chosen: list[Candidate]) -> bool:
    return any(c.kind == EntityKind.ORG and (c.end == start or (c.end == start - 1 and text[c.end] == " "))
               for c in chosen)


def model_names(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Add the model names of the paragraph; they replace the shorter products, figures and rule-made names
    they cover (ThinkPad in ThinkPad X1 Carbon, 300 in Ryzen AI PRO 300)."""
    if not any(c.isascii() and c.isalpha() for c in text):
        return chosen
    owner = {}
    for c in chosen:
        for i in range(c.start, c.end):
            owner[i] = c
    found: list[Candidate] = []
    for run in _RUN.finditer(text):
        words = [(m.start(), m.end()) for m in _TOKEN.finditer(text, run.start(), run.end())]
        if any(_YEAR.fullmatch(text[s:e]) for s, e in words):
            continue
        # The maker written first (Intel, Lenovo, Meta) stays its own mention.
        maker = False
        while words and (c := owner.get(words[0][0])) is not None and c.kind == EntityKind.ORG \
                and c.start == words[0][0] and c.end <= words[0][1] + 1 and c.end >= words[0][1]:
            words.pop(0)
            maker = True
        while words and not _may_end(text[words[-1][0]:words[-1][1]], len(words)):
            words.pop()
        if not words:
            continue
        start, end = words[0][0], words[-1][1]
        first = text[words[0][0]:words[0][1]]
        maker = maker or _maker_before(text, start, chosen)
        single = maker and re.fullmatch(r"[A-Z]", first) is not None and len(words) > 1  # 高通X Elite
        if first in GENERIC_LATIN or first in _NOT_FIRST or not (single or (
                _has_lower(first) and len(first) >= 3 and first[0].isalpha() and not first.islower())):
            continue  # 35mm, anxious for46: a measure, or English prose
        if _DOMAIN.search(text, start, end) or text[words[-1][0]:words[-1][1]] in _ORG_HEADS:
            continue  # kongzhong.com; Charles Darwin University is a body
        if any((c := owner.get(i)) is not None and c.kind in _BLOCKING
               and (c.kind != EntityKind.ORG or c.source != Source.RULES) for i in range(start, end)):
            continue  # a company, person or place inside: not one model's name (Google DeepMind, Deirdre O'Brien)
        if _NOT_PRODUCT_AFTER.match(text, end):
            continue
        coded = any(_is_code(text[s:e], k == len(words) - 1) for k, (s, e) in enumerate(words) if k)
        # A product already read at the start, with more capitalised words after it (OwlPay® Wallet Pro).
        line = owner.get(start)
        edition = len(words) > 1 and line is not None and line.kind == EntityKind.PRODUCT and line.start == start \
            and line.end < end and all(text[s:e][:1].isupper() or _is_code(text[s:e]) for s, e in words[1:])
        context = bool(_PRODUCT_AFTER.match(text, end)) or bool(_PRODUCT_BEFORE.search(text[max(0, start - 6):start]))
        if not (coded or context or edition or (maker and len(words) > 1) or single):
            continue
        if text[end - 1] in "®™":
            end -= 1  # OwlPay® alone is OwlPay; the sign stays inside a longer name as written
        name = text[start:end]
        existing = owner.get(start)
        if existing is not None and existing.start == start and existing.end == end \
                and existing.kind == EntityKind.PRODUCT:
            continue  # already read whole, with the list's identity
        found.append(Candidate(start, end, EntityKind.PRODUCT, f"product:{slug(name)}", name, Source.RULES))
    return overlaid(chosen, found) if found else chosen


# Words for a kind of product that name one only with their brand (Apple Pencil, Samsung Pay, Surface Dial,
# Google Photos): the brand and the word are one product, where a model's own name stands apart from its maker.
_KIND_NOUN = re.compile(r" ?(?:Pay|Pencil|Watch|Phone|Pad|Buds|Pods|Band|Glass|Glasses|Dial|Pen|Keyboard|Mouse|"
                        r"TV|Maps|Photos|Drive|Play|Wallet|Assistant|Lens|Translate|Speaker|Arc)(?![A-Za-z0-9])")
# An aircraft's type: Airbus's and Boeing's by the word for an aircraft after them (A330客机, B737 MAX飞机), the
# Chinese makers' by their codes alone (C919, ARJ21), which nothing else is called.
_AIRCRAFT = re.compile(r"(?<![A-Za-z0-9])(?:(?:A3[0-9]{2}(?:neo|-\d{3,4})?|B?7[0-8]7(?: ?MAX(?: ?\d)?)?)"
                       r"(?=\s?(?:客机|飞机|机型|宽体|窄体|客货机|机队))|C919|C929|ARJ21)(?![A-Za-z0-9])")


def brand_products(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A brand written in Latin letters with a word for a kind of product, and an aircraft's type."""
    found: list[Candidate] = []
    for c in chosen:
        if c.kind not in (EntityKind.ORG, EntityKind.PRODUCT) or not text[c.start:c.end].isascii() \
                or not text[c.start:c.start + 1].isupper():
            continue
        m = _KIND_NOUN.match(text, c.end)
        if m is not None:
            name = text[c.start:m.end()]
            found.append(Candidate(c.start, m.end(), EntityKind.PRODUCT, f"product:{slug(name)}", name, c.source))
    taken = [(c.start, c.end) for c in chosen]
    for m in _AIRCRAFT.finditer(text):
        if not any(s < m.end() and m.start() < e and (s, e) != m.span() for s, e in taken):
            found.append(Candidate(m.start(), m.end(), EntityKind.PRODUCT, f"product:{slug(m.group())}", m.group(),
                                   Source.RULES))
    return overlaid(chosen, found) if found else chosen
