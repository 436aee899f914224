"""Composition root: wires paths, the embedded (or a remote) central API, the terminal's device
registration and staff session, the local cache, the services, the sync engine and the window.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import hashlib
import importlib.metadata
import json
import logging
import logging.handlers
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from clienteling import paths
from clienteling.secrets import SecretStore
from clienteling.services.bundle import AppServices
from clienteling.services.context import StaffContext
from clienteling.storage.cache import CacheCorrupt, LocalCache
from clienteling.ui.bridge import SyncBridge
from clienteling.ui.i18n import choose_language, install_translator, load_fonts, resources_dir
from clienteling.ui.main_window import MainWindow
from clienteling.ui.scanner import ScanDetector
from clienteling.ui.sign_in import Credentials, SignInDialog
from sync.client.api import ApiClient, ApiError
from sync.client.engine import SyncEngine
from sync.protocol import SessionResponse

log = logging.getLogger("clienteling")
_T = TypeVar("_T")

SELF_TEST_TIMEOUT_S = 60.0
# Names of secrets in the OS keyring (values are short opaque tokens, never JWT bundles).
CACHE_KEY = "cache-key"
# sync_state key of the last signed-in staff member (lets a registered terminal start offline).
STAFF_CONTEXT_STATE = "app.staff_context"
EMBEDDED_SCOPE = "embedded"
# Family names common enough that the demo chain's customers include them (self-test search).
SELF_TEST_QUERIES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤")


class StartupError(Exception):
    """The app cannot start; str(e) is the message shown to the person at the terminal."""


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
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser.parse_args(list(argv) if argv is not None else None)


def app_version() -> str:
    try:
        return importlib.metadata.version("clienteling")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0+unknown"


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
        log.error("unhandled error\n%s", "".join(traceback.format_exception(kind, value, tb)))
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


# ---------------------------------------------------------------------------------------------
# The running parts


@dataclass
class Runtime:
    """Everything started, so shutdown can stop it in reverse order."""

    server: Any = None  # sync.server.runner.ServerThread in embedded mode
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
        if self.cache is not None:
            with contextlib.suppress(Exception):
                self.cache.close()
        if self.server is not None:
            with contextlib.suppress(Exception):
                await asyncio.get_running_loop().run_in_executor(None, self.server.stop)
                self.server.app.state.engine.dispose()


def start_embedded_server() -> Any:
    """The central API in-process on 127.0.0.1, its SQLite file in the data folder, seeded with
    the demo chain the first time."""
    from sync.server.app import create_app
    from sync.server.config import Settings
    from sync.server.db import make_engine
    from sync.server.runner import ServerThread
    from sync.server.seed import seed_demo

    db_path = paths.server_db_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    settings = Settings(database_url=f"sqlite:///{db_path}")
    engine = make_engine(settings.database_url)
    app = create_app(settings, engine=engine)  # migrates the schema
    # A no-op once the chain is loaded, so every start can call it.
    seed_demo(engine, scale=5000, seed=1, pin_iterations=settings.pin_iterations)
    server = ServerThread(app, host="127.0.0.1", port=0)
    server.start()
    log.info("embedded central API on port %d", server.port)
    return server


def demo_logins() -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """(store name, manager code, PIN) and (store name, associate code, PIN) of the demo
    bicycle store."""
    from sync.server.demo.chain import DEMO_LOGINS

    def is_bicycle(name: str) -> bool:
        return any(word in name for word in ("サイクル", "自転車", "バイク", "Cycle", "Bike"))

    stores = [entry[0] for entry in DEMO_LOGINS]
    store = next((name for name in stores if is_bicycle(name)), stores[0])
    manager = next(e for e in DEMO_LOGINS if e[0] == store and e[1] in ("manager", "admin"))
    associate = next((e for e in DEMO_LOGINS if e[0] == store and e[1] == "associate"), manager)
    return (store, manager[2], manager[3]), (store, associate[2], associate[3])


def resolve(future: asyncio.Future[_T], value: _T) -> None:
    """Set a future's result once (Qt may emit a signal more than once)."""
    if not future.done():
        future.set_result(value)


async def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog without a nested event loop (exec() inside a coroutine re-enters asyncio)."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda code: resolve(done, code))
    dialog.open()
    return await done == QDialog.DialogCode.Accepted.value


