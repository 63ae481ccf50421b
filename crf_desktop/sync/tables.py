"""The replicated tables: what a site package carries, one registry for every part of the app.

A table joins by adding one :class:`Replicated` line (its key columns, and optionally the SQL that reads it):
the export reads its rows with ``change_seq`` above the last package, the centre stores them by key. Every
replicated table has a ``change_seq`` column from the site-wide change sequence (``store/changes.py``) and an
index on it, so an export costs what changed, not the size of the database.

The randomisation list is never replicated: its arms stay at the site (and at the centre, which issued it).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import sqlite_utils


@dataclass(frozen=True, kw_only=True)
class Replicated:
    table: str
    key: tuple[str, ...]
    select: str | None = None  # a SELECT with one "?" for the change_seq lower bound and one for the upper

    def sql(self) -> str:
        if self.select is not None:
            return self.select
        return f"SELECT * FROM {self.table} WHERE change_seq > ? AND change_seq <= ? ORDER BY change_seq"  # noqa: S608


REPLICATED: list[Replicated] = [
    Replicated(table="subjects", key=("subject_id",)),
    Replicated(table="records", key=("id",)),
    Replicated(table="record_versions", key=("record_id", "version")),
    Replicated(table="queries", key=("id",)),
    # The randomisation number and kits travel, never the arm (it is in randomisation_list, not read here).
    Replicated(table="randomisations", key=("subject_id",), select=(
        "SELECT r.subject_id, r.seq, r.randomised_at, r.randomised_by, r.change_seq, l.rand_no, l.msc_kit,"
        " l.mmf_kit FROM randomisations r JOIN randomisation_list l ON l.seq = r.seq"
        " WHERE r.change_seq > ? AND r.change_seq <= ? ORDER BY r.change_seq")),
    Replicated(table="unblindings", key=("id",)),
    Replicated(table="lab_ranges", key=("id",)),
    # migration 6: electronic signatures, the paper trail, attached scans, casebook locks
    Replicated(table="signatures", key=("id",)),
    Replicated(table="paper_prints", key=("id",)),
    Replicated(table="wet_signatures", key=("id",)),
    Replicated(table="scans", key=("id",)),
    Replicated(table="casebook_locks", key=("id",)),
]


def register(entry: Replicated) -> None:
    """Add a table to the registry (a later part of the app calls this at import time)."""
    if all(r.table != entry.table for r in REPLICATED):
        REPLICATED.append(entry)


def present(db: sqlite_utils.Database) -> list[Replicated]:
    """The registered tables this database has, in registry order."""
    names = set(db.table_names())
    return [r for r in REPLICATED if r.table in names]


def row_key(entry: Replicated, row: dict[str, object]) -> str:
    return "|".join(str(row[column]) for column in entry.key)


def portable(row: dict[str, object]) -> dict[str, object]:
    """A row as JSON can carry it: bytes (a scan, a key) become ``{"$b64": ...}``."""
    return {name: {"$b64": base64.b64encode(value).decode("ascii")} if isinstance(value, bytes | memoryview)
            else value for name, value in row.items()}


def columnar(found: list[dict[str, Any]]) -> dict[str, Any]:
    """Rows as ``{"columns": [...], "rows": [[...], ...]}``: the column names once, not once per row."""
    columns = list(found[0]) if found else []
    return {"columns": columns, "rows": [[row[c] for c in columns] for row in found]}


def from_columnar(block: Any) -> list[dict[str, Any]]:
    """The inverse of :func:`columnar`; ValueError when ``block`` is not that shape."""
    if not isinstance(block, dict) or not isinstance(block.get("columns"), list) \
            or not isinstance(block.get("rows"), list):
        raise ValueError("expected {columns, rows}")
    columns = block["columns"]
    out = []
    for values in block["rows"]:
        if not isinstance(values, list) or len(values) != len(columns):
            raise ValueError("a row does not match its columns")
        out.append(dict(zip(columns, values, strict=True)))
    return out
