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
  consistent), :data:`update_user` reads the user back; pass ``settle=`` for your own operation;
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
"""

from __future__ import annotations

import errno
import functools
import hashlib
import inspect
import json
import math
import os
import stat
import threading
import time
from collections import Counter
from collections.abc import AsyncIterable, Awaitable, Callable, Collection, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any, Final, Generic, NamedTuple, TypeVar, overload

import attrs
from auth0_users_facade.shapes import IDEMPOTENT_METHODS

from ._client import AsyncManagementClient, ManagementClient, _jsonable
from ._errors import APIStatusError, APITransportError, TokenError
from .metadata import predict

if TYPE_CHECKING:
    from auth0_users_facade.aliases import UsersListUsersByEmailResult

__all__ = [
    "NOT_APPLIED",
    "JournalError",
    "Journaled",
    "Operation",
    "Outcome",
    "Progress",
    "Report",
    "Status",
    "Unsettled",
    "arun",
    "create_user",
    "default_key",
    "job_of",
    "read_journal",
    "run",
    "status_of",
    "update_user",
]

ClientT = TypeVar("ClientT")
ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")

DEFAULT_CONCURRENCY = 8


class Status(StrEnum):
    """What became of one item."""

    DONE = "done"
    FAILED = "failed"
    UNKNOWN = "unknown"
    NOT_ATTEMPTED = "not_attempted"


@attrs.frozen
class Outcome(Generic[ItemT, ResultT]):
    """One item's outcome.

    ``index`` is the item's position in the input; ``result`` is what the operation (or a settle
    function) returned, for ``done``; ``error`` is what the operation raised in this run and
    ``reason`` a one-line account of it (kept in the journal, so resumed outcomes have it too);
    ``key`` is the journal key (``None`` without a journal); ``resumed`` marks an outcome taken
    from the journal of an earlier run; ``settled`` one that a settle function decided.
    """

    index: int
    item: ItemT
    status: Status
    result: ResultT | None = None
    error: BaseException | None = None
    reason: str | None = None
    key: str | None = None
    resumed: bool = False
    settled: bool = False


class Progress(NamedTuple):
    """Counts so far, given to the ``progress`` callback after each outcome, with that outcome.

    ``total`` is the number of items when known (``len(items)`` or the ``total=`` given);
    ``resumed`` counts the outcomes taken from the journal (included in the other counts).
    """

    done: int
    failed: int
    unknown: int
    not_attempted: int
    resumed: int
    total: int | None
    outcome: Outcome[Any, Any]

    @property
    def completed(self) -> int:
        """How many items have an outcome."""
        return self.done + self.failed + self.unknown + self.not_attempted


class Report(Sequence[Outcome[ItemT, ResultT]]):
    """Every item's :class:`Outcome`, in input order, with counts by status."""

    def __init__(self, outcomes: list[Outcome[ItemT, ResultT]], *, stopped: bool) -> None:
        self.outcomes = outcomes
        #: Whether ``stop_on_error`` ended the run early.
        self.stopped = stopped
        counted = Counter(outcome.status for outcome in outcomes)
        #: How many outcomes have each status (every status is present).
        self.counts: dict[Status, int] = {status: counted[status] for status in Status}

    @overload
    def __getitem__(self, index: int) -> Outcome[ItemT, ResultT]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Outcome[ItemT, ResultT]]: ...
    def __getitem__(self, index: int | slice) -> Outcome[ItemT, ResultT] | Sequence[Outcome[ItemT, ResultT]]:
        return self.outcomes[index]

    def __len__(self) -> int:
        return len(self.outcomes)

    def __repr__(self) -> str:
        return f"<Report {self.summary()}>"

    @property
    def ok(self) -> bool:
        """Whether every item is done."""
        return self.counts[Status.DONE] == len(self.outcomes)

    def with_status(self, status: Status) -> list[Outcome[ItemT, ResultT]]:
        """The outcomes with ``status``, in input order."""
        return [outcome for outcome in self.outcomes if outcome.status is status]

    def summary(self) -> str:
        """One line: ``"10 done (4 in an earlier run), 1 failed, 0 unknown"`` (and not attempted, if any)."""
        resumed = sum(1 for outcome in self.outcomes if outcome.resumed and outcome.status is Status.DONE)
        parts = [f"{self.counts[Status.DONE]} done" + (f" ({resumed} in an earlier run)" if resumed else "")]
        parts += [f"{self.counts[Status.FAILED]} failed", f"{self.counts[Status.UNKNOWN]} unknown"]
        if self.counts[Status.NOT_ATTEMPTED]:
            parts.append(f"{self.counts[Status.NOT_ATTEMPTED]} not attempted")
        return ", ".join(parts)


