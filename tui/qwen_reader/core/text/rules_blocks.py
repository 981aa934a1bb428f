"""Cleaning rules that work across paragraphs: copies, images, captions, bullets, cut lines, kinds."""

from __future__ import annotations

import re

from qwen_reader.core.text.blocks import IMAGE, RawBlock, visible_chars
from qwen_reader.core.text.model import Kind

# A sentence that ends on one of these is complete; anything else at a paragraph's end means a cut.
_COMPLETE_ENDINGS = frozenset("。！？!?；;…”」』）)》】:：.—～~\"'’")
_CUT_MIN_CHARS = 40
_COMMAS = frozenset(",，、")
_HEADING_MAX_CHARS = 40
_HEADING_MIN_CHARS = 4
_SENTENCE_MARKS = frozenset("。！？!?；;")

# Image credits and captions; a bare "来源：" names the outlet (a source credit, read as a byline), not an image.
_CAPTION = re.compile(r"^(?:图片来源|圖片來源|图源|圖源|图注|圖註|图说|圖說|图片|圖片|图|圖|摄影|攝影)\s*[:：|｜/]"
                      r"|^[（(]?(?:点击|點擊)(?:看|查看|可看|观看|觀看)?(?:清晰)?大图[)）]?$|^[▲△▼]")
# A personal name: 2-4 characters, none of the particles that only prose has (编辑部的故事 is not a credit).
_NAME = r"(?:(?![的了是在与與就都而们們说說])[\u4e00-\u9fff·]){2,4}"
_NAMES = rf"{_NAME}(?:[\s\u3000、,，]+{_NAME}){{0,5}}"
_ROLE = (r"(?:本报|本報|特约|特約|实习|實習|见习|見習|首席|驻\S{1,4}|駐\S{1,4})*"
         r"(?:记者|記者|责任编辑|責任編輯|编辑|編輯|校对|校對|作者|撰文|通讯员|通訊員|实习生|實習生|责编|責編"
         r"|摄影|攝影|摄|攝|撰稿|主编|主編|文字|文|图|圖|评论员|評論員|编译|編譯|综合|綜合)")
