"""Checks of a form against data outside it, run by ``records.save_record`` (issue 4 items 2, 3 and 5).

One table per kind of check, keyed by form id, so ``save_record`` stays generic:

- :data:`REFUSALS`: a kit number typed on the infusion form (``inf_kit``) must be the subject's assigned MSC
  kit, and on the kit dispensing form (``kit_number``) the assigned MMF kit. A wrong kit, or a kit for a subject
  not yet randomised, refuses the save with an issue on the kit field (nothing is written).
- :func:`notices`: what the UI must tell the user after a save, without blocking it:
  an infusion reaction (or interruption) → :class:`AdverseEventPrompt` (offer to open a new adverse event,
  pre-filled); a concomitant medication that is a prohibited agent → :class:`ProhibitedMedication`.
- :func:`audit_notices`: a prohibited medication is also written to the audit trail when the name is entered or
  changed ("prohibited medication recorded"), so the monitor and the centre see it.

Decision (prohibited medication): flagged, never refused. The coordinator transcribes what the subject took; the
record must be kept, and the consequence (exclusion 1 before randomisation, a protocol deviation after it) is the
investigator's to judge. The form itself shows the derived flag and agent (``cm_prohibited``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import sqlite_utils

from crf_desktop.forms.ctcae.terms import term_by_name
from crf_desktop.forms.issues import Issue, IssueCode, make_issue
from crf_desktop.forms.library import conmeds, infusion, mmf_dosing, sae_report
from crf_desktop.forms.model import Text, Value
from crf_desktop.forms.parsing import to_text
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.forms.trial.prohibited import prohibited_medication
from crf_desktop.services.adverse_events import sae_link_issues
from crf_desktop.services.randomisation import kit_mismatch
from crf_desktop.services.session import Session
from crf_desktop.store import audit

INFUSION_REACTION_TERM = "Infusion related reaction"

Values = Mapping[str, Value | None]
Refusal = Callable[[Session, str, Values], tuple[Issue, ...]]


def _kit_issue(form_id: str, field_id: str, problem: Text | None, typed: str) -> tuple[Issue, ...]:
    if problem is None:
        return ()
    label = REGISTRY.form(form_id).field(field_id).label
    return (make_issue(IssueCode.INCONSISTENT, field=field_id, label=label, value=typed, reason_en=problem.en,
                       reason_zh=problem.zh),)


def _msc_kit(session: Session, subject_id: str, values: Values) -> tuple[Issue, ...]:
    kit = values.get("inf_kit")
    if not isinstance(kit, str):
        return ()
    return _kit_issue(infusion.FORM_ID, "inf_kit", kit_mismatch(session, subject_id, msc_kit=kit), kit)


def _mmf_kit(session: Session, subject_id: str, values: Values) -> tuple[Issue, ...]:
    kit = values.get("kit_number")
    if not isinstance(kit, str):
        return ()
    return _kit_issue(mmf_dosing.KITS_FORM_ID, "kit_number", kit_mismatch(session, subject_id, mmf_kit=kit), kit)


#: Form id → the check that may refuse its save.
REFUSALS: dict[str, Refusal] = {
    infusion.FORM_ID: _msc_kit,
    mmf_dosing.KITS_FORM_ID: _mmf_kit,
    sae_report.FORM_ID: sae_link_issues,  # the AE entry it reports must exist and be serious
}


def refusals(session: Session, *, subject_id: str, form_id: str, values: Values) -> tuple[Issue, ...]:
    """The issues that refuse saving ``values`` of ``form_id`` for the subject (empty: no objection)."""
    check = REFUSALS.get(form_id)
    return check(session, subject_id, values) if check is not None else ()


class PromptCause(StrEnum):
    """Why the UI offers to record an adverse event."""

    INFUSION_REACTION = "infusion reaction"
    INFUSION_INTERRUPTED = "infusion interrupted"
    LAB_GRADE = "lab value graded"  # a saved lab value meets CTCAE grade >= 1 (services.lab_adverse_events)


@dataclass(frozen=True, kw_only=True)
class AdverseEventPrompt:
    """Offer to record an adverse event: the message to show and the AE form's values to start from."""

    cause: PromptCause
    message: Text
    prefill: Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class ProhibitedMedication:
    """A concomitant medication recognised as a prohibited agent (exclusion 1): shown, never refused."""

    medication: str
    agent: Text
    message: Text


@dataclass(frozen=True, kw_only=True)
class Notices:
    """What a save tells the user besides its issues."""

    adverse_event: AdverseEventPrompt | None = None
    prohibited: ProhibitedMedication | None = None


def _ae_prefill(values: Values, visit: str, details_field: str) -> dict[str, str]:
    prefill = {"ae_visit": visit}
    term = term_by_name(INFUSION_REACTION_TERM)
    if term is not None and details_field == "inf_reaction_details":
        prefill["ae_term"] = term.meddra_code
    day = values.get("inf_date")
    if isinstance(day, date):
        prefill["ae_onset"] = to_text(day)
    details = values.get(details_field)
    if isinstance(details, str):
        prefill["ae_verbatim"] = details
    return prefill


def _infusion_prompt(values: Values, visit: str) -> AdverseEventPrompt | None:
    if values.get("inf_reaction") == "Y":
        if values.get("inf_reaction_ae") == "Y":
            return None  # the coordinator says it is on the AE log already
        return AdverseEventPrompt(
            cause=PromptCause.INFUSION_REACTION,
            message=Text(en="An infusion reaction is an adverse event (CTCAE: Infusion related reaction): record it "
                            "on the adverse event log now",
                         zh="输注反应属于不良事件（CTCAE：输液相关反应），请立即在不良事件记录中登记"),
            prefill=_ae_prefill(values, visit, "inf_reaction_details"))
    if values.get("inf_interrupted") == "Y":
        return AdverseEventPrompt(
            cause=PromptCause.INFUSION_INTERRUPTED,
            message=Text(en="The infusion was interrupted: if an adverse event caused it, record it on the adverse "
                            "event log",
                         zh="输注曾中断：如因不良事件所致，请在不良事件记录中登记"),
            prefill=_ae_prefill(values, visit, "inf_interrupted_details"))
    return None


def _prohibited(values: Values) -> ProhibitedMedication | None:
    name = values.get("cm_name")
    match = prohibited_medication(name) if isinstance(name, str) else None
    if match is None or not isinstance(name, str):
        return None
    agent = match.agent
    return ProhibitedMedication(
        medication=name, agent=agent.name,
        message=Text(en=f"{name} is a prohibited medication ({agent.name.en}, {agent.drug_class.en}; exclusion 1): "
                        "within 12 weeks before randomisation it excludes the subject, after randomisation it is a "
                        "protocol deviation. Tell the investigator.",
                     zh=f"{name}为禁用药物（{agent.name.zh}，{agent.drug_class.zh}；排除标准 1）：随机前 12 周内使用者"
                        "应排除，随机后使用属方案偏离。请告知研究者。"))


def notices(*, form_id: str, visit: str, values: Values) -> Notices:
    """The non-blocking notices of a saved record of ``form_id``."""
    if form_id == infusion.FORM_ID:
        return Notices(adverse_event=_infusion_prompt(values, visit))
    if form_id == conmeds.FORM_ID:
        return Notices(prohibited=_prohibited(values))
    return Notices()


def audit_notices(db: sqlite_utils.Database, *, user: str, target: Mapping[str, str], found: Notices,
                  changed: tuple[str, ...]) -> None:
    """Audit a prohibited medication when its name was entered or changed; call inside the save's transaction."""
    if found.prohibited is not None and "cm_name" in changed:
        audit.append(db, user=user, action="prohibited medication recorded", field="cm_name",
                     new_value=f"{found.prohibited.medication} ({found.prohibited.agent.en})",
                     subject=target.get("subject"), visit=target.get("visit"), form=target.get("form"))
