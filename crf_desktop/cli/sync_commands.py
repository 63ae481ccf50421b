"""The export: the site's packages to the central folder (issue 8)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Not built yet: the issue named above adds its commands here."""
