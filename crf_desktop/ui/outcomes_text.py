"""Words for derived outcomes on screen: renal categories, SRI-4 status and components, missing items, the
deciding values of a renal response. The outcome objects carry bilingual ``Text``; this module only arranges
them (and names the missing items in words a person reads: "Week 12: UPCR", not ``week12: upcr_g_g``)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from crf_desktop.forms.instruments.sri import Sri4Result
from crf_desktop.forms.outcomes.response import (
    CATEGORY_TEXT,
    NOT_RECORDED,
    RenalEvidence,
    RenalOutcome,
    Sri4Outcome,
    number,
)
from crf_desktop.forms.outcomes.values import STATUS_TEXT, Status, VisitValues
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.qt import QColor

RESPONDER_COLOUR = QColor("#dcefdc")
PARTIAL_COLOUR = QColor("#eef6d8")
NON_RESPONDER_COLOUR = QColor("#f6e3e1")
NOT_EVALUABLE_COLOUR = QColor("#eeeeee")


def visit_label(code: str, lang: str) -> str:
    try:
        return REGISTRY.schedule.visit(code).label.get(lang)
    except KeyError:
        return code


def _item_text(item: str) -> str:
    names = {
        NOT_RECORDED: translate("Outcomes", "visit not recorded"),
        "upcr_g_g": translate("Outcomes", "UPCR"),
        "creatinine_umol_l": translate("Outcomes", "creatinine"),
        "albumin_g_l": translate("Outcomes", "albumin"),
        "sediment_active": translate("Outcomes", "urinary sediment"),
        "sledai_total": "SLEDAI-2K",
        "phga": translate("Outcomes", "PhGA"),
    }
    if item.startswith("bilag_"):
        return f"BILAG {item.removeprefix('bilag_')}"
    return names.get(item, item)


def missing_text(missing: tuple[str, ...], lang: str) -> str:
    """``Baseline: UPCR; Week 12: visit not recorded`` from ``baseline: upcr_g_g`` items; BILAG systems grouped."""
    by_visit: dict[str, list[str]] = {}
    for entry in missing:
        visit, _, item = entry.partition(": ")
        by_visit.setdefault(visit, []).append(_item_text(item))
    parts = []
    for visit, items in by_visit.items():
        bilag = [i for i in items if i.startswith("BILAG ")]
        rest = [i for i in items if not i.startswith("BILAG ")]
        if len(bilag) > 2:
            rest.append(fill(translate("Outcomes", "BILAG (%1 systems)"), len(bilag)))
        else:
            rest.extend(bilag)
        parts.append(f"{visit_label(visit, lang)}: {', '.join(rest)}")
    return "; ".join(parts)


def status_colour(status: Status, category: str | None = None) -> QColor:
    if status is Status.NOT_EVALUABLE:
        return NOT_EVALUABLE_COLOUR
    if status is Status.NON_RESPONDER:
        return NON_RESPONDER_COLOUR
    return PARTIAL_COLOUR if category == "partial" else RESPONDER_COLOUR


def not_recorded(visit: str, missing: tuple[str, ...]) -> bool:
    """Whether the only thing missing is the visit itself (a visit still to come, or missed)."""
    return missing == (f"{visit}: {NOT_RECORDED}",)


def renal_text(outcome: RenalOutcome, lang: str) -> str:
    """``Complete response``, ``Visit not recorded yet``, or ``Not evaluable — missing Week 12: UPCR``."""
    if not_recorded(outcome.visit, outcome.missing):
        return translate("Outcomes", "Visit not recorded yet")
    if outcome.category is None:
        return fill(translate("Outcomes", "%1 — missing %2"), _cap(STATUS_TEXT[Status.NOT_EVALUABLE].get(lang)),
                    missing_text(outcome.missing, lang))
    return _cap(CATEGORY_TEXT[outcome.category].get(lang))


def sri4_text(outcome: Sri4Outcome, lang: str) -> str:
    if not_recorded(outcome.visit, outcome.missing):
        return translate("Outcomes", "Visit not recorded yet")
    if outcome.status is Status.NOT_EVALUABLE:
        return fill(translate("Outcomes", "%1 — missing %2"), _cap(STATUS_TEXT[outcome.status].get(lang)),
                    missing_text(outcome.missing, lang))
    return _cap(STATUS_TEXT[outcome.status].get(lang))


def components_text(components: Sri4Result | None) -> str:
    """``SLEDAI-2K −4 ✓ · new BILAG A: none ✓ · new BILAG B: 1 ✓ · PhGA −0.3 ✓``."""
    if components is None:
        return ""
    mark = {True: "✓", False: "✗"}
    new_a = ", ".join(components.new_bilag_a) or translate("Outcomes", "none")
    tenths = components.pga_change_tenths
    pga = f"{'+' if tenths > 0 else '−' if tenths < 0 else '±'}{abs(tenths) / 10:.1f}"
    return " · ".join((
        f"SLEDAI-2K −{components.sledai_reduction} {mark[components.sledai_met]}"
        if components.sledai_reduction >= 0 else f"SLEDAI-2K +{-components.sledai_reduction} ✗",
        fill(translate("Outcomes", "new BILAG A: %1"), new_a) + f" {mark[not components.new_bilag_a]}",
        fill(translate("Outcomes", "new BILAG B: %1"), len(components.new_bilag_b))
        + f" {mark[len(components.new_bilag_b) <= 1]}",
        f"PhGA {pga} {mark[components.pga_met]}",
    ))


def percent(value: Decimal) -> str:
    return str(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def upcr_text(baseline: VisitValues | None, visit: VisitValues | None) -> str:
    """``0.4 g/g (−88 % from baseline)``; the value alone when the baseline UPCR is missing."""
    if visit is None or visit.upcr_g_g is None:
        return "—"
    text = f"{visit.upcr_g_g.normalize():f} g/g"
    if baseline is None or not baseline.upcr_g_g:
        return text
    change = (visit.upcr_g_g - baseline.upcr_g_g) / baseline.upcr_g_g * 100
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return fill(translate("Outcomes", "%1 (%2 % from baseline)"), text, sign + percent(abs(change)))


def creatinine_text(baseline: VisitValues | None, visit: VisitValues | None) -> str:
    """``110 % of baseline (110 µmol/L)``."""
    if visit is None or visit.creatinine_umol_l is None:
        return "—"
    value = f"{visit.creatinine_umol_l.normalize():f} µmol/L"
    if baseline is None or not baseline.creatinine_umol_l:
        return value
    share = visit.creatinine_umol_l / baseline.creatinine_umol_l * 100
    return fill(translate("Outcomes", "%1 % of baseline (%2)"), percent(share), value)


def upcr_evidence_text(evidence: RenalEvidence) -> str:
    """``3.2 → 1.1 g/g (−66 % from baseline)``: the UPCR values the response was decided on ("—": not recorded)."""
    if evidence.upcr_g_g is None:
        return "—"
    before = "—" if evidence.upcr_baseline_g_g is None else number(evidence.upcr_baseline_g_g)
    after = "—" if evidence.upcr_g_g is None else number(evidence.upcr_g_g)
    text = f"{before} → {after} g/g"
    change = evidence.upcr_change_percent
    if change is None:
        return text
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return fill(translate("Outcomes", "%1 (%2 % from baseline)"), text, sign + percent(abs(change)))


def creatinine_evidence_text(evidence: RenalEvidence) -> str:
    """``80 → 88 µmol/L (110 % of baseline)``: the creatinine values the response was decided on."""
    if evidence.creatinine_umol_l is None:
        return "—"
    before = "—" if evidence.creatinine_baseline_umol_l is None else number(evidence.creatinine_baseline_umol_l)
    after = "—" if evidence.creatinine_umol_l is None else number(evidence.creatinine_umol_l)
    text = f"{before} → {after} µmol/L"
    share = evidence.creatinine_percent_of_baseline
    if share is None:
        return text
    return fill(translate("Outcomes", "%1 (%2 % of baseline)"), text, percent(share))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
