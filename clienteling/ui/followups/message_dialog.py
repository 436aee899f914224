"""The message of a follow-up, or the drafts waiting for a manager: subject and text edited in
plain text, saved as a draft; a manager approves (sent by the server when it is due, if the
customer still agrees) or rejects. The work is the page's (online); this only shows and asks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.ui import labels
from clienteling.ui.formatting import plain_label
from sync.protocol.messages import MessagePublic

_STATUS: dict[str, Callable[[], str]] = {
    "draft": lambda: QCoreApplication.translate("Messages", "Draft: waiting for a manager"),
    "approved": lambda: QCoreApplication.translate("Messages", "Approved: sent when it is due"),
    "sending": lambda: QCoreApplication.translate("Messages", "Being sent"),
    "sent": lambda: QCoreApplication.translate("Messages", "Sent"),
    "rejected": lambda: QCoreApplication.translate("Messages", "Rejected by a manager"),
    "blocked": lambda: QCoreApplication.translate("Messages", "Not sent: no consent at send time"),
    "failed": lambda: QCoreApplication.translate("Messages", "Sending failed"),
    "unknown": lambda: QCoreApplication.translate("Messages", "Delivery unknown"),
}


def status_text(m: MessagePublic) -> str:
    found = _STATUS.get(m.status)
    return found() if found else m.status


def added_text(m: MessagePublic) -> str:
    """What the server adds when it sends: the cart link, the category blocks."""
    parts = []
    if m.has_cart_link:
        parts.append(QCoreApplication.translate("Messages", "a link to a cart of the items"))
    if m.category_blocks:
        parts.append(
            QCoreApplication.translate("Messages", "recommended: %1").replace(
                "%1", ", ".join(m.category_blocks)
            )
        )
    if not parts:
        return ""
    return QCoreApplication.translate("Messages", "Added when it is sent: %1").replace(
        "%1", "; ".join(parts)
    )


class MessageDialog(QDialog):
    """`messages`: one (a follow-up's) or the drafts to review (a list to pick from)."""

    save_requested = Signal(str, str, str)  # message id, subject, text
    decide_requested = Signal(str, bool)  # message id, approve

    def __init__(
        self,
        messages: list[MessagePublic],
        *,
        can_decide: bool,
        names: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.setWindowTitle(self.tr("Message"))
        self.resize(900, 560)
        self._messages = {m.id: m for m in messages}
        self._names = names or {}
        self.can_decide = can_decide
        self.list = QListWidget(self)
        self.list.setObjectName("messageList")
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.setVisible(len(messages) > 1)
        self.list.setMinimumWidth(260)
        self.heading = plain_label(name="messageHeading")
        self.status = plain_label(name="messageStatus")
        self.added = plain_label(name="messageAdded")
        self.added.setWordWrap(True)
        self.added.setStyleSheet("color: #555;")
        self.subject = QLineEdit(self)
        self.subject.setObjectName("messageSubject")
        self.subject.setMaxLength(200)
        self.subject.setPlaceholderText(self.tr("Subject"))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("messageBody")
        self.body.setTabChangesFocus(True)
        self.problem = plain_label(name="messageProblem")
        self.problem.setStyleSheet("color: #a51d2d;")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        close = QPushButton(self.tr("Close"), self)
        self.save_button.clicked.connect(self._save)
        self.approve_button.clicked.connect(lambda: self._decide(True))
        self.reject_button.clicked.connect(lambda: self._decide(False))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.approve_button, self.reject_button):
            b.setMinimumHeight(44)
            buttons.addWidget(b)
            b.setVisible(b is self.save_button or can_decide)
        buttons.addStretch(1)
        close.setMinimumHeight(44)
        buttons.addWidget(close)
        editor = QVBoxLayout()
        editor.addWidget(self.heading)
        editor.addWidget(self.status)
        editor.addWidget(self.subject)
        editor.addWidget(self.body, 1)
        editor.addWidget(self.added)
        editor.addWidget(self.problem)
        editor.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(editor, 1)
        for m in messages:
            item = QListWidgetItem(f"{self._names.get(m.customer_id, '')}\n{m.subject}")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._show_current()

    @property
    def current(self) -> MessagePublic | None:
        item = self.list.currentItem()
        return self._messages.get(str(item.data(Qt.ItemDataRole.UserRole))) if item else None

    def _show_current(self) -> None:
        m = self.current
        self.problem.setText("")
        if m is None:
            self.heading.setText(self.tr("No message to review."))
            for w in (self.subject, self.body, self.save_button, self.approve_button):
                w.setEnabled(False)
            self.reject_button.setEnabled(False)
            return
        name = self._names.get(m.customer_id, "")
        self.heading.setText(
            self.tr("%1 · by %2 · written by %3")
            .replace("%1", name or labels.channel(m.channel))
            .replace("%2", labels.channel(m.channel))
            .replace("%3", m.created_by or "")
        )
        self.status.setText(status_text(m) + (f" ({m.blocked_reason})" if m.blocked_reason else ""))
        self.subject.setText(m.subject)
        self.body.setPlainText(m.body)
        self.added.setText(added_text(m))
        editable = m.status == "draft"
        for w in (self.subject, self.body, self.save_button):
            w.setEnabled(editable)
        self.approve_button.setEnabled(editable)
        self.reject_button.setEnabled(editable)

    def show_message(self, m: MessagePublic) -> None:
        """An answer from the server: the message as it now is."""
        self._messages[m.id] = m
        self._show_current()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def _save(self) -> None:
        m = self.current
        if m is not None:
            self.save_requested.emit(m.id, self.subject.text(), self.body.toPlainText())

    def _decide(self, approve: bool) -> None:
        m = self.current
        if m is None:
            return
        edited = (self.subject.text(), self.body.toPlainText()) != (m.subject, m.body)
        if edited:  # what the manager sees is what is approved
            self.save_requested.emit(m.id, self.subject.text(), self.body.toPlainText())
        self.decide_requested.emit(m.id, approve)