# Credit lines: one or more role + names runs (本报记者张三实习记者李四发自上海, 编辑 王五 校对 赵六,
# 《某刊》作者 孙七, 記者林悅／南市報導), maybe after an outlet in brackets or 【】.
_BYLINE = re.compile(
    rf"^(?:[《【\[(（][^》】\])）]{{1,12}}[》】\])）]\s*|\S{{0,10}}?\s*(?=(?:本报|本報|特约|特約|实习|實習)?(?:记者|記者)))?"
    rf"(?:{_ROLE}\s*[:：|｜︱/／]?\s*{_NAMES}\s*)+"
    rf"(?:(?:发自|發自|[／/])\s*\S{{1,8}}?(?:报道|报导|報導|報道)?|报道|报导|報導|報道|摄|攝)?$"
)
# Datelines and credits in brackets: 【本報訊】 （中央社記者邱俊欽桃園19日電） 〔即時新聞／綜合報導〕 (星島日報報道)
# [责任编辑:肖春芳]; a bracket that opens a longer line is a dateline glued to it.
_DATELINE = re.compile(
    r"^[【〔\[（(][^】〕\]）)\n。！？!?]{0,24}?(?:本报讯|本報訊|专讯|專訊|电|電|讯|訊|报道|報道|報導|消息|记者|記者"
    r"|责任编辑|責任編輯|责编|責編|编辑|編輯)[^】〕\]）)\n。！？!?]{0,24}[】〕\]）)]"
)
# A date, time or source line near a headline: "2019年11月25日 16:04:30 来源：澎湃新闻网", "发稿时间：…".
_DATE_LINE = re.compile(
    r"^(?:(?:发稿|發稿|发布|發布|更新|最新更新|出版|刊登)?(?:时间|時間|日期)?[:：]?\s*)?"
    r"(?:\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?|今日|今天|昨日)"
)
# Agency datelines that open a report: 新华社北京3月5日电（记者…） 中广网唐山６月１２日消息（记者…） 本报讯（记者…）
_AGENCY_DATELINE = re.compile(
    r"^\S{0,16}?[\d０-９]{1,2}\s*月\s*[\d０-９]{1,2}\s*日\s*(?:电|電|专电|專電|消息|讯|訊)(?:\s*[（(][^）)\n]{1,30}[）)])?"
    r"|^\S{1,10}?(?:讯|訊)\s*[（(][^）)\n]{1,30}[）)]"
)
_CREDIT_WORD = re.compile("记者|記者|讯|訊|报道|報導")
_SOURCE_LINE = re.compile(r"^(?:来源|來源|稿源|出处|出處|原标题|原標題|[（(]原标题|[（(]原標題)\s*[:：]")
_CREDIT_MAX_CHARS = 60
# Platform notices: a label with its colon at the start, or a stock phrase anywhere (plain substring tests,
# which are much cheaper than one regex searched across every paragraph).
_BOILERPLATE_START = re.compile(
    r"(?:特别声明|特別聲明|免责声明|免責聲明|版权声明|版權聲明|声明|聲明|Notice|Disclaimer)\s*[:：]|Copyright\b|©"
    r"|(?:相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关链接|相關連結|热门推荐|熱門推薦)"
    r"\s*[:：]?\s*$|(?:返回|点击进入|點擊進入|点击查看|點擊查看).{0,20}(?:>>|»|›+)\s*$|^[［\[](?:详细|詳細)[］\]]$"
    r"|^(?:分享|分享到|收藏|打印|關閉|关闭|字體|字体|[.…]{3}\s*more)\s*[:：]?$",
    re.IGNORECASE,
)
_BOILERPLATE_PHRASES = ("仅提供信息存储服务", "僅提供信息存儲服務", "only provides information storage services")
# Stock phrases of notices, promotions and hotlines: boilerplate only in a short paragraph, since a report may
# quote them.
_NOTICE_MAX_CHARS = 120
_NOTICE_PHRASES = (
    "转载请注明", "轉載請註明", "转载请注明出处", "不得转载", "不得轉載", "信息来源于网络", "資訊來源於網絡",
    "重新编排", "重新編排", "下载APP", "下載APP", "歡迎下載", "欢迎下载", "扫码关注", "掃碼關注", "扫描二维码",
    "掃描二維碼", "关注公众号", "關注公眾號", "報料熱線", "报料热线", "安心專線", "生命線", "自殺防治",
    "版權所有", "版权所有",
)
# One scan for every stock phrase (a regex alternation searches in C; a loop of `in` tests does not).
_NOTICE = re.compile("|".join(map(re.escape, _NOTICE_PHRASES)))
_NO_REPRINT = re.compile(r"未经.{0,6}(?:授权|允许|许可).{0,8}转载|未經.{0,6}(?:授權|允許|許可).{0,8}轉載")
# Under a "related news" label, the link titles that follow are boilerplate too, up to the next real paragraph.
_RELATED = re.compile(r"^(?:相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关链接|相關連結)")
# Helplines and "the outlet reminds you" notices under reports: 自殺諮詢專線：0800-788995, ★某報關心您：…
_HOTLINE = re.compile(r"(?:專線|专线|熱線|热线|生命線|生命线|熱綫|热綫)\s*[:：]?\s*[\d０-９][\d０-９ -]{2,}"
                      r"|^[★●■◆▲※]?\S{0,12}(?:關心您|关心您|提醒您)")
# A line that is a label and a link (iOS載點 https://…): navigation, not text.
_URL = re.compile(r"https?://\S+|www\.\S+")
_LINK_LABEL_MAX = 12
# The link to a full story left at a paragraph's end: "... more", "…更多>>", "阅读全文", "［详细］".
_READ_MORE = re.compile(
    r"\s*(?:(?:\.{2,}|…+)\s*(?:read\s+more|more|更多|全文)|read\s+more|阅读全文|閱讀全文|查看全文"
    r"|[［\[【(（](?:详细|詳細|全文|更多)[］\]】)）])\s*(?:>>|»|›)?\s*$",
    re.IGNORECASE)
