"""The print: blank and filled PDF CRFs, and checking a printed page's QR code (issue 7)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Not built yet: the issue named above adds its commands here."""