class _NotApplied:
    def __repr__(self) -> str:
        return "NOT_APPLIED"


NOT_APPLIED: Final = _NotApplied()
"""What a settle function returns when the operation certainly did not apply."""


class Unsettled(Exception):
    """Raised by a settle function that cannot tell whether the operation applied."""


class JournalError(Exception):
    """The journal cannot be used: another run holds it, or a line in it is not a journal line."""


def status_of(error: BaseException) -> Status:
    """``FAILED`` or ``UNKNOWN``: whether an error leaves the effect of the request behind it unknown.

    Unknown means a POST or PATCH that may have reached Auth0 with no usable answer: a 5xx, or a
    transport error after the request left (a dropped connection, a read timeout, an unreadable
    body). Everything else did not apply (a 4xx, a connection that was never made, an error
    raised before sending) or is safe to repeat (GET, PUT, DELETE): failed.
    """
    if isinstance(error, TokenError):
        return Status.FAILED  # the token endpoint, not the API, failed: nothing was written
    if isinstance(error, APIStatusError):
        method: str | None = error.method
        may_have_acted = error.status_code >= 500
    elif isinstance(error, APITransportError):
        method, may_have_acted = error.method, error.sent
    else:
        return Status.FAILED
    if may_have_acted and method not in IDEMPOTENT_METHODS:
        return Status.UNKNOWN
    return Status.FAILED


class Operation(Generic[ItemT]):
    """An operation that knows how to settle an unknown outcome of itself.

    ``call(client, item)`` does the work. ``settle(client, item)`` finds out, without writing,
    whether it applied: it returns the result when it did, :data:`NOT_APPLIED` when it certainly
    did not, and raises (:class:`Unsettled` or any error) when it cannot tell. Both return
    awaitables when given an ``AsyncManagementClient``. ``name`` names the job in a journal's
    header (by default, what :func:`job_of` makes of ``call``).
    """

    __slots__ = ("call", "name", "settle")

    def __init__(
        self,
        call: Callable[[Any, ItemT], Any],
        settle: Callable[[Any, ItemT], Any] | None = None,
        *,
        name: str | None = None,
    ) -> None:
        self.call = call
        self.settle = settle
        self.name = name or job_of(call)

    def __call__(self, client: Any, item: ItemT) -> Any:
        """Do the work for one item."""
        return self.call(client, item)

    def __repr__(self) -> str:
        return f"<Operation {self.name}>"


def job_of(operation: Callable[..., Any]) -> str:
    """The job an operation does, as a journal's header records it when ``job=`` is not given.

    An :class:`Operation`'s name; else the function's qualified name. A lambda or a local function
    is not told apart by its name, so a digest of its source and of the values it uses (the ones
    it closes over and the globals it reads) follows: ``set_plan("pro")`` and ``set_plan("basic")``
    are two jobs, and so is a lambda whose code changed.
    """
    if isinstance(operation, Operation):
        return operation.name
    if isinstance(operation, functools.partial):
        arguments = [_stable(list(operation.args)), {name: _stable(v) for name, v in operation.keywords.items()}]
        return f"{job_of(operation.func)} with {_digest(arguments)}"
    if not (inspect.isfunction(operation) or inspect.ismethod(operation)):
        operation = type(operation)
    name = f"{getattr(operation, '__module__', None) or '?'}.{getattr(operation, '__qualname__', '?')}"
    if inspect.isfunction(operation) and "<" in operation.__qualname__:
        return f"{name} {_digest(_source_and_values(operation))}"
    return name


def _source_and_values(function: Callable[..., Any]) -> list[Any]:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):  # no source (a REPL): the compiled code stands for it
        source = function.__code__.co_code.hex()
    try:
        used = inspect.getclosurevars(function)
        values = {**used.globals, **used.nonlocals}
    except (TypeError, ValueError):
        values = {}
    return [source, {name: _stable(value) for name, value in sorted(values.items())}]


def _stable(value: Any) -> Any:
    """A value as JSON when it is plain data, else its type's name (a client, a module, a function)."""
    try:
        return json.loads(json.dumps(value, sort_keys=True))
    except (TypeError, ValueError, RecursionError):
        return type(value).__qualname__


def _digest(value: Any) -> str:
    return "#" + hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:12]


def _then(value: Any, then: Callable[[Any], Any]) -> Any:
    """``then(value)``, or for an awaitable value an awaitable of it: one body for both clients."""
    if inspect.isawaitable(value):

        async def later() -> Any:
            return then(await value)

        return later()
    return then(value)


