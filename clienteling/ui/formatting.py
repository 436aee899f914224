"""Display formatting shared by the widgets (phone numbers in national format, plain labels)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from clienteling.domain.phone import format_phone_national


def national_phone(e164: str | None) -> str:
    """`+819012345678` -> `090-1234-5678`; anything unparseable is shown as stored."""
    if not e164:
        return ""
    try:
        return format_phone_national(e164) or e164
    except ValueError:
        return e164


def plain_label(text: str = "", parent: QWidget | None = None, *, name: str = "") -> QLabel:
    """A QLabel that never interprets its text as rich text (user data can contain '<')."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltips auto-detect rich text: escape it and mark it as HTML so it shows verbatim."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
