"""The main window's menu bar: File, Admin, Tools, View and Help, who sees which, and their texts.

A menu the user's role (or the coordinating centre) has no use for is hidden *and* taken out of the bar
(:meth:`MenusMixin.show_menu`): Qt's menu bar still answers the Alt+letter of a hidden menu, which then takes the
key from the pages (Alt+A "Answer…" on a subject page went to the hidden Admin menu, Alt+T to a hidden Tools).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from crf_desktop.core.roles import Permission
from crf_desktop.services.session import Session
from crf_desktop.ui import language
from crf_desktop.ui.language import translate
from crf_desktop.ui.print_actions import Printer
from crf_desktop.ui.qt import QAction, QActionGroup, QKeySequence, QMenu, QMenuBar, QShortcut, Qt

if TYPE_CHECKING:
    from crf_desktop.ui.dashboard_page import DashboardPage

#: The View ▸ Language entry reads the same in every language, so a person who cannot read the current one
#: still finds the way back (not translated on purpose).
LANGUAGE_MENU = "&Language / 语言"


class MenusMixin:
    """Needs the window's ``session``, ``dashboard`` and the slots the actions call; a QMainWindow."""

    session: Session
    dashboard: DashboardPage | None
    at_centre: bool

    if TYPE_CHECKING:
        def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name
        def close(self) -> bool: ...
        def lock_screen(self) -> None: ...
        def open_change_password(self) -> object: ...
        def log_out(self) -> None: ...
        def print_blank_book(self) -> None: ...
        def open_qr_check(self) -> object: ...
        def open_users(self) -> object: ...
        def open_reference_ranges(self, lab_name: str = "") -> object: ...
        def show_dashboard(self) -> None: ...
        def show_activity(self) -> None: ...
        def open_site_outcomes(self) -> object: ...
        def open_ae_summary(self) -> object: ...
        def set_language(self, code: str) -> None: ...
        def show_about(self) -> object: ...
        def open_study_config(self) -> object: ...

    def _action(self, text: str, slot: Callable[..., object], shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)  # type: ignore[call-overload]  # the mixin is on a QMainWindow
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("&File")
        self.lock_action = self._action("&Lock screen", self.lock_screen, QKeySequence("Ctrl+L"))
        self.change_password_action = self._action("&Change password…", self.open_change_password)
        self.logout_action = self._action("Log &out", self.log_out, QKeySequence("Ctrl+Shift+L"))
        self.quit_action = self._action("&Quit", self.close, QKeySequence("Ctrl+Q"))
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.change_password_action)
        file_menu.addSeparator()
        self.printer = Printer(self, self.session)  # type: ignore[arg-type]  # the mixin is on a QMainWindow
        self.blank_book_action = self._action("Print &blank CRF book…", self.print_blank_book)
        self.check_page_action = self._action("Check a &printed page…", self.open_qr_check)
        self.blank_book_action.setEnabled(self.session.can(Permission.PRINT))
        self.check_page_action.setEnabled(self.session.can(Permission.VIEW_DATA))
        file_menu.addAction(self.blank_book_action)
        file_menu.addAction(self.check_page_action)
        file_menu.addSeparator()
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)

        self.admin_menu = bar.addMenu("&Admin")
        self.users_action = self._action("&Users…", self.open_users)
        self.admin_menu.addAction(self.users_action)

        self.tools_menu = bar.addMenu("&Tools")
        self.ranges_action = self._action("&Reference ranges…", self.open_reference_ranges)
        self.tools_menu.addAction(self.ranges_action)

        self.view_menu = bar.addMenu("&View")
        self.subjects_action = self._action("&Subjects", self.show_dashboard, QKeySequence("Ctrl+1"))
        self.subjects_action.setEnabled(self.dashboard is not None or self.at_centre)
        self.activity_action = self._action("Site &activity", self.show_activity, QKeySequence("Ctrl+2"))
        self.view_menu.addAction(self.subjects_action)
        self.view_menu.addAction(self.activity_action)
        self.responses_action = self._action("&Responses by visit", self.open_site_outcomes)
        self.responses_action.setEnabled(self.session.can(Permission.VIEW_DATA))
        self.view_menu.addAction(self.responses_action)
        self.ae_summary_action = self._action("Adverse &events summary", self.open_ae_summary)
        self.ae_summary_action.setEnabled(self.session.can(Permission.VIEW_DATA))
        self.view_menu.addAction(self.ae_summary_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu(LANGUAGE_MENU)
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)  # type: ignore[arg-type]  # the mixin is on a QMainWindow
        for code, name in language.NAMES.items():
            action = QAction(name, self)  # type: ignore[call-overload]
            action.setCheckable(True)
            action.setChecked(code == language.current())
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = help_menu = bar.addMenu("&Help")
        self.about_action = self._action("&About crf-desktop", self.show_about)
        self.study_config_action = self._action("&Study configuration…", self.open_study_config)
        help_menu.addAction(self.study_config_action)
        help_menu.addAction(self.about_action)
        #: the bar's menus in their order, to put a shown menu back in its place
        self.menus = [self.file_menu, self.admin_menu, self.tools_menu, self.view_menu, self.help_menu]

        may_manage_users = self.session.can(Permission.MANAGE_USERS)
        self.users_action.setEnabled(may_manage_users)
        self.show_menu(self.admin_menu, may_manage_users)
        can_enter = self.session.can(Permission.ENTER_DATA)
        self.ranges_action.setEnabled(can_enter)
        self.show_menu(self.tools_menu, can_enter)
        # F10 opens the menu bar (as in GNOME and Windows); Qt does not do it on its own on Linux
        self.menu_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F10), self)  # type: ignore[call-overload]
        self.menu_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.menu_shortcut.activated.connect(self.open_menu_bar)

    def show_menu(self, menu: QMenu, shown: bool) -> None:
        """Show or hide one of the bar's menus: the one way to hide a menu. Hidden, it also leaves the bar, so its
        Alt+letter reaches the page (a hidden menu action still holds its mnemonic in Qt's menu bar)."""
        bar, action = self.menuBar(), menu.menuAction()
        action.setVisible(shown)
        in_bar = action in bar.actions()
        if not shown and in_bar:
            bar.removeAction(action)
        elif shown and not in_bar:
            later = self.menus[self.menus.index(menu) + 1:]
            before = next((m.menuAction() for m in later if m.menuAction() in bar.actions()), None)
            bar.insertAction(before, action)  # type: ignore[arg-type]  # None: at the end

    def open_menu_bar(self) -> None:
        bar = self.menuBar()
        bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        bar.setActiveAction(self.file_menu.menuAction())

    def retranslate_menus(self) -> None:
        """The menus' texts in the current language (the main window's translation context, as before the move)."""
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.subjects_action.setText(translate("MainWindow", "&Centre") if self.at_centre
                                     else translate("MainWindow", "&Subjects"))
        self.activity_action.setText(translate("MainWindow", "Centre &activity") if self.at_centre
                                     else translate("MainWindow", "Site &activity"))
        self.responses_action.setText(translate("MainWindow", "&Responses by visit"))
        self.ae_summary_action.setText(translate("MainWindow", "Adverse &events summary"))
        self.language_menu.setTitle(LANGUAGE_MENU)  # both languages, for someone stuck in the other one
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.lock_action.setText(translate("MainWindow", "&Lock screen"))
        self.change_password_action.setText(translate("MainWindow", "&Change password…"))
        self.blank_book_action.setText(translate("MainWindow", "Print &blank CRF book…"))
        self.check_page_action.setText(translate("MainWindow", "Check a &printed page…"))
        self.logout_action.setText(translate("MainWindow", "Log &out"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.admin_menu.setTitle(translate("MainWindow", "&Admin"))
        self.users_action.setText(translate("MainWindow", "&Users…"))
        self.tools_menu.setTitle(translate("MainWindow", "&Tools"))
        self.ranges_action.setText(translate("MainWindow", "&Reference ranges…"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.about_action.setText(translate("MainWindow", "&About crf-desktop"))
        self.study_config_action.setText(translate("MainWindow", "&Study configuration…"))
