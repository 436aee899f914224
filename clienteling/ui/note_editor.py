"""The add-a-note dialog. It keeps the text open when the note is refused, so nothing is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.ui.formatting import plain_label

MAX_NOTE_CHARS = 4000

# Called with the typed text; returns an error message to show, or None when the note was saved.
NoteSubmit = Callable[[str], str | None]


class NoteEditor(QDialog):
    """A multi-line note for one customer; Save calls `submit` and closes only on success."""

    def __init__(self, customer_name: str, submit: NoteSubmit, parent: QWidget | None = None):
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Add note"))
        self.setMinimumSize(560, 360)
        self.title = plain_label(self.tr("Note for %1").replace("%1", customer_name), self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteText")
        self.editor.setPlaceholderText(self.tr("What should colleagues know next time?"))
        self.counter = plain_label("", self, name="noteCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.error = plain_label("", self, name="dialogError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        # Enter must insert a new line in the note, never press Save.
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.editor.textChanged.connect(self.on_editor_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.on_editor_text_changed()
        self.editor.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, customer_name: str, submit: NoteSubmit) -> bool:
        """Show the dialog modally; True when a note was saved."""
        dialog = cls(customer_name, submit, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def on_editor_text_changed(self) -> None:
        count = len(self.editor.toPlainText())
        self.counter.setText(f"{count:,} / {MAX_NOTE_CHARS:,}")

    def on_save_button_clicked(self) -> None:
        problem = self._submit(self.editor.toPlainText())
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()
