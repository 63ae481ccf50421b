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

from crf_desktop.forms.model import Text


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
