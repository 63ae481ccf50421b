"""The key file beside the database: wrapped copies of the database key and the login lockout counters.

A failed login cannot open the database, so failed attempts are counted here (which also enforces the
lockout across restarts) and queued for the audit trail, which receives them at the next successful login.
The recovery copy also lives in ``recovery.json``, written once at set-up, so a lost or damaged key file
can be rebuilt with the recovery key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from crf_desktop.core.clock import iso, parse_iso, utcnow
from crf_desktop.core.errors import KeyFileError
from crf_desktop.store.datadir import KEY_FILE, RECOVERY_FILE, write_atomic
from crf_desktop.store.keywrap import Wrapped

FORMAT = "crf-desktop-keyfile/1"
RECOVERY_FORMAT = "crf-desktop-recovery/1"
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
MAX_PENDING_EVENTS = 1000


def key_id(db_key: bytes) -> str:
    """A fingerprint that tells which database a key belongs to without revealing it."""
    import hashlib  # here: reading a key file's site and study at start-up does not load OpenSSL (issue 10)

    return hashlib.sha256(b"crf-desktop key id\n" + db_key).hexdigest()[:32]


def user_context(site: str, user: str) -> str:
    return f"crf-desktop/user/{site}/{user}"


def recovery_context(site: str) -> str:
    return f"crf-desktop/recovery/{site}"


@dataclass
class UserEntry:
    wrapped: Wrapped
    failures: list[str] = field(default_factory=list)  # ISO times of consecutive failed logins
    locked_until: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"wrapped": self.wrapped.to_json(), "failures": self.failures, "locked_until": self.locked_until}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UserEntry:
        return cls(
            wrapped=Wrapped.from_json(data["wrapped"]),
            failures=[str(x) for x in data.get("failures", [])],
            locked_until=data.get("locked_until"),
        )


@dataclass
class KeyFile:
    """In-memory form of ``keys.json``; :meth:`save` writes it atomically."""

    path: Path
    site: str
    study: str
    key_id: str
    users: dict[str, UserEntry]
    recovery: Wrapped
    pending_events: list[dict[str, str]] = field(default_factory=list)
    dropped_events: int = 0
    disabled: list[str] = field(default_factory=list)  # names only: so a disabled user is told, not "wrong password"

    # -- persistence -----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "site": self.site,
            "study": self.study,
            "key_id": self.key_id,
            "users": {name: entry.to_json() for name, entry in sorted(self.users.items())},
            "recovery": self.recovery.to_json(),
            "pending_events": self.pending_events,
            "dropped_events": self.dropped_events,
            "disabled": self.disabled,
        }

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.to_json(), indent=1).encode("utf-8"))

    @classmethod
    def load(cls, data_dir: Path) -> KeyFile:
        path = data_dir / KEY_FILE
        if not path.exists():
            raise KeyFileError(
                f"the key file {path} is missing, so the database cannot be opened. Put back your copy of the data "
                "folder's keys.json, or have the site admin rebuild it with the recovery key: crf-desktop user recover"
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown format {data.get('format')!r}")
            return cls(
                path=path,
                site=str(data["site"]),
                study=str(data["study"]),
                key_id=str(data["key_id"]),
                users={str(k): UserEntry.from_json(v) for k, v in data["users"].items()},
                recovery=Wrapped.from_json(data["recovery"]),
                pending_events=list(data.get("pending_events", [])),
                dropped_events=int(data.get("dropped_events", 0)),
                disabled=[str(name) for name in data.get("disabled", [])],
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            raise KeyFileError(
                f"the key file {path} is damaged (not a complete crf-desktop key file), so the database cannot be "
                "opened. Put back your copy of "
                "the data folder's keys.json, or have the site admin rebuild it with the recovery key: "
                "crf-desktop user recover"
            ) from None

    # -- lockout ---------------------------------------------------------------------------------------
    def seconds_locked(self, user: str) -> int:
        """Seconds left on ``user``'s lockout, 0 when not locked."""
        entry = self.users.get(user)
        if entry is None or entry.locked_until is None:
            return 0
        left = (parse_iso(entry.locked_until) - utcnow()).total_seconds()
        return max(0, int(left + 0.999))

    def record_failure(self, user: str, action: str, detail: str) -> None:
        """Count a failed login for ``user`` (locking after the fifth) and queue it for the audit trail."""
        now = utcnow()
        entry = self.users.get(user)
        if entry is not None:
            entry.failures.append(iso(now))
            if len(entry.failures) >= MAX_FAILURES:
                entry.locked_until = iso(now + LOCKOUT)
                entry.failures = []
                detail += f"; account locked until {entry.locked_until}"
        self.queue_event(user=user, action=action, detail=detail, when=iso(now))
        self.save()

    def record_success(self, user: str) -> None:
        entry = self.users[user]
        if entry.failures or entry.locked_until:
            entry.failures = []
            entry.locked_until = None
            self.save()

    def queue_event(self, *, user: str, action: str, detail: str, when: str) -> None:
        if len(self.pending_events) >= MAX_PENDING_EVENTS:
            self.pending_events.pop(0)
            self.dropped_events += 1
        self.pending_events.append({"time": when, "user": user, "action": action, "detail": detail})

    def take_pending_events(self) -> tuple[list[dict[str, str]], int]:
        """The queued events and the count of dropped ones; the caller saves after auditing them."""
        events, dropped = self.pending_events, self.dropped_events
        self.pending_events, self.dropped_events = [], 0
        return events, dropped


def write_recovery_file(data_dir: Path, *, site: str, study: str, key_id_: str, wrapped: Wrapped) -> None:
    payload = {"format": RECOVERY_FORMAT, "site": site, "study": study, "key_id": key_id_,
               "recovery": wrapped.to_json()}
    write_atomic(data_dir / RECOVERY_FILE, json.dumps(payload, indent=1).encode("utf-8"))


def read_recovery_file(data_dir: Path) -> tuple[dict[str, str], Wrapped]:
    path = data_dir / RECOVERY_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != RECOVERY_FORMAT:
            raise ValueError(f"unknown format {data.get('format')!r}")
        info = {"site": str(data["site"]), "study": str(data["study"]), "key_id": str(data["key_id"])}
        return info, Wrapped.from_json(data["recovery"])
    except FileNotFoundError:
        raise KeyFileError(f"the recovery file {path} is missing; restore it from a backup") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileError(f"the recovery file {path} is damaged ({exc}); restore it from a backup") from None
