"""Sign-in dialogs for a terminal that talks to a remote central API: registering the terminal
to a store (a manager's code and PIN) and opening a staff session (staff code and PIN, or a
scanned staff badge and PIN: the badge names who signs in, the PIN proves it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.barcode import ScanError, StaffBadgeScan, parse_scan
from clienteling.ui.formatting import plain_label


@dataclass(frozen=True, slots=True)
class Credentials:
    store_id: str | None  # only when registering the terminal
    staff_code: str  # "" when a badge names the staff member
    pin: str
    badge: str | None = None


class SignInDialog(QDialog):
    """Staff code + PIN, and a store list when the terminal is being registered."""

    def __init__(
        self,
        *,
        stores: Sequence[tuple[str, str]] = (),
        message: str = "",
        badge: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        registering = bool(stores)
        self._badge: str | None = None
        self.setWindowTitle(
            self.tr("Register this terminal") if registering else self.tr("Staff sign-in")
        )
        self.setMinimumWidth(480)
        intro = (
            self.tr("A manager registers this terminal to a store once.")
            if registering
            else self.tr("Sign in with your staff code and PIN.")
        )
        self.intro = plain_label(intro, self)
        self.error = plain_label(message, self, name="dialogError")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(message))
        self.store = QComboBox(self)
        for store_id, name in stores:
            self.store.addItem(name, store_id)
        self.code = QLineEdit(self)
        self.code.setObjectName("staffCode")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("staffPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.badge_label = plain_label("", self, name="badgeRead")
        self.badge_label.hide()
        form = QFormLayout()
        if registering:
            form.addRow(self.tr("Store"), self.store)
        else:
            self.store.hide()
        form.addRow(self.tr("Staff code"), self.code)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.badge_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._registering = registering
        self.code.setFocus()
        if badge:
            self.use_badge(badge)

    def use_badge(self, number: str) -> None:
        """A badge was scanned: it names the staff member; the PIN is still asked for."""
        self._badge = number
        self.code.clear()
        self.code.setEnabled(False)
        self.badge_label.setText(self.tr("Badge %1 read: enter your PIN.").replace("%1", number))
        self.badge_label.show()
        self.error.hide()
        self.pin.setFocus()

    def accept_scan(self, text: str) -> bool:
        """A staff badge scanned while this dialog is open fills it in (ScanTarget)."""
        try:
            scan = parse_scan(text)
        except ScanError:
            scan = None
        if self._registering or not isinstance(scan, StaffBadgeScan):
            self.error.setText(self.tr("That barcode is not a staff badge."))
            self.error.show()
            return False
        self.use_badge(scan.number)
        return True

    def credentials(self) -> Credentials:
        store_id = self.store.currentData() if self._registering else None
        return Credentials(
            store_id=str(store_id) if store_id else None,
            staff_code="" if self._badge else self.code.text().strip(),
            pin=self.pin.text().strip(),
            badge=self._badge,
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None = None,
        *,
        stores: Sequence[tuple[str, str]] = (),
        message: str = "",
    ) -> Credentials | None:
        """Modal; None when cancelled."""
        dialog = cls(stores=stores, message=message, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.credentials()
        finally:
            dialog.deleteLater()
