"""Names a report defines for itself: the short name given in brackets after a full name (北京金逸影视传媒有限公司
（简称金逸）, 青海省国有资产投资管理有限公司（下简称“青海国投”）), which is the same entity; and a company named as
another's subsidiary (万达影视全资子公司传奇影业). The document's consistency then reads their other mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qwen_reader.core.entities.model import FUNCTION_CHARS, Candidate, EntityKind, Source, overlaid

# （简称金逸）, （以下简称“青海国投”）, （00566，HK；以下简称汉能）: the short name, up to a quotation mark, a comma
# or the bracket.
_SHORT_NAME = re.compile(r"\s?[（(](?:[^（）()]{1,20}[，,；;]\s?)?(?:以下|下)?(?:简称|称)[为:：]?\s?[“「『\"]?"
                         r"([^“”「」『』\"，,、。；;（）()\s]{2,12}?)[”」』\"]?(?:[，,;；][^（）()]{0,20})?[）)]")
# A subsidiary written after its parent's word for it: its name runs to the clause's next word or mark.
_SUBSIDIARY = re.compile(rf"(?:全资|控股)?子公司[“「]?((?:[A-Z][A-Za-z0-9&.'-]*(?: [A-Z][A-Za-z0-9&.'-]*)*)|"
                         rf"[^\W\d_{FUNCTION_CHARS}A-Za-z]{{2,8}}?)(?=[”」，。、；：！？\s（(]|[{FUNCTION_CHARS}])")
# Words after 子公司 that describe rather than name (子公司产品, 子公司员工).
_NOT_A_NAME = re.compile(r"^(?:产品|品牌|业务|员工|股权|股份|公司|企业|平台|项目|门店|名称|名单|数量|层面|管理|经营|"
                         r"负责人)")


def short_names(text: str, chosen: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """The short name in brackets after a full name takes its kind and identity. `common`: everyday words."""
    ends = {c.end: c for c in chosen if c.kind in (EntityKind.ORG, EntityKind.PRODUCT, EntityKind.PLACE)}
    found: list[Candidate] = []
    for m in _SHORT_NAME.finditer(text):
        full = ends.get(m.start())
        short = m.group(1)
        if full is not None and short not in common and text[full.start:full.end] != short:
            found.append(Candidate(m.start(1), m.end(1), full.kind, full.id, full.english, Source.RULES))
    return overlaid(chosen, _without_lists(found, chosen)) if found else chosen


def subsidiaries(text: str, chosen: list[Candidate], common: frozenset[str],
                 tokens: Sequence[tuple[str, int, int]]) -> list[Candidate]:
    """`common`: everyday words; `tokens`: the segmentation's words (子公司 + 提供担保 names no company)."""
    found: list[Candidate] = []
    for m in _SUBSIDIARY.finditer(text):
        start, end = m.span(1)
        if text.endswith("公司", start, end) and end - start > 3:
            end -= 2  # 金絮丰公司 is 金絮丰: the guidelines keep 公司 outside the name
        name = text[start:end]
        words = [w for w, s, e in tokens if start <= s and e <= end]
        if not _NOT_A_NAME.match(name) and not (words and all(w in common for w in words)):
            found.append(Candidate(start, end, EntityKind.ORG, f"org:{name}", None, Source.RULES))
    return overlaid(chosen, _without_lists(found, chosen)) if found else chosen


def _without_lists(found: Sequence[Candidate], chosen: Sequence[Candidate]) -> list[Candidate]:
    """A defined name gives way to what a list knows there (子公司小米 is Xiaomi as the list has it)."""
    listed = [c for c in chosen if c.source == Source.LIST]
    return [f for f in found if not any(c.start < f.end and f.start < c.end for c in listed)]