class Terminal:
    """Device registration and the staff session for one central API."""

    def __init__(self, api: ApiClient, secrets: SecretStore, scope: str, embedded: bool) -> None:
        self._api = api
        self._secrets = secrets
        self._embedded = embedded
        self._token_name = f"device-token:{scope}"
        self._id_name = f"device-id:{scope}"
        self._login: Credentials | None = None

    @property
    def device_id(self) -> str | None:
        return self._secrets.get(self._id_name)

    async def ensure_registered(self) -> str:
        token = self._secrets.get(self._token_name)
        if token and self.device_id:
            return token
        stores = await self._api.stores()
        if self._embedded:
            (store_name, code, pin), _ = demo_logins()
            store = next((s for s in stores if s.name == store_name), None)
            if store is None:
                raise StartupError(f"The demo store {store_name} is missing on the server.")
            response = await self._api.register_device(code, pin, store.id, name="demo terminal")
        else:
            message = ""
            while True:
                dialog = SignInDialog(stores=[(s.id, s.name) for s in stores], message=message)
                if not await run_dialog(dialog):
                    raise StartupError("This terminal is not registered to a store.")
                creds = dialog.credentials()
                try:
                    response = await self._api.register_device(
                        creds.staff_code, creds.pin, creds.store_id or "", name="terminal"
                    )
                    break
                except ApiError as exc:
                    message = exc.message
        self._secrets.set(self._token_name, response.device_token)
        self._secrets.set(self._id_name, response.device_id)
        log.info("terminal registered as device %s", response.device_id)
        return response.device_token

    async def open_session(self) -> SessionResponse:
        """Embedded: the demo associate. Remote: ask for a staff code and PIN."""
        token = await self.ensure_registered()
        if self._embedded:
            _, (_, code, pin) = demo_logins()
            try:
                return await self._api.open_session(token, staff_code=code, pin=pin)
            except ApiError as exc:
                if not exc.auth_failed:
                    raise
                # The embedded database was recreated: this terminal's token is unknown there.
                self._secrets.delete(self._token_name)
                token = await self.ensure_registered()
                return await self._api.open_session(token, staff_code=code, pin=pin)
        message = ""
        while True:
            if self._login is None:
                dialog = SignInDialog(message=message)
                if not await run_dialog(dialog):
                    raise StartupError("No staff member signed in.")
                self._login = dialog.credentials()
            try:
                return await self._api.open_session(
                    token, staff_code=self._login.staff_code, pin=self._login.pin
                )
            except ApiError as exc:
                self._login = None
                message = exc.message


def context_of(session: SessionResponse) -> StaffContext:
    return StaffContext(
        staff_id=session.staff.id,
        staff_name=session.staff.name,
        store_id=session.store.id,
        store_name=session.store.name,
        role=session.staff.role,
    )


async def sign_in(terminal: Terminal, cache: LocalCache) -> StaffContext:
    """Open the staff session. When the central API cannot be reached but this terminal is
    registered and has worked before, start offline as the last staff member (offline-first);
    the engine opens a real session once the server answers (its 401 triggers the renewal)."""
    try:
        session = await terminal.open_session()
    except ApiError as exc:
        saved = cache.get_state(STAFF_CONTEXT_STATE)
        if not exc.transient or terminal.device_id is None or saved is None:
            raise StartupError(f"Could not sign in: {exc.message}") from exc
        log.warning("central API unreachable (%s): starting offline", exc.code)
        return StaffContext(**json.loads(saved))
    context = context_of(session)
    cache.set_state(STAFF_CONTEXT_STATE, json.dumps(dataclasses.asdict(context)))
    return context


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


def category_choices() -> tuple[tuple[str, str], ...]:
    """(code, label) pairs of the chain's product categories for the interest dialog."""
    try:
        from sync.server.demo.catalog import CATEGORY_LABELS
    except ImportError:
        return ()
    return tuple(CATEGORY_LABELS.items())


async def start(args: argparse.Namespace, reporter: ErrorReporter, runtime: Runtime) -> None:
    """Bring every part up and show the window."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    interactive = not args.self_test
    secrets = SecretStore()
    loop = asyncio.get_running_loop()
    if args.server_url:
        base_url = args.server_url.rstrip("/")
        # Secret names allow no '/': a remote server is known by a digest of its URL.
        scope = "remote-" + hashlib.sha256(base_url.encode("utf-8")).hexdigest()[:16]
    else:
        runtime.server = await loop.run_in_executor(None, start_embedded_server)
        base_url = runtime.server.base_url
        scope = EMBEDDED_SCOPE
    runtime.api = ApiClient(base_url)
    terminal = Terminal(runtime.api, secrets, scope, embedded=not args.server_url)
    runtime.cache, moved = open_cache(secrets)
    cache = runtime.cache
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
    context = await sign_in(terminal, cache)
    device_id = terminal.device_id
    assert device_id is not None
    engine = SyncEngine(cache, runtime.api, device_id, store_in_thread=True)
    runtime.engine = engine
    services = AppServices.build(cache, context, engine)
    bridge = SyncBridge(app)
    engine.add_listener(bridge.notify)

    async def renew_session() -> None:
        try:
            await terminal.open_session()
        except (ApiError, StartupError) as exc:
            log.warning("could not renew the staff session: %s", type(exc).__name__)
            return
        engine.request_sync()

    engine.on_auth_failed(
        lambda: runtime.extra.__setitem__("renew", asyncio.ensure_future(renew_session()))
    )
    runtime.scanner = ScanDetector(app)
    app.installEventFilter(runtime.scanner)
    runtime.window = MainWindow(
        services, bridge=bridge, scanner=runtime.scanner, categories=category_choices()
    )
    runtime.window.show()
    await engine.start()
    log.info("terminal ready (device %s, staff %s)", device_id, context.staff_id)


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
        if not args.self_test:
            await tell(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("App", "Clienteling cannot start"),
                str(exc),
            )
        return 2
    finally:
        await runtime.shutdown()
        log.info("shut down")


def load_stylesheet(app: QApplication) -> None:
    qss = resources_dir() / "qss" / "clienteling.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.version:
        print(f"clienteling {app_version()}")
        return 0
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
