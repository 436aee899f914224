"""What the counter does to a customer's profile beyond notes and interests: register a walk-in,
change marketing consent, reveal masked contact details, erase the customer (managers). The
main window owns one and connects the profile's and its own buttons to it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from clienteling.domain.errors import InvalidInput
from clienteling.services.bundle import AppServices
from clienteling.services.customers import Correction, NewCustomer
from clienteling.services.devices import TerminalRevoked
from clienteling.ui import labels
from clienteling.ui.consent_dialog import ConsentDialog
from clienteling.ui.customer_dialog import CorrectDetailsDialog, NewCustomerDialog
from clienteling.ui.profile import ProfileView
from clienteling.ui.search import SearchBox, SearchResults

log = logging.getLogger("clienteling.ui.main_window")


class Window(Protocol):
    """What of the main window the actions use."""

    profile: ProfileView
    search_box: SearchBox
    results: SearchResults
    confirm_dialog: QMessageBox | None
    terminal_revoked: Any  # Signal()
    erase_finished: Any  # Signal(bool)
    export_finished: Any  # Signal(bool)

    @property
    def services(self) -> AppServices: ...
    def show_message(self, text: str, *, error: bool = False) -> None: ...
    def open_customer(self, customer_id: str) -> bool: ...
    def refresh_sync_status(self) -> None: ...
    def after_local_change(self) -> None: ...
    def saved_message(self, first: str) -> str: ...


def ask_export_file(parent: QWidget, suggested: str) -> str | None:
    """Where to save a disclosure (JSON or CSV by the name's ending), or None."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Export the customer's data"),
        suggested,
        QCoreApplication.translate("MainWindow", "JSON (*.json);;CSV (*.csv)"),
    )
    return path or None


class CustomerActions:
    def __init__(self, window: Window, parent: QWidget) -> None:
        self.window = window
        self.parent = parent  # the dialogs' parent
        self._erase_task: asyncio.Future[None] | None = None
        self._export_task: asyncio.Future[None] | None = None
        self.choose_file: Callable[[QWidget, str], str | None] = ask_export_file

    def export(self, customer_id: str) -> None:
        """A disclosure: everything held about the customer, to a file the manager chooses."""
        chosen = self.choose_file(self.parent, f"customer-{customer_id[:8]}.json")
        if not chosen:
            return
        path = Path(chosen)
        fmt = "csv" if path.suffix.lower() == ".csv" else "json"
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_suffix(".json")
        self._export_task = asyncio.ensure_future(self._exported(customer_id, fmt, path))

    async def _exported(self, customer_id: str, fmt: str, path: Path) -> None:
        try:
            size = await self.window.services.privacy.export(customer_id, fmt, path)
        except TerminalRevoked:
            self.window.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.window.show_message(labels.service_message(str(exc)), error=True)
            self.window.export_finished.emit(False)
            return
        log.info("customer data exported (%s, %d bytes)", customer_id, size)
        done = QCoreApplication.translate("MainWindow", "Saved: %1. Hand it to the customer only.")
        self.window.show_message(done.replace("%1", path.name))
        self.window.export_finished.emit(True)

    def change_consent(self, customer_id: str) -> None:
        profile = self.window.profile.profile
        if profile is None:
            return
        consents = self.window.services.consents
        try:
            current = consents.marketing(customer_id)
        except InvalidInput as exc:
            self.window.show_message(labels.service_message(str(exc)), error=True)
            return
        made: list[int] = []

        def submit(wanted: dict[str, bool]) -> str | None:
            try:
                made.append(consents.change(customer_id, wanted))
            except InvalidInput as exc:
                return labels.service_message(str(exc))
            return None

        if ConsentDialog.ask(self.parent, profile.display_name, current, submit) and made[-1]:
            self.window.after_local_change()
            done = QCoreApplication.translate("MainWindow", "Consent recorded.")
            self.window.show_message(self.window.saved_message(done))

    def erase(self, customer_id: str) -> None:
        profile = self.window.profile.profile
        name = profile.display_name if profile is not None else customer_id
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("MainWindow", "Erase customer"),
            QCoreApplication.translate(
                "MainWindow",
                "Erase %1? Everything held about this customer — profile, purchases, notes, "
                "items of interest, holds, consent — is deleted on the server and on every "
                "terminal. Do this only when the customer asked for it. It cannot be undone.",
            ).replace("%1", name),
            parent=self.parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        erase = box.addButton(
            QCoreApplication.translate("MainWindow", "Erase"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.window.confirm_dialog = box
        box.exec()
        self.window.confirm_dialog = None
        if box.clickedButton() is erase:
            self._erase_task = asyncio.ensure_future(self._erased(customer_id))

    async def _erased(self, customer_id: str) -> None:
        try:
            records = await self.window.services.privacy.erase(customer_id)
        except TerminalRevoked:
            self.window.terminal_revoked.emit()
            return
        except InvalidInput as exc:
            self.window.show_message(labels.service_message(str(exc)), error=True)
            self.window.erase_finished.emit(False)
            return
        log.info("customer erased (%s, %d records)", customer_id, records)
        gone = QCoreApplication.translate("MainWindow", "The customer was erased.")
        everywhere = QCoreApplication.translate("MainWindow", "The customer was erased everywhere.")
        self.window.profile.clear(gone)
        self.window.results.show_outcome([], None)
        self.window.show_message(everywhere)
        self.window.erase_finished.emit(True)

    def reveal(self, customer_id: str) -> None:
        self.window.services.audit.revealed(customer_id)
        log.info("contact details revealed (%s)", customer_id)
        self.window.profile.reveal(customer_id)

    def correct(self, customer_id: str) -> None:
        """Correct the customer's details: saved here at once (online or not), sent with the
        next sync; the profile shows them as soon as the form closes."""
        profile = self.window.services.profiles.load(customer_id)
        if profile is None:
            return
        changed: list[bool] = []

        def submit(entry: Correction) -> str | None:
            try:
                changed.append(self.window.services.customers.correct(customer_id, entry))
            except InvalidInput as exc:
                return labels.service_message(str(exc))
            return None

        visible = self.window.profile.contact_visible
        if CorrectDetailsDialog.ask(self.parent, submit, profile, contact_visible=visible):
            if not changed or not changed[-1]:
                return
            log.info("customer details corrected (%s)", customer_id)
            self.window.after_local_change()
            saved = QCoreApplication.translate("MainWindow", "Details corrected.")
            self.window.show_message(self.window.saved_message(saved))

    def new_customer(self) -> None:
        """A walk-in: the form starts from what was typed in the search box; once saved (here,
        online or not) the new profile opens and search finds it."""
        made: list[str] = []

        def submit(entry: NewCustomer) -> str | None:
            try:
                made.append(self.window.services.customers.create(entry))
            except InvalidInput as exc:
                return labels.service_message(str(exc))
            return None

        if NewCustomerDialog.ask(self.parent, submit, typed=self.window.search_box.text()):
            log.info("customer created (%s)", made[-1])
            self.window.refresh_sync_status()
            typed = self.window.search_box.text()
            if typed.strip():
                self.window.search_box.search_now(typed)  # now it finds them
            self.window.open_customer(made[-1])
            saved = QCoreApplication.translate("MainWindow", "Customer saved.")
            self.window.show_message(self.window.saved_message(saved))
