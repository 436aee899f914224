"""Live pokes: an in-process hub that wakes the SSE streams of devices whose buckets changed.

Writers run in worker threads; `publish` hands the bucket names to the event loop thread-safely
after commit. With several API workers on PostgreSQL, `sync.server.pgnotify` relays the same
bucket names through LISTEN/NOTIFY so every worker's hub hears every commit.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field


@dataclass(eq=False)
class Subscription:
    buckets: frozenset[str]
    owner: str = ""
    event: asyncio.Event = field(default_factory=asyncio.Event)


class TooManyStreams(Exception):
    """The owner (a staff session) has as many streams open as it may."""


class PokeHub:
    """Fan-out of "bucket changed" signals to the connected SSE streams of this process."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._subs: set[Subscription] = set()
        self._lock = threading.Lock()
        self.closed = False

    def bind_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def subscribe(
        self, buckets: Iterable[str], *, owner: str = "", limit: int | None = None
    ) -> Subscription:
        """A new stream's subscription; TooManyStreams when `owner` holds `limit` already."""
        sub = Subscription(frozenset(buckets), owner)
        with self._lock:
            if limit is not None and owner:
                open_now = sum(1 for s in self._subs if s.owner == owner)
                if open_now >= limit:
                    raise TooManyStreams(owner)
            self._subs.add(sub)
        return sub

    def resubscribe(self, sub: Subscription, buckets: Iterable[str]) -> bool:
        """Point a stream at the device's buckets now; True when they changed."""
        new = frozenset(buckets)
        with self._lock:
            if new == sub.buckets:
                return False
            sub.buckets = new
            return True

    def unsubscribe(self, sub: Subscription) -> None:
        with self._lock:
            self._subs.discard(sub)

    @property
    def subscriber_count(self) -> int:
        with self._lock:
            return len(self._subs)

    def publish(self, buckets: Iterable[str]) -> None:
        """Callable from any thread, after the writing transaction committed."""
        changed = frozenset(buckets)
        loop = self._loop
        if not changed or loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(self._wake, changed)

    def _wake(self, changed: frozenset[str]) -> None:
        with self._lock:
            subs = list(self._subs)
        for sub in subs:
            if sub.buckets & changed:
                sub.event.set()

    def close(self) -> None:
        """Wake every stream so it ends (server shutdown)."""
        self.closed = True
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._wake_all)

    def _wake_all(self) -> None:
        with self._lock:
            subs = list(self._subs)
        for sub in subs:
            sub.event.set()


async def poke_stream(
    hub: PokeHub,
    sub: Subscription,
    heartbeat_s: float,
    current_buckets: Callable[[], Awaitable[list[str] | None]] | None = None,
) -> AsyncIterator[str]:
    """The SSE text: a comment at once, `event: poke` per change, a comment heartbeat when idle.

    At every heartbeat the device's buckets are read again (`current_buckets`): a store moved
    to another region, or a device to another store, changes what the stream listens to and
    pokes the terminal at once (its next pull fetches the new bucket or must resync). None
    means the session is no longer valid: the stream ends, and the terminal's reconnect gets
    the 401 that makes it sign in again.
    """
    try:
        yield ": connected\n\n"
        while not hub.closed:
            try:
                # (asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation.)
                async with asyncio.timeout(heartbeat_s):
                    await sub.event.wait()
            except TimeoutError:
                if current_buckets is not None:
                    buckets = await current_buckets()
                    if buckets is None:
                        break
                    if hub.resubscribe(sub, buckets):
                        yield "event: poke\ndata:\n\n"
                        continue
                yield ": heartbeat\n\n"
                continue
            sub.event.clear()
            if hub.closed:
                break
            # An empty data line makes browsers' EventSource dispatch the event too.
            yield "event: poke\ndata:\n\n"
    finally:
        hub.unsubscribe(sub)
