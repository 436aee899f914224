"""The new-customer form for a walk-in: name, kana reading, phone or email, and the marketing
channels the customer agrees to (the wording they were shown is on the form); and the same
fields to correct a customer's details. A refused entry keeps the form open with the reason,
so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.models import Profile
from clienteling.domain.romaji import romaji_to_hiragana
from clienteling.domain.text import digits_only, is_kana, looks_like_phone
from clienteling.services.customers import Correction, NewCustomer
from clienteling.ui.formatting import national_phone
from clienteling.ui.submit_dialog import SubmitDialog
from clienteling.ui.widgets.consent import ConsentChoices

# Called with the entry; returns an error message to show, or None when it was saved.
CustomerSubmit = Callable[[NewCustomer], str | None]
CorrectionSubmit = Callable[[Correction], str | None]


def _romaji_reading(typed: str) -> str | None:
    """Romaji words ("Kobayashi Aoi") as hiragana words, or None when it is not all romaji."""
    if not typed.isascii() or not any(ch.isalpha() for ch in typed):
        return None
    words = [romaji_to_hiragana(w) for w in typed.split()]
    if not words or any(w is None for w in words):
        return None
    return " ".join(w for w in words if w)


class _DetailsDialog(SubmitDialog):
    """Name, kana reading, phone and email: the fields of a new customer and of a correction
    (translated in one context of their own: `tr` here would look them up under the
    subclass's name)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(620)
        self.family_name = self._field(
            "familyName", QCoreApplication.translate("CustomerDetails", "e.g. 山田")
        )
        self.given_name = self._field(
            "givenName", QCoreApplication.translate("CustomerDetails", "e.g. 花子")
        )
        self.family_kana = self._field(
            "familyKana", QCoreApplication.translate("CustomerDetails", "e.g. やまだ")
        )
        self.given_kana = self._field(
            "givenKana", QCoreApplication.translate("CustomerDetails", "e.g. はなこ")
        )
        self.phone = self._field(
            "phone", QCoreApplication.translate("CustomerDetails", "e.g. 090-1234-5678")
        )
        self.email = self._field(
            "email", QCoreApplication.translate("CustomerDetails", "e.g. hanako@example.jp")
        )
        names = QHBoxLayout()
        names.addWidget(self.family_name)
        names.addWidget(self.given_name)
        readings = QHBoxLayout()
        readings.addWidget(self.family_kana)
        readings.addWidget(self.given_kana)
        self.form = QFormLayout()
        self.form.addRow(
            QCoreApplication.translate("CustomerDetails", "Name (family, given)"), names
        )
        self.form.addRow(QCoreApplication.translate("CustomerDetails", "Reading (kana)"), readings)
        self.form.addRow(QCoreApplication.translate("CustomerDetails", "Phone"), self.phone)
        self.form.addRow(QCoreApplication.translate("CustomerDetails", "Email"), self.email)

    def _finish(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.family_name.setFocus()

    def typed(self) -> dict[str, str]:
        """The fields as typed, by CustomerDetails' names."""
        return {
            "family_name": self.family_name.text(),
            "given_name": self.given_name.text(),
            "family_kana": self.family_kana.text(),
            "given_kana": self.given_kana.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
        }

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field


class NewCustomerDialog(_DetailsDialog):
    def __init__(
        self, submit: CustomerSubmit, *, typed: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer"))
        self.consents = ConsentChoices(self)
        self.consent_email = self.consents.email
        self.consent_sms = self.consents.sms
        self.consent_line = self.consents.line
        self._prefill(typed.strip())
        self.form.addRow(self.tr("News and offers by"), self.consents)
        self._finish()

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
        return NewCustomer(**self.typed(), consents=self.consents.chosen())

    def submit(self) -> str | None:
        return self._submit(self.entry())


class CorrectDetailsDialog(_DetailsDialog):
    """The customer's details as the cache holds them, to correct (a typo, a new address, or
    the customer asking for a correction). Phone and email are shown only when the staff
    member sees them unmasked; left blank, they stay as they are."""

    def __init__(
        self,
        submit: CorrectionSubmit,
        profile: Profile,
        *,
        contact_visible: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setObjectName("correctDetailsDialog")
        self.setWindowTitle(self.tr("Correct details"))
        self.family_name.setText(profile.family_name)
        self.given_name.setText(profile.given_name)
        self.family_kana.setText(profile.family_kana)
        self.given_kana.setText(profile.given_kana)
        if contact_visible:
            self.phone.setText(national_phone(profile.phone))
            self.email.setText(profile.email or "")
        else:
            unchanged = self.tr("unchanged (left blank)")
            self.phone.setPlaceholderText(unchanged)
            self.email.setPlaceholderText(unchanged)
        self._finish()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        submit: CorrectionSubmit,
        profile: Profile,
        *,
        contact_visible: bool,
    ) -> bool:
        """Show the form modally; True when a correction was saved."""
        return cls(submit, profile, contact_visible=contact_visible, parent=parent).run_modal()

    def entry(self) -> Correction:
        return Correction(**self.typed())

    def submit(self) -> str | None:
        return self._submit(self.entry())
