"""The form editor's right-click field menu: the field's history and "Raise query…" (a mixin of
:class:`crf_desktop.ui.form_editor.FormEditor`, kept apart so each module stays small)."""

from __future__ import annotations

from crf_desktop.core.roles import Permission
from crf_desktop.forms.model import Form
from crf_desktop.services import records
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.field_history_dialog import FieldHistoryDialog
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QAction, QDialog, QMenu, QMessageBox, Qt, Signal
from crf_desktop.ui.raise_query_dialog import RaiseQueryDialog


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

    # -- field menu -------------------------------------------------------------------------------------
    def field_menu(self, field_id: str) -> QMenu:
        """History and "Raise query…" for one field (the right-click menu)."""
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
        return menu

    def open_history(self, field_id: str) -> FieldHistoryDialog | None:
        outcome = run_service(self, lambda: records.field_history(
            self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id, field_id=field_id,
            repeat_no=self.repeat_no), inline=self.message)
        if not outcome.ok:
            return None
        label = self.form.field(field_id).label.get(language.current())
        dialog = FieldHistoryDialog(label, outcome.value or [], self)
        return self._open(dialog)

    def open_raise_query(self, field_id: str) -> RaiseQueryDialog:
        label = self.form.field(field_id).label.get(language.current())
        dialog = RaiseQueryDialog(self.session, subject_id=self.subject_id, visit=self.visit, form_id=self.form.id,
                                  field_id=field_id, field_label=label, repeat_no=self.repeat_no, parent=self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.message.show_info(fill(translate("FormEditor", "Query raised on %1."), label))
                self.saved.emit(self.subject_id)

        dialog.finished.connect(finished)
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog

        def finished(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog
