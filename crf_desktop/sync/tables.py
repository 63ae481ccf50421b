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

from crf_desktop.store.schema_export_by_version import CHANGED_RECORDS


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
    # A changed record is found through its newest version (migration 13): records has no change_seq index.
    Replicated(table="records", key=("id",), select=CHANGED_RECORDS),
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


def portable(value: object) -> object:
    """``json.dumps``'s ``default``: bytes (a scan, a key) become ``{"$b64": ...}``; anything else is refused.

    Given as ``default`` the encoder calls it only for the values JSON cannot carry, so rows read as plain tuples
    are encoded without visiting each value in Python.
    """
    if isinstance(value, bytes | memoryview):
        return {"$b64": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"a {type(value).__name__} cannot travel in a package")


@dataclass(frozen=True, kw_only=True)
class Block:
    """Rows as read, column names once: encodes to format 2's column-major block (``sync/package.py``),
    ``{"columns": [...], "values": [[column 0 of every row], ...]}``."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def __len__(self) -> int:
        return len(self.rows)

    def to_json(self) -> dict[str, Any]:
        values = list(zip(*self.rows, strict=True)) if self.rows else [() for _ in self.columns]
        return {"columns": self.columns, "values": values}


def read_block(db: sqlite_utils.Database, sql: str, params: list[Any]) -> Block:
    """One statement's rows as plain tuples (no per-row dict), with its column names."""
    cursor = db.execute(sql, params)
    return Block(columns=[column[0] for column in cursor.description], rows=cursor.fetchall())


def _columns(block: Any, values: str) -> tuple[list[str], list[Any]]:
    if not isinstance(block, dict) or not isinstance(block.get("columns"), list) \
            or not isinstance(block.get(values), list) or not all(isinstance(c, str) for c in block["columns"]):
        raise ValueError(f"expected {{columns, {values}}}")
    return block["columns"], block[values]


def from_column_block(block: Any) -> list[dict[str, Any]]:
    """Format 2: the rows of a column-major block (:meth:`Block.to_json`); ValueError when ``block`` is not that
    shape (a column missing, or columns of different lengths)."""
    columns, values = _columns(block, "values")
    if len(values) != len(columns) or not all(isinstance(v, list) for v in values) \
            or len({len(v) for v in values}) > 1:
        raise ValueError("the columns of a block differ in number or length")
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def from_row_block(block: Any) -> list[dict[str, Any]]:
    """Format 1: the rows of a row-major block, ``{"columns": [...], "rows": [[...], ...]}``; ValueError when
    ``block`` is not that shape."""
    columns, rows = _columns(block, "rows")
    out = []
    for values in rows:
        if not isinstance(values, list) or len(values) != len(columns):
            raise ValueError("a row does not match its columns")
        out.append(dict(zip(columns, values, strict=True)))
    return out
