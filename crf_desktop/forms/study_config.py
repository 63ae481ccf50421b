"""The study configuration: the choices the protocol leaves to the coordinating centre.

The centre issues it to each site in the signed enrolment file (DESIGN.md section 6); the site stores it and
every calculation that depends on it reads it from there, and names it on its result. Until a site has an
enrolment file, :data:`DEFAULT_STUDY_CONFIGURATION` applies (±7-day windows, KDIGO 2012, 10-day SLEDAI window,
proteinuria and creatinine not graded as adverse events).

``to_dict``/``from_dict`` give the JSON form carried in the enrolment file; ``from_dict`` refuses anything it
does not understand with a message naming the key, so a damaged or foreign file never half-applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crf_desktop.forms.instruments.renal_response import RENAL_RESPONSE_DEFINITIONS, renal_response_definition
from crf_desktop.forms.model import Text
from crf_desktop.forms.schedule import StudyConfig, Window

FORMAT_VERSION = 1
RENAL_DEFINITIONS = tuple(RENAL_RESPONSE_DEFINITIONS)
EGFR_EQUATIONS = ("CKD-EPI 2009", "CKD-EPI 2021")


@dataclass(frozen=True, kw_only=True)
class StudyConfiguration:
    """Visit windows, the renal response definition, the SLEDAI-2K window, AE grading options."""

    schedule: StudyConfig = field(default_factory=StudyConfig)
    renal_definition: str = "KDIGO 2012"
    egfr_equation: str = "CKD-EPI 2009"
    sledai_window_days: int = 10
    grade_disease_measures_as_ae: bool = False  # proteinuria and creatinine increased (clinical-rules.md §8)

    def __post_init__(self) -> None:
        if self.renal_definition not in RENAL_DEFINITIONS:
            raise ValueError(f"renal_definition: {self.renal_definition!r} is not one of "
                             f"{', '.join(RENAL_DEFINITIONS)}")
        if self.egfr_equation not in EGFR_EQUATIONS:
            raise ValueError(f"egfr_equation: {self.egfr_equation!r} is not one of {', '.join(EGFR_EQUATIONS)}")
        if not 1 <= self.sledai_window_days <= 30:
            raise ValueError(f"sledai_window_days: {self.sledai_window_days} is outside 1-30 days")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (as carried in the enrolment file)."""
        return {
            "format": FORMAT_VERSION,
            "visit_window_days": {"before": self.schedule.default_window.before,
                                  "after": self.schedule.default_window.after},
            "visit_windows": {code: {"before": w.before, "after": w.after}
                              for code, w in sorted(self.schedule.windows.items())},
            "renal_definition": self.renal_definition,
            "egfr_equation": self.egfr_equation,
            "sledai_window_days": self.sledai_window_days,
            "grade_disease_measures_as_ae": self.grade_disease_measures_as_ae,
        }

    def describe(self) -> tuple[tuple[Text, Text], ...]:
        """Each setting as (name, value) in English and Chinese, for the "Study configuration" view and audit."""
        default = self.schedule.default_window
        overrides = "; ".join(f"{code} −{w.before}/+{w.after}" for code, w in sorted(self.schedule.windows.items()))
        windows = f"−{default.before}/+{default.after} days" + (f" ({overrides})" if overrides else "")
        windows_zh = f"前 {default.before} 天 / 后 {default.after} 天" + (f"（{overrides}）" if overrides else "")
        grade = self.grade_disease_measures_as_ae
        return (
            (Text(en="Visit window (follow-up visits)", zh="访视时间窗（随访）"), Text(en=windows, zh=windows_zh)),
            (Text(en="Renal response definition", zh="肾脏缓解定义"),
             Text(en=renal_response_definition(self.renal_definition).description, zh=self.renal_definition)),
            (Text(en="eGFR equation", zh="eGFR 计算公式"), Text(en=self.egfr_equation, zh=self.egfr_equation)),
            (Text(en="SLEDAI-2K window", zh="SLEDAI-2K 评估时间窗"),
             Text(en=f"{self.sledai_window_days} days before the visit", zh=f"访视前 {self.sledai_window_days} 天")),
            (Text(en="Proteinuria and creatinine graded as adverse events", zh="蛋白尿及肌酐升高按不良事件分级"),
             Text(en="yes" if grade else "no (disease measures of lupus nephritis)",
                  zh="是" if grade else "否（狼疮肾炎的疾病指标）")),
        )

    def summary(self) -> str:
        """One line in English (for the audit trail)."""
        default = self.schedule.default_window
        overrides = "".join(f", {code} -{w.before}/+{w.after}" for code, w in sorted(self.schedule.windows.items()))
        return (f"visit window -{default.before}/+{default.after} days{overrides}; renal response "
                f"{self.renal_definition}; eGFR {self.egfr_equation}; SLEDAI-2K window {self.sledai_window_days} days; "
                f"disease measures graded as AE: {'yes' if self.grade_disease_measures_as_ae else 'no'}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StudyConfiguration:
        """Read the JSON form; ``ValueError`` naming the key for anything missing, unknown or out of range."""
        if not isinstance(data, Mapping):
            raise ValueError("study configuration: expected a JSON object")
        known = {"format", "visit_window_days", "visit_windows", "renal_definition", "egfr_equation",
                 "sledai_window_days", "grade_disease_measures_as_ae"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"study configuration: unknown key(s) {', '.join(unknown)}")
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"study configuration: format {data.get('format')!r} is not supported "
                             f"(this version reads format {FORMAT_VERSION})")
        default = _window(data.get("visit_window_days", {"before": 7, "after": 7}), "visit_window_days")
        windows_raw = data.get("visit_windows", {})
        if not isinstance(windows_raw, Mapping):
            raise ValueError("study configuration: visit_windows must map visit codes to windows")
        windows = {str(code): _window(value, f"visit_windows.{code}") for code, value in windows_raw.items()}
        sledai = data.get("sledai_window_days", 10)
        grade = data.get("grade_disease_measures_as_ae", False)
        if not isinstance(sledai, int) or isinstance(sledai, bool):
            raise ValueError("study configuration: sledai_window_days must be a whole number of days")
        if not isinstance(grade, bool):
            raise ValueError("study configuration: grade_disease_measures_as_ae must be true or false")
        return cls(schedule=StudyConfig(default_window=default, windows=windows),
                   renal_definition=str(data.get("renal_definition", "KDIGO 2012")),
                   egfr_equation=str(data.get("egfr_equation", "CKD-EPI 2009")),
                   sledai_window_days=sledai, grade_disease_measures_as_ae=grade)


def _window(value: Any, key: str) -> Window:
    if not isinstance(value, Mapping) or set(value) != {"before", "after"}:
        raise ValueError(f"study configuration: {key} must be {{\"before\": days, \"after\": days}}")
    before, after = value["before"], value["after"]
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 60 for v in (before, after)):
        raise ValueError(f"study configuration: {key} days must be whole numbers from 0 to 60")
    return Window(before=before, after=after)


DEFAULT_STUDY_CONFIGURATION = StudyConfiguration()
