"""The add-a-note dialog. It keeps the text open when the note is refused, so nothing is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from clienteling.ui.formatting import plain_label
from clienteling.ui.submit_dialog import SubmitDialog

MAX_NOTE_CHARS = 4000

# Called with the typed text; returns an error message to show, or None when the note was saved.
NoteSubmit = Callable[[str], str | None]


class NoteEditor(SubmitDialog):
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
        self.editor.textChanged.connect(self.on_editor_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.on_editor_text_changed()
        self.editor.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, customer_name: str, submit: NoteSubmit) -> bool:
        """Show the dialog modally; True when a note was saved."""
        return cls(customer_name, submit, parent).run_modal()

    def on_editor_text_changed(self) -> None:
        count = len(self.editor.toPlainText())
        self.counter.setText(f"{count:,} / {MAX_NOTE_CHARS:,}")

    def submit(self) -> str | None:
        return self._submit(self.editor.toPlainText())
