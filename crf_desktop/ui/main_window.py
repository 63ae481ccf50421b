"""The main window: status bar, the pages (dashboard, site activity, open subjects), the form editors and the
screen lock; its menus are built in :mod:`crf_desktop.ui.main_window_menus`."""

from __future__ import annotations

from crf_desktop import __version__
from crf_desktop.core.roles import Permission
from crf_desktop.services.printing import PrintRequest
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.ae_summary_dialog import AeSummaryDialog
from crf_desktop.ui.audit_panel import AuditPanel
from crf_desktop.ui.centre_window import centre_page_for
from crf_desktop.ui.change_password_dialog import ChangePasswordDialog
from crf_desktop.ui.dashboard_page import DashboardPage
from crf_desktop.ui.dialog_keeper import open_kept
from crf_desktop.ui.form_editor import FormEditor
from crf_desktop.ui.idle_lock import DEFAULT_IDLE_MINUTES, IdleLock
from crf_desktop.ui.language import fill, translate
from crf_desktop.ui.main_window_menus import MenusMixin
from crf_desktop.ui.messages import WARNING_STYLE, show_message
from crf_desktop.ui.print_actions import QrCheckDialog, default_language
from crf_desktop.ui.qt import (
    QAction,
    QApplication,
    QDialog,
    QEvent,
    QLabel,
    QMainWindow,
    QMessageBox,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    pyside_version,
    qVersion,
)
from crf_desktop.ui.reference_ranges_dialog import ReferenceRangesDialog
from crf_desktop.ui.site_outcomes_dialog import SiteOutcomesDialog
from crf_desktop.ui.study_config_dialog import StudyConfigDialog
from crf_desktop.ui.subject_page import SubjectPage
from crf_desktop.ui.sync_actions import SyncActions
from crf_desktop.ui.sync_status import key_fingerprint_line
from crf_desktop.ui.users_dialog import UsersDialog

LOGOUT = "logout"
QUIT = "quit"


def window_title(session: Session, *, centre: bool = False) -> str:
    """The main window's title: the site (or, with ``centre``, the coordinating centre), the study and the user."""
    user = session.user
    role = user.role.label_in(language.current())
    if centre:
        return fill(translate("MainWindow", "crf-desktop — Coordinating centre · %1 — %2 (%3)"), session.study_id,
                    user.full_name, role)
    return fill(translate("MainWindow", "crf-desktop — Site %1 · %2 — %3 (%4)"), session.site_id, session.study_id,
                user.full_name, role)


