"""Save PNGs of the login dialog, the main window, the users dialog, the dashboard, a subject page (its logs of
adverse events and medications, its eligibility tab, and a randomised subject with its randomisation number and
kits), the reference ranges, the lab flags, the form editor (English and Chinese), a subject's outcomes with the
trend chart, the CTCAE term search and grades, and the SLEDAI-2K suggestions into docs/screenshots/.

    .venv/bin/python tests/ui/screenshots.py
    .venv/bin/python tests/ui/screenshots.py --only subject-logs.png   # just these (comma-separated)

Starts its own Xvfb (a real X display, so fonts and styles render as on a desktop) unless ``DISPLAY`` is set
and ``--use-display`` is given, then re-runs itself under it. ``--only`` names the pictures to save (the rest
are skipped). The site is a fresh demo site in a temporary folder; the pictures are taken with
``QWidget.grab()`` (window frames are the window manager's, not ours).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
CHILD = "CRF_SCREENSHOTS_CHILD"
ONLY = "CRF_SCREENSHOTS_ONLY"
PASSWORD = "demo-password-2024"


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is not installed: apt-get install -y xvfb (see dev.py for the xcb libraries)")
    for number in range(91, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            display = f":{number}"
            proc = subprocess.Popen([xvfb, display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    return proc, display
                time.sleep(0.1)
            proc.terminate()
    raise SystemExit("could not start Xvfb on any display :91-:119")


def parent() -> int:
    if "--only" in sys.argv[:-1]:
        os.environ[ONLY] = sys.argv[sys.argv.index("--only") + 1]
    if "--use-display" in sys.argv and os.environ.get("DISPLAY"):
        env = dict(os.environ, **{CHILD: "1", "QT_QPA_PLATFORM": "xcb"})
        return subprocess.call([sys.executable, __file__], env=env)
    proc, display = start_xvfb()
    try:
        env = dict(os.environ, **{CHILD: "1", "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        return subprocess.call([sys.executable, __file__], env=env)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def child() -> int:
    sys.path.insert(0, str(ROOT))
    from crf_desktop.services.demo import create_demo
    from crf_desktop.services.session import login
    from crf_desktop.ui.app import create_application, site_before_login
    from crf_desktop.ui.login_dialog import LoginDialog
    from crf_desktop.ui.main_window import MainWindow
    from crf_desktop.ui.qt import QApplication, QWidget

    app = create_application()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(10):
            QApplication.processEvents()
            time.sleep(0.03)

    only = [n for n in os.environ.get(ONLY, "").split(",") if n]

    def save(widget: QWidget, name: str) -> None:
        if only and name not in only:
            return
        settle()
        path = OUT / name
        if not widget.grab().save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        print(f"wrote {path.relative_to(ROOT)} ({widget.width()}x{widget.height()})")

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "crf-desktop-demo"
        passwords = create_demo(data_dir, shared_password=PASSWORD)

        dialog = LoginDialog(data_dir, demo_users=passwords, site_text=site_before_login(data_dir, passwords)[0])
        dialog.show()
        dialog.user_edit.setText("coordinator")
        dialog.password_edit.setText("a wrong one")
        dialog.try_login()  # shows the attempts-left message, as a person sees it after a typo
        save(dialog, "login.png")
        dialog.fill_demo_user("admin", passwords["admin"])
        dialog.try_login()
        session = dialog.session
        assert session is not None  # noqa: S101 - a screenshot script, not app code
        dialog.close()

        session.add_user(username="wang.fang", full_name="Wang Fang", role=session.user.role.COORDINATOR,
                         password="temporary-pass-1")
        session.record("screen locked")
        session.record("screen unlocked")
        window = MainWindow(session)
        window.resize(1280, 720)
        window.show()
        window.audit_panel.refresh()
        save(window, "main-window.png")

        users = window.open_users()
        users.select_user("coordinator")
        save(users, "users.png")
        users.close()
        window.close()

        data_entry_screens(data_dir, save)
        clinical_screens(data_dir, save)
        blinding_screens(data_dir, save)
        release_screens(data_dir, passwords, save)
        login(data_dir, "admin", PASSWORD).close()  # the site is still intact and free
    app.quit()
    return 0


def data_entry_screens(data_dir: Path, save: object) -> None:
    """The coordinator's day: the dashboard of the demo subjects, a subject, the editor with an error and a
    warning, and the same editor in Chinese."""
    from crf_desktop.services.session import login
    from crf_desktop.services.subjects import register_subject
    from crf_desktop.ui import language
    from crf_desktop.ui.main_window import MainWindow
    from crf_desktop.ui.subject_logs import LOG_ROLE

    session = login(data_dir, "coordinator", PASSWORD)
    subject = register_subject(session, initials="LXM", birth_year=1988, sex="F")
    window = MainWindow(session)
    window.resize(1400, 820)
    window.show()
    save(window, "dashboard.png")  # type: ignore[operator]
    window.open_subject(window.dashboard.model.row(3).subject.subject_id)  # type: ignore[union-attr]
    save(window, "subject.png")  # type: ignore[operator]
    page = window.open_subject("01-009")  # two adverse events (one "Other, specify") and three medications
    for top in range(page.tree.topLevelItemCount()):
        page.tree.topLevelItem(top).setExpanded(page.tree.topLevelItem(top).data(0, LOG_ROLE) is True)
    page.tree.setCurrentItem(page.entry_items("adverse_events", "adverse_event")[1])
    page.tree.setFocus()
    save(window, "subject-logs.png")  # type: ignore[operator]
    page = window.open_subject("01-001")  # the demo's subject still in screening: one answer missing
    page.tabs.setCurrentWidget(page.eligibility_panel)
    save(window, "eligibility.png")  # type: ignore[operator]
    editor = window.open_form(subject.subject_id, "screening", "demographics")
    editor.resize(1100, 900)
    values = {"dob": "14-Jul-1988", "sex": "F", "childbearing": "Y", "ethnicity": "HAN", "height_cm": "1.62",
              "weight_kg": "131"}
    for field_id, text in values.items():
        editor.rows[field_id].input.set_text(text)
        editor._left(field_id)
    editor.scroll.ensureWidgetVisible(editor.rows["weight_kg"], 0, 120)
    editor.rows["height_cm"].input.focus_widget().setFocus()
    save(editor, "form-editor.png")  # type: ignore[operator]
    language.apply(language.CHINESE, remember=False)
    save(editor, "form-editor-zh.png")  # type: ignore[operator]
    window.show_dashboard()
    save(window, "dashboard-zh.png")  # type: ignore[operator]
    language.apply(language.ENGLISH, remember=False)
    editor.close_without_asking()
    editor = window.open_form("01-004", "screening", "demographics")  # the demo monitor's query on the weight
    editor.resize(1100, 700)
    editor.scroll.ensureWidgetVisible(editor.query_markers["weight_kg"], 0, 120)
    answer = editor.query_action("weight_kg")  # what Ctrl+Shift+Q on the field opens for a coordinator
    save(editor, "query-marker.png")  # type: ignore[operator]
    if answer is not None:
        save(answer, "query-answer.png")  # type: ignore[operator]
        answer.reject()
    editor.close_without_asking()
    window.close()


def clinical_screens(data_dir: Path, save: object) -> None:
    """A responder's outcomes tab with the trend chart, the AE term search and the chosen term's grades, and
    the SLEDAI-2K form with suggestions from the visit's labs."""
    from datetime import timedelta

    from crf_desktop.services.session import login
    from crf_desktop.services.subjects import register_subject
    from crf_desktop.ui.form_editor import FormEditor
    from crf_desktop.ui.main_window import MainWindow
    from crf_desktop.ui.qt import QApplication
    from tests.ui.clinical_data import labs, responder
    from tests.ui.clinical_data import save as save_record

    session = login(data_dir, "coordinator", PASSWORD)
    sid = responder(session, "HMX")
    window = MainWindow(session)
    window.resize(1400, 1000)
    window.show()
    page = window.open_subject(sid)
    page.tabs.setCurrentWidget(page.outcomes_panel)
    save(window, "subject-outcomes.png")  # type: ignore[operator]

    other = register_subject(session, initials="ZLQ", birth_year=1992, sex="F").subject_id
    day = (session.today() - timedelta(days=2)).isoformat()
    save_record(session, other, "baseline", "labs", labs("1.8", "92", day, plt_unit="E9_L", plt_in_e9_l="82",
                                                         wbc_unit="E9_L", wbc_in_e9_l="3.6"))
    sledai = FormEditor(session, subject_id=other, visit="baseline", form_id="sledai", parent=window)
    sledai.resize(1150, 900)
    sledai.show()
    panel = sledai.suggestions_panel
    assert panel is not None  # noqa: S101 - a screenshot script
    panel.buttons["sledai_proteinuria"].click()
    sledai.scroll.ensureWidgetVisible(sledai.rows["sledai_proteinuria"], 0, 200)
    save(sledai, "sledai-suggestions.png")  # type: ignore[operator]
    sledai.close_without_asking()

    ae = FormEditor(session, subject_id=other, visit="adverse_events", form_id="adverse_event", repeat_no=1,
                    parent=window)
    ae.resize(1150, 760)
    ae.show()
    term = ae.rows["ae_term"].input
    term.focus_widget().setFocus()
    for text in ("p", "pl", "pla", "plat"):
        term.focus_widget().setText(text)
        term._typed(text)  # noqa: SLF001 - what typing a key ends in
    QApplication.processEvents()
    save(ae, "ae-term-browser.png")  # type: ignore[operator]
    term.choose_row(0)
    ae.scroll.ensureWidgetVisible(ae.rows["ae_serious"], 0, 20)
    save(ae, "ae-term-grades.png")  # type: ignore[operator]
    ae.close_without_asking()
    window.close()


