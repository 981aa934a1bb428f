"""Word-by-word English from CC-CEDICT: what every reader sees before installing a model (labelled a gloss).

Per sentence: numbers, dates and money are said in English (numbers.py); each word (jieba, read in context by
pypinyin) is looked up as written, traditional or simplified; the dictionary line is chosen by the word's
reading and, for a simplified word, by the traditional form OpenCC gives it in this sentence (后 "after" is
後, 后 "empress" is 后); the sense by how everyday its English is. Grammar particles are dropped, classifiers
after a number too; proper nouns give their English name; unknown names of people are romanised; other
unknown words are cut into the longest dictionary words. Punctuation becomes English punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from qwen_reader.core.translate import numbers
from qwen_reader.core.translate.cedict import Line, lexicon

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PAREN = re.compile(r"\s*\([^()]*\)")
_XREF = re.compile(r"(?:abbr\. (?:for|of)|see(?: also)?|same as|also written|variant of)\s+"
                   r"(?:[^\s|\[]+\|)?(?P<simplified>[^\s\[,]+)", re.IGNORECASE)
# Senses that say nothing about the word in running text.
_SKIP = re.compile(r"^(surname |(old |archaic |unofficial |erhua |japanese )?variant of|used in|CL:|also pr\.|"
                   r"also written|pr\. |Taiwan pr\.|\w+ of \w+\||\(onom\.\))", re.IGNORECASE)
_FICTION = re.compile(r"character (from|in)|mythology|legend|novel|fictional|opera", re.IGNORECASE)
# What follows a name in its description: corporate forms, kinds of places (腾讯 "Tencent Holdings Limited",
# 上海 "Shanghai municipality").
_CORPORATE = re.compile(r"(\s+(Holdings|Limited|Ltd\.?|Inc\.?|Co\.?|Corporation|Corp\.?|Group|Company|Technologies|"
                        r"municipality|province|prefecture|county|district|city|special administrative region))+$")
_NAME_WORDS = re.compile(r"[A-Z0-9][\w'.&-]*(?:\s+(?:(?:of|the|and|for|de|du|von)\s+)*[A-Z0-9][\w'.&-]*)*")
_FRAME = re.compile(r"\b(sb|sth|sb's|sth's)\b")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-_/'&]*[A-Za-z0-9+]|[A-Za-z0-9]")
_TONE_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}

# Chinese and ASCII punctuation -> (English, kind): "open" sticks to the next word, "close" to the previous.
_PUNCT: dict[str, tuple[str, str]] = {
    "，": (",", "close"), "、": (",", "close"), "。": (".", "close"), "．": (".", "close"), "；": (";", "close"),
    "：": (":", "close"), "？": ("?", "close"), "！": ("!", "close"), "）": (")", "close"), "”": ("”", "close"),
    "’": ("’", "close"), "」": ("”", "close"), "』": ("’", "close"), "》": ("”", "close"), "〉": ("’", "close"),
    "】": ("]", "close"), "…": ("…", "close"), "%": ("%", "close"), "％": ("%", "close"),
    ",": (",", "close"), ".": (".", "close"), ";": (";", "close"), ":": (":", "close"), "?": ("?", "close"),
    "!": ("!", "close"), ")": (")", "close"), "]": ("]", "close"),
    "（": ("(", "open"), "“": ("“", "open"), "‘": ("‘", "open"), "「": ("“", "open"), "『": ("‘", "open"),
    "《": ("“", "open"), "〈": ("‘", "open"), "【": ("[", "open"), "(": ("(", "open"), "[": ("[", "open"),
    "—": ("—", "dash"), "–": ("—", "dash"), "～": ("~", "dash"), "~": ("~", "dash"),
    "·": ("", "space"), "・": ("", "space"), "•": ("", "space"),
}


@dataclass(frozen=True)
class Piece:
    """One unit of the gloss: `source` is the Chinese (or other text) it stands for. Kinds: word, open, close,
    dash, space, and drop (a particle or classifier with no English of its own)."""

    source: str
    english: str
    kind: str = "word"


class GlossEngine:
    """The gloss as a translation engine: one string per sentence."""

    name = "gloss (CC-CEDICT)"
    model_id = "gloss:cedict-2"  # part of the cache key: English from the older gloss is not reused

    def translate(self, sentences: list[str]) -> list[str]:
        return [gloss(s) for s in sentences]


def gloss(sentence: str) -> str:
    return render(pieces(sentence))


def render(items: list[Piece]) -> str:
    """Words joined by " · "; punctuation attached as in English text, never glued to the next word."""
    out: list[str] = []
    last = ""
    for piece in items:
        if piece.kind in ("drop", "space") or (not piece.english and piece.kind != "space"):
            if piece.kind == "space" and last == "word":
                last = "space"
            continue
        if piece.kind == "word":
            if last == "word":
                out.append(" · ")
            elif last in ("close", "space", "dash") and out:
                out.append(" ")
            out.append(piece.english)
        elif piece.kind == "close":
            if not (piece.english == "…" and out and out[-1] == "…"):  # …… is one ellipsis
                out.append(piece.english)
        elif piece.kind == "open":
            if out and last != "open":
                out.append(" ")
            out.append(piece.english)
        elif piece.kind == "dash" and not (out and out[-1].strip() == piece.english):
            out.append(" " + piece.english if out else piece.english)
        last = piece.kind
    return "".join(out).strip()


def pieces(sentence: str) -> list[Piece]:
    from qwen_reader.core.text.pinyin import readings
    from qwen_reader.core.text.script import convert, script_counts

    simplified_only, traditional_only = script_counts(sentence)
    traditional = traditional_only > simplified_only
    # The traditional form of each simplified character, in this sentence's context (OpenCC's phrases).
    # Each character's traditional form in this sentence's context (OpenCC's phrases): for simplified text,
    # and for simplified characters left in traditional text (畢業后 -> 畢業後).
    other = convert(sentence, "s2t")
    other = other if len(other) == len(sentence) else sentence
    words = readings(sentence)
    lex = lexicon()
    # Numbers first, except Chinese numerals inside a longer dictionary word (一部分 "part", not "one").
    spans = []
    for span in numbers.find(sentence):
        inside = any(r.start <= span.start and span.end <= r.start + len(r.word) and len(r.word) > span.end - span.start
                     and r.word in lex and not sentence[span.start].isdigit() for r in words)
        if not inside:
            spans.append(span)
    covered = [False] * len(sentence)
    starts = {}
    for span in spans:
        starts[span.start] = span
        for i in range(span.start, span.end):
            covered[i] = True
    by_start = {r.start: r for r in words}
    out: list[Piece] = []
    pos = 0
    while pos < len(sentence):
        if pos in starts:
            span = starts[pos]
            out.append(Piece(sentence[span.start:span.end], span.english))
            pos = span.end
            continue
        reading = by_start.get(pos)
        if reading is not None and not any(covered[pos:pos + len(reading.word)]):
            end = pos + len(reading.word)
            out.extend(_word(reading.word, reading.syllables, other[pos:end], traditional, out))
            pos = end
            continue
        if reading is not None:
            # Part of the word is a number (3月 of 3月份): gloss the rest as text.
            end = pos + len(reading.word)
            stop = next((i for i in range(pos, end) if covered[i]), end)
            out.extend(_text(sentence[pos:stop], other[pos:stop], traditional, out, reading.syllables[:stop - pos]))
            pos = stop
            continue
        # Not a Chinese word: punctuation, Latin words, digits, spaces, up to the next word or number.
        stop = pos + 1
        while stop < len(sentence) and stop not in starts and stop not in by_start:
            stop += 1
        out.extend(_other(sentence[pos:stop], other[pos:stop], traditional, out))
        pos = stop
    return out


def _other(text: str, other: str, traditional: bool, before: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    i = 0
    quote_open = sum(1 for p in before if p.source == '"') % 2 == 1
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            out.append(Piece(ch, "", "space"))
            i += 1
        elif ch == '"':
            out.append(Piece(ch, "”" if quote_open else "“", "close" if quote_open else "open"))
            quote_open = not quote_open
            i += 1
        elif (m := _LATIN.match(text, i)) is not None:
            out.append(Piece(m.group(0), m.group(0)))
            i = m.end()
        elif ch in _PUNCT:
            english, kind = _PUNCT[ch]
            out.append(Piece(ch, english, kind))
            i += 1
        elif _HAN.match(ch):
            out.extend(_text(ch, other[i], traditional, before + out))
            i += 1
        else:
            out.append(Piece(ch, ch, "close" if unicodedata.category(ch).startswith("P") else "word"))
            i += 1
    return out


def _text(text: str, other: str, traditional: bool, before: list[Piece],
          syllables: tuple[str, ...] | None = None) -> list[Piece]:
    """Chinese text that is not one known word: the longest dictionary words, left to right."""
    if syllables is None:
        from qwen_reader.core.text.pinyin import readings

        syllables = tuple(s for r in readings(text) for s in r.syllables)
    if len(syllables) != len(text):
        syllables = tuple("" for _ in text)
    out: list[Piece] = []
    lex = lexicon()
    i = 0
    while i < len(text):
        for size in range(min(8, len(text) - i), 0, -1):
            part = text[i:i + size]
            if size == 1 or part in lex or other[i:i + size] in lex:  # longest dictionary word first
                out.extend(_word(part, syllables[i:i + size], other[i:i + size], traditional, before + out,
                                 split=False))
                i += size
                break
    return out


def _word(word: str, syllables: tuple[str, ...], other: str, traditional: bool, before: list[Piece], *,
          split: bool = True) -> list[Piece]:
    after_number = bool(before) and before[-1].kind == "word" and _is_number(before[-1])
    english, kind = _lookup(word, syllables, other, traditional, after_number, split)
    if kind == "drop":
        return [Piece(word, "", "drop")]
    if english:
        return [Piece(word, english)]
    if not _HAN.search(word):
        return [Piece(word, word)]
    name = person_name(word, syllables) or listed_name(word, syllables)
    if name is not None:
        return [Piece(word, name)]
    if split and len(word) > 1:
        parts = _text(word, other, traditional, before, syllables)
        english = " ".join(p.english for p in parts if p.kind == "word" and p.english)
        return [Piece(word, english)] if english else parts
    # A character no sense fits: its sound, so no Chinese is left in the English.
    return [Piece(word, "".join(_toneless(s) for s in syllables) or word)]


def _is_number(piece: Piece) -> bool:
    return bool(piece.source) and (piece.source[0].isdigit() or piece.source[0] in "零〇一二两兩三四五六七八九十百千")


def _numbered(syllable: str) -> str:
    """yín -> yin2, lǜ -> lv4, de -> de5 (pypinyin's tone marks to CC-CEDICT's numbers)."""
    tone = "5"
    base = []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        elif ch == "\u0308":
            base[-1] = "v"
        else:
            base.append(ch)
    return "".join(base) + tone


def _cedict_syllable(syllable: str) -> str:
    return syllable.lower().replace("u:", "v")


def _reading_matches(line: Line, syllables: tuple[str, ...], word: str, tones: bool) -> bool:
    if len(line.pinyin) != len(syllables) or not all(syllables):
        return False
    for ch, ours, theirs in zip(word, (_numbered(s) for s in syllables), map(_cedict_syllable, line.pinyin),
                                strict=False):
        if ours[:-1] != theirs[:-1]:
            return False
        # 不 and 一 change tone before others (bú shì, yí gè): their tone says nothing.
        if tones and ch not in "不一" and ours[-1] != theirs[-1]:
            return False
    return True


@lru_cache(maxsize=65536)
def _lookup(word: str, syllables: tuple[str, ...], other: str, traditional: bool, after_number: bool,
            split: bool) -> tuple[str | None, str]:
    """A word's English (or "drop"), given all it depends on: memoised, the same words recur."""
    lex = lexicon()
    lines = lex.lines(word) or lex.lines(other)
    if not lines and traditional:
        from qwen_reader.core.text.script import convert

        lines = lex.lines(convert(word, "t2s"))  # 宣佈: CC-CEDICT writes it 宣布 in both scripts
    if not lines:
        return None, "word"
    return _choose(word, lines, syllables, other, traditional, after_number, split)


