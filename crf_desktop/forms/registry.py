"""Every form of the study, checked when loaded: a broken declaration stops start-up, naming form and field.

Readers (store, UI, PDF, exports, data dictionary) take forms from here: :data:`REGISTRY`, :func:`get_form`,
:func:`all_forms`, :func:`forms_for_visit`. Later issues add their forms to :data:`FORMS` and their ids to
:mod:`crf_desktop.forms.visits`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crf_desktop.forms.checks import IDENTIFIER, DeclarationError, problems
from crf_desktop.forms.context_names import SUBJECT_INPUTS
from crf_desktop.forms.library import (
    adverse_event,
    bilag,
    biopsy,
    conmeds,
    consent,
    demographics,
    eligibility,
    end_of_study,
    haq,
    infusion,
    labs,
    mmf_dosing,
    phga,
    pregnancy_test,
    sae_report,
    sledai,
    visit_info,
)
from crf_desktop.forms.model import Form
from crf_desktop.forms.schedule import TIMED_KINDS, VisitSchedule
from crf_desktop.forms.visits import SCHEDULE

#: The study's forms, in the order a casebook shows them.
FORMS: tuple[Form, ...] = (
    visit_info.FORM,
    consent.FORM,
    demographics.FORM,
    biopsy.FORM,
    labs.FORM,
    pregnancy_test.FORM,
    eligibility.FORM,
    phga.FORM,
    sledai.FORM,
    bilag.FORM,
    haq.FORM,
    infusion.FORM,
    mmf_dosing.FORM,
    mmf_dosing.KITS_FORM,
    end_of_study.FORM,
    adverse_event.FORM,
    sae_report.FORM,
    conmeds.FORM,
)


@dataclass(frozen=True, kw_only=True)
class Registry:
    """Checked forms by id, and the visit schedule that refers to them."""

    forms: Mapping[str, Form]
    schedule: VisitSchedule

    def form(self, form_id: str) -> Form:
        """The form ``form_id``; ``KeyError`` naming it when unknown."""
        try:
            return self.forms[form_id]
        except KeyError:
            raise KeyError(f"no form {form_id!r}; known forms: {', '.join(self.forms)}") from None

    def all_forms(self) -> tuple[Form, ...]:
        """Every form, in declaration order."""
        return tuple(self.forms.values())

    def forms_for_visit(self, visit_code: str) -> tuple[Form, ...]:
        """The forms a visit holds, in order."""
        return tuple(self.form(form_id) for form_id in self.schedule.visit(visit_code).forms)

    def log_forms(self) -> tuple[Form, ...]:
        """The forms of the subject-level logs."""
        return tuple(self.form(form_id) for log in self.schedule.logs for form_id in log.forms)


def schedule_problems(schedule: VisitSchedule, forms: Mapping[str, Form]) -> list[str]:
    """Everything wrong with the schedule: duplicate or malformed codes, unknown forms, untimed visits."""
    found: list[str] = []
    codes: set[str] = set()
    for visit in schedule.visits:
        where = f"visit {visit.code!r}"
        if visit.code in codes:
            found.append(f"{where}: duplicate visit code")
        codes.add(visit.code)
        if not IDENTIFIER.fullmatch(visit.code):
            found.append(f"{where}: the visit code is not an export-safe identifier")
        if (visit.target_day is not None) != (visit.kind in TIMED_KINDS):
            found.append(f"{where}: a {visit.kind} visit {'needs' if visit.kind in TIMED_KINDS else 'has no'} "
                         "target day")
        found += _form_refs(where, visit.forms, forms, repeating=None)
        for rule in visit.conditional:
            if rule.form not in visit.forms:
                found.append(f"{where}: the condition of form {rule.form!r} names a form the visit does not hold")
            unknown = sorted(rule.applies_if.references() - set(SUBJECT_INPUTS))
            if unknown:
                found.append(f"{where}: the condition of form {rule.form!r} reads {', '.join(unknown)}, which is "
                             f"not subject context (known: {', '.join(SUBJECT_INPUTS)})")
    for log in schedule.logs:
        where = f"subject log {log.code!r}"
        if log.code in codes:
            found.append(f"{where}: duplicate code")
        codes.add(log.code)
        found += _form_refs(where, log.forms, forms, repeating=True)
    return found


def _form_refs(where: str, form_ids: Iterable[str], forms: Mapping[str, Form], *, repeating: bool | None) -> list[str]:
    found: list[str] = []
    listed: set[str] = set()
    for form_id in form_ids:
        if form_id in listed:
            found.append(f"{where}: form {form_id!r} is listed twice")
        listed.add(form_id)
        form = forms.get(form_id)
        if form is None:
            found.append(f"{where}: unknown form {form_id!r}")
        elif repeating is not None and form.repeating != repeating:
            found.append(f"{where}: form {form_id!r} is {'not ' if repeating else ''}a repeating form")
    return found


def build_registry(forms: Iterable[Form], schedule: VisitSchedule) -> Registry:
    """Check every declaration and the schedule; :class:`DeclarationError` lists every problem found."""
    found: list[str] = []
    by_id: dict[str, Form] = {}
    for form in forms:
        if form.id in by_id:
            found.append(f"form {form.id!r}: duplicate form id")
        by_id.setdefault(form.id, form)
        found += problems(form)
    found += schedule_problems(schedule, by_id)
    if found:
        raise DeclarationError("form declarations are broken:\n" + "\n".join(f"  {p}" for p in found))
    return Registry(forms=by_id, schedule=schedule)


REGISTRY = build_registry(FORMS, SCHEDULE)


def get_form(form_id: str) -> Form:
    """The study form ``form_id``."""
    return REGISTRY.form(form_id)


def all_forms() -> tuple[Form, ...]:
    """Every study form."""
    return REGISTRY.all_forms()


def forms_for_visit(visit_code: str) -> tuple[Form, ...]:
    """The study forms a visit holds."""
    return REGISTRY.forms_for_visit(visit_code)
