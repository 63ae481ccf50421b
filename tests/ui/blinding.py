"""Helpers for the eligibility, randomisation and blinding GUI tests (issue 4) on a copy of the demo site.

The demo's first subject (01-001) is in screening with one investigator answer left empty (exclusion 12): not
evaluable until it is answered, then eligible. 01-002 is the screen failure (exclusion 7); 01-003 onwards are
randomised (R01-001 …), so the next number the list gives is R01-009.
"""

from __future__ import annotations

import re

from crf_desktop.services import records
from crf_desktop.services.session import Session
from crf_desktop.ui.qt import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

SCREENING_SUBJECT = "01-001"
SCREEN_FAILURE = "01-002"
RANDOMISED = "01-003"
NEXT_NUMBER = ("R01-009", "MSC-0009", "MMF-0009")

#: The arm labels of services.randomisation (English and Chinese), in pieces a screen could show.
ARM_WORDS = ("MSC + placebo", "Placebo MSC", "placebo MMF", "active mesenchymal", "placebo infusion, active",
             "间充质干细胞 + 吗替麦考酚酯安慰剂", "间充质干细胞安慰剂 + 吗替麦考酚酯")
#: An arm code shown as such ("arm A", "Arm: B", "treatment group B", "组别 A").
ARM_CODE = re.compile(r"(\barm\b|treatment group|组别|治疗组)\s*[:：=]?\s*[AB]\b", re.IGNORECASE)


def answer_exclusion_12(session: Session, subject_id: str = SCREENING_SUBJECT) -> None:
    """The investigator's missing answer on the demo's screening subject: now eligible."""
    record = records.get_record(session, subject_id=subject_id, visit="screening", form_id="inclusion_exclusion")
    assert record is not None
    raw = {k: v for k, v in record.data.items() if v is not None}
    raw["exc12_inv"] = "N"
    outcome = records.save_record(session, subject_id=subject_id, visit="screening", form_id="inclusion_exclusion",
                                  raw=raw, expected_version=record.version)
    if not outcome.saved:
        confirmed = {i.field: i.value for i in outcome.refused if i.needs_confirmation}
        outcome = records.save_record(session, subject_id=subject_id, visit="screening",
                                      form_id="inclusion_exclusion", raw=raw, confirmed=confirmed,
                                      expected_version=record.version)
    assert outcome.saved, [i.message.en for i in outcome.refused]


def widget_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hover in ``root`` and its children: labels, buttons, inputs, tab titles,
    tree and table cells, combo items, tool tips, window titles."""
    found: list[str] = [root.windowTitle(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            found.append(widget.toPlainText())
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(n) for n in range(widget.count())]
        if isinstance(widget, QComboBox):
            found += [widget.itemText(n) for n in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            stack = [widget.topLevelItem(n) for n in range(widget.topLevelItemCount())]
            while stack:
                item = stack.pop()
                found += [item.text(c) for c in range(widget.columnCount())]
                found += [item.toolTip(c) for c in range(widget.columnCount())]
                stack += [item.child(c) for c in range(item.childCount())]
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    found += [str(model.data(index) or ""), str(model.data(index, 3) or "")]  # display, tool tip
            found += [str(model.headerData(c, widget.horizontalHeader().orientation()) or "")
                      for c in range(model.columnCount())]
    return [text for text in found if text]


def arm_leaks(texts: list[str]) -> list[str]:
    return [t for t in texts if any(w.lower() in t.lower() for w in ARM_WORDS) or ARM_CODE.search(t)]
