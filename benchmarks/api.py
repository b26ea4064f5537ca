"""The GraphQL API under load: force officers' common queries, 50 concurrent clients, against the same Cypher direct.

Run: `.venv/bin/python -m benchmarks.api [--reports 100000] [--clients 50] [--seconds 30] [--workers N]
[--rates 50,100,150] [--no-saturation]`.

1. A fresh embedded Neo4j (or NEO4J_URI) gets `--reports` generated reports through `hub load` (assessment and
   jurisdiction at intake, so every case has its owning force), then `hub networks`.
2. Force officers of the ten forces with most cases get tokens; sample ids are drawn from their own cases.
3. The API runs as `hub serve --workers N` (one worker process per core by default; production settings:
   tokens, justification, audit trail, limits).
4. For each query (my cases list, a case with its reports and accounts, an account's network) and for the
   mix of all three, `--clients` concurrent clients send requests for `--seconds`; each request is one force
   officer's query about their own force's data. Printed: requests/s and p50/p95/p99 latency.
5. Baseline, in the same run: the very Cypher calls each GraphQL request makes (captured from an in-process
   app, with the same parameters, audit and access bookkeeping excluded) replayed through the driver by the
   same number of concurrent threads. The API's overhead is the ratio of its latency to the baseline's.
6. Paced runs of the mix (`--rates`, default 50, 100 and 150 requests/s): requests due at Poisson times at that
   offered rate, at most `--clients` in flight, latency counted from the time each was due, for the API and
   for the baseline (benchmarks/pacing.py). Steps 4-5 measure capacity: with every client sending again as soon
   as it is answered, latency at saturation is clients over throughput, whatever the code; these measure the
   latency a force officer sees at a given load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

import httpx

from benchmarks.pacing import paced_async, paced_threads
from benchmarks.support import (
    database_cpu_seconds,
    generated_data,
    process_cpu_seconds,
    throwaway_neo4j,
    tree_cpu_seconds,
)
from core.settings import Settings
from domain.access import Role
from graph import migrations
from graph import port as port_module
from graph.embedded import free_port
from graph.networks import run_all
from graph.policies import load_policies
from graph.port import GraphPort
from graph.users import add_user, issue_token, list_users
from loaders.load import load_files
from loaders.sources import count_lines

SECRET = "benchmark-signing-key-" + "9f8e7d6c5b4a" * 4
JUSTIFICATION = "Benchmark: force officer reviewing own cases"
FORCES = 10
SAMPLES = 200

MY_CASES = """query MyCases($force: String!) {
  cases(first: 20, filter: {force: $force}) {
    edges { node { id status classification priority createdAt owningForce } }
    pageInfo { hasNextPage endCursor }
  }
}"""
CASE_DETAIL = """query CaseDetail($id: ID!) {
  case(id: $id) {
    id status classification priority owningForce
    reports { id receivedAt description accounts { id handle platform { id } } }
  }
}"""
ACCOUNT_NETWORK = """query AccountNetwork($id: ID!) {
  account(id: $id) {
    id handle
    network(depth: 1) { nodes { id kind label } edges { source target kind } }
  }
}"""
QUERIES = {"my cases": MY_CASES, "case detail": CASE_DETAIL, "account network": ACCOUNT_NETWORK}
SKIPPED_IN_BASELINE = ("audit/", "access/")
WARM_UP_S = 5.0
DEFAULT_RATES = (50.0, 100.0, 150.0)


@dataclass(frozen=True, eq=False)
class Request:
    """One GraphQL request a force officer makes, and the Cypher calls it caused."""

    kind: str
    token: str
    variables: dict[str, Any]
    calls: tuple[tuple[str, dict[str, Any]], ...] = ()


def _rates(text: str) -> tuple[float, ...]:
    try:
        rates = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of rates: {text!r}") from None
    if any(rate <= 0 for rate in rates):
        raise argparse.ArgumentTypeError("each rate must be positive")
    return rates


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def summary(latencies: list[float], seconds: float, errors: int) -> dict[str, float]:
    return {
        "requests": len(latencies), "errors": errors, "rps": len(latencies) / seconds,
        "p50": percentile(latencies, 0.50) * 1000, "p95": percentile(latencies, 0.95) * 1000,
        "p99": percentile(latencies, 0.99) * 1000,
    }


def load_data(settings: Settings, n_reports: int, seed: int) -> None:
    """Load the generated reports as `hub load` does, then find the networks; skip when already loaded."""
    with GraphPort(settings) as port:
        migrations.migrate(port)
        counts = {row["kind"]: row["total"] for row in port.read("testing/label_counts")}
        if counts.get("node:Report", 0) >= n_reports:
            print(f"{counts['node:Report']:,} reports already loaded", flush=True)
            return
        from graph.reference import seed_reference

        seed_reference(port)
        source = generated_data(n_reports, seed) / "reports.jsonl"
        total = count_lines(source)
        started = time.perf_counter()
        done = 0

        def progress(count: int) -> None:
            nonlocal done
            done += count
            if done % 10_000 < count:
                print(f"  loaded {done:,}/{total:,} ({done / (time.perf_counter() - started):,.0f}/s)", flush=True)

        load_files(port, [source], rejects=source.with_name("api-bench.rejects.csv"), batch_size=1000,
                   progress=progress, policies=load_policies())
        print("finding networks...", flush=True)
        run_all(port)
        print(f"loaded and analysed in {time.perf_counter() - started:,.0f} s", flush=True)


def officers_and_samples(settings: Settings, seed: int) -> dict[str, dict[str, Any]]:
    """Create a force officer for each of the busiest forces; return per force its token and sample ids."""
    rng = random.Random(seed)
    with GraphPort(settings) as port:
        forces = port.read("benchmarks/busiest_forces", limit=FORCES)
        known = {row["id"] for row in list_users(port)}
        result = {}
        for row in forces:
            user = f"bench-{row['force'].lower()}"
            if user not in known:
                add_user(port, user=user, role=Role.FORCE_OFFICER, force=row["force"], by="benchmark")
            token = issue_token(port, user=user, secret=SECRET, ttl=timedelta(hours=4))
            samples = port.read("benchmarks/force_samples", force=row["force"], limit=SAMPLES)[0]
            cases, accounts = samples["cases"], samples["accounts"]
            rng.shuffle(cases)
            rng.shuffle(accounts)
            result[row["force"]] = {"token": token, "cases": cases, "accounts": accounts, "total": row["cases"]}
    return result


def requests_for(forces: dict[str, dict[str, Any]]) -> dict[str, list[Request]]:
    """The request pool of each query kind, spread over the forces."""
    pool: dict[str, list[Request]] = {kind: [] for kind in QUERIES}
    for force, data in forces.items():
        pool["my cases"].append(Request("my cases", data["token"], {"force": force}))
        pool["case detail"].extend(Request("case detail", data["token"], {"id": case}) for case in data["cases"])
        pool["account network"].extend(
            Request("account network", data["token"], {"id": account}) for account in data["accounts"]
        )
    return pool


def capture_calls(settings: Settings, pool: dict[str, list[Request]]) -> dict[str, list[Request]]:
    """Run each request once in an in-process app and record the Cypher reads it made (the baseline's work)."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    recorded: list[tuple[str, dict[str, Any]]] = []
    lock = threading.Lock()
    original_run, original_read = port_module.Tx.run, port_module.GraphPort.read

    def record(query: str, params: dict[str, Any]) -> None:
        if not query.startswith(SKIPPED_IN_BASELINE):
            with lock:
                recorded.append((query, params))

    def recording_run(self: port_module.Tx, query: str, /, **params: Any) -> Any:
        record(query, params)
        return original_run(self, query, **params)

    def recording_read(self: port_module.GraphPort, query: str, /, **params: Any) -> Any:
        record(query, params)
        return original_read(self, query, **params)

    config = settings.model_copy(update={"environment": "production", "secret_key": _secret(),
                                         "rate_limit_per_minute": 10**9, "rate_limit_burst": 10**9})
    captured: dict[str, list[Request]] = {}
    port_module.Tx.run = recording_run  # type: ignore[method-assign]
    port_module.GraphPort.read = recording_read  # type: ignore[method-assign]
    try:
        with TestClient(create_app(config)) as client:
            client.app.state.authenticator.ttl_s = 3600
            for kind, requests in pool.items():
                captured[kind] = []
                for request in requests[:400]:
                    recorded.clear()
                    answer = client.post("/graphql", json={"query": QUERIES[kind], "variables": request.variables},
                                         headers=_headers(request.token))
                    body = answer.json()
                    if answer.status_code != 200 or body.get("errors"):
                        raise SystemExit(f"{kind} failed during capture: {answer.status_code} {body}")
                    captured[kind].append(Request(kind, request.token, request.variables, tuple(recorded)))
    finally:
        port_module.Tx.run = original_run  # type: ignore[method-assign]
        port_module.GraphPort.read = original_read  # type: ignore[method-assign]
    return captured


def _bodies(requests: list[Request]) -> dict[Request, dict[str, Any]]:
    """Each request's GraphQL body, built once before the clock starts."""
    return {request: {"query": QUERIES[request.kind], "variables": request.variables} for request in requests}


def _replay(port: GraphPort, request: Request) -> None:
    """Run the Cypher reads one GraphQL request made, as the baseline does."""
    for query, params in request.calls:
        port.read(query, **params)


def _secret():
    from pydantic import SecretStr

    return SecretStr(SECRET)


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "X-Justification": JUSTIFICATION}


