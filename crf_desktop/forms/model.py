"""The vocabulary of a form declaration: forms, sections, fields, choices, ranges, derived values.

Declarations are data (pyxform style): frozen dataclasses with keyword-only constructors. Every reader (the Qt
view, the PDF renderer, the validator, the exports, the data dictionary) reads these objects; none repeats a
field list. A declaration is checked when it is loaded (:mod:`crf_desktop.forms.checks`), never at entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from crf_desktop.forms import context_names
from crf_desktop.forms.dates import PartialDate

if TYPE_CHECKING:
    from crf_desktop.forms.conditions import Condition
    from crf_desktop.forms.issues import Issue

#: A parsed value: int (integer), Decimal (decimal, quantised to the declared precision), date, PartialDate,
#: time, str (text, or the code of a single choice or yes/no), tuple[str, ...] (multi-choice: sorted codes),
#: bool (checkbox).
Value = str | int | Decimal | date | time | PartialDate | bool | tuple[str, ...]


class FieldType(StrEnum):
    """The kinds of field a form can hold (DESIGN.md section 3)."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    PARTIAL_DATE = "partial_date"
    TIME = "time"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    CHECKBOX = "checkbox"


NUMERIC_TYPES = frozenset({FieldType.INTEGER, FieldType.DECIMAL})
DATE_TYPES = frozenset({FieldType.DATE, FieldType.PARTIAL_DATE})
CODED_TYPES = frozenset({FieldType.CHOICE, FieldType.MULTI_CHOICE, FieldType.YES_NO})


@dataclass(frozen=True, kw_only=True)
class Text:
    """A text shown to people, in English and Simplified Chinese."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("en" or "zh"); anything else gives English."""
        return self.zh if lang == "zh" else self.en


def same(text: str) -> Text:
    """A text written the same in both languages (units such as ``kg``)."""
    return Text(en=text, zh=text)


@dataclass(frozen=True, kw_only=True)
class Choice:
    """One answer of a choice field: a stable code (stored, exported) and its labels."""

    code: str
    label: Text


YES = Choice(code="Y", label=Text(en="Yes", zh="是"))
NO = Choice(code="N", label=Text(en="No", zh="否"))
UNKNOWN = Choice(code="U", label=Text(en="Unknown", zh="不详"))


def _decimal(bound: Decimal | int | str | None) -> Decimal | None:
    return None if bound is None else Decimal(bound)


@dataclass(frozen=True, kw_only=True)
class Range:
    """An inclusive numeric range; either bound may be open (``None``)."""

    low: Decimal | None = None
    high: Decimal | None = None

    @classmethod
    def of(cls, low: Decimal | int | str | None, high: Decimal | int | str | None) -> Range:
        """``Range.of(20, 250)``: bounds given as ints or strings (never floats)."""
        return cls(low=_decimal(low), high=_decimal(high))

    def contains(self, value: Decimal | int) -> bool:
        """Whether ``value`` lies inside, bounds included."""
        if self.low is not None and value < self.low:
            return False
        return not (self.high is not None and value > self.high)

    def covers(self, other: Range) -> bool:
        """Whether every value inside ``other`` is also inside this range."""
        if self.low is not None and (other.low is None or other.low < self.low):
            return False
        return not (self.high is not None and (other.high is None or other.high > self.high))

    def describe(self, unit: str = "") -> str:
        """``20–250 kg``, ``≥ 20 kg`` or ``≤ 250 kg``."""
        suffix = f" {unit}" if unit else ""
        if self.low is not None and self.high is not None:
            return f"{self.low}–{self.high}{suffix}"
        if self.low is not None:
            return f"≥ {self.low}{suffix}"
        if self.high is not None:
            return f"≤ {self.high}{suffix}"
        return "any"


#: What a derived function receives: its declared inputs (field ids, then context names) mapped to their
#: values, ``None`` when missing.
DerivedInputs = Mapping[str, Value | None]

#: Context values a derived function may ask for, besides fields of its own form (see ``context_names``).
CONTEXT_INPUTS = context_names.CONTEXT_INPUTS


