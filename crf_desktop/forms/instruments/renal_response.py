"""Lupus nephritis renal response (complete / partial / none) as named, selectable rule sets.

Sources: clinical-rules.md section 6 (KDIGO 2012 GN guideline ch. 12 via Parikh SV et al. AJKD Core Curriculum
2020; EULAR/ERA-EDTA 2012, Bertsias GK et al. Ann Rheum Dis 2012;71:1771-82; ACR 2006, Arthritis Rheum
2006;54:421-32; Dutch SLE Working Group; KDIGO 2024; Liu Z et al. Ann Intern Med 2015) and DESIGN.md section
9, which fixes the default, "KDIGO 2012", as:

    complete = UPCR < 0.5 g/g and creatinine <= 110 % of baseline;
    partial  = not complete, UPCR down by >= 50 % from baseline (and < 3.0 g/g when baseline was >= 3.0 g/g)
               and creatinine <= 125 % of baseline;
    none     = otherwise.

Every rule set works on the UPCR in g/g and the serum creatinine relative to baseline; where a definition is
written for 24-h protein (Dutch, Liu 2015) the UPCR stands in for it, and where it speaks of GFR the
creatinine ratio stands in. Thresholds are decided in exact decimal arithmetic on the values as entered: a
creatinine of exactly 110 % of baseline is "<= 110 %", never lost to float noise.

The NCT03580291 protocol's own CR/PR definition could not be retrieved (section 6.6): the definition used is
printed with every result (``RenalResponseResult.describe``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from crf_desktop.forms.instruments import arguments
from crf_desktop.forms.instruments.arguments import CalculatorInputError

ResponseCategory = Literal["complete", "partial", "none"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RenalResponseDefinition:
    """A renal response rule set. Percentages are of the baseline value; UPCR in g/g; albumin in g/L.

    complete: UPCR < ``complete_upcr_g_g`` (<= when ``complete_upcr_inclusive``), creatinine <=
    ``complete_creatinine_max_percent`` of baseline, inactive sediment if ``requires_inactive_sediment``,
    albumin >= ``complete_albumin_min_g_l`` if set. partial (when not complete): UPCR reduced by >=
    ``partial_reduction_percent`` (> when ``partial_reduction_strict``); UPCR < ``partial_nephrotic_g_g`` if
    set (only when baseline was >= it if ``partial_nephrotic_only_if_baseline_nephrotic``); UPCR <=
    ``partial_upcr_max_g_g`` if set; creatinine <= ``partial_creatinine_max_percent`` of baseline; inactive
    sediment if ``partial_requires_inactive_sediment``; albumin >= ``partial_albumin_min_g_l`` if set.
    """

    name: str
    description: str
    source: str
    complete_upcr_g_g: Decimal
    complete_upcr_inclusive: bool = False
    complete_creatinine_max_percent: Decimal
    partial_reduction_percent: Decimal = Decimal(50)
    partial_reduction_strict: bool = False
    partial_nephrotic_g_g: Decimal | None = None
    partial_nephrotic_only_if_baseline_nephrotic: bool = False
    partial_upcr_max_g_g: Decimal | None = None
    partial_creatinine_max_percent: Decimal
    requires_inactive_sediment: bool = False
    partial_requires_inactive_sediment: bool = False
    complete_albumin_min_g_l: Decimal | None = None
    partial_albumin_min_g_l: Decimal | None = None

    @property
    def needs_albumin(self) -> bool:
        return self.complete_albumin_min_g_l is not None or self.partial_albumin_min_g_l is not None

    @property
    def needs_sediment(self) -> bool:
        return self.requires_inactive_sediment or self.partial_requires_inactive_sediment


KDIGO_2012 = RenalResponseDefinition(
    name="KDIGO 2012",
    description=(
        "KDIGO 2012: complete = UPCR < 0.5 g/g and creatinine <= 110 % of baseline; partial = UPCR down "
        ">= 50 % (and < 3.0 g/g if baseline >= 3.0 g/g) and creatinine <= 125 % of baseline; otherwise "
        "none"
    ),
    source="KDIGO GN guideline 2012 ch. 12 (Kidney Int Suppl 2012;2:139-274), per DESIGN.md §9",
    complete_upcr_g_g=Decimal("0.5"),
    complete_creatinine_max_percent=Decimal(110),
    partial_nephrotic_g_g=Decimal("3.0"),
    partial_nephrotic_only_if_baseline_nephrotic=True,
    partial_creatinine_max_percent=Decimal(125),
)
EULAR_2012 = RenalResponseDefinition(
    name="EULAR/ERA-EDTA 2012",
    description=(
        "EULAR/ERA-EDTA 2012: complete = UPCR < 0.5 g/g and creatinine <= 110 % of baseline; partial = "
        "UPCR down >= 50 % to < 3.0 g/g and creatinine <= 110 % of baseline; otherwise none"
    ),
    source="Bertsias GK et al. Ann Rheum Dis 2012;71:1771-82 (via AJKD 2020 table) [S]",
    complete_upcr_g_g=Decimal("0.5"),
    complete_creatinine_max_percent=Decimal(110),
    partial_nephrotic_g_g=Decimal("3.0"),
    partial_creatinine_max_percent=Decimal(110),
)
ACR_2006 = RenalResponseDefinition(
    name="ACR 2006",
    description=(
        "ACR 2006: complete = UPCR < 0.2 g/g, creatinine <= 110 % of baseline, inactive sediment; partial"
        " = UPCR down >= 50 % to <= 2.0 g/g, creatinine <= 125 % of baseline, inactive sediment; "
        "otherwise none (GFR criteria approximated by creatinine; primary paper not verified)"
    ),
    source="ACR Ad Hoc Committee, Arthritis Rheum 2006;54:421-32 (via AJKD 2020 table) [S]",
    complete_upcr_g_g=Decimal("0.2"),
    complete_creatinine_max_percent=Decimal(110),
    partial_upcr_max_g_g=Decimal("2.0"),
    partial_creatinine_max_percent=Decimal(125),
    requires_inactive_sediment=True,
    partial_requires_inactive_sediment=True,
)
DUTCH_SLE = RenalResponseDefinition(
    name="Dutch SLE Working Group",
    description=(
        "Dutch SLE Working Group: complete = proteinuria < 0.5 (UPCR g/g for g/24 h) and creatinine <= "
        "125 % of baseline; partial = proteinuria down > 50 % to < 3.0 and creatinine <= 125 % of "
        "baseline; otherwise none"
    ),
    source="Dutch SLE Working Group (AJKD Core Curriculum 2020 table) [S]",
    complete_upcr_g_g=Decimal("0.5"),
    complete_creatinine_max_percent=Decimal(125),
    partial_reduction_strict=True,
    partial_nephrotic_g_g=Decimal("3.0"),
    partial_creatinine_max_percent=Decimal(125),
)
KDIGO_2024 = RenalResponseDefinition(
    name="KDIGO 2024",
    description=(
        "KDIGO 2024 (post-dates the trial; unverified summary): complete = UPCR < 0.5 g/g and creatinine "
        "<= 115 % of baseline; partial = UPCR down >= 50 % to < 3.0 g/g and creatinine <= 115 % of "
        "baseline; otherwise none"
    ),
    source="KDIGO 2024 LN guideline (secondary summary only) [S]",
    complete_upcr_g_g=Decimal("0.5"),
    complete_creatinine_max_percent=Decimal(115),
    partial_nephrotic_g_g=Decimal("3.0"),
    partial_creatinine_max_percent=Decimal(115),
)
LIU_2015 = RenalResponseDefinition(
    name="Liu 2015 multitarget",
    description=(
        "Liu 2015 multitarget (UNVERIFIED, recalled): complete = proteinuria <= 0.4 (UPCR g/g for g/24 "
        "h), inactive sediment, albumin >= 35 g/L, creatinine <= 115 % of baseline; partial = proteinuria"
        " down >= 50 % to < 3.5, albumin >= 30 g/L, creatinine <= 115 % of baseline; otherwise none"
    ),
    source="Liu Z et al. Ann Intern Med 2015 (recalled, not verified; clinical-rules.md section 6.6) [M]",
    complete_upcr_g_g=Decimal("0.4"),
    complete_upcr_inclusive=True,
    complete_creatinine_max_percent=Decimal(115),
    partial_nephrotic_g_g=Decimal("3.5"),
    partial_creatinine_max_percent=Decimal(115),
    requires_inactive_sediment=True,
    complete_albumin_min_g_l=Decimal(35),
    partial_albumin_min_g_l=Decimal(30),
)
DEFAULT_RENAL_RESPONSE_DEFINITION: Final = KDIGO_2012.name
RENAL_RESPONSE_DEFINITIONS: Final[Mapping[str, RenalResponseDefinition]] = {
    definition.name: definition for definition in (KDIGO_2012, EULAR_2012, ACR_2006, DUTCH_SLE, KDIGO_2024, LIU_2015)
}


@dataclass(frozen=True, slots=True)
class RenalResponseResult:
    """A renal response, or "not evaluable" with the missing inputs named (never a silent non-response)."""

    definition: str
    category: ResponseCategory | None
    missing: tuple[str, ...] = ()

    @property
    def evaluable(self) -> bool:
        return self.category is not None

    def describe(self) -> str:
        """One printable line, e.g. "partial (KDIGO 2012)" or "not evaluable (KDIGO 2012): missing upcr_g_g"."""
        if self.category is None:
            return f"not evaluable ({self.definition}): missing {', '.join(self.missing)}"
        return f"{self.category} ({self.definition})"


def renal_response_definition(definition: str | RenalResponseDefinition) -> RenalResponseDefinition:
    """The rule set for a name in ``RENAL_RESPONSE_DEFINITIONS`` (or a custom definition, returned as is)."""
    if isinstance(definition, RenalResponseDefinition):
        return definition
    if not isinstance(definition, str) or definition not in RENAL_RESPONSE_DEFINITIONS:
        raise CalculatorInputError(
            "definition",
            f"definition {definition!r} is not a known renal response definition; "
            f"expected one of {', '.join(RENAL_RESPONSE_DEFINITIONS)}",
        )
    return RENAL_RESPONSE_DEFINITIONS[definition]


def _classify(
    rules: RenalResponseDefinition,
    *,
    upcr_baseline: Decimal,
    upcr: Decimal,
    creatinine_and_baseline: tuple[Decimal, Decimal],
    albumin: Decimal | None,
    sediment_active: bool | None,
) -> ResponseCategory:
    creatinine, creatinine_baseline = creatinine_and_baseline

    def creatinine_within(max_percent: Decimal) -> bool:
        return creatinine * 100 <= creatinine_baseline * max_percent

    def albumin_at_least(minimum: Decimal | None) -> bool:
        return minimum is None or (albumin is not None and albumin >= minimum)

    if rules.complete_upcr_inclusive:
        complete_upcr = upcr <= rules.complete_upcr_g_g
    else:
        complete_upcr = upcr < rules.complete_upcr_g_g
    if (
        complete_upcr
        and creatinine_within(rules.complete_creatinine_max_percent)
        and not (rules.requires_inactive_sediment and sediment_active)
        and albumin_at_least(rules.complete_albumin_min_g_l)
    ):
        return "complete"

    remaining = upcr_baseline * (100 - rules.partial_reduction_percent)
    reduced = upcr * 100 < remaining if rules.partial_reduction_strict else upcr * 100 <= remaining
    nephrotic_ok = True
    if rules.partial_nephrotic_g_g is not None and (
        not rules.partial_nephrotic_only_if_baseline_nephrotic or upcr_baseline >= rules.partial_nephrotic_g_g
    ):
        nephrotic_ok = upcr < rules.partial_nephrotic_g_g
    if (
        reduced
        and nephrotic_ok
        and (rules.partial_upcr_max_g_g is None or upcr <= rules.partial_upcr_max_g_g)
        and creatinine_within(rules.partial_creatinine_max_percent)
        and not (rules.partial_requires_inactive_sediment and sediment_active)
        and albumin_at_least(rules.partial_albumin_min_g_l)
    ):
        return "partial"
    return "none"


def assess_renal_response(
    *,
    upcr_baseline_g_g: float | None,
    upcr_g_g: float | None,
    creatinine_baseline_umol_l: float | None,
    creatinine_umol_l: float | None,
    albumin_g_l: float | None = None,
    sediment_active: bool | None = None,
    definition: str | RenalResponseDefinition = DEFAULT_RENAL_RESPONSE_DEFINITION,
) -> RenalResponseResult:
    """Renal response under a named rule set, or "not evaluable" naming each missing input.

    None means "not recorded": the result is then not evaluable and ``missing`` names every input the
    definition needs that is None (albumin and sediment only for definitions that use them). Impossible values
    that are present still raise ValueError naming the argument (UPCR baseline must be > 0, UPCR >= 0,
    creatinine > 0, albumin > 0). Sources: see the module docstring (clinical-rules.md section 6; DESIGN.md
    section 9).
    """
    rules = renal_response_definition(definition)
    needed: dict[str, object] = {
        "upcr_baseline_g_g": upcr_baseline_g_g,
        "upcr_g_g": upcr_g_g,
        "creatinine_baseline_umol_l": creatinine_baseline_umol_l,
        "creatinine_umol_l": creatinine_umol_l,
    }
    if rules.needs_albumin:
        needed["albumin_g_l"] = albumin_g_l
    if rules.needs_sediment:
        needed["sediment_active"] = sediment_active
    # Check every value that is present first, so an impossible value is refused even when another is missing.
    upcr_bl = None if upcr_baseline_g_g is None else arguments.positive_exact("upcr_baseline_g_g", upcr_baseline_g_g)
    upcr = None if upcr_g_g is None else arguments.non_negative_exact("upcr_g_g", upcr_g_g)
    creat_bl = (
        None
        if creatinine_baseline_umol_l is None
        else arguments.positive_exact("creatinine_baseline_umol_l", creatinine_baseline_umol_l)
    )
    creat = None if creatinine_umol_l is None else arguments.positive_exact("creatinine_umol_l", creatinine_umol_l)
    albumin = None if albumin_g_l is None else arguments.positive_exact("albumin_g_l", albumin_g_l)
    sediment = None if sediment_active is None else arguments.flag("sediment_active", sediment_active)

    missing = tuple(name for name, value in needed.items() if value is None)
    if missing or upcr_bl is None or upcr is None or creat_bl is None or creat is None:
        return RenalResponseResult(definition=rules.name, category=None, missing=missing)
    category = _classify(
        rules,
        upcr_baseline=upcr_bl,
        upcr=upcr,
        creatinine_and_baseline=(creat, creat_bl),
        albumin=albumin,
        sediment_active=sediment,
    )
    return RenalResponseResult(definition=rules.name, category=category)


def renal_response(
    *,
    upcr_baseline_g_g: float,
    upcr_g_g: float,
    creatinine_baseline_umol_l: float,
    creatinine_umol_l: float,
    definition: str = DEFAULT_RENAL_RESPONSE_DEFINITION,
) -> str:
    """Renal response "complete" | "partial" | "none" under ``definition`` (default KDIGO 2012, DESIGN.md §9).

    KDIGO 2012 as operationalised in DESIGN.md section 9: complete = UPCR < 0.5 g/g and creatinine <= 110 % of
    baseline; partial = not complete, UPCR down >= 50 % (and < 3.0 g/g when baseline >= 3.0 g/g) and
    creatinine <= 125 % of baseline; otherwise none. Other rule sets: ``RENAL_RESPONSE_DEFINITIONS``
    (clinical-rules.md section 6). Missing (None) or impossible input raises ValueError naming the argument; a
    definition that also needs serum albumin or the urinary sediment must go through
    :func:`assess_renal_response`.
    """
    rules = renal_response_definition(definition)
    if rules.needs_albumin or rules.needs_sediment:
        extra = [
            name
            for name, needed in (
                ("albumin_g_l", rules.needs_albumin),
                ("sediment_active", rules.needs_sediment),
            )
            if needed
        ]
        raise CalculatorInputError(
            "definition",
            f"definition {rules.name!r} also needs {', '.join(extra)}; use assess_renal_response()",
        )
    result = assess_renal_response(
        upcr_baseline_g_g=upcr_baseline_g_g,
        upcr_g_g=upcr_g_g,
        creatinine_baseline_umol_l=creatinine_baseline_umol_l,
        creatinine_umol_l=creatinine_umol_l,
        definition=rules,
    )
    if result.category is None:
        first = result.missing[0]
        raise CalculatorInputError(
            first, f"{', '.join(result.missing)} must be given to compute the renal response, got None"
        )
    return result.category
