"""A product scanned while a customer's profile is open: log it as an interest, reserve it, or
look at its stock. Big buttons for a touch screen; Escape cancels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from clienteling.ui.formatting import plain_label
from clienteling.ui.widgets.picture import Picture

CHOICES = ("interest", "reserve", "product")


class ScanChoiceDialog(QDialog):
    def __init__(
        self, product_name: str, image: str | None, customer_name: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Scanned product"))
        picture = Picture(72, self)
        picture.show_ref(image)
        text = plain_label(
            self.tr("%1\nfor %2").replace("%1", product_name).replace("%2", customer_name), self
        )
        text.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(picture)
        head.addWidget(text, 1)
        buttons = QHBoxLayout()
        for choice, label in (
            ("interest", self.tr("Log as interest")),
            ("reserve", self.tr("Reserve")),
            ("product", self.tr("Stock and details")),
        ):
            button = QPushButton(label, self)
            button.setObjectName(f"choice_{choice}")
            button.setMinimumHeight(56)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=choice: self._pick(c))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(buttons)

    def _pick(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def accept_scan(self, text: str) -> bool:
        """Another scan while choosing: ignored (the dialog is about the first one)."""
        return False

    @classmethod
    def ask(
        cls, parent: QWidget | None, product_name: str, image: str | None, customer_name: str
    ) -> str | None:
        dialog = cls(product_name, image, customer_name, parent)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()
