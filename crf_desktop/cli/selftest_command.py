"""The selftest: the checks a site's IT person runs after installing (issue 10)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Not built yet: the issue named above adds its commands here."""
