"""Open-loop load: requests arrive on a schedule, whatever the server's pace; latency counts from the schedule.

A closed loop (each client sends its next request when the last is answered) measures capacity: at saturation
the latency is the number of clients over the throughput (Little's law), whatever the code does. Latency at a
given load is measured the other way: requests are due at Poisson arrival times at a fixed rate, at most
`clients` are in flight, and a request's latency runs from the moment it was due, not from when a free client
sent it, so a stalled server is charged for the requests queued behind it (no coordinated omission).
"""

from __future__ import annotations

import asyncio
import queue
import random
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def arrivals(rate: float, seconds: float, seed: int) -> list[float]:
    """Poisson arrival offsets (seconds from the start) at `rate` a second over `seconds`, the same for a seed."""
    if rate <= 0 or seconds <= 0:
        raise ValueError("rate and seconds must be positive")
    rng = random.Random(seed)
    offsets, at = [], rng.expovariate(rate)
    while at < seconds:
        offsets.append(at)
        at += rng.expovariate(rate)
    return offsets


def _schedule(items: Sequence[T], rate: float, seconds: float, seed: int) -> Iterator[tuple[float, T]]:
    """Each request's due time (on the `perf_counter` clock, from the first step) and its item, drawn in turn."""
    start = time.perf_counter()
    for number, offset in enumerate(arrivals(rate, seconds, seed)):
        yield start + offset, items[number % len(items)]


async def paced_async(send: Callable[[T], Awaitable[bool]], items: Sequence[T], rate: float, seconds: float, *,
                      clients: int, seed: int = 0) -> tuple[list[float], int]:
    """Send `items` (drawn in turn) at Poisson times, `clients` at most in flight; return latencies and failures.

    `send` answers True when the request succeeded.
    """
    due: asyncio.Queue[tuple[float, T] | None] = asyncio.Queue()
    latencies: list[float] = []
    failures = 0

    async def client() -> None:
        nonlocal failures
        while (job := await due.get()) is not None:
            scheduled, item = job
            if await send(item):
                latencies.append(time.perf_counter() - scheduled)
            else:
                failures += 1

    workers = [asyncio.ensure_future(client()) for _ in range(clients)]
    for scheduled, item in _schedule(items, rate, seconds, seed):
        if (delay := scheduled - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        due.put_nowait((scheduled, item))
    for _ in workers:
        due.put_nowait(None)
    await asyncio.gather(*workers)
    return latencies, failures


def paced_threads(send: Callable[[T], None], items: Sequence[T], rate: float, seconds: float, *,
                  clients: int, seed: int = 0) -> list[float]:
    """The same schedule for blocking work, `clients` threads at most in flight; return the latencies."""
    due: queue.Queue[tuple[float, T] | None] = queue.Queue()
    latencies: list[float] = []
    lock = threading.Lock()

    def client() -> None:
        mine = []
        while (job := due.get()) is not None:
            scheduled, item = job
            send(item)
            mine.append(time.perf_counter() - scheduled)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for scheduled, item in _schedule(items, rate, seconds, seed):
        if (delay := scheduled - time.perf_counter()) > 0:
            time.sleep(delay)
        due.put((scheduled, item))
    for _ in threads:
        due.put(None)
    for thread in threads:
        thread.join()
    return latencies
