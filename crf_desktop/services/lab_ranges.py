"""Laboratory reference ranges and the low/high flags of a labs record (issue 4 item 5).

Who: a coordinator or an investigator (``ENTER_DATA``): the ranges come from the site laboratory's report, like
the values themselves. Each range is entered once per laboratory and analyte and applies from a date; a new
range of the laboratory is a new version from a later date, and the flags of a sample use the version valid on
the sample date. Correcting a version (same laboratory, analyte and date) needs a reason; every entry is audited.

The analytes and units are those of :mod:`crf_desktop.forms.library.lab_units`; a range may be entered in any unit
the analyte allows and is compared in the canonical unit (exact conversion). The trial needs at least the ranges
in ``REFERENCE_RANGES_NEEDED`` (ALT and AST with their ULN, C3 and C4 with their LLN): for those analytes that
limit is required, and :func:`missing_reference_ranges` lists what a laboratory still lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.dates import parse_date
from crf_desktop.forms.library import labs
from crf_desktop.forms.library.lab_units import ANALYTES, REFERENCE_RANGES_NEEDED
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import audit, records
from crf_desktop.store import lab_ranges as store
from crf_desktop.store.lab_ranges import ReferenceRange as ReferenceRange  # re-exported for the UI

MAX_LAB_NAME = 80  # the labs form's lab_name


class Flag(StrEnum):
    """A value against its reference range."""

    LOW = "L"
    NORMAL = "N"
    HIGH = "H"
    NO_RANGE = "?"  # the laboratory has no range for the analyte on the sample date (or the record names none)


@dataclass(frozen=True, kw_only=True)
class LabFlag:
    """One analyte of a labs record: its canonical value and field, the range used, and the flag."""

    analyte: str
    field: str
    value: Decimal
    range: ReferenceRange | None
    flag: Flag


def _limit(value: Decimal | str | None, what: str, analyte: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(value.strip())
    except InvalidOperation:
        raise UserInputError(f"{analyte} {what} {value!r}: type a number with a point for decimals") from None
    if not number.is_finite() or number < 0:
        raise UserInputError(f"{analyte} {what} {value}: must be a number ≥ 0")
    return number


def set_reference_range(session: Session, *, lab_name: str, analyte: str, lln: Decimal | str | None,
                        uln: Decimal | str | None, unit: str, valid_from: date,
                        reason: str | None = None) -> ReferenceRange:
    """Enter a laboratory's range for one analyte, valid from ``valid_from`` on; audited.

    ``analyte`` is an id of ``lab_units.ANALYTES`` (``alt``, ``c3``, ``scr`` ...), ``unit`` one of its unit codes.
    A version for the same laboratory, analyte and date already entered is corrected: ``reason`` is required.
    """
    session.require(Permission.ENTER_DATA)
    name = " ".join(lab_name.split())
    if not name or len(name) > MAX_LAB_NAME:
        raise UserInputError(f"laboratory name {lab_name!r}: give the laboratory's name (at most {MAX_LAB_NAME} "
                             "characters), as it is written on the labs form")
    found = ANALYTES.get(analyte)
    if found is None:
        raise UserInputError(f"unknown analyte {analyte!r}; choose one of: {', '.join(ANALYTES)}")
    try:
        found.unit(unit)
    except ValueError as exc:
        raise UserInputError(str(exc)) from None
    low, high = _limit(lln, "LLN", analyte), _limit(uln, "ULN", analyte)
    if low is None and high is None:
        raise UserInputError(f"{analyte}: give the lower or upper limit of normal (or both)")
    for needed_analyte, limit in REFERENCE_RANGES_NEEDED:
        if needed_analyte == analyte and (low if limit == "LLN" else high) is None:
            raise UserInputError(f"{analyte}: the {limit} is needed by the trial's rules; copy it from the "
                                 "laboratory's report")
    if low is not None and high is not None and low >= high:
        raise UserInputError(f"{analyte}: the LLN {low} must be below the ULN {high}")
    db = session.site.db
    previous = store.valid_on(db, name, analyte, valid_from)
    correction = previous is not None and previous.valid_from == valid_from
    reason_text = (reason or "").strip() or None
    if correction and reason_text is None:
        raise UserInputError(f"{name}: a {analyte} range from {valid_from.isoformat()} was already entered; give a "
                             "reason to correct it, or enter a new version from a later date")
    with db.atomic():
        saved = store.insert(db, lab_name=name, analyte=analyte, lln=low, uln=high, unit=unit,
                             valid_from=valid_from, user=session.user.username, reason=reason_text)
        audit.append(db, user=session.user.username, action="reference range corrected" if correction
                     else "reference range entered", field=f"{name}: {analyte}",
                     old_value=previous.describe() if previous is not None else None,
                     new_value=saved.describe(), reason=reason_text)
    return saved


def reference_range(session: Session, lab_name: str, analyte: str, on_date: date) -> ReferenceRange | None:
    """The version of the laboratory's range for ``analyte`` valid on ``on_date``; ``None`` when there is none."""
    session.require(Permission.VIEW_DATA)
    return store.valid_on(session.site.db, lab_name, analyte, on_date)


def reference_ranges(session: Session, lab_name: str | None = None) -> list[ReferenceRange]:
    """Every version entered (oldest first), of one laboratory or of all."""
    session.require(Permission.VIEW_DATA)
    return store.versions(session.site.db, lab_name)


def missing_reference_ranges(session: Session, lab_name: str, on_date: date) -> list[tuple[str, str]]:
    """The (analyte, ``LLN``/``ULN``) pairs of ``REFERENCE_RANGES_NEEDED`` the laboratory lacks on ``on_date``."""
    session.require(Permission.VIEW_DATA)
    valid = store.all_valid_on(session.site.db, lab_name, on_date)
    return [(analyte, limit) for analyte, limit in REFERENCE_RANGES_NEEDED
            if analyte not in valid or (valid[analyte].lln if limit == "LLN" else valid[analyte].uln) is None]


def flag_value(value: Decimal, found: ReferenceRange | None) -> Flag:
    """LOW below the LLN, HIGH above the ULN (the limits themselves are normal), compared in canonical units."""
    if found is None:
        return Flag.NO_RANGE
    low, high = found.canonical_lln, found.canonical_uln
    if low is not None and value < low:
        return Flag.LOW
    if high is not None and value > high:
        return Flag.HIGH
    return Flag.NORMAL


def lab_flags(session: Session, subject_id: str, visit: str) -> dict[str, LabFlag]:
    """Low/high/normal flags of every analyte recorded on the subject's labs form at ``visit`` (analyte id → flag).

    The range is the record's laboratory's (``lab_name``) version valid on the sample date (``lab_date``); without
    either, every value is ``NO_RANGE``. Empty when the visit has no labs record.
    """
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    db = session.site.db
    record = records.get(db, subject_id=subject_id, visit=visit, form=labs.FORM_ID)
    if record is None:
        return {}
    lab_name, lab_date = record.data.get("lab_name", ""), record.data.get("lab_date", "")
    try:
        day: date | None = parse_date(lab_date) if lab_date else None
    except ValueError:
        day = None
    valid = store.all_valid_on(db, lab_name, day) if lab_name and day is not None else {}
    flags: dict[str, LabFlag] = {}
    for analyte in ANALYTES.values():
        text = record.data.get(analyte.canonical_field)
        if not text:
            continue
        value = Decimal(text)
        found = valid.get(analyte.id)
        flags[analyte.id] = LabFlag(analyte=analyte.id, field=analyte.canonical_field, value=value, range=found,
                                    flag=flag_value(value, found))
    return flags
