"""UI test setup: one qasync loop for the session, a real central API on loopback, and a real
terminal (LocalCache file, ApiClient, SyncEngine, services) behind a real MainWindow.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
import qasync
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.domain.models import CustomerHit, Profile
from clienteling.services.bundle import AppServices
from clienteling.services.context import StaffContext
from clienteling.storage.cache import LocalCache
from clienteling.ui.bridge import SyncBridge
from clienteling.ui.main_window import MainWindow
from clienteling.ui.scanner import ScanDetector
from clienteling.ui.sign_in import SignInDialog
from sync.client.api import ApiClient
from sync.client.engine import SyncEngine
from sync.client.store import LocalStore
from sync.server.demo.catalog import CATEGORY_LABELS
from sync.server.demo.chain import DEMO_LOGINS
from sync.server.runner import ServerThread
from tests.support.server import start_test_server

_T = TypeVar("_T")

STORE_NAME, _, MANAGER_CODE, MANAGER_PIN = next(e for e in DEMO_LOGINS if e[1] == "manager")
ASSOCIATE_CODE, ASSOCIATE_PIN = next(
    (e[2], e[3]) for e in DEMO_LOGINS if e[0] == STORE_NAME and e[1] == "associate"
)
COMMON_FAMILY_NAMES = (
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
)


@pytest.fixture(scope="session")
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """The one qasync loop of the session (a loop per test crashes Python; see TOOLCHAIN.md)."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    # Our own default executor (DNS lookups run there) so its threads are joined at the end.
    executor = qasync.QThreadExecutor(2)
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    executor.shutdown(wait=True)
    asyncio.set_event_loop(None)


def run(qtbot: QtBot, coro: Coroutine[Any, Any, _T], timeout_ms: int = 20_000) -> _T:
    """Drive a coroutine on the session loop from a synchronous test."""
    task = asyncio.get_event_loop().create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout_ms)
    return task.result()


def answer_sign_in(answers: list[tuple[str, str] | None], seen: list[str]) -> Callable[[], None]:
    """A timer callback filling each sign-in dialog that opens with the next (code, PIN),
    choosing the demo store when the dialog registers the terminal; None cancels the dialog.
    The error text each dialog showed is appended to `seen`."""

    def answer() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SignInDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(20, answer)
            return
        dialog = dialogs[0]
        seen.append(dialog.error.text())
        if dialog.store.count():
            dialog.store.setCurrentIndex(dialog.store.findText(STORE_NAME))
        given = answers.pop(0)
        if given is None:
            dialog.reject()
        else:
            dialog.code.setText(given[0])
            dialog.pin.setText(given[1])
            dialog.accept()
        if answers:
            QTimer.singleShot(20, answer)

    return answer


