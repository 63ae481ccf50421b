"""The print: blank and filled PDF CRFs, and checking a printed page's QR code (issue 7)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from crf_desktop.cli.deferred import add_when_used
from crf_desktop.cli.prompts import common, login_session
from crf_desktop.core.errors import UserInputError

if TYPE_CHECKING:  # the print loads reportlab: imported only when the print command is used
    from crf_desktop.services.printing import PrintRequest


def _request(args: argparse.Namespace) -> PrintRequest:
    from crf_desktop.services.printing import LOG_ENTRIES, PrintRequest

    if args.blank and args.subject:
        raise UserInputError("--blank prints empty CRFs and --subject a subject's; give one of them, not both")
    if not args.blank and not args.subject:
        raise UserInputError("say what to print: --blank for blank CRFs, or --subject ID for a subject's")
    if args.entry is not None and not args.subject:
        raise UserInputError("--entry applies to a subject's log entry; add --subject ID")
    if args.entries is not None and not (args.blank and args.visit is None and args.form is None):
        raise UserInputError("--entries sets how many blank entry sheets of each log the whole blank book holds; "
                             "it takes --blank without --visit or --form")
    if not args.out:
        raise UserInputError("--out FILE.pdf is required: where should the PDF go?")
    return PrintRequest(subject_id=args.subject or None, visit=args.visit, form=args.form, repeat_no=args.entry,
                        lang=args.lang, log_entries=LOG_ENTRIES if args.entries is None else args.entries)


def cmd_print(args: argparse.Namespace) -> int:
    from crf_desktop.services.printing import (
        check_output,
        check_request,
        record_prints,
        render_request,
        verify_qr,
        write_pdf,
    )

    if args.verify_qr is not None:
        if args.blank or args.subject or args.out:
            raise UserInputError("--verify-qr TEXT checks a printed page; it takes no --blank, --subject or --out")
        session = login_session(args)
        try:
            verdict = verify_qr(session, args.verify_qr)
        finally:
            session.close()
        print(verdict.message)
        return 0 if verdict.matches else 1
    request = _request(args)
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf" and not out.is_dir():
        raise UserInputError(f"--out {out}: give a file name ending in .pdf (a PDF viewer or a printer's queue "
                             "would not recognise the file otherwise)")
    check_output(out)  # before the password prompt: a wrong path costs nothing
    if out.exists() and not args.force:
        raise UserInputError(f"{out} already exists; give another --out, or add --force to replace it (the old file "
                             "stays whole until the new one is complete)")
    session = login_session(args)
    try:
        check_request(session, request)
        started = time.perf_counter()
        printed = render_request(session, request)
        write_pdf(out, printed.pdf)
        record_prints(session, printed, str(out))
    finally:
        session.close()
    print(f"Wrote {out}: {printed.pages} page{'s' if printed.pages != 1 else ''}, {request.describe()}, "
          f"in {time.perf_counter() - started:.2f} s")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("print", help="print CRFs to PDF: blank, or a subject's (a form, a visit, the casebook); "
                                     "or check a printed page's QR code")
    add_when_used(p, _add_arguments)  # its choices come from the print, which loads reportlab
    p.set_defaults(handler=cmd_print)


def _add_arguments(p: argparse.ArgumentParser) -> None:
    from crf_desktop.services.printing import LANGUAGES, LOG_ENTRIES

    common(p)
    p.add_argument("--blank", action="store_true", help="blank CRFs to fill in by hand (the whole book "
                                                           "without --visit / --form)")
    p.add_argument("--subject", metavar="ID", help="a subject's filled CRFs (the casebook without --visit / "
                                                      "--form)")
    p.add_argument("--visit", metavar="V", help="one visit or log: screening, baseline, week4 … week24, "
                                                 "unscheduled, early_termination, adverse_events, "
                                                 "concomitant_medications")
    p.add_argument("--form", metavar="F", help="one form (its id, as in the data dictionary)")
    p.add_argument("--entry", metavar="N", type=int, help="one entry of a log (adverse event 2: --entry 2)")
    p.add_argument("--entries", metavar="N", type=int, help=f"blank book only: how many blank entry sheets of "
                                                            f"each log (adverse events, medications; default "
                                                            f"{LOG_ENTRIES})")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="en, zh, or both (bilingual labels)")
    p.add_argument("--out", metavar="FILE.pdf", help="where to write the PDF (written whole, then renamed)")
    p.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    p.add_argument("--verify-qr", metavar="TEXT", help="check the text of a printed page's QR code against the "
                                                       "database: exit 0 when it matches the current version")
