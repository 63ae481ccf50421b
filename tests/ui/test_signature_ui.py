"""Issue 7 items 6-8 in the GUI: signing by keyboard, the manifestation on the form, invalidation shown in red,
the paper trail dialogs, and locking from the subject page."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from crf_desktop.services.locks import lock_state
from crf_desktop.services.signatures import MEANING, signatures_of
from crf_desktop.ui.lock_actions import LockDialog
from crf_desktop.ui.qt import QApplication, QDialog, Qt
from crf_desktop.ui.scan_dialog import AttachScanDialog, WetSignedDialog
from crf_desktop.ui.sign_dialog import SignDialog
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.services.signature_data import (
    as_user,
    consent,
    page_pdf,
    printed,
    scan_file,
    signable_casebook,
    subject_with_consent,
)
from tests.ui.data_entry import open_editor, open_main


def _type_and_enter(qtbot: QtBot, dialog: QDialog, text: str) -> None:
    """Type into the focused field and press Enter, as a person at the keyboard does."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_an_investigator_signs_a_form_by_keyboard_and_sees_the_manifestation(
    qtbot: QtBot, site_with_users: SiteFixture,
) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        window = open_main(qtbot, session)
        editor = open_editor(qtbot, window, subject_id, "consent")
        panel = editor.signature_panel
        assert panel.sign_button.isVisible() and panel.sign_button.text() == "Si&gn…"
        assert panel.signature_labels() == []
        dialog = panel.open_sign()
        assert isinstance(dialog, SignDialog)
        assert dialog.meaning.text() == MEANING
        assert dialog.password_edit.hasFocus() or dialog.focusWidget() is dialog.password_edit
        _type_and_enter(qtbot, dialog, "wrong password")
        qtbot.waitUntil(lambda: dialog.message.isVisible())
        assert "password is wrong" in dialog.message.text() and dialog.isVisible()
        assert dialog.password_edit.text() == ""
        _type_and_enter(qtbot, dialog, USER_PASSWORD)
        qtbot.waitUntil(lambda: panel.dialog is None)
        [label] = panel.signature_labels()
        assert label.text().startswith("Signed electronically by Test Investigator (Investigator), ")
        assert " UTC: “I have reviewed these data and confirm they are accurate and complete” (covers this " \
               "form)" in label.text()
        assert len(signatures_of(session, subject_id)) == 1
    finally:
        session.close()


def test_a_change_shows_the_signature_invalid_in_red_and_re_signing_restores_it(
    qtbot: QtBot, site_with_users: SiteFixture,
) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        window = open_main(qtbot, session)
        editor = open_editor(qtbot, window, subject_id, "consent")
        dialog = editor.signature_panel.open_sign()
        _type_and_enter(qtbot, dialog, USER_PASSWORD)
        qtbot.waitUntil(lambda: editor.signature_panel.dialog is None)
        consent(session, subject_id, obtained_by="Dr Li")  # a change saved (here through the service)
        editor.signature_panel.refresh()
        [label] = editor.signature_panel.signature_labels()
        assert label.text().startswith("Signature invalid: data changed on ")
        assert " by investigator; please re-sign." in label.text()
        assert "#a40000" in label.styleSheet()  # the error colour
        assert editor.signature_panel.sign_button.text() == "Re-si&gn…"
        again = editor.signature_panel.open_sign()
        _type_and_enter(qtbot, again, USER_PASSWORD)
        qtbot.waitUntil(lambda: editor.signature_panel.dialog is None)
        labels = editor.signature_panel.signature_labels()
        assert [label.text().startswith("Signed electronically") for label in labels] == [True]
    finally:
        session.close()


