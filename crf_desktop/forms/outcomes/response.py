"""Per-subject outcomes: SRI-4 and the renal response at each visit, time to first response, and total
remission (complete + partial renal response) at weeks 12 and 24.

Rules (DESIGN.md section 9; clinical-rules.md sections 5 and 6): SRI-4 = SLEDAI-2K down by >= 4, no new BILAG
A, at most one new BILAG B, PhGA not worse by >= 0.3 (:func:`~crf_desktop.forms.instruments.sri.sri_4_components`).
Renal response complete / partial / none under a named definition, "KDIGO 2012" by default
(:func:`~crf_desktop.forms.instruments.renal_response.assess_renal_response`; others by name from
``RENAL_RESPONSE_DEFINITIONS``). A visit that is not recorded, or lacks an input, is *not evaluable* and the
missing items are named (``week12: upcr_g_g``, ``baseline: bilag_renal``); it is never counted as a
non-response. Visits are taken in the order given (the schedule's order).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from crf_desktop.forms.instruments.bilag import BILAG_SYSTEMS
from crf_desktop.forms.instruments.renal_response import (
    DEFAULT_RENAL_RESPONSE_DEFINITION,
    RenalResponseDefinition,
    ResponseCategory,
    assess_renal_response,
    renal_response_definition,
)
from crf_desktop.forms.instruments.sri import Sri4Result, sri_4_components
from crf_desktop.forms.library import bilag as bilag_form
from crf_desktop.forms.model import Text
from crf_desktop.forms.outcomes.values import STATUS_TEXT, Status, VisitValues, missing_item, missing_text
from crf_desktop.forms.visits import FOLLOW_UP_WEEKS, week_code

BASELINE: Final = "baseline"
#: The follow-up visits outcomes are derived for, in schedule order.
FOLLOW_UP_CODES: Final = tuple(week_code(week) for week in FOLLOW_UP_WEEKS)
#: Total remission timepoints (the trial's primary outcome: CR/PR at weeks 12 and 24).
REMISSION_WEEKS: Final = (12, 24)
NOT_RECORDED: Final = "visit not recorded"

CATEGORY_TEXT: Final[dict[str, Text]] = {
    "complete": Text(en="complete response", zh="完全缓解"),
    "partial": Text(en="partial response", zh="部分缓解"),
    "none": Text(en="no response", zh="未缓解"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Sri4Outcome:
    """SRI-4 at one visit: the status, the components when evaluable, else the missing items."""

    visit: str
    status: Status
    components: Sri4Result | None = None
    missing: tuple[str, ...] = ()

    def describe(self) -> Text:
        """One printable line in both languages."""
        return _describe("SRI-4", self.status, self.missing)


def number(value: Decimal) -> str:
    """A stored decimal as a person reads it: no exponent, no trailing zeros (``1.20`` → ``1.2``, 100 → ``100``)."""
    return f"{value.normalize():f}"


def _percent(value: Decimal) -> str:
    return str(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True, kw_only=True)
class RenalEvidence:
    """The values a renal response was decided on: UPCR (g/g) and serum creatinine (µmol/L) at baseline and at
    the visit (``None`` where not recorded)."""

    upcr_baseline_g_g: Decimal | None
    upcr_g_g: Decimal | None
    creatinine_baseline_umol_l: Decimal | None
    creatinine_umol_l: Decimal | None

    @property
    def upcr_change_percent(self) -> Decimal | None:
        """UPCR change from baseline in % (−66.7: down by two thirds); None without both values."""
        if self.upcr_g_g is None or not self.upcr_baseline_g_g:
            return None
        return (self.upcr_g_g - self.upcr_baseline_g_g) / self.upcr_baseline_g_g * 100

    @property
    def creatinine_percent_of_baseline(self) -> Decimal | None:
        """Creatinine as % of baseline (110: 10 % above); None without both values."""
        if self.creatinine_umol_l is None or not self.creatinine_baseline_umol_l:
            return None
        return self.creatinine_umol_l / self.creatinine_baseline_umol_l * 100

    def describe(self) -> Text:
        """``UPCR 3.2 → 1.1 g/g (−66 %); creatinine 80 → 88 µmol/L (110 % of baseline)``."""
        def pair(before: Decimal | None, after: Decimal | None, unit: str) -> str:
            return f"{'—' if before is None else number(before)} → {'—' if after is None else number(after)} {unit}"

        upcr = pair(self.upcr_baseline_g_g, self.upcr_g_g, "g/g")
        scr = pair(self.creatinine_baseline_umol_l, self.creatinine_umol_l, "µmol/L")
        change, share = self.upcr_change_percent, self.creatinine_percent_of_baseline
        upcr_en = upcr_zh = upcr
        if change is not None:
            sign = "+" if change > 0 else "−" if change < 0 else "±"
            upcr_en += f" ({sign}{_percent(abs(change))} %)"
            upcr_zh += f"（{sign}{_percent(abs(change))}%）"
        scr_en, scr_zh = scr, scr
        if share is not None:
            scr_en += f" ({_percent(share)} % of baseline)"
            scr_zh += f"（为基线的 {_percent(share)}%）"
        return Text(en=f"UPCR {upcr_en}; creatinine {scr_en}", zh=f"尿蛋白/肌酐比值 {upcr_zh}；血肌酐 {scr_zh}")


@dataclass(frozen=True, slots=True, kw_only=True)
class RenalOutcome:
    """The renal response at one visit under ``definition``: ``category`` complete / partial / none, or None
    (not evaluable, ``missing`` named). Complete or partial is a responder (total remission). ``evidence``: the
    deciding values (None when the baseline or the visit is not recorded)."""

    visit: str
    definition: str
    category: ResponseCategory | None
    missing: tuple[str, ...] = ()
    evidence: RenalEvidence | None = None

    @property
    def status(self) -> Status:
        if self.category is None:
            return Status.NOT_EVALUABLE
        return Status.NON_RESPONDER if self.category == "none" else Status.RESPONDER

    def describe(self) -> Text:
        """``partial response (KDIGO 2012): UPCR 3.2 → 1.1 g/g (−66 %); creatinine ...``, or
        ``KDIGO 2012: not evaluable: missing Week 12: Urine protein/creatinine ratio ...``."""
        if self.category is None:
            return _describe(self.definition, Status.NOT_EVALUABLE, self.missing)
        text = CATEGORY_TEXT[self.category]
        values = self.evidence.describe() if self.evidence is not None else Text(en="", zh="")
        return Text(en=f"{text.en} ({self.definition})" + (f": {values.en}" if values.en else ""),
                    zh=f"{text.zh}（{self.definition}）" + (f"：{values.zh}" if values.zh else ""))


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponseTime:
    """When a response was first seen: the visit, and days from the baseline visit date (None when either date
    is not recorded)."""

    visit: str
    days: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeToResponse:
    """Time to the first renal response under ``definition``.

    ``first_response``: first visit with a partial or complete response; ``first_partial``: first visit with a
    partial response (exactly); ``first_complete``: first complete response. None: not reached at any visit
    given. ``not_evaluable``: visits that were not evaluable (a response may have been missed there, so the
    time is an upper bound when any of them comes before it).
    """

    definition: str
    first_response: ResponseTime | None
    first_partial: ResponseTime | None
    first_complete: ResponseTime | None
    not_evaluable: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class VisitOutcome:
    """The outcomes at one follow-up visit."""

    visit: str
    days_from_baseline: int | None
    sri4: Sri4Outcome
    renal: RenalOutcome


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectOutcomes:
    """Everything derived for one subject: per visit, time to response, total remission at weeks 12 and 24."""

    subject: str
    definition: str
    visits: tuple[VisitOutcome, ...]
    time_to_response: TimeToResponse
    remission: tuple[RenalOutcome, ...]


def _describe(what: str, status: Status, missing: tuple[str, ...]) -> Text:
    text = STATUS_TEXT[status]
    if status is Status.NOT_EVALUABLE:
        listed = missing_text(missing)
        return Text(en=f"{what}: {text.en}: missing {listed.en}", zh=f"{what}：{text.zh}：缺少 {listed.zh}")
    return Text(en=f"{what}: {text.en}", zh=f"{what}：{text.zh}")


def _float(value: Decimal | int | None) -> float | None:
    return None if value is None else float(value)


def _sri4_missing(values: VisitValues) -> list[str]:
    missing = [] if values.sledai_total is not None else ["sledai_total"]
    missing += [bilag_form.grade_field_id(system) for system in BILAG_SYSTEMS if system not in values.bilag_grades]
    missing += [] if values.phga is not None else ["phga"]
    return [missing_item(values.visit, item) for item in missing]


def sri4_at(*, baseline: VisitValues | None, visit: VisitValues | None, visit_code: str = "") -> Sri4Outcome:
    """SRI-4 at ``visit`` against ``baseline`` (None: visit not recorded), or not evaluable naming what is missing.

    Needs at both visits: ``sledai_total`` (sledai form), the 9 ``bilag_<system>`` grades (bilag form) and
    ``phga`` (phga form). ``visit_code`` names an unrecorded visit.
    """
    code = visit.visit if visit is not None else visit_code
    missing = [missing_item(BASELINE, NOT_RECORDED)] if baseline is None else _sri4_missing(baseline)
    missing += [missing_item(code, NOT_RECORDED)] if visit is None else _sri4_missing(visit)
    if (
        missing
        or baseline is None
        or visit is None
        or baseline.sledai_total is None
        or visit.sledai_total is None
        or baseline.phga is None
        or visit.phga is None
    ):
        return Sri4Outcome(visit=code, status=Status.NOT_EVALUABLE, missing=tuple(missing))
    components = sri_4_components(
        sledai_baseline=baseline.sledai_total,
        sledai_visit=visit.sledai_total,
        bilag_baseline=baseline.bilag_grades,
        bilag_visit=visit.bilag_grades,
        pga_baseline=float(baseline.phga),
        pga_visit=float(visit.phga),
    )
    status = Status.RESPONDER if components.responder else Status.NON_RESPONDER
    return Sri4Outcome(visit=code, status=status, components=components)


#: assess_renal_response's argument names → (which visit, the item named as missing).
_RENAL_INPUTS: Final[dict[str, tuple[bool, str]]] = {
    "upcr_baseline_g_g": (True, "upcr_g_g"),
    "upcr_g_g": (False, "upcr_g_g"),
    "creatinine_baseline_umol_l": (True, "creatinine_umol_l"),
    "creatinine_umol_l": (False, "creatinine_umol_l"),
    "albumin_g_l": (False, "albumin_g_l"),
    "sediment_active": (False, "sediment_active"),
}


def renal_response_at(
    *,
    baseline: VisitValues | None,
    visit: VisitValues | None,
    visit_code: str = "",
    definition: str | RenalResponseDefinition = DEFAULT_RENAL_RESPONSE_DEFINITION,
) -> RenalOutcome:
    """The renal response at ``visit`` against ``baseline`` under ``definition`` (a name from
    ``RENAL_RESPONSE_DEFINITIONS``, default "KDIGO 2012"), or not evaluable naming what is missing.

    Needs ``upcr_g_g`` and ``creatinine_umol_l`` at both visits, plus ``albumin_g_l`` / ``sediment_active`` at
    the visit for definitions that use them. ``visit_code`` names an unrecorded visit.
    """
    rules = renal_response_definition(definition)
    code = visit.visit if visit is not None else visit_code
    if baseline is None or visit is None:
        missing = [missing_item(BASELINE, NOT_RECORDED)] if baseline is None else []
        missing += [missing_item(code, NOT_RECORDED)] if visit is None else []
        return RenalOutcome(visit=code, definition=rules.name, category=None, missing=tuple(missing))
    result = assess_renal_response(
        upcr_baseline_g_g=_float(baseline.upcr_g_g),
        upcr_g_g=_float(visit.upcr_g_g),
        creatinine_baseline_umol_l=_float(baseline.creatinine_umol_l),
        creatinine_umol_l=_float(visit.creatinine_umol_l),
        albumin_g_l=_float(visit.albumin_g_l),
        sediment_active=visit.sediment_active,
        definition=rules,
    )
    named = tuple(
        missing_item(baseline.visit if at_baseline else code, item)
        for at_baseline, item in (_RENAL_INPUTS[name] for name in result.missing)
    )
    evidence = RenalEvidence(upcr_baseline_g_g=baseline.upcr_g_g, upcr_g_g=visit.upcr_g_g,
                             creatinine_baseline_umol_l=baseline.creatinine_umol_l,
                             creatinine_umol_l=visit.creatinine_umol_l)
    return RenalOutcome(visit=code, definition=rules.name, category=result.category, missing=named,
                        evidence=evidence)


def days_from_baseline(baseline: VisitValues | None, visit: VisitValues | None) -> int | None:
    """Days from the baseline visit date to the visit date (None when either is not recorded)."""
    if baseline is None or visit is None or baseline.visit_date is None or visit.visit_date is None:
        return None
    return (visit.visit_date - baseline.visit_date).days


def _by_code(visits: Sequence[VisitValues]) -> dict[str, VisitValues]:
    found: dict[str, VisitValues] = {}
    for values in visits:
        if values.visit in found:
            raise ValueError(f"visits: visit {values.visit!r} is given twice")
        found[values.visit] = values
    return found


def time_to_response(
    outcomes: Sequence[RenalOutcome], *, baseline: VisitValues | None, visits: Sequence[VisitValues]
) -> TimeToResponse:
    """First partial-or-complete, first partial and first complete response among ``outcomes`` (in order),
    with the days from baseline taken from the visit dates."""
    recorded = _by_code(visits)
    definitions = {outcome.definition for outcome in outcomes}
    if len(definitions) > 1:
        raise ValueError(f"outcomes: mixed renal response definitions {sorted(definitions)}")

    def first(categories: tuple[str, ...]) -> ResponseTime | None:
        for outcome in outcomes:
            if outcome.category in categories:
                return ResponseTime(visit=outcome.visit, days=days_from_baseline(baseline, recorded.get(outcome.visit)))
        return None

    return TimeToResponse(
        definition=definitions.pop() if definitions else DEFAULT_RENAL_RESPONSE_DEFINITION,
        first_response=first(("partial", "complete")),
        first_partial=first(("partial",)),
        first_complete=first(("complete",)),
        not_evaluable=tuple(o.visit for o in outcomes if o.category is None),
    )


def subject_outcomes(
    *,
    subject: str,
    baseline: VisitValues | None,
    visits: Sequence[VisitValues],
    visit_codes: Sequence[str] = FOLLOW_UP_CODES,
    definition: str | RenalResponseDefinition = DEFAULT_RENAL_RESPONSE_DEFINITION,
    remission_weeks: Sequence[int] = REMISSION_WEEKS,
) -> SubjectOutcomes:
    """Every outcome of one subject.

    ``baseline``: the baseline visit's values (None when not recorded). ``visits``: the follow-up visits
    recorded, any order; ``visit_codes``: the visits to derive outcomes for, in order (default weeks 4-24); a
    code with no recorded visit is not evaluable ("week8: visit not recorded"). ``definition``: the renal
    response definition by name (default "KDIGO 2012"). Total remission = complete or partial renal response at
    each of ``remission_weeks`` (default 12 and 24).
    """
    rules = renal_response_definition(definition)
    recorded = _by_code(visits)
    rows: list[VisitOutcome] = []
    for code in visit_codes:
        values = recorded.get(code)
        rows.append(
            VisitOutcome(
                visit=code,
                days_from_baseline=days_from_baseline(baseline, values),
                sri4=sri4_at(baseline=baseline, visit=values, visit_code=code),
                renal=renal_response_at(baseline=baseline, visit=values, visit_code=code, definition=rules),
            )
        )
    renal = tuple(row.renal for row in rows)
    by_visit: Mapping[str, RenalOutcome] = {outcome.visit: outcome for outcome in renal}
    remission = tuple(
        by_visit.get(week_code(week))
        or renal_response_at(
            baseline=baseline, visit=recorded.get(week_code(week)), visit_code=week_code(week), definition=rules
        )
        for week in remission_weeks
    )
    return SubjectOutcomes(
        subject=subject,
        definition=rules.name,
        visits=tuple(rows),
        time_to_response=time_to_response(renal, baseline=baseline, visits=visits),
        remission=remission,
    )
