"""The log-an-item-of-interest dialog: a scanned or typed product code and/or a category, plus a
comment. A refused entry keeps the dialog open with the reason, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clienteling.ui.formatting import plain_label
from clienteling.ui.submit_dialog import SubmitDialog


@dataclass(frozen=True, slots=True)
class InterestInput:
    """What the staff member entered; empty fields are None (comment is always a string)."""

    code: str | None
    category: str | None
    comment: str


# Called with the entry; returns an error message to show, or None when it was saved.
InterestSubmit = Callable[[InterestInput], str | None]


class InterestDialog(SubmitDialog):
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

        form = QFormLayout()
        form.addRow(self.tr("Product code"), self.code)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Comment"), self.comment)
        self.code.returnPressed.connect(self.comment.setFocus)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
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
        return dialog.run_modal()

    def accept_scan(self, text: str) -> bool:
        """A product scanned while the dialog is open goes into the code field (ScanTarget)."""
        self.code.setText(text)
        self.error.hide()
        self.comment.setFocus()
        return True

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

    def submit(self) -> str | None:
        return self._submit(self.entry())
