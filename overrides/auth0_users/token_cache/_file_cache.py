"""A token cache in a JSON file, shared by the processes of one machine."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ._base import (
    DEFAULT_LOCK_TIMEOUT,
    EncryptionKey,
    SharedTokenCache,
    TokenCacheError,
    logger,
    looks_encrypted,
)

MAX_FILE_SIZE = 16 * 1024 * 1024
"""A cache file larger than this is not read (a few hundred bytes per client and audience)."""

_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _refuse_unless_regular(path: Path, mode: int) -> None:
    """Raise :class:`TokenCacheError` unless ``mode`` (from ``lstat`` or ``fstat``) is a regular file's."""
    if stat.S_ISLNK(mode):
        raise TokenCacheError(
            f"token cache: {path} is a symbolic link, which is not followed: give the path of the file itself"
        )
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
        raise TokenCacheError(
            f"token cache: {path} is {kind}, not a regular file: give the path of a regular file, "
            "or of one to be created"
        )


def _open_regular(path: Path, flags: int) -> tuple[int, os.stat_result]:
    """A descriptor of the regular file at ``path`` and its status; :class:`TokenCacheError` for anything else.

    The file is opened without following a symbolic link and without waiting for a FIFO's other
    end, then checked on the open descriptor, so nothing can be swapped in between.
    """
    safe = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags | safe, 0o600)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):  # a symlink, a socket, a directory
            with contextlib.suppress(OSError):
                _refuse_unless_regular(path, os.lstat(path).st_mode)
        raise
    try:
        status = os.fstat(descriptor)
        _refuse_unless_regular(path, status.st_mode)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, status


def _make_private_directories(directory: Path) -> None:
    """Create ``directory`` and those of its parents that are missing, each with mode ``0700``."""
    missing = []
    while not directory.exists() and directory != directory.parent:
        missing.append(directory)
        directory = directory.parent
    for each in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile
            each.mkdir(mode=0o700)


class FileTokenCache(SharedTokenCache):
    """Tokens in a JSON file, shared by the processes of one machine (CLIs, cron jobs, workers).

    The file is created with mode ``0600`` (missing directories ``0700``) and replaced atomically
    (a temporary file in the same directory, then ``os.replace``), so a reader never sees half a
    file. Fetches are serialised with ``flock`` on ``PATH.lock``, which the system releases when
    the holding process ends, however it ends. Neither path may be a symbolic link, a FIFO or
    anything but a regular file: :class:`~auth0_users.token_cache.TokenCacheError` says which.
    A file that is not a token cache (damaged, not JSON) counts as empty, with one warning, and
    is replaced. POSIX only: on Windows, where ``fcntl`` does not exist, the constructor raises
    ``NotImplementedError``; use the default cache or :class:`RedisTokenCache` there.
    """

    unavailable = (OSError,)

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        encryption_key: EncryptionKey | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> None:
        if sys.platform == "win32":
            raise NotImplementedError(
                "FileTokenCache needs POSIX file locks (fcntl), which Windows lacks: "
                "use RedisTokenCache, or the default in-memory cache"
            )
        super().__init__(lock_timeout=lock_timeout, encryption_key=encryption_key)
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._damage_seen: tuple[int, int, int] | None = None
        for each in (self.path, self.lock_path):  # say so now; every use checks again
            with contextlib.suppress(OSError):
                _refuse_unless_regular(each, os.lstat(each).st_mode)

    def __repr__(self) -> str:
        return f"FileTokenCache({str(self.path)!r}, encrypted={self.encrypted})"

    def _load(self) -> dict[str, Any]:
        """The file's JSON object: ``{}`` if there is no file, or (with one warning) no token cache in it."""
        try:
            descriptor, status = _open_regular(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return {}
        with os.fdopen(descriptor, "rb") as file:
            data = file.read(MAX_FILE_SIZE + 1)
        try:
            if len(data) > MAX_FILE_SIZE:
                raise ValueError(f"larger than {MAX_FILE_SIZE} bytes")
            content = json.loads(data)
        except RecursionError:
            return self._damaged(status, "nested too deeply")
        except ValueError as error:  # json.JSONDecodeError and UnicodeDecodeError too
            return self._damaged(status, str(error))
        return content if isinstance(content, dict) else self._damaged(status, "not a JSON object")

    def _damaged(self, status: os.stat_result, reason: str) -> dict[str, Any]:
        seen = (status.st_ino, status.st_size, status.st_mtime_ns)
        if seen != self._damage_seen:  # once per damaged version of the file, not once per look
            self._damage_seen = seen
            logger.warning(
                "%r: the file is not a token cache (%s); it counts as empty and will be replaced", self, reason
            )
        return {}

    def _encrypted_here(self, content: dict[str, Any]) -> bool:
        """Whether this cache has no key and the file holds encrypted tokens, or says encryption was chosen."""
        if self.encrypted:
            return False
        entries = content.get("entries")
        values = entries.values() if isinstance(entries, dict) else ()
        return content.get("encrypted") is True or any(
            isinstance(entry, dict) and isinstance(entry.get("value"), str) and looks_encrypted(entry["value"].encode())
            for entry in values
        )

    @staticmethod
    def _fresh(content: dict[str, Any]) -> dict[str, Any]:
        entries = content.get("entries")
        if not isinstance(entries, dict):
            return {}
        now = time.time()
        return {
            key: entry
            for key, entry in entries.items()
            if isinstance(entry, dict) and isinstance(entry.get("expires"), int | float) and entry["expires"] > now
        }

    def read(self, key: str) -> bytes | None:
        """The value under ``key`` unless it expired."""
        if self._keyless:
            return self._local.read(key)
        content = self._load()
        if self._encrypted_here(content):
            return self._keep_to_memory().read(key)
        value = self._fresh(content).get(key, {}).get("value")
        return value.encode() if isinstance(value, str) else None

    def write(self, key: str, value: bytes, ttl: float) -> None:
        """Store ``value`` for ``ttl`` seconds, dropping expired entries, by replacing the file.

        The writer holds the lock, except one that stopped waiting for a stuck holder: then a
        concurrent write may be lost (the next reader fetches once more), the file never torn.
        """
        if self._keyless:
            self._local.write(key, value, ttl)
            return
        content = self._load()
        if self._encrypted_here(content):
            self._keep_to_memory().write(key, value, ttl)
            return
        entries = self._fresh(content)
        entries[key] = {"value": value.decode(), "expires": time.time() + ttl}
        document: dict[str, Any] = {"version": 1, "entries": entries}
        if self.encrypted:
            document["encrypted"] = True  # a cache without the key will not write here
        payload = json.dumps(document, indent=1).encode()
        _make_private_directories(self.path.parent)
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:  # mkstemp creates it 0600
                file.write(payload)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def try_lock(self, key: str) -> object | None:
        """Take ``flock`` on the lock file if no other process (or client) holds it."""
        import fcntl

        if self._keyless:
            return self._local.try_lock(key)
        _make_private_directories(self.lock_path.parent)
        descriptor, _ = _open_regular(self.lock_path, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return None
        except BaseException:
            os.close(descriptor)
            raise
        return descriptor

    def unlock(self, lease: object) -> None:
        """Release the lock (closing the descriptor releases ``flock``)."""
        if not self._unlock_local(lease):
            assert isinstance(lease, int)
            os.close(lease)
