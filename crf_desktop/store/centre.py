"""The centre's own tables: its keys, the sites it enrolled, what it applied, the queries it raised, and its
decisions on the queries the sites raised."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store.query_decisions import Decision
from crf_desktop.store.sql import rows

KIND_KEY = "kind"
CENTRE = "centre"


def is_centre(db: sqlite_utils.Database) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [KIND_KEY]).fetchone()
    return row is not None and row[0] == CENTRE


def mark_centre(db: sqlite_utils.Database) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [KIND_KEY, CENTRE])


# -- keys ---------------------------------------------------------------------------------------------------
def save_keys(db: sqlite_utils.Database, *, sign_key: bytes, box_key: bytes) -> None:
    db.execute("INSERT INTO centre_keys (id, sign_key, box_key, created_at) VALUES (1, ?, ?, ?)",
               [sign_key, box_key, iso(utcnow())])


def keys(db: sqlite_utils.Database) -> tuple[bytes, bytes] | None:
    row = db.execute("SELECT sign_key, box_key FROM centre_keys WHERE id = 1").fetchone()
    return None if row is None else (bytes(row[0]), bytes(row[1]))


# -- sites --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class SiteState:
    site: str
    enrolled_at: str
    sign_public: bytes | None
    box_public: bytes | None
    fingerprint: str | None
    pinned_at: str | None
    last_seq: int
    last_sha256: str | None
    audit_seq: int
    audit_hash: str | None
    last_import_at: str | None
    out_seq: int
    out_digest: str | None


def _site(row: dict[str, Any]) -> SiteState:
    return SiteState(
        site=row["site"], enrolled_at=row["enrolled_at"],
        sign_public=None if row["sign_public"] is None else bytes(row["sign_public"]),
        box_public=None if row["box_public"] is None else bytes(row["box_public"]),
        fingerprint=row["fingerprint"], pinned_at=row["pinned_at"], last_seq=int(row["last_seq"]),
        last_sha256=row["last_sha256"], audit_seq=int(row["audit_seq"]), audit_hash=row["audit_hash"],
        last_import_at=row["last_import_at"], out_seq=int(row["out_seq"]), out_digest=row["out_digest"],
    )


def site(db: sqlite_utils.Database, site_id: str) -> SiteState | None:
    found = rows(db, "SELECT * FROM centre_sites WHERE site = ?", [site_id])
    return _site(found[0]) if found else None


def sites(db: sqlite_utils.Database) -> list[SiteState]:
    return [_site(r) for r in rows(db, "SELECT * FROM centre_sites ORDER BY site")]


def enrol(db: sqlite_utils.Database, site_id: str, user: str) -> bool:
    """Register a site; False when it was registered before."""
    cursor = db.execute("INSERT OR IGNORE INTO centre_sites (site, enrolled_at, enrolled_by) VALUES (?, ?, ?)",
                        [site_id, iso(utcnow()), user])
    return cursor.rowcount == 1


def pin(db: sqlite_utils.Database, site_id: str, *, sign_public: bytes, box_public: bytes, fingerprint: str) -> None:
    db.execute("UPDATE centre_sites SET sign_public = ?, box_public = ?, fingerprint = ?, pinned_at = ? "
               "WHERE site = ?", [sign_public, box_public, fingerprint, iso(utcnow()), site_id])


def advance(db: sqlite_utils.Database, site_id: str, *, seq: int, sha256: str, audit_seq: int,
            audit_hash: str) -> None:
    db.execute("UPDATE centre_sites SET last_seq = ?, last_sha256 = ?, audit_seq = ?, audit_hash = ?, "
               "last_import_at = ? WHERE site = ?", [seq, sha256, audit_seq, audit_hash, iso(utcnow()), site_id])


def set_outbox(db: sqlite_utils.Database, site_id: str, *, seq: int, digest: str) -> None:
    db.execute("UPDATE centre_sites SET out_seq = ?, out_digest = ? WHERE site = ?", [seq, digest, site_id])


# -- packages, rows, audit, users ---------------------------------------------------------------------------
def applied_sha256(db: sqlite_utils.Database, site_id: str, seq: int) -> str | None:
    row = db.execute("SELECT sha256 FROM centre_packages WHERE site = ? AND seq = ?", [site_id, seq]).fetchone()
    return None if row is None else str(row[0])


def record_package(db: sqlite_utils.Database, site_id: str, *, seq: int, sha256: str, header: str, user: str) -> None:
    db.execute("INSERT INTO centre_packages (site, seq, sha256, header, applied_at, applied_by) "
               "VALUES (?, ?, ?, ?, ?, ?)", [site_id, seq, sha256, header, iso(utcnow()), user])


def upsert_rows(db: sqlite_utils.Database, site_id: str, table: str,
                keyed: list[tuple[str, int, dict[str, Any]]]) -> None:
    db.conn.executemany(
        "INSERT INTO centre_rows (site, tbl, key, change_seq, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (site, tbl, key) DO UPDATE SET change_seq = excluded.change_seq, data = excluded.data",
        [(site_id, table, key, change_seq, json.dumps(row, ensure_ascii=False, sort_keys=True))
         for key, change_seq, row in keyed])


def site_rows(db: sqlite_utils.Database, table: str, site_id: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(site, row) of one replicated table, in the site's change order."""
    where, params = ("tbl = ?", [table]) if site_id is None else ("tbl = ? AND site = ?", [table, site_id])
    cursor = db.execute(f"SELECT site, data FROM centre_rows WHERE {where} ORDER BY site, change_seq", params)  # noqa: S608
    return [(str(s), json.loads(d)) for s, d in cursor]