@dataclass(frozen=True, kw_only=True)
class Derived:
    """A computed, read-only value: named inputs and a pure function of them.

    ``inputs`` are field ids of the same form; ``context`` names values from the validation context
    (see :data:`CONTEXT_INPUTS`). The function returns ``None`` when it cannot compute (missing input); a
    ``ValueError`` (impossible input, as the calculators raise) becomes an informational issue, never a crash.
    """

    inputs: tuple[str, ...]
    function: Callable[[DerivedInputs], Value | None]
    description: Text
    context: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Field:
    """One variable of a form.

    ``id`` is the stable, export-safe variable name. ``required`` applies only while the field is relevant
    (``relevant`` holds or is ``None``). A checkbox is never empty (unticked is ``False``), so ``required``
    has no effect on it. Date rules: ``allow_future`` (default: refused), ``not_before_consent`` (refused
    when the date is certainly before the subject's consent date), ``not_before`` (ids of date fields of the
    same form this date may not precede, e.g. an AE end date ``not_before=("ae_start",)``). ``terminology``
    names the coded list a text field's value comes from (``"CTCAE v4.03"``: a MedDRA code); the screen offers
    that list's search instead of a plain text box. ``value_text`` gives the words a stored value stands for in
    each language, where the value is kept in one language (a derived MedDRA SOC name is stored in English and
    printed and shown in Chinese on a Chinese page); ``None`` from it keeps the value as stored.
    """

    id: str
    label: Text
    type: FieldType
    required: bool = True
    unit: Text | None = None
    precision: int | None = None
    hard_range: Range | None = None
    expected_range: Range | None = None
    choices: tuple[Choice, ...] = ()
    allow_unknown: bool = False
    relevant: Condition | None = None
    derived: Derived | None = None
    allow_future: bool = False
    not_before_consent: bool = False
    not_before: tuple[str, ...] = ()
    max_length: int = 200
    help: Text | None = None
    terminology: str | None = None
    value_text: Callable[[str], Text | None] | None = None

    def shown(self, value: str) -> Text | None:
        """The stored ``value`` in words of each language, when the field declares them (``value_text``)."""
        return self.value_text(value) if self.value_text is not None and value else None

    @property
    def is_derived(self) -> bool:
        """Whether the value is computed (read-only) rather than entered."""
        return self.derived is not None

    def options(self) -> tuple[Choice, ...]:
        """The answers offered: the declared choices, or Yes/No(/Unknown) for a yes/no field."""
        if self.type is FieldType.YES_NO:
            return (YES, NO, UNKNOWN) if self.allow_unknown else (YES, NO)
        return self.choices

    def choice(self, code: str) -> Choice | None:
        """The answer with ``code``, if any."""
        for option in self.options():
            if option.code == code:
                return option
        return None

    def unit_text(self, lang: str) -> str:
        """The unit in ``lang``, or an empty string."""
        return self.unit.get(lang) if self.unit is not None else ""


@dataclass(frozen=True, kw_only=True)
class Section:
    """A titled group of fields, shown and printed together."""

    id: str
    title: Text
    fields: tuple[Field, ...]


#: A rule across fields of one form (e.g. "grade 5 if and only if the outcome is fatal"): it reads the parsed
#: values and returns issues; :func:`crf_desktop.forms.validation.validate` runs it after the field checks.
FormRule = Callable[[Mapping[str, "Value | None"]], "list[Issue]"]


@dataclass(frozen=True, kw_only=True)
class Form:
    """A case report form: id, version, bilingual title, sections.

    ``repeating`` marks a log (adverse events, concomitant medications): a subject holds any number of
    records of it, each validated on its own. ``instructions`` are shown above the form and printed on it
    (e.g. the SLEDAI-2K assessment window). ``rules`` are cross-field checks run after the field checks.
    """

    id: str
    version: str
    title: Text
    sections: tuple[Section, ...]
    repeating: bool = False
    instructions: Text | None = None
    rules: tuple[FormRule, ...] = ()

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        """Every field, in declaration order (worked out once: a form is immutable, and every check, save and
        printed page asks for it)."""
        return tuple(f for section in self.sections for f in section.fields)

    @cached_property
    def _by_id(self) -> dict[str, Field]:
        return {f.id: f for f in self.fields}

    def field(self, field_id: str) -> Field:
        """The field ``field_id``; ``KeyError`` naming form and field when absent."""
        found = self._by_id.get(field_id)
        if found is None:
            raise KeyError(f"form {self.id!r} has no field {field_id!r}")
        return found

    def has_field(self, field_id: str) -> bool:
        """Whether the form declares ``field_id``."""
        return field_id in self._by_id

    def section_of(self, field_id: str) -> Section:
        """The section holding ``field_id``."""
        for section in self.sections:
            if any(f.id == field_id for f in section.fields):
                return section
        raise KeyError(f"form {self.id!r} has no field {field_id!r}")