def blinding_screens(data_dir: Path, save: object) -> None:
    """A randomised subject as the investigator sees it: randomisation number and kits, never the arm; and the
    laboratory's reference ranges."""
    from crf_desktop.services.session import login
    from crf_desktop.ui.main_window import MainWindow

    session = login(data_dir, "investigator", PASSWORD)
    window = MainWindow(session)
    window.resize(1400, 820)
    window.show()
    window.open_subject("01-004")
    save(window, "randomised-subject.png")  # type: ignore[operator]
    dialog = window.open_reference_ranges()
    dialog.lab_combo.setCurrentText("Central Hospital clinical laboratory")
    save(dialog, "reference-ranges.png")  # type: ignore[operator]
    dialog.reject()
    editor = window.open_form("01-004", "screening", "labs")
    editor.resize(1150, 900)
    editor.scroll.ensureWidgetVisible(editor.rows["c4_g_l"], 0, 200)
    save(editor, "lab-flags.png")  # type: ignore[operator]
    editor.close_without_asking()
    window.close()


def release_screens(data_dir: Path, passwords: dict[str, str], save: object) -> None:
    """The investigator's view of a signed form, a print preview, a subject's AE timeline, and the centre's page
    after importing the demo site's first package (issues 6, 7, 8)."""
    from crf_desktop.services import demo_centre
    from crf_desktop.services.centre import import_packages, open_centre
    from crf_desktop.services.printing import PrintRequest, render_request
    from crf_desktop.services.session import login
    from crf_desktop.store.signatures import signatures_of
    from crf_desktop.ui.main_window import MainWindow
    from crf_desktop.ui.print_preview import PrintPreviewDialog

    session = login(data_dir, "investigator", PASSWORD)
    window = MainWindow(session)
    window.resize(1400, 900)
    window.show()
    page = window.open_subject("01-009")
    page.tabs.setCurrentWidget(page.ae_scroll)
    save(window, "ae-timeline.png")  # type: ignore[operator]
    signed = next(s for sid in ("01-003", "01-004", "01-005", "01-006", "01-009")
                  for s in signatures_of(session.site.db, sid) if s.valid and s.visit is not None)
    editor = window.open_form(signed.subject_id, signed.visit or "", signed.form or "visit_info")
    editor.resize(1150, 900)
    editor.scroll.ensureWidgetVisible(editor.signature_panel, 0, 20)
    save(editor, "signed-form.png")  # type: ignore[operator]
    editor.close_without_asking()
    printed = render_request(session, PrintRequest(subject_id=signed.subject_id, visit=signed.visit, lang="both"))
    preview = PrintPreviewDialog(session, printed, f"{signed.subject_id} · {signed.visit}", window)
    preview.resize(1000, 1000)
    preview.show()
    save(preview, "print-preview.png")  # type: ignore[operator]
    preview.reject()
    window.close()
    session.close()

    paths = demo_centre.create_demo_centre(data_dir, passwords)
    demo_centre.enrol_and_export(data_dir, paths.key_file, passwords, paths.folder)
    centre = open_centre(paths.data_dir, "datamanager", PASSWORD)
    import_packages(centre, paths.folder)
    window = MainWindow(centre)
    window.resize(1400, 820)
    window.show()
    save(window, "centre.png")  # type: ignore[operator]
    window.close()


if __name__ == "__main__":
    raise SystemExit(child() if os.environ.get(CHILD) else parent())
