"""QA: the query answer dialog's example fits the queried field. It spoke of "62 kg" on every query, a height or
a date too; now it names the field and its unit when it has one (height in cm), and no unit for a date or a
choice. The dialog stays within 1024 pixels with the example wrapped."""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.services import queries, records
from crf_desktop.services.queries import Query
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.query_answer_dialog import QueryAnswerDialog
from tests.ui.conftest import Sessions
from tests.ui.data_entry import ACR_ANSWERS, DEMOGRAPHICS, new_subject

# field id, its label as the dialog is given it, the example the note gives
EXAMPLES = [
    ("height_cm", "Height", "for example “Height (cm) corrected from the source document”"),
    ("weight_kg", "Weight", "for example “Weight (kg) corrected from the source document”"),
    ("weight_kg", "Weight (kg)", "for example “Weight (kg) corrected from the source document”"),  # once (QA)
    ("dob", "Date of birth", "for example “Date of birth corrected from the source document”"),
    ("sex", "Sex", "for example “Sex corrected from the source document”"),
]


def queried(sessions: Sessions, field_id: str, question: str) -> tuple[Session, Query]:
    """A new subject's demographics saved, a query raised on ``field_id`` by the monitor; the coordinator's
    session to answer it."""
    coordinator = sessions.login("coordinator")
    subject_id = new_subject(coordinator)
    assert records.save_record(coordinator, subject_id=subject_id, visit="screening", form_id="demographics",
                               raw={**DEMOGRAPHICS, **ACR_ANSWERS}).saved
    coordinator.close()  # one session at a time holds the data directory
    monitor = sessions.login("monitor")
    query = queries.raise_query(monitor, subject_id=subject_id, visit="screening", form_id="demographics",
                                field_id=field_id, question=question)
    monitor.close()
    return sessions.login("coordinator"), query


@pytest.mark.parametrize(("field_id", "label", "example"), EXAMPLES)
def test_the_example_names_the_queried_field_and_its_unit(qtbot: QtBot, sessions: Sessions, field_id: str,
                                                          label: str, example: str) -> None:
    coordinator, query = queried(sessions, field_id, "Please check against the source document.")
    dialog = QueryAnswerDialog(coordinator, query, field_label=label, current_value=DEMOGRAPHICS[field_id])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = dialog.note.text()
    assert example in shown
    assert "62 kg" not in shown and ("kg" in shown) == (field_id == "weight_kg")
    assert dialog.note.wordWrap() and dialog.width() <= 1024  # wrapped, readable on a 1024-pixel screen


def test_in_chinese_the_example_takes_the_chinese_label_and_unit(qtbot: QtBot, sessions: Sessions) -> None:
    coordinator, query = queried(sessions, "age_years", "年龄与出生日期不符，请核对。")
    language.apply(language.CHINESE, remember=False)
    dialog = QueryAnswerDialog(coordinator, query, field_label="签署知情同意时年龄", current_value="39 岁")
    qtbot.addWidget(dialog)
    assert re.search(r"签署知情同意时年龄\s*[（(]岁[）)]", dialog.note.text())  # ( ) until the .ts has its words
