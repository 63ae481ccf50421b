"""Input widgets for each field type, all with one interface: the text typed in, as validation reads it.

Every input offers ``text()`` (what ``forms.validation.validate`` receives for the field), ``set_text()`` (from a
stored value), :attr:`changed` (any edit), :attr:`left` (focus left the field), ``focus_widget()`` (where Tab
and Enter land) and ``set_read_only()``. Choice labels come from the declaration in the current language.
"""

from __future__ import annotations

from datetime import date

from crf_desktop.forms.dates import DateTextError, display_date, parse_partial_date
from crf_desktop.forms.model import Field, FieldType
from crf_desktop.ui.qt import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QDate,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QLineEdit,
    QMouseEvent,
    QObject,
    QPlainTextEdit,
    QRadioButton,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

CHOICES_PER_LINE = 4  # more choices than this (or long labels) are stacked one per line
PARAGRAPH_LENGTH = 500  # text allowed more characters than this (SAE narrative, history) gets several lines


class FieldInput(QWidget):
    changed = Signal()
    left = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field

    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    def retranslate(self, lang: str) -> None:
        """Re-label the choices in ``lang`` (inputs without labels do nothing)."""

    def wants_enter(self) -> bool:
        """Whether Enter is this input's own key now (a term list open), not "next field"."""
        return False

    #: A read-only choice or tick box stays focusable (a monitor tabs to it to raise a query, as to a read-only
    #: text box) but takes no click and no key that would change it: see :func:`_would_change`.
    frozen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.frozen and _would_change(event):
            return True
        if event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return super().eventFilter(watched, event)


_CHANGING_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Select, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left,
                            Qt.Key.Key_Right, Qt.Key.Key_Delete, Qt.Key.Key_Backspace})
_MOUSE_CLICKS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                           QEvent.Type.MouseButtonDblClick})


def _would_change(event: QEvent) -> bool:
    """Whether ``event`` would tick, untick or choose a button: a left click, Space, an arrow (radio buttons move
    their choice with it), Delete, or a typed character. Tab, Enter, Escape and shortcuts (Ctrl, Alt) go on."""
    if event.type() in _MOUSE_CLICKS:
        return isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False
    return event.key() in _CHANGING_KEYS or bool(event.text().strip())


class LineInput(FieldInput):
    """Text, whole numbers, decimals and times: a line edit."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(field.id)
        if field.type is FieldType.TEXT:
            self.edit.setMaxLength(field.max_length + 50)  # longer text gets the length message, not a cut
        else:
            self.edit.setMaximumWidth(160)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1 if field.type is FieldType.TEXT else 0)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def focus_widget(self) -> QWidget:
        return self.edit

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class ParagraphInput(FieldInput):
    """Long free text (an SAE narrative, a relevant history): several lines; Enter starts a new line, Tab moves on."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(field.id)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(self.edit.fontMetrics().lineSpacing() * 5)
        self.edit.textChanged.connect(self.changed.emit)
        self.edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        if text != self.edit.toPlainText():
            self.edit.setPlainText(text)

    def focus_widget(self) -> QWidget:
        return self.edit

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def wants_enter(self) -> bool:
        return not self.edit.isReadOnly()


def shown_date(stored: str, field: Field) -> str:
    """A stored ISO date as the app shows it (``05-Mar-2024``, ``UNK-Mar-2019``); anything else unchanged."""
    try:
        value = parse_partial_date(stored)
    except (DateTextError, ValueError):
        return stored
    if value.is_complete:
        return display_date(value.earliest())
    return value.display() if field.type is FieldType.PARTIAL_DATE else stored


