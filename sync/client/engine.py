"""The terminal's sync engine: pushes the outbox, pulls pages of changes, listens for pokes.

One worker task runs rounds (push everything pending, then pull until `has_more` is false) on
request, on a server poke, and on a timer; failures are retried by the engine itself with
jittered exponential backoff. A second task keeps the server-sent events stream open.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ParamSpec, TypeVar

from pydantic import ValidationError

from sync.client.api import ApiClient, ApiError, discard_download, resumable_failure
from sync.client.store import LocalStore, OutboxEntry
from sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_MUTATIONS_PER_PUSH,
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    Mutation,
    MutationResult,
    PageRejected,
    PullPage,
    PushRequest,
)

log = logging.getLogger(__name__)

_P = ParamSpec("_P")
_T = TypeVar("_T")

SESSION_EXPIRED = "session expired"

# A pull that keeps asking for more pages without moving its cursors is a server bug; stop
# instead of spinning.
_MAX_STALLED_PAGES = 3
# Snapshot downloads cut short (each resuming the last) before the page-by-page pull takes over.
MAX_SNAPSHOT_DOWNLOAD_FAILURES = 3
# An event stream that stayed open this long was healthy; a shorter one counts as a failure.
_HEALTHY_STREAM_S = 10.0


@dataclass(frozen=True)
class LoadProgress:
    """A first sync under way: what is loading, how much of it, since when."""

    phase: str  # "download": a snapshot file, in bytes; "changes": pull pages, in changes
    done: int
    total: int | None  # None: not known (yet)
    started_at: datetime  # UTC


@dataclass(frozen=True)
class EngineStatus:
    """What the status indicator shows. Replaced (never mutated) on every change."""

    online: bool = False  # the last request reached the server
    syncing: bool = False  # a round (push + pull) is running
    last_pull_at: datetime | None = None  # UTC end of the last complete pull
    last_error: str | None = None  # human text of the last failure; None after a good round
    auth_failed: bool = False  # the session was refused: the app must open a new one
    next_retry_at: datetime | None = None  # UTC time of the next automatic retry after a failure
    loading: LoadProgress | None = None  # a first sync's progress, until it completes


class SyncFailed(Exception):
    """A round ended early for a reason that is not an API error (store failure, bad page)."""


def backoff_delay(
    failures: int, *, base: float, cap: float, rng: random.Random, retry_after: float | None
) -> float:
    """Full-jitter exponential backoff: uniform(0, min(cap, base * 2**(failures-1))).

    A server's Retry-After is a floor: never come back sooner than it asked.
    """
    ceiling = min(cap, base * (2 ** max(0, min(failures - 1, 30))))
    delay = rng.uniform(0.0, ceiling)
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap * 5))
    return delay


class SyncEngine:
    """Moves the local outbox to the server and the server's changes to the local store."""

    def __init__(
        self,
        store: LocalStore,
        api: ApiClient,
        client_id: str,
        *,
        pull_interval_s: float = 30.0,
        push_batch: int = 200,
        pull_limit: int | None = None,
        backoff_base_s: float = 0.5,
        backoff_cap_s: float = 60.0,
        store_in_thread: bool = False,
        rng: random.Random | None = None,
    ) -> None:
        # `store_in_thread` runs every store call on one dedicated worker thread (one writer),
        # keeping a UI event loop responsive while a large page is applied; the store must then
        # accept calls from a thread other than the one that opened it.
        self._store = store
        self._api = api
        self._client_id = client_id
        self._pull_interval = pull_interval_s
        # No pull_limit given: pages of DEFAULT_PULL_LIMIT, and of MAX_PULL_LIMIT on a first
        # sync (no cursors yet), where fewer, bigger pages and transactions are much faster.
        self._first_sync_limit = pull_limit is None
        if pull_limit is None:
            pull_limit = DEFAULT_PULL_LIMIT
        if push_batch < 1 or pull_limit < 1 or pull_interval_s <= 0:
            raise ValueError("push_batch, pull_limit and pull_interval_s must be positive")
        # The server refuses larger requests outright; never build one.
        self._push_batch = min(push_batch, MAX_MUTATIONS_PER_PUSH)
        self._pull_limit = min(pull_limit, MAX_PULL_LIMIT)
        self._backoff_base = backoff_base_s
        self._backoff_cap = backoff_cap_s
        self._rng = rng or random.Random()
        self._store_in_thread = store_in_thread
        self._executor: ThreadPoolExecutor | None = None
        self._reader: ThreadPoolExecutor | None = None  # reads page bodies (no local writes)
        self._status = EngineStatus()
        self._listeners: list[Callable[[], None]] = []
        self._auth_listeners: list[Callable[[], None]] = []
        self._round_lock = asyncio.Lock()
        self._wake: asyncio.Event | None = None
        self._urgent = False  # a wake-up that may cut a backoff short
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._failures = 0
        self._retry_after: float | None = None
        self._events_failures = 0
        self._events_refused = False  # the event stream's last attempt got a 401
        self._events_retry = asyncio.Event()
        self._snapshot_refused = False  # a snapshot failed to install: plain pulls only
        self._snapshot_failures = 0  # snapshot downloads cut short this session

    # -----------------------------------------------------------------------------------------
    # Status and listeners

    @property
    def status(self) -> EngineStatus:
        return self._status

    @property
    def running(self) -> bool:
        return bool(self._tasks)

    def add_listener(self, callback: Callable[[], None]) -> None:
        """`callback()` runs on the event loop after a status change or a change of local data."""
        self._listeners.append(callback)

    def on_auth_failed(self, callback: Callable[[], None]) -> None:
        """`callback()` runs when the server refuses the session (HTTP 401)."""
        self._auth_listeners.append(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                # A broken listener must not stop sync; it is a bug to see in the log.
                log.exception("sync listener failed")

    def _set_status(self, **changes: object) -> None:
        new = dataclasses.replace(self._status, **changes)  # type: ignore[arg-type]
        if new != self._status:
            self._status = new
            self._notify()

    # -----------------------------------------------------------------------------------------
    # Lifecycle

    async def start(self) -> None:
        """Start the worker and the live-events listener; the first round runs at once."""
        if self._tasks:
            return
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._wake.set()
        self._tasks = [
            asyncio.create_task(self._worker(), name="sync-worker"),
            asyncio.create_task(self._listen(), name="sync-events"),
        ]

    async def stop(self) -> None:
        """Cancel the background tasks and wait for them; a round in progress is abandoned
        between store calls (each store call is its own transaction, so nothing is half done)."""
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._wake = None
        self._loop = None
        for executor in (self._executor, self._reader):
            if executor is not None:
                # Let a store call that is still running finish, without blocking the loop.
                await asyncio.to_thread(executor.shutdown, wait=True)
        self._executor = self._reader = None
        self._set_status(syncing=False, next_retry_at=None)

    def request_sync(self, *, now: bool = False) -> None:
        """Ask for a round soon. Non-blocking; callable from any thread (the app's services
        call it right after a local write). A no-op while stopped.

        After a failed round the engine waits out its backoff: a local write does not cut it
        short (a thousand terminals writing during an outage must not all retry at once; the
        write is kept and sent with the next round). `now=True` does: a person pressing "sync
        now", or the event stream proving the server is back."""
        wake, loop = self._wake, self._loop
        if wake is None or loop is None:
            return
        if now:
            self._urgent = True
        try:
            on_loop = asyncio.get_running_loop() is loop
        except RuntimeError:
            on_loop = False
        if on_loop:
            wake.set()
        else:
            loop.call_soon_threadsafe(wake.set)

    # -----------------------------------------------------------------------------------------
    # One round

    async def sync_once(self) -> None:
        """Push everything pending, then pull until `has_more` is false. Raises on failure
        (`ApiError` from the server or the network, `SyncFailed` otherwise)."""
        async with self._round_lock:
            self._set_status(syncing=True)
            try:
                push_error: ApiError | None = None
                try:
                    if await self._push_all():
                        self._notify()
                except ApiError as exc:
                    if not _pull_despite(exc):
                        raise
                    # The server is up but choked on the outbox: keep the terminal's view of
                    # everyone else's changes fresh meanwhile, then report the push failure.
                    push_error = exc
                await self._first_sync_from_snapshot()
                await self._pull_all()
                if push_error is not None:
                    raise push_error
            except ApiError as exc:
                self._round_failed(exc)
                raise
            except SyncFailed as exc:
                self._set_status(syncing=False, last_error=str(exc))
                raise
            except Exception as exc:
                # The store raised (for example on a page it cannot apply): its transaction
                # rolled back; report and retry later rather than dying.
                log.warning("sync round failed in the local store: %s", type(exc).__name__)
                self._set_status(
                    syncing=False, last_error=f"Local database error ({type(exc).__name__})"
                )
                raise SyncFailed(f"Local database error ({type(exc).__name__})") from exc
            self._set_status(
                syncing=False,
                online=True,
                last_error=None,
                auth_failed=False,
                last_pull_at=datetime.now(UTC),
            )
            if self._events_refused:
                # The event stream is waiting out a backoff after a 401; the session works
                # now (the app renewed it), so let the stream reconnect at once.
                self._events_retry.set()

    def _round_failed(self, exc: ApiError) -> None:
        if exc.auth_failed:
            self._set_status(
                syncing=False, online=True, auth_failed=True, last_error=SESSION_EXPIRED
            )
            for callback in list(self._auth_listeners):
                try:
                    callback()
                except Exception:
                    log.exception("auth-failed listener failed")
            return
        self._set_status(syncing=False, online=exc.status != 0, last_error=exc.message)

    async def _in_store(self, fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        if not self._store_in_thread:
            return fn(*args, **kwargs)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-store")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

    # -----------------------------------------------------------------------------------------
    # Push

    async def _push_all(self) -> bool:
        """Push pending entries batch by batch; True when any local entry changed state."""
        changed = False
        seen: set[str] = set()
        while True:
            entries = await self._in_store(self._store.pending_mutations, self._push_batch)
            fresh = [e for e in entries if e.mutation_id not in seen]
            if not fresh:
                return changed
            seen.update(e.mutation_id for e in fresh)
            await self._push_batch_of(fresh)
            changed = True
            if len(entries) < self._push_batch:
                return changed

    async def _push_batch_of(self, entries: Sequence[OutboxEntry]) -> None:
        mutations: list[Mutation] = []
        local_rejects: list[MutationResult] = []
        for entry in entries:
            try:
                mutations.append(
                    Mutation(
                        id=entry.mutation_id,
                        name=entry.name,
                        version=entry.version,
                        args=entry.args,
                        client_time=entry.client_time or None,
                        staff_id=entry.staff_id,
                        staff_proof=entry.staff_proof,
                    )
                )
            except ValidationError:
                # The server would refuse it too; say so on the entry instead of retrying forever.
                local_rejects.append(
                    MutationResult(
                        id=entry.mutation_id,
                        status="rejected",
                        reason="invalid_args",
                        data={"message": "This change cannot be sent: it is malformed"},
                    )
                )
        if local_rejects:
            await self._in_store(self._store.record_push_results, local_rejects)
        if not mutations:
            return
        try:
            await self._send(mutations)
        except ApiError as exc:
            if exc.transient or exc.auth_failed or len(mutations) == 1:
                raise
            # A request-level refusal (4xx) of a whole batch: find the entries it is about by
            # sending them one at a time, so the good ones are not rejected with the bad one.
            log.warning("push batch refused (%d %s); retrying one by one", exc.status, exc.code)
            for mutation in mutations:
                await self._send([mutation])

    async def _send(self, mutations: list[Mutation]) -> None:
        ids = [m.id for m in mutations]
        request = PushRequest(
            protocol_version=PROTOCOL_VERSION, client_id=self._client_id, mutations=mutations
        )
        try:
            response = await self._api.push(request)
        except ApiError as exc:
            if exc.auth_failed:
                raise
            if exc.transient:
                await self._in_store(self._store.record_push_failure, ids, exc.message)
                raise
            if len(mutations) > 1:
                raise
            # Not transient and about this one mutation (422 mutation_id_reused, 400, ...):
            # a person must see it, and the queue must move on.
            rejected = MutationResult(
                id=ids[0],
                status="rejected",
                reason=exc.code,
                data={"message": exc.message, "http_status": exc.status},
            )
            await self._in_store(self._store.record_push_results, [rejected])
            self._set_status(online=True)
            return
        self._set_status(online=True)
        wanted = set(ids)
        results = [r for r in response.results if r.id in wanted]
        await self._in_store(self._store.record_push_results, results)
        missing = wanted - {r.id for r in results}
        if missing:
            # The server skipped some: keep them pending and retry with backoff, not in a loop.
            message = "The server did not answer for every change"
            await self._in_store(self._store.record_push_failure, sorted(missing), message)
            raise ApiError(200, "bad_response", message)

    # -----------------------------------------------------------------------------------------
    # Pull

    async def _pull_all(self) -> None:
        resynced = False
        stalled = 0
        # After a reset the local store has no cursor; the server's must_resync page carries
        # the one to start from (empty buckets, but its ack mark kept, so old acks are not
        # sent again).
        restart_from: str | None = None
        # While the store thread applies a page, the next one is already on its way (only
        # with store_in_thread: otherwise the apply blocks the event loop anyway). It is
        # requested with the cursors of the page being applied, which are exactly the ones
        # the store holds once that apply commits; if the apply fails it is discarded.
        prefetch: asyncio.Task[PullPage] | None = None
        limit = self._pull_limit
        try:
            while True:
                if prefetch is not None:
                    task, prefetch = prefetch, None
                    cursors: str | None = restart_from
                    page_or_error = await _outcome(task)
                else:
                    cursors = restart_from or await self._in_store(self._store.cursors)
                    if cursors is None and self._first_sync_limit:
                        # A first sync: the biggest pages the server allows.
                        limit = max(limit, MAX_PULL_LIMIT)
                    page_or_error = await _outcome(self._fetch_page(cursors, limit))
                if isinstance(page_or_error, ApiError):
                    exc = page_or_error
                    if exc.code != "bad_cursor" or cursors is None or resynced:
                        raise exc
                    # The stored cursor is not one this server issued (damaged, or the
                    # terminal now talks to another server): rebuild from scratch rather
                    # than fail forever.
                    log.warning("server refused the stored cursor; rebuilding the local copy")
                    await self._reset()
                    resynced, restart_from = True, None
                    continue
                page = page_or_error
                if page.must_resync:
                    if resynced:
                        raise SyncFailed("The server keeps asking for a full resync")
                    log.info("server asked for a full resync")
                    await self._reset()
                    resynced, restart_from = True, page.cursors or None
                    continue
                stalled = stalled + 1 if page.cursors == cursors and not page.change_count else 0
                if page.has_more and stalled < _MAX_STALLED_PAGES and self._store_in_thread:
                    # Download and read the next page while this one is applied.
                    prefetch = asyncio.create_task(self._fetch_page(page.cursors, limit))
                await self._in_store(self._store.apply_pull_page, page)
                loading = self._status.loading
                if cursors is None and (loading is None or loading.phase != "changes"):
                    self._loading("changes", 0, None)  # a first sync page by page
                self._count_loaded(page)
                restart_from = page.cursors if prefetch is not None else None
                if page.change_count or page.acked_mutation_ids or page.mutation_results:
                    self._notify()
                if not page.has_more:
                    if self._status.loading is not None:
                        self._set_status(loading=None)
                    return
                if stalled >= _MAX_STALLED_PAGES:
                    raise SyncFailed("The server's pages do not advance")
        finally:
            if prefetch is not None:
                prefetch.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await prefetch

    def _loading(self, phase: str, done: int, total: int | None) -> None:
        self._set_status(loading=LoadProgress(phase, done, total, datetime.now(UTC)))

    def _count_loaded(self, page: PullPage) -> None:
        """A first sync's page is in: move the progress on (the first page of a fresh one
        says how many changes follow)."""
        loading = self._status.loading
        if loading is None or loading.phase != "changes":
            return
        done = loading.done + page.change_count
        total = loading.total
        if total is None and page.remaining is not None:
            total = done + page.remaining
        if total is not None:
            total = max(total, done)  # the count was taken a moment before: never below
        self._set_status(loading=dataclasses.replace(loading, done=done, total=total))

    def _count_downloaded(self, size: int) -> None:
        loading = self._status.loading
        if loading is None or loading.phase != "download" or not loading.total:
            return
        # Every 1% is enough for a progress bar (a gigabyte comes in 16,000 chunks).
        if size < loading.total and (size - loading.done) * 100 < loading.total:
            return
        self._set_status(loading=dataclasses.replace(loading, done=size))

    async def _first_sync_from_snapshot(self) -> None:
        """Before a first sync, install the server's ready-made snapshot if it has one (see
        sync.protocol.SnapshotOffer); the pull then continues from its cursors.

        No snapshot, an older server, or a file the store cannot use: the plain pull does the
        whole first sync, as it always could. Losing the server mid-file fails the round (the
        next one resumes the download), up to MAX_SNAPSHOT_DOWNLOAD_FAILURES times.
        """
        if self._snapshot_refused:
            return
        format = await self._in_store(self._store.snapshot_format)
        if format is None or await self._in_store(self._store.cursors) is not None:
            return
        try:
            reply = await self._api.snapshot_offer(format)
        except ApiError as exc:
            if exc.status == 0 or exc.auth_failed:
                raise
            log.warning("no snapshot offer (%s); pulling page by page", exc.code)
            return
        offer = reply.snapshot
        if offer is None or offer.format != format:
            return
        dest = await self._in_store(self._store.snapshot_download_path)
        self._loading("download", 0, offer.size)
        try:
            await self._api.download_snapshot(offer, dest, progress=self._count_downloaded)
        except ApiError as exc:
            if exc.auth_failed:
                raise  # renew the session; the download goes on after
            if resumable_failure(exc):
                # Cut short or refused for now: the next round goes on from the bytes that
                # arrived, but a link that keeps failing gets the page-by-page pull.
                self._snapshot_failures += 1
                if self._snapshot_failures < MAX_SNAPSHOT_DOWNLOAD_FAILURES:
                    raise
                discard_download(dest)
            # Bytes not as offered, or the file gone: not worth fetching again this session.
            self._snapshot_refused = True
            log.warning("snapshot download failed (%s); pulling page by page", exc.code)
            return
        except OSError as exc:
            # The file cannot be written here (disk full, locked): pages need far less room.
            discard_download(dest)
            self._snapshot_refused = True
            log.warning("snapshot download failed locally (%s); pulling page by page", exc)
            return
        self._set_status(online=True)
        try:
            installed = await self._in_store(self._store.install_snapshot, dest, offer.key)
        except Exception as exc:
            # A file this store cannot use will not get better: stop asking this session.
            self._snapshot_refused = True
            log.warning("snapshot not installed (%s); pulling everything", type(exc).__name__)
            return
        if installed:
            log.info("first sync from a snapshot of %d changes", offer.rows)
            self._notify()
        # The pull goes on from the snapshot's cursors (or from nothing): changes from here.
        self._loading("changes", 0, None)

    async def _fetch_page(self, cursors: str | None, limit: int) -> PullPage:
        """Download a page and have the store read it. A body that breaks the protocol is a
        bad reply from the server (retried later); nothing of it reaches the local database.

        The read writes nothing locally, so with `store_in_thread` it runs on its own thread,
        next to the store thread applying the previous page.
        """
        body = await self._api.pull_body(cursors, limit)
        self._set_status(online=True)
        try:
            if self._store_in_thread:
                if self._reader is None:
                    self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-read")
                loop = asyncio.get_running_loop()
                page = await loop.run_in_executor(self._reader, self._store.read_pull_page, body)
            else:
                page = self._store.read_pull_page(body)
        except PageRejected as exc:
            log.warning("unreadable pull page: %s", exc)
            raise ApiError(200, "bad_response", str(exc)) from None
        if not page.cursors and page.has_more:
            raise SyncFailed("The server sent a page without a cursor")
        return page

    async def _reset(self) -> None:
        """Drop the server rows and cursors (never the outbox) before a rebuild."""
        await self._in_store(self._store.reset_server_state)
        self._notify()

    # -----------------------------------------------------------------------------------------
    # Background tasks

    async def _worker(self) -> None:
        wake = self._wake
        assert wake is not None
        delay: float | None = None  # None: wait for the timer or a wake-up
        while True:
            if delay is None:
                await _wait(wake, self._pull_interval)
            elif self._retry_after is not None:
                # The server asked for quiet: sleep it out, ignoring wake-ups.
                await asyncio.sleep(delay)
            else:
                await self._wait_out_backoff(wake, delay)
            wake.clear()
            self._urgent = False
            self._set_status(next_retry_at=None)
            try:
                await self.sync_once()
            except ApiError as exc:
                if exc.auth_failed:
                    # Retrying cannot help until the app opens a new session and wakes us.
                    self._failures = 0
                    self._retry_after = None
                    delay = None
                    continue
                delay = self._schedule_retry(exc.retry_after)
                log.info("sync failed (%s %s); retry in %.1f s", exc.status or "-", exc.code, delay)
            except SyncFailed as exc:
                delay = self._schedule_retry(None)
                log.info("sync failed (%s); retry in %.1f s", exc, delay)
            else:
                self._failures = 0
                self._retry_after = None
                delay = None

    async def _wait_out_backoff(self, wake: asyncio.Event, delay: float) -> None:
        """Sleep `delay`, woken early only by an urgent request (not by local writes)."""
        deadline = time.monotonic() + delay
        while (remaining := deadline - time.monotonic()) > 0:
            await _wait(wake, remaining)
            if self._urgent:
                return
            wake.clear()

    def _schedule_retry(self, retry_after: float | None) -> float:
        self._failures += 1
        self._retry_after = retry_after
        delay = backoff_delay(
            self._failures,
            base=self._backoff_base,
            cap=self._backoff_cap,
            rng=self._rng,
            retry_after=retry_after,
        )
        retry_at = datetime.fromtimestamp(time.time() + delay, UTC)
        self._set_status(next_retry_at=retry_at)
        return delay

    async def _listen(self) -> None:
        while True:
            opened_at: float | None = None

            def opened() -> None:
                nonlocal opened_at
                opened_at = time.monotonic()
                self._events_refused = False
                # Pokes sent while we were disconnected are lost: catch up with a round (at
                # once: the server has just answered, so any backoff is over).
                self._set_status(online=True)
                self.request_sync(now=True)

            try:
                async for event in self._api.events(on_open=opened):
                    if event == "poke":
                        self.request_sync(now=True)
            except ApiError as exc:
                if exc.status == 0:
                    self._set_status(online=False)
                self._events_refused = exc.auth_failed
                log.debug("event stream closed (%s %s)", exc.status or "-", exc.code)
            # A stream that stayed up a while was healthy: reconnect almost at once. One that
            # failed or ended at once counts as a failure, so a broken server or gateway is
            # not hammered with reconnects (each of which also triggers a sync round).
            if opened_at is not None and time.monotonic() - opened_at >= _HEALTHY_STREAM_S:
                self._events_failures = 1
            else:
                self._events_failures += 1
            delay = backoff_delay(
                self._events_failures,
                base=self._backoff_base,
                cap=self._backoff_cap,
                rng=self._rng,
                retry_after=None,
            )
            self._events_retry.clear()
            await _wait(self._events_retry, delay)


async def _wait(event: asyncio.Event, timeout: float) -> None:
    """Until `event` is set or `timeout` seconds pass. (Not asyncio.wait_for: on Python 3.11
    a cancellation arriving as its timeout fires can be swallowed, and a background loop
    built on it then never stops: engine.stop() waited forever in the test suite.)"""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout):
            await event.wait()


async def _outcome(call: Awaitable[_T]) -> _T | ApiError:
    """The reply, or the API error the request ended with (other exceptions propagate)."""
    try:
        return await call
    except ApiError as exc:
        return exc


def _pull_despite(push_error: ApiError) -> bool:
    """Whether a round whose push failed should still pull: not when the server is out of
    reach, refuses the session, or asked everyone to back off."""
    if push_error.status in (0, 401, 429, 503) or push_error.retry_after is not None:
        return False
    return push_error.transient
