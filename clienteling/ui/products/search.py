"""Product search as you type (name in kanji or kana, SKU, JAN): a field and the list of
matches with their pictures. It asks; the container searches and shows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clienteling.domain.models import ProductHit
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label
from clienteling.ui.widgets.picture import picture_icon

SKU_ROLE = Qt.ItemDataRole.UserRole


class ProductSearch(QWidget):
    search_requested = Signal(str)
    product_open_requested = Signal(str)  # sku

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setObjectName("productSearch")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Product name, kana, SKU or JAN"))
        self.count = plain_label("", self, name="productCount")
        self.results = QListWidget(self)
        self.results.setObjectName("productResults")
        self.results.setIconSize(QSize(40, 40))
        self.results.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self.field.textChanged.connect(self.search_requested)
        self.field.returnPressed.connect(self.on_field_return_pressed)
        self.results.itemActivated.connect(self.on_results_item_activated)
        self.results.itemClicked.connect(self.on_results_item_activated)
        self.show_hits([], "")

    def show_hits(self, hits: Sequence[ProductHit], query: str) -> None:
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(
                picture_icon(hit.image, 40),
                f"{hit.name}\n{hit.category_label} · {labels.yen(hit.price_jpy)}",
            )
            item.setData(SKU_ROLE, hit.sku)
            self.results.addItem(item)
        if not query.strip():
            self.count.setText(self.tr("Search the catalogue, or scan a product."))
        elif hits:
            self.count.setText(self.tr("%n product(s)", "", len(hits)))
        else:
            self.count.setText(self.tr("No product matches."))
        if hits:
            self.results.setCurrentRow(0)

    def on_field_return_pressed(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.product_open_requested.emit(str(item.data(SKU_ROLE)))

    def on_results_item_activated(self, item: QListWidgetItem) -> None:
        self.product_open_requested.emit(str(item.data(SKU_ROLE)))
