"""The follow-up queue: mine (or, for a manager, the whole store's), overdue / today /
upcoming on the store's calendar, with why each is due when it is. From here a staff member
opens the customer, puts a follow-up off, or marks it done with what was done; a manager gives
it to a colleague. Works offline (the cache and the outbox); refreshed when a sync brings
something."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.errors import InvalidInput
from clienteling.domain.models import FollowUp, FollowupQueue, SyncState
from clienteling.services.followups import FollowupService, Scope
from clienteling.services.messages import MessageService
from clienteling.ui import labels
from clienteling.ui.followups import texts
from clienteling.ui.followups.dialogs import AssignDialog, DoneDialog
from clienteling.ui.followups.message_actions import MessageActions
from clienteling.ui.formatting import plain_label

ID_ROLE = Qt.ItemDataRole.UserRole
SNOOZE_DAYS = (1, 3, 7)


class FollowupsPage(QWidget):
    customer_open_requested = Signal(str)
    done = Signal(str)  # what was done, for the window's banner
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: FollowupService | None = None
        self._rows: dict[str, FollowUp] = {}
        self.category_labels: dict[str, str] = {}
        self.done_dialog: DoneDialog | None = None
        self.assign_dialog: AssignDialog | None = None
        self.title = plain_label(self.tr("Follow-ups"), name="sectionTitle")
        self.scope = QComboBox(self)
        self.scope.setObjectName("followupScope")
        self.scope.addItem(self.tr("Mine"), "mine")
        self.scope.addItem(self.tr("Whole store"), "store")
        self.scope.currentIndexChanged.connect(self.refresh)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("followupTabs")
        self.overdue, self.today, self.upcoming = (self._tree() for _ in range(3))
        for tree in self.trees():
            self.tabs.addTab(tree, "")
        self.tabs.currentChanged.connect(self._update_buttons)
        self.why = plain_label(name="followupWhy")
        self.why.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open customer"), self)
        self.open_button.setObjectName("followupOpen")
        self.open_button.clicked.connect(self.on_open_clicked)
        self.snooze_button = QToolButton(self)
        self.snooze_button.setObjectName("followupSnooze")
        self.snooze_button.setText(self.tr("Put off"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        menu.setStyleSheet("QMenu::item { padding: 12px 28px; }")  # a finger on a tablet
        for days in SNOOZE_DAYS:
            action = menu.addAction(self.tr("By %n day(s)", "", days))
            action.setData(days)
            action.triggered.connect(lambda _=False, d=days: self.snooze(d))
        self.snooze_button.setMenu(menu)
        self.done_button = QPushButton(self.tr("Done…"), self)
        self.done_button.setObjectName("followupDoneButton")
        self.done_button.clicked.connect(self.on_done_clicked)
        self.assign_button = QPushButton(self.tr("Give to…"), self)
        self.assign_button.setObjectName("followupAssignButton")
        self.assign_button.clicked.connect(self.on_assign_clicked)
        self.messages = MessageActions(self, self._customer_names)
        self.messages.failed.connect(self.failed)
        self.message_button = QPushButton(self.tr("Message…"), self)
        self.message_button.setObjectName("followupMessage")
        self.message_button.clicked.connect(self.on_message_clicked)
        self.review_button = QPushButton(self.tr("Messages to approve…"), self)
        self.review_button.setObjectName("followupReview")
        self.review_button.clicked.connect(self.messages.review)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.scope)
        actions = QHBoxLayout()
        for button in (
            self.open_button,
            self.snooze_button,
            self.done_button,
            self.assign_button,
            self.message_button,
            self.review_button,
        ):
            button.setMinimumHeight(44)  # a finger on a tablet
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.why)
        layout.addLayout(actions)
        self.show_queue(FollowupQueue((), (), ()))

    def _tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Customer"),
                self.tr("Follow-up"),
                self.tr("Channel"),
                self.tr("Owner"),
                self.tr("Items"),
            ]
        )
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        tree.setUniformRowHeights(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        tree.itemSelectionChanged.connect(self._update_buttons)
        tree.itemDoubleClicked.connect(lambda *_: self.on_open_clicked())
        return tree

    def trees(self) -> tuple[QTreeWidget, QTreeWidget, QTreeWidget]:
        return (self.overdue, self.today, self.upcoming)

    # -- service ----------------------------------------------------------------------------

    def set_message_service(self, service: MessageService) -> None:
        self.messages.service = service
        self.review_button.setVisible(service.can_decide)
        self._update_buttons()

    def _customer_names(self) -> dict[str, str]:
        return {f.customer_id: f.customer_name for f in self._rows.values()}

    def on_message_clicked(self) -> None:
        f = self.selected()
        if f is not None and self.messages.can_write(f):
            self.messages.write(f)

    def set_service(self, service: FollowupService) -> None:
        self._service = service
        self.scope.setVisible(service.can_manage)
        self.assign_button.setVisible(service.can_manage)
        if not service.can_manage:
            self.scope.setCurrentIndex(0)
        self.refresh()

    @property
    def scope_name(self) -> Scope:
        return "store" if self.scope.currentData() == "store" else "mine"

    def refresh(self) -> None:
        if self._service is not None:
            self.show_queue(self._service.queue(self.scope_name))

    def show_queue(self, queue: FollowupQueue) -> None:
        selected = self.selected()
        self._rows = {}
        parts: tuple[tuple[QTreeWidget, Sequence[FollowUp], str], ...] = (
            (self.overdue, queue.overdue, self.tr("Overdue (%n)", "", len(queue.overdue))),
            (self.today, queue.today, self.tr("Today (%n)", "", len(queue.today))),
            (self.upcoming, queue.upcoming, self.tr("Upcoming (%n)", "", len(queue.upcoming))),
        )
        for index, (tree, rows, title) in enumerate(parts):
            tree.clear()
            for f in rows:
                self._rows[f.id] = f
                tree.addTopLevelItem(self._item(f))
            self.tabs.setTabText(index, title)
            if selected is not None:
                for n in range(tree.topLevelItemCount()):
                    item = tree.topLevelItem(n)
                    if item is not None and item.data(0, ID_ROLE) == selected.id:
                        item.setSelected(True)
        if selected is None and not self.current_tree().topLevelItemCount():
            first = next((i for i, (_, rows, _) in enumerate(parts) if rows), None)
            if first is not None:
                self.tabs.setCurrentIndex(first)
        self._update_buttons()

    def _item(self, f: FollowUp) -> QTreeWidgetItem:
        due = labels.when(f.due_at) if f.due_at else labels.when(f.due_date)
        if f.sync == SyncState.PENDING:
            due += "  · " + labels.pending_sync()
        item = QTreeWidgetItem(
            [
                due,
                f.customer_name,
                texts.rule(f),
                labels.channel(f.channel),
                f.staff_name,
                ", ".join([*f.item_names, *(self.category_labels.get(c, c) for c in f.categories)]),
            ]
        )
        item.setData(0, ID_ROLE, f.id)
        return item

    # -- selection and actions --------------------------------------------------------------

    def current_tree(self) -> QTreeWidget:
        return self.trees()[max(0, self.tabs.currentIndex())]

    def chosen(self) -> list[FollowUp]:
        """The follow-ups selected in the list shown (several: the actions apply to all)."""
        ids = [str(item.data(0, ID_ROLE)) for item in self.current_tree().selectedItems()]
        return [self._rows[i] for i in ids if i in self._rows]

    def selected(self) -> FollowUp | None:
        chosen = self.chosen()
        return chosen[0] if chosen else None

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        for button in (self.snooze_button, self.done_button, self.assign_button):
            button.setEnabled(bool(chosen))
        self.open_button.setEnabled(len(chosen) == 1)
        self.message_button.setEnabled(len(chosen) == 1 and self.messages.can_write(chosen[0]))
        if len(chosen) == 1 and chosen[0].timing is not None:
            self.why.setText(
                self.tr("Why this time: %1").replace("%1", texts.why(chosen[0].timing))
            )
        elif len(chosen) > 1:
            self.why.setText(self.tr("%n follow-up(s) selected", "", len(chosen)))
        else:
            self.why.setText("")

    def on_open_clicked(self) -> None:
        f = self.selected()
        if f is not None and f.customer_id:
            self.customer_open_requested.emit(f.customer_id)

    def _each(self, chosen: list[FollowUp], action: Callable[[FollowUp], None]) -> int:
        """Apply `action` to each; a refusal is told (the first), the rest still done."""
        done, refused = 0, ""
        for f in chosen:
            try:
                action(f)
                done += 1
            except InvalidInput as exc:
                refused = refused or labels.service_message(str(exc))
        self.refresh()
        if refused:
            self.failed.emit(refused)
        return done

    def _who(self, chosen: list[FollowUp]) -> str:
        if len(chosen) == 1:
            return chosen[0].customer_name
        return self.tr("%n customer(s)", "", len(chosen))

    def snooze(self, days: int) -> None:
        chosen, service = self.chosen(), self._service
        if not chosen or service is None:
            return
        if self._each(chosen, lambda f: service.snooze_days(f.id, days)):
            self.done.emit(
                self.tr("Put off by %n day(s): %1", "", days).replace("%1", self._who(chosen))
            )

    def on_done_clicked(self) -> None:
        chosen = self.chosen()
        if not chosen:
            return
        dialog = DoneDialog(self._who(chosen), self)
        dialog.accepted.connect(lambda: self._done(chosen, dialog))
        self.done_dialog = dialog
        dialog.open()

    def _done(self, chosen: list[FollowUp], dialog: DoneDialog) -> None:
        service = self._service
        if service is None:
            return
        result, note = dialog.chosen, dialog.text
        if self._each(chosen, lambda f: service.complete(f.id, result, note)):
            self.done.emit(
                self.tr("Done: %1 (%2)")
                .replace("%1", self._who(chosen))
                .replace("%2", texts.result(result))
            )

    def on_assign_clicked(self) -> None:
        chosen, service = self.chosen(), self._service
        if not chosen or service is None:
            return
        dialog = AssignDialog(self._who(chosen), service.colleagues(), chosen[0].staff_id, self)
        dialog.accepted.connect(lambda: self._assign(chosen, dialog))
        self.assign_dialog = dialog
        dialog.open()

    def _assign(self, chosen: list[FollowUp], dialog: AssignDialog) -> None:
        service = self._service
        if service is None:
            return
        staff_id, name = dialog.staff_id, dialog.staff.currentText()
        if self._each(chosen, lambda f: service.assign(f.id, staff_id)):
            self.done.emit(
                self.tr("%1 now follows up %2").replace("%1", name).replace("%2", self._who(chosen))
            )
