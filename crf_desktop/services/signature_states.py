"""What the dashboard shows of signatures, paper and locks per (subject, visit), from five queries for the site.

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


def _current_versions(db: sqlite_utils.Database, subject_ids: set[str]) -> dict[Key, dict[tuple[str, int], int]]:
    """(subject, visit) → {(form, repeat): version} of the records of ``subject_ids``, in one query that reads
    the covering index ``records_states`` (migration 9), not the records' data."""
    found: dict[Key, dict[tuple[str, int], int]] = defaultdict(dict)
    if not subject_ids:
        return found
    for subject_id, visit, form, repeat_no, version in db.execute(
        "SELECT subject_id, visit, form, repeat_no, version FROM records INDEXED BY records_states"
        " WHERE subject_id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(subject_ids))]
    ):
        found[(subject_id, visit)][(form, int(repeat_no))] = int(version)
    return found


def _newest_signatures(db: sqlite_utils.Database, only: str | None) -> dict[_Scope, tuple[bool, list[list[object]]]]:
    newest: dict[_Scope, tuple[bool, list[list[object]]]] = {}
    where, params = (" WHERE subject_id = ?", [only]) if only is not None else ("", [])
    for subject_id, visit, form, repeat_no, valid, covered in db.execute(
        f"SELECT subject_id, visit, form, repeat_no, valid, covered FROM signatures{where} ORDER BY id",  # noqa: S608
        params,
    ):
        newest[(subject_id, visit, form, int(repeat_no))] = (bool(valid), json.loads(covered))
    return newest


def visit_marks(db: sqlite_utils.Database, only: str | None = None) -> dict[Key, str]:
    """(subject, visit) → the mark to show, for every visit that has one (of every subject, or ``only`` that one).

    Signatures, paper and locks are read first; the records' versions only of the subjects they concern.
    """
    newest = _newest_signatures(db, only)
    papers = {key: found for key, found in paper.paper_states(db).items() if only is None or key[0] == only}
    locked = {subject_id for subject_id in locks.locked_subjects(db) if only is None or subject_id == only}
    versions = _current_versions(db, {scope[0] for scope in newest} | {key[0] for key in papers} | locked)
    visits_of: dict[str, list[Key]] = defaultdict(list)
    for key in versions:
        visits_of[key[0]].append(key)
    marks: dict[Key, str] = {}
    form_signed: dict[Key, set[tuple[str, int]]] = defaultdict(set)
    for (subject_id, visit, form, repeat_no), (valid, covered) in newest.items():
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
    for (subject_id, visit), (printed, wet) in papers.items():
        have = {form for form, repeat_no in versions.get((subject_id, visit), {}) if repeat_no == 0}
        if (subject_id, visit) in marks or not have:
            continue
        if have <= wet:
            marks[(subject_id, visit)] = WET_SIGNED
        elif have <= printed | wet:
            marks[(subject_id, visit)] = PRINTED
    for subject_id in locked:
        for key in visits_of[subject_id]:
            marks[key] = LOCKED
    return marks