class DateInput(LineInput):
    """A date typed in any accepted form, or picked from a calendar (button, or F4 / Alt+Down in the field)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit.setMaximumWidth(180)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("…")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.show_calendar)
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)  # noqa: S101
        layout.insertWidget(1, self.calendar_button)
        self.calendar: QCalendarWidget | None = None

    def set_text(self, text: str) -> None:
        self.edit.setText(shown_date(text, self.field))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.calendar_button.setEnabled(not read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and not self.edit.isReadOnly():
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)

    def show_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self, Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setGridVisible(True)
        try:
            current = parse_partial_date(self.edit.text())
            calendar.setSelectedDate(QDate(current.year, current.month or 1, current.day or 1))
        except (DateTextError, ValueError):
            pass
        calendar.clicked.connect(self.pick)
        calendar.activated.connect(self.pick)
        calendar.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar
        return calendar

    def pick(self, day: QDate) -> None:
        self.edit.setText(display_date(date(day.year(), day.month(), day.day())))
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.edit.setFocus()


class ChoiceInput(FieldInput):
    """Single choice and yes/no: radio buttons; typing a choice's code (Y, N, F …) picks it."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        self.unavailable: frozenset[str] = frozenset()  # codes offered but not allowed now (greyed out)
        self.read_only = False
        options = field.options()
        stacked = len(options) > CHOICES_PER_LINE or any(len(o.label.en) > 24 for o in options)
        layout: QHBoxLayout | QVBoxLayout = QVBoxLayout(self) if stacked else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for option in options:
            button = QRadioButton()
            button.setAccessibleName(f"{field.id} {option.code}")
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[option.code] = button
            layout.addWidget(button)
            button.toggled.connect(self._toggled)
        if not stacked:
            layout.addStretch(1)
        self.retranslate("en")

    def _toggled(self, on: bool) -> None:
        if on:
            self.changed.emit()

    def retranslate(self, lang: str) -> None:
        for option in self.field.options():
            self.buttons[option.code].setText(f"{option.label.get(lang)}  ({option.code})")

    def text(self) -> str:
        for code, button in self.buttons.items():
            if button.isChecked():
                return code
        return ""

    def set_text(self, text: str) -> None:
        button = self.buttons.get(text)
        if button is None:
            self.clear()
            return
        button.setChecked(True)

    def clear(self) -> None:
        checked = self.group.checkedButton()
        if checked is not None:
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)
            self.changed.emit()

    def focus_widget(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else next(iter(self.buttons.values()))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = self.frozen = read_only
        for code, button in self.buttons.items():
            button.setEnabled(code not in self.unavailable)

    def set_unavailable(self, codes: frozenset[str]) -> None:
        """Grey out ``codes`` (e.g. the grades a CTCAE term does not have); a chosen one stays chosen, and
        validation reports it."""
        self.unavailable = codes
        self.set_read_only(self.read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.frozen and _would_change(event):
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.text():
            typed = event.text().strip().upper()
            for code, button in self.buttons.items():
                if typed and code.upper() == typed and button.isEnabled():
                    button.setChecked(True)
                    button.setFocus()
                    return True
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear()
                return True
        return super().eventFilter(watched, event)


class MultiChoiceInput(FieldInput):
    """Multi-choice: one check box per choice; the text is the codes, comma-separated."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for option in field.options():
            box = QCheckBox()
            box.setAccessibleName(f"{field.id} {option.code}")
            box.toggled.connect(lambda _on: self.changed.emit())
            box.installEventFilter(self)
            self.boxes[option.code] = box
            layout.addWidget(box)
        self.retranslate("en")

    def retranslate(self, lang: str) -> None:
        for option in self.field.options():
            self.boxes[option.code].setText(f"{option.label.get(lang)}  ({option.code})")

    def text(self) -> str:
        return ",".join(code for code, box in self.boxes.items() if box.isChecked())

    def set_text(self, text: str) -> None:
        chosen = {part.strip() for part in text.split(",") if part.strip()}
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()))

    def set_read_only(self, read_only: bool) -> None:
        self.frozen = read_only


class CheckboxInput(FieldInput):
    """A single tick box: ``1`` ticked, ``0`` not."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(field.id)
        self.box.toggled.connect(lambda _on: self.changed.emit())
        self.box.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addStretch(1)

    def text(self) -> str:
        return "1" if self.box.isChecked() else "0"

    def set_text(self, text: str) -> None:
        self.box.setChecked(text.strip().lower() in {"1", "true", "yes", "y", "x", "on"})

    def focus_widget(self) -> QWidget:
        return self.box

    def set_read_only(self, read_only: bool) -> None:
        self.frozen = read_only


def make_input(field: Field, parent: QWidget | None = None) -> FieldInput:
    """The input for ``field``'s type (derived fields use a read-only line)."""
    if field.is_derived:
        shown = LineInput(field, parent)
        shown.set_read_only(True)
        return shown
    if field.type in (FieldType.DATE, FieldType.PARTIAL_DATE):
        return DateInput(field, parent)
    if field.type in (FieldType.CHOICE, FieldType.YES_NO):
        return ChoiceInput(field, parent)
    if field.type is FieldType.MULTI_CHOICE:
        return MultiChoiceInput(field, parent)
    if field.type is FieldType.CHECKBOX:
        return CheckboxInput(field, parent)
    if field.type is FieldType.TEXT and field.max_length > PARAGRAPH_LENGTH:
        return ParagraphInput(field, parent)
    from crf_desktop.ui.scale_input import scale_input  # noqa: PLC0415 - it builds on LineInput (defined here)

    return scale_input(field, parent) or LineInput(field, parent)
