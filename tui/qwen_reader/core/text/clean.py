"""The cleaning pipeline: each rule a named step, each step reported (rule -> count, examples).

Cleaning never loses text silently: every character a rule removes is counted in its report, and the
as-written text stays available (text.load.raw_text(), Paragraph.source).
"""

from __future__ import annotations

from dataclasses import dataclass

from qwen_reader.core.text import rules_blocks as rb
from qwen_reader.core.text import rules_text as rt
from qwen_reader.core.text.blocks import MarkupTally, RawBlock, split_blocks
from qwen_reader.core.text.model import Kind, RuleReport

# Names in the order the rules run; reports always list every rule so a zero is visible too.
RULES = (
    "control_characters",
    "markdown_syntax",
    "pinyin_annotations",
    "image_markers",
    "repeated_copies",
    "image_credits",
    "lost_bullets",
    "cut_paragraphs",
    "boilerplate",
    "bylines",
    "headings",
    "damaged_text",
)


@dataclass(slots=True)
class Cleaned:
    blocks: list[RawBlock]
    report: tuple[RuleReport, ...]


class _Report:
    def __init__(self) -> None:
        self._rules: dict[str, RuleReport] = {}

    def add(self, rule: str, count: int, removed: int = 0, examples: list[str] | tuple[str, ...] = ()) -> None:
        self._rules[rule] = RuleReport(rule, count, removed, tuple(examples[:5]))

    def freeze(self) -> tuple[RuleReport, ...]:
        return tuple(self._rules.get(name, RuleReport(name, 0)) for name in RULES)


def clean(raw: str) -> Cleaned:
    report = _Report()
    text = rt.normalise_newlines(raw)

    text, removed, examples = rt.strip_controls(text)
    report.add("control_characters", removed, removed, examples)

    tally = MarkupTally()
    blocks = split_blocks(text, tally)
    report.add("markdown_syntax", tally.count, tally.removed, tally.examples)
    return _clean_blocks(blocks, report, rejoin=True)


def clean_blocks(blocks: list[RawBlock]) -> Cleaned:
    """Clean paragraphs a page or feed already delimits: the same rules, except that a paragraph the source
    ends is never joined to the next (its breaks are markup, not stray line breaks)."""
    report = _Report()
    removed = 0
    examples: list[str] = []
    for block in blocks:
        block.text, n, ex = rt.strip_controls(block.text)
        removed += n
        examples.extend(ex)
    report.add("control_characters", removed, removed, examples)
    return _clean_blocks([b for b in blocks if b.text or b.kind is Kind.SEPARATOR], report, rejoin=False)


def merge_reports(reports: list[tuple[RuleReport, ...]]) -> tuple[RuleReport, ...]:
    """One report for several cleaned articles: counts and removed characters added, first examples kept."""
    merged = _Report()
    for name in RULES:
        rows = [r for rep in reports for r in rep if r.rule == name]
        merged.add(name, sum(r.count for r in rows), sum(r.removed_chars for r in rows),
                   [e for r in rows for e in r.examples])
    return merged.freeze()


def _clean_blocks(blocks: list[RawBlock], report: _Report, *, rejoin: bool) -> Cleaned:
    total = removed = 0
    examples = []
    for block in blocks:
        block.text, n, chars, ex = rt.remove_pinyin_annotations(block.text)
        total += n
        removed += chars
        examples.extend(ex)
    report.add("pinyin_annotations", total, removed, examples)

    blocks, count, removed, examples = rb.remove_images(blocks)
    report.add("image_markers", count, removed, examples)

    blocks, copies, removed = rb.drop_repeated_copies(blocks)
    report.add("repeated_copies", copies, removed,
               [f"{copies} repeated cop{'y' if copies == 1 else 'ies'} of the text dropped"] if copies else [])

    blocks, count, removed, examples = rb.collapse_captions(blocks)
    report.add("image_credits", count, removed, examples)

    count, examples = rb.restore_lost_bullets(blocks)
    report.add("lost_bullets", count, count, examples)

    if rejoin:
        blocks, count, examples = rb.rejoin_cut_paragraphs(blocks)
        report.add("cut_paragraphs", count, 0, examples)

    blocks, datelines = rb.split_datelines(blocks)
    found = rb.classify(blocks)
    found[Kind.BYLINE][:0] = datelines
    found[Kind.BOILERPLATE] += rb.mark_button_runs(blocks)
    report.add("boilerplate", len(found[Kind.BOILERPLATE]), 0, [t[:40] for t in found[Kind.BOILERPLATE]])
    report.add("bylines", len(found[Kind.BYLINE]), 0, found[Kind.BYLINE])
    report.add("headings", len(found[Kind.HEADING]), 0, found[Kind.HEADING])

    damaged = []
    for block in blocks:
        block.flags = rt.find_damage(block.text)
        damaged.extend(block.text[s.start:s.end] for s in block.flags)
    report.add("damaged_text", len(damaged), 0, damaged)
    return Cleaned(blocks, report.freeze())
