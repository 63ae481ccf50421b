"""The PhGA input (issue 5 item 2): a 0-3 slider in tenths with the 0/1/2/3 anchors under it, and the numeric box.

The box holds the value validation reads (one decimal, as the form declares: ``forms.library.phga``); the slider
follows what is typed and typing follows the slider, so either can be used. Keyboard: the box takes the focus
first (type "1.7"); Tab reaches the slider, where the arrow keys move by 0.1 and Page Up/Down by 1.0. An empty
box is "not assessed": the slider then shows no value (it is greyed until one is typed or chosen).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from crf_desktop.forms.library import phga
from crf_desktop.forms.model import Field
from crf_desktop.ui.field_inputs import LineInput
from crf_desktop.ui.qt import QGridLayout, QLabel, QSlider, Qt, QWidget

TENTHS = 10


class ScaleInput(LineInput):
    """A numeric box (:class:`LineInput`) with a slider from the field's hard range, in tenths, and anchors."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        assert field.hard_range is not None  # noqa: S101 - only fields with a range get a scale
        low, high = field.hard_range.low, field.hard_range.high
        assert low is not None and high is not None  # noqa: S101
        self.low, self.high = int(low), int(high)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(f"{field.id} slider")
        self.slider.setRange(self.low * TENTHS, self.high * TENTHS)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(TENTHS)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(TENTHS)
        self.slider.setMinimumWidth(320)
        self.slider.installEventFilter(self)
        self.slider.valueChanged.connect(self._slid)
        self.anchors: dict[int, QLabel] = {}
        scale = QWidget()
        grid = QGridLayout(scale)
        grid.setContentsMargins(0, 0, 0, 0)
        span = (self.high - self.low) * 2
        grid.addWidget(self.slider, 0, 0, 1, span + 2)
        for score in range(self.low, self.high + 1):
            label = QLabel()
            label.setStyleSheet("color: #444444;")
            where = (score - self.low) * 2
            align = Qt.AlignmentFlag.AlignLeft if score == self.low else Qt.AlignmentFlag.AlignRight \
                if score == self.high else Qt.AlignmentFlag.AlignHCenter
            grid.addWidget(label, 1, max(where - 1, 0), 1, 2 if score in (self.low, self.high) else 3, align)
            self.anchors[score] = label
        self.layout().addWidget(scale, 1)
        self.edit.textChanged.connect(self._typed)
        self.retranslate("en")
        self._typed(self.edit.text())

    def _typed(self, text: str) -> None:
        try:
            value = Decimal(text.strip())
        except InvalidOperation:
            self.slider.setEnabled(not self.edit.isReadOnly())
            return
        tenths = int((value * TENTHS).to_integral_value())
        if self.low * TENTHS <= tenths <= self.high * TENTHS and self.slider.value() != tenths:
            self.slider.blockSignals(True)
            self.slider.setValue(tenths)
            self.slider.blockSignals(False)

    def _slid(self, tenths: int) -> None:
        shown = f"{Decimal(tenths) / TENTHS:.1f}"
        if self.edit.text() != shown:
            self.edit.setText(shown)  # emits changed through the line edit

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.slider.setEnabled(not read_only)

    def retranslate(self, lang: str) -> None:
        for score, label in self.anchors.items():
            name = phga.ANCHORS_ZH[score] if lang == "zh" else phga.scoring.PGA_ANCHORS[score]
            label.setText(f"{score} {name}")


def scale_input(field: Field, parent: QWidget | None = None) -> LineInput | None:
    """The slider input for a field declared as a 0-3 global assessment (the PhGA), else ``None``."""
    if field is phga.FORM.field(phga.FIELD_ID):
        return ScaleInput(field, parent)
    return None