def _choose(word: str, lines: list[Line], syllables: tuple[str, ...], other: str, traditional: bool,
            after_number: bool, split: bool) -> tuple[str | None, str]:
    lex = lexicon()
    if traditional or other != word:
        # The lines written the way this word is written in traditional script, here.
        script = [line for line in lines if line.traditional == other]
    else:
        # OpenCC kept it (后 stays 后 outside its phrases): the more common traditional character first.
        script = sorted(lines, key=lambda line: -lex.weight(line.traditional))
    for keep in (script, lines):
        if not keep:
            continue
        keep = ([line for line in keep if _reading_matches(line, syllables, word, True)]
                or [line for line in keep if _reading_matches(line, syllables, word, False)] or keep)
        hsk = lex.hsk.get(word) or lex.hsk.get(other)
        if hsk and hsk[1] and len(keep) > 1:
            taught = [line for line in keep if "".join(line.pinyin).lower() == hsk[1].lower()]
            keep = taught or keep
        common = [line for line in keep if not line.proper]
        if len(word) == 1 and common and all(_particle(line) for line in common):
            return None, "drop"
        if len(word) == 1 and not split and any(_particle(line) for line in lex.lines(word)):
            return None, "drop"  # 了, 着, 过 at the end of a word jieba joined (吃了饭, 去过)
        if after_number and any(s.startswith("classifier for") for line in common for s in line.senses):
            return None, "drop"
        english = _best_sense(word, common) if common else None
        if english is None:
            english = _name_sense([line for line in keep if line.proper])
        if english:
            return english, "word"
    return None, "word"