def _create(client: Any, item: Mapping[str, Any]) -> Any:
    return client.users.create(**item)


def _find_created(client: Any, item: Mapping[str, Any]) -> Any:
    email, connection = item.get("email"), item.get("connection")
    if not email or not connection:
        raise Unsettled("a user can be looked up only by its email and connection")
    return _then(client.users.list_users_by_email(email=email), lambda found: _created_user(found, connection))


def _created_user(found: UsersListUsersByEmailResult, connection: str) -> Any:
    on_connection = [
        user for user in found if any(identity.connection == connection for identity in (user.identities or ()))
    ]
    if not on_connection:
        return NOT_APPLIED
    if len(on_connection) > 1:
        raise Unsettled(f"{len(on_connection)} users have this email on {connection}")
    return on_connection[0]


create_user: Final[Operation[Mapping[str, Any]]] = Operation(
    _create, _find_created, name="auth0_users.bulk.create_user"
)
"""Create a user from a mapping of ``users.create`` arguments (``connection``, ``email``, ...).

An unknown outcome settles through ``GET /users-by-email`` (immediately consistent): one user
with the email on the item's connection means done, with that user; none means not applied.
"""


def _same(sent: Any, stored: Any) -> bool:
    """Whether two JSON values are equal as JSON: ``true`` is not ``1``, key order does not count."""
    if isinstance(sent, Mapping) and isinstance(stored, Mapping):
        return sent.keys() == stored.keys() and all(_same(sent[key], stored[key]) for key in sent)
    if isinstance(sent, list) and isinstance(stored, list):
        return len(sent) == len(stored) and all(_same(a, b) for a, b in zip(sent, stored, strict=True))
    return isinstance(sent, bool) is isinstance(stored, bool) and sent == stored


_EXACT_NUMBERS = 2**53  # Auth0 stores JSON numbers as doubles: integers beyond this come back rounded


def _kept_as_sent(value: Any) -> bool:
    """Whether Auth0 stores a JSON value exactly as sent, so that a read can show it was."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return True
    if isinstance(value, int):
        return abs(value) <= _EXACT_NUMBERS
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Mapping):
        return all(_kept_as_sent(item) for item in value.values())
    if isinstance(value, list):
        return all(_kept_as_sent(item) for item in value)
    return False


def _folded(sent: Any, stored: Any) -> bool:
    """Auth0 lower-cases the emails (and usernames) it owns; other providers keep their case."""
    if isinstance(sent, str) and isinstance(stored, str):
        return sent.casefold() == stored.casefold()
    return _same(sent, stored)


def _merged(sent: Any, stored: Any) -> bool:
    """Metadata merges on the first level, a ``null`` deleting its key: applied if merging again changes nothing."""
    current = stored if isinstance(stored, Mapping) else {}
    return _same(predict(current, sent), current)


# How a read shows each field an update sets, by Auth0's rules; a ``null`` removes the field. A field
# not here cannot be confirmed by a read: write-only ones (password, connection, verify_email, ...),
# ones Auth0 may reshape (picture, a URL), and any this version does not know.
_READ_BACK: Final[Mapping[str, Callable[[Any, Any], bool]]] = {
    **dict.fromkeys(("blocked", "email_verified", "phone_verified", "phone_number"), _same),
    **dict.fromkeys(("name", "given_name", "family_name", "nickname"), _same),
    **dict.fromkeys(("email", "username"), _folded),
    **dict.fromkeys(("user_metadata", "app_metadata"), _merged),
}


def _user_changes(item: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    if not isinstance(item, Mapping) or not isinstance(item.get("user_id"), str):
        raise TypeError(f"update_user takes a mapping with a user_id and the fields to update, got {item!r}")
    changes = {name: value for name, value in item.items() if name != "user_id"}
    return item["user_id"], changes


def _update(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, changes = _user_changes(item)
    return client.users.update(user_id, **changes)


def _read_back(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, changes = _user_changes(item)
    wanted = {name: _jsonable(value) for name, value in changes.items()}
    unreadable = sorted(name for name, value in wanted.items() if name not in _READ_BACK or not _kept_as_sent(value))
    if unreadable:
        raise Unsettled(f"a read cannot show whether {', '.join(unreadable)} was set")
    return _then(client.users.get(user_id), lambda user: _updated_user(user, wanted))


def _updated_user(user: Any, wanted: Mapping[str, Any]) -> Any:
    stored = user.to_dict()
    if all(_READ_BACK[name](value, stored.get(name)) for name, value in wanted.items()):
        return user
    return NOT_APPLIED


update_user: Final[Operation[Mapping[str, Any]]] = Operation(_update, _read_back, name="auth0_users.bulk.update_user")
"""Update a user from a mapping of its ``user_id`` and the ``users.update`` fields to set.

