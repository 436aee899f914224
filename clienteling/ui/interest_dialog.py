"""The log-an-item-of-interest dialog: a scanned or typed product code and/or a category, plus a
comment. A refused entry keeps the dialog open with the reason, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.ui.formatting import plain_label


@dataclass(frozen=True, slots=True)
class InterestInput:
    """What the staff member entered; empty fields are None (comment is always a string)."""

    code: str | None
    category: str | None
    comment: str


# Called with the entry; returns an error message to show, or None when it was saved.
InterestSubmit = Callable[[InterestInput], str | None]


class InterestDialog(QDialog):
    """Product code (scan or type), category (code, label) or typed, comment; Save calls
    `submit`."""

    def __init__(
        self,
        customer_name: str,
        submit: InterestSubmit,
        *,
        categories: Sequence[tuple[str, str]] = (),
        code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Log item of interest"))
        self.setMinimumWidth(560)
        self.title = plain_label(
            self.tr("Item of interest for %1").replace("%1", customer_name), self
        )
        self.code = QLineEdit(self)
        self.code.setObjectName("interestCode")
        self.code.setPlaceholderText(self.tr("Scan the product or type its SKU / JAN code"))
        if code:
            self.code.setText(code)
        self.category = QComboBox(self)
        self.category.setObjectName("interestCategory")
        self.category.setEditable(True)
        self.category.addItem("", None)
        for category_code, label in categories:
            self.category.addItem(label, category_code)
        self.category.setCurrentIndex(0)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("interestComment")
        self.comment.setPlaceholderText(self.tr("e.g. liked the colour, wants it before the trip"))
        self.comment.setTabChangesFocus(True)
        self.error = plain_label("", self, name="dialogError")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Product code"), self.code)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Comment"), self.comment)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        # A wedge scanner ends with Enter: it must not press Save before the comment is typed.
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.code.returnPressed.connect(self.comment.setFocus)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.comment if code else self.code).setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        customer_name: str,
        submit: InterestSubmit,
        *,
        categories: Sequence[tuple[str, str]] = (),
        code: str | None = None,
    ) -> bool:
        """Show the dialog modally; True when an item of interest was saved."""
        dialog = cls(customer_name, submit, categories=categories, code=code, parent=parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def entry(self) -> InterestInput:
        code = self.code.text().strip()
        category = self.category.currentText().strip()
        index = self.category.currentIndex()
        if index > 0 and category == self.category.itemText(index).strip():
            # A listed category travels as its code; a typed one as typed.
            category = str(self.category.itemData(index))
        return InterestInput(
            code=code or None,
            category=category or None,
            comment=self.comment.toPlainText(),
        )

    def on_save_button_clicked(self) -> None:
        problem = self._submit(self.entry())
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()
