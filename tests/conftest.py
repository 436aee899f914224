"""Session-wide test setup: headless Qt by default, no user keyring or data dir touched."""

from __future__ import annotations

import os

# Qt reads these at QApplication creation; set them before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CLIENTELING_LOG_LEVEL", "WARNING")