class MainWindow(MenusMixin, QMainWindow):
    """Holds the session until Log out or Quit; then closes it and emits :attr:`session_ended`."""

    session_ended = Signal(str)  # LOGOUT or QUIT

    def __init__(self, session: Session, *, idle_minutes: float = DEFAULT_IDLE_MINUTES,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.session_open = True
        self._end_reason = QUIT
        self.dialog: QDialog | None = None  # the dialog opened from a menu, for tests
        self.fit_to_screen()

        self.dashboard: DashboardPage | None = None
        self.subject_pages: dict[str, SubjectPage] = {}
        self.editors: dict[tuple[str, str, str, int], FormEditor] = {}
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.centre_page = centre_page_for(session)  # at the coordinating centre it replaces the site dashboard
        # kept: the title is set again (a language switch) after the session has closed
        self.at_centre = self.centre_page is not None
        self.setWindowTitle(window_title(session, centre=self.at_centre))
        self.audit_panel = AuditPanel(session, at_centre=self.at_centre)
        if self.centre_page is not None:
            self.centre_page.changed.connect(self.audit_panel.refresh)
            self.tabs.addTab(self.centre_page, "")
        elif session.can(Permission.VIEW_DATA):
            self.dashboard = DashboardPage(session)
            self.dashboard.subject_requested.connect(self.open_subject)
            self.tabs.addTab(self.dashboard, "")
        self.tabs.addTab(self.audit_panel, "")
        for index in range(self.tabs.count()):
            self.tabs.tabBar().setTabButton(index, self.tabs.tabBar().ButtonPosition.RightSide, None)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.warning_banner = QLabel("\n".join(fill(self.tr("Warning: %1"), w) for w in session.warnings))
        self.warning_banner.setWordWrap(True)
        self.warning_banner.setStyleSheet(WARNING_STYLE)
        self.warning_banner.setVisible(bool(session.warnings))
        layout.addWidget(self.warning_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self.idle_lock = IdleLock(session, self, minutes=idle_minutes, on_logout=self.log_out)
        self.idle_lock.locked_changed.connect(self._lock_changed)
        self.sync_actions: SyncActions | None = None  # File ▸ Send to centre… and the status bar's sync line
        if self.centre_page is not None:
            for action in self.site_only_actions():
                action.setVisible(False)
                action.setEnabled(False)
            self.show_menu(self.tools_menu, False)
        else:
            self.sync_actions = SyncActions.install(self, session, file_menu=self.file_menu, before=self.lock_action,
                                                    on_sent=self._synced)
        self.retranslate()

    def site_only_actions(self) -> list[QAction]:
        """What only a site's own data gives meaning to, hidden at the coordinating centre: it has no subjects,
        records, lab ranges or study configuration of its own (what it imported is on the Centre page), and a
        printed page's QR names a site. Blank forms print anywhere."""
        return [self.responses_action, self.ae_summary_action, self.study_config_action, self.check_page_action,
                self.ranges_action]

    def fit_to_screen(self) -> None:
        """As large as the screen's free area (the shell then maximises it): all weeks of the dashboard show."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1100, 680)
            return
        free = screen.availableGeometry()
        self.setGeometry(free)

    # -- building ---------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.status_labels = {"data": QLabel(), "user": QLabel(), "role": QLabel()}
        self.status_labels["data"].setToolTip(str(self.session.data_dir))
        for label in self.status_labels.values():
            label.setContentsMargins(6, 0, 6, 0)
            status.addWidget(label)
        if self.session.warnings:
            warning = QLabel()
            warning.setStyleSheet("color: #8a5a00; font-weight: bold;")
            warning.setToolTip("\n\n".join(self.session.warnings))
            self.status_labels["warnings"] = warning
            status.addPermanentWidget(warning)

    # -- actions ----------------------------------------------------------------------------------------
    def lock_screen(self) -> None:
        self.idle_lock.lock()

    def _lock_changed(self, locked: bool) -> None:
        if not locked:
            self.audit_panel.refresh()
            if self.dashboard is not None:
                self.dashboard.refresh()

    # -- pages ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(window_title(self.session, centre=self.at_centre))
        user = self.session.user
        self.status_labels["data"].setText(fill(self.tr("Data: %1"), self.session.data_dir))
        self.status_labels["user"].setText(fill(self.tr("User: %1"), user.username))
        self.status_labels["role"].setText(fill(self.tr("Role: %1"), user.role.label_in(language.current())))
        if "warnings" in self.status_labels:
            self.status_labels["warnings"].setText(fill(
                self.tr("⚠ %1 storage warning(s): see the top of the window"), len(self.session.warnings)))
        if self.dashboard is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.dashboard), self.tr("Subjects"))
        self.tabs.setTabText(self.tabs.indexOf(self.audit_panel),
                             self.tr("Centre activity") if self.at_centre else self.tr("Site activity"))
        if self.centre_page is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.centre_page), self.tr("Centre"))
        if self.sync_actions is not None:
            self.sync_actions.retranslate()
        for subject_id, page in self.subject_pages.items():
            self.tabs.setTabText(self.tabs.indexOf(page), fill(self.tr("Subject %1"), subject_id))
        self.retranslate_menus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, code: str) -> None:
        """Switch the language of every open window (remembered for the next start)."""
        language.apply(code)
        self.language_actions[code].setChecked(True)

    def show_dashboard(self) -> None:
        """The first page (Ctrl+1): the subjects at a site, the Centre page at the coordinating centre."""
        home = self.dashboard if self.dashboard is not None else self.centre_page
        if home is not None:
            self.tabs.setCurrentWidget(home)

    def show_activity(self) -> None:
        self.tabs.setCurrentWidget(self.audit_panel)
        self.audit_panel.refresh()

    def open_subject(self, subject_id: str, visit: str = "") -> SubjectPage:
        page = self.subject_pages.get(subject_id)
        if page is None:
            page = SubjectPage(self.session, subject_id)
            page.form_requested.connect(self.open_form)
            page.record_requested.connect(self.open_form)
            page.field_requested.connect(self.open_form)
            page.changed.connect(self._data_changed)
            self.subject_pages[subject_id] = page
            self.tabs.addTab(page, fill(self.tr("Subject %1"), subject_id))
        else:
            page.refresh()
        self.tabs.setCurrentWidget(page)
        if visit:
            page.show_visit(visit)
        if page.tree.isVisibleTo(page):  # the visits tree, not the tab bar: Down moves through the visits at once
            page.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return page

    def close_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, SubjectPage):
            self.tabs.removeTab(index)
            self.subject_pages.pop(page.subject_id, None)
            page.deleteLater()

    def open_form(self, subject_id: str, visit: str, form_id: str, repeat_no: int = 0,
                  field_id: str = "") -> FormEditor:
        """Open (or bring forward) the editor of one record, at ``field_id`` when given (a query's field); saving
        refreshes the dashboard and subject page."""
        key = (subject_id, visit, form_id, repeat_no)
        editor = self.editors.get(key)
        if editor is None:
            editor = FormEditor(self.session, subject_id=subject_id, visit=visit, form_id=form_id,
                                repeat_no=repeat_no, parent=self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.saved.connect(self._data_changed)
            editor.record_requested.connect(self._open_prefilled)
            editor.finished.connect(lambda _result, k=key: self.editors.pop(k, None))
            self.editors[key] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        if field_id:
            editor.show_field(field_id)
        return editor

    def _open_prefilled(self, subject_id: str, visit: str, form_id: str, repeat_no: int, values: object) -> None:
        editor = self.open_form(subject_id, visit, form_id, repeat_no)
        if isinstance(values, dict) and editor.record is None:
            editor.prefill({str(k): str(v) for k, v in values.items()})

    def _synced(self) -> None:
        """After a send to the centre: queries may have arrived, and the audit trail has the export."""
        if self.dashboard is not None:
            self.dashboard.refresh()
        self.audit_panel.refresh()

    def _data_changed(self, subject_id: str) -> None:
        if self.sync_actions is not None:
            self.sync_actions.status_label.refresh()
        if self.dashboard is not None:
            self.dashboard.refresh()
        page = self.subject_pages.get(subject_id)
        if page is not None:
            page.refresh()

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        """A dialog of the menus: whatever it did, the site activity page shows it (unless the session ended)."""
        return open_kept(self, dialog, self.audit_panel.refresh, did_something=lambda _result: self.session_open)

    def open_change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.session, forced=False, parent=self)
        self._open_dialog(dialog)
        return dialog

    def open_study_config(self) -> StudyConfigDialog:
        dialog = StudyConfigDialog(self.session, self)
        self._open_dialog(dialog)
        return dialog

    def open_site_outcomes(self) -> SiteOutcomesDialog:
        dialog = SiteOutcomesDialog(self.session, self)
        self._open_dialog(dialog)
        return dialog

    def open_ae_summary(self) -> AeSummaryDialog:
        dialog = AeSummaryDialog(self.session, self)
        self._open_dialog(dialog)
        return dialog

    def open_reference_ranges(self, lab_name: str = "") -> ReferenceRangesDialog:
        dialog = ReferenceRangesDialog(self.session, self, lab_name=lab_name)
        self._open_dialog(dialog)
        return dialog

    def print_blank_book(self) -> None:
        self.printer.preview(PrintRequest(lang=default_language()), self.tr("blank CRF book"))

    def open_qr_check(self) -> QrCheckDialog:
        dialog = QrCheckDialog(self.session, self)
        self._open_dialog(dialog)
        return dialog

    def open_users(self) -> UsersDialog:
        dialog = UsersDialog(self.session, self)
        self._open_dialog(dialog)
        return dialog

    def show_about(self) -> QMessageBox:
        return show_message(self, "\n".join((
            f"crf-desktop {__version__}",
            fill(self.tr("Case report forms for study %1, site %2."), self.session.study_id, self.session.site_id),
            "",
            fill(self.tr("Data directory: %1"), self.session.data_dir),
            key_fingerprint_line(self.session, centre=self.centre_page is not None),
            "",
            f"Qt {qVersion()}, PySide6 {pyside_version}",
        )), title=self.tr("About crf-desktop"))

    def log_out(self) -> None:
        self._end_reason = LOGOUT
        self.close()

    def closeEvent(self, event: QEvent) -> None:
        was_open = self.session_open
        self.end_session()
        event.accept()
        if was_open:
            self.session_ended.emit(self._end_reason)

    def end_session(self) -> None:
        """Stop the lock and close the session (audited as a logout); safe to call twice."""
        if not self.session_open:
            return
        self.session_open = False
        self.idle_lock.stop()
        if self.dialog is not None:
            self.dialog.reject()
        for editor in list(self.editors.values()):
            editor.close_without_asking()  # the session ends (log out, quit, idle log-out): nothing saves now
        self.session.close()