def start_server(settings: Settings, workers: int) -> tuple[subprocess.Popen, str]:
    """Start the API (`hub serve`, `workers` processes) with production settings; return it and its base URL."""
    api_port = free_port()
    environment = {
        **os.environ, "HUB_ENV": "production", "HUB_SECRET_KEY": SECRET, "NEO4J_URI": settings.bolt_uri,
        "NEO4J_USER": settings.neo4j_user, "HUB_RATE_LIMIT_PER_MINUTE": str(10**9),
        "HUB_RATE_LIMIT_BURST": str(10**9),
    }
    if settings.neo4j_password:
        environment["NEO4J_PASSWORD"] = settings.neo4j_password.get_secret_value()
    server = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--host", "127.0.0.1", "--port", str(api_port), "--no-access-log",
         "--workers", str(workers)],
        env=environment, stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{api_port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    server.kill()
    raise SystemExit("the API did not become ready within 60 s")


class CpuMeter:
    """CPU seconds used by the database, the API process and this process (the clients) while a run lasts."""

    def __init__(self, settings: Settings, server_pid: int | None) -> None:
        self.settings, self.server_pid = settings, server_pid

    def read(self) -> tuple[float | None, float | None, float]:
        server = tree_cpu_seconds(self.server_pid) if self.server_pid else None
        return database_cpu_seconds(self.settings), server, process_cpu_seconds()

    def per_request(self, before: tuple, after: tuple, requests: int) -> dict[str, float | None]:
        """CPU milliseconds per answered request of each process (None where it could not be read)."""
        names = ("database_cpu", "api_cpu", "client_cpu")
        return {
            name: None if start is None or end is None or not requests else (end - start) * 1000 / requests
            for name, start, end in zip(names, before, after)
        }


LOAD_GENERATORS = ("aiohttp", "httpx")


@asynccontextmanager
async def http_poster(base: str, clients: int, generator: str) -> AsyncIterator[Callable[..., Any]]:
    """A function posting one GraphQL body over at most `clients` connections, answering (status, JSON)."""
    if generator == "aiohttp":
        import aiohttp

        connector = aiohttp.TCPConnector(limit=clients)
        async with aiohttp.ClientSession(base, connector=connector,
                                         timeout=aiohttp.ClientTimeout(total=30)) as session:
            async def post(body: dict, headers: dict) -> tuple[int, dict]:
                async with session.post("/graphql", json=body, headers=headers) as answer:
                    return answer.status, await answer.json()

            yield post
    else:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
            async def post(body: dict, headers: dict) -> tuple[int, dict]:
                answer = await client.post("/graphql", json=body, headers=headers)
                return answer.status_code, answer.json()

            yield post


async def drive_api(base: str, requests: list[Request], clients: int, seconds: float,
                    generator: str = "aiohttp") -> dict[str, float]:
    """`clients` concurrent clients, each sending one request after another for `seconds`.

    The clients share this process's two cores with the API and the database, so the load generator should cost
    little: aiohttp's client spends less CPU per request than httpx's (the benchmark prints how much).
    """
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    bodies = _bodies(requests)

    async def one_client(number: int, post: Callable[..., Any]) -> None:
        nonlocal errors
        rng = random.Random(number)
        while time.perf_counter() < deadline:
            request = rng.choice(requests)
            started = time.perf_counter()
            status, body = await post(bodies[request], _headers(request.token))
            elapsed = time.perf_counter() - started
            if status != 200 or body.get("errors"):
                errors += 1
            else:
                latencies.append(elapsed)

    started = time.perf_counter()
    async with http_poster(base, clients, generator) as post:
        await asyncio.gather(*(one_client(number, post) for number in range(clients)))
    return summary(latencies, time.perf_counter() - started, errors)


async def drive_api_paced(base: str, requests: list[Request], clients: int, seconds: float, rate: float,
                          generator: str = "aiohttp") -> dict[str, float]:
    """Requests due at Poisson times, `rate` a second, `clients` connections at most (benchmarks/pacing.py)."""
    order = random.Random(rate).sample(requests, len(requests))
    bodies = _bodies(requests)
    async with http_poster(base, clients, generator) as post:
        async def send(request: Request) -> bool:
            status, body = await post(bodies[request], _headers(request.token))
            return status == 200 and not body.get("errors")

        latencies, errors = await paced_async(send, order, rate, seconds, clients=clients, seed=int(rate))
    return summary(latencies, seconds, errors)


def drive_direct(settings: Settings, requests: list[Request], clients: int, seconds: float) -> dict[str, float]:
    """The same Cypher calls through the driver from `clients` threads, for `seconds`."""
    latencies: list[float] = []
    lock = threading.Lock()
    with GraphPort(settings) as port:
        deadline = time.perf_counter() + seconds

        def one_client(number: int) -> None:
            rng = random.Random(number)
            mine: list[float] = []
            while time.perf_counter() < deadline:
                request = rng.choice(requests)
                started = time.perf_counter()
                _replay(port, request)
                mine.append(time.perf_counter() - started)
            with lock:
                latencies.extend(mine)

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(one_client, range(clients)))
        return summary(latencies, time.perf_counter() - started, 0)


