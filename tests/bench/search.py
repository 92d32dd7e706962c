"""What search_all costs against the sandbox, and how fast the sandbox answers a search page.

For each tenant size, a sandbox seeded with that many users runs in its own process (the client
does not share its interpreter). search_all reads every user twice, once with a query that
matches them all (``email:*``) and once without ``q`` (the plain listing: ``users.list`` alone
stops at Auth0's 1000-result cap, so past it a listing goes through search_all too). Each run
counts its requests against ceil(N / 100), the pages that listing N users needs at least, and
its wall time. Then the pages that search_all asked for over the largest tenant are asked again,
one at a time, with plain httpx: the median of those is the sandbox's search-page latency.
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from auth0_users import ManagementClient

SIZES = (10_000, 100_000)
QUERIES = ("email:*", None)
REPLAYED_PAGES = 300
TYPICAL = (
    {"q": "email:ada.lovelace*", "include_totals": "true", "per_page": "100"},
    {"q": "identities.connection:github AND user_metadata.plan:premium", "per_page": "100"},
    {"q": 'email:"grace.hopper12@example.com"', "include_totals": "true"},
    {"q": "created_at:[2023-01-01 TO 2023-02-01}", "sort": "created_at:1", "include_totals": "true"},
)


@contextmanager
def sandbox(users: int) -> Iterator[tuple[str, str]]:
    """A sandbox process seeded with ``users`` users; yields its base URL and token."""
    command = [sys.executable, "-m", "auth0_users.sandbox", "--seed", str(users)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    try:
        base_url = process.stdout.readline().rsplit(" ", 1)[1].strip()
        token = process.stdout.readline().split(": ", 1)[1].strip()
        yield base_url, token
    finally:
        process.terminate()
        process.wait()


def read_all(base_url: str, token: str, q: str | None) -> tuple[int, list[httpx.QueryParams], float]:
    """Every user search_all yields for ``q``: how many, the query of each request, the seconds."""
    sent: list[httpx.QueryParams] = []
    with (
        httpx.Client(event_hooks={"request": [lambda request: sent.append(request.url.params)]}) as http,
        ManagementClient(base_url=base_url, token=token, http_client=http) as mgmt,
    ):
        start = time.perf_counter()
        count = sum(1 for _ in mgmt.users.search_all(q=q))
        return count, sent, time.perf_counter() - start


def page_latency(base_url: str, token: str, pages: list[httpx.QueryParams]) -> list[float]:
    """Seconds the sandbox takes to answer each page, asked one at a time on one connection."""
    seconds = []
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}) as http:
        http.get("/users", params={"per_page": 1}).raise_for_status()
        for params in pages:
            start = time.perf_counter()
            http.get("/users", params=params).raise_for_status()
            seconds.append(time.perf_counter() - start)
    return seconds


def measure(rounds: int) -> dict[str, Any]:
    """Run every size and query ``rounds`` times; the figures, and the latency over the largest tenant."""
    runs: list[dict[str, Any]] = []
    latency: dict[str, Any] = {}
    for size in SIZES:
        with sandbox(size) as (base_url, token):
            replay: list[httpx.QueryParams] = []
            for q in QUERIES:
                walls, requests = [], 0
                for _ in range(rounds):
                    count, sent, wall = read_all(base_url, token, q)
                    if count != size:
                        raise SystemExit(f"search_all(q={q!r}) read {count} users instead of {size}")
                    walls.append(wall)
                    requests = len(sent)
                    replay = replay or sent
                minimum = math.ceil(size / 100)
                runs.append({"users": size, "q": q, "requests": requests, "minimum": minimum,
                             "ratio": requests / minimum, "seconds": statistics.median(walls)})  # fmt: skip
            if size == max(SIZES):
                step = max(1, len(replay) // REPLAYED_PAGES)
                pages = [*replay[::step], *(httpx.QueryParams(params) for params in TYPICAL)]
                seconds = sorted(page_latency(base_url, token, pages))
                latency = {"users": size, "pages": len(seconds), "median_ms": statistics.median(seconds) * 1e3,
                           "p90_ms": seconds[int(len(seconds) * 0.9)] * 1e3, "max_ms": seconds[-1] * 1e3}  # fmt: skip
    return {"runs": runs, "page_latency": latency}


def table(report: dict[str, Any]) -> str:
    """The figures as Markdown."""
    lines = [
        "**search_all against the sandbox** (target: requests ≤ 1.05x ceil(N / 100); a search page ≤ 10 ms median)",
        "",
        "| users | query | requests | ceil(N / 100) | x minimum | wall time (s) | users/s |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for run in report["runs"]:
        query = f"`q={run['q']}`" if run["q"] else "none (plain listing)"
        lines.append(
            f"| {run['users']:,} | {query} | {run['requests']:,} | {run['minimum']:,} | {run['ratio']:.3f} "
            f"| {run['seconds']:.1f} | {run['users'] / run['seconds']:,.0f} |"
        )
    latency = report["page_latency"]
    lines += [
        "",
        f"Sandbox search page over {latency['users']:,} users, over HTTP on loopback ({latency['pages']} pages: "
        f"search_all's own, and {len(TYPICAL)} typical searches): median {latency['median_ms']:.1f} ms, "
        f"p90 {latency['p90_ms']:.1f} ms, max {latency['max_ms']:.1f} ms.",
    ]
    return "\n".join(lines)
