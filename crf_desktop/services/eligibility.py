"""Eligibility from the subject's recorded forms (issue 4 item 1), and the cross-form values validation needs.

The evaluator (:func:`crf_desktop.forms.trial.eligibility.evaluate_eligibility`) is pure; this module reads its
inputs from the records: screening demographics, consent, renal biopsy, labs (each value with the unit entered;
the ALT/AST ULN from the laboratory's reference range valid on the sample date), pregnancy test and eligibility
form (planned randomisation date and the investigator's answers), and every concomitant-medication log record.
Values are read back through each field's declaration (:func:`crf_desktop.forms.parsing.parse_value`), so they
have exactly the types validation gave them. Missing data leave an input empty, and the evaluator names it.

The eligibility inputs come from one query for all of the subject's records (:func:`load_subject_records`);
the validation of any other form needs only demographics and consent (:func:`load_demographics_and_consent`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlite_utils

from crf_desktop.core.roles import Permission
from crf_desktop.forms.context_names import SUBJECT_AGE, SUBJECT_CHILDBEARING, SUBJECT_SEX
from crf_desktop.forms.dates import PartialDate
from crf_desktop.forms.library import biopsy, conmeds, consent, demographics, labs, pregnancy_test
from crf_desktop.forms.library import eligibility as eligibility_form
from crf_desktop.forms.library.lab_units import ANALYTES, Analyte
from crf_desktop.forms.model import Form, Value
from crf_desktop.forms.parsing import ParseError, parse_value
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.trial.eligibility import (
    INVESTIGATOR_FIELDS,
    ConmedRecord,
    EligibilityInputs,
    EligibilityResult,
    Measurement,
    evaluate_eligibility,
)
from crf_desktop.forms.visits import CONMED_FORMS, SCHEDULE, SCREENING
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import lab_ranges, records
from crf_desktop.store.records import Record

SCREENING_VISIT = SCREENING.code
CONMED_LOG = next(log.code for log in SCHEDULE.logs if log.forms == CONMED_FORMS)


@dataclass(frozen=True)
class SubjectRecords:
    """A subject's records, read once: screening forms by form id, and the concomitant-medication log."""

    screening: Mapping[str, Record]
    conmeds: tuple[Record, ...]

    def value(self, form: Form, field_id: str, data: Mapping[str, str | None] | None = None) -> Value | None:
        """A screening value of ``form`` as its field's type (``data`` replaces the stored record's values)."""
        if data is None:
            record = self.screening.get(form.id)
            return _parsed(form, field_id, record.data if record is not None else {})
        return _parsed(form, field_id, data)


def _parsed(form: Form, field_id: str, data: Mapping[str, str | None]) -> Value | None:
    text = data.get(field_id)
    if not text:
        return None
    try:
        return parse_value(form.field(field_id), text)
    except ParseError:
        return None


def load_subject_records(db: sqlite_utils.Database, subject_id: str) -> SubjectRecords:
    """Every record of the subject in one query, sorted into what cross-form rules read."""
    screening: dict[str, Record] = {}
    logged: list[Record] = []
    for record in records.for_subject(db, subject_id):
        if record.visit == SCREENING_VISIT and record.repeat_no == 0:
            screening[record.form] = record
        elif record.visit == CONMED_LOG and record.form == conmeds.FORM_ID:
            logged.append(record)
    return SubjectRecords(screening=screening, conmeds=tuple(logged))


#: The records :func:`load_demographics_and_consent` reads, as (visit, form): saving one changes what every
#: other form of the subject is validated against.
_CONTEXT_FORMS = (demographics.FORM_ID, consent.FORM_ID)
CONTEXT_RECORDS = frozenset((SCREENING_VISIT, form) for form in _CONTEXT_FORMS)


def load_demographics_and_consent(db: sqlite_utils.Database, subject_id: str) -> SubjectRecords:
    """Only the screening demographics and consent records (one indexed query): what every form's
    validation needs, without reading the whole casebook on every save."""
    found = records.of_visit(db, subject_id=subject_id, visit=SCREENING_VISIT,
                             forms=_CONTEXT_FORMS)
    return SubjectRecords(screening=found, conmeds=())


def _as_int(value: Value | None) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _as_str(value: Value | None) -> str | None:
    return value if isinstance(value, str) else None


def _as_decimal(value: Value | None) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _as_date(value: Value | None) -> date | None:
    if isinstance(value, PartialDate):
        return value.earliest() if value.is_complete else None
    return value if isinstance(value, date) else None


def _as_partial(value: Value | None) -> date | PartialDate | None:
    return value if isinstance(value, date | PartialDate) else None


DEMOGRAPHICS = REGISTRY.form(demographics.FORM_ID)
CONSENT = REGISTRY.form(consent.FORM_ID)
BIOPSY = REGISTRY.form(biopsy.FORM_ID)
LABS = REGISTRY.form(labs.FORM_ID)
PREGNANCY = REGISTRY.form(pregnancy_test.FORM_ID)
ELIGIBILITY = REGISTRY.form(eligibility_form.FORM_ID)
CONMED = REGISTRY.form(conmeds.FORM_ID)


