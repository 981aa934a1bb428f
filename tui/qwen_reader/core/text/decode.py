"""Bytes to text: the encoding is read from the bytes themselves (BOM, validity, which CJK reading is plausible)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from qwen_reader.core.errors import LoadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    # Number of byte sequences that could not be decoded and became U+FFFD.
    replaced: int

def decode(data: bytes) -> Decoded:
    """Detect the encoding from the bytes themselves (BOM, validity, then which CJK reading is plausible)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, encoding)
    if b"\x00" in data[:8192]:
        # Text never holds NUL bytes, except UTF-16 that lost its BOM: accept that only if it reads as text.
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise LoadError("binary file, not text")
        return Decoded(data.decode(encoding), encoding, 0)
    if _looks_binary(data):
        raise LoadError("binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # A few bad sequences (a CESU-style surrogate, a cut character) in UTF-8: replaced and counted.
        return _decode_with(data, "utf-8")
    candidates = []
    # The Big5 family first, and it wins ties: GB18030 decodes almost any byte pairs, so Big5 text with a
    # cp950 or HKSCS extension character (墻 F9 D9) would otherwise fall to GB18030 and read as mojibake.
    for rank, encoding in enumerate(reversed(_CJK_ENCODINGS)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((round(plausibility(text), 2), rank, encoding))
    if candidates:
        _, _, best = max(candidates)
        return Decoded(data.decode(best), best, 0)
    # Nothing decodes cleanly: keep the likeliest reading and mark what was lost.
    return _decode_with(data, _likeliest_damaged(data))


# Tried in this order; the later ones are wider (cp950 and big5hkscs add characters to big5).
_CJK_ENCODINGS = ("big5", "cp950", "big5hkscs", "gb18030")


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 characters outnumber the bad sequences many times over.

    Text in a legacy encoding read as UTF-8 gives almost no valid multi-byte characters, so this does not
    mistake GBK or Big5 for damaged UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return bad > 0 and good >= 20 * bad


def _decode_with(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, 0)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return Decoded(text, encoding, text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd"))


def _likeliest_damaged(data: bytes) -> str:
    """The encoding under which the fewest bytes are invalid."""
    best, best_bad = "utf-8", None
    for encoding in ("utf-8", *_CJK_ENCODINGS):
        bad = data.decode(encoding, errors="replace").count("\ufffd")
        if best_bad is None or bad < best_bad:
            best, best_bad = encoding, bad
    return best


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = len(head.translate(None, _NOT_CONTROL))
    return bool(head) and controls / len(head) > 0.1


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:8192].decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for c in text if c.isprintable() or c in "\n\r\t") / max(len(text), 1)
        latin = sum(1 for c in text if c.isascii() and c.isalpha()) / max(len(text), 1)
        if printable > 0.98 and (plausibility(text) > 0.2 or latin > 0.5):
            return encoding
    return None


# Characters that dominate news Chinese in either script. A wrong GBK/Big5 reading turns them into rare
# characters and punctuation soup, so counting them tells the two readings apart.
_COMMON = set(
    "的一是不了人我在有他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "計個們說時來這為會國對學發後經過動現當沒進還開實點與關見長問無體們產業電際種華階層級"
)


def plausibility(text: str) -> float:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not cjk:
        return 0.0
    return sum(1 for ch in text if ch in _COMMON) / cjk
