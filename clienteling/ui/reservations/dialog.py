"""Reserve a product for the open customer: a hold here, a pickup here, or a transfer from a
store that has it free. The server decides; the dialog only records the request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from clienteling.domain.models import ProductDetail
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label
from clienteling.ui.submit_dialog import SubmitDialog

MAX_QUANTITY = 99


@dataclass(frozen=True, slots=True)
class ReserveInput:
    quantity: int
    kind: str  # "hold" | "pickup" | "transfer"
    from_store_id: str | None


# Called with the entry; returns an error message to show, or None when the request was made.
ReserveSubmit = Callable[[ReserveInput], str | None]


class ReserveDialog(SubmitDialog):
    def __init__(
        self,
        customer_name: str,
        detail: ProductDetail,
        submit: ReserveSubmit,
        *,
        from_store_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Reserve"))
        self.setMinimumWidth(520)
        product = detail.product
        here = detail.here
        self.title = plain_label(
            self.tr("%1 for %2").replace("%1", product.name).replace("%2", customer_name), self
        )
        self.title.setWordWrap(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("reserveKind")
        self.kind.addItem(
            self.tr("Hold here (%n free)", "", here.free if here else 0), ("hold", None)
        )
        self.kind.addItem(self.tr("Pickup here (ordered online or by phone)"), ("pickup", None))
        for stock in detail.stock:
            if stock.here or stock.free <= 0:
                continue
            text = (
                self.tr("Transfer from %1 (%2 km, %n free)", "", stock.free)
                .replace("%1", stock.store_name)
                .replace("%2", f"{stock.distance_km:.1f}")
            )
            self.kind.addItem(text, ("transfer", stock.store_id))
            if stock.store_id == from_store_id:
                self.kind.setCurrentIndex(self.kind.count() - 1)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("reserveQuantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.note = plain_label(
            self.tr(
                "The server confirms or refuses the request; until then it shows as "
                "requested — not confirmed."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.price = plain_label(labels.yen(product.price_jpy), self)
        form = QFormLayout()
        form.addRow(self.tr("Reservation"), self.kind)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Price each"), self.price)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.save_button.setText(self.tr("Request"))
        self.quantity.setFocus()

    def entry(self) -> ReserveInput:
        kind, store = self.kind.currentData()
        return ReserveInput(quantity=self.quantity.value(), kind=str(kind), from_store_id=store)

    def submit(self) -> str | None:
        return self._submit(self.entry())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        customer_name: str,
        detail: ProductDetail,
        submit: ReserveSubmit,
        *,
        from_store_id: str | None = None,
    ) -> bool:
        dialog = cls(customer_name, detail, submit, from_store_id=from_store_id, parent=parent)
        return dialog.run_modal()
