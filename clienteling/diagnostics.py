"""Where the app's logs go and how an uncaught error reaches the person at the terminal."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from clienteling import paths

log = logging.getLogger("clienteling")


def setup_logging() -> Path:
    """Log to a rotating file in the log folder (and stderr). Log lines carry ids and counts,
    never names, phone numbers, emails or card numbers."""
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "clienteling.log"
    level = os.environ.get("CLIENTELING_LOG_LEVEL", "INFO").upper()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.setLevel(getattr(logging, level, logging.INFO))
    root.addHandler(handler)
    root.addHandler(console)
    # Request lines are noise at INFO (and a URL is the one place a careless caller could put
    # data): keep the HTTP libraries to warnings.
    for noisy in ("httpx", "httpcore", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return target


class ErrorReporter:
    """`sys.excepthook`: logs every uncaught error (asyncSlot and Qt slot errors land here) and
    shows it; in self-test mode the first error fails the run."""

    def __init__(self, *, interactive: bool) -> None:
        self.interactive = interactive
        self.errors: list[str] = []
        self.on_error: Callable[[str], None] | None = None

    def __call__(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        # Exception text can quote user data (a validation error repeats its input): the log
        # gets the type and the stack, the person at the terminal gets the message on screen.
        log.error("unhandled %s\n%s", kind.__name__, "".join(traceback.format_tb(tb)))
        summary = f"{kind.__name__}: {value}"
        self.errors.append(summary)
        if self.on_error is not None:
            self.on_error(summary)
        if self.interactive and QApplication.instance() is not None:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("App", "Something went wrong"),
                QCoreApplication.translate(
                    "App", "The last action failed. Details are in the log file.\n\n%1"
                ).replace("%1", summary[:500]),
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
