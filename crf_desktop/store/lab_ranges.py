"""Laboratory reference ranges (LLN/ULN) per laboratory and analyte, versioned by the date they apply from.

Rows are never changed or deleted (triggers refuse it). The version valid on a day is the one with the latest
``valid_from`` on or before that day; a correction of a version is a later row with the same ``valid_from``
(the latest id wins), so every version ever entered can still be shown. Limits are stored as the text of the
``Decimal`` entered, in the unit entered (a code of :mod:`crf_desktop.forms.library.lab_units`); the canonical
limits are converted exactly on reading.

Laboratories are matched by name as typed on the labs form (``lab_name``), compared after NFKC normalisation,
case folding and collapsing white space (:func:`lab_key`), so "Central Lab" and "central  lab" are one lab.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.forms.library.lab_units import ANALYTES, Analyte
from crf_desktop.store.changes import next_change

_COLUMNS = "id, lab_name, analyte, lln, uln, unit, valid_from, entered_at, entered_by, reason"


@dataclass(frozen=True, kw_only=True)
class ReferenceRange:
    """One version of a laboratory's range for one analyte; limits in ``unit`` (either may be missing)."""

    id: int
    lab_name: str
    analyte: str
    lln: Decimal | None
    uln: Decimal | None
    unit: str
    valid_from: date
    entered_at: str
    entered_by: str
    reason: str | None = None

    @property
    def _analyte(self) -> Analyte:
        return ANALYTES[self.analyte]

    @property
    def canonical_lln(self) -> Decimal | None:
        """The LLN in the analyte's canonical unit (exact conversion)."""
        return None if self.lln is None else self._analyte.to_canonical(self.lln, self.unit)

    @property
    def canonical_uln(self) -> Decimal | None:
        """The ULN in the analyte's canonical unit (exact conversion)."""
        return None if self.uln is None else self._analyte.to_canonical(self.uln, self.unit)

    def describe(self) -> str:
        """``LLN 0.9 – ULN 1.8 g/L from 2024-01-01`` (English; for the audit trail)."""
        symbol = self._analyte.unit(self.unit).symbol.en
        lln = "–" if self.lln is None else str(self.lln)
        uln = "–" if self.uln is None else str(self.uln)
        return f"LLN {lln} – ULN {uln} {symbol} from {self.valid_from.isoformat()}"


def lab_key(name: str) -> str:
    """A laboratory name as compared: NFKC, case-folded, inner white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _range(row: tuple[Any, ...]) -> ReferenceRange:
    return ReferenceRange(
        id=int(row[0]), lab_name=row[1], analyte=row[2], lln=_decimal(row[3]), uln=_decimal(row[4]), unit=row[5],
        valid_from=date.fromisoformat(row[6]), entered_at=row[7], entered_by=row[8], reason=row[9],
    )


def insert(db: sqlite_utils.Database, *, lab_name: str, analyte: str, lln: Decimal | None, uln: Decimal | None,
           unit: str, valid_from: date, user: str, reason: str | None) -> ReferenceRange:
    """Add a version; call inside the transaction that audits it."""
    seq = next_change(db, kind="lab range")
    cursor = db.execute(
        "INSERT INTO lab_ranges (lab_key, lab_name, analyte, lln, uln, unit, valid_from, entered_at, entered_by,"
        " reason, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [lab_key(lab_name), lab_name, analyte, None if lln is None else str(lln), None if uln is None else str(uln),
         unit, valid_from.isoformat(), iso(utcnow()), user, reason, seq],
    )
    row = db.execute(f"SELECT {_COLUMNS} FROM lab_ranges WHERE id = ?", [cursor.lastrowid]).fetchone()  # noqa: S608
    return _range(row)


def valid_on(db: sqlite_utils.Database, lab_name: str, analyte: str, day: date) -> ReferenceRange | None:
    """The version of ``lab_name``'s range for ``analyte`` that applies on ``day``, if any."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM lab_ranges WHERE lab_key = ? AND analyte = ? AND valid_from <= ? "  # noqa: S608
        "ORDER BY valid_from DESC, id DESC LIMIT 1",
        [lab_key(lab_name), analyte, day.isoformat()],
    ).fetchone()
    return None if row is None else _range(row)


def all_valid_on(db: sqlite_utils.Database, lab_name: str, day: date) -> dict[str, ReferenceRange]:
    """Every analyte's version valid on ``day`` for one laboratory (one query)."""
    found: dict[str, ReferenceRange] = {}
    for row in db.execute(
        f"SELECT {_COLUMNS} FROM lab_ranges WHERE lab_key = ? AND valid_from <= ? "  # noqa: S608
        "ORDER BY valid_from, id",
        [lab_key(lab_name), day.isoformat()],
    ):
        found[row[2]] = _range(row)  # later rows (newer versions and corrections) replace earlier ones
    return found


def versions(db: sqlite_utils.Database, lab_name: str | None = None, analyte: str | None = None,
             ) -> list[ReferenceRange]:
    """Every version entered (oldest first), optionally of one laboratory and/or analyte."""
    where, params = ["1 = 1"], []
    if lab_name is not None:
        where.append("lab_key = ?")
        params.append(lab_key(lab_name))
    if analyte is not None:
        where.append("analyte = ?")
        params.append(analyte)
    return [_range(row) for row in db.execute(
        f"SELECT {_COLUMNS} FROM lab_ranges WHERE {' AND '.join(where)} "  # noqa: S608
        "ORDER BY lab_key, analyte, valid_from, id", params)]
