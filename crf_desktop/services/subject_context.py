"""Which forms a visit expects of each subject: the subject context the schedule's conditions read (issue 4).

The schedule declares forms that apply to some subjects only (:class:`crf_desktop.forms.schedule.FormApplicability`,
e.g. the pregnancy test for women of childbearing potential). Their conditions read the subject's sex and
childbearing potential from the screening demographics (the sex registered with the subject when demographics
are not entered yet). Two queries serve every subject of the dashboard.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from crf_desktop.forms.context_names import SUBJECT_CHILDBEARING, SUBJECT_SEX
from crf_desktop.forms.library import demographics
from crf_desktop.forms.model import Value
from crf_desktop.forms.visits import SCREENING
from crf_desktop.store.schema_dashboard import CHILDBEARING_EXPR, SEX_EXPR

SubjectContext = Mapping[str, Value | None]


def form_contexts(db: sqlite_utils.Database, only: str | None = None) -> dict[str, SubjectContext]:
    """subject id → the context the schedule's form conditions read (every subject, or ``only`` that one)."""
    only_sql, only_params = (" AND subject_id = ?", [only]) if only is not None else ("", [])
    # The demographics' values as the index records_by_form holds them (migration 9): the query reads the index
    # only (a LEFT JOIN from subjects would read every demographics record instead).
    entered = {subject_id: (sex, childbearing) for subject_id, sex, childbearing in db.execute(
        f"SELECT subject_id, {SEX_EXPR}, {CHILDBEARING_EXPR} FROM records INDEXED BY records_by_form"  # noqa: S608
        f" WHERE form = ? AND repeat_no = 0 AND visit = ?{only_sql}",
        [demographics.FORM_ID, SCREENING.code, *only_params])}
    found: dict[str, SubjectContext] = {}
    for subject_id, registered_sex in db.execute(f"SELECT subject_id, sex FROM subjects WHERE 1{only_sql}",  # noqa: S608
                                                 only_params):
        sex, childbearing = entered.get(subject_id, (None, None))
        found[subject_id] = {SUBJECT_SEX: sex or registered_sex or None, SUBJECT_CHILDBEARING: childbearing or None}
    return found


def form_context(db: sqlite_utils.Database, subject_id: str) -> SubjectContext:
    """One subject's context (empty when the subject is unknown: every form is expected)."""
    return form_contexts(db, only=subject_id).get(subject_id, {})


__all__ = ["SubjectContext", "form_context", "form_contexts"]
