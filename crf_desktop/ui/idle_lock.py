"""The screen lock: after some idle minutes (or Ctrl+L) the windows are covered until the same user's password
is given again. Nothing underneath is closed or cleared, so half-typed entries survive the lock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from crf_desktop.ui import language
from crf_desktop.ui.dialog_buttons import ActionButtonBox, StandardButton
from crf_desktop.ui.idle_minutes import DEFAULT_IDLE_MINUTES as DEFAULT_IDLE_MINUTES
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import activity, run_service
from crf_desktop.ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFont,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from crf_desktop.ui.window_size import grow_to_fit

if TYPE_CHECKING:  # the start-up reads DEFAULT_IDLE_MINUTES before any session exists (issue 10)
    from crf_desktop.services.session import Session

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class LockCover(QWidget):
    """An opaque child that hides one window's content; follows the window's size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock-cover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lock-cover { background: #2b3a4a; } QLabel { color: #e8eef4; }")
        label = QLabel(self.tr("crf-desktop is locked"), self)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


class LockScreen(QDialog):
    """Asks for the logged-in user's password; Escape and the close button do not dismiss it."""

    unlocked = Signal()
    logout_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("crf-desktop: locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(440)
        user = session.user
        heading = QLabel(fill(self.tr("Locked: %1 · %2"), user.full_name, user.role.label_in(language.current())))
        heading.setWordWrap(True)
        self.heading = heading
        heading.setStyleSheet("font-weight: bold;")
        note = QLabel(self.tr("Everything you had open is kept as it was. Enter your password to continue."))
        note.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("password")
        label = QLabel(self.tr("&Password:"))
        label.setBuddy(self.password_edit)
        form = QFormLayout()
        form.addRow(label, self.password_edit)
        self.message = InlineMessage()
        self.buttons = ActionButtonBox(self.tr("&Unlock"), standard=StandardButton.NoButton)
        self.unlock_button = self.buttons.action_button
        self.logout_button = self.buttons.addButton(self.tr("Log &out"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.logout_button.setAutoDefault(False)
        self.logout_button.setToolTip(self.tr("For another person to log in: closes the open windows; anything "
                                              "not saved is lost"))
        self.buttons.accepted.connect(self.try_unlock)
        self.logout_button.clicked.connect(self.logout_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()

    def try_unlock(self) -> None:
        password = self.password_edit.text()
        self.password_edit.clear()
        if not password:
            self.message.show_error(self.tr("Type your password to unlock."))
            self.password_edit.setFocus()
            return
        outcome = run_service(self, lambda: self.session.check_password(password), inline=self.message)
        if outcome.ok:
            self.unlocked.emit()
        self.password_edit.setFocus()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)

    def reject(self) -> None:  # Escape: stay locked
        self.password_edit.setFocus()

    def closeEvent(self, event: QEvent) -> None:  # the window manager's close button: stay locked
        event.ignore()


class IdleLock(QObject):
    """Application-wide idle timer and the lock it triggers.

    ``minutes`` may be a fraction (tests use a few hundred milliseconds). ``on_logout`` is called when the
    person at the lock screen chooses Log out. While paused (:meth:`pause`; it follows
    :data:`crf_desktop.ui.operation.activity`, so every long operation pauses it) the timer does not run and a
    lock asked for (Ctrl+L) waits until :meth:`resume`.
    """

    locked_changed = Signal(bool)

    def __init__(self, session: Session, window: QWidget, *, on_logout: Callable[[], None],
                 minutes: float = DEFAULT_IDLE_MINUTES) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self._on_logout = on_logout
        self.screen: LockScreen | None = None
        self._covers: list[LockCover] = []
        self._pauses = 0
        self._lock_waiting = False
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, round(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        activity.busy_changed.connect(self._activity_changed)
        self.timer.start()
        if activity.busy:
            self.pause()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    @property
    def paused(self) -> bool:
        return self._pauses > 0

    def pause(self) -> None:
        """Do not lock until :meth:`resume` (calls nest: each pause needs its resume)."""
        self._pauses += 1
        self.timer.stop()

    def resume(self) -> None:
        """Undo one :meth:`pause`; after the last, the idle time counts from now (or the waiting lock locks)."""
        if self._pauses == 0:
            return
        self._pauses -= 1
        if self._pauses or self._stopped or self.screen is not None:
            return
        if self._lock_waiting:  # after the operation's result is shown, so the lock covers that window too
            self._lock_waiting = False
            QTimer.singleShot(0, self, self.lock)
        else:
            self.timer.start()

    def _activity_changed(self, busy: bool) -> None:
        if busy:
            self.pause()
        else:
            self.resume()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.screen is None and not self.paused and not self._stopped and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def stop(self) -> None:
        """Stop watching (at logout); closes the lock screen without unlocking anything."""
        if not self._stopped:
            self._stopped = True
            activity.busy_changed.disconnect(self._activity_changed)
        self._lock_waiting = False
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._remove_lock()

    def lock(self) -> None:
        if self.screen is not None or self._stopped:
            return
        if self.paused:  # an operation is writing: lock as soon as it ends
            self._lock_waiting = True
            return
        self.timer.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and _coverable(w)]
        self._covers = [LockCover(w) for w in windows]
        self.screen = LockScreen(self.session, self.window)
        self.screen.unlocked.connect(self._unlocked)
        self.screen.logout_requested.connect(self._logout)
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        run_service(self.screen, lambda: self.session.record("screen locked"))
        self.locked_changed.emit(True)

    def _unlocked(self) -> None:
        run_service(self.window, lambda: self.session.record("screen unlocked"))
        self._remove_lock()
        self.locked_changed.emit(False)
        if not self.paused:
            self.timer.start()

    def _logout(self) -> None:
        self.stop()
        self._on_logout()

    def _remove_lock(self) -> None:
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers = []
        if self.screen is not None:
            screen, self.screen = self.screen, None
            screen.hide()
            screen.deleteLater()


def _coverable(widget: QWidget) -> bool:
    """Real windows only: not popups, tool tips or the lock screen itself."""
    if isinstance(widget, LockScreen | LockCover):
        return False
    kind = widget.windowType()
    return kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)
