"""The product view: picture, name, category, the one price of every channel, stock here and in
the stores nearby (nearest first, with how old the figures are), related accessories. With a
customer open, one tap logs an interest or reserves; a store with free stock can be asked for a
transfer."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.models import ProductDetail, ProductHit
from clienteling.domain.storetime import StoreClock
from clienteling.ui import labels
from clienteling.ui.formatting import plain_label
from clienteling.ui.widgets.picture import Picture, picture_icon


class ProductView(QWidget):
    """Shows one ProductDetail; asks the container to act through *_requested signals."""

    interest_requested = Signal(str)  # sku, for the open customer
    reserve_requested = Signal(str)  # sku: a hold here for the open customer
    transfer_requested = Signal(str, str)  # sku, the store to ask
    product_open_requested = Signal(str)  # sku of an accessory

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: ProductDetail | None = None
        self._customer_name: str | None = None
        self.picture = Picture(140, self)
        self.name = plain_label(name="productName")
        self.name.setWordWrap(True)
        self.kana = plain_label(name="productKana")
        self.category = plain_label(name="productCategory")
        self.price = plain_label(name="productPrice")
        self.codes = plain_label(name="productCodes")
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.for_customer = plain_label(name="productCustomer")
        self.for_customer.setWordWrap(True)
        self.interest_button = QPushButton(self.tr("Log as interest"), self)
        self.interest_button.setObjectName("productInterest")
        self.reserve_button = QPushButton(self.tr("Reserve here"), self)
        self.reserve_button.setObjectName("productReserve")
        self.interest_button.clicked.connect(self.on_interest_button_clicked)
        self.reserve_button.clicked.connect(self.on_reserve_button_clicked)

        self.stock_title = plain_label(self.tr("Stock"), name="sectionTitle")
        self.stock_age = plain_label(name="stockAge")
        self.stock = QTreeWidget(self)
        self.stock.setObjectName("productStock")
        self.stock.setHeaderLabels(
            [self.tr("Store"), self.tr("Distance"), self.tr("Free"), self.tr("Held"), ""]
        )
        self.stock.setRootIsDecorated(False)
        header = self.stock.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.accessories_title = plain_label(self.tr("Goes well with"), name="sectionTitle")
        self.accessories_box = QWidget(self)
        self.accessories = QGridLayout(self.accessories_box)
        self.accessories.setContentsMargins(0, 0, 0, 0)

        head = QVBoxLayout()
        head.addWidget(self.name)
        head.addWidget(self.kana)
        head.addWidget(self.category)
        head.addWidget(self.price)
        head.addWidget(self.codes)
        head.addStretch(1)
        actions = QVBoxLayout()
        actions.addWidget(self.for_customer)
        actions.addWidget(self.interest_button)
        actions.addWidget(self.reserve_button)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(head, 1)
        top.addLayout(actions)
        stock_head = QHBoxLayout()
        stock_head.addWidget(self.stock_title)
        stock_head.addStretch(1)
        stock_head.addWidget(self.stock_age)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(stock_head)
        layout.addWidget(self.stock, 1)
        layout.addWidget(self.accessories_title)
        layout.addWidget(self.accessories_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.placeholder = plain_label(
            self.tr("Scan a product or search the catalogue."), self, name="productPlaceholder"
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        self.set_customer(None)

    @property
    def detail(self) -> ProductDetail | None:
        return self._detail

    @property
    def sku(self) -> str | None:
        return self._detail.product.sku if self._detail is not None else None

    def set_customer(self, name: str | None) -> None:
        """The customer a tap acts for (None: no profile open, the actions wait)."""
        self._customer_name = name
        open_ = name is not None
        self.interest_button.setEnabled(open_)
        self.reserve_button.setEnabled(open_)
        self.for_customer.setText(
            self.tr("For %1").replace("%1", name)
            if name
            else self.tr("Open a customer to log or reserve this product.")
        )
        if self._detail is not None:
            self._show_stock(self._detail)
            self._show_accessories(self._detail.accessories)

    def show_detail(self, detail: ProductDetail) -> None:
        self._detail = detail
        p = detail.product
        self.picture.show_ref(p.image)
        self.name.setText(p.name)
        self.kana.setText(p.name_kana)
        self.category.setText(
            self.tr("Category: %1").replace("%1", p.category_label)
            + (f"   ·   {p.brand}" if p.brand else "")
        )
        self.price.setText(
            self.tr("%1 — the same price in store, online and in the app").replace(
                "%1", labels.yen(p.price_jpy)
            )
        )
        self.codes.setText(f"JAN {p.gtin}   SKU {p.sku}")
        self._show_stock(detail)
        self._show_accessories(detail.accessories)
        self._stack.setCurrentIndex(1)

    def _show_stock(self, detail: ProductDetail) -> None:
        self.stock.clear()
        for s in detail.stock:
            distance = self.tr("this store") if s.here else f"{s.distance_km:.1f} km"
            row = QTreeWidgetItem([s.store_name, distance, str(s.free), str(s.reserved), ""])
            for col in (1, 2, 3):
                row.setTextAlignment(
                    col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.stock.addTopLevelItem(row)
            if not s.here and s.free > 0 and self._customer_name is not None:
                ask = QPushButton(self.tr("Ask this store"), self.stock)
                ask.setObjectName("askStore")
                ask.clicked.connect(
                    lambda _=False, store=s.store_id: self.transfer_requested.emit(
                        detail.product.sku, store
                    )
                )
                self.stock.setItemWidget(row, 4, ask)
        self.stock_age.setText(self._age_text(detail.stock_as_of))

    def _age_text(self, as_of: str | None) -> str:
        if not as_of:
            return self.tr("Stock not synced yet")
        minutes = StoreClock.minutes_ago(as_of) or 0
        return self.tr("as of %1, %n min ago", "", minutes).replace("%1", labels.clock_time(as_of))

    def _show_accessories(self, items: tuple[ProductHit, ...]) -> None:
        while self.accessories.count():
            item = self.accessories.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.accessories_title.setVisible(bool(items))
        for index, acc in enumerate(items):
            cell = QWidget(self.accessories_box)
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            open_button = QPushButton(picture_icon(acc.image, 36), "", cell)
            open_button.setObjectName("openAccessory")
            open_button.setIconSize(QSize(36, 36))
            open_button.setToolTip(self.tr("Show this product"))
            open_button.clicked.connect(
                lambda _=False, sku=acc.sku: self.product_open_requested.emit(sku)
            )
            text: QLabel = plain_label(f"{acc.name}\n{labels.yen(acc.price_jpy)}", cell)
            text.setWordWrap(True)
            log = QPushButton(self.tr("Log"), cell)
            log.setObjectName("logAccessory")
            log.setToolTip(self.tr("Log as an item of interest of the open customer"))
            log.setEnabled(self._customer_name is not None)
            log.clicked.connect(lambda _=False, sku=acc.sku: self.interest_requested.emit(sku))
            row.addWidget(open_button)
            row.addWidget(text, 1)
            row.addWidget(log)
            self.accessories.addWidget(cell, index // 2, index % 2)

    # -- slots ----------------------------------------------------------------------------------

    def on_interest_button_clicked(self) -> None:
        if self.sku is not None:
            self.interest_requested.emit(self.sku)

    def on_reserve_button_clicked(self) -> None:
        if self.sku is not None:
            self.reserve_requested.emit(self.sku)
