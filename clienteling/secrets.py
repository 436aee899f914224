"""One credentials interface: the OS keyring when a real one exists, else a private 0600 file.

The device token and the local cache key live here. Backends are ranked as keyring ranks them
(Secret Service, macOS Keychain, Windows Credential Manager); the fail backend, an empty chainer
and the plaintext keyrings.alt backends are refused. The file fallback exists for headless demo
machines and says so in a WARNING; no log line ever contains a secret.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail

from clienteling import paths

log = logging.getLogger(__name__)

SERVICE = "clienteling"
MAX_SECRET_LEN = 1024  # Windows Credential Manager caps an entry at 2,560 bytes (UTF-16)
_NAME = re.compile(r"^[A-Za-z0-9_.:\-]{1,128}$")
_REFUSED_MODULE_PREFIXES = ("keyrings.alt",)  # plaintext or weakly protected files


class SecretStoreError(Exception):
    """The credentials could not be read or written; str() says what to do."""


class SecretBackend(Protocol):
    """Where secrets are kept. `name` is for diagnostics, never for secrets."""

    @property
    def name(self) -> str: ...
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


class KeyringSecretBackend:
    """Secrets in an OS keyring backend, under one service name."""

    def __init__(self, backend: keyring.backend.KeyringBackend, service: str) -> None:
        self._backend = backend
        self._service = service

    @property
    def name(self) -> str:
        kind = type(self._backend)
        return f"{kind.__module__}.{kind.__qualname__}"

    def get(self, key: str) -> str | None:
        try:
            return self._backend.get_password(self._service, key)
        except keyring.errors.KeyringError as exc:
            raise SecretStoreError(f"The OS keyring could not be read ({exc}).") from exc

    def set(self, key: str, value: str) -> None:
        try:
            self._backend.set_password(self._service, key, value)
        except keyring.errors.KeyringError as exc:
            raise SecretStoreError(f"The OS keyring could not be written ({exc}).") from exc

    def delete(self, key: str) -> None:
        try:
            self._backend.delete_password(self._service, key)
        except keyring.errors.PasswordDeleteError:
            return  # already absent: deleting is idempotent
        except keyring.errors.KeyringError as exc:
            raise SecretStoreError(f"The OS keyring could not be changed ({exc}).") from exc


class FileSecretBackend:
    """Secrets in a JSON file readable only by this user (0600), replaced atomically."""

    def __init__(self, path: Path, service: str) -> None:
        self._path = path
        self._service = service

    @property
    def name(self) -> str:
        return f"file:{self._path}"

    @property
    def path(self) -> Path:
        return self._path

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            mode = self._path.stat().st_mode & 0o777
        except FileNotFoundError:
            return {}
        if mode & 0o077:
            # Someone widened the permissions: narrow them again before reading.
            log.warning("Credentials file %s had mode %o; restricting it to 0600", self._path, mode)
            os.chmod(self._path, 0o600)
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SecretStoreError(
                f"The credentials file {self._path} cannot be read; move it away to start over."
            ) from exc
        if not isinstance(data, dict):
            raise SecretStoreError(
                f"The credentials file {self._path} is damaged; move it away to start over."
            )
        return {
            str(service): {str(k): str(v) for k, v in entries.items()}
            for service, entries in data.items()
            if isinstance(entries, dict)
        }

    def _save(self, data: dict[str, dict[str, str]]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # mkstemp creates the file 0600 from the start, so the secret is never world-readable.
        fd, tmp = tempfile.mkstemp(prefix=".secrets-", dir=self._path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> str | None:
        return self._load().get(self._service, {}).get(key)

    def set(self, key: str, value: str) -> None:
        data = self._load()
        data.setdefault(self._service, {})[key] = value
        self._save(data)

    def delete(self, key: str) -> None:
        data = self._load()
        if data.get(self._service, {}).pop(key, None) is not None:
            self._save(data)


def is_usable_keyring(backend: keyring.backend.KeyringBackend) -> bool:
    """True for a backend that really protects secrets (not fail, empty chainer or plaintext)."""
    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(is_usable_keyring(b) for b in backend.backends)
    return not type(backend).__module__.startswith(_REFUSED_MODULE_PREFIXES)


def _best_keyring() -> keyring.backend.KeyringBackend | None:
    current = keyring.get_keyring()  # honours keyring.set_keyring and PYTHON_KEYRING_BACKEND
    if isinstance(current, fail.Keyring):
        return None  # keyring found nothing viable, or someone chose "no keyring" on purpose
    candidates: list[keyring.backend.KeyringBackend]
    if isinstance(current, chainer.ChainerBackend):
        # Use one real backend, not the chain: a chain also reads plaintext keyrings.alt files.
        candidates = [b for b in current.backends if is_usable_keyring(b)]
    elif is_usable_keyring(current):
        return current
    else:  # keyring preferred a refused backend (plaintext keyrings.alt): rank the others
        candidates = [b for b in keyring.backend.get_all_keyring() if is_usable_keyring(b)]
    candidates = [b for b in candidates if not isinstance(b, chainer.ChainerBackend)]
    if not candidates:
        return None
    best: keyring.backend.KeyringBackend = max(candidates, key=lambda b: float(b.priority))
    return best


def service_name() -> str:
    """ "clienteling"; in dev/test mode (CLIENTELING_HOME) a per-home name so runs stay apart."""
    home = paths.home_override()
    if home is None:
        return SERVICE
    digest = hashlib.sha256(str(home).encode("utf-8")).hexdigest()[:12]
    return f"{SERVICE}-dev-{digest}"


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError("A secret's name is 1-128 letters, digits or _ . : -")


class SecretStore:
    """Get, set and delete short secrets by name; see the module docstring for where they live."""

    def __init__(self, backend: SecretBackend | None = None) -> None:
        self._backend = backend if backend is not None else self._choose_backend()

    @staticmethod
    def _choose_backend() -> SecretBackend:
        service = service_name()
        chosen = _best_keyring()
        if chosen is not None:
            return KeyringSecretBackend(chosen, service)
        fallback = FileSecretBackend(paths.secrets_file_path(), service)
        log.warning(
            "The OS keyring is unavailable (no Secret Service, Keychain or Credential Manager); "
            "keeping credentials in %s, readable only by this user. Use this only on demo "
            "machines.",
            fallback.path,
        )
        return fallback

    @property
    def backend_name(self) -> str:
        return self._backend.name

    @property
    def uses_os_keyring(self) -> bool:
        return isinstance(self._backend, KeyringSecretBackend)

    def get(self, name: str) -> str | None:
        _check_name(name)
        return self._backend.get(name)

    def set(self, name: str, value: str) -> None:
        _check_name(name)
        if not isinstance(value, str) or not value:
            raise ValueError("A secret must be a non-empty string")
        if len(value) > MAX_SECRET_LEN:
            raise ValueError(f"A secret is at most {MAX_SECRET_LEN} characters")
        self._backend.set(name, value)

    def delete(self, name: str) -> None:
        """Remove the secret; removing an absent one is not an error."""
        _check_name(name)
        self._backend.delete(name)

    def get_or_create_random(self, name: str, nbytes: int = 32) -> str:
        """The stored random secret (hex), made and stored first if absent (the cache key)."""
        existing = self.get(name)
        if existing:
            return existing
        if not 16 <= nbytes <= MAX_SECRET_LEN // 2:
            raise ValueError("nbytes must be between 16 and 512")
        value = os.urandom(nbytes).hex()
        self.set(name, value)
        return value
