"""The per-visit values the outcome derivations read, and the three-way status of a derived outcome.

Each attribute of :class:`VisitValues` names the form field it comes from (see the field docs); ``None`` means
"not recorded". Numbers are the ``Decimal`` values the forms store (``int`` where the field is an integer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from crf_desktop.forms.instruments.bilag import BILAG_SYSTEMS
from crf_desktop.forms.library import bilag, lab_units, phga, sledai
from crf_desktop.forms.model import Text
from crf_desktop.forms.visits import SCHEDULE


class Status(StrEnum):
    """A derived outcome at one timepoint."""

    RESPONDER = "responder"
    NON_RESPONDER = "non_responder"
    NOT_EVALUABLE = "not_evaluable"


STATUS_TEXT: dict[Status, Text] = {
    Status.RESPONDER: Text(en="responder", zh="应答"),
    Status.NON_RESPONDER: Text(en="non-responder", zh="无应答"),
    Status.NOT_EVALUABLE: Text(en="not evaluable", zh="无法评估"),
}


@dataclass(frozen=True, kw_only=True)
class VisitValues:
    """What one visit recorded, as far as the outcomes need it.

    ``visit``: the visit code (``baseline``, ``week12``; :mod:`crf_desktop.forms.visits`). ``visit_date``:
    ``visit_info.visit_date``. ``sledai_total``: ``sledai.sledai_total``. ``bilag_grades``: {system: grade} from
    ``bilag.bilag_<system>`` (only the systems graded; a missing system is named as ``bilag_<system>``).
    ``phga``: ``phga.phga``. Laboratory values (from the laboratory forms of another issue; the names here are
    the ones the outcomes report as missing): ``upcr_g_g`` (urine protein/creatinine ratio, g/g),
    ``creatinine_umol_l`` (serum creatinine, µmol/L), ``egfr`` (mL/min/1.73 m², with the equation the labs form
    records), ``albumin_g_l`` (serum albumin, g/L), ``c3_g_l``, ``c4_g_l`` (g/L), ``anti_dsdna_iu_ml`` (IU/mL),
    ``sediment_active`` (active urinary sediment, only for definitions that use it).
    """

    visit: str
    visit_date: date | None = None
    upcr_g_g: Decimal | None = None
    creatinine_umol_l: Decimal | None = None
    sledai_total: int | None = None
    bilag_grades: Mapping[str, str] = field(default_factory=dict)
    phga: Decimal | None = None
    egfr: Decimal | None = None
    albumin_g_l: Decimal | None = None
    c3_g_l: Decimal | None = None
    c4_g_l: Decimal | None = None
    anti_dsdna_iu_ml: Decimal | None = None
    sediment_active: bool | None = None


def missing_item(visit: str, item: str) -> str:
    """How a missing item is named in a not-evaluable result: ``week12: upcr_g_g``."""
    return f"{visit}: {item}"


#: How a missing item reads, from the declarations (field labels in English and Chinese).
_ITEM_LABELS: dict[str, Text] = {
    "visit not recorded": Text(en="visit not recorded", zh="访视未记录"),
    "upcr_g_g": lab_units.UPCR.label,
    "creatinine_umol_l": lab_units.CREATININE.label,
    "albumin_g_l": lab_units.ALBUMIN.label,
    "sediment_active": Text(en="Urinary sediment (casts)", zh="尿沉渣（管型）"),
    "sledai_total": sledai.FORM.field(sledai.TOTAL_FIELD).label,
    "phga": phga.FORM.field("phga").label,
}


def item_label(item: str) -> Text:
    """The words for an item named as missing (``upcr_g_g`` → "Urine protein/creatinine ratio ...")."""
    if item.startswith("bilag_") and item.removeprefix("bilag_") in BILAG_SYSTEMS:
        name = bilag.system_name(item.removeprefix("bilag_"))
        return Text(en=f"BILAG-2004 {name.en}", zh=f"BILAG-2004 {name.zh}")
    return _ITEM_LABELS.get(item, Text(en=item, zh=item))


def visit_name(code: str) -> Text:
    """The visit's label (``week12`` → "Week 12"); the code itself for a visit the schedule does not know."""
    try:
        return SCHEDULE.visit(code).label
    except KeyError:
        return Text(en=code, zh=code)


def missing_text(missing: tuple[str, ...]) -> Text:
    """``Week 12: Urine protein/creatinine ratio (first-morning urine); Baseline: PhGA (0-3)`` from the items
    ``week12: upcr_g_g``, ``baseline: phga`` (grouped by visit, in the order given)."""
    by_visit: dict[str, list[Text]] = {}
    for entry in missing:
        visit, _, item = entry.partition(": ")
        by_visit.setdefault(visit, []).append(item_label(item))
    en = "; ".join(f"{visit_name(v).en}: {', '.join(t.en for t in items)}" for v, items in by_visit.items())
    zh = "；".join(f"{visit_name(v).zh}：{'、'.join(t.zh for t in items)}" for v, items in by_visit.items())
    return Text(en=en, zh=zh)
