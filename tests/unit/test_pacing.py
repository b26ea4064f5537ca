"""The open-loop load of the API benchmark: arrivals on a schedule, latency counted from it."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.pacing import arrivals, paced_async, paced_threads


def test_arrivals_come_at_the_rate_asked_the_same_for_a_seed():
    offsets = arrivals(200, 20, seed=7)
    assert offsets == arrivals(200, 20, seed=7)
    assert offsets != arrivals(200, 20, seed=8)
    assert 3800 < len(offsets) < 4200
    assert offsets == sorted(offsets) and 0 < offsets[0] and offsets[-1] < 20


def test_arrivals_refuse_a_rate_of_zero():
    with pytest.raises(ValueError):
        arrivals(0, 10, seed=1)


def _run(coroutine):
    """Run a coroutine on its own loop in another thread: the browser tests' session keeps one running here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _slow_async(seconds: float):
    async def send(item: int) -> bool:
        await asyncio.sleep(seconds)
        return item % 10 != 9  # every tenth fails

    return send


def test_a_server_slower_than_the_arrivals_is_charged_for_the_queue_behind_it():
    # One client, each answer 50 ms, arrivals at 60 a second for 0.5 s: the queue grows, and the last requests
    # wait for those before them. A closed loop would have measured 50 ms each.
    latencies, failures = _run(paced_async(_slow_async(0.05), list(range(100)), 60, 0.5, clients=1, seed=3))
    assert len(latencies) + failures == len(arrivals(60, 0.5, seed=3))
    assert failures == sum(1 for number in range(len(arrivals(60, 0.5, seed=3))) if number % 10 == 9)
    assert max(latencies) > 0.4
    assert min(latencies) >= 0.05


def test_with_clients_enough_each_request_takes_its_own_time():
    latencies, _ = _run(paced_async(_slow_async(0.05), list(range(100)), 60, 0.5, clients=20, seed=3))
    assert max(latencies) < 0.2


def test_blocking_clients_are_paced_alike():
    started = time.perf_counter()
    one = paced_threads(lambda item: time.sleep(0.05), [1], 60, 0.5, clients=1, seed=3)
    many = paced_threads(lambda item: time.sleep(0.05), [1], 60, 0.5, clients=20, seed=3)
    assert len(one) == len(many) == len(arrivals(60, 0.5, seed=3))
    assert max(one) > 0.4 and max(many) < 0.2
    assert time.perf_counter() - started < 5