def type_text(widget: QWidget, text: str) -> None:
    """Type any characters as fast key events (QTest.keyClicks aborts on non-Latin-1 text)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


class CentralServer:
    """The real API over a SQLite file; can be stopped and started again on the same port."""

    def __init__(self, db_path: Path) -> None:
        self.url = f"sqlite:///{db_path}"
        self.thread: ServerThread | None = start_test_server(self.url, scale=200)
        self.port = self.thread.port
        self.base_url = self.thread.base_url

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.thread.app.state.engine.dispose()
            self.thread = None

    def start(self) -> None:
        if self.thread is None:
            self.thread = start_test_server(self.url, seed=False, port=self.port)


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    server = CentralServer(tmp_path_factory.mktemp("central") / "server.db")
    yield server
    server.stop()


@dataclass
class Terminal:
    api: ApiClient
    cache: LocalCache
    engine: SyncEngine
    bridge: SyncBridge
    scanner: ScanDetector
    services: AppServices
    window: MainWindow

    def sample_customers(self) -> list[CustomerHit]:
        for name in COMMON_FAMILY_NAMES:
            outcome = self.services.search.search(name)
            if outcome.hits:
                return list(outcome.hits)
        raise AssertionError("the demo data has none of the common family names")

    def customer_with_orders(self) -> tuple[CustomerHit, Profile]:
        """A demo customer whose profile has orders from more than one channel if possible."""
        best: tuple[CustomerHit, Profile] | None = None
        for name in COMMON_FAMILY_NAMES:
            for hit in self.services.search.search(name).hits:
                profile = self.services.profiles.load(hit.id)
                if profile is None or not profile.orders:
                    continue
                if len({o.channel for o in profile.orders}) > 1:
                    return hit, profile
                best = best or (hit, profile)
        assert best is not None, "no demo customer with orders"
        return best


async def _connect(base_url: str, cache: LocalCache) -> tuple[ApiClient, SyncEngine, StaffContext]:
    api = ApiClient(base_url)
    store = next(s for s in await api.stores() if s.name == STORE_NAME)
    device = await api.register_device(MANAGER_CODE, MANAGER_PIN, store.id, name="ui test")
    session = await api.open_session(
        device.device_token, staff_code=ASSOCIATE_CODE, pin=ASSOCIATE_PIN
    )
    engine = SyncEngine(
        cast(LocalStore, cache),
        api,
        device.device_id,
        pull_interval_s=1.0,
        backoff_base_s=0.1,
        backoff_cap_s=0.5,
        store_in_thread=True,
    )
    await engine.sync_once()
    context = StaffContext(
        staff_id=session.staff.id,
        staff_name=session.staff.name,
        store_id=session.store.id,
        store_name=session.store.name,
        role=session.staff.role,
    )
    return api, engine, context


@pytest.fixture
def terminal(
    qtbot: QtBot, qloop: qasync.QEventLoop, central: CentralServer, tmp_path: Path
) -> Iterator[Terminal]:
    """A synced terminal with its window shown and focused (engine not started)."""
    central.start()
    cache = LocalCache.open(tmp_path / "cache.db", None)
    api, engine, context = run(qtbot, _connect(central.base_url, cache))
    services = AppServices.build(cache, context, engine)
    app = QApplication.instance()
    assert app is not None
    bridge = SyncBridge()
    engine.add_listener(bridge.notify)
    scanner = ScanDetector()
    app.installEventFilter(scanner)
    window = MainWindow(
        services, bridge=bridge, scanner=scanner, categories=tuple(CATEGORY_LABELS.items())
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.search_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box)
    term = Terminal(api, cache, engine, bridge, scanner, services, window)
    try:
        yield term
    finally:
        app.removeEventFilter(scanner)
        run(qtbot, engine.stop())
        run(qtbot, api.aclose())
        cache.close()  # the window itself is closed and deleted by qtbot


@dataclass
class SignedInTill:
    """The embedded terminal's real parts against the module's central API: its cache, API
    client, terminal (registered, the demo associate signed in) and sync engine."""

    cache: LocalCache
    api: ApiClient
    terminal: Any  # clienteling.terminal.Terminal
    engine: SyncEngine
    associate: StaffContext


@pytest.fixture
def signed_in_till(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    central: CentralServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[SignedInTill]:
    from clienteling import app as composition
    from clienteling import paths
    from clienteling import terminal as terminals
    from clienteling.secrets import SecretStore
    from tests.ui.test_app import MemoryBackend

    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    central.start()
    secrets = SecretStore(backend=MemoryBackend())
    cache, _ = composition.open_cache(secrets)
    api = ApiClient(central.base_url)
    terminal = terminals.Terminal(api, secrets, "embedded", embedded=True)
    engine: SyncEngine | None = None
    try:
        associate = run(qtbot, terminals.sign_in(terminal, cache))
        assert terminal.device_id is not None
        engine = SyncEngine(cache, api, terminal.device_id, store_in_thread=True)
        yield SignedInTill(cache, api, terminal, engine, associate)
    finally:
        central.start()  # a test may have stopped it
        if engine is not None:
            run(qtbot, engine.stop())
        run(qtbot, api.aclose())
        cache.close()
