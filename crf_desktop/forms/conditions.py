"""Relevance conditions as small data objects (clinicedc's ``P("sex", "eq", "F")``), never strings or lambdas.

A condition can be evaluated against a form's values, asked which fields it reads (checked at load), and
printed as an instruction in English and Chinese ("if Sex = Female and Childbearing potential = Yes").
Combine with ``&``, ``|`` and ``~`` (or :func:`all_of`, :func:`any_of`, :func:`not_`).

Missing values: a comparison with a missing (``None``) value is false, except ``empty``; so a field that
depends on an unanswered question stays hidden until it is answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from crf_desktop.forms.model import Form, Text, Value

#: A constant a condition compares with: a code (choice, yes/no), a number, a checkbox state, or a set of
#: codes for ``in``.
Constant = str | int | Decimal | bool | tuple[str, ...] | None


class Op(StrEnum):
    """Comparison operators."""

    EQ = "eq"  # equals (a code, a number, a checkbox state)
    NE = "ne"  # answered and different
    IN = "in"  # one of the codes given
    HAS = "has"  # a multi-choice answer includes the code
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    FILLED = "filled"  # answered
    EMPTY = "empty"  # not answered


NUMERIC_OPS = frozenset({Op.GT, Op.GE, Op.LT, Op.LE})
_SYMBOL = {Op.EQ: "=", Op.NE: "≠", Op.GT: ">", Op.GE: "≥", Op.LT: "<", Op.LE: "≤"}


class Condition:
    """Base of all conditions."""

    def evaluate(self, values: Mapping[str, Value | None]) -> bool:
        """Whether the condition holds for ``values`` (field id -> parsed value)."""
        raise NotImplementedError

    def references(self) -> frozenset[str]:
        """The field ids the condition reads."""
        raise NotImplementedError

    def comparisons(self) -> tuple[Compare, ...]:
        """Every leaf comparison (for load checks)."""
        raise NotImplementedError

    def describe(self, form: Form) -> Text:
        """The condition as words, with the form's labels."""
        raise NotImplementedError

    def __and__(self, other: Condition) -> Condition:
        return All(conditions=(self, other))

    def __or__(self, other: Condition) -> Condition:
        return AnyOf(conditions=(self, other))

    def __invert__(self) -> Condition:
        return Not(condition=self)


@dataclass(frozen=True, kw_only=True)
class Compare(Condition):
    """``field op value``."""

    field: str
    op: Op
    value: Constant = None

    def evaluate(self, values: Mapping[str, Value | None]) -> bool:
        actual = values.get(self.field)
        if self.op is Op.EMPTY:
            return actual is None
        if actual is None:
            return False
        if self.op is Op.FILLED:
            return True
        if self.op is Op.EQ:
            return _equal(actual, self.value)
        if self.op is Op.NE:
            return not _equal(actual, self.value)
        if self.op is Op.IN:
            return isinstance(self.value, tuple) and actual in self.value
        if self.op is Op.HAS:
            return isinstance(actual, tuple) and self.value in actual
        return _ordered(actual, self.op, self.value)

    def references(self) -> frozenset[str]:
        return frozenset({self.field})

    def comparisons(self) -> tuple[Compare, ...]:
        return (self,)

    def describe(self, form: Form) -> Text:
        label = form.field(self.field).label
        if self.op is Op.FILLED:
            return Text(en=f"{label.en} is answered", zh=f"{label.zh}已填写")
        if self.op is Op.EMPTY:
            return Text(en=f"{label.en} is not answered", zh=f"{label.zh}未填写")
        if self.op is Op.IN:
            codes = self.value if isinstance(self.value, tuple) else ()
            names = [_value_text(form, self.field, code) for code in codes]
            return Text(
                en=f"{label.en} is one of: " + ", ".join(n.en for n in names),
                zh=f"{label.zh}为以下之一：" + "、".join(n.zh for n in names),
            )
        shown = _value_text(form, self.field, self.value)
        if self.op is Op.HAS:
            return Text(en=f"{label.en} includes {shown.en}", zh=f"{label.zh}包括{shown.zh}")
        symbol = _SYMBOL[self.op]
        return Text(en=f"{label.en} {symbol} {shown.en}", zh=f"{label.zh} {symbol} {shown.zh}")


