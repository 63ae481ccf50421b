"""Which forms a visit expects of each subject: the subject context the schedule's conditions read (issue 4).

The schedule declares forms that apply to some subjects only (:class:`crf_desktop.forms.schedule.FormApplicability`,
e.g. the pregnancy test for women of childbearing potential). Their conditions read the subject's sex and
childbearing potential from the screening demographics (the sex registered with the subject when demographics
are not entered yet). One query serves every subject of the dashboard.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from crf_desktop.forms.context_names import SUBJECT_CHILDBEARING, SUBJECT_SEX
from crf_desktop.forms.library import demographics
from crf_desktop.forms.model import Value
from crf_desktop.forms.visits import SCREENING

SubjectContext = Mapping[str, Value | None]


def form_contexts(db: sqlite_utils.Database, only: str | None = None) -> dict[str, SubjectContext]:
    """subject id → the context the schedule's form conditions read (every subject, or ``only`` that one)."""
    found: dict[str, SubjectContext] = {}
    sql = ("SELECT s.subject_id, s.sex, json_extract(r.data, '$.sex'), json_extract(r.data, '$.childbearing')"
           " FROM subjects s LEFT JOIN records r ON r.subject_id = s.subject_id AND r.visit = ? AND r.form = ?"
           " AND r.repeat_no = 0")
    params: list[str] = [SCREENING.code, demographics.FORM_ID]
    if only is not None:
        sql += " WHERE s.subject_id = ?"
        params.append(only)
    for subject_id, registered_sex, sex, childbearing in db.execute(sql, params):
        found[subject_id] = {SUBJECT_SEX: sex or registered_sex or None, SUBJECT_CHILDBEARING: childbearing or None}
    return found


def form_context(db: sqlite_utils.Database, subject_id: str) -> SubjectContext:
    """One subject's context (empty when the subject is unknown: every form is expected)."""
    return form_contexts(db, only=subject_id).get(subject_id, {})


__all__ = ["SubjectContext", "form_context", "form_contexts"]
