"""The content of a serious adverse event (SAE) report, assembled from one AE record and its SAE report record
(:mod:`crf_desktop.forms.library.sae_report`) as plain data.

The PDF part renders it; nothing here knows about layout. Labels come from the AE form declaration and the
terminology (one declaration, many readers), in English and Chinese. Dates are in the app's display form
(``05-Mar-2024``; partial dates ``UNK-Mar-2024``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from crf_desktop.forms.ctcae.labels import soc_text, term_text
from crf_desktop.forms.ctcae.terms import CTCAE_VERSION, MEDDRA_VERSION, terminology
from crf_desktop.forms.dates import PartialDate, display_date
from crf_desktop.forms.library import sae_report as report_form
from crf_desktop.forms.library.adverse_event import FORM, MMF_PRODUCT, MSC_PRODUCT, RELATED
from crf_desktop.forms.model import Field, FieldType, Form, Text, Value, same
from crf_desktop.forms.parsing import to_text


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportItem:
    """One answered field: its id, label, stored text and the value as a person reads it."""

    field: str
    label: Text
    value: str
    shown: Text


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductAssessment:
    """Relationship and action for one blinded product pair (e.g. MSC or placebo infusion)."""

    product: Text
    relationship: Text | None
    action: Text | None
    related: bool | None
    reasoning: str | None = None  # the investigator's causality assessment on the SAE report


@dataclass(frozen=True, kw_only=True)
class SaeReport:
    """What an SAE report says. ``items`` holds every answered field of the AE record in form order and
    ``report_items`` those of the SAE report record (for a complete listing); the other attributes are the
    report's headline facts (None: not answered, or no SAE report record yet)."""

    subject_id: str
    ctcae_version: str
    meddra_version: str
    meddra_code: str
    term: Text
    soc: Text
    other_specify: str | None
    verbatim: str | None
    onset: str | None
    resolution: str | None
    ongoing: Text | None
    grade: int | None
    grade_text: str | None
    criteria: tuple[Text, ...]
    awareness_date: str | None
    products: tuple[ProductAssessment, ...]
    expectedness: Text | None
    suspected_unexpected: bool
    treatment: str | None
    outcome: Text | None
    death_date: str | None
    narrative: str | None
    items: tuple[ReportItem, ...]
    report_type: Text | None = None
    awareness_time: str | None = None
    sent: str | None = None
    history: str | None = None
    tests: str | None = None
    conmeds: str | None = None
    other_causes: str | None = None
    reporter: str | None = None
    reporter_role: Text | None = None
    reporter_contact: str | None = None
    report_items: tuple[ReportItem, ...] = ()


def _shown(field: Field, value: Value) -> Text:
    if isinstance(value, PartialDate):
        return same(value.display())
    if isinstance(value, date):
        return same(display_date(value))
    if isinstance(value, tuple):
        labels = [field.choice(code) for code in value]
        return Text(
            en="; ".join(c.label.en for c in labels if c is not None),
            zh="；".join(c.label.zh for c in labels if c is not None),
        )
    if isinstance(value, str) and field.type in (FieldType.CHOICE, FieldType.YES_NO):
        option = field.choice(value)
        if option is not None:
            return option.label
    return same(to_text(value))


def _label(values: Mapping[str, Value | None], field_id: str, form: Form = FORM) -> Text | None:
    value = values.get(field_id)
    return None if value is None else _shown(form.field(field_id), value)


def _text(values: Mapping[str, Value | None], field_id: str, form: Form = FORM) -> str | None:
    label = _label(values, field_id, form)
    return None if label is None else label.en


def _product(values: Mapping[str, Value | None], product: Text, relationship: str, action: str,
             reasoning: str | None) -> ProductAssessment:
    code = values.get(relationship)
    return ProductAssessment(
        product=product,
        relationship=_label(values, relationship),
        action=_label(values, action),
        related=None if code is None else code in RELATED,
        reasoning=reasoning,
    )


def _items(form: Form, values: Mapping[str, Value | None]) -> tuple[ReportItem, ...]:
    return tuple(
        ReportItem(field=f.id, label=f.label, value=to_text(value), shown=_shown(f, value))
        for f in form.fields
        if (value := values.get(f.id)) is not None
    )


def sae_report(values: Mapping[str, Value | None], *, subject_id: str,
               report: Mapping[str, Value | None] | None = None) -> SaeReport:
    """The SAE report content of one AE record (``Result.values`` of the AE form, after validation) and of its
    SAE report record (``report``: that form's values; None before it is started).

    ValueError when the record is not a serious adverse event, or its term is missing or not a CTCAE v4.03
    MedDRA code: such a record has no SAE report.
    """
    if values.get("ae_serious") != "Y":
        raise ValueError(f"the adverse event of subject {subject_id} is not serious: it has no SAE report")
    code = values.get("ae_term")
    term = terminology().by_code.get(code) if isinstance(code, str) else None
    if term is None:
        raise ValueError(f"the SAE of subject {subject_id} has no valid CTCAE v{CTCAE_VERSION} term ({code!r})")
    grade_code = values.get("ae_grade")
    grade = int(grade_code) if isinstance(grade_code, str) and grade_code.isdigit() else None
    criteria = values.get("sae_criteria")
    criteria_field = FORM.field("sae_criteria")
    extra: Mapping[str, Value | None] = report or {}
    sr = report_form.FORM

    def said(field_id: str) -> str | None:
        return _text(extra, field_id, sr)

    products = (
        _product(values, MSC_PRODUCT, "ae_rel_msc", "ae_action_msc", said("sr_causality_msc")),
        _product(values, MMF_PRODUCT, "ae_rel_mmf", "ae_action_mmf", said("sr_causality_mmf")),
    )
    sent_day, sent_time = said("sr_sent_date"), said("sr_sent_time")
    return SaeReport(
        subject_id=subject_id,
        ctcae_version=CTCAE_VERSION,
        meddra_version=MEDDRA_VERSION,
        meddra_code=term.meddra_code,
        term=term_text(term),
        soc=soc_text(term.soc),
        other_specify=_text(values, "ae_other_specify"),
        verbatim=_text(values, "ae_verbatim"),
        onset=_text(values, "ae_onset"),
        resolution=_text(values, "ae_end"),
        ongoing=_label(values, "ae_ongoing"),
        grade=grade,
        grade_text=term.grade_text(grade) if grade in term.allowed_grades else None,
        criteria=tuple(  # in the declared (ICH) order, not the stored (sorted) order
            option.label for option in criteria_field.choices if isinstance(criteria, tuple) and option.code in criteria
        ),
        awareness_date=_text(values, "sae_awareness_date"),
        products=products,
        expectedness=_label(values, "ae_expected"),
        suspected_unexpected=values.get("ae_expected") == "UNEXPECTED" and any(p.related for p in products),
        treatment=_text(values, "ae_treatment"),
        outcome=_label(values, "ae_outcome"),
        death_date=_text(values, "ae_death_date"),
        narrative=said("sr_narrative"),
        items=_items(FORM, values),
        report_type=_label(extra, "sr_type", sr),
        awareness_time=said("sr_aware_time"),
        sent=None if sent_day is None else f"{sent_day} {sent_time or ''}".strip(),
        history=said("sr_history"),
        tests=said("sr_tests"),
        conmeds=said("sr_conmeds"),
        other_causes=said("sr_other_causes"),
        reporter=said("sr_reporter"),
        reporter_role=_label(extra, "sr_reporter_role", sr),
        reporter_contact=said("sr_reporter_contact"),
        report_items=_items(sr, extra),
    )
