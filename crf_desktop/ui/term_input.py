"""The input of a field coded from CTCAE v4.03 (``Field.terminology``): a type-ahead search over the terms, a
"Browse by SOC…" dialog, and the chosen term shown in words; the field's text is the MedDRA code.

Keyboard: type a term, a Chinese label, a synonym or a code; Down / Up move through the ranked results; Enter
chooses the highlighted term (the next Enter moves on to the next field); Escape closes the list.
"""

from __future__ import annotations

from crf_desktop.forms.ctcae import SearchHit, Term, search, soc_text, term_by_code, term_text
from crf_desktop.forms.model import Field, Text
from crf_desktop.ui import language
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.field_inputs import FieldInput
from crf_desktop.ui.language import translate
from crf_desktop.ui.qt import (
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from crf_desktop.ui.soc_browser_dialog import SocBrowserDialog

RESULTS_SHOWN = 8
CHOSEN_CSS = "color: #1d4f1d; background: #e9f5e9; border: 1px solid #9cc79c; border-radius: 3px; padding: 3px 6px;"
EMPTY_CSS = "color: #555555;"


def hit_text(hit: SearchHit) -> str:
    """``Platelet count decreased — Investigations · MedDRA 10035528`` (with ``“Herpes zoster”`` for a specify
    suggestion)."""
    lang = language.current()
    specify = f": “{hit.specify.get(lang)}”" if hit.specify is not None else ""
    return f"{hit.label}{specify}   —   {hit.soc_label}   ·   MedDRA {hit.code}"


def term_line(term: Term, lang: str) -> str:
    return f"✓ {term_text(term).get(lang)}   —   {soc_text(term.soc).get(lang)}   ·   MedDRA {term.meddra_code}"


class TermInput(FieldInput):
    """Emits :attr:`chosen` (term, suggested "Other, specify" text or None) when a term is picked."""

    chosen = Signal(object, object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.code = ""
        self.hits: list[SearchHit] = []
        self.dialog: SocBrowserDialog | None = None
        self._quiet = False
        self.edit = QLineEdit()
        self.edit.setAccessibleName(field.id)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._typed)
        self.browse_button = QPushButton()
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.open_browser)
        self.results = QListWidget()
        self.results.setAccessibleName(f"{field.id} results")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemClicked.connect(lambda item: self.choose_row(self.results.row(item)))
        self.results.hide()
        self.shown = QLabel()
        self.shown.setWordWrap(True)
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setAccessibleName(f"{field.id} chosen term")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.edit, 1)
        top.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.results)
        layout.addWidget(self.shown)
        self.retranslate(language.current())

    # -- FieldInput -----------------------------------------------------------------------------------
    def text(self) -> str:
        return self.code if self.code else self.edit.text().strip()

    def set_text(self, text: str) -> None:
        term = term_by_code(text.strip()) if text.strip() else None
        self.code = term.meddra_code if term is not None else ""
        self._quiet = True
        self.edit.setText(term_text(term).get(language.current()) if term is not None else text)
        self._quiet = False
        self._close_results()
        self._show_chosen()
        self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.edit

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.browse_button.setEnabled(not read_only)
        if read_only:
            self._close_results()

    def retranslate(self, lang: str) -> None:
        self.edit.setPlaceholderText(translate("TermInput", "Type a term, 中文, synonym or MedDRA code; ↓↑ and Enter"))
        self.browse_button.setText(translate("TermInput", "Browse by &SOC…"))
        term = self.term()
        if term is not None and not self.edit.hasFocus():
            self._quiet = True
            self.edit.setText(term_text(term).get(lang))
            self._quiet = False
        if self.hits:
            self._typed(self.edit.text())
        self._show_chosen()

    def wants_enter(self) -> bool:
        return self.results.isVisible() and self.results.currentRow() >= 0

    # -- searching ------------------------------------------------------------------------------------
    def term(self) -> Term | None:
        return term_by_code(self.code) if self.code else None

    def _typed(self, text: str) -> None:
        if self._quiet:
            return
        self.code = ""
        self._show_chosen()
        self.hits = search(text, lang=language.current(), limit=20) if text.strip() else []
        self.results.clear()
        for hit in self.hits:
            item = QListWidgetItem(hit_text(hit))
            item.setToolTip(hit.term.definition or hit.term.term)
            self.results.addItem(item)
        if self.hits:
            self.results.setCurrentRow(0)
            rows = min(RESULTS_SHOWN, len(self.hits))
            self.results.setFixedHeight(self.results.sizeHintForRow(0) * rows + 2 * self.results.frameWidth() + 2)
            self.results.show()
        else:
            self.results.hide()
        self.changed.emit()

    def _close_results(self) -> None:
        self.results.hide()
        self.results.clear()
        self.hits = []

    def choose_row(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            self.choose(hit.term, hit.specify)

    def choose(self, term: Term, specify: Text | None = None) -> None:
        """Store ``term``'s MedDRA code and show it; :attr:`chosen` lets the form fill in what follows."""
        self.code = term.meddra_code
        self._quiet = True
        self.edit.setText(term_text(term).get(language.current()))
        self._quiet = False
        self._close_results()
        self._show_chosen()
        self.changed.emit()
        self.chosen.emit(term, specify)

    def _show_chosen(self) -> None:
        term = self.term()
        lang = language.current()
        if term is not None:
            self.shown.setText(term_line(term, lang))
            self.shown.setStyleSheet(CHOSEN_CSS)
        elif self.edit.text().strip():
            self.shown.setText(translate("TermInput", "No term chosen yet: pick one from the list (Enter) or "
                                                      "browse by SOC."))
            self.shown.setStyleSheet(EMPTY_CSS)
        else:
            self.shown.setText("")
        self.shown.setVisible(bool(self.shown.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and self.results.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_row(self.results.currentRow())
                return True
            if key == Qt.Key.Key_Escape:
                self._close_results()
                return True
        return super().eventFilter(watched, event)

    # -- browsing -------------------------------------------------------------------------------------
    def open_browser(self) -> SocBrowserDialog:
        dialog = SocBrowserDialog(self.term(), self)

        def chosen() -> None:
            if dialog.selected is not None:
                self.choose(dialog.selected)

        return open_kept(self, dialog, chosen)