AUDIT_COLUMNS = ("seq", "ts", "user", "action", "subject", "visit", "form", "field", "old_value", "new_value",
                 "reason", "prev_hash", "hash")


def insert_audit(db: sqlite_utils.Database, site_id: str, entries: list[dict[str, Any]]) -> None:
    marks = ", ".join("?" for _ in AUDIT_COLUMNS)
    db.conn.executemany(f"INSERT INTO centre_audit (site, {', '.join(AUDIT_COLUMNS)}) VALUES (?, {marks})",  # noqa: S608
                        [(site_id, *(entry[c] for c in AUDIT_COLUMNS)) for entry in entries])


def audit_entries(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    """Every site's audit entries without their hashes, ordered by site and sequence: tuples of ``site`` and the
    ``AUDIT_COLUMNS`` but ``prev_hash`` and ``hash``. What the exports read (the full trial holds ~200k entries:
    plain tuples, one statement)."""
    columns = ", ".join(c for c in AUDIT_COLUMNS if c not in ("prev_hash", "hash"))
    return db.execute(f"SELECT site, {columns} FROM centre_audit ORDER BY site, seq").fetchall()  # noqa: S608


def audit_rows(db: sqlite_utils.Database, site_id: str | None = None) -> list[dict[str, Any]]:
    if site_id is None:
        return rows(db, "SELECT * FROM centre_audit ORDER BY site, seq")
    return rows(db, "SELECT * FROM centre_audit WHERE site = ? ORDER BY seq", [site_id])


def replace_users(db: sqlite_utils.Database, site_id: str, users: list[dict[str, Any]]) -> None:
    db.execute("DELETE FROM centre_site_users WHERE site = ?", [site_id])
    db.conn.executemany("INSERT INTO centre_site_users (site, username, full_name, role, active) VALUES (?,?,?,?,?)",
                        [(site_id, u["username"], u["full_name"], u["role"], int(u["active"])) for u in users])


def site_users(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return rows(db, "SELECT * FROM centre_site_users ORDER BY site, username")


def quarantine(db: sqlite_utils.Database, site_id: str, *, file: str, sha256: str, reason: str) -> bool:
    """Record a refused package; False when this exact file was refused before."""
    cursor = db.execute("INSERT OR IGNORE INTO centre_quarantine (site, file, sha256, reason, found_at) "
                        "VALUES (?, ?, ?, ?, ?)", [site_id, file, sha256, reason, iso(utcnow())])
    return cursor.rowcount == 1


# -- queries raised at the centre ---------------------------------------------------------------------------
def insert_query(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    db.table("centre_queries").insert(values)


def query(db: sqlite_utils.Database, query_id: str) -> dict[str, Any] | None:
    found = rows(db, "SELECT * FROM centre_queries WHERE id = ?", [query_id])
    return found[0] if found else None


def update_query(db: sqlite_utils.Database, query_id: str, *, bump: bool = True, **changes: Any) -> None:
    """Change a centre query; ``bump`` (a change the site must hear of) raises its revision."""
    sets = ", ".join(f"{name} = ?" for name in changes) + (", rev = rev + 1" if bump else "")
    db.execute(f"UPDATE centre_queries SET {sets} WHERE id = ?",  # noqa: S608
               [*changes.values(), query_id])


def queries(db: sqlite_utils.Database, site_id: str | None = None) -> list[dict[str, Any]]:
    if site_id is None:
        return rows(db, "SELECT * FROM centre_queries ORDER BY raised_at, id")
    return rows(db, "SELECT * FROM centre_queries WHERE site = ? ORDER BY raised_at, id", [site_id])


def next_query_number(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM centre_queries").fetchone()[0]) + 1


# -- the centre's decisions on queries raised at the sites (migration 11) ------------------------------------
def site_query_id(site_id: str, number: int) -> str:
    """The trial-wide id of query ``number`` raised at site ``site_id`` (``S01-0005``), beside ``C-0001``."""
    return f"S{site_id}-{number:04d}"


def insert_decision(db: sqlite_utils.Database, site_id: str, query_no: int, decision: Decision) -> None:
    db.execute("INSERT INTO centre_query_decisions (site, query_no, no, action, reason, seen_status, decided_by, "
               "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [site_id, query_no, decision.no, decision.action, decision.reason, decision.seen_status,
                decision.decided_by, decision.decided_at])


def decisions(db: sqlite_utils.Database, site_id: str | None = None) -> dict[tuple[str, int], list[Decision]]:
    """(site, site's query id) → the centre's decisions on it, in number order."""
    where, params = ("", []) if site_id is None else ("WHERE site = ?", [site_id])
    found: dict[tuple[str, int], list[Decision]] = {}
    for row in rows(db, f"SELECT * FROM centre_query_decisions {where} ORDER BY site, query_no, no", params):  # noqa: S608
        found.setdefault((row["site"], int(row["query_no"])), []).append(Decision(
            no=int(row["no"]), action=row["action"], reason=row["reason"], seen_status=row["seen_status"],
            decided_by=row["decided_by"], decided_at=row["decided_at"]))
    return found


def site_query(db: sqlite_utils.Database, site_id: str, number: int) -> dict[str, Any] | None:
    """Query ``number`` as site ``site_id`` last sent it."""
    row = db.execute("SELECT data FROM centre_rows WHERE site = ? AND tbl = 'queries' AND key = ?",
                     [site_id, str(number)]).fetchone()
    return None if row is None else dict(json.loads(row[0]))
