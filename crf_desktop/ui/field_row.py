"""One field of the form editor: its label, input, unit and range hint, help, and the issues found in it."""

from __future__ import annotations

from crf_desktop.forms.issues import Issue, Severity
from crf_desktop.forms.model import NUMERIC_TYPES, Field, FieldType
from crf_desktop.ui.field_inputs import FieldInput, make_input
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.qt import QCheckBox, QGridLayout, QLabel, Qt, QWidget, Signal
from crf_desktop.ui.term_input import TermInput

LABEL_WIDTH = 300
ERROR_CSS = "color: #a40000; background: #fdecea; border-left: 4px solid #c9302c; padding: 3px 6px;"
WARNING_CSS = "color: #5c4400; background: #fff4cc; border-left: 4px solid #d9a400; padding: 3px 6px;"
CONFIRMED_CSS = "color: #5c4400; background: #fbf6e4; border-left: 4px solid #c8b97a; padding: 3px 6px;"
INFO_CSS = "color: #1d3f6e; background: #e8f0fe; border-left: 4px solid #6b8fc7; padding: 3px 6px;"
HINT_CSS = "color: #555555;"
DERIVED_CSS = "QLineEdit { background: #f0f0f0; color: #1a1a1a; }"


def range_hint(field: Field, lang: str) -> str:
    """``kg · expected 35–120 (possible 20–250)`` for numbers; the unit alone otherwise."""
    unit = field.unit_text(lang)
    parts = [unit] if unit else []
    if field.type in NUMERIC_TYPES and not field.is_derived:
        if field.expected_range is not None:
            parts.append(fill(translate("FieldRow", "expected %1"), field.expected_range.describe()))
        if field.hard_range is not None:
            parts.append(fill(translate("FieldRow", "possible %1"), field.hard_range.describe()))
    return "  ·  ".join(parts)


class FieldRow(QWidget):
    """Shows one field; :attr:`confirm_toggled` (field id, on) when the "Confirm value" box changes."""

    confirm_toggled = Signal(str, bool)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.issues: tuple[Issue, ...] = ()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setFixedWidth(LABEL_WIDTH)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.input: FieldInput = TermInput(field, self) if field.terminology and not field.is_derived \
            else make_input(field, self)
        self.label.setBuddy(self.input.focus_widget())
        self.hint = QLabel()
        self.hint.setStyleSheet(HINT_CSS)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HINT_CSS)
        self.issue_label = QLabel()
        self.issue_label.setWordWrap(True)
        self.issue_label.setTextFormat(Qt.TextFormat.PlainText)
        self.issue_label.setAccessibleName(f"{field.id} issue")
        self.issue_label.hide()
        self.confirm_box = QCheckBox()
        self.confirm_box.setAccessibleName(f"{field.id} confirm")
        self.confirm_box.hide()
        self.confirm_box.toggled.connect(lambda on: self.confirm_toggled.emit(field.id, on))
        if field.is_derived:
            self.input.setStyleSheet(DERIVED_CSS)
            self.input.focus_widget().setFocusPolicy(Qt.FocusPolicy.NoFocus)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.label, 0, 0, 3, 1)
        grid.addWidget(self.input, 0, 1)
        grid.addWidget(self.hint, 0, 2)
        grid.addWidget(self.help, 1, 1, 1, 2)
        grid.addWidget(self.issue_label, 2, 1, 1, 2)
        grid.addWidget(self.confirm_box, 3, 1, 1, 2)
        wide = field.type in (FieldType.TEXT, FieldType.MULTI_CHOICE, FieldType.CHOICE)
        grid.setColumnStretch(1, 1 if wide else 0)  # a number's unit and range sit right beside it
        grid.setColumnStretch(2, 0 if wide else 1)

    def add_beside(self, widget: QWidget) -> None:
        """Put ``widget`` to the right of the input (where a number's unit goes), taking the spare width."""
        grid = self.layout()
        assert isinstance(grid, QGridLayout)  # noqa: S101
        grid.addWidget(widget, 0, 2, 1, 1)
        grid.setColumnStretch(1, 0)
        grid.setColumnStretch(2, 1)

    def set_flag(self, text: str, tooltip: str = "", style: str = "") -> None:
        """A short mark after the input and its range hint (a lab value's L / H flag); empty text hides it."""
        flag = getattr(self, "flag", None)
        if flag is None:
            if not text:
                return
            flag = self.flag = QLabel()
            flag.setAccessibleName(f"{self.field.id} flag")
            grid = self.layout()
            assert isinstance(grid, QGridLayout)  # noqa: S101
            grid.addWidget(flag, 0, 3)
        flag.setText(text)
        flag.setToolTip(tooltip)
        flag.setStyleSheet(style)
        flag.setVisible(bool(text))

    @property
    def flag_text(self) -> str:
        flag = getattr(self, "flag", None)
        return flag.text() if flag is not None and not flag.isHidden() else ""

    def retranslate(self, lang: str) -> None:
        mark = "" if not self.field.required or self.field.is_derived else " *"
        self.label.setText(self.field.label.get(lang) + mark)
        self.hint.setText(range_hint(self.field, lang))
        self.hint.setVisible(bool(self.hint.text()))
        help_text = self.field.help.get(lang) if self.field.help is not None else ""
        if self.field.derived is not None:
            help_text = fill(translate("FieldRow", "Calculated: %1"), self.field.derived.description.get(lang))
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))
        self.input.setToolTip(help_text)
        self.confirm_box.setText(translate("FieldRow", "Confirm value: it is correct as entered"))
        self.input.retranslate(lang)
        self.show_issues(self.issues, lang)

    def show_issues(self, issues: tuple[Issue, ...], lang: str) -> None:
        """Show the most serious issue under the input: errors red, warnings amber with "Confirm value"."""
        self.issues = issues
        shown = sorted(issues, key=lambda i: (i.severity is not Severity.ERROR, i.severity is not Severity.WARNING))
        if not shown:
            self.issue_label.hide()
            self.issue_label.setText("")
            self.confirm_box.hide()
            return
        first = shown[0]
        prefix = {Severity.ERROR: "✖ ", Severity.WARNING: "⚠ ", Severity.INFO: "ℹ "}[first.severity]
        self.issue_label.setText(prefix + "\n".join(i.message.get(lang) for i in shown))
        if first.severity is Severity.ERROR:
            css = ERROR_CSS
        elif first.severity is Severity.WARNING:
            css = CONFIRMED_CSS if first.confirmed else WARNING_CSS
        else:
            css = INFO_CSS
        self.issue_label.setStyleSheet(css)
        self.issue_label.show()
        confirmable = next((i for i in shown if i.needs_confirmation), None)
        self.confirm_box.setVisible(confirmable is not None and first.severity is not Severity.ERROR)
        if confirmable is not None:
            self.confirm_box.blockSignals(True)
            self.confirm_box.setChecked(confirmable.confirmed)
            self.confirm_box.blockSignals(False)

    @property
    def issue_text(self) -> str:
        return self.issue_label.text() if self.issue_label.isVisible() or self.issues else ""
