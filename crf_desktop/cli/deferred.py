"""Arguments added when a command is used, not when the parser is built (issue 10: start-up time).

A command whose choices or defaults come from a heavy module (``print`` takes its languages from the PDF
layer, which loads reportlab) registers its arguments through :func:`add_when_used`: building the parser for
``crf-desktop``, ``--help`` or ``version`` then imports nothing heavy, and ``crf-desktop print --help`` or
``crf-desktop print ...`` still sees every argument, in the order they were written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

Adder = Callable[[argparse.ArgumentParser], None]


class CommandParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that adds its deferred arguments the first time it parses or prints
    its help or usage. ``add_subparsers`` hands the class down to every sub-command's parser."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[Adder] = []

    def defer(self, add: Adder) -> None:
        self._deferred.append(add)

    def _add_deferred(self) -> None:
        while self._deferred:
            self._deferred.pop(0)(self)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        self._add_deferred()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._add_deferred()
        return super().format_usage()

    def format_help(self) -> str:
        self._add_deferred()
        return super().format_help()


def add_when_used(parser: argparse.ArgumentParser, add: Adder) -> None:
    """Call ``add(parser)`` when ``parser`` is first used (at once for a plain ArgumentParser)."""
    if isinstance(parser, CommandParser):
        parser.defer(add)
    else:
        add(parser)
