"""``crf-desktop selftest``: the checks a site's IT person runs after installing (issue 10).

It needs no login and never opens a site's database: the data directory is checked with a test file beside it.
Exit status 0 when no check failed (warnings are printed, and allowed), 1 otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crf_desktop.cli.prompts import common, data_dir_of


def cmd_selftest(args: argparse.Namespace) -> int:
    from crf_desktop.services.selftest import format_report, passed, run_checks
    from crf_desktop.ui import selftest_qt  # Qt only here: the rest of the CLI starts without it

    if args.qt_probe:
        return selftest_qt.probe_main()
    central = Path(args.central_folder).expanduser() if args.central_folder else None
    checks = [*selftest_qt.run_qt_checks(), *run_checks(data_dir=data_dir_of(args), central_folder=central)]
    print(format_report(checks))
    return 0 if passed(checks) else 1


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``selftest``."""
    p = sub.add_parser("selftest", help="check this computer: Qt, fonts, SQLCipher, crypto, folders, PDF printing")
    common(p, user=False)
    p.add_argument("--central-folder", metavar="DIR", help="also check the central folder exports are written to")
    p.add_argument("--qt-probe", action="store_true", help=argparse.SUPPRESS)  # the child of the Qt checks
    p.set_defaults(handler=cmd_selftest)
