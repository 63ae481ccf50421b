"""Tools → Reference ranges: each laboratory's normal ranges (LLN, ULN, unit, valid from), and new versions.

A new range of a laboratory is a new version from its valid-from date; the flags of a sample use the version
valid on the sample date (``services.lab_ranges``). Entering a version again for the same date corrects it and
needs a reason. The ranges the trial's rules need (ALT/AST ULN, C3/C4 LLN) are listed first and highlighted when
the laboratory lacks them today.
"""

from __future__ import annotations

from crf_desktop.core.roles import Permission
from crf_desktop.forms.dates import display_date, parse_date
from crf_desktop.forms.library.lab_units import ANALYTES, REFERENCE_RANGES_NEEDED
from crf_desktop.services import lab_ranges
from crf_desktop.services.lab_ranges import ReferenceRange
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MISSING = QColor("#fff4cc")
OLD = QColor("#808080")
ID_ROLE = Qt.ItemDataRole.UserRole


def analyte_label(analyte_id: str) -> str:
    return ANALYTES[analyte_id].label.get(language.current())


def unit_symbol(analyte_id: str, unit: str) -> str:
    return ANALYTES[analyte_id].unit(unit).symbol.get(language.current())


class ReferenceRangesDialog(QDialog):
    """One laboratory at a time; the list of versions above, a new version below."""

    def __init__(self, session: Session, parent: QWidget | None = None, lab_name: str = "") -> None:
        super().__init__(parent)
        self.session = session
        self.ranges: list[ReferenceRange] = []
        self.missing: list[tuple[str, str]] = []
        self.setWindowTitle(self.tr("crf-desktop: laboratory reference ranges"))
        self.resize(980, 680)
        self.lab_combo = QComboBox()
        self.lab_combo.setEditable(True)
        self.lab_combo.setMinimumWidth(360)
        self.lab_combo.lineEdit().setPlaceholderText(self.tr("The laboratory's name, as on the labs form"))
        self.lab_combo.currentTextChanged.connect(lambda _text: self.show_lab())
        intro = QLabel(self.tr("Copy the ranges from the laboratory's report. A change of range is a new version "
                               "from the date it applies; older samples keep the range valid on their date."))
        intro.setWordWrap(True)
        self.missing_label = InlineMessage()
        self.table = QTableWidget(0, 7)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._copy_selected)

        self.analyte_combo = QComboBox()
        self.analyte_combo.currentIndexChanged.connect(lambda _n: self._fill_units())
        self.unit_combo = QComboBox()
        self.lln_edit = QLineEdit()
        self.uln_edit = QLineEdit()
        self.from_edit = QLineEdit()
        self.from_edit.setPlaceholderText("DD-Mon-YYYY")
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_version)
        self.message = InlineMessage()
        self.group = QGroupBox()
        form = QFormLayout(self.group)
        limits = QHBoxLayout()
        self.lln_label, self.uln_label = QLabel(), QLabel()
        for label, edit in ((self.lln_label, self.lln_edit), (self.uln_label, self.uln_edit)):
            label.setBuddy(edit)
            limits.addWidget(label)
            limits.addWidget(edit)
        limits.addWidget(self.unit_combo)
        self.form_labels = [QLabel() for _ in range(4)]
        for label, widget in zip(self.form_labels, (self.analyte_combo, limits, self.from_edit, self.reason_edit),
                                 strict=True):
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.message)
        form.addRow(self.add_button)
        self.group.setVisible(session.can(Permission.ENTER_DATA))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        self.lab_label = QLabel()
        self.lab_label.setBuddy(self.lab_combo)
        top.addWidget(self.lab_label)
        top.addWidget(self.lab_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.group)
        layout.addWidget(buttons)
        self.retranslate()
        self._load_labs(lab_name)

    def retranslate(self) -> None:
        self.lab_label.setText(self.tr("&Laboratory:"))
        self.table.setHorizontalHeaderLabels([self.tr("Analyte"), self.tr("LLN"), self.tr("ULN"), self.tr("Unit"),
                                              self.tr("Valid from"), self.tr("Entered by"), self.tr("Reason")])
        self.group.setTitle(self.tr("New version of a range"))
        for label, text in zip(self.form_labels, (self.tr("&Analyte:"), self.tr("Limits:"), self.tr("Valid &from:"),
                                                  self.tr("Reason (&correction only):")), strict=True):
            label.setText(text)
        self.lln_label.setText(self.tr("LLN:"))
        self.uln_label.setText(self.tr("&ULN:"))
        self.reason_edit.setPlaceholderText(self.tr("Only when correcting a version from the same date"))
        self.add_button.setText(self.tr("&Add this version"))
        current = self.analyte_combo.currentData()
        self.analyte_combo.blockSignals(True)
        self.analyte_combo.clear()
        for analyte_id in ANALYTES:
            self.analyte_combo.addItem(analyte_label(analyte_id), analyte_id)
        self.analyte_combo.setCurrentIndex(max(0, self.analyte_combo.findData(current)))
        self.analyte_combo.blockSignals(False)
        self._fill_units()

    # -- data -------------------------------------------------------------------------------------------
    def _load_labs(self, wanted: str = "") -> None:
        outcome = run_service(self, lambda: lab_ranges.reference_ranges(self.session), inline=self.message)
        names = sorted({r.lab_name for r in outcome.value or []}) if outcome.ok else []
        self.lab_combo.blockSignals(True)
        self.lab_combo.clear()
        self.lab_combo.addItems(names)
        if wanted:
            self.lab_combo.setCurrentText(wanted)
        self.lab_combo.blockSignals(False)
        self.show_lab()

    def lab_name(self) -> str:
        return " ".join(self.lab_combo.currentText().split())

    def show_lab(self) -> None:
        name = self.lab_name()
        self.ranges, self.missing = [], []
        if name:
            today = self.session.today()
            outcome = run_service(self, lambda: (lab_ranges.reference_ranges(self.session, name),
                                                 lab_ranges.missing_reference_ranges(self.session, name, today)),
                                  inline=self.message)
            if outcome.ok and outcome.value is not None:
                self.ranges, self.missing = outcome.value
        self._fill_table()

    def _fill_table(self) -> None:
        today = self.session.today()
        current = {}
        for found in self.ranges:  # oldest first: the last one valid today wins
            if found.valid_from <= today:
                current[found.analyte] = found.id
        order = list(ANALYTES)
        rows = sorted(self.ranges, key=lambda r: (order.index(r.analyte), r.valid_from, r.id))
        self.table.setRowCount(0)
        needed = {(a, limit) for a, limit in self.missing}
        for analyte_id, limit in REFERENCE_RANGES_NEEDED:
            if (analyte_id, limit) in needed and not any(r.analyte == analyte_id for r in rows):
                self._add_row([analyte_label(analyte_id), "", "", "", "", "", ""], missing=True, limit=limit)
        for found in rows:
            self._add_row([analyte_label(found.analyte), "" if found.lln is None else str(found.lln),
                           "" if found.uln is None else str(found.uln), unit_symbol(found.analyte, found.unit),
                           display_date(found.valid_from), found.entered_by, found.reason or ""],
                          old=current.get(found.analyte) != found.id,
                          missing=any(a == found.analyte for a, _limit in self.missing), data=found)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if self.missing and self.lab_name():
            shown = ", ".join(f"{analyte_label(a)} {limit}" for a, limit in self.missing)
            self.missing_label.show_warning(fill(self.tr(
                "%1 has no range valid today for what the trial's rules need: %2. Without it the eligibility "
                "criteria on ALT/AST cannot be evaluated and C3/C4 are not flagged."), self.lab_name(), shown))
        else:
            self.missing_label.clear_message()

    def _add_row(self, cells: list[str], *, missing: bool = False, old: bool = False, limit: str = "",
                 data: ReferenceRange | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        if limit:
            cells[1 if limit == "LLN" else 2] = fill(self.tr("missing (%1)"), limit)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if missing:
                item.setBackground(MISSING)
            if old:
                item.setForeground(OLD)
                item.setToolTip(self.tr("An earlier version (or one from a later date): not the range used today"))
            item.setData(ID_ROLE, data.id if data is not None else None)
            self.table.setItem(row, column, item)

    def _fill_units(self) -> None:
        analyte_id = self.analyte_combo.currentData()
        self.unit_combo.clear()
        if analyte_id is None:
            return
        for unit in ANALYTES[str(analyte_id)].units:
            self.unit_combo.addItem(unit.symbol.get(language.current()), unit.code)

    def _copy_selected(self) -> None:
        """Selecting a version fills the new-version form with it (to correct it or start a later one)."""
        items = self.table.selectedItems()
        found = next((r for r in self.ranges if items and r.id == items[0].data(ID_ROLE)), None)
        if found is None:
            return
        self.analyte_combo.setCurrentIndex(self.analyte_combo.findData(found.analyte))
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(found.unit))
        self.lln_edit.setText("" if found.lln is None else str(found.lln))
        self.uln_edit.setText("" if found.uln is None else str(found.uln))
        self.from_edit.setText(display_date(found.valid_from))

    # -- adding -----------------------------------------------------------------------------------------
    def choose(self, analyte_id: str, unit: str) -> None:
        self.analyte_combo.setCurrentIndex(self.analyte_combo.findData(analyte_id))
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))

    def add_version(self) -> ReferenceRange | None:
        name = self.lab_name()
        if not name:
            self.message.show_error(self.tr("Type or choose the laboratory first."))
            return None
        try:
            valid_from = parse_date(self.from_edit.text().strip())
        except ValueError:
            self.message.show_error(self.tr("Valid from: type the date the range applies from, e.g. 01-Jan-2024."))
            return None
        outcome = run_service(self, lambda: lab_ranges.set_reference_range(
            self.session, lab_name=name, analyte=str(self.analyte_combo.currentData()), lln=self.lln_edit.text(),
            uln=self.uln_edit.text(), unit=str(self.unit_combo.currentData()), valid_from=valid_from,
            reason=self.reason_edit.text().strip() or None), inline=self.message)
        if not outcome.ok or outcome.value is None:
            return None
        saved = outcome.value
        self._load_labs(name)
        self.message.show_info(fill(self.tr("Saved: %1, %2 from %3."), analyte_label(saved.analyte),
                                    self._limits(saved), display_date(saved.valid_from)))
        self.reason_edit.clear()
        return saved

    def _limits(self, found: ReferenceRange) -> str:
        low = "–" if found.lln is None else str(found.lln)
        high = "–" if found.uln is None else str(found.uln)
        return f"{low} – {high} {unit_symbol(found.analyte, found.unit)}"
