"""Validation: what the user typed, plus context, in; parsed values and issues out. Never raises for user text.

Relevance (documented decision): a field whose condition does not hold is *not applicable*. It is neither
required nor validated, its value is dropped (``None`` in :attr:`Result.values`), and when the user had typed
something into it an informational ``CRF-NOT-APPLICABLE`` issue says that the text was not kept, so the store can
audit the clearing and the UI can tell the user. Conditions and derived values read only fields declared
before them (checked at load), so one pass in declaration order settles relevance.

Expected ranges: a value outside the expected range gives a ``CRF-EXPECTED-RANGE`` warning that blocks saving
until confirmed. A confirmation names the field and the stored text of the confirmed value
(``Context.confirmed = {"weight_kg": "180.0"}``), so changing the value asks again. A confirmed warning stays
in the issues with ``confirmed=True`` so the confirmation is recorded (:attr:`Result.confirmations`).

Dates: a date after ``Context.today`` is refused unless the field allows it; a date certainly before the
consent date is refused where the field says so; ``not_before`` pairs are compared conservatively for partial
dates: an error only when the date is certainly before the other (its latest possible day is before the
other's earliest possible day).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from crf_desktop.core.clock import utcnow
from crf_desktop.forms.conditions import instruction
from crf_desktop.forms.dates import PartialDate, normalise
from crf_desktop.forms.issues import Issue, IssueCode, Severity, make_issue
from crf_desktop.forms.model import DATE_TYPES, Derived, Field, Form, Value
from crf_desktop.forms.parsing import ParseError, parse_value, to_text


def local_today() -> date:
    """Today's date on the site's clock (local time, from the one clock in :mod:`crf_desktop.core.clock`)."""
    return utcnow().astimezone().date()


@dataclass(frozen=True, kw_only=True)
class Context:
    """What validation needs besides the typed text.

    ``today``: the site's current date. ``consent_date``: the subject's informed consent date, when known.
    ``confirmed``: expected-range confirmations, field id -> stored text of the value the user confirmed.
    ``subject``: values from the subject's other forms (names in :mod:`crf_desktop.forms.context_names`).
    """

    today: date
    consent_date: date | None = None
    confirmed: Mapping[str, str] = field(default_factory=dict)
    subject: Mapping[str, Value | None] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Result:
    """The outcome of validating one form record.

    ``values`` holds every field of the form: the parsed value, or ``None`` when empty, invalid or not
    applicable; derived fields hold their computed value. ``not_applicable`` lists fields whose condition
    does not hold.
    """

    form: str
    values: Mapping[str, Value | None]
    issues: tuple[Issue, ...]
    not_applicable: frozenset[str]

    @property
    def ok(self) -> bool:
        """Whether the record may be saved: no error and no unconfirmed expected-range warning."""
        return not any(issue.blocks_saving for issue in self.issues)

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Issues of severity error."""
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)

    @property
    def unconfirmed(self) -> tuple[Issue, ...]:
        """Warnings the user still has to confirm."""
        return tuple(i for i in self.issues if i.needs_confirmation and not i.confirmed)

    @property
    def confirmations(self) -> Mapping[str, str]:
        """The confirmations that were used (field id -> confirmed value): record these with the data."""
        return {i.field: i.value for i in self.issues if i.needs_confirmation and i.confirmed}

    def issues_for(self, field_id: str) -> tuple[Issue, ...]:
        """The issues of one field."""
        return tuple(i for i in self.issues if i.field == field_id)

    def stored(self) -> dict[str, str]:
        """Every applicable value, derived ones included, in its stored text form (see ``parsing.to_text``)."""
        return {k: to_text(v) for k, v in self.values.items() if v is not None and k not in self.not_applicable}


def validate(form: Form, raw: Mapping[str, str | None], context: Context) -> Result:
    """Validate one record of ``form`` from the text typed per field id (absent ids count as empty).

    Text for unknown ids and for derived fields is ignored. Never raises for anything typed.
    """
    values: dict[str, Value | None] = {}
    issues: list[Issue] = []
    hidden: set[str] = set()
    parsed: set[str] = set()
    for f in form.fields:
        text = raw.get(f.id) or ""
        if f.relevant is not None and not f.relevant.evaluate(values):
            hidden.add(f.id)
            values[f.id] = None
            if not f.is_derived and _typed_something(f, text):
                condition = instruction(f.relevant, form)
                issues.append(
                    make_issue(
                        IssueCode.NOT_APPLICABLE, field=f.id, label=f.label, value=text,
                        condition_en=condition.en, condition_zh=condition.zh,
                    )
                )
            continue
        if f.derived is not None:
            values[f.id] = _derive(f, f.derived, values, context, issues)
            continue
        try:
            values[f.id] = _refuse_impossible(f, parse_value(f, text), text)
            parsed.add(f.id)
        except ParseError as exc:
            values[f.id] = None
            issues.append(make_issue(exc.code, field=f.id, label=f.label, value=text, params=exc.params))
    for f in form.fields:
        if f.id in parsed:
            issues.extend(_check(form, f, values, raw.get(f.id) or "", context))
    for rule in form.rules:
        issues.extend(rule(values))
    return Result(form=form.id, values=values, issues=tuple(issues), not_applicable=frozenset(hidden))


