"""The marketing-consent question as the counter asks it: a box per channel and the words to
read to the customer (the wording version recorded with each answer is the services')."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from clienteling.ui.formatting import plain_label


class ConsentChoices(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.email = QCheckBox(self.tr("Email"), self)
        self.email.setObjectName("consentEmail")
        self.sms = QCheckBox(self.tr("SMS"), self)
        self.sms.setObjectName("consentSms")
        self.line = QCheckBox(self.tr("LINE"), self)
        self.line.setObjectName("consentLine")
        self.boxes = {"email": self.email, "sms": self.sms, "line": self.line}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes.values():
            row.addWidget(box)
        row.addStretch(1)
        self.wording = plain_label(
            self.tr(
                "Ask the customer: “May we send you news and offers from our shops on the "
                "channels ticked? You can stop them at any time.” Tick only what they agree to."
            ),
            self,
            name="consentWording",
        )
        self.wording.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.wording)

    def states(self) -> dict[str, bool]:
        return {channel: box.isChecked() for channel, box in self.boxes.items()}

    def set_states(self, states: dict[str, bool]) -> None:
        for channel, box in self.boxes.items():
            box.setChecked(bool(states.get(channel)))

    def chosen(self) -> tuple[str, ...]:
        return tuple(channel for channel, on in self.states().items() if on)
