"""The main window: search at the top, results on the left, the profile on the right, the sync
indicator in the status bar. It is the container: widgets ask, it calls the services.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
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
from clienteling.services.devices import MANAGER_ROLES, TerminalRevoked
from clienteling.services.search import SEARCHED_NOBODY
from clienteling.ui import labels
from clienteling.ui.audit.page import AuditPage
from clienteling.ui.bridge import SyncBridge
from clienteling.ui.customer_actions import CustomerActions
from clienteling.ui.dashboard.page import DashboardPage
from clienteling.ui.devices.view import DevicesView
from clienteling.ui.duplicates.page import DuplicatesPage
from clienteling.ui.followups.page import FollowupsPage
from clienteling.ui.formatting import plain_label
from clienteling.ui.interest_dialog import InterestDialog, InterestInput
from clienteling.ui.lock_screen import LockScreen
from clienteling.ui.note_editor import NoteEditor
from clienteling.ui.pending_dialog import PendingDialog
from clienteling.ui.products.scan_choice import ScanChoiceDialog
from clienteling.ui.products.search import ProductSearch
from clienteling.ui.products.view import ProductView
from clienteling.ui.profile import ProfileView
from clienteling.ui.reservations.dialog import ReserveDialog, ReserveInput
from clienteling.ui.reservations.lists import StoreListsView, notice_text
from clienteling.ui.scanner import ScanDetector
from clienteling.ui.search import SearchBox, SearchResults
from clienteling.ui.sync_indicator import SyncIndicator

log = logging.getLogger(__name__)
MANAGE_PAGES = ("devices", "duplicates", "audit")  # in the Manage menu

if TYPE_CHECKING:
    from clienteling.services.bundle import AppServices


STATUS_REFRESH_MS = 5000
BANNER_MS = 8000


class MainWindow(QMainWindow):
    """The one window of the app."""

    customer_opened = Signal(str)
    product_opened = Signal(str)  # sku
    note_added = Signal(str)
    interest_logged = Signal(str)
    reservation_requested = Signal(str)  # reservation id
    page_changed = Signal(str)  # "customers" | "products" | "store"
    message_shown = Signal(str)
    search_finished = Signal(str)
    # A colleague takes over the counter (the composition root opens their session): with the
    # number of the staff badge they scanned, or "" (they type their staff code).
    staff_switch_requested = Signal(str)
    devices_loaded = Signal()  # the terminals page got its list (or its problem)
    terminal_revoked = Signal()
    erase_finished = Signal(bool)  # an erasure came back (done or refused)
    export_finished = Signal(bool)  # a disclosure export came back (saved or refused)
    locked_changed = Signal(bool)  # the server says this terminal was revoked: erase it

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
        # Given: as given; else the synced catalog's, in this language.
        self._categories = categories
        self._categories_given = bool(categories)
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
        self.new_customer_button = QPushButton(self.tr("New customer"), self)
        self.new_customer_button.setObjectName("newCustomer")
        self.new_customer_button.setToolTip(self.tr("Register a walk-in customer"))
        self.new_customer_button.setAutoDefault(False)
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
        self.product_search = ProductSearch(self)
        self.product_view = ProductView(self)
        self.store_lists = StoreListsView(self)
        self.devices_view = DevicesView(self)
        self.customer_actions = CustomerActions(self, self)
        self.new_customer_button.clicked.connect(self.customer_actions.new_customer)
        self.duplicates = DuplicatesPage(self)
        self.audit = AuditPage(self)
        self.followups = FollowupsPage(self)
        self.dashboard = DashboardPage(self)
        self._devices_task: asyncio.Future[None] | None = None
        self._overdue_told = 0  # overdue follow-ups of the store a manager was last told of
        self.confirm_dialog: QMessageBox | None = None
        self.sync_indicator = SyncIndicator(self)

        self.pages = QStackedWidget(self)
        self.page_buttons = QButtonGroup(self)
        self.page_actions: dict[str, QAction] = {}
        self.manage_button = QToolButton(self)
        self.manage_button.setObjectName("managePages")
        self.manage_button.setText(self.tr("Manage"))
        self.manage_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.manage_button.setMinimumHeight(44)
        self.manage_menu = QMenu(self.manage_button)
        self.manage_menu.setStyleSheet("QMenu::item { padding: 12px 28px; }")  # a finger
        self.manage_button.setMenu(self.manage_menu)
        page_bar = QHBoxLayout()
        for index, (name, title) in enumerate(
            (
                ("customers", self.tr("Customers")),
                ("products", self.tr("Products")),
                ("store", self.tr("Store lists")),
                ("followups", self.tr("Follow-ups")),
                ("dashboard", self.tr("Results")),
                ("devices", self.tr("Terminals")),
                ("duplicates", self.tr("Duplicates")),
                ("audit", self.tr("Audit trail")),
            )
        ):
            button = QPushButton(title, self)
            button.setObjectName(f"page_{name}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.page_buttons.addButton(button, index)
            if name in MANAGE_PAGES:
                # A manager's occasional pages live in one menu: eight buttons do not fit a
                # 1280 px tablet in English. The button stays (hidden) for the group's state.
                button.hide()
                action = self.manage_menu.addAction(title)
                action.setObjectName(f"page_{name}")
                action.triggered.connect(lambda _=False, i=index: self.show_page_index(i))
                self.page_actions[name] = action
            else:
                page_bar.addWidget(button)
        page_bar.addWidget(self.manage_button)
        self.page_buttons.button(0).setChecked(True)
        self.page_buttons.idClicked.connect(self.show_page_index)

        top = QHBoxLayout()
        top.addLayout(page_bar)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_customer_button)
        top.addWidget(self.staff_label)
        top.addWidget(self.switch_staff_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.results)
        splitter.addWidget(self.profile)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 900])
        products = QSplitter(Qt.Orientation.Horizontal, self)
        products.addWidget(self.product_search)
        products.addWidget(self.product_view)
        products.setStretchFactor(0, 2)
        products.setStretchFactor(1, 5)
        products.setSizes([380, 900])
        self.pages.addWidget(splitter)
        self.pages.addWidget(products)
        self.pages.addWidget(self.store_lists)
        self.pages.addWidget(self.followups)
        self.pages.addWidget(self.dashboard)
        self.pages.addWidget(self.devices_view)
        self.pages.addWidget(self.duplicates)
        self.pages.addWidget(self.audit)
        work = QWidget(self)
        layout = QVBoxLayout(work)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        # Idle lock: the whole working area (every customer's data) gives way to the lock
        # screen; the status bar (sync state, no customer data) stays.
        self.lock_screen = LockScreen(self)
        self.lock_screen.unlock_requested.connect(self.on_lock_screen_unlock_requested)
        self.lock_screen.switch_requested.connect(lambda: self.staff_switch_requested.emit(""))
        self.screens = QStackedWidget(self)
        self.screens.addWidget(work)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.statusBar().addPermanentWidget(self.sync_indicator)
        self.key_warning = plain_label("", name="keyWarning")
        self.key_warning.setWordWrap(True)
        # It wraps to the room it gets; its one-line width must not widen the window past a
        # 1280 px tablet (in English it did).
        self.key_warning.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.key_warning.setMinimumWidth(240)
        self.key_warning.hide()
        self.statusBar().addWidget(self.key_warning, 1)

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
        self.profile.interest_dismiss_requested.connect(self.on_profile_interest_dismiss_requested)
        self.profile.product_open_requested.connect(self.open_product)
        self.profile.step_requested.connect(self.on_step_requested)
        self.profile.transfer_requested.connect(self.on_transfer_requested)
        self.profile.reveal_requested.connect(self.customer_actions.reveal)
        self.profile.correct_requested.connect(self.customer_actions.correct)
        self.profile.consent_change_requested.connect(self.customer_actions.change_consent)
        self.profile.erase_requested.connect(self.customer_actions.erase)
        self.profile.export_requested.connect(self.customer_actions.export)
        self.product_search.search_requested.connect(self.on_product_search_search_requested)
        self.product_search.product_open_requested.connect(self.open_product)
        self.product_view.interest_requested.connect(self.on_product_view_interest_requested)
        self.product_view.reserve_requested.connect(self.on_product_view_reserve_requested)
        self.product_view.transfer_requested.connect(self.on_product_view_transfer_requested)
        self.product_view.product_open_requested.connect(self.open_product)
        self.store_lists.step_requested.connect(self.on_step_requested)
        self.store_lists.transfer_requested.connect(self.on_transfer_requested)
        self.store_lists.customer_open_requested.connect(
            self.on_store_lists_customer_open_requested
        )
        self.sync_indicator.details_requested.connect(self.on_sync_indicator_details_requested)
        self.devices_view.refresh_requested.connect(self.refresh_devices)
        self.devices_view.revoke_requested.connect(self.on_devices_view_revoke_requested)
        self.duplicates.terminal_revoked.connect(self.terminal_revoked)
        self.audit.terminal_revoked.connect(self.terminal_revoked)
        self.dashboard.terminal_revoked.connect(self.terminal_revoked)
        self.followups.messages.terminal_revoked.connect(self.terminal_revoked)
        self.duplicates.done.connect(self.on_duplicates_done)
        self.followups.customer_open_requested.connect(self.on_store_lists_customer_open_requested)
        self.followups.done.connect(self.on_followups_done)
        self.followups.failed.connect(self.show_message)
        if bridge is not None:
            bridge.sync_changed.connect(self.on_bridge_sync_changed)
        if scanner is not None:
            scanner.scanned.connect(self.on_scanner_scanned)
        for keys in ("Ctrl+F", "F2"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.focus_search)
        QShortcut(QKeySequence("Ctrl+Q"), self).activated.connect(self.close)
        # A keyboard at the POS: a note for the open customer without reaching for the mouse.
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.on_add_note_shortcut)
        self._apply_services(services)
        self.refresh_sync_status()

    # -- public helpers -----------------------------------------------------------------------

    @staticmethod
    def _staff_text(services: AppServices) -> str:
        # Two lines: the top bar of a manager (eight pages) fits a 1280 px tablet.
        return f"{services.context.store_name}\n{services.context.staff_name}"

    @property
    def services(self) -> AppServices:
        return self._services

    def set_services(self, services: AppServices) -> None:
        """Another staff member now works at this terminal: their services (every change is
        theirs from now on). The previous customer is put away, as at a real counter."""
        self._services = services
        self._apply_services(services)
        self.unlock()  # someone signed in: the lock screen is answered
        self.staff_label.setText(self._staff_text(services))
        self.search_box.clear()
        self.results.show_outcome([], None)
        self.profile.clear()
        self.product_view.set_customer(None)
        self.show_message(
            self.tr("%1 is now signed in at this terminal.").replace(
                "%1", services.context.staff_name
            )
        )
        self.refresh_sync_status()

    def _apply_services(self, services: AppServices) -> None:
        """What the screens take from the signed-in terminal: its store, its clock, the
        catalog's category labels in this language."""
        labels.set_store_clock(services.clock)
        self.profile.set_store(services.context.store_id)
        # Associates see contact details partly hidden until they reveal them (audited).
        masking = services.context.role not in MANAGER_ROLES
        self.profile.set_masking(masking)
        self.profile.set_can_erase(services.privacy.can_erase)
        self.results.set_masking(masking)
        self._refresh_categories()
        # Only managers see the terminals page (the server checks the role again).
        self._offer_page("devices", services.devices.can_manage)
        self.duplicates.set_service(services.duplicates)
        self._offer_page("duplicates", self.duplicates.available)
        self.followups.set_service(services.followups)
        self.followups.set_message_service(services.messages)
        self._overdue_told = 0
        self.show_followup_alert()
        self.audit.set_reader(services.audit_trail)
        self._offer_page("audit", self.audit.available)
        self.dashboard.set_service(services.dashboard)
        self.page_buttons.button(self.PAGES.index("dashboard")).setVisible(self.dashboard.available)
        if (
            (self.page == "devices" and not services.devices.can_manage)
            or (self.page == "duplicates" and not self.duplicates.available)
            or (self.page == "audit" and not self.audit.available)
            or (self.page == "dashboard" and not self.dashboard.available)
        ):
            self.show_page("customers")
        if self.isVisible():
            QTimer.singleShot(0, self._fit_screen)  # another role shows other page buttons

    def page_action(self, name: str) -> QAction:
        """The menu entry of one of a manager's occasional pages."""
        return self.page_actions[name]

    def _offer_page(self, name: str, available: bool) -> None:
        self.page_actions[name].setVisible(available)
        self.manage_button.setVisible(any(a.isVisible() for a in self.page_actions.values()))

    def _refresh_categories(self) -> None:
        """Category labels come with the catalog (a first sync may bring them later)."""
        categories = self._services.products.categories()
        self.profile.category_labels = {c.code: c.label for c in categories}
        self.followups.category_labels = self.profile.category_labels
        if not self._categories_given:
            self._categories = tuple((c.code, c.label) for c in categories)

    # -- pages ------------------------------------------------------------------------------

    PAGES = (
        "customers",
        "products",
        "store",
        "followups",
        "dashboard",
        "devices",
        "duplicates",
        "audit",
    )

    def show_page(self, name: str) -> None:
        self.show_page_index(self.PAGES.index(name))

    def show_page_index(self, index: int) -> None:
        button = self.page_buttons.button(index)
        if button is not None:
            button.setChecked(True)
        self.pages.setCurrentIndex(index)
        name = self.PAGES[index]
        if name == "store":
            self.refresh_store_lists()
        elif name == "followups":
            self.followups.refresh()
        elif name == "dashboard":
            self.dashboard.refresh()
        elif name == "devices":
            self.refresh_devices()
        elif name == "duplicates":
            self.duplicates.refresh()
        elif name == "audit":
            self.audit.refresh()
        elif name == "products":
            self.product_view.set_customer(self._customer_name())
            self.product_search.field.setFocus()
        else:
            self.search_box.setFocus()
        self.page_changed.emit(name)

    @property
    def page(self) -> str:
        return self.PAGES[self.pages.currentIndex()]

    def _customer_name(self) -> str | None:
        profile = self.profile.profile
        return profile.display_name if profile is not None else None

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- idle lock --------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self, *, sign_in_because: str | None = None) -> bool:
        """Hide every customer's data behind the lock screen. Not while a dialog is open (a
        note being written is the person's work): False, and the caller tries again later.
        `sign_in_because`: the PIN is not enough, only a sign-in opens it (the reason shown)."""
        if self.locked and sign_in_because is None:
            return True
        if QApplication.activeModalWidget() is not None:
            return False
        if self._pending_dialog is not None:
            self._pending_dialog.hide()
        context = self._services.context
        self.lock_screen.prepare(
            context.staff_name,
            context.store_name,
            pin_allowed=sign_in_because is None and self._services.lock.can_unlock_with_pin,
        )
        if sign_in_because is not None:
            self.lock_screen.show_problem(sign_in_because)
        self.screens.setCurrentWidget(self.lock_screen)
        self.profile.conceal()  # revealed contact details are hidden again
        log.info("terminal locked (idle)")
        self.locked_changed.emit(True)
        return True

    def unlock(self) -> None:
        if not self.locked:
            return
        self.screens.setCurrentIndex(0)
        log.info("terminal unlocked")
        self.locked_changed.emit(False)
        self.focus_search()

    def on_lock_screen_unlock_requested(self, pin: str) -> None:
        lock = self._services.lock
        if lock.unlock(pin):
            self.unlock()
            return
        if lock.can_unlock_with_pin:
            self.lock_screen.show_problem(
                self.tr(
                    "Wrong PIN: %n more tries, then a full sign-in is needed.",
                    "",
                    lock.wrong_pins_left,
                )
            )
            self.lock_screen.pin.clear()
        else:
            self.lock_screen.prepare(
                self._services.context.staff_name,
                self._services.context.store_name,
                pin_allowed=False,
            )

    def show_key_storage_warning(self) -> None:
        """Shown for as long as the app runs: no OS keyring, the keys are in a file."""
        self.key_warning.setText(
            self.tr(
                "No OS keyring: this terminal's keys are kept in a file readable only by this "
                "user. For demos only."
            )
        )
        self.key_warning.show()

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
        self._services.audit.viewed(profile.id)
        self.product_view.set_customer(profile.display_name)
        if self.page != "customers":
            self.show_page("customers")
        # Ids only: names, phones and card numbers never go to the log.
        log.info("profile opened (%s)", customer_id)
        self.customer_opened.emit(customer_id)
        return True

    def open_product(self, sku: str) -> bool:
        detail = self._services.products.detail(sku)
        if detail is None:
            self.show_message(
                self.tr("This product is not in this terminal's catalogue."), error=True
            )
            return False
        self.product_view.show_detail(detail)
        self.product_view.set_customer(self._customer_name())
        if self.page != "products":
            self.show_page("products")
        log.info("product opened (%s)", sku)
        self.product_opened.emit(sku)
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
        if not self._categories_given and not self._categories:
            self._refresh_categories()
        self.reload_profile()
        sku = self.product_view.sku
        if sku is not None:
            detail = self._services.products.detail(sku)
            if detail is not None:
                self.product_view.show_detail(detail)
        if self.page == "store":
            self.refresh_store_lists()
        elif self.page == "followups":
            self.followups.refresh()
        self.show_followup_alert()
        self.show_new_notices()

    def refresh_store_lists(self) -> None:
        reservations = self._services.reservations
        self.store_lists.show_lists(
            reservations.store_lists(), reservations.store_id, reservations.notices()
        )

    def show_new_notices(self) -> None:
        """Outcomes that came later (an offline request answered, a hold expired, a transfer
        arrived) are told once, in the banner; they stay in the store's notices list."""
        fresh = self._services.reservations.notices(unseen_only=True)
        if not fresh:
            return
        newest = fresh[0]
        text = notice_text(newest)
        if len(fresh) > 1:
            text += "  " + self.tr("(and %n more: see Store lists)", "", len(fresh) - 1)
        self.show_message(text, error=newest.status in ("rejected", "expired", "not_collected"))
        self._services.reservations.mark_seen(fresh)

    # -- search ---------------------------------------------------------------------------------

    def on_search_box_search_requested(self, text: str) -> None:
        outcome = self._services.search.search(text)
        self.results.show_outcome(
            outcome.hits, labels.service_message(outcome.message) if outcome.message else None
        )
        if text.strip() and (outcome.hits or outcome.message in SEARCHED_NOBODY):
            self._services.audit.searched(len(outcome.hits), {h.matched_on for h in outcome.hits})
        self.search_finished.emit(text)

    def on_results_customer_open_requested(self, customer_id: str) -> None:
        self.open_customer(customer_id)

    # -- notes and interests --------------------------------------------------------------------

    def on_profile_note_add_requested(self, customer_id: str) -> None:
        profile = self.profile.profile
        name = profile.display_name if profile is not None else ""

        saved: list[int] = []

        def submit(text: str) -> str | None:
            try:
                self._services.notes.add(customer_id, text)
            except InvalidInput as exc:
                return labels.service_message(str(exc))
            saved.append(len(text))
            return None

        if NoteEditor.ask(self, name, submit):
            # Its length only: the text itself never goes to the log.
            log.info("note added (%s, %d characters)", customer_id, saved[-1])
            self.after_local_change()
            self.show_message(self.saved_message(self.tr("Note saved.")))
            self.note_added.emit(customer_id)

    def on_add_note_shortcut(self) -> None:
        customer_id = self.profile.customer_id
        if customer_id is not None and self.page == "customers":
            self.on_profile_note_add_requested(customer_id)

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
            self.after_local_change()
            self.show_message(self.saved_message(self.tr("Item of interest saved.")))
            self.interest_logged.emit(customer_id)

    def on_profile_interest_dismiss_requested(self, customer_id: str, interest_id: str) -> None:
        reasons = [
            self.tr("Bought elsewhere"),
            self.tr("No longer interested"),
            self.tr("Too expensive"),
        ]
        reason, ok = QInputDialog.getItem(
            self,
            self.tr("Dismiss item of interest"),
            self.tr("Why is it no longer of interest?"),
            reasons,
            0,
            True,
        )
        if not ok:
            return
        try:
            self._services.interests.dismiss(customer_id, interest_id, reason)
        except InvalidInput as exc:
            self.show_message(labels.service_message(str(exc)), error=True)
            return
        self.after_local_change()
        self.show_message(self.saved_message(self.tr("Item of interest dismissed.")))

    # -- products and reservations ------------------------------------------------------------

    def on_product_search_search_requested(self, text: str) -> None:
        self.product_search.show_hits(self._services.products.search(text), text)

    def on_product_view_interest_requested(self, sku: str) -> None:
        customer_id = self.profile.customer_id
        if customer_id is None:
            self.show_message(self.tr("Open a customer's profile first."), error=True)
            return
        self.log_interest(customer_id, code=sku)

    def on_product_view_reserve_requested(self, sku: str) -> None:
        self.reserve(sku, from_store_id=None)

    def on_product_view_transfer_requested(self, sku: str, store_id: str) -> None:
        self.reserve(sku, from_store_id=store_id)

    def on_transfer_requested(self, sku: str, store_id: str, customer_id: str) -> None:
        """Where stock is free instead: ask that store (a transfer to this one)."""
        other = bool(customer_id) and customer_id != self.profile.customer_id
        if other and not self.open_customer(customer_id):
            return
        self.reserve(sku, from_store_id=store_id)

    def _not_in_catalogue(self) -> str:
        return self.tr("This product is not in this terminal's catalogue.")

    def reserve(self, sku: str, *, from_store_id: str | None) -> None:
        profile = self.profile.profile
        if profile is None:
            self.show_message(self.tr("Open a customer's profile first."), error=True)
            return
        detail = self._services.products.detail(sku)
        if detail is None:
            self.show_message(
                self.tr("This product is not in this terminal's catalogue."), error=True
            )
            return
        made: list[str] = []

        def submit(entry: ReserveInput) -> str | None:
            try:
                reservation = self._services.reservations.request(
                    profile.id,
                    sku,
                    quantity=entry.quantity,
                    kind=entry.kind,
                    from_store_id=entry.from_store_id,
                )
            except InvalidInput as exc:
                return labels.service_message(str(exc))
            made.append(reservation.id)
            return None

        if ReserveDialog.ask(
            self, profile.display_name, detail, submit, from_store_id=from_store_id
        ):
            self.after_local_change()
            self.show_message(
                self.saved_message(self.tr("Requested — not confirmed until the server answers."))
            )
            self.reservation_requested.emit(made[0])

    def on_step_requested(self, reservation_id: str, verb: str) -> None:
        try:
            self._services.reservations.step(reservation_id, verb)
        except InvalidInput as exc:
            self.show_message(labels.service_message(str(exc)), error=True)
            return
        self.after_local_change()
        self.show_message(self.saved_message(labels.mutation(f"reservation.{verb}") + "."))

    def on_store_lists_customer_open_requested(self, customer_id: str) -> None:
        self.open_customer(customer_id)

    def after_local_change(self) -> None:
        self.reload_profile()
        self.refresh_sync_status()
        if self.page == "store":
            self.refresh_store_lists()

    # -- terminals (managers) ---------------------------------------------------------------

    def refresh_devices(self) -> None:
        if self._services.devices.can_manage:
            self._devices_task = asyncio.ensure_future(self._load_devices())

    async def _load_devices(self) -> None:
        try:
            rows = await self._services.devices.list()
        except TerminalRevoked:
            self.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.devices_view.show_problem(labels.service_message(str(exc)))
        else:
            self.devices_view.show_devices(rows)
        self.devices_loaded.emit()

    def on_devices_view_revoke_requested(self, device_id: str, name: str) -> None:
        row = next((r for r in self.devices_view.rows() if r.id == device_id), None)
        warning = self.tr(
            "Revoke %1? It is signed out at once, and at its next contact with the server it "
            "erases the customer data and keys it holds. It cannot be undone: to use it again, "
            "register it anew."
        ).replace("%1", name or self.tr("(no name)"))
        if row is not None and row.this_device:
            warning += "\n\n" + self.tr("This is the terminal you are using.")
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Revoke terminal"), warning, parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        revoke = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_dialog = box
        box.exec()
        self.confirm_dialog = None
        if box.clickedButton() is revoke:
            self._devices_task = asyncio.ensure_future(self._revoke_device(device_id))

    async def _revoke_device(self, device_id: str) -> None:
        try:
            row = await self._services.devices.revoke(device_id)
        except TerminalRevoked:
            self.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.devices_view.show_problem(labels.service_message(str(exc)))
            self.devices_loaded.emit()
            return
        log.info("terminal revoked (%s)", device_id)
        self.show_message(self.tr("%1 was revoked.").replace("%1", row.name or device_id))
        await self._load_devices()

    def on_followups_done(self, text: str) -> None:
        self.show_message(self.saved_message(text))
        self.refresh_sync_status()
        self.show_followup_alert()

    def show_followup_alert(self) -> None:
        """The page button counts what is due for the person signed in (today and overdue);
        a manager is told once when follow-ups of the store are overdue."""
        service = self._services.followups
        mine = service.queue("mine")
        due = len(mine.overdue) + len(mine.today)
        button = self.page_buttons.button(self.PAGES.index("followups"))
        title = self.tr("Follow-ups")
        button.setText(f"{title} ({due})" if due else title)
        if not service.can_manage:
            return
        overdue = len(service.queue("store").overdue)
        if overdue and overdue != self._overdue_told:
            self.show_message(
                self.tr("%n follow-up(s) of this store are overdue.", "", overdue), error=True
            )
        self._overdue_told = overdue

    def on_duplicates_done(self, text: str) -> None:
        self.show_message(text)
        self.reload_profile()  # the open profile may be one of the two

    def saved_message(self, first: str) -> str:
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
        if self.locked and not isinstance(scan, StaffBadgeScan):
            # Nothing opens behind the lock screen; a colleague's badge still signs them in.
            self.lock_screen.show_problem(self.tr("Unlock the terminal first."))
            return
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
        doc = self._services.products.search(gtin)
        product = next((p for p in doc if p.gtin == gtin), None)
        if product is None:
            self.show_message(
                self.tr("Product %1 is not in this terminal's catalogue.").replace("%1", gtin),
                error=True,
            )
            return
        customer_id = self.profile.customer_id
        if customer_id is None:
            self.open_product(product.sku)
            return
        choice = ScanChoiceDialog.ask(
            self, product.name, product.image, self._customer_name() or ""
        )
        if choice == "interest":
            self.log_interest(customer_id, code=gtin)
        elif choice == "reserve":
            self.reserve(product.sku, from_store_id=None)
        elif choice == "product":
            self.open_product(product.sku)

    def open_card(self, number: str) -> None:
        """A loyalty card was scanned: search for it and open the profile when it is known."""
        self.search_box.search_now(number)
        matches = [hit for hit in self.results.hits() if hit.loyalty_card == number]
        if len(matches) == 1:
            self.open_customer(matches[0].id)
        elif not matches:
            text = (
                self.tr("No customer with loyalty card %1 on this terminal.")
                if self._services.sync_status.status().complete
                else self.tr(
                    "No customer with loyalty card %1 on this terminal yet: it is still loading "
                    "its data."
                )
            )
            self.show_message(text.replace("%1", number), error=True)

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
        QTimer.singleShot(0, self._fit_screen)

    def _fit_screen(self) -> None:
        """Before the first show every widget counts towards the width (the pages a staff
        member's role hides too): in English that made the window wider than a 1280 px
        tablet. Once shown, it is brought back inside the screen."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry().width()
        if self.width() > room:
            self.resize(max(self.minimumSizeHint().width(), room), self.height())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        for timer in (self._status_timer, self._sync_refresh, self._banner_timer):
            timer.stop()
        self.search_box.cancel_pending()
        if self._pending_dialog is not None:
            self._pending_dialog.close()
        super().closeEvent(event)
