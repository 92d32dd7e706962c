r"""Bulk work: one operation applied to many items, with bounded concurrency, losing nothing.

For example::

    from auth0_users import ManagementClient, bulk

    with ManagementClient(domain="TENANT.eu.auth0.com", client_id="...", client_secret="...") as mgmt:
        report = bulk.run(
            mgmt,
            user_ids,
            lambda m, user_id: m.users.update(user_id, app_metadata={"plan": "basic"}),
            journal="plan-migration.jsonl",
            progress=lambda p: print(f"{p.completed}/{p.total} done={p.done} failed={p.failed}", end="\r"),
        )
    print(report.summary())

``run`` uses threads and ``arun`` tasks; both follow one plan and differ only in how they call
the operation. The operation takes ``(client, item)`` and returns anything; with
``arun`` it returns an awaitable (``lambda m, uid: m.users.update(uid, ...)`` works for both).
At most ``concurrency`` items are in flight; the client paces and retries each request.

Every item gets an :class:`Outcome`, in input order:

- ``done``: the operation returned (its ``result``);
- ``failed``: it raised, and did not apply: Auth0 refused it (4xx), the request never left, or
  it was a read or an idempotent write (GET, PUT, DELETE), which is safe to repeat;
- ``unknown``: a POST or PATCH that may have reached Auth0 with no readable answer (a dropped
  connection, a read timeout, a 5xx, an unreadable body). It may or may not have applied, so it
  is never reported as either, and never repeated blindly (Auth0 has no idempotency keys).
  A *settle* function finds out: :data:`create_user` looks the user up by email (immediately
  consistent); :data:`update_user`, :data:`merge_metadata`, :data:`assign_roles` and
  :data:`remove_roles` read the user back (:mod:`auth0_users.bulk.settle`); give your own
  operation a :class:`BulkOperation` with its settle function, or pass ``settle=``;
- ``not_attempted``: the run stopped first (``stop_on_error=True``).

An error is recorded for its item and the run goes on; ``stop_on_error=True`` stops at the first
failed or unknown outcome: items in flight finish, nothing new starts, and the rest of a list (any
sized collection) is reported ``not_attempted``. An iterator is left where it stopped, so a
pager fetches no more pages.

**The journal** (``journal="path.jsonl"``) makes a re-run after a crash, a kill or Ctrl-C go on
where the last one stopped. It is append-only JSON lines, one per event, keyed by the item's key
(``key=``, default: the item itself for strings, else a digest of its JSON form without any
``password``). Its first line names the job it belongs to (``job=``, default :func:`job_of` the
operation), and a journal of another job is refused with :class:`JournalError`: an item done by
one job is not done by another. So is a journal of an earlier version, which did not name its
job (the error says which line to add to adopt it). Only a regular file is a journal (a FIFO or
a device is refused, not read). Before an item's operation is called its ``started`` line is
written and fsync'd; its outcome line follows once known. On a re-run:

- ``done`` items are skipped (reported ``done`` with ``resumed=True`` and no result);
- ``failed`` items are attempted again: a failure did not apply, so repeating it is safe, and it is
  what a re-run is for once the cause (a bad line, a missing role, a rate limit) is fixed;
- ``unknown`` items, and items that were in flight when the process died (``started`` without an
  outcome), are settled first when a settle function is known: found applied, they are ``done``;
  found not applied, they are attempted again (the earlier run's requests have landed by then).
  Without a settle function, or when settling cannot tell, they stay ``unknown`` and are not
  repeated unless ``retry_unknown=True`` (right for writes that are safe to repeat, such as a PATCH
  that sets the same metadata).

In the run where an outcome turns unknown, settling can only confirm it: not finding the write
yet proves nothing while its request may still be in Auth0's hands, so it stays unknown for the
next run to settle. A line cut short by a crash (the file's last line, without a newline) is
dropped; that is safe because a line is fsync'd before its operation's request is sent. Outcome
lines are written straight to the file (a killed process loses none) and reach the disk with the
next fsync: after a power cut an outcome of the last moments reads back as unknown, never lost.
Items in flight share fsyncs, so the journal costs well under one fsync per item.
The journal is locked for the run, so two runs cannot share one.

The package's modules: ``outcomes`` (what became of each item), ``journal`` (the file),
``plan`` (every decision of a run, no I/O of its own), ``runners`` (``run`` and ``arun``),
``operation`` (:class:`BulkOperation`, :func:`job_of`) and ``settle`` (the operations on users).
"""

from .journal import Journaled, JournalError, default_key, read_journal
from .operation import BulkOperation, job_of
from .outcomes import NOT_APPLIED, Outcome, Progress, Report, Status, Unsettled, status_of
from .runners import DEFAULT_CONCURRENCY, arun, run
from .settle import assign_roles, create_user, delete_user, merge_metadata, remove_roles, update_user

__all__ = [
    "DEFAULT_CONCURRENCY",
    "NOT_APPLIED",
    "BulkOperation",
    "JournalError",
    "Journaled",
    "Outcome",
    "Progress",
    "Report",
    "Status",
    "Unsettled",
    "arun",
    "assign_roles",
    "create_user",
    "default_key",
    "delete_user",
    "job_of",
    "merge_metadata",
    "read_journal",
    "remove_roles",
    "run",
    "status_of",
    "update_user",
]
