"""The form editor's live check: every change runs ``records.check`` on the whole form; relevance shows and hides
rows, derived values update, and issues appear under the fields the person has visited (all of them after a save
attempt). A line's issues wait until the person leaves it; a click on a choice is a finished answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.forms.issues import IssueCode
from crf_desktop.forms.model import Field, FieldType, Form, Value
from crf_desktop.forms.parsing import to_text
from crf_desktop.forms.validation import Result
from crf_desktop.services import records
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.field_row import FieldRow
from crf_desktop.ui.operation import run_service

if TYPE_CHECKING:
    from crf_desktop.ui.suggestions_panel import SuggestionsPanel

#: Field types typed into a line: their issues wait until the person leaves the field.
LINE_TYPES = frozenset({FieldType.TEXT, FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE, FieldType.PARTIAL_DATE,
                        FieldType.TIME})


def _typed_in_a_line(field: Field) -> bool:
    return field.type in LINE_TYPES


class CheckingMixin:
    """Needs the editor's ``session``, ``subject_id``, ``visit``, ``form``, ``rows``, ``result``, ``confirmed``,
    ``touched``, ``show_all_issues``, ``suggestions_panel`` and ``read_only``."""

    session: Session
    subject_id: str
    visit: str
    form: Form
    rows: dict[str, FieldRow]
    result: Result | None
    confirmed: dict[str, str]
    touched: set[str]
    show_all_issues: bool
    suggestions_panel: SuggestionsPanel | None
    _loading: bool

    if TYPE_CHECKING:
        @property
        def read_only(self) -> bool: ...
        def raw(self) -> dict[str, str]: ...
        def update_refused_banner(self, result: Result) -> None: ...

    # -- live check -------------------------------------------------------------------------------------
    def _edited(self, field_id: str) -> None:
        if self._loading:
            return
        if not _typed_in_a_line(self.rows[field_id].field):
            self.touched.add(field_id)  # a click on a choice is a finished answer
        self.recheck()

    def _left(self, field_id: str) -> None:
        self.touched.add(field_id)
        self.recheck()

    def _confirm_toggled(self, field_id: str, on: bool) -> None:
        issue = next((i for i in self.result.issues_for(field_id) if i.needs_confirmation), None) \
            if self.result else None
        if on and issue is not None:
            self.confirmed[field_id] = issue.value
        else:
            self.confirmed.pop(field_id, None)
        self.recheck()

    def recheck(self) -> Result | None:
        """Validate the whole form; show or hide rows, fill derived values, show issues."""
        outcome = run_service(self, lambda: records.check(
            self.session, subject_id=self.subject_id, form_id=self.form.id, raw=self.raw(),
            confirmed=self.confirmed, visit=self.visit), inline=None)
        if not outcome.ok or outcome.value is None:
            return None
        result = outcome.value
        self.result = result
        stale = [fid for fid, value in self.confirmed.items()
                 if not any(i.needs_confirmation and i.value == value for i in result.issues_for(fid))]
        for fid in stale:
            del self.confirmed[fid]
        lang = language.current()
        for fid, row in self.rows.items():
            row.setVisible(fid not in result.not_applicable)
            if row.field.is_derived:
                value = result.values.get(fid)
                row.input.set_text(_shown_value(row, value))
            visible = self.show_all_issues or fid in self.touched
            issues = tuple(i for i in result.issues_for(fid)
                           if visible and i.code is not IssueCode.NOT_APPLICABLE
                           and (i.code is not IssueCode.REQUIRED or self.show_all_issues))
            row.show_issues(issues, lang)
        if self.suggestions_panel is not None:
            self.suggestions_panel.sync(self.raw(), read_only=self.read_only)
        self.update_refused_banner(result)
        return result


def _shown_value(row: FieldRow, value: Value | None) -> str:
    """A derived value as shown: a choice by its label, a value kept in English (an AE's term and SOC) in the
    language of the screen, anything else in its stored form."""
    if value is None:
        return ""
    text = to_text(value)
    words_of = row.field.shown(text)
    if words_of is not None:
        return words_of.get(language.current())
    if row.field.options():
        choice = row.field.choice(text)
        if choice is not None:
            return choice.label.get(language.current())
    return text
