"""The main window: search at the top, results on the left, the profile on the right, the sync
indicator in the status bar. It is the container: widgets ask, it calls the services.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.barcode import (
    Gs1Scan,
    LoyaltyCardScan,
    ProductScan,
    ScanError,
    StaffBadgeScan,
    parse_scan,
)
from clienteling.domain.errors import InvalidInput
from clienteling.ui import labels
from clienteling.ui.bridge import SyncBridge
from clienteling.ui.formatting import plain_label
from clienteling.ui.interest_dialog import InterestDialog, InterestInput
from clienteling.ui.note_editor import NoteEditor
from clienteling.ui.pending_dialog import PendingDialog
from clienteling.ui.profile import ProfileView
from clienteling.ui.scanner import ScanDetector
from clienteling.ui.search import SearchBox, SearchResults
from clienteling.ui.sync_indicator import SyncIndicator

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from clienteling.services.bundle import AppServices


STATUS_REFRESH_MS = 5000
BANNER_MS = 8000


class MainWindow(QMainWindow):
    """The one window of the app."""

    customer_opened = Signal(str)
    note_added = Signal(str)
    interest_logged = Signal(str)
    message_shown = Signal(str)
    search_finished = Signal(str)
    # A colleague takes over the counter (the composition root opens their session): with the
    # number of the staff badge they scanned, or "" (they type their staff code).
    staff_switch_requested = Signal(str)

    def __init__(
        self,
        services: AppServices,
        *,
        bridge: SyncBridge | None = None,
        scanner: ScanDetector | None = None,
        categories: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__()
        self._services = services
        # (code, label) pairs offered in the interest dialog; staff may also type their own.
        self._categories = categories
        self._pending_dialog: PendingDialog | None = None
        self._closed = False  # after close, late engine notifications must not read the cache
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Clienteling"))
        self.resize(1280, 800)

        self.search_box = SearchBox(self)
        self.staff_label = plain_label(self._staff_text(services), name="staffLabel")
        self.switch_staff_button = QPushButton(self.tr("Switch staff"), self)
        self.switch_staff_button.setObjectName("switchStaff")
        self.switch_staff_button.setToolTip(self.tr("A colleague signs in at this terminal"))
        self.switch_staff_button.clicked.connect(lambda: self.staff_switch_requested.emit(""))
        self.banner = plain_label("", name="banner")
        self.banner.setWordWrap(True)
        # The banner's row stays reserved: a message appearing must not move what is under a
        # finger on a touch screen.
        policy = self.banner.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.banner.setSizePolicy(policy)
        self.banner.hide()
        self.results = SearchResults(self)
        self.profile = ProfileView(self)
        self.sync_indicator = SyncIndicator(self)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.staff_label)
        top.addWidget(self.switch_staff_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.results)
        splitter.addWidget(self.profile)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 900])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.sync_indicator)

        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.setInterval(BANNER_MS)
        self._banner_timer.timeout.connect(self.banner.hide)
        # Many engine notifications arrive during a large pull: refresh at most every 150 ms.
        self._sync_refresh = QTimer(self)
        self._sync_refresh.setSingleShot(True)
        self._sync_refresh.setInterval(150)
        self._sync_refresh.timeout.connect(self.refresh_after_sync)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_sync_status)
        self._status_timer.start()

        self.search_box.search_requested.connect(self.on_search_box_search_requested)
        self.search_box.open_requested.connect(self.results.open_current)
        self.search_box.move_requested.connect(self.results.move_selection)
        self.results.customer_open_requested.connect(self.on_results_customer_open_requested)
        self.profile.note_add_requested.connect(self.on_profile_note_add_requested)
        self.profile.interest_add_requested.connect(self.on_profile_interest_add_requested)
        self.sync_indicator.details_requested.connect(self.on_sync_indicator_details_requested)
        if bridge is not None:
            bridge.sync_changed.connect(self.on_bridge_sync_changed)
        if scanner is not None:
            scanner.scanned.connect(self.on_scanner_scanned)
        for keys in ("Ctrl+F", "F2"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.focus_search)
        QShortcut(QKeySequence("Ctrl+Q"), self).activated.connect(self.close)
        self.refresh_sync_status()

    # -- public helpers -----------------------------------------------------------------------

    @staticmethod
    def _staff_text(services: AppServices) -> str:
        return f"{services.context.store_name} · {services.context.staff_name}"

    @property
    def services(self) -> AppServices:
        return self._services

    def set_services(self, services: AppServices) -> None:
        """Another staff member now works at this terminal: their services (every change is
        theirs from now on). The previous customer is put away, as at a real counter."""
        self._services = services
        self.staff_label.setText(self._staff_text(services))
        self.search_box.clear()
        self.results.show_outcome([], None)
        self.profile.clear()
        self.show_message(
            self.tr("%1 is now signed in at this terminal.").replace(
                "%1", services.context.staff_name
            )
        )
        self.refresh_sync_status()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A short message above the results (scan problems, saved changes)."""
        self.banner.setText(text)
        self.banner.setProperty("error", error)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()
        self._banner_timer.start()
        self.message_shown.emit(text)

    def open_customer(self, customer_id: str) -> bool:
        profile = self._services.profiles.load(customer_id)
        if profile is None:
            self.show_message(
                self.tr("This customer is not in this terminal's data yet."), error=True
            )
            return False
        self.profile.show_profile(profile)
        # Ids only: names, phones and card numbers never go to the log.
        log.info("profile opened (%s)", customer_id)
        self.customer_opened.emit(customer_id)
        return True

    def reload_profile(self) -> None:
        customer_id = self.profile.customer_id
        if customer_id is None:
            return
        profile = self._services.profiles.load(customer_id)
        if profile is None:
            self.profile.clear(self.tr("This customer is no longer available."))
        else:
            self.profile.show_profile(profile)

    def refresh_sync_status(self) -> None:
        if self._closed:
            return
        status = self._services.sync_status.status()
        self.sync_indicator.show_status(status)
        if self._pending_dialog is not None and self._pending_dialog.isVisible():
            self._pending_dialog.show_changes(self._services.sync_status.pending_changes(), status)

    def refresh_after_sync(self) -> None:
        if self._closed:
            return
        self.refresh_sync_status()
        self.reload_profile()

    # -- search ---------------------------------------------------------------------------------

    def on_search_box_search_requested(self, text: str) -> None:
        outcome = self._services.search.search(text)
        self.results.show_outcome(
            outcome.hits, labels.service_message(outcome.message) if outcome.message else None
        )
        self.search_finished.emit(text)

    def on_results_customer_open_requested(self, customer_id: str) -> None:
        self.open_customer(customer_id)

    # -- notes and interests --------------------------------------------------------------------

    def on_profile_note_add_requested(self, customer_id: str) -> None:
        profile = self.profile.profile
        name = profile.display_name if profile is not None else ""

        def submit(text: str) -> str | None:
            try:
                self._services.notes.add(customer_id, text)
            except InvalidInput as exc:
                return labels.service_message(str(exc))
            return None

        if NoteEditor.ask(self, name, submit):
            self._after_local_change()
            self.show_message(self._saved_message(self.tr("Note saved.")))
            self.note_added.emit(customer_id)

    def on_profile_interest_add_requested(self, customer_id: str) -> None:
        self.log_interest(customer_id, code=None)

    def log_interest(self, customer_id: str, *, code: str | None) -> None:
        profile = self.profile.profile
        name = profile.display_name if profile is not None else ""

        def submit(entry: InterestInput) -> str | None:
            try:
                self._services.interests.add(
                    customer_id, code=entry.code, category=entry.category, comment=entry.comment
                )
            except InvalidInput as exc:
                return labels.service_message(str(exc))
            return None

        if InterestDialog.ask(self, name, submit, categories=self._categories, code=code):
            self._after_local_change()
            self.show_message(self._saved_message(self.tr("Item of interest saved.")))
            self.interest_logged.emit(customer_id)

    def _after_local_change(self) -> None:
        self.reload_profile()
        self.refresh_sync_status()

    def _saved_message(self, first: str) -> str:
        if self.sync_indicator.online:
            return first + " " + self.tr("It is being sent to the server.")
        return (
            first
            + " "
            + self.tr("Offline: it is kept on this terminal and sent when the connection is back.")
        )

    # -- scanner --------------------------------------------------------------------------------

    def on_scanner_scanned(self, text: str) -> None:
        try:
            scan = parse_scan(text)
        except ScanError as exc:
            log.info("scan not readable")
            self.show_message(
                self.tr("Could not read that barcode: %1").replace(
                    "%1", labels.service_message(str(exc))
                ),
                error=True,
            )
            return
        log.info("scan read as %s", type(scan).__name__)
        if isinstance(scan, LoyaltyCardScan):
            self.open_card(scan.number)
            return
        if isinstance(scan, StaffBadgeScan):
            # A colleague's badge: they take over the counter (their PIN is still asked for).
            self.staff_switch_requested.emit(scan.number)
            return
        gtin = scan.gtin if isinstance(scan, ProductScan | Gs1Scan) else None
        if not gtin:
            self.show_message(
                self.tr("That barcode is not a product or a loyalty card."), error=True
            )
            return
        customer_id = self.profile.customer_id
        if customer_id is None:
            self.show_message(
                self.tr("Open a customer's profile first to log this product as an interest."),
                error=True,
            )
            return
        self.log_interest(customer_id, code=gtin)

    def open_card(self, number: str) -> None:
        """A loyalty card was scanned: search for it and open the profile when it is known."""
        self.search_box.search_now(number)
        matches = [hit for hit in self.results.hits() if hit.loyalty_card == number]
        if len(matches) == 1:
            self.open_customer(matches[0].id)
        elif not matches:
            self.show_message(
                self.tr("No customer with loyalty card %1 on this terminal.").replace("%1", number),
                error=True,
            )

    # -- sync -------------------------------------------------------------------------------------

    def on_bridge_sync_changed(self) -> None:
        if not self._closed and not self._sync_refresh.isActive():
            self._sync_refresh.start()

    def on_sync_indicator_details_requested(self) -> None:
        if self._pending_dialog is None:
            self._pending_dialog = PendingDialog(self)
            self._pending_dialog.dismiss_requested.connect(self.on_pending_dialog_dismiss_requested)
            self._pending_dialog.sync_now_requested.connect(
                self.on_pending_dialog_sync_now_requested
            )
        status = self._services.sync_status.status()
        self._pending_dialog.show_changes(self._services.sync_status.pending_changes(), status)
        self._pending_dialog.show()
        self._pending_dialog.raise_()

    def on_pending_dialog_dismiss_requested(self, mutation_id: str) -> None:
        self._services.sync_status.dismiss(mutation_id)
        self.refresh_after_sync()

    def on_pending_dialog_sync_now_requested(self) -> None:
        self._services.sync_status.sync_now()
        self.show_message(self.tr("Syncing…"))

    @property
    def pending_dialog(self) -> PendingDialog | None:
        return self._pending_dialog

    # -- Qt overrides ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search_box.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        for timer in (self._status_timer, self._sync_refresh, self._banner_timer):
            timer.stop()
        self.search_box.cancel_pending()
        if self._pending_dialog is not None:
            self._pending_dialog.close()
        super().closeEvent(event)
