"""A modal form whose Save hands the entry to a callback and stays open, entry kept, on refusal."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from clienteling.ui.formatting import plain_label

log = logging.getLogger(__name__)


class SubmitDialog(QDialog):
    """Base of the note and interest dialogs: an error line and Save / Cancel buttons.

    Subclasses build their fields, lay out `self.error` and `self.buttons`, and implement
    `submit() -> str | None` (an error message to show, or None when the entry was saved)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error: QLabel = plain_label("", self, name="dialogError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(QCoreApplication.translate("SubmitDialog", "Save"), self)
        self.save_button.setObjectName("saveButton")
        # Enter belongs to the fields (a new line in a note, the end of a wedge scan): it must
        # never press Save before the entry is complete.
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(QCoreApplication.translate("SubmitDialog", "Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        # Enter is the fields'; Ctrl+Enter saves from the keyboard.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.on_save_button_clicked)

    def submit(self) -> str | None:
        raise NotImplementedError

    def accept_scan(self, text: str) -> bool:
        """A barcode scanned while this dialog is open (ScanTarget). This form has no code
        field: the scan is ignored (its characters were taken back out) and the form says so."""
        log.info("scan ignored by %s", type(self).__name__)
        self.show_problem(
            QCoreApplication.translate(
                "SubmitDialog",
                "A barcode was scanned: it was not added here. Close this window to use the "
                "scanner.",
            )
        )
        return False

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def run_modal(self) -> bool:
        """Show modally and dispose of the dialog; True when an entry was saved."""
        try:
            return self.exec() == QDialog.DialogCode.Accepted
        finally:
            self.deleteLater()

    def on_save_button_clicked(self) -> None:
        problem = self.submit()
        if problem:
            self.show_problem(problem)
            return
        self.accept()
