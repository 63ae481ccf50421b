"""The forms as the study configuration shapes them, and the visit-window check of the visit form.

- :func:`configured_form`: the declaration to validate and show. The SLEDAI-2K form carries the configured
  assessment window (instructions and the stored ``sledai_window_days``); every other form is the registry's.
- :func:`visit_window_issues`: a visit dated outside its window (the configured windows, counted from the
  subject's baseline visit date) is a protocol deviation: a warning on the visit date, recorded, never refused
  (issue 4, "Dates out of visit window are flagged, not refused").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import sqlite_utils

from crf_desktop.forms.instruments.sledai import SLEDAI_WINDOW_DAYS_DEFAULT
from crf_desktop.forms.issues import Issue
from crf_desktop.forms.library import sledai, visit_info
from crf_desktop.forms.model import Form
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.schedule import StudyConfig, visit_window_issue, window
from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.forms.validation import Result
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import current_configuration
from crf_desktop.store import records

BASELINE = "baseline"


@cache
def _sledai(window_days: int) -> Form:
    return sledai.sledai_form(window_days)


def configured_form(config: StudyConfiguration, form_id: str) -> Form:
    """The form ``form_id`` under ``config`` (``KeyError`` naming it when unknown)."""
    form = REGISTRY.form(form_id)
    if form_id == sledai.FORM_ID and config.sledai_window_days != SLEDAI_WINDOW_DAYS_DEFAULT:
        return _sledai(config.sledai_window_days)
    return form


def baseline_date(db: sqlite_utils.Database, subject_id: str) -> date | None:
    """The subject's baseline visit date (the anchor of every window), ``None`` until recorded."""
    text = records.visit_date(db, subject_id=subject_id, visit=BASELINE)  # visit_info's DATE_FIELD
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def visit_window_issues(db: sqlite_utils.Database, *, subject_id: str, visit: str, result: Result,
                        schedule: StudyConfig) -> Result:
    """``result`` of the visit form with a ``CRF-VISIT-WINDOW`` warning on the visit date when it lies outside
    the visit's window; other forms, untimed visits and subjects without a baseline date are returned as is."""
    if result.form != visit_info.FORM_ID:
        return result
    day = result.values.get(visit_info.DATE_FIELD)
    if not isinstance(day, date):
        return result
    try:
        planned = REGISTRY.schedule.visit(visit)
    except KeyError:
        return result
    if window(planned, schedule) is None:  # an untimed visit: no window, no baseline date to read
        return result
    anchor = day if visit == BASELINE else baseline_date(db, subject_id)
    if anchor is None:
        return result
    found = visit_window_issue(planned, day, anchor, schedule)
    if found is None:
        return result
    issue: Issue = replace(found, field=visit_info.DATE_FIELD)
    return replace(result, issues=(*result.issues, issue))


def form_for(session: Session, form_id: str) -> Form:
    """The form ``form_id`` as the site's study configuration shapes it (the editor shows this one)."""
    return configured_form(current_configuration(session), form_id)
