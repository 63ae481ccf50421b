"""What the dashboard shows of signatures, paper and locks per (subject, visit), from four queries for the site.

A mark is one of :data:`LOCKED`, :data:`RESIGN`, :data:`SIGNED`, :data:`WET_SIGNED`, :data:`PRINTED` (the values
of the dashboard's cell states of the same names), most urgent first:

- locked: the subject's casebook is locked;
- needs re-signing: the newest signature of a form of the visit, of the visit, or of the casebook covering a
  changed record of the visit is invalid (and no valid signature of that scope replaced it);
- signed: a valid visit or casebook signature covers the visit, or every record of it has a valid form signature;
- wet-signed / printed: every record of the visit was signed on paper / printed.
"""

from __future__ import annotations

import json
from collections import defaultdict

import sqlite_utils

from crf_desktop.store import locks, paper

LOCKED = "locked"
RESIGN = "needs re-signing"
SIGNED = "signed"
WET_SIGNED = "wet-signed"
PRINTED = "printed"

Key = tuple[str, str]
_Scope = tuple[str, str | None, str | None, int]


def _current_versions(db: sqlite_utils.Database) -> dict[Key, dict[tuple[str, int], int]]:
    found: dict[Key, dict[tuple[str, int], int]] = defaultdict(dict)
    for subject_id, visit, form, repeat_no, version in db.execute(
        "SELECT subject_id, visit, form, repeat_no, version FROM records"
    ):
        found[(subject_id, visit)][(form, int(repeat_no))] = int(version)
    return found


def _newest_signatures(db: sqlite_utils.Database) -> dict[_Scope, tuple[bool, list[list[object]]]]:
    newest: dict[_Scope, tuple[bool, list[list[object]]]] = {}
    for subject_id, visit, form, repeat_no, valid, covered in db.execute(
        "SELECT subject_id, visit, form, repeat_no, valid, covered FROM signatures ORDER BY id"
    ):
        newest[(subject_id, visit, form, int(repeat_no))] = (bool(valid), json.loads(covered))
    return newest


def visit_marks(db: sqlite_utils.Database) -> dict[Key, str]:
    """(subject, visit) → the mark to show, for every visit that has one."""
    versions = _current_versions(db)
    visits_of: dict[str, list[Key]] = defaultdict(list)
    for key in versions:
        visits_of[key[0]].append(key)
    marks: dict[Key, str] = {}
    form_signed: dict[Key, set[tuple[str, int]]] = defaultdict(set)
    for (subject_id, visit, form, repeat_no), (valid, covered) in _newest_signatures(db).items():
        if visit is not None and form is not None:
            if valid:
                form_signed[(subject_id, visit)].add((form, repeat_no))
            else:
                marks[(subject_id, visit)] = RESIGN
            continue
        if visit is not None:
            if not valid:
                marks[(subject_id, visit)] = RESIGN
            else:
                marks.setdefault((subject_id, visit), SIGNED)
            continue
        signed_visits: dict[str, dict[tuple[str, int], int]] = defaultdict(dict)
        for v, f, n, ver in covered:
            signed_visits[str(v)][(str(f), int(str(n)))] = int(str(ver))
        for key in visits_of[subject_id]:
            current = versions[key]
            if valid and key[1] in signed_visits:
                marks.setdefault(key, SIGNED)
            elif not valid and any(signed_visits.get(key[1], {}).get(k, 0) < ver for k, ver in current.items()):
                marks[key] = RESIGN  # a record of this visit changed (or was added) after the casebook was signed
    for key, signed in form_signed.items():
        if key not in marks and signed and set(versions.get(key, {})) <= signed:
            marks[key] = SIGNED
    for (subject_id, visit), (printed, wet) in paper.paper_states(db).items():
        have = {form for form, repeat_no in versions.get((subject_id, visit), {}) if repeat_no == 0}
        if (subject_id, visit) in marks or not have:
            continue
        if have <= wet:
            marks[(subject_id, visit)] = WET_SIGNED
        elif have <= printed | wet:
            marks[(subject_id, visit)] = PRINTED
    for subject_id in locks.locked_subjects(db):
        for key in visits_of[subject_id]:
            marks[key] = LOCKED
    return marks
