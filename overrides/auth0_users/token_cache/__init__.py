"""Where client-credentials tokens live, so that many clients and processes share one token.

Pass one to a client as ``token_cache=``::

    from auth0_users import ManagementClient
    from auth0_users.token_cache import FileTokenCache, RedisTokenCache

    mgmt = ManagementClient(domain=..., client_id=..., client_secret=...,
                            token_cache=RedisTokenCache("redis://cache:6379/0"))

- :class:`MemoryTokenCache`, the default: one process; give the same instance to several
  clients of one process and they share their tokens too.
- :class:`FileTokenCache`: a file for CLIs, cron jobs and processes on one machine.
- :class:`RedisTokenCache`: a Redis server for fleets (the ``redis`` extra), sync and async.

Entries are keyed by a SHA-256 digest of the token endpoint, client id and audience, never by
the secret. A client keeps the token it uses in memory and consults its cache only when it has
none that is fresh: at start, shortly before the token expires, and after a 401. Then one
process fetches while the others wait for its result, at most ``lock_timeout`` seconds (after
which they fetch themselves); a 401 replaces the shared entry only while it still holds the
token that was refused, so a revoked token costs the whole fleet one new token.

With ``encryption_key=`` (the ``encryption`` extra) the file and Redis caches store tokens
encrypted with Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``); make a key with
:func:`generate_encryption_key`, and pass a list of keys to rotate (the first encrypts, any
decrypts). An entry that cannot be read (another key, damaged) counts as missing and is
replaced. Once a cache holds encrypted tokens it stays encrypted: a cache without a key that
finds them, or the mark encryption leaves in the store, writes nothing there and keeps its
tokens in this process's memory, with one warning.

When the store cannot be reached (Redis down or frozen, a file that cannot be written), the
client logs a warning and goes on with a token of its own; the API calls do not fail for it.
A cache file that is not a regular file (a symbolic link, a FIFO, a device) is refused with
:class:`TokenCacheError`.

To keep tokens elsewhere, subclass :class:`TokenCache` and implement ``read``, ``write``,
``try_lock`` and ``unlock``; override the ``a``-prefixed variants when that I/O should not run
on the event loop.
"""

from ._base import MemoryTokenCache, TokenCache, TokenCacheError, generate_encryption_key

# Re-exported for the client's auth flow, which builds on them.
from ._base import _entry_key as _entry_key
from ._base import _Token as _Token
from ._file_cache import FileTokenCache
from ._redis_cache import RedisTokenCache

__all__ = [
    "FileTokenCache",
    "MemoryTokenCache",
    "RedisTokenCache",
    "TokenCache",
    "TokenCacheError",
    "generate_encryption_key",
]
