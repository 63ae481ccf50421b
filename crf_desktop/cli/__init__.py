"""The command line (DESIGN.md section 8). Names are fixed: the centre and site scripts depend on them.

Exit status: 0 success, 2 bad usage or bad input (with a message naming what is wrong), 1 anything else.
Passwords are prompted; scripts may set CRF_PASSWORD (the logged-in user's), CRF_NEW_PASSWORD (a password
being set) and CRF_RECOVERY_KEY.

Each area's commands live in their own module and register themselves on the parser here.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from crf_desktop.cli.deferred import CommandParser
from crf_desktop.cli.gui_command import cmd_gui
from crf_desktop.core.errors import CrfError


def build_parser(*, commands_when_named: bool = False) -> argparse.ArgumentParser:
    """The whole command line. With ``commands_when_named`` the commands are registered only when the arguments
    name one (or ask for help, or are wrong): starting the app, ``crf-desktop [--data-dir DIR]``, then builds
    none of them (issue 10: start-up time)."""
    parser = CommandParser(
        prog="crf-desktop",
        description="Offline-first case report forms for NCT03580291. Without a command, starts the app.",
    )
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="the site's data directory (may also come after the command)")
    parser.set_defaults(handler=cmd_gui)
    if commands_when_named:
        parser.defer_commands(_add_commands)
    else:
        _add_commands(parser)
    return parser


def _add_commands(parser: argparse.ArgumentParser) -> None:
    from crf_desktop.cli import centre_commands, print_commands, selftest_command, site_commands, sync_commands

    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for area in (site_commands, print_commands, sync_commands, centre_commands, selftest_command):
        area.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # a shared ward PC: the site's files are this account's alone
    parser = build_parser(commands_when_named=True)
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
        sys.stdout.flush()  # a reader that went away (``| head``) shows here, where it is handled below
        return code
    except CrfError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output was piped into a reader that stopped (``| head``): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, never a bare traceback
        from crf_desktop.store.database import storage_error  # here, not at start-up: it loads sqlite_utils

        disk = storage_error(exc, getattr(exc, "filename", None) or "the data directory")
        if disk is not None:  # full, read-only or unplugged disk: say so in plain words
            print(f"error: {disk}", file=sys.stderr)
            return disk.exit_code
        if os.environ.get("CRF_DEBUG"):
            traceback.print_exc()
        print(f"unexpected error: {type(exc).__name__}: {exc} (set CRF_DEBUG=1 for details)", file=sys.stderr)
        return 1
