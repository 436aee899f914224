"""A product's or category's picture from its image reference (CategoryData.image): pictures
the app ships (`res:catalog/<name>`), a neutral box otherwise. Rendered once per size."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

from clienteling.ui.i18n import resources_dir

_NAME = re.compile(r"^res:catalog/([a-z0-9_]{1,40})$")
FALLBACK = "product"


def picture_file(ref: str | None) -> str:
    """The bundled SVG for an image reference (unknown or remote references: the box)."""
    match = _NAME.match(ref or "")
    folder = resources_dir() / "catalog"
    if match is not None and (folder / f"{match.group(1)}.svg").is_file():
        return str(folder / f"{match.group(1)}.svg")
    return str(folder / f"{FALLBACK}.svg")


@functools.lru_cache(maxsize=256)
def picture(ref: str | None, size: int) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(picture_file(ref))
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def picture_icon(ref: str | None, size: int = 40) -> QIcon:
    return QIcon(picture(ref, size))


class Picture(QLabel):
    """A square picture of a product."""

    def __init__(self, size: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self.setFixedSize(size, size)
        self.ref: str | None = None

    def show_ref(self, ref: str | None) -> None:
        self.ref = ref
        self.setPixmap(picture(ref, self._size))
