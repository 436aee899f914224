"""The new-customer form for a walk-in: name, kana reading, phone or email, and the marketing
channels the customer agrees to (the wording they were shown is on the form). A refused entry
keeps the form open with the reason, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.romaji import romaji_to_hiragana
from clienteling.domain.text import digits_only, is_kana, looks_like_phone
from clienteling.services.customers import NewCustomer
from clienteling.ui.submit_dialog import SubmitDialog
from clienteling.ui.widgets.consent import ConsentChoices

# Called with the entry; returns an error message to show, or None when it was saved.
CustomerSubmit = Callable[[NewCustomer], str | None]


def _romaji_reading(typed: str) -> str | None:
    """Romaji words ("Kobayashi Aoi") as hiragana words, or None when it is not all romaji."""
    if not typed.isascii() or not any(ch.isalpha() for ch in typed):
        return None
    words = [romaji_to_hiragana(w) for w in typed.split()]
    if not words or any(w is None for w in words):
        return None
    return " ".join(w for w in words if w)


class NewCustomerDialog(SubmitDialog):
    def __init__(
        self, submit: CustomerSubmit, *, typed: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer"))
        self.setMinimumWidth(620)
        self.family_name = self._field("familyName", self.tr("e.g. 山田"))
        self.given_name = self._field("givenName", self.tr("e.g. 花子"))
        self.family_kana = self._field("familyKana", self.tr("e.g. やまだ"))
        self.given_kana = self._field("givenKana", self.tr("e.g. はなこ"))
        self.phone = self._field("phone", self.tr("e.g. 090-1234-5678"))
        self.email = self._field("email", self.tr("e.g. hanako@example.jp"))
        self.consents = ConsentChoices(self)
        self.consent_email = self.consents.email
        self.consent_sms = self.consents.sms
        self.consent_line = self.consents.line
        self._prefill(typed.strip())

        names = QHBoxLayout()
        names.addWidget(self.family_name)
        names.addWidget(self.given_name)
        readings = QHBoxLayout()
        readings.addWidget(self.family_kana)
        readings.addWidget(self.given_kana)
        form = QFormLayout()
        form.addRow(self.tr("Name (family, given)"), names)
        form.addRow(self.tr("Reading (kana)"), readings)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("News and offers by"), self.consents)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.family_name.setFocus()

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _prefill(self, typed: str) -> None:
        """What was typed into the search box (and found no one) starts the form."""
        if not typed:
            return
        if "@" in typed:
            self.email.setText(typed)
        elif looks_like_phone(typed) and len(digits_only(typed)) >= 10:
            self.phone.setText(typed)
        elif is_kana(typed) or _romaji_reading(typed):
            # A reading (kana, or romaji as typed on a Latin keyboard): the kana fields; the
            # name itself is then written in kanji by the staff member.
            family, _, given = (_romaji_reading(typed) or typed).partition(" ")
            self.family_kana.setText(family)
            self.given_kana.setText(given.strip())
        else:
            family, _, given = typed.partition(" ")
            self.family_name.setText(family)
            self.given_name.setText(given.strip())

    @classmethod
    def ask(cls, parent: QWidget | None, submit: CustomerSubmit, *, typed: str = "") -> bool:
        """Show the form modally; True when a customer was saved."""
        return cls(submit, typed=typed, parent=parent).run_modal()

    def entry(self) -> NewCustomer:
        return NewCustomer(
            family_name=self.family_name.text(),
            given_name=self.given_name.text(),
            family_kana=self.family_kana.text(),
            given_kana=self.given_kana.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            consents=self.consents.chosen(),
        )

    def submit(self) -> str | None:
        return self._submit(self.entry())
