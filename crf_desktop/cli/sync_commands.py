"""The site's side of sync: ``export [--to FOLDER]`` and ``enrol --centre-key FILE`` (issue 8)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crf_desktop.cli.prompts import ask_secret, common, data_dir_of, login_session
from crf_desktop.core.clock import local_display
from crf_desktop.core.errors import UserInputError

if TYPE_CHECKING:  # imported by the commands that run: registering them stays cheap
    from crf_desktop.services import sync as sync_service


def ask_enrolment_code(found: sync_service.Enrolment) -> str:
    return ask_secret("CRF_ENROLMENT_CODE", f"Enrolment code for the randomisation list ({found.list_entries} "
                      "entries), as the centre gave it: ", what="enrolment code", visible=True)


def print_enrolment(found: sync_service.Enrolment, site_fingerprint: str) -> None:
    print(f"Centre key fingerprint: {found.centre_fingerprint}")
    print("  Confirm it with the coordinating centre by phone before the first export.")
    print(f"This site's key fingerprint: {site_fingerprint}")
    print("  The centre confirms it with you at its first import (it is also on the About dialog).")
    if found.configuration is not None:
        print("Installed the study configuration from the enrolment file")
    if found.list_entries:
        print(f"Loaded the randomisation list ({found.list_entries} entries, blinded)")


def cmd_export(args: argparse.Namespace) -> int:
    from crf_desktop.services import sync as sync_service

    if args.to is not None and not args.to.strip():  # e.g. an unset variable in a script: never guess the folder
        raise UserInputError("--to is empty: give the central folder, or leave --to out to use the folder of the "
                             "last export")
    session = login_session(args)
    try:
        if args.status:
            status = sync_service.sync_status(session)
            # with what the centre's waiting messages bring back, for the folder the export would use
            coming = sync_service.next_export(session, Path(args.to) if args.to else None)
            when = local_display(status.last_export_at) if status.last_export_at else "never"
            print(f"Last export: {when}; unsent changes: {coming.changes}; last package: "
                  f"{status.last_package_seq}; the centre has applied up to package {status.acked_seq}")
            if coming.from_centre:
                print(f"  {coming.from_centre} of those changes come from the centre's messages waiting in the "
                      "central folder: the export applies them first and sends the site's copies of the queries "
                      "back with the rest")
            print(f"Central folder: {coming.folder or 'none yet'}")
            if coming.folder_problem is not None:
                print(f"warning: {coming.folder_problem}", file=sys.stderr)
            if coming.refused is not None:
                print(f"warning: the next export would stop: {coming.refused}", file=sys.stderr)
            for warning in coming.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            if status.reminder:
                print("Reminder: changes have waited more than 7 days; export them to the centre")
            return 0

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\rpreparing {done}/{total}", end="", file=sys.stderr, flush=True)

        result = sync_service.export_to_centre(session, Path(args.to) if args.to else None, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print_export(result)
        if result.needs_backup:  # the export is complete and said so; the backup (O(database)) follows
            backup = sync_service.backup_after_export(session)
            if backup.name is not None:
                print(f"Backup taken: {backup.name}")
            else:
                print(f"warning: {backup.problem}", file=sys.stderr)
    finally:
        session.close()
    return 0


def print_export(result: sync_service.ExportResult) -> None:
    if result.folder_notice is not None:
        print(result.folder_notice)
    print(result.message, flush=True)
    for path in result.republished:
        print(f"Wrote again {path.name} (missing from the folder, not yet acknowledged by the centre)")
    if result.acks_received:
        print(f"The centre has applied up to package {result.acked_seq}")
    if result.queries_received:
        print(f"{result.queries_received} query change(s) from the centre: see the dashboard")
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    sys.stdout.flush()


def cmd_enrol(args: argparse.Namespace) -> int:
    from crf_desktop.services import sync as sync_service
    from crf_desktop.services.centre import holds_centre

    data_dir = data_dir_of(args)
    if holds_centre(data_dir):  # said before the password is asked (a centre user may not even be an admin)
        raise UserInputError(f"enrolment runs at a site, and {data_dir} is the coordinating centre's data "
                             "directory; nothing was changed. The site admin enrols the site in its own data "
                             "directory: crf-desktop enrol --data-dir SITE-DIR --user ADMIN --centre-key "
                             f"{args.centre_key} (the centre enrols a site with: crf-desktop centre enrol)")
    session = login_session(args)
    try:
        found = sync_service.read_enrolment(Path(args.centre_key), site=session.site_id, study=session.study_id)
        entries = found.randomisation_list(ask_enrolment_code(found)) if found.sealed_list else []
        fingerprint = sync_service.enrol_site(session, found, source=Path(args.centre_key).name,
                                              randomisation=entries)
    finally:
        session.close()
    print(f"Site enrolled with the coordinating centre ({args.centre_key})")
    print_enrolment(found, fingerprint)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``export`` and ``enrol``."""
    p = sub.add_parser("export", help="send every change since the last export to the central folder")
    common(p)
    p.add_argument("--to", metavar="FOLDER", help="the central folder (network share, USB stick, synced folder); "
                   "remembered: without --to the export goes to the folder of the last export")
    p.add_argument("--status", action="store_true", help="only show the last export and the unsent changes")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("enrol", help="enrol this site with the centre's key or enrolment file (admin)")
    common(p)
    p.add_argument("--centre-key", required=True, metavar="FILE", help="the file the coordinating centre issued")
    p.set_defaults(handler=cmd_enrol)
