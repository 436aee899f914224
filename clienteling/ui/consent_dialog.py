"""Changing a customer's marketing consent at the counter: the channels as they stand now,
ticked or not, and the words to read; Save records each change in the consent ledger."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from clienteling.ui.formatting import plain_label
from clienteling.ui.submit_dialog import SubmitDialog
from clienteling.ui.widgets.consent import ConsentChoices

# Called with channel -> granted; returns an error message to show, or None when saved.
ConsentSubmit = Callable[[dict[str, bool]], str | None]


class ConsentDialog(SubmitDialog):
    def __init__(
        self,
        customer_name: str,
        current: dict[str, bool],
        submit: ConsentSubmit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setObjectName("consentDialog")
        self.setWindowTitle(self.tr("News and offers"))
        self.setMinimumWidth(560)
        self.title = plain_label(
            self.tr("What %1 agrees to receive news and offers by").replace("%1", customer_name),
            self,
        )
        self.title.setWordWrap(True)
        self.choices = ConsentChoices(self)
        self.choices.set_states(current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.choices)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        customer_name: str,
        current: dict[str, bool],
        submit: ConsentSubmit,
    ) -> bool:
        return cls(customer_name, current, submit, parent).run_modal()

    def submit(self) -> str | None:
        return self._submit(self.choices.states())
