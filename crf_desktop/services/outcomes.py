"""Derived outcomes of a subject and of the site, from the saved records (issue 5 item 5).

The pure derivations live in :mod:`crf_desktop.forms.outcomes`; this module only gathers each visit's values
from the subject's records (labs, SLEDAI-2K, BILAG-2004, PhGA, visit date) into ``VisitValues``. The renal
response definition comes from the study configuration in force (``services.study_config``; KDIGO 2012 by
default) and is named in every result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from crf_desktop.core.roles import Permission
from crf_desktop.forms.dates import parse_date
from crf_desktop.forms.instruments.bilag import BILAG_SYSTEMS
from crf_desktop.forms.library import bilag, lab_units, labs, phga, sledai, visit_info
from crf_desktop.forms.outcomes.response import SubjectOutcomes, subject_outcomes
from crf_desktop.forms.outcomes.summary import SiteSummary, site_summary
from crf_desktop.forms.outcomes.trend import TrendChart, trend_chart
from crf_desktop.forms.outcomes.values import VisitValues
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import current_configuration
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import records, subjects
from crf_desktop.store.records import Record

DEFAULT_DEFINITION = "KDIGO 2012"
BASELINE = "baseline"
DSDNA_IU = "IU_ML"


def stored_decimal(text: str | None) -> Decimal | None:
    """A decimal field's stored text as a Decimal (``None`` when empty or not a number)."""
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _int(text: str | None) -> int | None:
    value = stored_decimal(text)
    return None if value is None else int(value)


def _date(text: str | None) -> date | None:
    try:
        return parse_date(text) if text else None
    except ValueError:
        return None


def visit_values(visit: str, by_form: Mapping[str, Mapping[str, str]]) -> VisitValues:
    """One visit's values from its records (form id → stored data)."""
    lab = by_form.get(labs.FORM_ID, {})
    activity = by_form.get(bilag.FORM_ID, {})
    grades = {s: activity[f"bilag_{s}"] for s in BILAG_SYSTEMS if activity.get(f"bilag_{s}")}
    dsdna = stored_decimal(lab.get("dsdna_value")) if lab.get("dsdna_unit") == DSDNA_IU else None
    casts = lab.get("urine_casts")
    return VisitValues(
        visit=visit,
        visit_date=_date(by_form.get(visit_info.FORM_ID, {}).get(visit_info.DATE_FIELD)),
        upcr_g_g=stored_decimal(lab.get(lab_units.UPCR.canonical_field)),
        creatinine_umol_l=stored_decimal(lab.get(lab_units.CREATININE.canonical_field)),
        egfr=stored_decimal(lab.get("egfr")),
        albumin_g_l=stored_decimal(lab.get(lab_units.ALBUMIN.canonical_field)),
        c3_g_l=stored_decimal(lab.get(lab_units.C3.canonical_field)),
        c4_g_l=stored_decimal(lab.get(lab_units.C4.canonical_field)),
        anti_dsdna_iu_ml=dsdna,
        sediment_active=None if casts is None else casts == "Y",
        sledai_total=_int(by_form.get(sledai.FORM_ID, {}).get("sledai_total")),
        bilag_grades=grades,
        phga=stored_decimal(by_form.get(phga.FORM_ID, {}).get("phga")),
    )


def _visits(found: Iterable[Record]) -> dict[str, VisitValues]:
    by_visit: dict[str, dict[str, Mapping[str, str]]] = {}
    for record in found:
        if record.repeat_no == 0:
            by_visit.setdefault(record.visit, {})[record.form] = record.data
    return {visit: visit_values(visit, forms) for visit, forms in by_visit.items()}


def _outcomes(subject_id: str, found: Iterable[Record], definition: str) -> tuple[SubjectOutcomes, list[VisitValues]]:
    visits = _visits(found)
    ordered = [visits[v.code] for v in REGISTRY.schedule.visits if v.code in visits]
    follow_up = [values for values in ordered if values.visit != BASELINE and values.visit.startswith("week")]
    result = subject_outcomes(subject=subject_id, baseline=visits.get(BASELINE), visits=follow_up,
                              definition=definition)
    return result, ordered


def renal_definition(session: Session, definition: str | None = None) -> str:
    """The renal response definition to use: ``definition`` when given, else the study configuration's."""
    return definition if definition is not None else current_configuration(session).renal_definition


def outcomes_of(session: Session, subject_id: str, *, definition: str | None = None) -> SubjectOutcomes:
    """SRI-4, renal response, time to response and remission of one subject, with the definition named
    (``definition``: a name from ``RENAL_RESPONSE_DEFINITIONS``; default: the study configuration's)."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    return _outcomes(subject_id, records.for_subject(session.site.db, subject_id),
                     renal_definition(session, definition))[0]


def trend_of(session: Session, subject_id: str) -> TrendChart:
    """The trend-chart data (UPCR, eGFR, albumin, C3, C4, anti-dsDNA, SLEDAI-2K, PhGA) over the visits."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    ordered = _outcomes(subject_id, records.for_subject(session.site.db, subject_id), DEFAULT_DEFINITION)[1]
    labels = {v.code: v.label for v in REGISTRY.schedule.visits}
    return trend_chart(ordered, visit_labels=labels)


def site_outcomes(session: Session, *, definition: str | None = None) -> SiteSummary:
    """Responders / non-responders / not evaluable by visit over the randomised subjects (no arms), under
    ``definition`` (default: the study configuration's)."""
    session.require(Permission.VIEW_DATA)
    db = session.site.db
    definition = renal_definition(session, definition)
    by_subject: dict[str, list[Record]] = {}
    for record in records.all_records(db):
        by_subject.setdefault(record.subject_id, []).append(record)
    results = []
    for subject in subjects.all_subjects(db):
        found = by_subject.get(subject.subject_id, [])
        if any(r.visit == BASELINE for r in found):
            results.append(_outcomes(subject.subject_id, found, definition)[0])
    return site_summary(results)
