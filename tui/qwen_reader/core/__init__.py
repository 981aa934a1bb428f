"""The pure library behind qwen-reader: no Textual or Rich imports here (a test enforces it)."""
