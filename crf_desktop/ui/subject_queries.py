"""The "Open queries" tab of the subject page (a mixin of :class:`crf_desktop.ui.subject_page.SubjectPage`): the
list of the subject's queries not yet closed, with "Answer…" and "Open its form".

Enter (or a double-click) on a query answers it at once in the answer dialog when the person's role answers
queries (coordinator, investigator): the fastest way by keyboard, one key to the answer box and Ctrl+Enter to
send. For the other roles (a monitor closing the query they raised) Enter opens the form, where the query's
marker and Ctrl+Shift+Q close or re-open it. "Open its form" opens the form from either, to change the value with a
reason. The form opens with the cursor in the queried field, scrolled into view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crf_desktop.core.errors import CrfError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services import records
from crf_desktop.services.queries import Query, QueryStatus
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.language import translate
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.qt import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from crf_desktop.ui.query_answer_dialog import QueryAnswerDialog, shown_value

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    D = TypeVar("D", bound=QDialog)

QUERY_ROLE = Qt.ItemDataRole.UserRole + 10  # the query id on a row of the queries list

__all__ = ["QUERY_ROLE", "SubjectQueriesMixin"]


class SubjectQueriesMixin:
    """Needs the page's ``session``, ``subject_id``, ``queries``, ``queries_tree``, ``message``, ``dialog``,
    ``changed``, ``field_requested`` and ``refresh()``."""

    session: Session
    subject_id: str
    queries: list[Query]
    queries_tree: QTreeWidget
    message: InlineMessage
    dialog: QDialog | QMessageBox | None
    changed: Signal
    field_requested: Signal
    answer_query_button: QPushButton
    open_query_form_button: QPushButton

    if TYPE_CHECKING:
        def refresh(self) -> None: ...
        def open_dialog(self, dialog: D, *, did_something: Callable[[int], bool] | None = None,
                        then: str | None = None) -> D: ...

    def _build_queries_tab(self) -> QWidget:
        """The tab's widget: the list and its buttons (the list itself is the page's ``queries_tree``)."""
        self.queries_tree.itemActivated.connect(lambda item, _column: self.query_item_activated(item))
        self.queries_tree.currentItemChanged.connect(lambda *_: self._update_query_buttons())
        self.answer_query_button = QPushButton()
        self.answer_query_button.clicked.connect(self.answer_selected_query)
        self.answer_query_button.setVisible(self.session.can(Permission.ANSWER_QUERY))
        self.open_query_form_button = QPushButton()
        self.open_query_form_button.clicked.connect(self.open_selected_query_form)
        tab = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_query_button)
        buttons.addWidget(self.open_query_form_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.queries_tree, 1)
        layout.addLayout(buttons)
        return tab

    def _retranslate_queries_tab(self) -> None:
        self.answer_query_button.setText(translate("SubjectPage", "&Answer…"))
        self.answer_query_button.setToolTip(translate("SubjectPage", "Answer the selected query (Enter on the row)"))
        self.open_query_form_button.setText(translate("SubjectPage", "Open &its form"))
        self._update_query_buttons()

    def _update_query_buttons(self) -> None:
        query = self.selected_query()
        self.answer_query_button.setEnabled(query is not None and query.status is not QueryStatus.CLOSED)
        self.open_query_form_button.setEnabled(query is not None)

    # -- actions ----------------------------------------------------------------------------------------
    def selected_query(self) -> Query | None:
        item = self.queries_tree.currentItem()
        query_id = item.data(0, QUERY_ROLE) if item is not None else None
        return next((q for q in self.queries if q.id == query_id), None)

    def query_item_activated(self, item: QTreeWidgetItem) -> None:
        """Enter or double-click on a query: answer it (roles that answer), else open its form."""
        self.queries_tree.setCurrentItem(item)
        query = self.selected_query()
        if query is not None and self.session.can(Permission.ANSWER_QUERY) \
                and query.status is not QueryStatus.CLOSED:
            self.answer_selected_query()
        else:
            self.open_selected_query_form()

    def open_selected_query_form(self) -> None:
        """Open the selected query's record at its field (the main window puts the cursor there)."""
        query = self.selected_query()
        if query is None:
            self.message.show_info(translate("SubjectPage", "Select a query in the list first."))
            return
        self.field_requested.emit(self.subject_id, query.visit, query.form, query.repeat_no, query.field)

    def answer_selected_query(self) -> QueryAnswerDialog | None:
        query = self.selected_query()
        if query is None:
            self.message.show_info(translate("SubjectPage", "Select a query in the list first."))
            return None
        lang = language.current()
        form = REGISTRY.form(query.form)
        field = form.field(query.field) if form.has_field(query.field) else None
        try:
            record = records.get_record(self.session, subject_id=self.subject_id, visit=query.visit,
                                        form_id=query.form, repeat_no=query.repeat_no)
        except CrfError as exc:
            self.message.show_error(exc)
            return None
        text = record.data.get(query.field, "") if record is not None else ""
        value = shown_value(field, text, lang) if field is not None else text
        label = field.label.get(lang) if field is not None else query.field
        return self.open_dialog(
            QueryAnswerDialog(self.session, query, field_label=label, current_value=value,
                              parent=self),  # type: ignore[arg-type]
            then=translate("SubjectPage", "Query answered; the monitor who raised it closes or re-opens it."))
