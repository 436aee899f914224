"""Erasing a terminal's local data: what a revoked terminal does at its next contact with the
central API (a lost or stolen tablet, a departed employee's device).

Everything this terminal cached (the cache file, its journal files, copies moved aside when
damaged, snapshot downloads) is overwritten and deleted, and its credentials (device token,
cache key) are removed from the keyring. Logs hold no PII and stay.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from clienteling import paths
from clienteling.secrets import SecretStore

log = logging.getLogger(__name__)
_CHUNK = 1 << 20


def local_data_files() -> list[Path]:
    cache = paths.cache_db_path()
    folder = cache.parent
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.startswith(cache.name))


def shred(path: Path) -> None:
    """Overwrite a file with zeros, then delete it. Best effort against recovery: on a
    copy-on-write or flash file system old blocks may survive (the file was encrypted)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as f:
            left = size
            while left > 0:
                step = min(left, _CHUNK)
                f.write(b"\0" * step)
                left -= step
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        log.warning("could not overwrite %s before deleting it: %s", path.name, type(exc).__name__)
    path.unlink(missing_ok=True)


def erase_local_data(secrets: SecretStore, secret_names: Iterable[str]) -> list[str]:
    """Shred the cached data and forget the credentials; returns the names of what went."""
    names = list(secret_names)
    erased = []
    for path in local_data_files():
        shred(path)
        erased.append(path.name)
    for name in names:
        try:
            secrets.delete(name)
        except Exception as exc:  # a keyring hiccup must not stop the rest of the erasure
            log.warning("could not delete secret %s: %s", name, type(exc).__name__)
    log.warning("local data erased: %d files, %d credentials", len(erased), len(names))
    return erased
