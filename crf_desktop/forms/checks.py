"""Load-time checks of form declarations: a broken declaration fails at start-up, never at entry.

:func:`problems` lists everything wrong with one form, each line naming form and field;
:func:`check_form` raises :class:`DeclarationError` with all of them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from crf_desktop.core.errors import CrfError
from crf_desktop.forms.conditions import NUMERIC_OPS, Compare, Op
from crf_desktop.forms.model import (
    CODED_TYPES,
    CONTEXT_INPUTS,
    DATE_TYPES,
    NUMERIC_TYPES,
    Field,
    FieldType,
    Form,
    Text,
)

#: Export-safe identifiers: lower case, starts with a letter, at most 32 characters (SAS and ODM friendly).
IDENTIFIER = re.compile(r"[a-z][a-z0-9_]{0,31}", re.ASCII)
#: Choice codes: letters, digits and underscores (never a comma: multi-choice answers are comma-separated).
CODE = re.compile(r"[A-Za-z0-9_]{1,16}", re.ASCII)
MAX_PRECISION = 6


class DeclarationError(CrfError):
    """A form declaration or the visit schedule is inconsistent (a programming error found at start-up)."""


def check_form(form: Form) -> None:
    """Raise :class:`DeclarationError` listing every problem of ``form``."""
    found = problems(form)
    if found:
        raise DeclarationError("form declaration is broken:\n" + "\n".join(f"  {p}" for p in found))


def problems(form: Form) -> list[str]:
    """Every problem of ``form`` as ``form 'x' field 'y': what is wrong``."""
    found: list[str] = []
    where = f"form {form.id!r}"
    if not IDENTIFIER.fullmatch(form.id):
        found.append(f"{where}: the form id is not an export-safe identifier (a-z, 0-9, _; 32 at most)")
    if not form.version.strip():
        found.append(f"{where}: the version is empty")
    found += _text_problems(where, "title", form.title)
    if not form.sections:
        found.append(f"{where}: the form has no sections")
    section_ids: set[str] = set()
    for section in form.sections:
        if section.id in section_ids:
            found.append(f"{where} section {section.id!r}: duplicate section id")
        section_ids.add(section.id)
        if not IDENTIFIER.fullmatch(section.id):
            found.append(f"{where} section {section.id!r}: the section id is not an export-safe identifier")
        found += _text_problems(f"{where} section {section.id!r}", "title", section.title)
    seen: dict[str, Field] = {}
    for f in form.fields:
        place = f"{where} field {f.id!r}"
        if f.id in seen:
            found.append(f"{place}: duplicate field id")
        found += _field_problems(form, f, place, earlier=dict(seen))
        seen.setdefault(f.id, f)
    return found


def _text_problems(place: str, what: str, text: Text) -> list[str]:
    missing = [lang for lang in ("en", "zh") if not text.get(lang).strip()]
    return [f"{place}: the {what} has no {lang} text" for lang in missing]


def _field_problems(form: Form, f: Field, place: str, *, earlier: dict[str, Field]) -> list[str]:
    found: list[str] = []
    if not IDENTIFIER.fullmatch(f.id):
        found.append(f"{place}: the field id is not an export-safe identifier (a-z, 0-9, _; 32 at most)")
    found += _text_problems(place, "label", f.label)
    found += _choice_problems(f, place)
    found += _number_problems(f, place)
    if f.type not in DATE_TYPES and (f.not_before or f.not_before_consent or f.allow_future):
        found.append(f"{place}: date rules are declared on a {f.type} field")
    for other in f.not_before:
        if not form.has_field(other):
            found.append(f"{place}: not_before refers to unknown field {other!r}")
        elif form.field(other).type not in DATE_TYPES:
            found.append(f"{place}: not_before refers to {other!r}, which is not a date")
    if f.relevant is not None:
        for leaf in f.relevant.comparisons():
            found += _comparison_problems(form, f, leaf, place, earlier)
    if f.derived is not None:
        if f.hard_range is not None or f.expected_range is not None:
            found.append(f"{place}: a derived value carries no ranges")
        if f.required:
            found.append(f"{place}: a derived value is computed, never entered: declare it required=False")
        for name in f.derived.inputs:
            if name not in earlier:
                found.append(_reference_problem(form, f, name, place, "derived value input"))
        for name in f.derived.context:
            if name not in CONTEXT_INPUTS:
                found.append(f"{place}: derived value uses unknown context value {name!r}")
    return found


def _reference_problem(form: Form, f: Field, name: str, place: str, what: str) -> str:
    if name == f.id:
        return f"{place}: {what} refers to the field itself"
    if form.has_field(name):
        return f"{place}: {what} refers to {name!r}, declared after it; declare {name!r} first"
    return f"{place}: {what} refers to unknown field {name!r}"


def _choice_problems(f: Field, place: str) -> list[str]:
    found: list[str] = []
    if f.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        if not f.choices:
            found.append(f"{place}: a {f.type} field needs choices")
    elif f.choices:
        found.append(f"{place}: choices are declared on a {f.type} field")
    if f.allow_unknown and f.type is not FieldType.YES_NO:
        found.append(f"{place}: allow_unknown applies to yes/no fields only")
    codes: set[str] = set()
    for choice in f.choices:
        if not choice.code.strip():
            found.append(f"{place}: a choice ({choice.label.en!r}) has no code")
        elif not CODE.fullmatch(choice.code):
            found.append(f"{place}: choice code {choice.code!r} is not letters, digits or _ (16 at most)")
        if choice.code in codes:
            found.append(f"{place}: duplicate choice code {choice.code!r}")
        codes.add(choice.code)
        found += _text_problems(f"{place} choice {choice.code!r}", "label", choice.label)
    return found


def _number_problems(f: Field, place: str) -> list[str]:
    found: list[str] = []
    if f.type is FieldType.DECIMAL:
        if f.precision is None or not 0 <= f.precision <= MAX_PRECISION:
            found.append(f"{place}: a decimal field needs a precision of 0-{MAX_PRECISION} decimal places")
    elif f.precision is not None:
        found.append(f"{place}: precision is declared on a {f.type} field")
    ranges = {"hard range": f.hard_range, "expected range": f.expected_range}
    for name, declared in ranges.items():
        if declared is None:
            continue
        if f.type not in NUMERIC_TYPES:
            found.append(f"{place}: a {name} is declared on a {f.type} field")
        elif declared.low is not None and declared.high is not None and declared.low > declared.high:
            found.append(f"{place}: the {name} is empty (low {declared.low} > high {declared.high})")
    if f.hard_range is not None and f.expected_range is not None and not f.hard_range.covers(f.expected_range):
        found.append(
            f"{place}: the expected range {f.expected_range.describe()} is not inside the hard range "
            f"{f.hard_range.describe()}"
        )
    if f.max_length < 1:
        found.append(f"{place}: max_length must be at least 1")
    return found


def _comparison_problems(form: Form, f: Field, leaf: Compare, place: str, earlier: dict[str, Field]) -> list[str]:
    target = earlier.get(leaf.field)
    if target is None:
        return [_reference_problem(form, f, leaf.field, place, "condition")]
    what = f"condition on {leaf.field!r}"
    if leaf.op in (Op.FILLED, Op.EMPTY):
        return [] if leaf.value is None else [f"{place}: {what}: {leaf.op} takes no value"]
    if leaf.op in NUMERIC_OPS:
        ok = target.type in NUMERIC_TYPES and isinstance(leaf.value, int | Decimal)
        ok = ok and not isinstance(leaf.value, bool)
        return [] if ok else [f"{place}: {what}: {leaf.op} needs a number field and a number"]
    if leaf.op is Op.HAS and target.type is not FieldType.MULTI_CHOICE:
        return [f"{place}: {what}: 'has' applies to multi-choice fields only"]
    if leaf.op is Op.IN:
        if not isinstance(leaf.value, tuple) or target.type not in CODED_TYPES:
            return [f"{place}: {what}: 'in' needs a coded field and a tuple of codes"]
        codes: tuple[str, ...] = leaf.value
    else:
        codes = ()
    return _constant_problems(target, leaf, codes, place, what)


def _constant_problems(target: Field, leaf: Compare, codes: tuple[str, ...], place: str, what: str) -> list[str]:
    if target.type in CODED_TYPES:
        if not codes:
            codes = (leaf.value,) if isinstance(leaf.value, str) else ()
        if not codes:
            return [f"{place}: {what}: compare a coded field with a code"]
        known = {option.code for option in target.options()}
        return [f"{place}: {what}: unknown code {code!r}" for code in codes if code not in known]
    if target.type is FieldType.CHECKBOX and not isinstance(leaf.value, bool):
        return [f"{place}: {what}: compare a checkbox with True or False"]
    if target.type in NUMERIC_TYPES and (not isinstance(leaf.value, int | Decimal) or isinstance(leaf.value, bool)):
        return [f"{place}: {what}: compare a number field with a number"]
    if target.type not in CODED_TYPES | NUMERIC_TYPES | {FieldType.CHECKBOX}:
        return [f"{place}: {what}: only 'filled'/'empty' apply to a {target.type} field"]
    return []