def _particle(line: Line) -> bool:
    return line.pinyin[-1].endswith("5") and any("particle" in s or "marker" in s for s in line.senses)


@lru_cache(maxsize=65536)
def _clean(sense: str) -> str:
    text = _PAREN.sub("", sense)
    text = _FRAME.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ;,.")
    text = re.sub(r"^(the|a|an) ", "", text)
    text = re.sub(r"^classifier for (\w+).*", r"\1", text)  # 歲 "classifier for years (of age)" -> years
    text = re.sub(r"^(\w+) or \w+$", r"\1", text)  # "he or him" -> "he"
    return re.sub(r"\s+do$", "", text) if text.startswith("to ") and text.count(" ") > 1 else text


def _best_sense(word: str, lines: list[Line], depth: int = 0) -> str | None:
    """The everyday sense. CC-CEDICT lists the usual sense first, so the first usable one stands unless a
    later one is clearly more everyday: its English words are far more common across the dictionary (capped,
    so common words tie), or it names the frame a verb is used in ("to let sb do sth"). A true abbreviation
    (开源 for 开放源码) is read as what it abbreviates."""
    lex = lexicon()
    candidates: list[tuple[float, str, float]] = []
    for line in lines:
        for sense in line.senses:
            xref = _XREF.match(sense)
            if xref is not None:
                target = xref.group("simplified")
                if depth == 0 and _abbreviates(word, target, sense):
                    resolved = _best_sense(target, [x for x in lex.lines(target) if not x.proper], depth + 1)
                    if resolved:
                        return resolved
                continue
            if _SKIP.match(sense) or (sense.startswith("(") and sense.endswith(")")):
                continue
            text = _clean(sense)
            if not text or _HAN.search(text):
                continue
            frame = 1.0 if _FRAME.search(sense) and not any(f for *_, f in candidates) else 0.0
            candidates.append((lex.everyday(text) + frame - 0.3 * len(candidates), text, frame))
    if not candidates:
        return None
    first = candidates[0]
    better = max(candidates[1:6], default=first)
    return better[1] if better[0] - first[0] >= 1.2 else first[1]


