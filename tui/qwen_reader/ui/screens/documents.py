"""The document list: title, script, articles, size and flags; Enter opens a document."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from qwen_reader.core.library import Corpus


class DocumentListScreen(Screen[None]):
    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str] = DataTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield table
        if self.corpus.problems:
            lines = [f"⚠ {p.path}: {p.reason}" for p in self.corpus.problems]
            yield Static("\n".join(lines), id="problems", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Title", "Script", "Articles", "Size", "Flags")
        for doc in self.corpus.documents:
            flags = "; ".join(doc.flags) if doc.flags else ""
            table.add_row(doc.title, doc.script.value, str(len(doc.articles)), f"{doc.size / 1024:.1f} KB",
                          flags, key=doc.id)
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_document(event.row_key.value)  # type: ignore[attr-defined]
