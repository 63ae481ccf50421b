"""Arguments added when a command is used, not when the parser is built (issue 10: start-up time).

A command whose choices or defaults come from a heavy module (``print`` takes its languages from the PDF
layer, which loads reportlab) registers its arguments through :func:`add_when_used`: building the parser for
``crf-desktop``, ``--help`` or ``version`` then imports nothing heavy, and ``crf-desktop print --help`` or
``crf-desktop print ...`` still sees every argument, in the order they were written.

The commands themselves can wait the same way (:meth:`CommandParser.defer_commands`): ``crf-desktop`` or
``crf-desktop --data-dir DIR``, which start the app, name no command, so their parse builds none of the
sub-command parsers; any other arguments, ``--help`` and every error message see all of them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any, NoReturn

Adder = Callable[[argparse.ArgumentParser], None]


class _NeedsCommands(Exception):
    """The parse without the commands met help or a mistake: the parse with the commands must answer it."""


class CommandParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that adds its deferred arguments the first time it parses or prints
    its help or usage. ``add_subparsers`` hands the class down to every sub-command's parser."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[Adder] = []
        self._commands: Adder | None = None
        self._trial = False  # parsing without the commands (see parse_known_args)

    def defer(self, add: Adder) -> None:
        self._deferred.append(add)

    def defer_commands(self, add: Adder) -> None:
        """``add(self)`` registers the sub-commands: called when the arguments hold more than this parser's own
        options, or when the help or usage is shown (an error message shows the usage)."""
        self._commands = add

    def _add_arguments(self) -> None:
        while self._deferred:
            self._deferred.pop(0)(self)

    def _add_commands(self) -> None:
        if self._commands is not None:
            add, self._commands = self._commands, None
            add(self)

    def _add_deferred(self) -> None:
        self._add_arguments()
        self._add_commands()

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        self._add_arguments()
        if self._commands is not None:
            args = list(sys.argv[1:] if args is None else args)
            found = self._parse_without_commands(args, namespace)
            if found is not None:
                return found, []
            self._add_commands()
        return super().parse_known_args(args, namespace)

    def _parse_without_commands(self, args: list[str],
                                namespace: argparse.Namespace | None) -> argparse.Namespace | None:
        """The parse of ``args`` if they are only this parser's own options; ``None`` if they name a command,
        ask for help or hold a mistake: the parse with the commands then handles them as it always did."""
        self._trial = True
        try:
            trial = None if namespace is None else argparse.Namespace(**vars(namespace))
            found, extras = super().parse_known_args(args, trial)
        except _NeedsCommands:
            return None
        finally:
            self._trial = False
        return None if extras else found

    def print_help(self, file: IO[str] | None = None) -> None:
        if self._trial:
            raise _NeedsCommands
        super().print_help(file)

    def error(self, message: str) -> NoReturn:
        if self._trial:
            raise _NeedsCommands
        super().error(message)

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
