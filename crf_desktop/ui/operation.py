"""Calling a service from the UI, the one way: errors shown in one place, long work off the GUI thread.

* :func:`run_service`: a short call (a key derivation, a save, gathering a print's data) on the GUI thread under
  a wait cursor.
* :class:`Operation`: long work (sending to the centre, importing packages, exporting the trial, rendering a
  print) on a worker thread, like Anki's ``CollectionOp``/``QueryOp``. A progress dialog shows how far it is and
  offers Cancel when the work supports it; the :class:`Outcome` arrives on the GUI thread through :attr:`done`.

Both show a :class:`CrfError` the same way: in the ``inline`` message when given, else in a message box
(:mod:`crf_desktop.ui.messages`). Anything else is a bug and is raised on the GUI thread, where the application's
exception hook reports it.

Database rules. A session holds one SQLite connection (opened with ``check_same_thread=False``) and services
use it inside transactions, so only one thread may use it at a time:

* work that uses the session passes ``session=``. Its dialog is application-modal and shown at once, so no window
  takes input meanwhile; only one such operation runs per session (a second one is refused with a message); and
  GUI code that reads the database on its own (timers) asks :func:`session_busy` first and skips.
* work without ``session=`` must not touch the database: read what it needs on the GUI thread first (printing
  does it with ``printing.prepare``) and give the worker plain data. Its dialog is window-modal.

While any operation runs the idle lock is paused (:class:`~crf_desktop.ui.idle_lock.IdleLock` follows
:data:`activity`): locking writes an audit entry, which must not land inside a running transaction, and the lock
covers only the windows open when it locks, not a preview the operation opens afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from crf_desktop.core.errors import CrfError
from crf_desktop.ui.messages import InlineMessage, show_error
from crf_desktop.ui.qt import (
    QApplication,
    QCursor,
    QEvent,
    QMessageBox,
    QObject,
    QProgressDialog,
    QPushButton,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

if TYPE_CHECKING:  # the login window runs its work through here: it must not load the session or the print
    from crf_desktop.services.printing import Cancelled as Cancelled  # the work's answer to a False from progress
    from crf_desktop.services.session import Session

T = TypeVar("T")

#: Given to the work: report ``(done, total)``; it returns False once the person asked to cancel (work that can
#: stop then raises :class:`Cancelled`, having written nothing; work that cannot stop ignores it).
Progress = Callable[[int, int], bool]


def __getattr__(name: str) -> Any:
    """``Cancelled`` is re-exported from the print when first asked for: importing the print (reportlab) with this
    module, which the login window uses, made the app slow to start (issue 10)."""
    if name == "Cancelled":
        from crf_desktop.services.printing import Cancelled

        return Cancelled
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _is_cancelled(error: CrfError) -> bool:
    """Whether ``error`` is :class:`Cancelled`. Asked only after a cancel, so the print stays unloaded till then."""
    from crf_desktop.services.printing import Cancelled

    return isinstance(error, Cancelled)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a service call: ``ok`` tells whether ``value`` is meaningful; ``cancelled`` that the person
    stopped it (no error is shown then)."""

    ok: bool
    value: T | None = None
    error: CrfError | None = None
    cancelled: bool = False


_PARENTLESS: set[QMessageBox] = set()  # boxes without a parent window, kept alive until closed


def report(parent: QWidget | None, error: CrfError, inline: InlineMessage | None = None) -> None:
    """Show a service's error: in ``inline`` when given, else in a message box over ``parent`` (over the active
    window when ``parent`` is gone)."""
    if inline is not None:
        inline.show_error(error)
        return
    box = show_error(parent if parent is not None else QApplication.activeWindow(), error)
    if box.parent() is None:  # nothing owns it: without a reference Python would delete it at once
        _PARENTLESS.add(box)
        box.finished.connect(lambda _result: _PARENTLESS.discard(box))


@contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def run_service(parent: QWidget | None, action: Callable[[], T], *,
                inline: InlineMessage | None = None) -> Outcome[T]:
    """Run a short ``action`` on the GUI thread under a wait cursor; its :class:`CrfError` is :func:`report`-ed.

    Only :class:`CrfError` is caught: anything else is a bug and goes to the application's exception hook.
    """
    if inline is not None:
        inline.clear_message()
    try:
        with wait_cursor():
            value = action()
    except CrfError as exc:
        report(parent, exc, inline)
        return Outcome(ok=False, error=exc)
    return Outcome(ok=True, value=value)


class _Activity(QObject):
    """The operations running now; :attr:`busy_changed` is emitted when the first starts and the last ends."""

    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.running: list[Operation[Any]] = []

    @property
    def busy(self) -> bool:
        return bool(self.running)

    def add(self, operation: Operation[Any]) -> None:
        self.running.append(operation)
        if len(self.running) == 1:
            self.busy_changed.emit(True)

    def remove(self, operation: Operation[Any]) -> None:
        if operation in self.running:
            self.running.remove(operation)
            if not self.running:
                self.busy_changed.emit(False)


#: Application-wide: the idle lock pauses while ``activity.busy``.
activity = _Activity()


def session_busy(session: Session) -> bool:
    """Whether an operation is using ``session``'s database on its worker thread (the GUI must not, meanwhile)."""
    return any(op.session is session for op in activity.running)


