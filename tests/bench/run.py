"""Benchmarks, side by side in one run: ``make bench`` (or ``python tests/bench/run.py``).

Starts the local server (``server.py``) in its own process, times every available client of
``clients.py`` on each scenario, interleaving the clients round by round, and prints median, min
and max per client with ratios to the official SDK and to the floor (raw httpx + json.loads). The
same figures go to ``build/bench-results.json``. Nothing about time is asserted: the machine is
shared and noisy, so read the ratios, which come from the same run. The scenarios against the
sandbox run last: rate-limited writes (``ratelimit_bench.py``: under a bucket like Auth0's); mixed
reads and writes on split and shared buckets, a skewed server clock, and the event loop's lag
while an async client paces (``buckets_bench.py``); the fleet (``fleet_bench.py``: worker
processes sharing a token cache and a rate budget, on one bucket and on split buckets) and
search_all (``search.py``: its requests against the pages a listing needs, and the sandbox's
search-page latency).
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import datetime
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import buckets_bench  # noqa: E402
import chart  # noqa: E402
import fleet_bench  # noqa: E402
import ratelimit_bench  # noqa: E402
import search  # noqa: E402
import server  # noqa: E402
from clients import CLIENTS, Client, Floor, Sdk  # noqa: E402

CHART = ROOT / "docs" / "_static" / "bench-rate-limits.png"
LIST_TOTAL = 10_000
STREAM_TOTAL = 100_000
GETS = 1_000
IN_FLIGHT = 32
PARSE_LOOPS = 200


@dataclass
class Scenario:
    """One benchmark: what it measures, and how one repetition runs for a client."""

    key: str
    title: str
    unit: str
    higher_is_better: bool
    run: Callable[[type[Client]], float | None]
    rounds: int
    target: str
    results: dict[str, list[float]] = field(default_factory=dict)
    server_cpu: float = 0.0


class Server:
    """The benchmark server process, with its CPU time read from /proc."""

    def __init__(self) -> None:
        command = [sys.executable, str(HERE / "server.py"), str(LIST_TOTAL), str(STREAM_TOTAL)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        list_port, stream_port = json.loads(self.process.stdout.readline())
        self.list_url = f"http://127.0.0.1:{list_port}/api/v2"
        self.stream_url = f"http://127.0.0.1:{stream_port}/api/v2"

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


def timed(action: Callable[[], object]) -> float:
    """Seconds that ``action`` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def child(snippet: str) -> str:
    """Run ``snippet`` in a fresh interpreter and return what it prints."""
    command = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(HERE)!r})\n{snippet}"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def scenarios(srv: Server, rounds: int) -> list[Scenario]:
    """The six scenarios of the benchmark, bound to the running server."""
    ids = [json.loads(body)["user_id"] for body in server.USERS]
    gets = [ids[i % len(ids)] for i in range(GETS)]
    page = server.page_body(LIST_TOTAL, 3, 100, include_totals=True)

    def list_all(client: type[Client]) -> float | None:
        if client.list_all is None:
            return None
        result: list[int] = []
        seconds = timed(lambda: result.append(client.list_all(srv.list_url)))
        if result != [LIST_TOTAL]:
            raise SystemExit(f"{client.name} listed {result} users instead of {LIST_TOTAL}")
        return LIST_TOTAL / seconds

    def get_one(client: type[Client]) -> float | None:
        if client.get_one is None:
            return None
        result: list[int] = []
        seconds = timed(lambda: result.append(client.get_one(srv.list_url, gets)))
        if result != [GETS]:
            raise SystemExit(f"{client.name} read {result} users instead of {GETS}")
        return GETS / seconds

    def fan_out(client: type[Client]) -> float | None:
        if client.session is None:
            return None

        async def main() -> float:
            async with client.session(srv.list_url) as get:
                pending = iter(gets)

                async def worker() -> None:
                    for user_id in pending:
                        await get(user_id)

                start = time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
                return time.perf_counter() - start

        return GETS / asyncio.run(main())

    def parse(client: type[Client]) -> float | None:
        if client.parse is None:
            return None
        parsed = client.parse(page)
        assert len(parsed) == 100
        assert parsed[0][0] is not None
        seconds = timed(lambda: [client.parse(page) for _ in range(PARSE_LOOPS)])
        return seconds / PARSE_LOOPS * 1e6

    def cold_import(client: type[Client]) -> float | None:
        if client.IMPORT is None:
            return None
        code = f"import time\nt = time.perf_counter()\n{client.IMPORT}\nprint(time.perf_counter() - t)"
        return float(child(code)) * 1e3

    def rss(client: type[Client]) -> float | None:
        if client.list_all is None:
            return None
        code = (
            f"import clients\nclients.{client.__name__}.list_all({srv.stream_url!r})\n"
            "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])"
        )
        return int(child(code)) / 1024

    return [
        Scenario("list_all", f"list-all: {LIST_TOTAL:,} users, pages of 100", "users/s", True, list_all, rounds,
                 "≥ 4x SDK users/s, ≤ 1.5x floor time"),
        Scenario("get_one", f"get-one: {GETS:,} sequential GET /users/{{id}}, one connection", "req/s", True,
                 get_one, rounds, "≤ 1.05x floor time"),
        Scenario("fan_out", f"async fan-out: {GETS:,} gets, {IN_FLIGHT} in flight", "req/s", True, fan_out,
                 rounds, "≥ 4x SDK req/s with the fast transport"),
        Scenario("parse", "parse: one 100-user page, bytes to typed objects", "µs", False, parse, rounds,
                 "≤ 2x json.loads"),
        Scenario("cold_import", "cold import to a client ready to call users", "ms", False, cold_import,
                 rounds + 2, "≤ 1.3x `import httpx`"),
        Scenario("rss", f"peak RSS streaming {STREAM_TOTAL:,} users (fresh process)", "MiB", False, rss,
                 max(1, rounds // 2), "≤ 1.15x floor"),
    ]  # fmt: skip


def measure(scenario: Scenario, clients: list[type[Client]], srv: Server) -> None:
    """Run ``scenario`` for every client, one round at a time, rotating who goes first.

    Objects alive before a run are frozen out of garbage collection, so that the modules one
    client imported do not slow down the collections of the next.
    """
    cpu, wall = srv.cpu_seconds(), time.perf_counter()
    for round_number in range(scenario.rounds):
        shift = round_number % len(clients)
        for client in clients[shift:] + clients[:shift]:
            gc.collect()
            gc.freeze()
            value = scenario.run(client)
            if value is not None:
                scenario.results.setdefault(client.name, []).append(value)
    scenario.server_cpu = (srv.cpu_seconds() - cpu) / (time.perf_counter() - wall)


def summary(scenario: Scenario) -> dict[str, dict[str, float | None]]:
    """Median, min and max per client, and the ratios.

    ``vs_sdk`` is how many times better than the SDK (its time or memory over ours; for rates,
    ours over its); ``vs_floor`` is our cost as a multiple of the floor's (time or memory).
    """
    medians = {name: statistics.median(values) for name, values in scenario.results.items()}

    def ratio(name: str, reference: str, cost: bool) -> float | None:
        if reference not in medians:
            return None
        mine, theirs = medians[name], medians[reference]
        better = mine / theirs if scenario.higher_is_better else theirs / mine
        return 1 / better if cost else better

    return {
        name: {
            "median": medians[name],
            "min": min(values),
            "max": max(values),
            "vs_sdk": ratio(name, Sdk.name, cost=False),
            "vs_floor": ratio(name, Floor.name, cost=True),
        }
        for name, values in scenario.results.items()
    }


def table(scenario: Scenario, names: list[str]) -> str:
    """The scenario as a Markdown table."""
    rows = summary(scenario)
    lines = [
        f"**{scenario.title}** ({scenario.unit}, {'higher' if scenario.higher_is_better else 'lower'} is better; "
        f"target {scenario.target}; server CPU {scenario.server_cpu:.0%} of a core)",
        "",
        "| client | median | min | max | x SDK (better) | x floor (cost) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        row = rows.get(name)
        if row is None:
            lines.append(f"| {name} | n/a | | | | |")
            continue
        ratios = [f"{row[key]:.2f}" if row[key] is not None else "" for key in ("vs_sdk", "vs_floor")]
        numbers = [f"{row[key]:,.1f}" for key in ("median", "min", "max")]
        lines.append(f"| {name} | {' | '.join(numbers)} | {' | '.join(ratios)} |")
    return "\n".join(lines)


def overview(report: dict[str, Any], clients: list[type[Client]]) -> str:
    """One Markdown table of every scenario: the median per client, and for this package's
    rows their advantage over the SDK and their cost relative to the floor."""
    names = [client.name for client in clients]
    ours = [client.name for client in clients if client.short.startswith(("facade", "generated"))]
    short = {client.name: client.short for client in clients}
    header = ["scenario", "unit", *(short[name] for name in names)]
    header += [f"{short[name]}: x SDK / x floor" for name in ours] + ["target"]
    lines = ["| " + " | ".join(header) + " |", "|---|---|" + "---:|" * (len(header) - 3) + "---|"]
    for key, scenario in report["scenarios"].items():
        rows = scenario["clients"]
        medians = [f"{rows[name]['median']:,.1f}" if name in rows else "n/a" for name in names]
        ratios = [
            f"{rows[name]['vs_sdk']:.2f} / {rows[name]['vs_floor']:.2f}"
            if name in rows and rows[name]["vs_sdk"] and rows[name]["vs_floor"]
            else "n/a"
            for name in ours
        ]
        lines.append("| " + " | ".join([key, scenario["unit"], *medians, *ratios, scenario["target"]]) + " |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    lines = Path("/proc/cpuinfo").read_text().splitlines()
    model = next(
        (line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), platform.processor()
    )
    return {"cpus": os.cpu_count(), "cpu": model, "python": platform.python_version(), "system": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="repetitions per client and scenario (default 5)")
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        help="scenario keys to run, 'ratelimit', 'mixed', 'skewed_clock', 'async_lag', 'fleet', 'fleet_split'"
        " and 'search_all' among them (default: all)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench-results.json")
    args = parser.parse_args(argv)

    # Installed wheels carry bytecode; this editable checkout gets the same before imports are timed.
    for tree in ("generated", "overrides"):
        compileall.compile_dir(ROOT / tree, quiet=1)
    clients = [client for client in CLIENTS if client.available()]
    names = [client.name for client in CLIENTS]
    info = machine()
    started = datetime.datetime.now(datetime.UTC)
    print(f"{started:%Y-%m-%d %H:%M} UTC; {info['cpus']} CPUs, {info['cpu']}; Python {info['python']}")
    for client in CLIENTS:
        if client not in clients:
            print(f"not available, rows show n/a: {client.name} (needs {client.requires})")
    srv = Server()
    report: dict[str, Any] = {"date": started.isoformat(timespec="seconds"), "machine": info, "scenarios": {}}
    try:
        for scenario in scenarios(srv, args.rounds):
            if args.only and scenario.key not in args.only:
                continue
            measure(scenario, clients, srv)
            print("\n" + table(scenario, names), flush=True)
            report["scenarios"][scenario.key] = {
                "title": scenario.title,
                "unit": scenario.unit,
                "higher_is_better": scenario.higher_is_better,
                "target": scenario.target,
                "server_cpu_share": round(scenario.server_cpu, 3),
                "clients": summary(scenario),
            }
    finally:
        srv.stop()
    if not args.only or "ratelimit" in args.only:
        report["ratelimit"] = ratelimit_bench.run()
        print("\n" + ratelimit_bench.table(report["ratelimit"]), flush=True)
    if not args.only or "mixed" in args.only:
        report["mixed"] = buckets_bench.run(buckets_bench.MIXED)
        print("\n" + buckets_bench.table(buckets_bench.MIXED_TITLE, report["mixed"]), flush=True)
    if not args.only or "skewed_clock" in args.only:
        report["skewed_clock"] = buckets_bench.run(buckets_bench.SKEWED)
        print("\n" + buckets_bench.table(buckets_bench.SKEWED_TITLE, report["skewed_clock"]), flush=True)
    if not args.only or "async_lag" in args.only:
        report["async_lag"] = buckets_bench.run_lag()
        print("\n" + buckets_bench.lag_table(report["async_lag"]), flush=True)
    if not args.only or "fleet" in args.only:
        report["fleet"] = fleet_bench.run()
        print("\n" + fleet_bench.table(report["fleet"]), flush=True)
    if not args.only or "fleet_split" in args.only:
        report["fleet_split"] = fleet_bench.run_split()
        print("\n" + fleet_bench.split_table(report["fleet_split"]), flush=True)
    if not args.only or "search_all" in args.only:
        report["search_all"] = search.measure(max(1, args.rounds // 5))
        print("\n" + search.table(report["search_all"]), flush=True)
    print("\n" + overview(report, CLIENTS))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if chart.draw(report, CHART):
        print(f"\nchart of the rate-limit scenarios: {CHART.relative_to(ROOT)}")
    print(f"\nwrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
