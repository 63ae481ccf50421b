"""The users table: who may log in, with which role. Passwords never touch the database."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.core.roles import Role


@dataclass(frozen=True, kw_only=True)
class User:
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    created_at: str


def _user(row: dict[str, object]) -> User:
    return User(
        username=str(row["username"]), full_name=str(row["full_name"]), role=Role(str(row["role"])),
        active=bool(row["active"]), must_change_password=bool(row["must_change_password"]),
        created_at=str(row["created_at"]),
    )


def get(db: sqlite_utils.Database, username: str) -> User | None:
    rows = list(db["users"].rows_where("username = ?", [username]))
    return _user(rows[0]) if rows else None


def all_users(db: sqlite_utils.Database) -> list[User]:
    return [_user(row) for row in db["users"].rows_where(order_by="username")]


def insert(db: sqlite_utils.Database, *, username: str, full_name: str, role: Role, created_by: str,
           must_change_password: bool) -> None:
    db.table("users").insert({
        "username": username, "full_name": full_name, "role": role.value, "active": 1,
        "must_change_password": int(must_change_password), "created_at": iso(utcnow()), "created_by": created_by,
    })


def update(db: sqlite_utils.Database, username: str, **changes: object) -> None:
    db.table("users").update(username, {k: (int(v) if isinstance(v, bool) else v) for k, v in changes.items()})
