"""Composition root: wires paths, the embedded (or a remote) central API, the terminal's device
registration and staff session, the local cache, the services, the sync engine and the window.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import importlib.metadata
import json
import logging
import logging.handlers
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clienteling import paths
from clienteling.diagnostics import ErrorReporter, setup_logging
from clienteling.domain import barcode, phone
from clienteling.embedded import reserve_loopback_port, start_embedded_server
from clienteling.secrets import SecretStore
from clienteling.services.bundle import AppServices
from clienteling.services.context import StaffContext
from clienteling.services.lock import LOCK_AFTER_S, OfflinePolicy
from clienteling.storage.cache import CacheCorrupt, LocalCache
from clienteling.terminal import (
    DEVICE_REVOKED,
    STAFF_CONTEXT_STATE,
    StartupError,
    Terminal,
    context_of,
    remember,
    resolve,
    run_dialog,
    sign_in,
)
from clienteling.ui import labels
from clienteling.ui.bridge import SyncBridge
from clienteling.ui.i18n import choose_language, install_translator, load_fonts, resources_dir
from clienteling.ui.idle import IdleWatch
from clienteling.ui.main_window import MainWindow
from clienteling.ui.scanner import ScanDetector
from clienteling.ui.sign_in import SignInDialog
from clienteling.wipe import erase_local_data
from sync.client.api import ApiClient, ApiError
from sync.client.engine import SyncEngine

log = logging.getLogger("clienteling")
_T = TypeVar("_T")

SELF_TEST_TIMEOUT_S = 60.0
# Names of secrets in the OS keyring (values are short opaque tokens, never JWT bundles).
CACHE_KEY = "cache-key"
CENTRAL_KEY = "embedded-central-key"  # the embedded default's central database (SQLCipher)
ALLOW_FILE_SECRETS_ENV = "CLIENTELING_ALLOW_FILE_SECRETS"
LOCK_AFTER_ENV = "CLIENTELING_LOCK_AFTER_S"
EMBEDDED_SCOPE = "embedded"
# Family names common enough that the demo chain's customers include them (self-test search).
SELF_TEST_QUERIES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤")


# ---------------------------------------------------------------------------------------------
# Command line and logging


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="clienteling", description="Clienteling terminal")
    parser.add_argument("--server-url", help="use this central API instead of the embedded one")
    parser.add_argument("--lang", choices=("ja", "en"), help="user interface language")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window, sync once, search and open a customer, then exit",
    )
    parser.add_argument(
        "--allow-file-secrets",
        action="store_true",
        help="with --server-url on a machine without an OS keyring: accept keeping this "
        "terminal's keys in a file readable only by this user (demo and test machines only; "
        f"also {ALLOW_FILE_SECRETS_ENV}=1)",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser.parse_args(list(argv) if argv is not None else None)


def app_version() -> str:
    try:
        return importlib.metadata.version("clienteling")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0+unknown"


# ---------------------------------------------------------------------------------------------
# The running parts


@dataclass
class Runtime:
    """Everything started, so shutdown can stop it in reverse order."""

    server: Any = None  # sync.server.runner.ServerThread in embedded mode
    # The embedded server starting on a worker thread (awaited before use and at shutdown).
    server_start: asyncio.Future[Any] | None = None
    api: ApiClient | None = None
    cache: LocalCache | None = None
    engine: SyncEngine | None = None
    window: MainWindow | None = None
    scanner: ScanDetector | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    async def shutdown(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.engine is not None:
            with contextlib.suppress(Exception):
                await self.engine.stop()
        if self.api is not None:
            with contextlib.suppress(Exception):
                await self.api.aclose()
        if self.scanner is not None and QApplication.instance() is not None:
            QApplication.instance().removeEventFilter(self.scanner)  # type: ignore[union-attr]
        idle = self.extra.get("idle")
        if idle is not None and QApplication.instance() is not None:
            QApplication.instance().removeEventFilter(idle)  # type: ignore[union-attr]
        if self.cache is not None:
            with contextlib.suppress(Exception):
                self.cache.close()
        if self.server is None and self.server_start is not None:
            with contextlib.suppress(Exception):
                self.server = await self.server_start  # closed before it was up: stop it too
        if self.server is not None:
            with contextlib.suppress(Exception):
                await asyncio.get_running_loop().run_in_executor(None, self.server.stop)
                self.server.app.state.engine.dispose()


def open_cache(secrets: SecretStore) -> tuple[LocalCache, Path | None]:
    """Open the encrypted cache; a corrupt one is moved aside (kept, its new path returned) and
    a fresh one takes its place, refilled by the next sync."""
    path = paths.cache_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.get_or_create_random(CACHE_KEY)
    try:
        return LocalCache.open(path, key), None
    except CacheCorrupt as exc:
        moved = LocalCache.quarantine(path)
        log.error("local cache unreadable (%s); moved aside to %s", exc, moved.name)
        return LocalCache.open(path, key), moved


async def tell(icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A plain-text message box, awaited without a nested event loop."""
    box = QMessageBox(icon, title, text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    await run_dialog(box)


async def start(args: argparse.Namespace, reporter: ErrorReporter, runtime: Runtime) -> None:
    """Bring every part up and show the window."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    interactive = not args.self_test
    secrets = SecretStore()
    check_key_storage(secrets, args)
    loop = asyncio.get_running_loop()
    central_key = "" if args.server_url else secrets.get_or_create_random(CENTRAL_KEY)
    if args.server_url:
        base_url = args.server_url.rstrip("/")
        # Secret names allow no '/': a remote server is known by a digest of its URL.
        scope = "remote-" + hashlib.sha256(base_url.encode("utf-8")).hexdigest()[:16]
    else:
        # The server's address is known from the start; the server itself (imports, migrations,
        # the demo seed check) starts on a worker thread: at once on a first start, after the
        # window is up on a warm one.
        sock = reserve_loopback_port()
        base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        scope = EMBEDDED_SCOPE
    runtime.api = ApiClient(base_url)
    terminal = Terminal(runtime.api, secrets, scope, embedded=not args.server_url)
    runtime.cache, moved = open_cache(secrets)
    cache = runtime.cache
    saved = cache.get_state(STAFF_CONTEXT_STATE)
    # A warm start of the embedded default (registered, signed in before): the window comes up
    # at once as the last staff member; the session is opened once the server answers.
    embedded = not args.server_url
    warm = embedded and terminal.device_id is not None and bool(saved)
    if embedded and not warm:
        runtime.server_start = loop.run_in_executor(None, start_embedded_server, central_key, sock)
        runtime.server = await runtime.server_start
    if moved is not None and interactive:
        await tell(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("App", "Local data could not be read"),
            QCoreApplication.translate(
                "App",
                "The local data on this terminal was damaged or its key was lost. It was "
                "moved aside to %1 and will be downloaded again from the server.",
            ).replace("%1", str(moved)),
        )
    runtime.extra["forget"] = (secrets, (CACHE_KEY, *terminal.secret_names))
    if warm and saved:
        context = StaffContext(**json.loads(saved))
    else:
        context = await signed_in_unless_revoked(terminal, cache, runtime)
    device_id = terminal.device_id
    assert device_id is not None
    engine = SyncEngine(cache, runtime.api, device_id, store_in_thread=True)
    runtime.engine = engine
    language = choose_language(args.lang)
    services = AppServices.build(
        cache,
        context,
        engine,
        language=language,
        device_admin=runtime.api,
        identity_admin=runtime.api,
        audit_source=runtime.api,
        dashboard_source=runtime.api,
        message_source=runtime.api,
        privacy_admin=runtime.api,
    )
    remember_pin(services, terminal)
    bridge = SyncBridge(app)
    engine.add_listener(bridge.notify)

    async def renew_session() -> None:
        try:
            await terminal.open_session()
        except (ApiError, StartupError) as exc:
            if isinstance(exc, ApiError) and exc.code == DEVICE_REVOKED:
                revoked(runtime)
                return
            log.warning("could not renew the staff session: %s", type(exc).__name__)
            return
        engine.request_sync(now=True)

    engine.on_auth_failed(
        lambda: runtime.extra.__setitem__("renew", asyncio.ensure_future(renew_session()))
    )
    runtime.scanner = ScanDetector(app)
    app.installEventFilter(runtime.scanner)
    runtime.window = MainWindow(services, bridge=bridge, scanner=runtime.scanner)
    window = runtime.window
    idle = IdleWatch(lock_after_s(), app)
    app.installEventFilter(idle)
    runtime.extra["idle"] = idle

    def on_idle() -> None:
        if not window.lock():
            idle.restart()  # a dialog is open: try again after another idle period

    idle.idle.connect(on_idle)
    policy = OfflinePolicy.from_env(os.environ)

    def check_offline_age() -> None:
        verdict = policy.verdict(window.services.lock.last_contact())
        if verdict == "wipe":
            revoked(runtime, offline_too_long=True)
        elif verdict == "lock":
            window.lock(sign_in_because=offline_lock_text(policy))

    check_offline_age()
    if runtime.extra.get("revoked"):
        raise StartupError("offline too long: the local data is erased")
    offline_timer = QTimer(window)
    offline_timer.setInterval(OFFLINE_CHECK_MS)
    offline_timer.timeout.connect(check_offline_age)
    offline_timer.start()

    def on_switch_requested(badge: str) -> None:
        running = runtime.extra.get("switch")
        if running is None or running.done():  # one sign-in dialog at a time
            runtime.extra["switch"] = asyncio.ensure_future(
                switch_staff(window, terminal, cache, engine, badge=badge or None)
            )

    window.staff_switch_requested.connect(on_switch_requested)
    window.terminal_revoked.connect(lambda: revoked(runtime))
    if not secrets.uses_os_keyring:
        window.show_key_storage_warning()
        log.warning("no OS keyring: the window says the keys are kept in a file")
    window.show()
    log.info("window shown (device %s, staff %s)", device_id, context.staff_id)
    loop.run_in_executor(None, warm_up)
    if warm:
        runtime.server_start = loop.run_in_executor(None, start_embedded_server, central_key, sock)
        runtime.server = await runtime.server_start
        signed_in = await signed_in_unless_revoked(terminal, cache, runtime)
        if signed_in.staff_id != context.staff_id:
            window.set_services(
                AppServices.build(
                    cache,
                    signed_in,
                    engine,
                    language=language,
                    device_admin=runtime.api,
                    identity_admin=runtime.api,
                    audit_source=runtime.api,
                    dashboard_source=runtime.api,
                    message_source=runtime.api,
                    privacy_admin=runtime.api,
                )
            )
        remember_pin(window.services, terminal)
    await engine.start()
    log.info("terminal ready (device %s, staff %s)", device_id, context.staff_id)


async def switch_staff(
    window: MainWindow,
    terminal: Terminal,
    cache: LocalCache,
    engine: SyncEngine,
    *,
    badge: str | None = None,
) -> StaffContext | None:
    """A colleague takes over the counter: ask for their staff code and PIN, or the PIN of the
    badge they scanned (again, with the reason, when refused) and open their session; from
    then on every change is theirs. None when cancelled (the current staff member stays)."""
    message = ""
    while True:
        dialog = SignInDialog(message=message, badge=badge, parent=window)
        log.info("staff switch asked%s", " by a badge scan" if badge else "")
        if not await run_dialog(dialog):
            return None
        try:
            session = await terminal.switch_staff(dialog.credentials())
        except ApiError as exc:
            message = (
                QCoreApplication.translate(
                    "App",
                    "The server cannot be reached, so no one else can sign in now. Try "
                    "again when this terminal is online.",
                )
                if exc.transient and exc.status != 429
                else labels.service_message(exc.message)
            )
            continue
        context = remember(cache, context_of(session))
        language = window.services.products.language
        services = AppServices.build(
            cache,
            context,
            engine,
            language=language,
            device_admin=terminal.api,
            identity_admin=terminal.api,
            audit_source=terminal.api,
            dashboard_source=terminal.api,
            message_source=terminal.api,
            privacy_admin=terminal.api,
        )
        remember_pin(services, terminal)
        window.set_services(services)
        log.info("staff switched to %s", context.staff_id)
        engine.request_sync(now=True)
        return context


async def signed_in_unless_revoked(
    terminal: Terminal, cache: LocalCache, runtime: Runtime
) -> StaffContext:
    try:
        return await sign_in(terminal, cache)
    except StartupError as exc:
        cause = exc.__cause__
        if isinstance(cause, ApiError) and cause.code == DEVICE_REVOKED:
            revoked(runtime)
        raise


def revoked(runtime: Runtime, *, offline_too_long: bool = False) -> None:
    """The central API says a manager revoked this terminal (or it has been offline longer
    than the chain allows): stop, then erase (`run`)."""
    if offline_too_long:
        log.warning("this terminal was offline too long: shutting down to erase its data")
    else:
        log.warning("this terminal was revoked by a manager: shutting down to erase its data")
    runtime.extra["revoked"] = True
    runtime.extra["offline_too_long"] = offline_too_long
    quit_requested = runtime.extra.get("quit")
    if quit_requested is not None:
        resolve(quit_requested, None)


async def erase_if_revoked(runtime: Runtime, interactive: bool) -> bool:
    """After shutdown (the cache closed): shred the local data and forget the credentials."""
    if not runtime.extra.get("revoked"):
        return False
    secrets, names = runtime.extra["forget"]
    erase_local_data(secrets, names)
    if interactive and runtime.extra.get("offline_too_long"):
        await tell(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("App", "This terminal was offline too long"),
            QCoreApplication.translate(
                "App",
                "This terminal has not reached the server for longer than the chain allows, "
                "so the customer data and the sign-in keys on it have been erased. To use it "
                "again, a manager registers it anew.",
            ),
        )
    elif interactive:
        await tell(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("App", "This terminal was removed"),
            QCoreApplication.translate(
                "App",
                "A manager removed this terminal from the store. The customer data and the "
                "sign-in keys on it have been erased. To use it again, a manager registers it "
                "anew.",
            ),
        )
    return True


OFFLINE_CHECK_MS = 10 * 60 * 1000


def offline_lock_text(policy: OfflinePolicy) -> str:
    days = max(1, round(policy.lock_after.total_seconds() / 86400))
    return QCoreApplication.translate(
        "App",
        "This terminal has not reached the server for more than %n day(s): sign in again "
        "(this needs the server) to use it.",
        "",
        days,
    )


def remember_pin(services: AppServices, terminal: Terminal) -> None:
    """The PIN of whoever just signed in, kept (as a slow hash) to unlock the idle lock."""
    if terminal.last_sign_in is not None:
        services.lock.remember_pin(*terminal.last_sign_in)
        terminal.last_sign_in = None


def lock_after_s() -> float:
    """Idle time before the lock screen: two minutes, or CLIENTELING_LOCK_AFTER_S."""
    try:
        value = float(os.environ.get(LOCK_AFTER_ENV, "") or LOCK_AFTER_S)
    except ValueError:
        return LOCK_AFTER_S
    return value if value > 0 else LOCK_AFTER_S


def check_key_storage(secrets: SecretStore, args: argparse.Namespace) -> None:
    """Without an OS keyring the keys (device token, cache key) would sit in a file next to the
    data they protect. Accepted for the embedded demo (the window says so); refused against a
    real central API unless explicitly allowed."""
    if secrets.uses_os_keyring or not args.server_url:
        return
    if args.allow_file_secrets or os.environ.get(ALLOW_FILE_SECRETS_ENV) == "1":
        log.warning("keys kept in a file: allowed explicitly")
        return
    raise StartupError(
        QCoreApplication.translate(
            "App",
            "This computer has no OS keyring (Secret Service, Keychain or Credential Manager), "
            "so this terminal's keys could only be kept in a file beside its data. That is not "
            "allowed with a real server: set up a keyring, or start with --allow-file-secrets "
            "on a demo or test machine.",
        )
    )


def warm_up() -> None:
    """Libraries the first phone search and the first GS1 scan need, loaded behind the shown
    window instead of before it."""
    phone.warm_up()
    barcode.warm_up()


def _has_orders(window: MainWindow, customer_id: str) -> bool:
    window.open_customer(customer_id)
    profile = window.profile.profile
    return profile is not None and bool(profile.orders)


async def self_test(runtime: Runtime) -> None:
    """One sync, a search for a demo customer, their profile on screen."""
    assert runtime.engine is not None and runtime.window is not None
    assert runtime.cache is not None
    window = runtime.window
    await runtime.engine.sync_once()
    count = runtime.cache.customer_count()
    if count == 0:
        raise StartupError("self-test: the first sync brought no customers")
    for query in SELF_TEST_QUERIES:
        window.search_box.search_now(query)
        if window.results.hits():
            break
    else:
        raise StartupError("self-test: no demo customer found by name")
    hits = window.results.hits()
    # Prefer a customer with purchases so the profile's main section is exercised.
    row = next((i for i, h in enumerate(hits[:20]) if _has_orders(window, h.id)), 0)
    window.profile.clear()
    window.results.view.setCurrentIndex(window.results.model.index(row, 0))
    window.results.open_current()
    await asyncio.sleep(0)
    if window.profile.customer_id != hits[row].id:
        raise StartupError("self-test: the customer's profile did not open")
    profile = window.profile.profile
    assert profile is not None
    print(
        f"self-test ok: {count} customers cached; profile with {len(profile.orders)} orders, "
        f"{len(profile.notes)} notes"
    )


async def run(args: argparse.Namespace, reporter: ErrorReporter) -> int:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runtime = Runtime()
    quit_requested: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    runtime.extra["quit"] = quit_requested
    app.aboutToQuit.connect(lambda: resolve(quit_requested, None))
    loop = asyncio.get_running_loop()

    def on_signal(signum: int, _frame: object) -> None:
        # Ctrl+C or a service manager's SIGTERM: shut down in order, like closing the window.
        log.info("signal %d received: shutting down", signum)
        loop.call_soon_threadsafe(resolve, quit_requested, None)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, on_signal)
    # Python runs signal handlers only when it gets control; Qt's loop may idle for seconds.
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(500)
    try:
        if args.self_test:
            failures: asyncio.Future[str] = asyncio.get_running_loop().create_future()
            reporter.on_error = lambda text: resolve(failures, text)

            async def scenario() -> None:
                await start(args, reporter, runtime)
                await self_test(runtime)

            task = asyncio.ensure_future(asyncio.wait_for(scenario(), SELF_TEST_TIMEOUT_S))
            watched: list[asyncio.Future[Any]] = [task, failures]
            await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
            if failures.done():
                task.cancel()
                print(f"self-test failed: {failures.result()}", file=sys.stderr)
                return 1
            task.result()
            return 0
        await start(args, reporter, runtime)
        # Connected only now: sign-in dialogs closing before the window exists must not quit.
        app.lastWindowClosed.connect(lambda: resolve(quit_requested, None))
        await quit_requested
        return 0
    except TimeoutError:
        print(f"self-test failed: timed out after {SELF_TEST_TIMEOUT_S:.0f} s", file=sys.stderr)
        return 1
    except (StartupError, ApiError) as exc:
        log.error("startup failed: %s", exc)
        print(f"clienteling: {exc}", file=sys.stderr)
        if not args.self_test and not runtime.extra.get("revoked"):
            await tell(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("App", "Clienteling cannot start"),
                str(exc),
            )
        return 2
    finally:
        await runtime.shutdown()
        log.info("shut down")
        if await erase_if_revoked(runtime, interactive=not args.self_test):
            return 3  # noqa: B012 -- the erasure decides the exit status


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def choose_platform(args: argparse.Namespace) -> bool:
    """Before Qt starts: the self-test needs no display (it runs offscreen); the app itself
    says plainly that it needs one (Qt would abort with a message about xcb plugins)."""
    if os.environ.get("QT_QPA_PLATFORM") or has_display():
        return True
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return True
    print(
        "clienteling: no display found (DISPLAY or WAYLAND_DISPLAY is not set). Start it in a "
        "desktop session, or use scripts/run.sh, which starts a virtual display.",
        file=sys.stderr,
    )
    return False


def load_stylesheet(app: QApplication) -> None:
    qss = resources_dir() / "qss" / "clienteling.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.version:
        print(f"clienteling {app_version()}")
        return 0
    if not choose_platform(args):
        return 2
    log_file = setup_logging()
    reporter = ErrorReporter(interactive=not args.self_test)
    sys.excepthook = reporter
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Clienteling")
    # Closing the window resolves `run`'s quit future, which then shuts down in order; Qt must
    # not stop the event loop underneath that shutdown.
    app.setQuitOnLastWindowClosed(False)
    app.setOrganizationName("Clienteling")
    language = choose_language(args.lang)
    translator = install_translator(app, language)
    family = load_fonts(app)
    load_stylesheet(app)
    log.info("starting (language %s, font %s, log %s)", language, family, log_file)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            code: int = loop.run_until_complete(run(args, reporter))
    finally:
        asyncio.set_event_loop(None)
    del translator
    return code