def _abbreviates(word: str, target: str, sense: str) -> bool:
    """abbr. for a longer word holding this word's characters in order: a real shortening."""
    if not sense.lower().startswith("abbr") or len(target) <= len(word):
        return False
    it = iter(target)
    return all(ch in it for ch in word)


def _name_sense(lines: list[Line]) -> str | None:
    """A proper noun's English name: "Google, Internet company" -> Google; real things before fiction."""
    lex = lexicon()
    found: list[tuple[int, str]] = []
    for line in lines:
        for sense in line.senses:
            xref = _XREF.match(sense)
            if xref is not None and sense.lower().startswith("see"):
                target = xref.group("simplified")
                inner = _name_sense([x for x in lex.lines(target) if x.proper]) if target != line.simplified else None
                if inner:
                    found.append((1, inner))
                continue
            if _SKIP.match(sense) or sense.lower().startswith(("abbr", "see ")):
                continue
            name = _PAREN.sub("", sense).split(",")[0].strip()
            # The name is its capitalised words ("Shenzhen subprovincial city in Guangdong" -> "Shenzhen").
            head = _NAME_WORDS.match(name)
            name = _CORPORATE.sub("", head.group(0) if head else name).strip()
            if name and not _HAN.search(name):
                found.append((2 if _FICTION.search(sense) else 0, name))
    return min(found, key=lambda f: f[0])[1] if found else None


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    from qwen_reader.core.store.paths import bundled_asset

    try:
        text = bundled_asset("surnames.txt").read_text(encoding="utf-8")
    except OSError:
        text = ""
    names = {n for line in text.splitlines() if not line.startswith("#") for n in line.split()}
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


