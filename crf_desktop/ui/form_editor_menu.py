"""The form editor's right-click field menu: the field's history, "Raise query…", and on a field with a query
"Answer query…", "Close query…", "Re-open query…" (a mixin of :class:`crf_desktop.ui.form_editor.FormEditor`, kept
apart so each module stays small; the query dialogs are opened by :mod:`crf_desktop.ui.form_editor_queries`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.core.roles import Permission
from crf_desktop.forms.model import Form
from crf_desktop.services import records
from crf_desktop.services.queries import QueryStatus
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.field_history_dialog import FieldHistoryDialog
from crf_desktop.ui.form_editor_queries import QUERY_SHORTCUT
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QAction, QDialog, QKeySequence, QMenu, QMessageBox, Qt, Signal
from crf_desktop.ui.raise_query_dialog import RaiseQueryDialog

if TYPE_CHECKING:
    from crf_desktop.services.queries import Query
    from crf_desktop.ui.query_answer_dialog import QueryAnswerDialog
    from crf_desktop.ui.query_close_dialog import QueryCloseDialog


class FieldMenuMixin:
    """Needs the editor's ``session``, ``subject_id``, ``visit``, ``form``, ``repeat_no``, ``message``,
    ``dialog`` and ``saved``."""

    session: Session
    subject_id: str
    visit: str
    form: Form
    repeat_no: int
    message: InlineMessage
    dialog: QDialog | QMessageBox | None
    saved: Signal

    if TYPE_CHECKING:
        def answerable_query(self, field_id: str) -> Query | None: ...
        def closable_query(self, field_id: str, *, answered_only: bool = False) -> Query | None: ...
        def open_answer_query(self, query: Query) -> QueryAnswerDialog: ...
        def open_close_query(self, query: Query, *, reopen: bool = False) -> QueryCloseDialog: ...
        def refresh_queries(self) -> None: ...
        def has_queries(self, field_id: str) -> bool: ...

    # -- field menu -------------------------------------------------------------------------------------
    def field_menu(self, field_id: str) -> QMenu:
        """History, "Raise query…" and the field's query actions (the right-click menu)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        history = QAction(translate("FormEditor", "Field &history…"), menu)
        history.triggered.connect(lambda: self.open_history(field_id))
        history.setEnabled(self.session.can(Permission.VIEW_AUDIT))
        menu.addAction(history)
        if self.session.can(Permission.RAISE_QUERY):
            query = QAction(translate("FormEditor", "Raise &query…"), menu)
            query.triggered.connect(lambda: self.open_raise_query(field_id))
            menu.addAction(query)
        self._add_query_actions(menu, field_id)
        return menu

    def _add_query_actions(self, menu: QMenu, field_id: str) -> None:
        """On a field with a query not yet closed: answer (roles that answer), close and re-open (roles that raise;
        enabled on the raiser's own queries only)."""
        if not self.has_queries(field_id):
            return
        shortcut = "\t" + QKeySequence(QUERY_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        if self.session.can(Permission.ANSWER_QUERY):
            to_answer = self.answerable_query(field_id)
            adding = to_answer is not None and to_answer.status is QueryStatus.ANSWERED and bool(to_answer.answer)
            label = translate("FormEditor", "&Add to the answer…") if adding else translate("FormEditor",
                                                                                           "&Answer query…")
            answer = QAction(label + shortcut, menu)
            answer.setEnabled(to_answer is not None)
            if to_answer is not None:
                answer.triggered.connect(lambda: self.open_answer_query(to_answer))
            menu.addAction(answer)
        if self.session.can(Permission.RAISE_QUERY):
            to_close = self.closable_query(field_id)
            close = QAction(translate("FormEditor", "C&lose query…") + shortcut, menu)
            close.setEnabled(to_close is not None)
            if to_close is not None:
                close.triggered.connect(lambda: self.open_close_query(to_close))
            to_reopen = self.closable_query(field_id, answered_only=True)
            reopen = QAction(translate("FormEditor", "Re-&open query…"), menu)
            reopen.setEnabled(to_reopen is not None)
            if to_reopen is not None:
                reopen.triggered.connect(lambda: self.open_close_query(to_reopen, reopen=True))
            menu.addActions([close, reopen])

    def open_history(self, field_id: str) -> FieldHistoryDialog | None:
        outcome = run_service(self, lambda: records.field_history(
            self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id, field_id=field_id,
            repeat_no=self.repeat_no), inline=self.message)
        if not outcome.ok:
            return None
        label = self.form.field(field_id).label.get(language.current())
        dialog = FieldHistoryDialog(label, outcome.value or [], self)
        return open_kept(self, dialog)

    def open_raise_query(self, field_id: str) -> RaiseQueryDialog:
        label = self.form.field(field_id).label.get(language.current())
        dialog = RaiseQueryDialog(self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id,
                                  field_id=field_id, field_label=label, repeat_no=self.repeat_no, parent=self)

        def raised() -> None:
            self.refresh_queries()
            self.message.show_info(fill(translate("FormEditor", "Query raised on %1."), label))
            self.saved.emit(self.subject_id)

        return open_kept(self, dialog, raised)
