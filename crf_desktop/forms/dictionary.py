"""The data dictionary: one row per field of every form, generated from the declarations.

:func:`dictionary_rows` is pure; :func:`write_dictionary_csv` writes the rows with the csv module to an open
text stream (open it with ``newline=""``; use ``encoding="utf-8-sig"`` so spreadsheet programs read the Chinese
labels). :func:`write_dictionary_file` does both for a path.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import TextIO

from crf_desktop.forms.conditions import instruction
from crf_desktop.forms.model import DATE_TYPES, Field, Form, Range
from crf_desktop.forms.schedule import VisitSchedule


@dataclass(frozen=True, kw_only=True)
class DictionaryRow:
    """One field, flattened to text; the attribute names are the CSV column names."""

    form: str
    form_version: str
    form_title_en: str
    form_title_zh: str
    repeating: str
    visits: str
    section: str
    field: str
    label_en: str
    label_zh: str
    type: str
    unit_en: str
    unit_zh: str
    precision: str
    hard_range: str
    expected_range: str
    required: str
    choices_en: str
    choices_zh: str
    condition_en: str
    condition_zh: str
    derived_from: str
    derived_en: str
    derived_zh: str
    date_rules: str


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(DictionaryRow))


def _range(declared: Range | None, f: Field) -> str:
    return declared.describe(f.unit_text("en")) if declared is not None else ""


def _date_rules(f: Field) -> str:
    rules = [] if f.allow_future or f.type not in DATE_TYPES else ["not in the future"]
    if f.not_before_consent:
        rules.append("not before consent")
    rules += [f"not before {other}" for other in f.not_before]
    return "; ".join(rules)


def _row(form: Form, f: Field, visits: str) -> DictionaryRow:
    condition = instruction(f.relevant, form) if f.relevant is not None else None
    options = f.options()
    return DictionaryRow(
        form=form.id,
        form_version=form.version,
        form_title_en=form.title.en,
        form_title_zh=form.title.zh,
        repeating="yes" if form.repeating else "no",
        visits=visits,
        section=form.section_of(f.id).id,
        field=f.id,
        label_en=f.label.en,
        label_zh=f.label.zh,
        type=f.type.value,
        unit_en=f.unit_text("en"),
        unit_zh=f.unit_text("zh"),
        precision="" if f.precision is None else str(f.precision),
        hard_range=_range(f.hard_range, f),
        expected_range=_range(f.expected_range, f),
        required="derived" if f.is_derived else ("yes" if f.required else "no"),
        choices_en="; ".join(f"{o.code} = {o.label.en}" for o in options),
        choices_zh="; ".join(f"{o.code} = {o.label.zh}" for o in options),
        condition_en=condition.en if condition else "",
        condition_zh=condition.zh if condition else "",
        derived_from=", ".join((*f.derived.inputs, *f.derived.context)) if f.derived else "",
        derived_en=f.derived.description.en if f.derived else "",
        derived_zh=f.derived.description.zh if f.derived else "",
        date_rules=_date_rules(f),
    )


def dictionary_rows(forms: Iterable[Form], schedule: VisitSchedule | None = None) -> list[DictionaryRow]:
    """One row per field of each form, in declaration order; ``visits`` lists the visits (and logs) holding
    the form when a schedule is given."""
    rows: list[DictionaryRow] = []
    for form in forms:
        holders: list[str] = []
        if schedule is not None:
            holders += [v.code for v in schedule.visits if form.id in v.forms]
            holders += [log.code for log in schedule.logs if form.id in log.forms]
        rows += [_row(form, f, ", ".join(holders)) for f in form.fields]
    return rows


def write_dictionary_csv(rows: Iterable[DictionaryRow], stream: TextIO) -> int:
    """Write a header and the rows as CSV; returns the number of rows written."""
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(astuple(row))
        count += 1
    return count


def write_dictionary_file(path: Path, forms: Iterable[Form], schedule: VisitSchedule | None = None) -> int:
    """Write the dictionary of ``forms`` to ``path`` (UTF-8 with BOM); returns the number of rows."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        return write_dictionary_csv(dictionary_rows(forms, schedule), stream)
