"""A corpus of hostile document text, written for these tests: markup, actions, escapes, odd Unicode."""

from __future__ import annotations

from pathlib import Path

# Each title opens its own file as a heading line, then one body paragraph that repeats it.
HOSTILE_TITLES = [
    "标题[/]不平衡",
    "[@click=app.screenshot('x.svg','/tmp')]点我[/]",
    "[@click=app.quit]退出[/]",
    "[bold red]红色粗体[/]",
    "[link=https://example.com]链接[/link]",
    "反斜杠\\[bold]转义\\[/bold]",
    "家庭👨‍👩‍👧表情",
    "组合字符e\u0301与a\u0308",
    "从右到左\u202e覆盖\u202c结束",
    "$accent 变量与 {花括号} 与 %s 百分号",
]


def write_hostile_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, title in enumerate(HOSTILE_TITLES):
        path = folder / f"hostile_{n:02d}.txt"
        path.write_text(f"# {title}\n\n正文里也有：{title}。第二句在这里。\n", encoding="utf-8")
        paths.append(path)
    return paths


def as_read(title: str) -> str:
    """What cleaning keeps of a title: direction overrides are stripped (they could reorder what a reader
    sees); everything else stays exactly as written."""
    return title.replace("\u202e", "").replace("\u202c", "")
