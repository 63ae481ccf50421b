"""The centre init | import | export: the coordinating centre's commands (issue 8)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Not built yet: the issue named above adds its commands here."""
