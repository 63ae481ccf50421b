"""Lab-based grading offered at lab entry (issue 6 item 3): a saved labs record whose values meet CTCAE v4.03
grade ≥ 1 for a supported term offers to open a new adverse event with the term and the suggested grade.

The grading is :func:`crf_desktop.forms.ctcae.lab_offers.lab_grading`; this module gathers its inputs (the
record's canonical values, the laboratory's reference ranges valid on the sample date, the subject's baseline
creatinine, the study configuration) and turns each suggestion into the same
:class:`~crf_desktop.services.form_checks.AdverseEventPrompt` an infusion reaction gives, carried by
``records.SaveOutcome`` to the UI. Nothing is created here: the investigator decides.

A term is not offered again when the subject's AE log already holds an event of that term that covers the
sample date (onset on or before it, and ongoing or resolved on or after it), nor for a value that did not change
in this save.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from crf_desktop.core.roles import Permission
from crf_desktop.forms.ctcae.lab_offers import ANALYTE_TERMS, LabGradeSuggestion, LabGrading, Limits, lab_grading
from crf_desktop.forms.ctcae.labels import term_text
from crf_desktop.forms.dates import DateTextError, display_date, parse_date, parse_partial_date
from crf_desktop.forms.library import adverse_event, labs
from crf_desktop.forms.library.adverse_event import EARLY_TERMINATION_CHOICE
from crf_desktop.forms.library.lab_units import ANALYTES
from crf_desktop.forms.model import Text
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.form_checks import AdverseEventPrompt, PromptCause
from crf_desktop.services.session import Session
from crf_desktop.services.study_config import grade_disease_measures_as_ae
from crf_desktop.store import lab_ranges as ranges_store
from crf_desktop.store import records as records_store

BASELINE_VISITS = ("baseline", "screening")  # where a subject's baseline creatinine is taken from, in order


def _canonical(data: Mapping[str, str]) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for analyte_id in ANALYTE_TERMS:
        text = data.get(ANALYTES[analyte_id].canonical_field, "")
        try:
            found[analyte_id] = Decimal(text) if text else Decimal("NaN")
        except InvalidOperation:
            continue
        if not found[analyte_id].is_finite():
            del found[analyte_id]
    return found


def _sample_date(data: Mapping[str, str]) -> date | None:
    try:
        return parse_date(data["lab_date"]) if data.get("lab_date") else None
    except ValueError:
        return None


def _baseline_creatinine(session: Session, subject_id: str, visit: str) -> Decimal | None:
    if visit in BASELINE_VISITS:
        return None  # the record is the baseline itself
    field = ANALYTES["scr"].canonical_field
    for code in BASELINE_VISITS:
        record = records_store.get(session.site.db, subject_id=subject_id, visit=code, form=labs.FORM_ID)
        if record is not None and record.data.get(field):
            return Decimal(record.data[field])
    return None


def grading_of(session: Session, subject_id: str, visit: str, data: Mapping[str, str]) -> LabGrading:
    """The CTCAE grading of a labs record's stored values (``data``: the record's canonical text)."""
    session.require(Permission.VIEW_DATA)
    lab_name, day = " ".join((data.get("lab_name") or "").split()), _sample_date(data)
    valid = ranges_store.all_valid_on(session.site.db, lab_name, day) if lab_name and day is not None else {}
    limits = {analyte: Limits(lln=found.canonical_lln, uln=found.canonical_uln) for analyte, found in valid.items()}
    return lab_grading(_canonical(data), limits,
                       baseline_creatinine=_baseline_creatinine(session, subject_id, visit),
                       grade_disease_measures=grade_disease_measures_as_ae(session))


def _covers(data: Mapping[str, str], term_code: str, day: date) -> bool:
    """Whether an AE record of ``term_code`` covers ``day`` (onset ≤ day, and ongoing or ended ≥ day)."""
    if data.get("ae_term") != term_code:
        return False
    try:
        onset = parse_partial_date(data["ae_onset"]).earliest() if data.get("ae_onset") else None
        end = parse_partial_date(data["ae_end"]).latest() if data.get("ae_end") else None
    except DateTextError:
        return False
    if onset is not None and onset > day:
        return False
    return data.get("ae_ongoing") == "Y" or end is None or end >= day


def _recorded_terms(session: Session, subject_id: str, day: date) -> set[str]:
    log = next(entry.code for entry in REGISTRY.schedule.logs if adverse_event.FORM_ID in entry.forms)
    found = [r for r in records_store.for_subject(session.site.db, subject_id)
             if r.visit == log and r.form == adverse_event.FORM_ID]
    return {code for r in found if (code := r.data.get("ae_term")) and _covers(r.data, code, day)}


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def verbatim(suggestion: LabGradeSuggestion, day: date) -> str:
    """The AE's verbatim description as the lab gives it: ``Platelet count 62 × 10⁹/L on 05-Mar-2026``."""
    analyte = ANALYTES[suggestion.analyte]
    return f"{analyte.label.en} {_number(suggestion.value)} {analyte.canonical.symbol.en} on {display_date(day)}"


