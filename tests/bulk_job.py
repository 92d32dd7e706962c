"""A journaled bulk job, run as its own process by the kill tests; prints its outcome counts as JSON.

AUTH0_TOKEN=... python bulk_job.py BASE_URL ITEMS.json JOURNAL.jsonl --mode sync|async --operation update|create
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from auth0_users import AsyncManagementClient, ManagementClient, bulk


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("items", type=Path)
    parser.add_argument("journal", type=Path)
    parser.add_argument("--mode", choices=["sync", "async"], default="sync")
    parser.add_argument("--operation", choices=["update", "create"], default="update")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    items = json.loads(args.items.read_text())
    operation = bulk.update_user if args.operation == "update" else bulk.create_user
    options: dict[str, Any] = {"base_url": args.base_url, "token": os.environ["AUTH0_TOKEN"], "max_retries": 0}
    settings: dict[str, Any] = {"journal": args.journal, "concurrency": args.concurrency}
    if args.mode == "sync":
        with ManagementClient(**options) as mgmt:
            report = bulk.run(mgmt, items, operation, **settings)
    else:

        async def arun() -> bulk.Report[Any, Any]:
            async with AsyncManagementClient(**options) as amgmt:
                return await bulk.arun(amgmt, items, operation, **settings)

        report = asyncio.run(arun())
    for outcome in report:
        if outcome.reason and outcome.status is not bulk.Status.DONE:
            print(f"{outcome.index}: {outcome.status}: {outcome.reason}", file=sys.stderr)
    counts = Counter(str(outcome.status) for outcome in report)
    counts["resumed"] = sum(outcome.resumed for outcome in report)
    counts["settled"] = sum(outcome.settled for outcome in report)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
