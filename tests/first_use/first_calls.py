"""A fresh process whose first calls come from many threads, or many tasks, released at once.

    python first_calls.py sync|async BASE_URL TOKEN_URL CLIENT_ID CLIENT_SECRET USER_ID

Prints one JSON line: how many calls were made and the errors they raised.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading

from auth0_users import AsyncManagementClient, ManagementClient

WORKERS = 16


def main() -> None:
    mode, base_url, client_id, client_secret, user_id = sys.argv[1:6]
    options = {"base_url": base_url, "client_id": client_id, "client_secret": client_secret, "max_retries": 0}
    errors: list[str] = []
    completed: list[int] = []

    if mode == "sync":
        mgmt = ManagementClient(**options)
        barrier = threading.Barrier(WORKERS)

        def work(n: int) -> None:
            barrier.wait()
            try:
                mgmt.users.update(user_id, user_metadata={"worker": n})
                mgmt.users.get(user_id)
                list(mgmt.users.roles.list(user_id))
                completed.append(3)
            except Exception as exc:  # every failure is the finding
                errors.append(repr(exc))

        threads = [threading.Thread(target=work, args=(n,)) for n in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        mgmt.close()
    else:

        async def run_all() -> None:
            async with AsyncManagementClient(**options) as amgmt:
                start = asyncio.Event()

                async def work(n: int) -> None:
                    await start.wait()
                    try:
                        await amgmt.users.update(user_id, user_metadata={"worker": n})
                        await amgmt.users.get(user_id)
                        [role async for role in amgmt.users.roles.list(user_id)]
                        completed.append(3)
                    except Exception as exc:  # every failure is the finding
                        errors.append(repr(exc))

                tasks = [asyncio.create_task(work(n)) for n in range(WORKERS)]
                await asyncio.sleep(0)
                start.set()
                await asyncio.gather(*tasks)

        asyncio.run(run_all())
    print(json.dumps({"calls": sum(completed), "errors": errors}))


if __name__ == "__main__":
    main()
