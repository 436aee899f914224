"""Duplicate profiles for a manager: the suggestions to review, side by side with what made the
rules suspect one person (same phone, same name, ...), and the recent merges. Merge into either
side, "not the same person", or undo a merge. This widget shows and asks; the page carries it
out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.services.duplicates import MergeRow, Side, Suggestion
from clienteling.ui import labels
from clienteling.ui.formatting import national_phone, plain_label


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (row_id, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)  # plain text, never rich text
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def _selected_row(table: QTableWidget) -> int | None:
    model = table.selectionModel()
    chosen = model.selectedRows() if model is not None else []
    return chosen[0].row() if chosen else None


class DuplicatesView(QWidget):
    refresh_requested = Signal()
    merge_requested = Signal(str, str)  # suggestion id, survivor id
    dismiss_requested = Signal(str)  # suggestion id
    undo_requested = Signal(str)  # merge id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggestions: list[Suggestion] = []
        self._merges: list[MergeRow] = []
        self.title = plain_label(self.tr("Possible duplicate profiles"), name="sectionTitle")
        self.message = plain_label("", name="searchMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.suggestions = _table(
            self,
            "suggestions",
            [self.tr("Profile A"), self.tr("Profile B"), self.tr("Why they may be one person")],
        )
        self.suggestions.itemSelectionChanged.connect(self._update_buttons)
        self.keep_first = QPushButton(self.tr("Same person: keep A"), self)
        self.keep_first.setObjectName("keepFirst")
        self.keep_first.clicked.connect(lambda: self._merge(first=True))
        self.keep_second = QPushButton(self.tr("Same person: keep B"), self)
        self.keep_second.setObjectName("keepSecond")
        self.keep_second.clicked.connect(lambda: self._merge(first=False))
        self.dismiss = QPushButton(self.tr("Not the same person"), self)
        self.dismiss.setObjectName("dismissSuggestion")
        self.dismiss.clicked.connect(self._dismiss)
        self.refresh = QPushButton(self.tr("Refresh"), self)
        self.refresh.setObjectName("refreshDuplicates")
        self.refresh.clicked.connect(self.refresh_requested)
        self.merges_title = plain_label(self.tr("Recent merges"), name="sectionTitle")
        self.merges = _table(
            self,
            "merges",
            [self.tr("Kept"), self.tr("Joined into it"), self.tr("Merged"), self.tr("Status")],
        )
        self.merges.itemSelectionChanged.connect(self._update_buttons)
        self.undo = QPushButton(self.tr("Undo this merge"), self)
        self.undo.setObjectName("undoMerge")
        self.undo.clicked.connect(self._undo)

        review = QHBoxLayout()
        review.addStretch(1)
        for button in (self.refresh, self.keep_first, self.keep_second, self.dismiss):
            button.setAutoDefault(False)
            review.addWidget(button)
        undo = QHBoxLayout()
        undo.addStretch(1)
        undo.addWidget(self.undo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.suggestions, 3)
        layout.addLayout(review)
        layout.addWidget(self.merges_title)
        layout.addWidget(self.merges, 2)
        layout.addLayout(undo)
        self._update_buttons()

    # -- showing ------------------------------------------------------------------------------

    def show_suggestions(self, rows: Sequence[Suggestion]) -> None:
        self._suggestions = list(rows)
        self.message.hide()
        _fill(
            self.suggestions,
            [
                (s.id, (self._side_text(s.first), self._side_text(s.second), self._why(s)))
                for s in self._suggestions
            ],
        )
        if not self._suggestions:
            self.show_problem(self.tr("No possible duplicates to review."))
        self._update_buttons()

    def show_merges(self, rows: Sequence[MergeRow]) -> None:
        self._merges = list(rows)
        _fill(
            self.merges,
            [
                (
                    m.id,
                    (
                        self._side_text(m.survivor),
                        self._side_text(m.merged),
                        self._merged_text(m),
                        self._status_text(m),
                    ),
                )
                for m in self._merges
            ],
        )
        self._update_buttons()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def suggestion_rows(self) -> list[Suggestion]:
        return list(self._suggestions)

    def merge_rows(self) -> list[MergeRow]:
        return list(self._merges)

    def _side_text(self, side: Side) -> str:
        reach = "   ".join(p for p in (national_phone(side.phone), side.email or "") if p)
        facts = (
            self.tr("Since %1").replace("%1", labels.when(side.created_at.isoformat()))
            + " · "
            + self.tr("%n order(s)", "", side.orders)
            + " · "
            + self.tr("%n note(s)", "", side.notes)
        )
        name = side.name + (f"  ({side.kana})" if side.kana else "")
        return "\n".join(line for line in (name, reach, facts) if line)

    def _why(self, s: Suggestion) -> str:
        return ", ".join(labels.identity_evidence(e) for e in s.evidence)

    def _merged_text(self, m: MergeRow) -> str:
        who = m.merged_by or self.tr("automatically, by the rules")
        return labels.when(m.merged_at.isoformat()) + "\n" + who

    def _status_text(self, m: MergeRow) -> str:
        if m.undone_at is not None:
            return self.tr("Undone %1").replace("%1", labels.when(m.undone_at.isoformat()))
        return self.tr("%n record(s) moved", "", m.moved)

    # -- asking -------------------------------------------------------------------------------

    def select_suggestion(self, suggestion_id: str) -> None:
        for r, s in enumerate(self._suggestions):
            if s.id == suggestion_id:
                self.suggestions.selectRow(r)

    def select_merge(self, merge_id: str) -> None:
        for r, m in enumerate(self._merges):
            if m.id == merge_id:
                self.merges.selectRow(r)

    def _chosen(self) -> Suggestion | None:
        row = _selected_row(self.suggestions)
        return self._suggestions[row] if row is not None else None

    def _chosen_merge(self) -> MergeRow | None:
        row = _selected_row(self.merges)
        return self._merges[row] if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self._chosen() is not None
        for button in (self.keep_first, self.keep_second, self.dismiss):
            button.setEnabled(chosen)
        merge = self._chosen_merge()
        self.undo.setEnabled(merge is not None and merge.undone_at is None)

    def _merge(self, *, first: bool) -> None:
        s = self._chosen()
        if s is not None:
            self.merge_requested.emit(s.id, (s.first if first else s.second).id)

    def _dismiss(self) -> None:
        s = self._chosen()
        if s is not None:
            self.dismiss_requested.emit(s.id)

    def _undo(self) -> None:
        m = self._chosen_merge()
        if m is not None and m.undone_at is None:
            self.undo_requested.emit(m.id)
