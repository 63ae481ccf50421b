"""Helpers for the data-entry GUI tests: subjects registered through the services on a copy of the demo site."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crf_desktop.services.session import Session
from crf_desktop.services.subjects import register_subject
from crf_desktop.ui.form_editor import FormEditor
from crf_desktop.ui.main_window import MainWindow
from crf_desktop.ui.qt import QApplication, QWidget

#: Demographics typed as a coordinator would, field by field (dob_unknown left unticked).
DEMOGRAPHICS = {"dob": "05-Mar-1985", "sex": "F", "childbearing": "Y", "ethnicity": "HAN", "height_cm": "160",
                "weight_kg": "58", "sle_diagnosis_date": "UNK-Mar-2019"}
ACR_ANSWERS = {"acr_malar_rash": "Y", "acr_discoid_rash": "N", "acr_photosensitivity": "Y", "acr_oral_ulcers": "N",
               "acr_arthritis": "Y", "acr_serositis": "N", "acr_renal": "N", "acr_neurologic": "N",
               "acr_haematologic": "N", "acr_immunologic": "Y", "acr_ana": "Y"}


def new_subject(session: Session, initials: str = "ZSF", sex: str = "F") -> str:
    return register_subject(session, initials=initials, birth_year=1985, sex=sex).subject_id


def open_main(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return window


def open_editor(qtbot: QtBot, window: MainWindow, subject_id: str, form_id: str = "demographics",
                visit: str = "screening") -> FormEditor:
    editor = window.open_form(subject_id, visit, form_id)
    qtbot.waitExposed(editor)
    return editor


def fill(editor: FormEditor, values: dict[str, str]) -> None:
    """Fill fields through their inputs (``set_text`` is what a click or typing ends in)."""
    for field_id, text in values.items():
        editor.rows[field_id].input.set_text(text)
        editor._left(field_id)


def focused() -> QWidget | None:
    return QApplication.focusWidget()