def test_the_coordinator_records_a_paper_signature_and_attaches_a_scan(
    qtbot: QtBot, site_with_users: SiteFixture, tmp_path: Path,
) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        window = open_main(qtbot, session)
        editor = open_editor(qtbot, window, subject_id, "consent")
        panel = editor.signature_panel
        assert not panel.sign_button.isVisible()  # a coordinator does not sign electronically
        wet = panel.open_wet_signed()
        assert isinstance(wet, WetSignedDialog)
        _type_and_enter(qtbot, wet, "Dr Wang")
        qtbot.waitUntil(lambda: wet.message.isVisible())
        assert wet.message.text().startswith("No printed copy of Informed consent")  # nothing printed to mark
        wet.reject()
        qtbot.waitUntil(lambda: panel.dialog is None)
        pdf = page_pdf(printed(session, subject_id, "screening", "consent"))  # printed, as Print… records it
        wet = panel.open_wet_signed()
        _type_and_enter(qtbot, wet, "Dr Wang")  # the date field holds today
        qtbot.waitUntil(lambda: panel.dialog is None)
        assert "Signed on paper by Dr Wang on " in panel.paper_label.text()
        scan = panel.open_attach_scan()
        assert isinstance(scan, AttachScanDialog)
        junk = tmp_path / "junk.png"
        junk.write_bytes(b"not a picture")
        _type_and_enter(qtbot, scan, str(junk))
        qtbot.waitUntil(lambda: scan.message.isVisible())
        assert "junk.png is not a PDF, PNG or JPEG file" in scan.message.text()
        scan.path_edit.clear()
        _type_and_enter(qtbot, scan, str(scan_file(pdf, tmp_path / "signed.png")))
        qtbot.waitUntil(lambda: scan.scan is not None)
        assert scan.message.text() == "Attached signed.png. QR code: matches version 1"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Close has the focus now
        qtbot.waitUntil(lambda: panel.dialog is None)
        assert "Scan signed.png attached on " in panel.paper_label.text()
        assert "matches version 1" in panel.paper_label.text()
    finally:
        session.close()


def test_sign_and_lock_a_casebook_from_the_subject_page(qtbot: QtBot, site_with_users: SiteFixture) -> None:
    subject_id = signable_casebook(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        window = open_main(qtbot, session)
        page = window.open_subject(subject_id)
        actions = page.casebook_actions
        assert actions.state_label.text() == "Casebook not signed."
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: isinstance(actions.dialog, SignDialog))  # Sign case&book…
        dialog = actions.dialog
        assert isinstance(dialog, SignDialog)
        assert dialog.what.text() == f"You are signing: the whole casebook of subject {subject_id}"
        _type_and_enter(qtbot, dialog, USER_PASSWORD)
        qtbot.waitUntil(lambda: actions.dialog is None)
        assert actions.state_label.text().startswith("Signed electronically by Test Investigator")
        lock = actions.open_lock()
        assert isinstance(lock, LockDialog) and not lock.unlock
        qtbot.waitExposed(lock)
        qtbot.keyClick(lock.buttons.action_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: actions.dialog is None)
        assert lock_state(session, subject_id) is not None
        assert actions.lock_button.text() == "Unloc&k casebook…"
        editor = open_editor(qtbot, window, subject_id, "visit_info", visit="week4")
        assert editor.read_only and "the casebook is locked" in editor.read_only_note.text()
        unlock = actions.open_lock()
        assert isinstance(unlock, LockDialog) and unlock.unlock
        _type_and_enter(qtbot, unlock, "query 12: visit date corrected")
        qtbot.waitUntil(lambda: actions.dialog is None)
        assert lock_state(session, subject_id) is None
    finally:
        session.close()


def test_sign_opens_from_the_keyboard_and_says_at_once_when_the_form_is_not_complete(
    qtbot: QtBot, site_with_users: SiteFixture,
) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        consent(session, subject_id, complete=False)
        window = open_main(qtbot, session)
        editor = open_editor(qtbot, window, subject_id, "consent")
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
        qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: isinstance(editor.signature_panel.dialog, SignDialog))
        dialog = editor.signature_panel.dialog
        assert isinstance(dialog, SignDialog)
        assert "is in progress; only a complete (or verified) form can be signed" in dialog.message.text()
        assert not dialog.sign_button.isEnabled() and not dialog.password_edit.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: editor.signature_panel.dialog is None)
        assert signatures_of(session, subject_id) == []
    finally:
        session.close()


def test_the_signature_buttons_follow_a_language_switch(qtbot: QtBot, site_with_users: SiteFixture) -> None:
    from crf_desktop.ui import language
    from crf_desktop.ui.signature_actions import SignaturePanel

    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        panel = SignaturePanel(session, subject_id=subject_id, visit="screening", form_id="consent", repeat_no=0,
                               title=lambda: "Consent")
        qtbot.addWidget(panel)
        assert panel.wet_button.text() == "Mark as &wet-signed…"
        language.apply(language.CHINESE, remember=False)
        try:
            qtbot.waitUntil(lambda: panel.wet_button.text() == "标记为纸质签名(&W)…")
            assert panel.scan_button.text() == "附加已签名扫描件(&A)…"
        finally:
            language.apply(language.ENGLISH, remember=False)
        qtbot.waitUntil(lambda: panel.wet_button.text() == "Mark as &wet-signed…")
    finally:
        session.close()