def person_name(word: str, syllables: tuple[str, ...]) -> str | None:
    """A word the dictionary lacks that starts with a surname and has a one- or two-character given name:
    romanised as a name, surname first (林俊旸 -> Lin Junyang)."""
    single, double = _surnames()
    if not 2 <= len(word) <= 4 or len(syllables) != len(word) or not all(_HAN.match(ch) for ch in word):
        return None
    cut = 2 if word[:2] in double else 1 if word[0] in single else 0
    if not cut or not 1 <= len(word) - cut <= 2:
        return None
    plain = [_toneless(s) for s in syllables]
    if not all(s.isalpha() for s in plain):
        return None
    return f"{''.join(plain[:cut]).capitalize()} {''.join(plain[cut:]).capitalize()}"


@lru_cache(maxsize=1)
def _listed() -> frozenset[str]:
    from qwen_reader.core.text.pinyin import _extra_words

    return frozenset(_extra_words())


def listed_name(word: str, syllables: tuple[str, ...]) -> str | None:
    """A name from assets/words.txt (names and products jieba keeps whole) the dictionary lacks: romanised in
    two-syllable words, capitalised (通義千問 -> Tongyi Qianwen)."""
    if word not in _listed() or len(syllables) != len(word):
        return None
    plain = [_toneless(s) for s in syllables]
    if not all(s.isalpha() for s in plain):
        return None
    groups = ["".join(plain[i:i + 2]) for i in range(0, len(plain), 2)]
    if len(groups) > 1 and len(groups[-1]) and len(plain) % 2:
        groups[-2:] = [groups[-2] + groups[-1]]
    return " ".join(g.capitalize() for g in groups)
