"""The document list: title, script, articles, size and flags; Enter opens a document, escape goes back."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from qwen_reader.core.library import Corpus


class DocumentListScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,backspace", "back", "Back to the reader", id="list-back"),
    ]

    def __init__(self, corpus: Corpus, current: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[Text] = DataTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield table
        if self.corpus.problems:
            lines = [f"⚠ {p.path}: {p.reason}" for p in self.corpus.problems]
            yield Static("\n".join(lines), id="problems", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Title", "Script", "Articles", "Size", "Flags")
        self._fill()
        table.focus()

    def _fill(self) -> None:
        """Rows as Text, never markup: a title is whatever the file holds, `[/]` and `[@click=…]` too."""
        table = self.query_one(DataTable)
        table.clear()
        shown = self.app.shown  # type: ignore[attr-defined]
        for doc in self.corpus.documents:
            flags = "; ".join(doc.flags) if doc.flags else ""
            table.add_row(Text(shown(doc.title, doc.script)), Text(doc.script.value), Text(str(len(doc.articles))),
                          Text(f"{doc.size / 1024:.1f} KB"), Text(flags), key=doc.id)
        if self.current is not None:
            ids = [d.id for d in self.corpus.documents]
            if self.current in ids:
                table.move_cursor(row=ids.index(self.current), animate=False)

    def refresh_script(self) -> None:
        self._fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_document(event.row_key.value)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        if self.app.reader() is not None:  # type: ignore[attr-defined]
            self.app.pop_screen()
