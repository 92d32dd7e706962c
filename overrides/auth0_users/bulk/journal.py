"""The journal: an append-only JSON-lines file that lets a re-run go on where the last run stopped.

Its first line names the job it belongs to; each later line records one item's status by its
key (``started`` before the item's call, then its outcome). :class:`Journal` is the file held by
a run; :func:`read_journal` reads one without changing it; :func:`default_key` keys an item.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import threading
import time
from collections.abc import Mapping
from typing import IO, Any, NamedTuple

from .._core.requests import jsonable as _jsonable
from .outcomes import Status


class JournalError(Exception):
    """The journal cannot be used: another run holds it, or a line in it is not a journal line."""


STARTED = "started"
_JOURNALED = frozenset({STARTED, Status.DONE, Status.FAILED, Status.UNKNOWN})
_FORMAT = 2  # 1: the lines of earlier versions, without a header


class Entry(NamedTuple):
    """A key's latest status, with the reason recorded for it."""

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


class Contents(NamedTuple):
    """What a journal holds, as :func:`read_entries` finds it."""

    job: str | None
    entries: dict[str, Entry]
    whole: int  # bytes of whole lines; a last line without its newline was cut short by a crash


def _not_a_line(number: int, line: bytes) -> JournalError:
    return JournalError(f"line {number} is not a journal line: {line[:80]!r}")


def read_entries(source: IO[bytes]) -> Contents:
    """The job, each key's latest entry, and how many bytes of ``source`` are whole lines.

    Read line by line, so that opening a journal takes time in proportion to its size and memory
    in proportion to its keys. A last line without its newline was cut short by a crash and is
    left out; any other line that is not a journal line raises :class:`JournalError` naming it.
    The first line may be the header naming the job.
    """
    job: str | None = None
    entries: dict[str, Entry] = {}
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
        entries[key] = Entry(status, reason if isinstance(reason, str) else None)
    return Contents(job, entries, whole)


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


class Journal:
    """The journal file: read once, then appended to, locked against a second run."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool) -> None:
        self.path = os.fspath(path)
        self.readonly = readonly
        self.job: str | None = None
        self.entries: dict[str, Entry] = {}
        self._written = 0  # lines appended so far
        self._synced = 0  # of which an fsync has covered this many
        self._sync_lock = threading.Lock()
        self._fd = self._open()
        if self._fd is None:
            return
        try:
            self._lock()
            with open(self._fd, "rb", closefd=False) as source:
                self.job, self.entries, whole = read_entries(source)
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
        """Close the file, every line written on disk first; a later write raises."""
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
    journal = Journal(path, readonly=True)
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
