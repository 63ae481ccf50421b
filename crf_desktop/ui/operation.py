"""Calling a service from the UI: wait cursor while it runs, its error shown in one place.

Like Anki's ``CollectionOp`` in spirit, kept synchronous: the slow calls today are Argon2id key derivations
(about 0.3 s), too short to justify a worker thread and the locking it would need around the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from crf_desktop.core.errors import CrfError
from crf_desktop.ui.messages import InlineMessage, show_error
from crf_desktop.ui.qt import QApplication, QCursor, Qt, QWidget

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a service call: ``ok`` tells whether ``value`` is meaningful."""

    ok: bool
    value: T | None = None
    error: CrfError | None = None


@contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def run_service(parent: QWidget | None, action: Callable[[], T], *,
                inline: InlineMessage | None = None) -> Outcome[T]:
    """Run ``action`` under a wait cursor; a service error goes to ``inline`` if given, else to a message box.

    Only :class:`CrfError` is caught: anything else is a bug and goes to the application's exception hook.
    """
    if inline is not None:
        inline.clear_message()
    try:
        with wait_cursor():
            value = action()
    except CrfError as exc:
        if inline is not None:
            inline.show_error(exc)
        else:
            show_error(parent, exc)
        return Outcome(ok=False, error=exc)
    return Outcome(ok=True, value=value)