def drive_direct_paced(settings: Settings, requests: list[Request], clients: int, seconds: float,
                       rate: float) -> dict[str, float]:
    """The same Cypher calls on the same schedule as `drive_api_paced`, from `clients` threads at most."""
    order = random.Random(rate).sample(requests, len(requests))
    with GraphPort(settings) as port:
        latencies = paced_threads(partial(_replay, port), order, rate, seconds, clients=clients, seed=int(rate))
    return summary(latencies, seconds, 0)


def report_line(kind: str, api: dict[str, float], direct: dict[str, float]) -> str:
    ratio = api["p50"] / direct["p50"] if direct["p50"] else float("nan")
    return (
        f"| {kind} | {api['rps']:,.0f} | {api['p50']:.1f} / {api['p95']:.1f} / {api['p99']:.1f} | "
        f"{direct['rps']:,.0f} | {direct['p50']:.1f} / {direct['p95']:.1f} / {direct['p99']:.1f} | "
        f"{ratio:.2f} | {api['p99'] / direct['p99'] if direct['p99'] else float('nan'):.2f} | {api['errors']} |"
    )


def _ms(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f}"


def paced_line(rate: float, api: dict[str, float], direct: dict[str, float], cpu: dict[str, float | None]) -> str:
    return (
        f"| {rate:,.0f} | {api['rps']:,.0f} | {api['p50']:.1f} / {api['p95']:.1f} / {api['p99']:.1f} | "
        f"{direct['p50']:.1f} / {direct['p95']:.1f} / {direct['p99']:.1f} | {api['p50'] / direct['p50']:.2f} | "
        f"{api['p99'] / direct['p99']:.2f} | {api['errors']} | {_ms(cpu['database_cpu'])} / {_ms(cpu['api_cpu'])} |"
    )


