"""The centre's query dialogs: raise a query on a field of imported data; close one with a reason or re-open it
with a follow-up (one dialog for both decisions).

The target is picked from the declarations (site, subject, visit or log, form, entry, field), so a data manager
cannot name a field that does not exist; the service checks again (subject imported from that site, field on the
form) and its message shows inline.
"""

from __future__ import annotations

from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services import centre as centre_service
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget


def _holders() -> list[tuple[str, str, tuple[str, ...]]]:
    """(code, label, forms) of every visit and subject log, in schedule order."""
    lang = language.current()
    schedule = REGISTRY.schedule
    return ([(v.code, v.label.get(lang), v.forms) for v in schedule.visits]
            + [(log.code, log.label.get(lang), log.forms) for log in schedule.logs])


class RaiseCentreQueryDialog(QDialog):
    """Raise a query at the centre; :attr:`query_id` holds the new id once raised."""

    def __init__(self, session: Session, sites: list[str], parent: QWidget | None = None, *, site: str = "",
                 subject_id: str = "") -> None:
        super().__init__(parent)
        self.session = session
        self.query_id: str | None = None
        self.setWindowTitle(self.tr("crf-desktop: raise a query at the centre"))
        self.setMinimumWidth(560)
        self.site_combo = QComboBox()
        self.site_combo.addItems(sites)
        if site in sites:
            self.site_combo.setCurrentText(site)
        self.subject_edit = QLineEdit(subject_id)
        self.subject_edit.setPlaceholderText("01-001")
        self.visit_combo = QComboBox()
        for code, label, _forms in _holders():
            self.visit_combo.addItem(label, code)
        self.form_combo = QComboBox()
        self.entry_edit = QLineEdit("0")
        self.entry_edit.setToolTip(self.tr("0 for a visit form; the entry number (1, 2, …) for a log entry"))
        self.field_combo = QComboBox()
        self.question_edit = QPlainTextEdit()
        self.question_edit.setTabChangesFocus(True)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Raise query"))
        self.buttons.submit_from(self.question_edit)
        self.buttons.accepted.connect(self.try_raise)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Site:"), self.site_combo)
        form.addRow(self.tr("S&ubject:"), self.subject_edit)
        form.addRow(self.tr("&Visit or log:"), self.visit_combo)
        form.addRow(self.tr("&Form:"), self.form_combo)
        form.addRow(self.tr("&Entry number:"), self.entry_edit)
        form.addRow(self.tr("F&ield:"), self.field_combo)
        form.addRow(self.tr("&Question:"), self.question_edit)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The site sees the query at its next export, on the dashboard, the subject and the "
                               "field; its answer comes back with its next package."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.visit_combo.currentIndexChanged.connect(self._fill_forms)
        self.form_combo.currentIndexChanged.connect(self._fill_fields)
        self._fill_forms()

    def _fill_forms(self) -> None:
        code = self.visit_combo.currentData()
        lang = language.current()
        self.form_combo.clear()
        for holder, _label, forms in _holders():
            if holder == code:
                for form_id in forms:
                    self.form_combo.addItem(REGISTRY.form(form_id).title.get(lang), form_id)

    def _fill_fields(self) -> None:
        form_id = self.form_combo.currentData()
        self.field_combo.clear()
        if not form_id:
            return
        lang = language.current()
        form = REGISTRY.form(str(form_id))
        for f in form.fields:
            self.field_combo.addItem(f"{f.label.get(lang)} ({f.id})", f.id)
        self.entry_edit.setText("1" if form.repeating else "0")

    def try_raise(self) -> None:
        entry = self.entry_edit.text().strip()
        if not entry.isdigit():
            self.message.show_error(fill(self.tr("The entry number %1 is not a whole number: 0 for a visit form, 1 "
                                                 "or more for a log entry"), entry or "''"))
            return
        site = self.site_combo.currentText()
        subject = self.subject_edit.text().strip()
        visit = str(self.visit_combo.currentData() or "")
        form = str(self.form_combo.currentData() or "")
        field = str(self.field_combo.currentData() or "")
        question = self.question_edit.toPlainText()
        outcome = run_service(self, lambda: centre_service.raise_query(
            self.session, site=site, subject_id=subject, visit=visit, form=form, repeat_no=int(entry), field=field,
            question=question), inline=self.message)
        if outcome.ok:
            self.query_id = outcome.value
            self.accept()


class QueryDecisionDialog(QDialog):
    """Close a query (with the reason the site reads) or re-open it (with the follow-up question the site answers):
    one dialog, the two decisions the centre takes on a query."""

    def __init__(self, session: Session, query: centre_service.CentreQuery, *, reopen: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.query = query
        self.reopen = reopen
        title = self.tr("crf-desktop: re-open query %1") if reopen else self.tr("crf-desktop: close query %1")
        self.setWindowTitle(fill(title, query.query_id))
        self.setMinimumWidth(520)
        answer = query.answer or self.tr("(no answer yet)")
        intro = QLabel(fill(self.tr("Query %1, raised at site %2 by %3, on %4:\n%5\nAnswer: %6"), query.query_id,
                            query.site, query.raised_by, query.where, query.question, answer))
        intro.setWordWrap(True)
        label = QLabel(self.tr("&Follow-up question for the site:") if reopen
                       else self.tr("&Reason for closing it (the site reads it):"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        label.setBuddy(self.reason_edit)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("Re-&open") if reopen else self.tr("C&lose query"))
        self.buttons.submit_from(self.reason_edit)
        self.buttons.accepted.connect(self.decide)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def decide(self) -> None:
        text = self.reason_edit.toPlainText()
        decide = centre_service.reopen_query if self.reopen else centre_service.close_query
        outcome = run_service(self, lambda: decide(self.session, self.query.query_id, text), inline=self.message)
        if outcome.ok:
            self.accept()


class CloseQueryDialog(QueryDecisionDialog):
    def __init__(self, session: Session, query: centre_service.CentreQuery, parent: QWidget | None = None) -> None:
        super().__init__(session, query, reopen=False, parent=parent)


class ReopenQueryDialog(QueryDecisionDialog):
    def __init__(self, session: Session, query: centre_service.CentreQuery, parent: QWidget | None = None) -> None:
        super().__init__(session, query, reopen=True, parent=parent)
