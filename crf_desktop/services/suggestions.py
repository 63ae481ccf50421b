"""Answers the app can suggest for a form from other records of the same visit (issue 5 item 3).

A suggestion is shown next to the field with its evidence; the physician confirms it by choosing the answer.
Nothing here writes a record. Today: the lab-decidable SLEDAI-2K descriptors from the same visit's labs. The
C3/C4 lower limits (and an anti-dsDNA upper limit, where one is entered) are the site laboratory's reference
range valid on the sample date (``services.lab_ranges``), never typed on the form; without a range the
laboratory's own anti-dsDNA reading (positive / negative) decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from crf_desktop.core.roles import Permission
from crf_desktop.forms.library import lab_units, labs, sledai
from crf_desktop.forms.model import Text
from crf_desktop.forms.outcomes.sledai_suggestions import suggest_sledai_descriptors
from crf_desktop.services.lab_ranges import lab_flags
from crf_desktop.services.outcomes import stored_decimal, visit_values
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import records


@dataclass(frozen=True, kw_only=True)
class Suggestion:
    """``code`` is the suggested answer's code (``None``: the labs cannot decide; ``evidence`` says why)."""

    field_id: str
    code: str | None
    evidence: Text


def _heme_or_rbc_casts(lab: dict[str, str]) -> bool | None:
    """SLEDAI-2K's "urinary casts" are heme-granular or RBC casts; None when casts were not recorded."""
    if not lab.get("urine_casts"):
        return None
    return lab["urine_casts"] == "Y" and bool({"RBC", "HEME"} & set(lab.get("urine_cast_types", "").split(",")))


def suggestions_for(session: Session, *, subject_id: str, visit: str, form_id: str) -> list[Suggestion]:
    """What the app suggests for ``form_id`` at ``visit`` (empty for forms without suggestions)."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    if form_id != sledai.FORM_ID:
        return []
    lab = records.get(session.site.db, subject_id=subject_id, visit=visit, form=labs.FORM_ID)
    if lab is None:
        return []
    values = visit_values(visit, {labs.FORM_ID: lab.data})
    data = lab.data
    ranges = {analyte: flag.range for analyte, flag in lab_flags(session, subject_id, visit).items()}
    c3_range, c4_range = ranges.get(lab_units.C3.id), ranges.get(lab_units.C4.id)
    dsdna = data.get("dsdna_result")
    infection = data.get("urine_infection")
    found = suggest_sledai_descriptors(
        proteinuria_g_24h=stored_decimal(data.get(lab_units.PROTEIN_24H.canonical_field)),
        upcr_g_g=values.upcr_g_g,
        urine_rbc_hpf=stored_decimal(data.get("urine_rbc_hpf")),
        casts=_heme_or_rbc_casts(data),
        urine_wbc_hpf=stored_decimal(data.get("urine_wbc_hpf")),
        urinary_infection=None if not infection else infection == "Y",
        c3=values.c3_g_l,
        c3_lln=c3_range.canonical_lln if c3_range is not None else None,
        c4=values.c4_g_l,
        c4_lln=c4_range.canonical_lln if c4_range is not None else None,
        anti_dsdna_positive=None if dsdna not in ("POS", "NEG") else dsdna == "POS",
        platelets_10e9_l=stored_decimal(data.get("plt_e9_l")),
        wbc_10e9_l=stored_decimal(data.get("wbc_e9_l")),
    )
    return [Suggestion(field_id=s.field_id, code=None if s.present is None else ("Y" if s.present else "N"),
                       evidence=s.evidence) for s in found]
