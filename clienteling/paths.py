"""Where the app keeps its files: one place, from platformdirs, overridable by CLIENTELING_HOME.

Setting CLIENTELING_HOME (dev, tests, the bundle smoke test) puts every file under that folder
so a run never touches the user's real data. Paths are computed on each call, never at import.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Clienteling"
HOME_ENV = "CLIENTELING_HOME"


def home_override() -> Path | None:
    """The CLIENTELING_HOME folder when set (dev/test mode), else None."""
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else None


def _ensure(path: Path) -> Path:
    # 0700: the folder holds the customer cache and, without an OS keyring, credentials.
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def data_dir() -> Path:
    """The folder for the local cache, the embedded server's database and app state (created)."""
    home = home_override()
    if home is not None:
        return _ensure(home / "data")
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def log_dir() -> Path:
    """The folder for log files (created)."""
    home = home_override()
    if home is not None:
        return _ensure(home / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def cache_db_path() -> Path:
    """The terminal's local cache database (SQLCipher)."""
    return data_dir() / "cache.db"


def server_db_path() -> Path:
    """The embedded central API's SQLite database (the zero-configuration demo mode)."""
    return data_dir() / "server.db"


def secrets_file_path() -> Path:
    """The credentials file used only when no OS keyring is available."""
    return data_dir() / "secrets.json"