@dataclass(frozen=True, kw_only=True)
class All(Condition):
    """Every condition holds."""

    conditions: tuple[Condition, ...]

    def evaluate(self, values: Mapping[str, Value | None]) -> bool:
        return all(c.evaluate(values) for c in self.conditions)

    def references(self) -> frozenset[str]:
        return frozenset().union(*(c.references() for c in self.conditions))

    def comparisons(self) -> tuple[Compare, ...]:
        return tuple(leaf for c in self.conditions for leaf in c.comparisons())

    def describe(self, form: Form) -> Text:
        return _join(form, self.conditions, en=" and ", zh=" 且 ")


@dataclass(frozen=True, kw_only=True)
class AnyOf(Condition):
    """At least one condition holds."""

    conditions: tuple[Condition, ...]

    def evaluate(self, values: Mapping[str, Value | None]) -> bool:
        return any(c.evaluate(values) for c in self.conditions)

    def references(self) -> frozenset[str]:
        return frozenset().union(*(c.references() for c in self.conditions))

    def comparisons(self) -> tuple[Compare, ...]:
        return tuple(leaf for c in self.conditions for leaf in c.comparisons())

    def describe(self, form: Form) -> Text:
        return _join(form, self.conditions, en=" or ", zh=" 或 ")


@dataclass(frozen=True, kw_only=True)
class Not(Condition):
    """The condition does not hold."""

    condition: Condition

    def evaluate(self, values: Mapping[str, Value | None]) -> bool:
        return not self.condition.evaluate(values)

    def references(self) -> frozenset[str]:
        return self.condition.references()

    def comparisons(self) -> tuple[Compare, ...]:
        return self.condition.comparisons()

    def describe(self, form: Form) -> Text:
        inner = self.condition.describe(form)
        return Text(en=f"not ({inner.en})", zh=f"非（{inner.zh}）")


def P(field: str, op: str, value: Constant = None) -> Compare:  # noqa: N802 - clinicedc's spelling
    """``P("sex", "eq", "F")``: a comparison; ``op`` is an :class:`Op` value."""
    return Compare(field=field, op=Op(op), value=value)


def all_of(*conditions: Condition) -> Condition:
    """Every condition holds."""
    return All(conditions=conditions)


def any_of(*conditions: Condition) -> Condition:
    """At least one condition holds."""
    return AnyOf(conditions=conditions)


def not_(condition: Condition) -> Condition:
    """The condition does not hold."""
    return Not(condition=condition)


def instruction(condition: Condition, form: Form) -> Text:
    """The condition as an instruction for a person: "if Sex = Female" / "如 性别 = 女"."""
    text = condition.describe(form)
    return Text(en=f"if {text.en}", zh=f"如{text.zh}")


def _equal(actual: object, constant: object) -> bool:
    if type(actual) is type(constant):
        return actual == constant
    numeric = (int, Decimal)
    return (
        isinstance(actual, numeric)
        and not isinstance(actual, bool)
        and isinstance(constant, numeric)
        and not isinstance(constant, bool)
        and actual == constant
    )


def _ordered(actual: object, op: Op, constant: object) -> bool:
    numeric = (int, Decimal)
    if isinstance(actual, bool) or isinstance(constant, bool):
        return False
    if not (isinstance(actual, numeric) and isinstance(constant, numeric)):
        return False
    if op is Op.GT:
        return actual > constant
    if op is Op.GE:
        return actual >= constant
    if op is Op.LT:
        return actual < constant
    return actual <= constant


def _value_text(form: Form, field_id: str, value: Constant) -> Text:
    if isinstance(value, str):
        option = form.field(field_id).choice(value)
        if option is not None:
            return option.label
    if isinstance(value, bool):
        return Text(en="ticked", zh="已勾选") if value else Text(en="not ticked", zh="未勾选")
    unit = form.field(field_id).unit
    return Text(
        en=f"{value} {unit.en}".strip() if unit else str(value),
        zh=f"{value} {unit.zh}".strip() if unit else str(value),
    )


def _wrapped(form: Form, condition: Condition) -> Text:
    text = condition.describe(form)
    if isinstance(condition, All | AnyOf):
        return Text(en=f"({text.en})", zh=f"（{text.zh}）")
    return text


def _join(form: Form, conditions: tuple[Condition, ...], *, en: str, zh: str) -> Text:
    parts = [_wrapped(form, c) for c in conditions]
    return Text(en=en.join(p.en for p in parts), zh=zh.join(p.zh for p in parts))
