"""The unified customer profile: identity, tier, consent, purchases from every channel, activity,
interests, notes, reservations and follow-ups, with pending and rejected local changes marked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.models import Consent, Profile, SyncState
from clienteling.ui import labels
from clienteling.ui.formatting import national_phone, plain_label, plain_tooltip

GRANTED_MARK = "✔"
WITHDRAWN_MARK = "✖"


def sync_suffix(sync: SyncState, reason: str | None = None) -> str:
    """The marker appended to a row written here: pending, or rejected with the reason."""
    if sync == SyncState.PENDING:
        return f"  [{labels.pending_sync()}]"
    if sync == SyncState.REJECTED:
        return f"  [{labels.rejected_because(reason)}]"
    return ""


class ProfileView(QWidget):
    """Shows one Profile. Buttons ask the container to add a note or log an item of interest."""

    note_add_requested = Signal(str)  # customer id
    interest_add_requested = Signal(str)  # customer id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: Profile | None = None
        self._stack = QStackedWidget(self)
        self.placeholder = plain_label(
            self.tr("Scan a loyalty card or search for a customer."), name="profilePlaceholder"
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._build_profile_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    # -- construction -------------------------------------------------------------------------

    def _build_profile_page(self) -> QWidget:
        page = QWidget(self)
        self.name = plain_label(name="profileName")
        self.kana = plain_label(name="profileKana")
        self.tier = plain_label(name="profileTier")
        self.contact = plain_label(name="profileContact")
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact.setWordWrap(True)
        self.add_note_button = QPushButton(self.tr("Add note"), page)
        self.add_note_button.setObjectName("addNoteButton")
        self.add_note_button.clicked.connect(self.on_add_note_button_clicked)
        self.add_interest_button = QPushButton(self.tr("Log item of interest"), page)
        self.add_interest_button.setObjectName("addInterestButton")
        self.add_interest_button.clicked.connect(self.on_add_interest_button_clicked)

        identity = QVBoxLayout()
        identity.addWidget(self.name)
        identity.addWidget(self.kana)
        identity.addWidget(self.tier)
        identity.addWidget(self.contact)
        actions = QVBoxLayout()
        actions.addWidget(self.add_note_button)
        actions.addWidget(self.add_interest_button)
        actions.addStretch(1)
        header = QHBoxLayout()
        header.addLayout(identity, 1)
        header.addLayout(actions)

        self.consents_frame = QFrame(page)
        self.consents_frame.setObjectName("consents")
        self.consents_grid = QGridLayout(self.consents_frame)
        self.consents_grid.setContentsMargins(0, 0, 0, 0)

        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("profileTabs")
        self.orders = self._tree(
            [
                self.tr("Date"),
                self.tr("Channel"),
                self.tr("Store"),
                self.tr("Total"),
                self.tr("Status"),
                self.tr("Items"),
            ]
        )
        self.activities = self._tree(
            [self.tr("Date"), self.tr("Channel"), self.tr("What"), self.tr("Details")]
        )
        self.interests = self._list()
        self.notes = self._list()
        self.reservations = self._tree(
            [
                self.tr("Created"),
                self.tr("Kind"),
                self.tr("Item"),
                self.tr("Qty"),
                self.tr("Status"),
                self.tr("Expires"),
            ]
        )
        self.followups = self._tree(
            [
                self.tr("Due"),
                self.tr("Channel"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Note"),
            ]
        )
        for widget in (
            self.orders,
            self.activities,
            self.interests,
            self.notes,
            self.reservations,
            self.followups,
        ):
            self.tabs.addTab(widget, "")

        layout = QVBoxLayout(page)
        layout.addLayout(header)
        layout.addWidget(plain_label(self.tr("Consent"), name="sectionTitle"))
        layout.addWidget(self.consents_frame)
        layout.addWidget(self.tabs, 1)
        return page

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.header().setMinimumSectionSize(80)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        return tree

    def _list(self) -> QListWidget:
        widget = QListWidget(self)
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        return widget

    # -- showing data -------------------------------------------------------------------------

    @property
    def profile(self) -> Profile | None:
        return self._profile

    @property
    def customer_id(self) -> str | None:
        return self._profile.id if self._profile is not None else None

    def clear(self, message: str | None = None) -> None:
        self._profile = None
        if message:
            self.placeholder.setText(message)
        self._stack.setCurrentIndex(0)

    def show_profile(self, profile: Profile) -> None:
        same_customer = self._profile is not None and self._profile.id == profile.id
        tab = self.tabs.currentIndex() if same_customer else 0
        self._profile = profile
        self.name.setText(profile.display_name)
        self.kana.setText(profile.family_kana + " " + profile.given_kana)
        self.tier.setText(
            self.tr("Tier: %1    Points: %2")
            .replace("%1", labels.tier(profile.tier))
            .replace("%2", f"{profile.points:,}")
        )
        reach = [
            national_phone(profile.phone),
            profile.email or "",
            self.tr("Card %1").replace("%1", profile.loyalty_card) if profile.loyalty_card else "",
        ]
        about = [
            self.tr("Birthday %1").replace("%1", profile.birthday) if profile.birthday else "",
            self.tr("Home store: %1").replace("%1", profile.home_store_name)
            if profile.home_store_name
            else "",
        ]
        self.contact.setText(
            "\n".join("   ".join(p for p in line if p) for line in (reach, about) if any(line))
        )
        self._show_consents(profile.consents)
        self._show_orders(profile)
        self._show_activities(profile)
        self._show_interests(profile)
        self._show_notes(profile)
        self._show_reservations(profile)
        self._show_followups(profile)
        self._retitle_tabs(profile)
        self.tabs.setCurrentIndex(tab)
        self._stack.setCurrentIndex(1)

    def _retitle_tabs(self, profile: Profile) -> None:
        titles = [
            (self.tr("Purchases (%1)"), len(profile.orders)),
            (self.tr("Activity (%1)"), len(profile.activities)),
            (self.tr("Interests (%1)"), len(profile.interests)),
            (self.tr("Notes (%1)"), len(profile.notes)),
            (self.tr("Reservations (%1)"), len(profile.reservations)),
            (self.tr("Follow-ups (%1)"), len(profile.followups)),
        ]
        for index, (title, count) in enumerate(titles):
            self.tabs.setTabText(index, title.replace("%1", str(count)))

    def _show_consents(self, consents: Sequence[Consent]) -> None:
        while self.consents_grid.count():
            item = self.consents_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # off the frame now, not at the next event loop pass
                widget.deleteLater()
        if not consents:
            self.consents_grid.addWidget(
                plain_label(self.tr("No consent recorded"), self.consents_frame), 0, 0
            )
            return
        columns = 3
        for index, consent in enumerate(consents):
            granted = consent.state == "granted"
            text = "{mark} {channel} · {purpose}: {state}{suffix}".format(
                mark=GRANTED_MARK if granted else WITHDRAWN_MARK,
                channel=labels.channel(consent.channel),
                purpose=labels.purpose(consent.purpose),
                state=self.tr("granted") if granted else self.tr("withdrawn"),
                suffix=sync_suffix(consent.sync),
            )
            label: QLabel = plain_label(text, self.consents_frame)
            label.setObjectName("consentGranted" if granted else "consentWithdrawn")
            label.setToolTip(plain_tooltip(labels.when(consent.recorded_at)))
            self.consents_grid.addWidget(label, index // columns, index % columns)

    def _show_orders(self, profile: Profile) -> None:
        self.orders.clear()
        for order in profile.orders:
            items = ", ".join(
                f"{line.name} ×{line.quantity}" if line.quantity != 1 else line.name
                for line in order.lines
            )
            row = QTreeWidgetItem(
                [
                    labels.when(order.ordered_at, with_time=False),
                    labels.channel(order.channel),
                    order.store_name or "",
                    labels.yen(order.total_jpy),
                    labels.status(order.status),
                    items,
                ]
            )
            row.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.setToolTip(
                5,
                plain_tooltip(
                    "\n".join(
                        f"{line.sku}  {line.name}  ×{line.quantity}  "
                        f"{labels.yen(line.unit_price_jpy)}"
                        for line in order.lines
                    )
                ),
            )
            self.orders.addTopLevelItem(row)

    def _show_activities(self, profile: Profile) -> None:
        self.activities.clear()
        for activity in profile.activities:
            self.activities.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        labels.when(activity.occurred_at),
                        labels.channel(activity.channel),
                        labels.kind(activity.kind),
                        activity.summary,
                    ]
                )
            )

    def _show_interests(self, profile: Profile) -> None:
        self.interests.clear()
        for interest in profile.interests:
            what = interest.product_name or interest.sku or interest.category or ""
            if interest.sku and interest.product_name:
                what = f"{interest.product_name} ({interest.sku})"
            elif interest.category and not interest.sku:
                what = self.tr("Category: %1").replace("%1", interest.category)
            text = f"{labels.when(interest.created_at)}  {what}"
            if interest.comment:
                text += f"\n{interest.comment}"
            text += f"  · {labels.status(interest.status)}"
            text += sync_suffix(interest.sync, interest.rejected_reason)
            self.interests.addItem(self._item(text, interest.sync))

    def _show_notes(self, profile: Profile) -> None:
        self.notes.clear()
        for note in profile.notes:
            text = f"{labels.when(note.created_at)}  {note.staff_name}"
            text += sync_suffix(note.sync, note.rejected_reason)
            text += f"\n{note.text}"
            self.notes.addItem(self._item(text, note.sync))

    def _show_reservations(self, profile: Profile) -> None:
        self.reservations.clear()
        for reservation in profile.reservations:
            status = labels.status(reservation.status)
            if reservation.sync == SyncState.PENDING:
                status = self.tr("requested — not confirmed")
            self.reservations.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        labels.when(reservation.created_at),
                        labels.kind(reservation.kind),
                        reservation.product_name or reservation.sku,
                        str(reservation.quantity),
                        status,
                        labels.when(reservation.expires_at),
                    ]
                )
            )

    def _show_followups(self, profile: Profile) -> None:
        self.followups.clear()
        for followup in profile.followups:
            self.followups.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        followup.due_date,
                        labels.channel(followup.channel),
                        labels.kind(followup.kind),
                        labels.status(followup.status) + sync_suffix(followup.sync),
                        followup.note,
                    ]
                )
            )

    @staticmethod
    def _item(text: str, sync: SyncState) -> QListWidgetItem:
        item = QListWidgetItem(text)
        if sync == SyncState.REJECTED:
            item.setForeground(Qt.GlobalColor.darkRed)
        elif sync == SyncState.PENDING:
            item.setForeground(Qt.GlobalColor.darkYellow)
        return item

    # -- slots ----------------------------------------------------------------------------------

    def on_add_note_button_clicked(self) -> None:
        if self._profile is not None:
            self.note_add_requested.emit(self._profile.id)

    def on_add_interest_button_clicked(self) -> None:
        if self._profile is not None:
            self.interest_add_requested.emit(self._profile.id)
