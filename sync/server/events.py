"""Live pokes: an in-process hub that wakes the SSE streams of devices whose buckets changed.

Writers run in worker threads; `publish` hands the bucket names to the event loop thread-safely
after commit. With several API workers on PostgreSQL, `sync.server.pgnotify` relays the same
bucket names through LISTEN/NOTIFY so every worker's hub hears every commit.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field


@dataclass(eq=False)
class Subscription:
    buckets: frozenset[str]
    event: asyncio.Event = field(default_factory=asyncio.Event)


class PokeHub:
    """Fan-out of "bucket changed" signals to the connected SSE streams of this process."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._subs: set[Subscription] = set()
        self._lock = threading.Lock()
        self.closed = False

    def bind_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def subscribe(self, buckets: Iterable[str]) -> Subscription:
        sub = Subscription(frozenset(buckets))
        with self._lock:
            self._subs.add(sub)
        return sub

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


async def poke_stream(hub: PokeHub, sub: Subscription, heartbeat_s: float) -> AsyncIterator[str]:
    """The SSE text: a comment at once, `event: poke` per change, a comment heartbeat when idle."""
    try:
        yield ": connected\n\n"
        while not hub.closed:
            try:
                await asyncio.wait_for(sub.event.wait(), timeout=heartbeat_s)
            except TimeoutError:
                yield ": heartbeat\n\n"
                continue
            sub.event.clear()
            if hub.closed:
                break
            # An empty data line makes browsers' EventSource dispatch the event too.
            yield "event: poke\ndata:\n\n"
    finally:
        hub.unsubscribe(sub)
