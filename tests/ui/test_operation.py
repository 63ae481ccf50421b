"""The one way to run long work from the GUI (crf_desktop/ui/operation.py): progress on the GUI thread, the result
delivered there, a service's error shown once where the person works, Cancel only for work that can stop, the idle
lock paused meanwhile, and the session's database used by one thread at a time.

The work below is gated with threading.Event so each test sees the operation mid-way, without sleeping."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.session import Session
from crf_desktop.ui.idle_lock import IdleLock
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import Cancelled, Operation, Outcome, Progress, activity, session_busy
from crf_desktop.ui.qt import QApplication, QMessageBox, Qt, QVBoxLayout, QWidget
from tests.ui.conftest import Sessions

WAIT = 20  # seconds a gated worker waits at most (the test releases it long before)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def boxes(parent: QWidget | None = None) -> list[QMessageBox]:
    found = parent.findChildren(QMessageBox) if parent is not None else QApplication.topLevelWidgets()
    return [b for b in found if isinstance(b, QMessageBox) and b.isVisible()]


def gated(result: object, gate: threading.Event, *, then: Callable[[], object] | None = None
          ) -> Callable[[Progress], object]:
    """Work that reports 2 of 3, waits for ``gate``, then returns ``result`` (or calls ``then``)."""

    def work(progress: Progress) -> object:
        progress(2, 3)
        gate.wait(WAIT)
        return then() if then is not None else result

    return work


def test_the_result_arrives_on_the_gui_thread_after_the_progress_was_shown(qtbot: QtBot, window: QWidget) -> None:
    gate = threading.Event()
    gui_thread = threading.current_thread()
    seen: list[threading.Thread] = []

    def work(progress: Progress) -> str:
        assert progress(2, 3)  # nobody cancelled
        gate.wait(WAIT)
        return "42 records"

    op: Operation[str] = Operation(window, work, title="Export", label="Exporting…")
    op.done.connect(lambda _outcome: seen.append(threading.current_thread()))
    assert op.start()
    dialog = op.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.cancel_button is None  # not cancellable: no Cancel button
    qtbot.waitUntil(lambda: dialog.maximum() == 3 and dialog.value() == 2)
    assert op.running and activity.busy
    with qtbot.waitSignal(op.done, timeout=WAIT * 1000) as finished:
        gate.set()
    outcome = finished.args[0]
    assert outcome == Outcome(ok=True, value="42 records")
    assert seen == [gui_thread]
    assert op.dialog is None and not dialog.isVisible() and not op.running and not activity.busy
    assert not boxes(window)
    with pytest.raises(RuntimeError):
        op.start()  # an operation runs once


def test_a_service_error_is_shown_once_in_a_message_box(qtbot: QtBot, window: QWidget) -> None:
    def work(_progress: Progress) -> None:
        raise UserInputError("the folder E:/crf does not exist; plug in the USB stick and try again")

    op: Operation[None] = Operation(window, work, title="Send to centre", label="Sending…")
    with qtbot.waitSignal(op.done, timeout=WAIT * 1000) as finished:
        op.start()
    outcome = finished.args[0]
    assert not outcome.ok and not outcome.cancelled and isinstance(outcome.error, UserInputError)
    shown = boxes(window)
    assert len(shown) == 1 and shown[0].text().startswith("The folder E:/crf does not exist")
    shown[0].close()


def test_a_service_error_goes_inline_when_the_window_has_a_message_line(qtbot: QtBot, window: QWidget) -> None:
    inline = InlineMessage()
    QVBoxLayout(window).addWidget(inline)
    inline.show_info("left from before")

    def work(_progress: Progress) -> None:
        raise UserInputError("the export folder is not empty; choose a new one")

    op: Operation[None] = Operation(window, work, title="Export", label="Exporting…", inline=inline)
    with qtbot.waitSignal(op.done, timeout=WAIT * 1000):
        op.start()
    assert inline.kind == "error" and inline.text() == "The export folder is not empty; choose a new one"
    assert not boxes(window)


def test_cancel_waits_for_the_work_to_stop_and_shows_no_error(qtbot: QtBot, window: QWidget) -> None:
    asked: list[bool] = []
    pace = threading.Event()  # never set: the work waits a moment per part
    finish = threading.Event()

    def work(progress: Progress) -> str:
        while progress(1, 4):
            pace.wait(0.02)  # a part of the job
        asked.append(True)
        finish.wait(WAIT)
        raise Cancelled("printing was cancelled; nothing was written")

    op: Operation[str] = Operation(window, work, title="01-003 casebook", label="Preparing…", cancellable=True)
    op.start()
    dialog = op.dialog
    assert dialog is not None and dialog.cancel_button is not None and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.value() == 1)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: bool(asked))  # the work saw the request at its next progress report
    assert op.cancel_requested and op.running
    assert dialog.isVisible() and dialog.labelText() == "Cancelling…" and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(op.done, timeout=WAIT * 1000) as finished:
        finish.set()
    assert finished.args[0] == Outcome(ok=False, cancelled=True)
    assert not dialog.isVisible() and not boxes(window)


def test_escape_cancels_only_work_that_can_stop(qtbot: QtBot, window: QWidget) -> None:
    gate = threading.Event()
    fixed: Operation[object] = Operation(window, gated("whole", gate), title="Send to centre", label="Sending…")
    fixed.start()
    dialog = fixed.dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and fixed.running and not fixed.cancel_requested
    with qtbot.waitSignal(fixed.done, timeout=WAIT * 1000) as finished:
        gate.set()
    assert finished.args[0].ok  # whole or nothing: it finished

    pace = threading.Event()  # never set: the work waits a moment per part

    def stoppable(progress: Progress) -> str:
        while progress(1, 2):
            pace.wait(0.02)
        raise Cancelled("stopped; nothing was written")

    op: Operation[str] = Operation(window, stoppable, title="Print", label="Preparing…", cancellable=True)
    with qtbot.waitSignal(op.done, timeout=WAIT * 1000) as finished:
        op.start()
        assert op.dialog is not None
        qtbot.keyClick(op.dialog, Qt.Key.Key_Escape)
    assert finished.args[0].cancelled and not boxes(window)


def test_the_idle_lock_pauses_while_work_runs_and_a_lock_asked_for_meanwhile_follows(
        qtbot: QtBot, window: QWidget, sessions: Sessions) -> None:
    session = sessions.login("coordinator")
    lock = IdleLock(session, window, on_logout=lambda: None)
    try:
        assert lock.timer.isActive() and not lock.paused
        gate = threading.Event()
        op: Operation[object] = Operation(window, gated("done", gate), title="Send to centre", label="Sending…",
                                          session=session)
        op.start()
        assert lock.paused and not lock.timer.isActive()
        qtbot.keyClick(window, Qt.Key.Key_A)  # input restarts the idle timer, but not while paused
        assert not lock.timer.isActive()
        lock.lock()  # Ctrl+L meanwhile: locking writes an audit entry, so it waits for the work
        assert not lock.is_locked
        with qtbot.waitSignal(op.done, timeout=WAIT * 1000):
            gate.set()
        assert not lock.paused
        qtbot.waitUntil(lambda: lock.is_locked)
        assert session.audit_trail(limit=1)[0].action == "screen locked"
    finally:
        lock.stop()


def test_the_idle_timer_runs_again_after_the_work(qtbot: QtBot, window: QWidget, sessions: Sessions) -> None:
    lock = IdleLock(sessions.login("coordinator"), window, on_logout=lambda: None)
    try:
        lock.pause()  # pauses nest: one by hand, one by the operation
        op: Operation[object] = Operation(window, lambda _p: "done", title="Print", label="Preparing…")
        with qtbot.waitSignal(op.done, timeout=WAIT * 1000):
            op.start()
        assert lock.paused and not lock.timer.isActive()
        lock.resume()
        assert not lock.paused and lock.timer.isActive()
    finally:
        lock.stop()


def test_one_thread_at_a_time_uses_the_session(qtbot: QtBot, window: QWidget, sessions: Sessions) -> None:
    session: Session = sessions.login("coordinator")
    gate = threading.Event()
    first: Operation[object] = Operation(window, gated("sent", gate), title="Send to centre", label="Sending…",
                                         session=session)
    first.start()
    assert first.dialog is not None and first.dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert session_busy(session)
    ran: list[bool] = []
    second: Operation[object] = Operation(window, lambda _p: ran.append(True), title="Import",
                                          label="Importing…", session=session)
    refused: list[Outcome[object]] = []
    second.done.connect(refused.append)
    assert not second.start()
    assert refused and refused[0].error is not None and not ran
    shown = boxes(window)
    assert len(shown) == 1 and "another task is still working on this data" in shown[0].text()
    shown[0].close()
    with qtbot.waitSignal(first.done, timeout=WAIT * 1000) as finished:
        gate.set()
    assert finished.args[0].ok and not session_busy(session)


def test_a_bug_in_the_work_is_raised_on_the_gui_thread_and_nothing_stays_paused(qtbot: QtBot,
                                                                                window: QWidget) -> None:
    def work(_progress: Progress) -> int:
        return 1 // 0

    op: Operation[int] = Operation(window, work, title="Export", label="Exporting…")
    with qtbot.captureExceptions() as raised, qtbot.waitSignal(op.done, timeout=WAIT * 1000) as finished:
        op.start()
    assert not finished.args[0].ok and finished.args[0].error is None
    assert [type(exc) for _kind, exc, _tb in raised] == [ZeroDivisionError]
    assert not activity.busy and op.dialog is None and not boxes(window)


def test_closing_the_window_meanwhile_still_ends_the_work_cleanly(qtbot: QtBot) -> None:
    editor = QWidget()
    inline = InlineMessage()
    QVBoxLayout(editor).addWidget(inline)
    editor.show()
    gate = threading.Event()

    def fail() -> object:
        raise UserInputError("the printer ran out of paper")

    op: Operation[object] = Operation(editor, gated(None, gate, then=fail), title="Print", label="Preparing…",
                                      inline=inline)
    op.start()
    editor.deleteLater()
    qtbot.waitUntil(lambda: op.dialog is None)  # gone with its window
    with qtbot.waitSignal(op.done, timeout=WAIT * 1000):
        gate.set()
    shown = boxes()  # the inline line went with the window: the error still reaches the person
    assert len(shown) == 1 and shown[0].text() == "The printer ran out of paper"
    shown[0].close()
    assert not activity.busy
