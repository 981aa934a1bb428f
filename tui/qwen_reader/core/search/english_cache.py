"""English for indexed sentences, from the translation cache only (never a model call): the installed model's
translation, else a cached gloss. Sentences nobody has translated yet get "" (English queries still reach them
through the dictionary, see query.py)."""

from __future__ import annotations

from collections.abc import Callable

EnglishSource = Callable[[list[str]], list[str]]


class CachedEnglish:
    """One cache connection and one model choice for a whole sync (or one worker's batch); call it with
    sentences, close it when done."""

    def __init__(self) -> None:
        from qwen_reader.core.translate.packages import installed_models
        from qwen_reader.core.translate.service import open_cache

        models = installed_models()
        self.model_ids = list(dict.fromkeys([*(m.model_id for m in models[:1]), "gloss:cedict"]))
        self.cache = open_cache()

    def __call__(self, sentences: list[str]) -> list[str]:
        keys = list({s.strip() for s in sentences if s.strip()})
        found: dict[str, str] = {}
        for model in self.model_ids:
            missing = [k for k in keys if k not in found]
            if missing:
                found.update(self.cache.get_many(model, missing))
        return [found.get(s.strip(), "") for s in sentences]

    def close(self) -> None:
        self.cache.close()
