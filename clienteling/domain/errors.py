"""Errors the domain rules raise; the UI shows their message to the staff member as is."""

from __future__ import annotations


class InvalidInput(ValueError):
    """What the staff member typed or scanned cannot be used; `message` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
