"""What the reading screen needs, computed without a UI: cell widths, wrapping, layout, pinyin rows, navigation."""