def cpu_line(kind: str, api: dict[str, float | None], direct: dict[str, float | None]) -> str:
    return (
        f"| {kind} | {_ms(api['database_cpu'])} | {_ms(api['api_cpu'])} | {_ms(api['client_cpu'])} | "
        f"{_ms(direct['database_cpu'])} | {_ms(direct['client_cpu'])} |"
    )


def _print_saturation(lines: list[str], cpu_lines: list[str]) -> None:
    """The closed-loop tables: throughput and latency, then CPU per request."""
    print("| query | API req/s | API p50 / p95 / p99 ms | direct req/s | direct p50 / p95 / p99 ms "
          "| overhead p50 | overhead p99 | API errors |")
    print("|---|---|---|---|---|---|---|---|")
    for line in lines:
        print(line)
    print()
    print("CPU ms per request (user + system, all threads): the two cores are shared by all three processes")
    print("| query | API: database | API: API process | API: load generator | direct: database "
          "| direct: driver threads |")
    print("|---|---|---|---|---|---|")
    for line in cpu_lines:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="API worker processes (`hub serve --workers`); default: one per core")
    parser.add_argument("--generator", choices=LOAD_GENERATORS, default="aiohttp",
                        help="the HTTP client library the load generator uses")
    parser.add_argument("--rates", type=_rates, default=DEFAULT_RATES,
                        help="offered loads (requests/s, comma-separated) of the paced runs of the mix; '' for none")
    parser.add_argument("--saturation", action=argparse.BooleanOptionalAction, default=True,
                        help="run the closed-loop scenarios (each client sends again as soon as answered)")
    args = parser.parse_args()
    with throwaway_neo4j() as settings:
        load_data(settings, args.reports, args.seed)
        forces = officers_and_samples(settings, args.seed)
        print(f"{len(forces)} force officers; cases per force: "
              + ", ".join(f"{force} {data['total']:,}" for force, data in forces.items()), flush=True)
        pool = capture_calls(settings, requests_for(forces))
        calls = {kind: statistics.mean(len(r.calls) for r in requests) for kind, requests in pool.items()}
        print("Cypher reads per request: " + ", ".join(f"{kind} {mean:.1f}" for kind, mean in calls.items()))
        server, base = start_server(settings, args.workers)
        lines, cpu_lines, paced = [], [], []
        meter = CpuMeter(settings, server.pid)
        try:
            mix = [request for requests in pool.values() for request in requests]
            scenarios: list[tuple[str, list[Request]]] = [(kind, requests) for kind, requests in pool.items()]
            scenarios.append(("mix of all three", mix))
            for kind, requests in scenarios if args.saturation else ():
                # Warm-up of both, so that neither measures the database's JIT compiling the other's queries.
                asyncio.run(drive_api(base, requests, args.clients, WARM_UP_S, args.generator))
                drive_direct(settings, requests, args.clients, WARM_UP_S)
                before = meter.read()
                api = asyncio.run(drive_api(base, requests, args.clients, args.seconds, args.generator))
                api_cpu = meter.per_request(before, meter.read(), int(api["requests"] + api["errors"]))
                before = meter.read()
                direct = drive_direct(settings, requests, args.clients, args.seconds)
                direct_cpu = meter.per_request(before, meter.read(), int(direct["requests"]))
                lines.append(report_line(kind, api, direct))
                cpu_lines.append(cpu_line(kind, api_cpu, direct_cpu))
                print(lines[-1], flush=True)
            if args.rates:
                asyncio.run(drive_api(base, mix, args.clients, WARM_UP_S, args.generator))
                drive_direct(settings, mix, args.clients, WARM_UP_S)
            for rate in args.rates:
                before = meter.read()
                api = asyncio.run(drive_api_paced(base, mix, args.clients, args.seconds, rate, args.generator))
                api_cpu = meter.per_request(before, meter.read(), int(api["requests"] + api["errors"]))
                direct = drive_direct_paced(settings, mix, args.clients, args.seconds, rate)
                paced.append(paced_line(rate, api, direct, api_cpu))
                print(paced[-1], flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print()
    print(f"{args.reports:,} reports, {args.clients} concurrent clients, {args.seconds:.0f} s per scenario, "
          f"{args.workers} API worker process{'es' if args.workers > 1 else ''}, load generator {args.generator}")
    if lines:
        _print_saturation(lines, cpu_lines)
    if paced:
        print()
        print(f"Paced load, the mix of all three: requests due at Poisson times at the offered rate, at most "
              f"{args.clients} in flight, latency from the time each was due (benchmarks/pacing.py)")
        print("| offered req/s | API answered req/s | API p50 / p95 / p99 ms | direct p50 / p95 / p99 ms "
              "| overhead p50 | overhead p99 | API errors | CPU ms/request: database / API processes |")
        print("|---|---|---|---|---|---|---|---|")
        for line in paced:
            print(line)


if __name__ == "__main__":
    main()
