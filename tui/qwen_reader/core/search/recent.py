"""Recent search queries, newest first, remembered across runs under the user state folder."""

from __future__ import annotations

from qwen_reader.core.store.paths import data_dir
from qwen_reader.core.store.state import _read, _write

KEEP = 20


class RecentQueries:
    def __init__(self) -> None:
        self.path = data_dir() / "recent-searches.json"
        stored = _read(self.path).get("queries", [])
        self.queries: list[str] = [q for q in stored if isinstance(q, str) and q.strip()][:KEEP]

    def add(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        self.queries = [query, *(q for q in self.queries if q != query)][:KEEP]
        _write(self.path, {"queries": self.queries})
