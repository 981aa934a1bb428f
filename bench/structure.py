"""Structure benchmark: how the reader reads real files, against expectations written by hand beforehand.

    python bench/structure.py FOLDER      (FOLDER holds files/ and expect/*.json)

Each expect/<file>.json names: format, encoding, script, articles, titles, first_paragraphs ([kind, start], in
document order from the first article's headline), bylines, boilerplate, must_not_contain. Per file, every check
prints ok or what differs; the last line is `fully_right: X/N` (a file is fully right when every check passes).

Runs against whatever qwen_reader is importable, so the same script measures an older checkout through PYTHONPATH.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

# Encodings that read the same valid bytes the same way: reporting the wider one is not an error.
_FAMILIES = ({"gb2312", "gbk", "gb18030"}, {"big5", "cp950", "big5hkscs"}, {"utf-8", "utf-8-sig"})
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE.sub("", text)


def _codec(name: str) -> str:
    with contextlib.suppress(LookupError):
        name = codecs.lookup(name).name
    return {"utf_8": "utf-8", "utf_8_sig": "utf-8-sig"}.get(name, name.replace("_", "-"))


def same_encoding(expected: str, got: str) -> bool:
    a, b = _codec(expected), _codec(got)
    return a == b or any(a in f and b in f for f in _FAMILIES)


def same_title(expected: str, got: str) -> bool:
    e, g = norm(expected), norm(got)
    if e == g:
        return True
    # A title shortened with an ellipsis is right when it is the start of the expected one.
    return g.endswith("…") and len(g) > 4 and e.startswith(g[:-1])


def check(doc: Any, expect: dict[str, Any]) -> dict[str, str | None]:
    """Check name -> None when right, else a short description of the difference."""
    out: dict[str, str | None] = {}
    fmt = getattr(doc, "format", "text")
    out["format"] = None if fmt == expect["format"] else f"{fmt} (want {expect['format']})"
    out["encoding"] = (None if same_encoding(expect["encoding"], doc.encoding)
                       else f"{doc.encoding} (want {expect['encoding']})")
    out["script"] = None if doc.script.value == expect["script"] else f"{doc.script.value} (want {expect['script']})"
    n = len(doc.articles)
    out["articles"] = None if n == expect["articles"] else f"{n} (want {expect['articles']})"

    titles = [a.title for a in doc.articles]
    wrong = [f"#{i + 1} {titles[i][:24]!r} (want {t[:24]!r})" if i < len(titles) else f"#{i + 1} missing"
             for i, t in enumerate(expect["titles"]) if i >= len(titles) or not same_title(t, titles[i])]
    out["titles"] = "; ".join(wrong) or None

    paragraphs = list(doc.paragraphs)
    out["first_paragraphs"] = _first_paragraphs(paragraphs, expect["first_paragraphs"])

    # A credit counts as read when it is a byline paragraph, or a dateline marked where it runs into the text.
    missing = [b[:20] for b in expect["bylines"] if not any(
        (p.kind.value == "byline" or getattr(p, "credit", 0) >= min(len(b.strip()), 4))
        and norm(p.text).startswith(norm(b)[:12]) for p in paragraphs)]
    out["bylines"] = ("not a byline: " + " | ".join(missing)) if missing else None

    kept = [b[:20] for b in expect["boilerplate"] if any(
        norm(b)[:16] in norm(p.text) and p.kind.value != "boilerplate" for p in paragraphs)]
    out["boilerplate"] = ("shown as text: " + " | ".join(kept)) if kept else None

    shown = norm(" ".join([doc.title, *titles, *(p.text for p in paragraphs if p.kind.value != "boilerplate")]))
    found = [s for s in expect["must_not_contain"] if norm(s) in shown]
    out["must_not_contain"] = ("shown: " + " | ".join(found)) if found else None
    return out


def _first_paragraphs(paragraphs: list[Any], expected: list[list[str]]) -> str | None:
    if not expected:
        return None
    head = norm(expected[0][1])[:10]
    start = next((i for i, p in enumerate(paragraphs) if norm(p.text).startswith(head)), None)
    if start is None:
        return f"no paragraph starts {expected[0][1][:12]!r}"
    for k, (kind, text) in enumerate(expected):
        i = start + k
        if i >= len(paragraphs):
            return f"#{k + 1} missing"
        p = paragraphs[i]
        if p.kind.value != kind or not norm(p.text).startswith(norm(text)[:10]):
            return f"#{k + 1} [{p.kind.value}] {p.text[:14]!r} (want [{kind}] {text[:14]!r})"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()

    import os

    # Never read or write the user's real cache while measuring.
    os.environ["QWEN_READER_HOME"] = tempfile.mkdtemp(prefix="qwen-structure-")
    from qwen_reader.core.library import open_corpus

    expects = sorted((args.folder / "expect").glob("*.json"))
    right = 0
    checks_right = checks_total = 0
    for path in expects:
        expect = json.loads(path.read_text(encoding="utf-8"))
        file = args.folder / "files" / expect["file"]
        try:
            corpus = open_corpus([file], use_cache=False)
            if not corpus.documents:
                raise RuntimeError("; ".join(p.reason for p in corpus.problems) or "not opened")
            result = check(corpus.documents[0], expect)
        except Exception as exc:  # a crash on one file is a result, not the end of the measurement
            result = {"opened": f"{type(exc).__name__}: {exc}"}
        bad = {k: v for k, v in result.items() if v is not None}
        checks_total += max(len(result), 9)
        checks_right += sum(v is None for v in result.values())
        right += not bad
        mark = "RIGHT" if not bad else f"{len(result) - len(bad)}/{len(result)}"
        print(f"{expect['file'][:44]:<45}{mark}")
        for k, v in bad.items():
            print(f"    {k:<17} {v}")
    print(f"checks_right: {checks_right}/{checks_total}")
    print(f"fully_right: {right}/{len(expects)}")


if __name__ == "__main__":
    sys.exit(main())
