"""The two small dialogs of the follow-up queue: mark one done (what was done, a note) and give
one to a colleague (managers). Opened with open(), answered through accepted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.ui.followups import texts
from clienteling.ui.formatting import plain_label

MAX_NOTE = 2000


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class DoneDialog(QDialog):
    def __init__(self, customer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupDone")
        self.setWindowTitle(self.tr("Follow-up done"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("What was done for %1?").replace("%1", customer)))
        self.results = QButtonGroup(self)
        self._codes: list[str] = []
        for index, (code, label) in enumerate(texts.RESULTS.items()):
            button = QRadioButton(label(), self)
            button.setObjectName(f"result_{code}")
            button.setMinimumHeight(40)  # a finger on a tablet
            self.results.addButton(button, index)
            self._codes.append(code)
            layout.addWidget(button)
        self.results.button(0).setChecked(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("followupNote")
        self.note.setPlaceholderText(self.tr("A note for colleagues (optional)"))
        self.note.setTabChangesFocus(True)
        layout.addWidget(self.note)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    @property
    def chosen(self) -> str:
        return self._codes[max(0, self.results.checkedId())]

    @property
    def text(self) -> str:
        return self.note.toPlainText()[:MAX_NOTE]


class AssignDialog(QDialog):
    def __init__(
        self, customer: str, colleagues: dict[str, str], current: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followupAssign")
        self.setWindowTitle(self.tr("Give to a colleague"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Who follows up %1?").replace("%1", customer)))
        self.staff = QComboBox(self)
        self.staff.setObjectName("followupStaff")
        for staff_id, name in sorted(colleagues.items(), key=lambda kv: kv[1]):
            self.staff.addItem(name or staff_id, staff_id)
        index = self.staff.findData(current)
        if index >= 0:
            self.staff.setCurrentIndex(index)
        layout.addWidget(self.staff)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    @property
    def staff_id(self) -> str:
        return str(self.staff.currentData() or "")
