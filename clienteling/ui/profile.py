"""The unified customer profile: identity, tier, consent, purchases from every channel, activity,
interests, notes, reservations and follow-ups, with pending and rejected local changes marked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
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

from clienteling.domain.masking import mask_email, mask_phone
from clienteling.domain.models import Consent, Interest, Profile, SyncState
from clienteling.ui import labels
from clienteling.ui.followups import texts as followup_texts
from clienteling.ui.formatting import national_phone, plain_label, plain_tooltip
from clienteling.ui.reservations.table import ReservationTable
from clienteling.ui.widgets.picture import picture_icon

SKU_ROLE = Qt.ItemDataRole.UserRole
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
    interest_dismiss_requested = Signal(str, str)  # customer id, interest id
    product_open_requested = Signal(str)  # sku
    step_requested = Signal(str, str)  # reservation id, verb
    transfer_requested = Signal(str, str, str)  # sku, store to ask, customer id
    reveal_requested = Signal(str)  # customer id: show the masked phone and email
    consent_change_requested = Signal(str)  # customer id
    correct_requested = Signal(str)  # customer id: correct the name, reading, phone, email
    erase_requested = Signal(str)  # customer id (managers)
    export_requested = Signal(str)  # customer id (managers): a disclosure

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: Profile | None = None
        self._store_id = ""
        # Associates see phone and email partly hidden until they reveal them (audited).
        self._masking = False
        self._revealed: str | None = None
        # Category code -> label in the staff's language (catalog data, set by the window).
        self.category_labels: dict[str, str] = {}
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
        # What the profile adds up to over every channel (from the server).
        self.summary = plain_label(name="profileSummary")
        # A walk-in not on the server yet (or refused), or a duplicate joined to this profile.
        self.standing = plain_label(name="profileStanding")
        self.standing.setWordWrap(True)
        self.standing.hide()
        self.summary.setWordWrap(True)
        self.add_note_button = QPushButton(self.tr("Add note"), page)
        self.add_note_button.setObjectName("addNoteButton")
        self.add_note_button.clicked.connect(self.on_add_note_button_clicked)
        self.add_interest_button = QPushButton(self.tr("Log item of interest"), page)
        self.add_interest_button.setObjectName("addInterestButton")
        self.add_interest_button.clicked.connect(self.on_add_interest_button_clicked)
        self.consent_button = QPushButton(self.tr("News and offers…"), page)
        self.consent_button.setObjectName("changeConsent")
        self.consent_button.setToolTip(self.tr("Ask and record what the customer agrees to"))
        self.consent_button.clicked.connect(self.on_consent_button_clicked)
        self.correct_button = QPushButton(self.tr("Correct details…"), page)
        self.correct_button.setObjectName("correctDetails")
        self.correct_button.setToolTip(self.tr("Correct the name, reading, phone or email"))
        self.correct_button.clicked.connect(self.on_correct_button_clicked)
        self.export_button = QPushButton(self.tr("Export their data…"), page)
        self.export_button.setObjectName("exportCustomer")
        self.export_button.setToolTip(
            self.tr("The customer asked what is held about them: a file to hand over")
        )
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.export_button.hide()
        self.erase_button = QPushButton(self.tr("Erase this customer…"), page)
        self.erase_button.setObjectName("eraseCustomer")
        self.erase_button.setToolTip(self.tr("The customer asked to be deleted: everywhere"))
        self.erase_button.clicked.connect(self.on_erase_button_clicked)
        self.erase_button.hide()
        self.reveal_button = QPushButton(self.tr("Show contact details"), page)
        self.reveal_button.setObjectName("revealContact")
        self.reveal_button.setToolTip(self.tr("Shows the full phone number and email; recorded"))
        self.reveal_button.clicked.connect(self.on_reveal_button_clicked)
        self.reveal_button.hide()

        identity = QVBoxLayout()
        identity.addWidget(self.name)
        identity.addWidget(self.kana)
        identity.addWidget(self.tier)
        identity.addWidget(self.contact)
        identity.addWidget(self.summary)
        identity.addWidget(self.standing)
        identity.addStretch(1)  # the lines stay together beside a taller column of buttons
        actions = QVBoxLayout()
        actions.addWidget(self.add_note_button)
        actions.addWidget(self.add_interest_button)
        actions.addWidget(self.consent_button)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.reveal_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.erase_button)
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
        self.orders.setRootIsDecorated(True)
        self.orders.setIconSize(QSize(28, 28))
        self.orders.itemDoubleClicked.connect(self.on_orders_item_double_clicked)
        self.interests_page = QWidget(self)
        self.interests = self._list()
        self.interests.setIconSize(QSize(36, 36))
        self.interests.itemDoubleClicked.connect(self.on_interests_item_double_clicked)
        self.interests.currentRowChanged.connect(self.on_interests_current_row_changed)
        self.show_product_button = QPushButton(self.tr("Show product"), self.interests_page)
        self.show_product_button.setObjectName("interestProduct")
        self.show_product_button.clicked.connect(self.on_show_product_button_clicked)
        self.dismiss_button = QPushButton(self.tr("Dismiss…"), self.interests_page)
        self.dismiss_button.setObjectName("interestDismiss")
        self.dismiss_button.clicked.connect(self.on_dismiss_button_clicked)
        interest_actions = QHBoxLayout()
        interest_actions.addWidget(self.show_product_button)
        interest_actions.addWidget(self.dismiss_button)
        interest_actions.addStretch(1)
        interests_layout = QVBoxLayout(self.interests_page)
        interests_layout.setContentsMargins(0, 0, 0, 0)
        interests_layout.addWidget(self.interests, 1)
        interests_layout.addLayout(interest_actions)
        self.notes = self._list()
        self.reservations = ReservationTable(show_customer=False, parent=self)
        self.reservations.step_requested.connect(self.step_requested)
        self.reservations.transfer_requested.connect(self.transfer_requested)
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
            self.interests_page,
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

    def set_masking(self, on: bool) -> None:
        """Whether contact details are partly hidden until revealed (for associates)."""
        self._masking = on
        self.conceal()

    def conceal(self) -> None:
        """Hide a revealed phone and email again (the terminal locked, another person)."""
        self._revealed = None
        if self._profile is not None:
            self.show_profile(self._profile)

    def reveal(self, customer_id: str) -> None:
        if self._profile is not None and self._profile.id == customer_id:
            self._revealed = customer_id
            self.show_profile(self._profile)

    def set_can_erase(self, on: bool) -> None:
        """A manager's rights requests: disclosure and erasure."""
        self.erase_button.setVisible(on)
        self.export_button.setVisible(on)

    def on_export_button_clicked(self) -> None:
        if self._profile is not None:
            self.export_requested.emit(self._profile.id)

    def on_erase_button_clicked(self) -> None:
        if self._profile is not None:
            self.erase_requested.emit(self._profile.id)

    def on_consent_button_clicked(self) -> None:
        if self._profile is not None:
            self.consent_change_requested.emit(self._profile.id)

    def on_correct_button_clicked(self) -> None:
        if self._profile is not None:
            self.correct_requested.emit(self._profile.id)

    @property
    def contact_visible(self) -> bool:
        """Whether the phone and email are shown in full (not masked) right now."""
        return not self.reveal_button.isVisibleTo(self)

    def on_reveal_button_clicked(self) -> None:
        if self._profile is not None:
            self.reveal_requested.emit(self._profile.id)

    def set_store(self, store_id: str) -> None:
        """The terminal's store: which reservation steps are offered here."""
        self._store_id = store_id

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
        if profile.id != self._revealed:
            self._revealed = None
        masked = self._masking and self._revealed is None and bool(profile.phone or profile.email)
        self.reveal_button.setVisible(masked)
        phone, email = national_phone(profile.phone), profile.email or ""
        reach = [
            mask_phone(phone) if masked else phone,
            mask_email(email) if masked else email,
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
        self.summary.setText(self._summary_text(profile))
        self.summary.setVisible(profile.summary is not None)
        standing = self._standing_text(profile)
        self.standing.setText(standing)
        self.standing.setVisible(bool(standing))
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

    def _standing_text(self, profile: Profile) -> str:
        if profile.sync == SyncState.REJECTED:
            return self.tr("The server refused this new customer: %1").replace(
                "%1", labels.service_message(profile.rejected_reason or "")
            )
        if profile.sync == SyncState.PENDING:
            return self.tr(
                "New customer, saved on this terminal: not on the server yet. Notes and items "
                "of interest can be added already."
            )
        if not profile.complete:
            return self.tr(
                "This terminal is still loading its data: this customer's purchases, notes and "
                "items of interest may not all be here yet."
            )
        if profile.merged_from:
            return self.tr(
                "Another profile of this customer was joined to this one: everything on it is "
                "shown here."
            )
        return ""

    def _summary_text(self, profile: Profile) -> str:
        """Two lines: value and habits, then the latest purchase on each channel."""
        summary = profile.summary
        if summary is None:
            return ""
        first = [
            self.tr("Lifetime %1 over %2 orders")
            .replace("%1", labels.yen(summary.lifetime_jpy))
            .replace("%2", f"{summary.order_count:,}")
        ]
        prefers = [
            labels.channel(summary.preferred_channel) if summary.preferred_channel else "",
            summary.preferred_store_name or "",
        ]
        if any(prefers):
            first.append(self.tr("Mostly: %1").replace("%1", " / ".join(p for p in prefers if p)))
        if summary.favourite_categories:
            named = (self.category_labels.get(c, c) for c in summary.favourite_categories)
            first.append(self.tr("Likes: %1").replace("%1", ", ".join(named)))
        if summary.sizes:
            first.append(self.tr("Sizes: %1").replace("%1", ", ".join(summary.sizes)))
        if summary.open_inquiries:
            first.append(self.tr("Open inquiries: %1").replace("%1", str(summary.open_inquiries)))
        last = [
            f"{labels.channel(channel)} {labels.when(at, with_time=False)}"
            for channel, at in summary.last_purchase
        ]
        lines = ["   ".join(first)]
        if last:
            lines.append(self.tr("Last purchase: %1").replace("%1", "   ".join(last)))
        return "\n".join(lines)

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
            if order.lines:
                row.setData(0, SKU_ROLE, order.lines[0].sku)
            for line in order.lines:
                child = QTreeWidgetItem(
                    ["", "", "", labels.yen(line.unit_price_jpy * line.quantity), "", line.name]
                )
                child.setIcon(5, picture_icon(line.image, 28))
                child.setData(0, SKU_ROLE, line.sku)
                child.setTextAlignment(
                    3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                row.addChild(child)
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
                label = self.category_labels.get(interest.category, interest.category)
                what = self.tr("Category: %1").replace("%1", label)
            text = f"{labels.when(interest.created_at)}  {what}"
            if interest.comment:
                text += f"\n{interest.comment}"
            text += f"  · {labels.status(interest.status)}"
            if interest.status == "dismissed" and interest.status_reason:
                text += f" ({interest.status_reason})"
            text += sync_suffix(interest.sync, interest.rejected_reason)
            item = self._item(text, interest.sync)
            item.setIcon(picture_icon(interest.image, 36))
            item.setData(SKU_ROLE, interest.id)
            self.interests.addItem(item)
        self.on_interests_current_row_changed(self.interests.currentRow())

    def _show_notes(self, profile: Profile) -> None:
        self.notes.clear()
        for note in profile.notes:
            text = f"{labels.when(note.created_at)}  {note.staff_name}"
            text += sync_suffix(note.sync, note.rejected_reason)
            text += f"\n{note.text}"
            self.notes.addItem(self._item(text, note.sync))

    def _show_reservations(self, profile: Profile) -> None:
        self.reservations.show_rows(profile.reservations, self._store_id)

    def _show_followups(self, profile: Profile) -> None:
        self.followups.clear()
        for followup in profile.followups:
            status = labels.status(followup.status)
            if followup.result:
                status += f" ({followup_texts.result(followup.result)})"
            delivery = followup_texts.delivery(followup)
            if delivery:
                status += f" · {delivery}"
            item = QTreeWidgetItem(
                [
                    labels.when(followup.due_at or followup.due_date),
                    labels.channel(followup.channel),
                    followup_texts.rule(followup),
                    status + sync_suffix(followup.sync),
                    followup.outcome or followup.note,
                ]
            )
            why = followup_texts.why(followup.timing)
            if why:
                item.setToolTip(0, plain_tooltip(why))
            self.followups.addTopLevelItem(item)

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

    def _selected_interest(self) -> Interest | None:
        if self._profile is None:
            return None
        row = self.interests.currentRow()
        items = self._profile.interests
        return items[row] if 0 <= row < len(items) else None

    def on_interests_current_row_changed(self, _row: int) -> None:
        interest = self._selected_interest()
        self.show_product_button.setEnabled(interest is not None and interest.sku is not None)
        self.dismiss_button.setEnabled(
            interest is not None and interest.status == "open" and interest.sync == SyncState.SYNCED
        )

    def on_interests_item_double_clicked(self, _item: QListWidgetItem) -> None:
        self.on_show_product_button_clicked()

    def on_show_product_button_clicked(self) -> None:
        interest = self._selected_interest()
        if interest is not None and interest.sku:
            self.product_open_requested.emit(interest.sku)

    def on_dismiss_button_clicked(self) -> None:
        interest = self._selected_interest()
        if interest is not None and self._profile is not None:
            self.interest_dismiss_requested.emit(self._profile.id, interest.id)

    def on_orders_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        sku = item.data(0, SKU_ROLE)
        if sku:
            self.product_open_requested.emit(str(sku))