def _message(suggestion: LabGradeSuggestion, day: date) -> tuple[str, Text]:
    analyte = ANALYTES[suggestion.analyte]
    unit = analyte.canonical.symbol
    names = term_text(suggestion.term)
    limits = suggestion.limits
    ref_en = ", ".join(f"{name} {_number(v)}" for name, v in (("LLN", limits.lln), ("ULN", limits.uln))
                       if v is not None)
    if suggestion.baseline is not None:
        ref_en += f", baseline {_number(suggestion.baseline)}"
    value = _number(suggestion.value)
    when = display_date(day)
    return verbatim(suggestion, day), Text(
        en=f"{analyte.label.en} {value} {unit.en} on {when} ({ref_en}): CTCAE v4.03 “{names.en}” grade "
           f"{suggestion.grade} suggested",
        zh=f"{when} {analyte.label.zh} {value} {unit.zh}（{ref_en}）：建议 CTCAE v4.03“{names.zh}”"
           f"{suggestion.grade} 级",
    )


def _ae_visit(visit: str) -> str | None:
    code = EARLY_TERMINATION_CHOICE if visit == "early_termination" else visit
    return code if adverse_event.FORM.field("ae_visit").choice(code) is not None else None


def _prompt(suggestion: LabGradeSuggestion, visit: str, day: date) -> AdverseEventPrompt:
    described, message = _message(suggestion, day)
    prefill = {"ae_term": suggestion.term.meddra_code, "ae_grade": str(suggestion.grade),
               "ae_onset": day.isoformat(), "ae_verbatim": described}
    noticed = _ae_visit(visit)
    if noticed is not None:
        prefill["ae_visit"] = noticed
    return AdverseEventPrompt(cause=PromptCause.LAB_GRADE, message=message, prefill=prefill)


def lab_prompts(session: Session, *, subject_id: str, visit: str, data: Mapping[str, str],
                changed: Iterable[str] | None = None) -> tuple[AdverseEventPrompt, ...]:
    """The adverse events a saved labs record suggests, one prompt per term graded ≥ 1 that the AE log does not
    already cover on the sample date; ``changed`` (field ids) limits them to values changed by this save
    (None: every value, e.g. a first save)."""
    day = _sample_date(data)
    if day is None:
        return ()
    grading = grading_of(session, subject_id, visit, data)
    changed_fields = None if changed is None else set(changed)
    recorded = _recorded_terms(session, subject_id, day)
    return tuple(
        _prompt(s, visit, day) for s in grading.suggestions
        if s.term.meddra_code not in recorded
        and (changed_fields is None or ANALYTES[s.analyte].canonical_field in changed_fields
             or "lab_date" in changed_fields or "lab_name" in changed_fields)
    )