_READ_MORE_SPAN = 24
# Labelled credits with any name, Latin included: 责任编辑：biaoffeng, [责任编辑:肖春芳], (责编：汤诗瑶、丁涛)
_LABELLED_CREDIT = re.compile(
    r"^[\[【(（]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|作者|记者|記者|校对|校對|撰文|摄影|攝影|出品)\s*[:：︱|｜]\s*"
    r"[^。！？!?\s][^。！？!?]{0,23}[\]】)）]?$")
# A photo credit ending a caption line: "…（消防局提供）", "記者陳嘉寧／翻攝".
_PHOTO_CREDIT = re.compile(r"(?:\S{2,12}[／/](?:翻攝|翻摄|攝影|摄影|攝|摄)|[（(]\S{1,12}(?:提供|攝|摄)[)）])$")
_DATE_ONLY = re.compile(r"^[\d\s年月日号號./-]+$")
_LOST_BULLET = re.compile(r"^[?？](?=[^\s?？])")


def drop_repeated_copies(
    blocks: list[RawBlock], min_run: int = 3, min_chars: int = 200
) -> tuple[list[RawBlock], int, int]:
    """Drop runs of paragraphs that repeat an earlier run verbatim (a scraper that saved a page four times).

    Returns the kept blocks, the number of copies dropped and the characters they held.
    """
    texts = [b.text for b in blocks]
    # Positions in `kept` of each text, so a copy is always measured against text still shown.
    first_seen: dict[str, list[int]] = {}
    kept: list[RawBlock] = []
    copies = removed = 0
    i = 0
    while i < len(blocks):
        best = 0
        for j in first_seen.get(texts[i], ()):
            run = 0
            while i + run < len(texts) and j + run < len(kept) and kept[j + run].text == texts[i + run]:
                run += 1
            best = max(best, run)
        if best >= min_run and sum(len(t) for t in texts[i:i + best]) >= min_chars:
            copies += 1
            removed += sum(visible_chars(t) for t in texts[i:i + best])
            i += best
            continue
        first_seen.setdefault(texts[i], []).append(len(kept))
        kept.append(blocks[i])
        i += 1
    return kept, copies, removed


def remove_images(blocks: list[RawBlock]) -> tuple[list[RawBlock], int, int, list[str]]:
    """Image markers carry nothing to read in a terminal: drop them, and blocks they leave empty."""
    kept: list[RawBlock] = []
    count = removed = 0
    examples: list[str] = []
    for block in blocks:
        found = IMAGE.findall(block.text)
        if found:
            count += len(found)
            removed += sum(len(f) for f in found)
            examples.extend(found[: 3 - len(examples)])
            block.text = IMAGE.sub("", block.text).strip()
        if block.text or block.kind is Kind.SEPARATOR:
            kept.append(block)
    return kept, count, removed, examples


def collapse_captions(blocks: list[RawBlock]) -> tuple[list[RawBlock], int, int, list[str]]:
    """Image credit lines become captions; a credit repeated right after itself is kept once."""
    kept: list[RawBlock] = []
    count = removed = 0
    examples: list[str] = []
    for block in blocks:
        if block.kind is not Kind.BODY or not _CAPTION.match(block.text) or len(block.text) > 80:
            kept.append(block)
            continue
        previous = kept[-1] if kept else None
        if previous is not None and previous.kind is Kind.CAPTION and previous.text == block.text:
            removed += visible_chars(block.text)
            continue
        block.kind = Kind.CAPTION
        count += 1
        if len(examples) < 3:
            examples.append(block.text)
        kept.append(block)
    return kept, count, removed, examples


def restore_lost_bullets(blocks: list[RawBlock]) -> tuple[int, list[str]]:
    """A paragraph can't begin with a question mark: `?Qwen3-Max:` is a list item whose bullet was lost."""
    count = 0
    examples: list[str] = []
    for block in blocks:
        if block.kind is Kind.BODY and _LOST_BULLET.match(block.text):
            block.text = block.text[1:]
            block.kind, block.level, block.marked = Kind.LIST_ITEM, 1, True
            count += 1
            if len(examples) < 3:
                examples.append(block.source[:30])
    return count, examples


