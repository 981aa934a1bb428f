"""qwen-reader: read Chinese news in a terminal beside its English translation and its other script."""

__version__ = "0.1.0"
