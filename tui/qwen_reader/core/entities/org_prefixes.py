"""The tagger often reads the words before an organisation's name as part of it: a country or region
(日本软银集团, 大陆蚂蚁金融服务集团), a class noun (钢企沙钢集团, 磊晶厂联亚光电, 智库外交关系协会), or what it is
to another company (富士康母公司鸿海集团). Where the rest is a name the lists or the document know as an
organisation, that name is the organisation, and a place before it is a place of its own."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from qwen_reader.core.entities.model import Candidate, EntityKind, Entry, overlaid
from qwen_reader.core.entities.org_wording import CLASS_NOUNS

# Class nouns and relations that describe the organisation named after them: org_wording's, and those that
# may end a longer description (钢铁厂, 手机品牌) where the name after them is known.
_DESCRIBES = re.compile(rf"(?:{CLASS_NOUNS}|公司|集团|厂|企|银行|品牌|媒体|投行|平台|运营商|制造商|供应商|对手|股东|"
                        r"旗下)$")

# A place's own body, school, team or paper, or a registered name, keeps its place (台湾央行, 杭州市国资委, 福州海关,
# 上海纽约大学, 达拉斯小牛队, 中国产经新闻, 上海泽熙投资管理有限公司).
_A_PLACES_OWN = re.compile(r"(?:央行|政府|委|局|部|省|厅|署|办|院|会|所|有限公司|法院|银行|海关|中心|大学|学院|学校|"
                           r"中学|小学|队|报|新闻)$")

_COMPANY_WORD = re.compile(r"(?:集团|公司|控股|集团公司)$")
# Chinese companies are named after their nation (中国航天科技, 中国农行): its name is part of theirs.
_OWN_NATION = frozenset({"中国", "中华", "国家", "全国"})


def known_names_after_prefixes(chosen: Sequence[list[Candidate]], texts: Sequence[str],
                               listed: Callable[[str], Entry | None], places: frozenset[str]) -> None:
    """Cut a place or a class noun off the front of an organisation whose rest is a known organisation's
    name (in place). `listed` looks a name up in the lists; the document's own organisations count too."""
    in_document = {texts[i][c.start:c.end]: c for i, cs in enumerate(chosen) for c in cs if c.kind == EntityKind.ORG}

    def known(name: str) -> Entry | None:
        entry = listed(name)
        if entry is not None:
            return entry if entry.kind == EntityKind.ORG else None
        c = in_document.get(name)
        if c is not None:
            return Entry(c.id, c.kind, c.english)
        # 软银 + 集团: a known company's name with the word for what it is.
        short = _COMPANY_WORD.sub("", name)
        entry = listed(short) if short != name and len(short) >= 2 else None
        return Entry(f"org:{name}", EntityKind.ORG, None) if entry is not None and entry.kind == EntityKind.ORG \
            else None

    for i, (candidates, text) in enumerate(zip(chosen, texts, strict=True)):
        found: list[Candidate] = []
        for c in candidates:
            if c.kind != EntityKind.ORG or listed(text[c.start:c.end]) is not None:
                continue
            for k in range(c.start + 1, c.end - 1):  # the longest known name first
                entry = known(text[k:c.end])
                if entry is None:
                    continue
                prefix = text[c.start:k]
                place = listed(prefix) if prefix in places and prefix not in _OWN_NATION \
                    and not _A_PLACES_OWN.search(text, k, c.end) else None
                if place is not None:
                    found.append(Candidate(c.start, k, EntityKind.PLACE, place.id, place.english, c.source))
                elif not _DESCRIBES.search(prefix):
                    break
                found.append(Candidate(k, c.end, EntityKind.ORG, entry.id, entry.english, c.source))
                break
        if found:
            chosen[i][:] = overlaid(candidates, found)
