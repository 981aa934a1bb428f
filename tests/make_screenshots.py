"""Make the README's screenshots: the reader headless, saved as SVG, drawn as PNG cell by cell.

    python tests/make_screenshots.py        # needs rsvg-convert (librsvg2-bin) and a CJK font (fonts-noto-cjk)

Textual's SVG gives each run of text a width counted in characters, so a renderer squeezes or spreads wide
(CJK) characters and the picture shows gaps that no terminal shows. Here every character is placed in
its own cells before the SVG becomes a PNG, so the picture looks like the terminal.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.cells import get_character_cell_size

REPO = Path(__file__).resolve().parents[1]
_TEXT = re.compile(r"<text([^>]*)>([^<]*)</text>")


def cell_positioned(svg: str) -> str:
    """Each character of each text run at its own cell's x (the cell width read from the SVG itself)."""
    widths = []
    for attrs, text in _TEXT.findall(svg):
        length = re.search(r'textLength="([0-9.]+)"', attrs)
        plain = html.unescape(text)
        if length and plain and plain.isascii():
            widths.append(float(length.group(1)) / len(plain))
    cell = min(widths) if widths else 12.2

    def place(match: re.Match[str]) -> str:
        attrs, text = match.group(1), html.unescape(match.group(2))
        x_match = re.search(r'x="([0-9.]+)"', attrs)
        if x_match is None:
            return match.group(0)
        x = float(x_match.group(1))
        out = []
        for ch in text:
            width = get_character_cell_size(ch)
            one = re.sub(r'x="[0-9.]+"', f'x="{x:.1f}"', attrs)
            one = re.sub(r'textLength="[0-9.]+"', f'textLength="{width * cell:.1f}"', one)
            out.append(f"<text{one}>{html.escape(ch)}</text>")
            x += width * cell
        return "".join(out)

    return _TEXT.sub(place, svg)


async def _shoot(name: str, prefix: str, keys: list[str], size: tuple[int, int], pinyin: bool) -> str:
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import settle  # the same wait the snapshot tests use
    from qwen_reader.core.library import open_corpus
    from qwen_reader.ui.app import ReaderApp

    app = ReaderApp(open_corpus(use_cache=False))
    async with app.run_test(size=size) as pilot:
        app.settings.set("pinyin", pinyin)
        app.open_document(next(d.id for d in app.corpus.documents if d.id.startswith(prefix)))
        await settle(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        return app.export_screenshot(title="qwen-reader")


def main() -> None:
    if shutil.which("rsvg-convert") is None:
        raise SystemExit("rsvg-convert is needed (Debian: apt-get install librsvg2-bin fonts-noto-cjk)")
    os.environ.setdefault("QWEN_READER_HOME", tempfile.mkdtemp(prefix="qr-shots-"))
    shots = {
        "screenshot-reading.png": ("000", ["j", "j"], (160, 45), False),
        "screenshot-pinyin.png": ("002", ["j"], (160, 45), True),
    }
    for name, (prefix, keys, size, pinyin) in shots.items():
        svg = asyncio.run(_shoot(name, prefix, keys, size, pinyin))
        with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False) as fh:
            fh.write(cell_positioned(svg))
        subprocess.run(["rsvg-convert", fh.name, "-o", str(REPO / "assets" / name)], check=True)
        os.unlink(fh.name)
        print(f"wrote assets/{name}")


if __name__ == "__main__":
    main()