class ProgressDialog(QProgressDialog):
    """Stays until the work ends: Escape and the window's close button ask to cancel when the work can be
    cancelled (the dialog then waits for the work to stop), and do nothing when it cannot."""

    def __init__(self, parent: QWidget | None, title: str, label: str, *, cancel_text: str | None,
                 modality: Qt.WindowModality) -> None:
        super().__init__(label, "", 0, 0, parent)  # 0..0: a busy indicator until the first progress report
        self.setWindowTitle(title)
        self.setWindowModality(modality)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.disconnect(self.cancel)  # Qt's cancel() hides the dialog at once; ours waits for the work
        self.cancel_button: QPushButton | None = None
        if cancel_text is None:
            self.setCancelButton(None)
        else:
            self.cancel_button = QPushButton(cancel_text)
            self.setCancelButton(self.cancel_button)
        self.work_ended = False

    def reject(self) -> None:  # Escape
        if self.work_ended:
            super().reject()
        elif self.cancel_button is not None:
            self.canceled.emit()

    def closeEvent(self, event: QEvent) -> None:
        if self.work_ended:
            super().closeEvent(event)
            return
        event.ignore()
        if self.cancel_button is not None:
            self.canceled.emit()


class Operation(QObject, Generic[T]):
    """Runs ``work(progress)`` on a worker thread with a progress dialog over ``parent``.

    ``session``: the session whose database the work uses (see the module's database rules); ``None`` for work
    that touches no database. ``cancellable``: the dialog offers Cancel and ``progress`` returns False once it is
    pressed. ``inline``: where a :class:`CrfError` is shown (else a message box). ``show_after_ms``: for work
    without a session, the dialog appears only when the work takes longer (a quick job does not flash a window).
    :attr:`done` carries the :class:`Outcome` on the GUI thread, exactly once, after the dialog closed and the
    error (if any) was shown. An operation runs once.
    """

    progressed = Signal(int, int)
    done = Signal(object)  # Outcome[T], on the GUI thread
    _finished = Signal(object, object)  # (Outcome, unexpected exception or None), crosses from the worker

    def __init__(self, parent: QWidget, work: Callable[[Progress], T], *, title: str, label: str,
                 session: Session | None = None, cancellable: bool = False, inline: InlineMessage | None = None,
                 show_after_ms: int = 0) -> None:
        super().__init__()  # no Qt parent: it must outlive a window closed under it, to end cleanly
        self._parent: QWidget | None = parent
        self._work = work
        self._title = title
        self._label = label
        self.session = session
        self.cancellable = cancellable
        self._inline = inline
        self._show_after_ms = 0 if session is not None else show_after_ms
        self._cancel = threading.Event()
        self.dialog: ProgressDialog | None = None
        self.running = False
        self.outcome: Outcome[T] | None = None
        parent.destroyed.connect(self._parent_gone)
        self.progressed.connect(self._show_progress)
        self._finished.connect(self._complete)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> bool:
        """Show the progress dialog and start the work; False (and :attr:`done` with the error) when another
        operation is using the same session."""
        if self.running or self.outcome is not None:
            raise RuntimeError("an operation runs once")
        if self.session is not None and session_busy(self.session):
            error = CrfError(f"{self._title}: another task is still working on this data; wait until its progress "
                             "window closes, then try again")
            self.outcome = Outcome(ok=False, error=error)
            report(self._parent, error, self._inline)
            self.done.emit(self.outcome)
            return False
        if self._inline is not None:
            self._inline.clear_message()
        self.running = True
        activity.add(self)  # pauses the idle lock before the work can open a transaction
        modality = Qt.WindowModality.ApplicationModal if self.session is not None else Qt.WindowModality.WindowModal
        self.dialog = ProgressDialog(self._parent, self._title, self._label, modality=modality,
                                     cancel_text=self.tr("Cancel") if self.cancellable else None)
        self.dialog.canceled.connect(self.cancel)
        if self._show_after_ms > 0:
            QTimer.singleShot(self._show_after_ms, self._show_dialog)
        else:
            self._show_dialog()
        threading.Thread(target=self._run, name=f"crf-operation-{self._title}", daemon=True).start()
        return True

    def cancel(self) -> None:
        """Ask the work to stop (only when it is cancellable); the dialog stays until it has stopped."""
        if not self.running or not self.cancellable or self._cancel.is_set():
            return
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))
            if self.dialog.cancel_button is not None:
                self.dialog.cancel_button.setEnabled(False)

    # -- worker thread: no widgets, and the database only when ``session`` was given ------------------------
    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def _run(self) -> None:
        unexpected: BaseException | None = None
        try:
            outcome: Outcome[T] = Outcome(ok=True, value=self._work(self._progress))
        except CrfError as exc:
            cancelled = self._cancel.is_set() and _is_cancelled(exc)
            outcome = Outcome(ok=False, cancelled=True) if cancelled else Outcome(ok=False, error=exc)
        except Exception as exc:  # noqa: BLE001 - a bug: handed to the GUI thread and raised there
            outcome, unexpected = Outcome(ok=False), exc
        self._finished.emit(outcome, unexpected)

    # -- GUI thread ---------------------------------------------------------------------------------------
    def _parent_gone(self) -> None:
        self._parent = None
        self.dialog = None  # a child of the parent: gone with it

    def _show_dialog(self) -> None:
        if self.running and self.dialog is not None:
            self.dialog.show()

    def _show_progress(self, done: int, total: int) -> None:
        if self.running and self.dialog is not None and total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _complete(self, outcome: Outcome[T], unexpected: BaseException | None) -> None:
        self.running = False
        self.outcome = outcome
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.work_ended = True
            dialog.close()
            dialog.deleteLater()
        activity.remove(self)  # resumes the idle lock
        if outcome.error is not None:  # the inline message went with its window when that was closed
            report(self._parent, outcome.error, self._inline if self._parent is not None else None)
        self.done.emit(outcome)
        if unexpected is not None:
            raise unexpected