def subject_values(found: SubjectRecords) -> dict[str, Value | None]:
    """The cross-form values of demographics: age at consent, sex, childbearing potential (None for men)."""
    return {
        SUBJECT_AGE: _as_int(found.value(DEMOGRAPHICS, "age_years")),
        SUBJECT_SEX: _as_str(found.value(DEMOGRAPHICS, "sex")),
        SUBJECT_CHILDBEARING: _as_str(found.value(DEMOGRAPHICS, "childbearing")),
    }


def consent_date_of(found: SubjectRecords) -> date | None:
    """The informed consent date recorded on the consent form."""
    return _as_date(found.value(CONSENT, "consent_date"))


def _measurement(found: SubjectRecords, analyte: Analyte) -> Measurement | None:
    if len(analyte.units) == 1:
        unit: str | None = analyte.canonical.code
        value = _as_decimal(found.value(LABS, analyte.canonical_field))
    else:
        unit = _as_str(found.value(LABS, analyte.unit_field))
        if unit is None or unit not in {u.code for u in analyte.units}:
            return None
        value = _as_decimal(found.value(LABS, analyte.entered_field(analyte.unit(unit))))
    return None if value is None or unit is None else Measurement(value=value, unit=unit)


def _conmed(record: Record) -> ConmedRecord | None:
    name = _as_str(_parsed(CONMED, "cm_name", record.data))
    if name is None:
        return None
    ongoing = _as_str(_parsed(CONMED, "cm_ongoing", record.data))
    return ConmedRecord(name=name, start=_as_partial(_parsed(CONMED, "cm_start", record.data)),
                        stop=_as_partial(_parsed(CONMED, "cm_stop", record.data)),
                        ongoing=None if ongoing is None else ongoing == "Y")


def _uln(db: sqlite_utils.Database, found: SubjectRecords, analyte_id: str) -> Decimal | None:
    lab_name = _as_str(found.value(LABS, "lab_name"))
    day = _as_date(found.value(LABS, "lab_date"))
    if lab_name is None or day is None:
        return None
    version = lab_ranges.valid_on(db, lab_name, analyte_id, day)
    return None if version is None else version.canonical_uln


def inputs_from(db: sqlite_utils.Database, found: SubjectRecords,
                investigator_answers: Mapping[str, str | None] | None = None) -> EligibilityInputs:
    """The evaluator's inputs from records already read; ``investigator_answers`` as in
    :func:`gather_eligibility_inputs`."""
    answers = None if investigator_answers is None else dict(investigator_answers)

    def elig(field_id: str) -> Value | None:
        return found.value(ELIGIBILITY, field_id, answers)

    def lab(analyte_id: str) -> Measurement | None:
        return _measurement(found, ANALYTES[analyte_id])

    weight = _as_decimal(found.value(LABS, "weight_kg")) or _as_decimal(found.value(DEMOGRAPHICS, "weight_kg"))
    pregnancy = _as_str(found.value(PREGNANCY, "preg_result")) \
        if found.value(PREGNANCY, "preg_done") == "Y" else None
    return EligibilityInputs(
        age_years=_as_int(found.value(DEMOGRAPHICS, "age_years")),
        sex=_as_str(found.value(DEMOGRAPHICS, "sex")),
        childbearing=_as_str(found.value(DEMOGRAPHICS, "childbearing")),
        acr_count=_as_int(found.value(DEMOGRAPHICS, "acr_count")),
        consent_date=consent_date_of(found),
        randomisation_date=_as_date(elig("elig_rand_date")),
        investigator={field_id: _as_str(elig(field_id)) for field_id in INVESTIGATOR_FIELDS},
        weight_kg=weight,
        upcr=lab("upcr"), protein_24h=lab("prot24h"), creatinine=lab("scr"), total_bilirubin=lab("tbil"),
        alt=lab("alt"), alt_uln=_uln(db, found, "alt"), ast=lab("ast"), ast_uln=_uln(db, found, "ast"),
        wbc=lab("wbc"), haemoglobin=lab("hb"), platelets=lab("plt"),
        biopsy_date=_as_date(found.value(BIOPSY, "bx_date")),
        biopsy_class=_as_str(found.value(BIOPSY, "bx_class")),
        sclerosis_pct=_as_decimal(found.value(BIOPSY, "bx_sclerosis_pct")),
        necrosis_crescent_pct=_as_decimal(found.value(BIOPSY, "bx_nmc_pct")),
        pregnancy_test=pregnancy,
        conmeds=tuple(c for c in (_conmed(r) for r in found.conmeds) if c is not None),
    )


def gather_eligibility_inputs(session: Session, subject_id: str, *,
                              investigator_answers: Mapping[str, str | None] | None = None) -> EligibilityInputs:
    """Everything the criteria need, read from the subject's screening forms and concomitant-medication log.

    ``investigator_answers``: the eligibility form's values as typed (field id → text), used instead of the
    stored eligibility record (the live check of that form, before it is saved): the planned randomisation date
    and the answers in ``INVESTIGATOR_FIELDS``.
    """
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    db = session.site.db
    return inputs_from(db, load_subject_records(db, subject_id), investigator_answers)


def eligibility(session: Session, subject_id: str) -> EligibilityResult:
    """The subject's eligibility from the recorded data: every criterion with its evidence, and the result."""
    return evaluate_eligibility(gather_eligibility_inputs(session, subject_id))
