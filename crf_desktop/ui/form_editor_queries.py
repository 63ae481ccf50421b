"""Queries on the fields of the record in the form editor (a mixin of :class:`crf_desktop.ui.form_editor.FormEditor`,
kept apart so each module stays small).

A field with a query not yet closed shows a marker under its input: the question, its status and who raised it,
and once answered, when, by whom and the answer's first line (:mod:`crf_desktop.ui.query_marker_text`). The marker
is a button (Tab reaches it; Enter or Space presses it) that does what the person can do next: answer the query or
add to its answer (coordinator, investigator), or close it (the monitor or data manager who raised it).
Ctrl+Shift+Q does the same on the field that has the focus, and raises a query on a field without one. The
field's right-click menu lists every action (:mod:`crf_desktop.ui.form_editor_menu`). Roles are enforced by
``services.queries``; the editor only offers what the role may do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.core.roles import Permission
from crf_desktop.forms.model import Form
from crf_desktop.services import queries
from crf_desktop.services.queries import Query, QueryStatus
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.field_row import FieldRow
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QApplication,
    QDialog,
    QEvent,
    QGridLayout,
    QKeySequence,
    QMessageBox,
    QPushButton,
    QShortcut,
    QSizePolicy,
    QWidget,
    Signal,
)
from crf_desktop.ui.query_answer_dialog import QueryAnswerDialog, query_summary, shown_value
from crf_desktop.ui.query_close_dialog import QueryCloseDialog
from crf_desktop.ui.query_marker_text import from_centre, marker_text

if TYPE_CHECKING:
    from crf_desktop.ui.raise_query_dialog import RaiseQueryDialog

MARKER_CSS = {QueryStatus.OPEN: "text-align: left; padding: 3px 6px; background: #fff4d6; "
                                "border: 1px solid #d9a400; color: #5c4300;",
              QueryStatus.ANSWERED: "text-align: left; padding: 3px 6px; background: #e6f0fb; "
                                    "border: 1px solid #5b8fd1; color: #1d3f6e;"}
QUERY_SHORTCUT = "Ctrl+Shift+Q"


class QueriesMixin:
    """Needs the editor's ``session``, ``subject_id``, ``visit``, ``form``, ``repeat_no``, ``rows``, ``message``,
    ``dialog`` and ``saved``."""

    session: Session
    subject_id: str
    visit: str
    form: Form
    repeat_no: int
    rows: dict[str, FieldRow]
    message: InlineMessage
    dialog: QDialog | QMessageBox | None
    saved: Signal
    field_queries: dict[str, list[Query]]
    query_markers: dict[str, QPushButton]
    query_shortcut: QShortcut

    if TYPE_CHECKING:
        def open_raise_query(self, field_id: str) -> RaiseQueryDialog: ...

    def _build_queries(self) -> None:
        self.field_queries = {}
        self.query_markers = {}
        self.query_shortcut = QShortcut(QKeySequence(QUERY_SHORTCUT), self)  # type: ignore[arg-type]
        self.query_shortcut.activated.connect(self.query_action_on_focused_field)

    def changeEvent(self, event: QEvent) -> None:
        """Back in the editor: the queries again (one may have been answered on the subject page meanwhile)."""
        if event.type() == QEvent.Type.ActivationChange and hasattr(self, "field_queries") \
                and self.isActiveWindow():  # type: ignore[attr-defined]
            self.refresh_queries()
        super().changeEvent(event)  # type: ignore[misc]

    # -- state ------------------------------------------------------------------------------------------
    def refresh_queries(self) -> None:
        """Read the record's queries not yet closed and show them beside their fields."""
        outcome = run_service(self, lambda: queries.record_queries(  # type: ignore[arg-type]
            self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id,
            repeat_no=self.repeat_no), inline=None)
        found = outcome.value or [] if outcome.ok else []
        self.field_queries = {}
        for query in found:
            if query.field in self.rows:
                self.field_queries.setdefault(query.field, []).append(query)
        for field_id in set(self.query_markers) | set(self.field_queries):
            self._show_marker(field_id)

    def _show_marker(self, field_id: str) -> None:
        asked = self.field_queries.get(field_id, [])
        marker = self.query_markers.get(field_id)
        if marker is None:
            if not asked:
                return
            row = self.rows[field_id]
            marker = self.query_markers[field_id] = QPushButton(row)
            marker.setAccessibleName(f"{field_id} query")
            marker.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the form
            marker.clicked.connect(lambda _checked=False, f=field_id: self.query_action(f))
            grid = row.layout()
            assert isinstance(grid, QGridLayout)  # noqa: S101
            grid.addWidget(marker, 4, 1, 1, 2)
            QWidget.setTabOrder(row.input.focus_widget(), marker)
        if not asked:
            marker.hide()
            return
        first = next((q for q in asked if q.status is QueryStatus.OPEN), asked[0])
        lines = [marker_text(q, answered_at=q.answered_at, viewer=self.session.user.username)
                 for q in asked]
        next_step = self._next_step_text(field_id)
        marker.setText("\n".join(lines) + (f"\n{next_step}" if next_step else ""))
        tips = []
        for query in asked:
            tip = f"{query.question}\n{query_summary(query)}"
            if query.answer:
                tip += "\n" + fill(translate("FormEditor", "Answer: %1"), query.answer)
            tips.append(tip)
        marker.setToolTip("\n\n".join(tips))
        marker.setStyleSheet(MARKER_CSS.get(first.status, MARKER_CSS[QueryStatus.OPEN]))
        marker.setEnabled(bool(next_step))
        marker.show()

    def _next_step_text(self, field_id: str) -> str:
        action = self._next_action(field_id)
        if action is None:
            return ""
        kind, query = action
        if kind == "close":
            words = translate("FormEditor", "Close query… (Enter, or %1 on the field)")
        elif query.status is QueryStatus.ANSWERED:  # a further answer is allowed until the raiser closes it
            words = translate("FormEditor", "Add to the answer… (Enter, or %1 on the field)")
        else:
            words = translate("FormEditor", "Answer query… (Enter, or %1 on the field)")
        return fill(words, QKeySequence(QUERY_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText))

    # -- what the person may do -------------------------------------------------------------------------
    def has_queries(self, field_id: str) -> bool:
        """Whether ``field_id`` has a query not yet closed."""
        return bool(self.field_queries.get(field_id))

    def answerable_query(self, field_id: str) -> Query | None:
        """The query this user would answer on ``field_id``: the oldest open one, else the oldest answered one."""
        if not self.session.can(Permission.ANSWER_QUERY):
            return None
        asked = self.field_queries.get(field_id, [])
        return next((q for q in asked if q.status is QueryStatus.OPEN), asked[0] if asked else None)

    def closable_query(self, field_id: str, *, answered_only: bool = False) -> Query | None:
        """The query this user raised on ``field_id`` that they would close (answered first) or re-open."""
        if not self.session.can(Permission.RAISE_QUERY):
            return None
        mine = [q for q in self.field_queries.get(field_id, []) if q.raised_by == self.session.user.username]
        answered = [q for q in mine if q.status is QueryStatus.ANSWERED]
        return (answered or ([] if answered_only else mine) or [None])[0]

    def _next_action(self, field_id: str) -> tuple[str, Query] | None:
        asked = self.field_queries.get(field_id, [])
        answerable = self.answerable_query(field_id)
        if answerable is not None and any(q.status is QueryStatus.OPEN for q in asked):
            return "answer", answerable
        closable = self.closable_query(field_id)
        if closable is not None:
            return "close", closable
        if answerable is not None:
            return "answer", answerable
        return None

    def query_action(self, field_id: str) -> QDialog | None:
        """The next step on ``field_id``'s query (the marker, Ctrl+Shift+Q); raise one on a field without."""
        action = self._next_action(field_id)
        if action is not None:
            kind, query = action
            return self.open_answer_query(query) if kind == "answer" else self.open_close_query(query)
        if not self.field_queries.get(field_id) and self.session.can(Permission.RAISE_QUERY):
            return self.open_raise_query(field_id)
        label = self.form.field(field_id).label.get(language.current())
        asked = [q for q in self.field_queries.get(field_id, []) if q.status is not QueryStatus.CLOSED]
        if asked and all(from_centre(q) for q in asked):  # a site monitor does not close the centre's queries
            self.message.show_warning(fill(translate(
                "FormEditor", "The query on %1 was raised by the coordinating centre: the centre closes it once it "
                "has read the answer."), label))
            return None
        self.message.show_warning(fill(translate("FormEditor", "%1 has no query that a %2 can act on."), label,
                                       self.session.user.role.label_in(language.current()).lower()))
        return None

    def focused_field(self) -> str | None:
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        return next((fid for fid, row in self.rows.items() if row is focus or row.isAncestorOf(focus)), None)

    def query_action_on_focused_field(self) -> QDialog | None:
        field_id = self.focused_field()
        if field_id is None:
            self.message.show_info(fill(translate("FormEditor", "Put the cursor in a field first, then press %1 to "
                                                                "answer, close or raise its query."),
                                        QKeySequence(QUERY_SHORTCUT).toString(
                                            QKeySequence.SequenceFormat.NativeText)))
            return None
        return self.query_action(field_id)

    # -- dialogs ----------------------------------------------------------------------------------------
    def _field_words(self, field_id: str) -> tuple[str, str]:
        lang = language.current()
        row = self.rows[field_id]
        return row.field.label.get(lang), shown_value(row.field, row.input.text(), lang)

    def open_answer_query(self, query: Query) -> QueryAnswerDialog:
        label, value = self._field_words(query.field)
        dialog = QueryAnswerDialog(self.session, query, field_label=label, current_value=value,
                                   parent=self)  # type: ignore[arg-type]
        dialog.finished.connect(lambda result: self._query_decided(
            result, fill(translate("FormEditor", "Query on %1 answered."), label)))
        open_kept(self, dialog)
        return dialog

    def open_close_query(self, query: Query, *, reopen: bool = False) -> QueryCloseDialog:
        label, value = self._field_words(query.field)
        dialog = QueryCloseDialog(self.session, query, field_label=label, current_value=value, reopen=reopen,
                                  parent=self)  # type: ignore[arg-type]
        done = translate("FormEditor", "Query on %1 re-opened.") if reopen else \
            translate("FormEditor", "Query on %1 closed.")
        dialog.finished.connect(lambda result: self._query_decided(result, fill(done, label)))
        open_kept(self, dialog)
        return dialog

    def _query_decided(self, result: int, text: str) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        self.refresh_queries()
        self.message.show_info(text)
        self.saved.emit(self.subject_id)  # the main window refreshes the dashboard and the subject page
