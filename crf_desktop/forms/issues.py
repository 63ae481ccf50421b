"""The catalogue of validation issues (pyxform's ``ErrorCode`` style).

Each code has a severity and message templates in English and Simplified Chinese that name the field (its
label) and what is wrong. Validation returns :class:`Issue` objects; it never raises for what a user typed.

Severities: ``error`` blocks saving; ``warning`` with ``needs_confirmation`` (the expected range) blocks until
the user confirms the value, and the confirmation is recorded; other warnings (a visit outside its window) are
recorded but do not block; ``info`` tells the user what happened (a value dropped because the field no longer
applies, a derived value that could not be computed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from crf_desktop.forms.model import Text


class Severity(StrEnum):
    """How much an issue matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class IssueCode(StrEnum):
    """Stable codes: exports, tests and translations refer to them."""

    REQUIRED = "CRF-REQUIRED"
    TYPE = "CRF-TYPE"
    PRECISION = "CRF-PRECISION"
    LENGTH = "CRF-LENGTH"
    CHOICE = "CRF-CHOICE"
    HARD_RANGE = "CRF-HARD-RANGE"
    EXPECTED_RANGE = "CRF-EXPECTED-RANGE"
    DATE_FUTURE = "CRF-DATE-FUTURE"
    DATE_BEFORE_CONSENT = "CRF-DATE-BEFORE-CONSENT"
    DATE_ORDER = "CRF-DATE-ORDER"
    PARTIAL_DATE = "CRF-PARTIAL-DATE"
    NOT_APPLICABLE = "CRF-NOT-APPLICABLE"
    DERIVED = "CRF-DERIVED"
    VISIT_WINDOW = "CRF-VISIT-WINDOW"
    INCONSISTENT = "CRF-INCONSISTENT"


@dataclass(frozen=True, kw_only=True)
class IssueKind:
    """A catalogue entry: severity, whether the user may confirm it away, and the message templates."""

    severity: Severity
    en: str
    zh: str
    needs_confirmation: bool = False


CATALOGUE: dict[IssueCode, IssueKind] = {
    IssueCode.REQUIRED: IssueKind(
        severity=Severity.ERROR, en="{label}: a value is required", zh="{label}：此项为必填项"
    ),
    IssueCode.TYPE: IssueKind(
        severity=Severity.ERROR,
        en="{label}: “{value}” is not {expected_en}",
        zh="{label}：“{value}”不是{expected_zh}",
    ),
    IssueCode.PRECISION: IssueKind(
        severity=Severity.ERROR,
        en="{label}: {value} has more than {precision} decimal place(s); round it to {precision}",
        zh="{label}：{value} 的小数位数超过 {precision} 位，请保留 {precision} 位小数",
    ),
    IssueCode.LENGTH: IssueKind(
        severity=Severity.ERROR,
        en="{label}: the text has {length} characters; at most {max_length} are allowed",
        zh="{label}：文字共 {length} 个字符，最多允许 {max_length} 个",
    ),
    IssueCode.CHOICE: IssueKind(
        severity=Severity.ERROR,
        en="{label}: “{value}” is not one of the choices ({choices_en})",
        zh="{label}：“{value}”不是可选项（{choices_zh}）",
    ),
    IssueCode.HARD_RANGE: IssueKind(
        severity=Severity.ERROR,
        en="{label}: {amount_en} is outside the possible range {range_en}",
        zh="{label}：{amount_zh} 超出可能范围 {range_zh}",
    ),
    IssueCode.EXPECTED_RANGE: IssueKind(
        severity=Severity.WARNING,
        needs_confirmation=True,
        en="{label}: {amount_en} is outside the expected range {range_en}; check it and confirm if it is correct",
        zh="{label}：{amount_zh} 超出预期范围 {range_zh}，请核实，如无误请确认",
    ),
    IssueCode.DATE_FUTURE: IssueKind(
        severity=Severity.ERROR,
        en="{label}: {value} is in the future (today is {today})",
        zh="{label}：{value} 晚于今天（{today}）",
    ),
    IssueCode.DATE_BEFORE_CONSENT: IssueKind(
        severity=Severity.ERROR,
        en="{label}: {value} is before the informed consent date {consent}",
        zh="{label}：{value} 早于知情同意日期 {consent}",
    ),
    IssueCode.DATE_ORDER: IssueKind(
        severity=Severity.ERROR,
        en="{label}: {value} is before {other_en} ({other_value})",
        zh="{label}：{value} 早于{other_zh}（{other_value}）",
    ),
    IssueCode.PARTIAL_DATE: IssueKind(
        severity=Severity.ERROR,
        en="{label}: “{value}” is not accepted: {reason_en}",
        zh="{label}：“{value}”不可接受：{reason_zh}",
    ),
    IssueCode.NOT_APPLICABLE: IssueKind(
        severity=Severity.INFO,
        en="{label}: “{value}” was not kept because the question does not apply ({condition_en})",
        zh="{label}：“{value}”未保存，因为此项不适用（{condition_zh}）",
    ),
    IssueCode.DERIVED: IssueKind(
        severity=Severity.INFO,
        en="{label}: cannot be calculated: {reason}",
        zh="{label}：无法计算：{reason}",
    ),
    IssueCode.INCONSISTENT: IssueKind(
        severity=Severity.ERROR, en="{label}: {reason_en}", zh="{label}：{reason_zh}"
    ),
    IssueCode.VISIT_WINDOW: IssueKind(
        severity=Severity.WARNING,
        en="{label}: the visit on {value} is {days} day(s) {side_en} its window ({earliest} to {latest}); "
        "protocol deviation",
        zh="{label}：访视日期 {value} {side_zh}访视窗 {days} 天（{earliest} 至 {latest}），属方案偏离",
    ),
}


@dataclass(frozen=True, kw_only=True)
class Issue:
    """One problem with one field (or visit): code, severity, message in both languages.

    ``value`` is what the message is about (the stored form of the value when it parsed, else the text typed);
    for an expected-range warning it is the value a confirmation must name. ``confirmed`` is true when the
    user has already confirmed it (the issue is kept so the confirmation is recorded, but it no longer blocks).
    """

    code: IssueCode
    field: str
    severity: Severity
    message: Text
    value: str = ""
    needs_confirmation: bool = False
    confirmed: bool = False

    @property
    def blocks_saving(self) -> bool:
        """Errors, and warnings that still need the user's confirmation."""
        return self.severity is Severity.ERROR or (self.needs_confirmation and not self.confirmed)


def shorten(text: str, limit: int = 40) -> str:
    """What the user typed, cut to ``limit`` characters for a message."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def make_issue(
    code: IssueCode,
    *,
    field: str,
    label: Text,
    value: str = "",
    confirmed: bool = False,
    params: Mapping[str, str] | None = None,
    **more: str,
) -> Issue:
    """Build an issue from the catalogue; ``params`` and ``more`` fill the template placeholders (worded
    parts come as ``_en``/``_zh`` pairs)."""
    kind = CATALOGUE[code]
    shown = shorten(value)
    params = {**(params or {}), **more}
    message = Text(
        en=kind.en.format(label=label.en, value=shown, **params),
        zh=kind.zh.format(label=label.zh, value=shown, **params),
    )
    return Issue(
        code=code,
        field=field,
        severity=kind.severity,
        message=message,
        value=value,
        needs_confirmation=kind.needs_confirmation,
        confirmed=confirmed,
    )