An unknown outcome settles by reading the user, comparing as Auth0 stores: emails and usernames
without case, metadata by the first-level merge rule, ``null`` as removed. Every field holding
the value sent means done, with the user; any other value means not applied. An update with a
field a read cannot confirm (``password``, ``connection``, ``picture``, a number beyond 2**53)
stays unknown rather than be sent twice.
"""


# -- the journal --------------------------------------------------------------------------------

_STARTED = "started"
_JOURNALED = frozenset({_STARTED, Status.DONE, Status.FAILED, Status.UNKNOWN})
_FORMAT = 2  # 1: the lines of earlier versions, without a header


class _Entry(NamedTuple):
    status: str
    reason: str | None


class Journaled(NamedTuple):
    """What a journal holds: the job it belongs to and each key's latest status.

    ``job`` is ``None`` for an empty journal, and for one written by an earlier version of this
    package, which did not record its job. A status is ``"started"`` for an item that was in flight
    when its run ended, else ``"done"``, ``"failed"`` or ``"unknown"``.
    """

    job: str | None
    statuses: dict[str, str]


class _Contents(NamedTuple):
    job: str | None
    entries: dict[str, _Entry]
    whole: int  # bytes of whole lines; a last line without its newline was cut short by a crash


def _not_a_line(number: int, line: bytes) -> JournalError:
    return JournalError(f"line {number} is not a journal line: {line[:80]!r}")


def _read_journal(source: IO[bytes]) -> _Contents:
    """The job, each key's latest entry, and how many bytes of ``source`` are whole lines.

    Read line by line, so that opening a journal takes time in proportion to its size and memory
    in proportion to its keys. A last line without its newline was cut short by a crash and is
    left out; any other line that is not a journal line raises :class:`JournalError` naming it.
    The first line may be the header naming the job.
    """
    job: str | None = None
    entries: dict[str, _Entry] = {}
    whole = 0
    for number, line in enumerate(source, start=1):
        if not line.endswith(b"\n"):
            break
        whole += len(line)
        if line.isspace():
            continue
        record = _record(number, line)
        if number == 1 and "job" in record:
            if not isinstance(record["job"], str):
                raise _not_a_line(number, line)
            job = record["job"]
            continue
        key, status, reason = record.get("key"), record.get("status"), record.get("reason")
        if not (isinstance(key, str) and isinstance(status, str) and status in _JOURNALED):
            raise _not_a_line(number, line)
        entries[key] = _Entry(status, reason if isinstance(reason, str) else None)
    return _Contents(job, entries, whole)


_decode = json.JSONDecoder().raw_decode  # json.loads, without its per-call checks: twice as fast here


def _record(number: int, line: bytes) -> dict[str, Any]:
    try:
        text = line.decode()
        record, end = _decode(text, len(text) - len(text.lstrip()))
    except (ValueError, RecursionError) as exc:
        raise _not_a_line(number, line) from exc
    if not isinstance(record, dict) or not text[end:].isspace():
        raise _not_a_line(number, line)
    return record


class _Journal:
    """The journal file: read once, then appended to, locked against a second run."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool) -> None:
        self.path = os.fspath(path)
        self.readonly = readonly
        self.job: str | None = None
        self.entries: dict[str, _Entry] = {}
        self._written = 0  # lines appended so far
        self._synced = 0  # of which an fsync has covered this many
        self._sync_lock = threading.Lock()
        self._fd = self._open()
        if self._fd is None:
            return
        try:
            self._lock()
            with open(self._fd, "rb", closefd=False) as source:
                self.job, self.entries, whole = _read_journal(source)
            if not readonly and whole < os.fstat(self._fd).st_size:
                os.ftruncate(self._fd, whole)  # appending after a torn line would merge the two
        except BaseException:
            os.close(self._fd)
            raise

    def _open(self) -> int | None:
        """The journal's descriptor (``None`` for a dry run's missing file); only a regular file will do.

        Opened without blocking and without following a symbolic link, then checked: a FIFO or a
        device would hang the read or never end it.
        """
        flags = os.O_RDONLY if self.readonly else os.O_RDWR | os.O_APPEND | os.O_CREAT
        flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags, 0o600)  # it names users: keep it private
        except FileNotFoundError:
            if not self.readonly:
                raise
            return None
        except IsADirectoryError:
            raise JournalError(f"{self.path} is a directory, not a journal file") from None
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EMLINK):
                raise JournalError(f"{self.path} is a symbolic link: give the journal's own path") from None
            raise
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            raise JournalError(f"{self.path} is not a regular file ({_file_kind(mode)}): a journal must be one")
        return fd

    def claim(self, job: str) -> None:
        """Make sure the journal is ``job``'s: refuse another job's, start an empty one with a header."""
        if self.job is None and self.entries:
            header = json.dumps({"job": job, "format": _FORMAT}, ensure_ascii=False)
            raise JournalError(
                f"{self.path} was written by an earlier version of auth0-users, which did not record its "
                f"job: finish that job with that version, or, if it is this job's journal, add this first "
                f"line to it: {header}"
            )
        if self.job is not None and self.job != job:
            raise JournalError(
                f"{self.path} is the journal of job {self.job!r}, not of this run's job {job!r}: give this job "
                f"a journal of its own (or, to resume that job with edited code, pass job={self.job!r})"
            )
        if self.job is None and not self.readonly:
            self._write({"job": job, "format": _FORMAT, "at": _now()})
        self.job = job

    def _lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # no advisory locks on this platform
            return
        assert self._fd is not None
        try:
            fcntl.flock(self._fd, (fcntl.LOCK_SH if self.readonly else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            raise JournalError(f"{self.path} is in use by another run") from None

    def append(self, key: str, status: str, reason: str | None = None) -> int:
        """Write one line; return its number, for :meth:`sync`."""
        if self.readonly:
            return 0
        record: dict[str, Any] = {"key": key, "status": status}
        if reason is not None:
            record["reason"] = reason
        record["at"] = _now()
        return self._write(record)

    def _write(self, record: dict[str, Any]) -> int:
        if self._fd is None:  # a call still running after the run ended must not go unrecorded
            raise JournalError(f"{self.path} is closed")
        line = memoryview(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
        while line:
            line = line[os.write(self._fd, line) :]
        self._written += 1
        return self._written

    def sync(self, line: int) -> None:
        """Return once line number ``line`` is on disk: one fsync covers every line written before it."""
        with self._sync_lock:
            fd = self._fd
            if self._synced >= line or fd is None:
                return
            covered = self._written
            os.fsync(fd)
            self._synced = covered

    def close(self) -> None:
        if self._fd is not None:
            self.sync(self._written)
            os.close(self._fd)
            self._fd = None


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _file_kind(mode: int) -> str:
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device",
             stat.S_ISSOCK: "a socket", stat.S_ISDIR: "a directory"}  # fmt: skip
    return next((kind for test, kind in kinds.items() if test(mode)), "not a regular file")


def read_journal(path: str | os.PathLike[str]) -> Journaled:
    """What the journal at ``path`` holds, read without changing it (nothing, if it does not exist).

    Raises :class:`JournalError` when a run holds it, or it is damaged or not a regular file.
    """
    journal = _Journal(path, readonly=True)
    journal.close()
    return Journaled(journal.job, {key: entry.status for key, entry in journal.entries.items()})


def default_key(item: Any) -> str:
    """A stable journal key: a string item itself, else a digest of its JSON form.

    A mapping's ``password`` is left out of the digest, so no form of it reaches the journal.
    """
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping):
        item = {name: value for name, value in item.items() if name != "password"}
    try:
        canonical = json.dumps(_jsonable(item), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise TypeError(
            f"an item of type {type(item).__name__} has no stable JSON form ({exc}): "
            "give key=, a function giving each item a stable key"
        ) from exc
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()[:32]


# -- one plan for both executors -----------------------------------------------------------------


@attrs.frozen
class _Step:
    """The next call for an item: its operation, or its settle function for an unknown outcome."""

    index: int
    item: Any
    key: str | None
    unknown: Outcome[Any, Any] | None = None  # set: settle this outcome instead of attempting
    started_line: int = 0  # the journal line that must be on disk before the call (0: none)

    @property
    def settling(self) -> bool:
        return self.unknown is not None


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class _Run:
    """The state and every decision of one run; the executors only make the calls it asks for.

    Its methods are safe to call from several threads; the progress callback is called under its
    lock, one outcome at a time.
    """

    def __init__(
        self,
        *,
        key: Callable[[Any], str] | None,
        journal: str | os.PathLike[str] | None,
        job: str,
        stop_on_error: bool,
        retry_unknown: bool,
        can_settle: bool,
        dry_run: bool,
        progress: Callable[[Progress], object] | None,
        total: int | None,
    ) -> None:
        self._key = key or default_key
        self._stop_on_error = stop_on_error
        self._retry_unknown = retry_unknown
        self._can_settle = can_settle and not dry_run
        self._progress = progress
        self._total = total
        self._lock = threading.Lock()
        self._outcomes: dict[int, Outcome[Any, Any]] = {}
        self._counts: Counter[Status] = Counter()
        self._resumed = 0
        self._first_index: dict[str, int] = {}
        self._error_stop: int | None = None
        self._abort: BaseException | None = None
        self.stopping = False
        if not isinstance(job, str) or not job:
            raise TypeError(f"job= must be a non-empty string naming the job, got {job!r}")
        self._journal = None if journal is None else _Journal(journal, readonly=dry_run)
        if self._journal is not None:
            try:
                self._journal.claim(job)
            except BaseException:
                self._journal.close()
                raise

    @classmethod
    def start(cls, items: object, *, concurrency: int, total: int | None, **options: Any) -> _Run:
        """Check what both executors take, and plan a run over ``items``."""
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError(f"concurrency must be a positive integer, got {concurrency!r}")
        if total is None and isinstance(items, Collection):
            total = len(items)
        return cls(total=total, **options)

    def admit(self, index: int, item: Any) -> _Step | None:
        """The first call to make for a newly taken item, or ``None`` when it needs none."""
        with self._lock:
            return self._plan(index, item)

    def advance(self, step: _Step, *, value: Any = None, error: Exception | None = None) -> _Step | None:
        """Take the value or error of ``step``'s call; return the next call for the item, if any."""
        with self._lock:
            return self._settled(step, value, error) if step.settling else self._attempted(step, value, error)

    def persist(self, step: _Step) -> None:
        """Return once ``step``'s started line is on disk; call it before the call, outside any lock.

        Callers that arrive while an fsync runs share the next one, so the journal costs about one
        fsync per batch of items in flight, not one per item.
        """
        if step.started_line and self._journal is not None:
            self._journal.sync(step.started_line)

    def stop(self) -> None:
        """Start nothing new (items in flight finish and are recorded)."""
        self.stopping = True

    def abort(self, error: BaseException) -> None:
        """Stop because of an error that is not an item's (the progress callback, the journal, a key)."""
        with self._lock:
            if self._abort is None:
                self._abort = error
        self.stop()

    def _plan(self, index: int, item: Any) -> _Step | None:
        if self.stopping:
            self._record(Outcome(index, item, Status.NOT_ATTEMPTED, reason=self._stop_reason()))
            return None
        if self._journal is None:
            return _Step(index, item, None)
        key = self._key(item)
        if not isinstance(key, str) or not key:
            raise TypeError(f"key= must give a non-empty string for each item, gave {key!r} for item {index}")
        first = self._first_index.setdefault(key, index)
        if first != index:
            duplicate = ValueError(f"item {first} has the same key {key!r}: give key= to tell them apart")
            # Not journaled: the line would stand for the first item.
            self._record(Outcome(index, item, Status.FAILED, error=duplicate, reason=_one_line(duplicate), key=key))
            return None
        entry = self._journal.entries.get(key)
        if entry is None or entry.status == Status.FAILED:
            return self._attempt(index, item, key)
        if entry.status == Status.DONE:
            self._record(Outcome(index, item, Status.DONE, key=key, resumed=True))
            return None
        reason = entry.reason if entry.status == Status.UNKNOWN else "in flight when an earlier run ended"
        unknown: Outcome[Any, Any] = Outcome(index, item, Status.UNKNOWN, reason=reason, key=key, resumed=True)
        if self._can_settle:
            return _Step(index, item, key, unknown)
        if self._retry_unknown:
            return self._attempt(index, item, key)
        self._record(unknown)
        return None

    def _attempt(self, index: int, item: Any, key: str | None) -> _Step:
        if self._journal is not None and key is not None:
            return _Step(index, item, key, started_line=self._journal.append(key, _STARTED))
        return _Step(index, item, key)

    def _attempted(self, step: _Step, value: Any, error: Exception | None) -> _Step | None:
        if error is None:
            self._record(Outcome(step.index, step.item, Status.DONE, value, key=step.key), journal=True)
            return None
        outcome: Outcome[Any, Any] = Outcome(
            step.index, step.item, status_of(error), error=error, reason=_one_line(error), key=step.key
        )
        if outcome.status is Status.UNKNOWN and self._can_settle:
            return attrs.evolve(step, unknown=outcome)
        self._record(outcome, journal=True)
        return None

    def _settled(self, step: _Step, value: Any, error: Exception | None) -> _Step | None:
        unknown = step.unknown
        assert unknown is not None
        if error is None and value is not NOT_APPLIED:
            reason = f"settled as applied after {unknown.reason}"
            done = attrs.evolve(unknown, status=Status.DONE, result=value, reason=reason, resumed=False, settled=True)
            self._record(done, journal=True)
            return None
        if error is None and unknown.resumed:
            return self._attempt(step.index, step.item, step.key)  # the earlier run's request has landed
        if error is None:
            why = "not applied yet as far as a read shows, but the request may still be in flight; a re-run settles it"
        else:
            if unknown.resumed and self._retry_unknown:
                return self._attempt(step.index, step.item, step.key)
            why = f"settling could not tell: {_one_line(error)}"
        self._record(attrs.evolve(unknown, reason=f"{unknown.reason}; {why}"), journal=True)
        return None

    def _record(self, outcome: Outcome[Any, Any], *, journal: bool = False) -> None:
        """Keep an outcome, write its line if ``journal``, and report progress."""
        self._outcomes[outcome.index] = outcome
        self._counts[outcome.status] += 1
        self._resumed += outcome.resumed
        if journal and self._journal is not None and outcome.key is not None:
            self._journal.append(outcome.key, outcome.status, outcome.reason)
        failing = outcome.status in (Status.FAILED, Status.UNKNOWN) and not outcome.resumed  # this run's
        if self._stop_on_error and failing and self._error_stop is None:
            self._error_stop = outcome.index
            self.stop()
        if self._progress is not None:
            counts = self._counts
            self._progress(
                Progress(
                    counts[Status.DONE],
                    counts[Status.FAILED],
                    counts[Status.UNKNOWN],
                    counts[Status.NOT_ATTEMPTED],
                    self._resumed,
                    self._total,
                    outcome,
                )
            )

    def _stop_reason(self) -> str:
        if self._error_stop is not None:
            return f"the run stopped at the error of item {self._error_stop}"
        return "the run stopped"

    def close(self) -> None:
        """Close the journal (fsync'd first); a later write raises."""
        if self._journal is not None:
            with self._lock:
                self._journal.close()

    def finish(self, rest: Iterator[tuple[int, Any]] | None) -> Report[Any, Any]:
        """The report, once every call has returned; ``rest``, if given, is reported not attempted."""
        if self._abort is not None:
            raise self._abort
        if rest is not None and self.stopping:
            for index, item in rest:
                with self._lock:
                    self._record(Outcome(index, item, Status.NOT_ATTEMPTED, reason=self._stop_reason()))
        return Report([self._outcomes[index] for index in sorted(self._outcomes)], stopped=self._error_stop is not None)


def _not_awaitable(value: Any) -> Any:
    if inspect.isawaitable(value):
        if inspect.iscoroutine(value):
            value.close()
        raise TypeError("the operation returned an awaitable: use bulk.arun with an AsyncManagementClient")
    return value


# -- the executors -------------------------------------------------------------------------------


def run(
    client: ClientT,
    items: Iterable[ItemT],
    operation: Callable[[ClientT, ItemT], ResultT],
    *,
    key: Callable[[ItemT], str] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    stop_on_error: bool = False,
    progress: Callable[[Progress], object] | None = None,
    journal: str | os.PathLike[str] | None = None,
    job: str | None = None,
    retry_unknown: bool = False,
    settle: Callable[[ClientT, ItemT], Any] | None = None,
    total: int | None = None,
    dry_run: bool = False,
) -> Report[ItemT, ResultT]:
    """Apply ``operation(client, item)`` to every item from ``concurrency`` threads; see the module doc.

    ``key`` gives each item its journal key; ``progress`` is called after each outcome with a
    :class:`Progress`; ``journal`` names the journal file, and ``job`` the job it is for (by
    default :func:`job_of` the operation): a journal of another job raises :class:`JournalError`
    before anything is sent. ``retry_unknown`` repeats unknown
    outcomes of earlier runs that cannot be settled; ``settle`` overrides the operation's own
    settle function; ``total`` is the item count when ``items`` has no ``len``. ``dry_run`` reads
    the journal without writing it and settles nothing: pass an operation that sends nothing (a
    preview), and ``job=`` the real run's job, to see what a real run would do for the items it
    would not skip.

    Ctrl-C starts nothing new, lets the items in flight finish and reach the journal, and then
    raises ``KeyboardInterrupt``. Returns the :class:`Report`.
    """
    if isinstance(client, AsyncManagementClient):
        raise TypeError("an AsyncManagementClient needs bulk.arun")
    settle = settle or getattr(operation, "settle", None)
    state = _Run.start(
        items,
        key=key,
        concurrency=concurrency,
        journal=journal,
        job=job_of(operation) if job is None else job,
        stop_on_error=stop_on_error,
        retry_unknown=retry_unknown,
        can_settle=settle is not None,
        dry_run=dry_run,
        progress=progress,
        total=total,
    )
    source = enumerate(items)
    source_lock = threading.Lock()

    def take() -> tuple[int, Any] | None:
        with source_lock:  # an iterator is not thread-safe, and the index must follow input order
            return next(source, None)

    running = 0
    idle = threading.Condition()

    def work() -> None:
        nonlocal running
        try:
            while not state.stopping and (taken := take()) is not None:
                step = state.admit(*taken)
                while step is not None:
                    call: Callable[[ClientT, ItemT], Any] = settle if step.settling and settle else operation
                    state.persist(step)
                    try:
                        value = call(client, step.item)
                    except Exception as error:
                        step = state.advance(step, error=error)
                        continue
                    step = state.advance(step, value=_not_awaitable(value))
        except BaseException as error:  # not an item's error: stop the run and raise it
            state.abort(error)
        finally:
            with idle:
                running -= 1
                idle.notify_all()

    # Waiting on a condition, not Thread.join: a join interrupted by Ctrl-C can mark a thread
    # that is still running as finished, and the journal must stay open until it has.
    try:
        for n in range(concurrency):
            threading.Thread(target=work, name=f"auth0-users-bulk-{n}", daemon=True).start()
            with idle:
                running += 1
        with idle:
            idle.wait_for(lambda: running <= 0)
    except BaseException:  # Ctrl-C: let what is in flight finish and be journaled, then raise
        state.stop()
        with idle:
            idle.wait_for(lambda: running <= 0)
        raise
    finally:
        state.close()
    return state.finish(source if isinstance(items, Collection) else None)


async def arun(
    client: ClientT,
    items: Iterable[ItemT] | AsyncIterable[ItemT],
    operation: Callable[[ClientT, ItemT], Awaitable[ResultT]],
    *,
    key: Callable[[ItemT], str] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    stop_on_error: bool = False,
    progress: Callable[[Progress], object] | None = None,
    journal: str | os.PathLike[str] | None = None,
    job: str | None = None,
    retry_unknown: bool = False,
    settle: Callable[[ClientT, ItemT], Any] | None = None,
    total: int | None = None,
    dry_run: bool = False,
) -> Report[ItemT, ResultT]:
    """Apply ``operation(client, item)`` to every item from ``concurrency`` tasks; see :func:`run`.

    ``items`` may be an async iterable (an async pager). Cancelling the run cancels the calls in
    flight: their items read back from the journal as unknown, so a re-run settles them.
    """
    import asyncio

    if isinstance(client, ManagementClient):
        raise TypeError("a ManagementClient needs bulk.run")
    settle = settle or getattr(operation, "settle", None)
    state = _Run.start(
        items,
        key=key,
        concurrency=concurrency,
        journal=journal,
        job=job_of(operation) if job is None else job,
        stop_on_error=stop_on_error,
        retry_unknown=retry_unknown,
        can_settle=settle is not None,
        dry_run=dry_run,
        progress=progress,
        total=total,
    )
    source = aiter(items) if isinstance(items, AsyncIterable) else enumerate(items)
    source_lock = asyncio.Lock()
    taken_so_far = 0

    async def take() -> tuple[int, Any] | None:
        nonlocal taken_so_far
        if isinstance(source, enumerate):
            return next(source, None)
        async with source_lock:  # one task at a time may wait on an async iterator
            try:
                item = await anext(source)
            except StopAsyncIteration:
                return None
            taken_so_far += 1
            return taken_so_far - 1, item

    async def work() -> None:
        try:
            while not state.stopping and (taken := await take()) is not None:
                step = state.admit(*taken)
                while step is not None:
                    call: Callable[[ClientT, ItemT], Any] = settle if step.settling and settle else operation
                    if step.started_line:  # an fsync in a thread, so that the loop runs on meanwhile
                        await asyncio.to_thread(state.persist, step)
                    try:
                        value = call(client, step.item)
                        if inspect.isawaitable(value):
                            value = await value
                    except Exception as error:
                        step = state.advance(step, error=error)
                        continue
                    step = state.advance(step, value=value)
        except Exception as error:  # not an item's error: stop the run and raise it
            state.abort(error)

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(work())
    finally:
        state.close()
    return state.finish(source if isinstance(items, Collection) and isinstance(source, enumerate) else None)
