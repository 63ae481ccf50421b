"""Browse the CTCAE v4.03 terms by system organ class: the SOCs on the left, the chosen SOC's terms on the right
with their MedDRA codes; double-click or Enter on a term (or "Choose term") takes it."""

from __future__ import annotations

from crf_desktop.forms.ctcae import Term, soc_text, socs, term_text, terms_in_soc
from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox
from crf_desktop.ui.language import fill
from crf_desktop.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
)

CODE_ROLE = Qt.ItemDataRole.UserRole


class SocBrowserDialog(QDialog):
    """After Accept, :attr:`selected` is the chosen term."""

    def __init__(self, current: Term | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selected: Term | None = None
        self.terms: tuple[Term, ...] = ()
        self.setWindowTitle(self.tr("crf-desktop: CTCAE v4.03 terms by system organ class"))
        self.resize(1000, 560)
        lang = language.current()
        self.soc_list = QListWidget()
        self.soc_list.setAccessibleName("system organ classes")
        for soc in socs():
            item = QListWidgetItem(soc_text(soc).get(lang))
            item.setData(CODE_ROLE, soc)
            item.setToolTip(soc)
            self.soc_list.addItem(item)
        self.term_list = QListWidget()
        self.term_list.setAccessibleName("terms")
        self.term_label = QLabel()
        self.term_label.setWordWrap(True)
        self.soc_list.currentRowChanged.connect(self.show_soc)
        self.term_list.itemActivated.connect(lambda _item: self.accept_current())
        self.term_list.currentRowChanged.connect(self._update_ok)
        self.buttons = ActionButtonBox(self.tr("&Choose term"))
        self.ok_button = self.buttons.action_button
        self.buttons.accepted.connect(self.accept_current)
        self.buttons.rejected.connect(self.reject)
        soc_box = QVBoxLayout()
        soc_box.addWidget(QLabel(self.tr("System organ class")))
        soc_box.addWidget(self.soc_list, 1)
        term_box = QVBoxLayout()
        term_box.addWidget(self.term_label)
        term_box.addWidget(self.term_list, 1)
        lists = QHBoxLayout()
        lists.addLayout(soc_box, 2)
        lists.addLayout(term_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addWidget(self.buttons)
        start = socs().index(current.soc) if current is not None else 0
        self.soc_list.setCurrentRow(start)
        if current is not None:
            self.term_list.setCurrentRow(next(n for n, t in enumerate(self.terms) if t == current))
        self._update_ok()

    def show_soc(self, row: int) -> None:
        lang = language.current()
        soc = socs()[row]
        self.terms = terms_in_soc(soc)
        self.term_label.setText(fill(self.tr("Terms of %1 (%2):"), soc_text(soc).get(lang), len(self.terms)))
        self.term_list.clear()
        for term in self.terms:
            item = QListWidgetItem(f"{term_text(term).get(lang)}   ·   MedDRA {term.meddra_code}")
            item.setToolTip(term.definition or term.term)
            self.term_list.addItem(item)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.term_list.currentRow() >= 0)

    def accept_current(self) -> None:
        row = self.term_list.currentRow()
        if 0 <= row < len(self.terms):
            self.selected = self.terms[row]
            self.accept()
