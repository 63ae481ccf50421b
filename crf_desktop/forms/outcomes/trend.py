"""The subject's trend chart, as data: one definition that the Qt view and the PDF both render.

Series (DESIGN.md section 9 outcomes and the renal/serological markers behind them): UPCR, eGFR, serum
albumin, C3, C4, anti-dsDNA, SLEDAI-2K and PhGA over the visits, each with its name (en/zh), unit and one
value per visit (None where not recorded). No drawing library here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from crf_desktop.forms.model import Text, same
from crf_desktop.forms.outcomes.response import BASELINE, days_from_baseline
from crf_desktop.forms.outcomes.values import VisitValues
from crf_desktop.forms.visits import SCHEDULE

TREND_CHART_ID: Final = "subject_trend"
ChartValue = Decimal | int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SeriesSpec:
    """What a series shows: key, name, unit and where its value comes from."""

    key: str
    name: Text
    unit: Text
    read: Callable[[VisitValues], ChartValue]


@dataclass(frozen=True, slots=True, kw_only=True)
class TrendSeries:
    """One line of the chart: one value per chart visit (None where not recorded)."""

    key: str
    name: Text
    unit: Text
    values: tuple[ChartValue, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TrendChart:
    """The chart: visits along the x axis (codes, labels, days from baseline) and the series."""

    id: str
    title: Text
    visits: tuple[str, ...]
    visit_labels: tuple[Text, ...]
    days: tuple[int | None, ...]
    series: tuple[TrendSeries, ...]

    def get(self, key: str) -> TrendSeries:
        """The series ``key``; ``KeyError`` naming it when absent."""
        for series in self.series:
            if series.key == key:
                return series
        raise KeyError(f"the trend chart has no series {key!r}")


TREND_SERIES: Final = (
    SeriesSpec(
        key="upcr",
        name=Text(en="Urine protein/creatinine ratio", zh="尿蛋白/肌酐比值"),
        unit=same("g/g"),
        read=lambda v: v.upcr_g_g,
    ),
    SeriesSpec(
        key="egfr", name=Text(en="eGFR", zh="估算肾小球滤过率"), unit=same("mL/min/1.73 m²"), read=lambda v: v.egfr
    ),
    SeriesSpec(
        key="albumin", name=Text(en="Serum albumin", zh="血清白蛋白"), unit=same("g/L"), read=lambda v: v.albumin_g_l
    ),
    SeriesSpec(key="c3", name=Text(en="Complement C3", zh="补体 C3"), unit=same("g/L"), read=lambda v: v.c3_g_l),
    SeriesSpec(key="c4", name=Text(en="Complement C4", zh="补体 C4"), unit=same("g/L"), read=lambda v: v.c4_g_l),
    SeriesSpec(
        key="anti_dsdna",
        name=Text(en="Anti-dsDNA antibody", zh="抗 dsDNA 抗体"),
        unit=same("IU/mL"),
        read=lambda v: v.anti_dsdna_iu_ml,
    ),
    SeriesSpec(
        key="sledai",
        name=Text(en="SLEDAI-2K", zh="SLEDAI-2K"),
        unit=Text(en="points", zh="分"),
        read=lambda v: v.sledai_total,
    ),
    SeriesSpec(
        key="phga",
        name=Text(en="Physician global assessment", zh="医生总体评估"),
        unit=Text(en="0-3", zh="0-3"),
        read=lambda v: v.phga,
    ),
)


def _label(code: str) -> Text:
    try:
        return SCHEDULE.visit(code).label
    except KeyError:
        return same(code)


def trend_chart(visits: Sequence[VisitValues], *, visit_labels: Mapping[str, Text] | None = None) -> TrendChart:
    """The trend chart of one subject over ``visits`` (in the order given, baseline first as a rule).

    Labels come from the visit schedule unless ``visit_labels`` gives them; days from the baseline visit date
    (the visit with code ``baseline``), None where a date is missing.
    """
    labels = visit_labels or {}
    baseline = next((v for v in visits if v.visit == BASELINE), None)
    return TrendChart(
        id=TREND_CHART_ID,
        title=Text(en="Disease activity and renal markers over time", zh="疾病活动度与肾脏指标随时间变化"),
        visits=tuple(v.visit for v in visits),
        visit_labels=tuple(labels.get(v.visit) or _label(v.visit) for v in visits),
        days=tuple(days_from_baseline(baseline, v) for v in visits),
        series=tuple(
            TrendSeries(key=spec.key, name=spec.name, unit=spec.unit, values=tuple(spec.read(v) for v in visits))
            for spec in TREND_SERIES
        ),
    )


def chart_value_text(value: ChartValue) -> str:
    """A value as written on the chart: the stored digits without trailing zeros (3.200 → 3.2; 2.0 stays 2.0)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        exponent = value.as_tuple().exponent
        return text + ".0" if "." not in text and isinstance(exponent, int) and exponent < 0 else text
    return str(value)


def short_visit(code: str, lang: str) -> str:
    """A visit's short axis label: ``BL``, ``W12`` (``基线``, ``12周``), the same on screen and paper."""
    if code == "baseline":
        return "基线" if lang == "zh" else "BL"
    if code == "screening":
        return "筛选" if lang == "zh" else "Scr"
    if code.startswith("week") and code[4:].isdigit():
        return f"{code[4:]}周" if lang == "zh" else f"W{code[4:]}"
    return code
