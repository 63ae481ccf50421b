"""Values read from the site database, kept while nothing has written to it (issue 10: saving a form).

A form's save and the editor's live check read the same things again and again: the study configuration, the
casebook lock, the subject's demographics and consent, the record being edited. This cache keeps them between
calls and forgets all of them the moment the database may have changed. It knows that by a stamp:

- the connection's ``total_changes`` (every row this connection inserted, updated or deleted, triggers
  included, committed or rolled back), which moves with any write of ours;
- ``PRAGMA data_version``, which moves when another connection (or process) commits to the file.

A stamp that differs from the one the values were read under empties the cache. Inside a transaction the cache
is neither read nor filled: what the transaction wrote may still be rolled back.

A writer that knows exactly what it changed (a form's save) may keep the rest: it takes the stamp before it
writes (:meth:`ReadCache.stamp`) and afterwards calls :meth:`ReadCache.written`, naming the keys its writes made
stale. Only when nothing else wrote in between does the cache survive its own writes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar, cast

import sqlite_utils

T = TypeVar("T")
Stamp = tuple[int, int]


class ReadCache:
    """Reads of one connection, kept under the stamp they were read at (one per open site)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._stamp: Stamp | None = None
        self._values: dict[Hashable, object] = {}
        self._calls = 0  # how many service calls (:meth:`call`) are running
        self._call_stamp: Stamp | None = None

    def stamp(self) -> Stamp | None:
        """The database's state now; ``None`` inside a transaction (nothing is cached there).

        Within a service call (:meth:`call`) another connection's commit is looked for once, when the call
        starts, and again after each write of this connection; a write of this connection is always seen.
        """
        conn = self._db.conn
        if conn.in_transaction:
            return None
        changes = conn.total_changes
        if self._call_stamp is not None and self._call_stamp[0] == changes:
            return self._call_stamp
        stamp = changes, int(conn.execute("PRAGMA data_version").fetchone()[0])
        if self._calls:
            self._call_stamp = stamp
        return stamp

    def call(self) -> _Call:
        """``with reads.call():`` around one service call (a save, a check) that reads through the cache
        several times: the others' commits are looked for once, not at every read (each look is a statement)."""
        return _Call(self)

    def _enter(self) -> None:
        self._calls += 1

    def _leave(self) -> None:
        self._calls -= 1
        if not self._calls:
            self._call_stamp = None

    def get(self, key: Hashable, read: Callable[[], T]) -> T:
        """The value kept under ``key`` while the database has not changed, else ``read()`` (and kept).

        ``read`` must depend on the database alone (not on the time or the user), and what it returns must not
        be changed by the caller: the next caller gets the same object.
        """
        stamp = self.stamp()
        if stamp is None:
            return read()
        if stamp != self._stamp:
            self._values.clear()
            self._stamp = stamp
        if key in self._values:
            return cast(T, self._values[key])  # stored by the read of the same key
        value = self._values[key] = read()
        return value

    def written(self, before: Stamp | None, stale: Iterable[Hashable], kept: Mapping[Hashable, object]) -> None:
        """After a writer's commit: ``before`` is :meth:`stamp` taken before it wrote, ``stale`` the keys its
        writes changed, ``kept`` the values it knows now (the record as saved). The other values survive only
        when the cache was current at ``before`` (so nothing but that writer changed the database since: no
        other connection committed, and this connection is used by one thread at a time, as every session is);
        otherwise everything is forgotten."""
        now = self.stamp()
        if before is None or now is None or before != self._stamp or now[1] != before[1]:
            self._values.clear()
            self._stamp = None
            return
        for key in stale:
            self._values.pop(key, None)
        self._values.update(kept)
        self._stamp = now


class _Call:
    """The span of one service call (:meth:`ReadCache.call`); calls may nest."""

    def __init__(self, cache: ReadCache) -> None:
        self._cache = cache

    def __enter__(self) -> None:
        self._cache._enter()  # noqa: SLF001 - the cache's own helper

    def __exit__(self, *_exc: object) -> None:
        self._cache._leave()  # noqa: SLF001