def is_cut(text: str) -> bool:
    """Prose (long, or with commas) whose last character leaves a sentence unfinished."""
    if not text or text[-1] in _COMPLETE_ENDINGS:
        return False
    return len(text) >= _CUT_MIN_CHARS or text[-1] in _COMMAS


def rejoin_cut_paragraphs(blocks: list[RawBlock]) -> tuple[list[RawBlock], int, list[str]]:
    """Join a paragraph cut mid-sentence by a stray line break to the paragraph that finishes it."""
    kept: list[RawBlock] = []
    count = 0
    examples: list[str] = []
    for block in blocks:
        previous = kept[-1] if kept else None
        if (previous is not None and previous.kind is Kind.BODY and not previous.marked
                and block.kind is Kind.BODY and not block.marked
                and is_cut(previous.text) and not looks_like_heading(block.text)
                and not is_credit(block.text) and not is_credit(previous.text)
                # A quotation opening the next line after an unpunctuated line is a headline and its lead.
                and not (block.text[0] in _OPEN_QUOTES and previous.text[-1] not in _COMMAS)):
            if len(examples) < 5:
                examples.append(f"{previous.text[-8:]} | {block.text[:8]}")
            previous.text += block.text
            previous.source += "\n" + block.source
            count += 1
            continue
        kept.append(block)
    return kept, count, examples


_OPEN_QUOTES = frozenset("“「『")
_HEADLINE_MARKS = frozenset("?!？！")


def looks_like_heading(text: str, *, opening: bool = False) -> bool:
    """Short, unpunctuated text; at the top of an article a headline may also end in ? or ! (and only there:
    a short question inside a report is a sentence)."""
    if not _HEADING_MIN_CHARS <= len(text) <= _HEADING_MAX_CHARS:
        return False
    if opening:
        text = text.rstrip("?!？！")
        if len(text) < _HEADING_MIN_CHARS:
            return False
    if any(c in _SENTENCE_MARKS for c in text) or text[-1] in _COMMAS or text[-1] in ":：":
        return False
    return not _DATE_ONLY.match(text)


def is_credit(text: str) -> bool:
    """A byline, dateline, or date/source line: credits, never the start of an article."""
    if len(text) > _CREDIT_MAX_CHARS or any(c in text for c in "。！？!?"):
        return False
    if _BYLINE.match(text) or _SOURCE_LINE.match(text) or _LABELLED_CREDIT.match(text):
        return True
    m = _DATELINE.match(text)
    if m and m.end() == len(text.rstrip()):
        return True
    # A bare date closes letters and notices as text; with a time or a source beside it, it is a dateline.
    return bool(_DATE_LINE.match(text)) and len(text) <= 40 and not _DATE_ONLY.match(text)


def credit_prefix(text: str) -> int:
    """Length of a dateline or byline run into the start of a report's paragraph, else 0."""
    m = _DATELINE.match(text) or _AGENCY_DATELINE.match(text)
    if m:
        return m.end() if m.end() < len(text) else 0
    head = text[:_CREDIT_MAX_CHARS]
    if not _CREDIT_WORD.search(head, 0, 24):
        return 0
    # 南都讯　记者刘凡　周昌和　任笑一　继推出日票后…: the longest run of space-separated words that is a credit.
    best = 0
    for m in re.finditer(r"[ \t\u3000]+", head):
        if is_credit(head[:m.start()]):
            best = m.end()
    return best if best < len(text) else 0


def split_datelines(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[str]]:
    """【本報訊】 run into a headline or a one-line report: the dateline becomes its own byline. A link to the full
    story left at a paragraph's end ("… more", "［详细］") becomes its own boilerplate paragraph."""
    out: list[RawBlock] = []
    examples: list[str] = []
    for block in blocks:
        # Only a paragraph's last characters can hold the link: search there, not the whole text.
        offset = max(len(block.text) - _READ_MORE_SPAN, 0)
        more = _READ_MORE.search(block.text, offset) if block.kind is Kind.BODY else None
        if more and more.start() > 0:
            tail = more.group(0).strip()
            block.text = block.text[:more.start()].rstrip()
            out.extend(split_datelines([block])[0])
            out.append(RawBlock(Kind.BOILERPLATE, tail, tail, marked=True))
            continue
        m = _DATELINE.match(block.text) if block.kind in (Kind.BODY, Kind.HEADING) else None
        rest = block.text[m.end():].strip() if m else ""
        if m and rest and (looks_like_heading(rest, opening=True) or len(blocks) == 1):
            out.append(RawBlock(Kind.BYLINE, block.text[:m.end()], block.text[:m.end()], marked=True))
            block.text = rest
            examples.append(out[-1].text)
        out.append(block)
    return out, examples


