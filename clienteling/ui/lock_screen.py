"""What the terminal shows while locked: no customer data, only who is signed in, a PIN field
to unlock and a way for a colleague to sign in instead."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clienteling.ui.formatting import plain_label


class LockScreen(QWidget):
    unlock_requested = Signal(str)  # the PIN typed
    switch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title = plain_label(self.tr("Locked"), name="lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = plain_label("", name="lockWho")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = plain_label(
            self.tr("Customer data is hidden while nobody is using this terminal."),
            name="lockHint",
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("lockPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        # Longer than any PIN: a scan burst landing here must fit whole to be taken back out.
        self.pin.setMaxLength(64)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.returnPressed.connect(self.on_unlock_button_clicked)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.on_unlock_button_clicked)
        self.switch_button = QPushButton(self.tr("Someone else signs in"), self)
        self.switch_button.setObjectName("lockSwitch")
        self.switch_button.clicked.connect(self.switch_requested)
        self.problem = plain_label("", name="dialogError")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pin)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(3)

    def prepare(self, staff_name: str, store_name: str, *, pin_allowed: bool) -> None:
        self.who.setText(
            self.tr("%1 is signed in at %2").replace("%1", staff_name).replace("%2", store_name)
        )
        self.pin.clear()
        self.pin.setEnabled(pin_allowed)
        self.unlock_button.setEnabled(pin_allowed)
        if pin_allowed:
            self.problem.hide()
            self.pin.setFocus()
        else:
            self.show_problem(
                self.tr("This terminal cannot check the PIN here: sign in again to unlock.")
            )

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def on_unlock_button_clicked(self) -> None:
        if self.pin.isEnabled() and self.pin.text():
            self.unlock_requested.emit(self.pin.text())
