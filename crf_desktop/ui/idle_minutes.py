"""How long the app waits without input before it locks the screen: 15 minutes, or ``CRF_IDLE_MINUTES``.

Apart from :mod:`crf_desktop.ui.idle_lock` (the lock itself, with its widgets) so that the start-up reads the
setting without building the lock screen's classes before the login window shows (issue 10: start-up time).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

DEFAULT_IDLE_MINUTES = 15.0
IDLE_ENV = "CRF_IDLE_MINUTES"


def idle_minutes_from(environ: Mapping[str, str]) -> float:
    """Idle minutes before the screen locks: ``CRF_IDLE_MINUTES`` if it is a positive number, else 15."""
    text = environ.get(IDLE_ENV, "").strip()
    if not text:
        return DEFAULT_IDLE_MINUTES
    try:
        minutes = float(text)
    except ValueError:
        minutes = 0.0
    if not 0 < minutes <= 24 * 60:
        print(f"warning: {IDLE_ENV}={text!r} is not a number of minutes between 0 and 1440; "
              f"using {DEFAULT_IDLE_MINUTES:g}", file=sys.stderr)
        return DEFAULT_IDLE_MINUTES
    return minutes