def _typed_something(f: Field, text: str) -> bool:
    """Whether the text holds an answer (an unticked checkbox holds none)."""
    try:
        value = parse_value(f, text)
    except ParseError:
        return True
    return value is not None and value is not False


def _derive(
    f: Field, derived: Derived, values: Mapping[str, Value | None], context: Context, issues: list[Issue]
) -> Value | None:
    inputs: dict[str, Value | None] = {name: values.get(name) for name in derived.inputs}
    known: dict[str, Value | None] = {"consent_date": context.consent_date, "today": context.today,
                                      **context.subject}
    inputs.update({name: known.get(name) for name in derived.context})
    try:
        return derived.function(inputs)
    except (ValueError, ArithmeticError) as exc:
        issues.append(make_issue(IssueCode.DERIVED, field=f.id, label=f.label, reason=str(exc)))
        return None


def _check(
    form: Form, f: Field, values: Mapping[str, Value | None], raw_text: str, context: Context
) -> list[Issue]:
    value = values[f.id]
    if value is None:
        if f.required:
            return [make_issue(IssueCode.REQUIRED, field=f.id, label=f.label)]
        return []
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return _check_expected(f, value, raw_text, context)
    if f.type in DATE_TYPES and isinstance(value, date | PartialDate):
        return _check_date(form, f, value, values, context)
    return []


def _amounts(f: Field, typed: str) -> dict[str, str]:
    shown = normalise(typed)
    return {"amount_en": f"{shown} {f.unit_text('en')}".strip(), "amount_zh": f"{shown} {f.unit_text('zh')}".strip()}


def _refuse_impossible(f: Field, value: Value | None, typed: str) -> Value | None:
    """A number outside the hard range is refused like a typing error: ``ParseError``, and no value."""
    if f.hard_range is None or not isinstance(value, int | Decimal) or isinstance(value, bool):
        return value
    if f.hard_range.contains(value):
        return value
    raise ParseError(
        IssueCode.HARD_RANGE,
        range_en=f.hard_range.describe(f.unit_text("en")),
        range_zh=f.hard_range.describe(f.unit_text("zh")),
        **_amounts(f, typed),
    )


def _check_expected(f: Field, value: int | Decimal, typed: str, context: Context) -> list[Issue]:
    if f.expected_range is None or f.expected_range.contains(value):
        return []
    stored = to_text(value)
    params = _amounts(f, typed)
    params.update(
        range_en=f.expected_range.describe(f.unit_text("en")), range_zh=f.expected_range.describe(f.unit_text("zh"))
    )
    confirmed = context.confirmed.get(f.id) == stored
    return [
        make_issue(
            IssueCode.EXPECTED_RANGE, field=f.id, label=f.label, value=stored, confirmed=confirmed, params=params
        )
    ]


def _span(value: date | PartialDate) -> tuple[date, date]:
    if isinstance(value, PartialDate):
        return value.earliest(), value.latest()
    return value, value


def _shown(value: date | PartialDate) -> str:
    return value.iso() if isinstance(value, PartialDate) else value.isoformat()


def _check_date(
    form: Form, f: Field, value: date | PartialDate, values: Mapping[str, Value | None], context: Context
) -> list[Issue]:
    earliest, latest = _span(value)
    shown = _shown(value)
    found: list[Issue] = []
    if not f.allow_future and earliest > context.today:
        found.append(make_issue(IssueCode.DATE_FUTURE, field=f.id, label=f.label, value=shown,
                                today=context.today.isoformat()))
    if f.not_before_consent and context.consent_date is not None and latest < context.consent_date:
        found.append(make_issue(IssueCode.DATE_BEFORE_CONSENT, field=f.id, label=f.label, value=shown,
                                consent=context.consent_date.isoformat()))
    for other_id in f.not_before:
        other = values.get(other_id)
        if isinstance(other, date | PartialDate) and latest < _span(other)[0]:
            other_label = form.field(other_id).label
            found.append(make_issue(IssueCode.DATE_ORDER, field=f.id, label=f.label, value=shown,
                                    other_en=other_label.en, other_zh=other_label.zh, other_value=_shown(other)))
    return found