def is_boilerplate(text: str) -> bool:
    if _BOILERPLATE_START.match(text) or any(p in text for p in _BOILERPLATE_PHRASES):
        return True
    if len(text) <= _NOTICE_MAX_CHARS and (_NOTICE.search(text) or _HOTLINE.search(text)):
        return True
    if len(text) <= 2 * _NOTICE_MAX_CHARS and ("http" in text or "www." in text):
        label = _URL.sub("", text).strip(" :：|｜-")
        if len(label) <= _LINK_LABEL_MAX and label != text:
            return True
    if _READ_MORE.fullmatch(text):
        return True
    return ("未经" in text or "未經" in text) and _NO_REPRINT.search(text) is not None


def classify(blocks: list[RawBlock]) -> dict[Kind, list[str]]:
    """Name the kind of every unmarked paragraph: boilerplate, byline, heading, or body."""
    found: dict[Kind, list[str]] = {Kind.BOILERPLATE: [], Kind.BYLINE: [], Kind.HEADING: []}
    previous: RawBlock | None = None
    related = False
    for block in blocks:
        opening = previous is None or previous.kind in (Kind.BYLINE, Kind.SEPARATOR, Kind.BOILERPLATE)
        previous = block
        if block.kind is Kind.CAPTION:
            continue
        if block.kind is Kind.BODY and (is_boilerplate(block.text) or (related and len(block.text) <= 40
                                                                    and not looks_like_sentence(block.text))):
            related = related or bool(_RELATED.match(block.text))
            block.kind = Kind.BOILERPLATE
            found[Kind.BOILERPLATE].append(block.text)
            continue
        related = False
        if block.kind is Kind.BODY and len(block.text) <= 80 and (
                _CAPTION.match(block.text) or (_PHOTO_CREDIT.search(block.text) and not block.marked)):
            block.kind = Kind.CAPTION
            continue
        if block.kind is Kind.HEADING and not block.marked and is_credit(block.text):
            block.kind = Kind.BYLINE  # a dateline in a heading's place
        if block.marked or block.kind is not Kind.BODY:
            if block.kind is Kind.BYLINE:
                found[Kind.BYLINE].append(block.text)
            elif block.kind is Kind.BODY:
                block.credit = credit_prefix(block.text)  # a feed's text: no headings, but its datelines
            continue
        if is_credit(block.text):
            block.kind = Kind.BYLINE
        elif looks_like_heading(block.text, opening=opening):
            block.kind, block.level = Kind.HEADING, 2
        else:
            block.credit = credit_prefix(block.text)
            if block.credit:
                found[Kind.BYLINE].append(block.text[:block.credit].strip())
            continue
        found[block.kind].append(block.text)
    return found


_BUTTON_CHARS = 4
_BUTTON_RUN = 3


def mark_button_runs(blocks: list[RawBlock]) -> list[str]:
    """Three or more paragraphs in a row of a few characters each, none a sentence (板砖 / 感动 / 4 / 撒花):
    the labels of buttons and menus saved with a page, not text."""
    found: list[str] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _is_button(blocks[j]):
            j += 1
        if j - i >= _BUTTON_RUN:
            for block in blocks[i:j]:
                block.kind = Kind.BOILERPLATE
                found.append(block.text)
        i = max(j, i + 1)
    return found


def _is_button(block: RawBlock) -> bool:
    return (block.kind in (Kind.BODY, Kind.HEADING) and not block.marked and len(block.text) <= _BUTTON_CHARS
            and not any(c in _SENTENCE_MARKS for c in block.text))


def looks_like_sentence(text: str) -> bool:
    return any(c in _SENTENCE_MARKS for c in text[-2:])
