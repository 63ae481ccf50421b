"""Long service calls (sending to the centre, importing packages, exporting the trial) off the GUI thread.

The window stays painted and a progress dialog shows how far the work is; the dialog is window-modal and cannot
be cancelled half-way (the services write whole or nothing, and a package is committed in one transaction), so
nothing else in the window can touch the database meanwhile. The idle lock is paused for the duration: locking
the screen writes an audit entry, which must not land inside the running transaction. A :class:`CrfError` is
shown like :func:`crf_desktop.ui.operation.run_service` shows it; anything else is a bug and is raised again on
the GUI thread, where the application's exception hook reports it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QCloseEvent  # not yet in ui/qt.py, which another helper owns: move it there
from PySide6.QtWidgets import QProgressDialog  # not yet in ui/qt.py, which another helper owns: move it there

from crf_desktop.core.errors import CrfError
from crf_desktop.ui.messages import show_error
from crf_desktop.ui.operation import Outcome
from crf_desktop.ui.qt import QApplication, QObject, Qt, QWidget, Signal

T = TypeVar("T")
Progress = Callable[[int, int], None]


class _BusyDialog(QProgressDialog):
    """A progress dialog that neither Escape nor the window's close button can dismiss while work runs."""

    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        super().__init__(label, "", 0, 0, parent)  # 0..0: a busy indicator until the first progress report
        self.setWindowTitle(title)
        self.setCancelButton(None)  # no cancel button: the work is whole or nothing
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.finished_work = False

    def reject(self) -> None:
        if self.finished_work:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished_work:
            super().closeEvent(event)
        else:
            event.ignore()


class IdleLockPause:
    """Stops an :class:`~crf_desktop.ui.idle_lock.IdleLock` from locking while work runs, and restarts it."""

    def __init__(self, lock: QObject | None) -> None:
        self._lock = lock

    def pause(self) -> None:
        timer = getattr(self._lock, "timer", None)
        app = QApplication.instance()
        if self._lock is not None and timer is not None and app is not None:
            app.removeEventFilter(self._lock)
            timer.stop()

    def resume(self) -> None:
        timer = getattr(self._lock, "timer", None)
        app = QApplication.instance()
        if self._lock is not None and timer is not None and app is not None and not getattr(self._lock, "is_locked",
                                                                                               False):
            app.installEventFilter(self._lock)
            timer.start()


class BackgroundTask(QObject, Generic[T]):
    """Run ``work(progress)`` on a worker thread; :attr:`done` carries an :class:`Outcome` on the GUI thread."""

    progressed = Signal(int, int)
    done = Signal(object)  # Outcome[T], emitted on the GUI thread
    _finished = Signal(object, object)  # (Outcome, unexpected exception or None), crosses from the worker

    def __init__(self, parent: QWidget, work: Callable[[Progress], T], *, title: str, label: str,
                 idle_lock: QObject | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._work = work
        self._title = title
        self._label = label
        self._pause = IdleLockPause(idle_lock)
        self.dialog: _BusyDialog | None = None
        self.running = False
        self.progressed.connect(self._show_progress)
        self._finished.connect(self._complete)

    def start(self) -> None:
        """Show the progress dialog and start the work."""
        self.running = True
        self.dialog = _BusyDialog(self._parent, self._title, self._label)
        self.dialog.show()
        self._pause.pause()
        threading.Thread(target=self._run, name=f"crf-{self._title}", daemon=True).start()

    def _run(self) -> None:
        try:
            value = self._work(self.progressed.emit)
        except CrfError as exc:
            self._finished.emit(Outcome(ok=False, error=exc), None)
        except Exception as exc:  # noqa: BLE001 - a bug: handed to the GUI thread and raised there
            self._finished.emit(Outcome(ok=False), exc)
        else:
            self._finished.emit(Outcome(ok=True, value=value), None)

    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _complete(self, outcome: Outcome[T], unexpected: BaseException | None) -> None:
        self.running = False
        self._pause.resume()
        if self.dialog is not None:
            self.dialog.finished_work = True
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if unexpected is not None:
            raise unexpected
        if outcome.error is not None:
            show_error(self._parent, outcome.error)
        self.done.emit(outcome)
