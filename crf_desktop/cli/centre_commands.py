"""The coordinating centre's commands: ``centre init | enrol | import | sites | query | export`` (issue 8)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crf_desktop.cli.prompts import ask_in_person, ask_new_password, ask_password, common, data_dir_of, warn
from crf_desktop.core.errors import UserInputError

if TYPE_CHECKING:  # the services are imported by the commands that run: registering them stays cheap
    from crf_desktop.forms.study_config import StudyConfiguration
    from crf_desktop.services.centre_queries import LastDecision
    from crf_desktop.services.session import Session
    from crf_desktop.store.randomisation import ListEntry


def _login(args: argparse.Namespace) -> Session:
    from crf_desktop.services import centre as centre_service

    if not args.user:
        raise UserInputError("--user NAME is required: which centre user is doing this?")
    session = centre_service.open_centre(data_dir_of(args), args.user, ask_password(args.user))
    warn(session.warnings)
    return session


def _read_config(path: str | None) -> StudyConfiguration | None:
    from crf_desktop.forms.study_config import StudyConfiguration

    if path is None:
        return None
    try:
        return StudyConfiguration.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        raise UserInputError(f"the configuration file {path} cannot be read ({exc.strerror})") from None
    except ValueError as exc:
        raise UserInputError(f"the configuration file {path}: {exc}") from None


def _read_list(path: str | None) -> list[ListEntry] | None:
    from crf_desktop.services.randomisation_lists import read_list_csv

    return None if path is None else read_list_csv(Path(path).expanduser())


def cmd_init(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service

    data_dir = data_dir_of(args)
    centre_service.refuse_existing_data(data_dir, making="A coordinating centre")  # before the password is asked
    password = ask_new_password(args.admin)
    out = Path(args.out_key).expanduser()
    session, recovery_key = centre_service.init_centre(data_dir, admin=args.admin,
                                                       admin_name=args.admin_name or args.admin,
                                                       password=password, out_key=out)
    fingerprint = centre_service.centre_fingerprint(session)
    warn(session.warnings)
    session.close()
    print(f"Created the coordinating centre in {data_dir}")
    print(f"Centre administrator and data manager: {args.admin}")
    print(f"Wrote the centre's public key to {out}: give it to each site (crf-desktop init --centre-key)")
    print(f"Centre key fingerprint: {fingerprint}")
    print("  Sites confirm it with you by phone when they enrol.")
    print()
    print("RECOVERY KEY (shown only this once; print it, seal it in an envelope, keep it locked away):")
    print()
    print(f"    {recovery_key}")
    print()
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service

    session = _login(args)
    codes: list[str] = []
    try:
        out = centre_service.issue_enrolment(session, site=args.site, out=Path(args.out).expanduser(),
                                             config=_read_config(args.config),
                                             randomisation_list=_read_list(args.randomisation),
                                             on_code=codes.append)
    finally:
        session.close()
    print(f"Enrolled site {args.site}; wrote its enrolment file to {out}")
    print("The site admin uses it with: crf-desktop init --centre-key FILE (or crf-desktop enrol)")
    if codes:
        print()
        print("ENROLMENT CODE (the randomisation list inside the file is sealed with it; give it to the site admin "
              "by phone or sealed letter, never with the file):")
        print()
        print(f"    {codes[0]}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service

    session = _login(args)
    try:
        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\rchecking {done}/{total}", end="", file=sys.stderr, flush=True)

        report = centre_service.import_packages(session, Path(args.source), progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        session.close()
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def cmd_sites(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service

    session = _login(args)
    try:
        found = centre_service.pinned_sites(session)
        print(f"Centre key fingerprint: {centre_service.centre_fingerprint(session)}")
    finally:
        session.close()
    print(f"{'SITE':5} {'PACKAGE':8} {'LAST IMPORT':28} KEY FINGERPRINT")
    for item in found:
        print(f"{item.site:5} {item.last_seq:<8} {item.last_import_at or 'never':28} "
              f"{item.fingerprint or '(no package yet)'}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from crf_desktop.services.centre_export import export_trial

    session = _login(args)
    try:
        result = export_trial(session, kind=args.format, out=Path(args.out))
    finally:
        session.close()
    print(result.message)
    return 0


def _typed_study_id(args: argparse.Namespace, study: str) -> str:
    if args.confirm_study is not None:
        return str(args.confirm_study)
    if not sys.stdin.isatty():
        raise UserInputError(f"unblinding needs the study id typed as confirmation and there is no terminal to ask "
                             f"in: add --confirm-study {study}. The study stays blinded")
    try:
        return input(f"Type the study id ({study}) to unblind it for good: ")
    except EOFError:
        return ""


def cmd_unblind(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre_unblinding

    if not args.status and not (args.reason or "").strip():
        raise UserInputError("--reason TEXT is required: why is the study unblinded (e.g. database locked on "
                             "2026-11-20 for the final analysis)? Or use --status to see the blinding state")
    session = _login(args)
    try:
        if args.status:
            lines = centre_unblinding.blinding_status(session).lines()
        else:
            files = [Path(f).expanduser() for f in args.randomisation]
            centre_unblinding.unblind_precheck(session, files)  # refusals come before the warning and the prompts
            print(f"Unblinding study {session.study_id} gives every export each subject's treatment arm. It cannot "
                  "be undone: it is recorded with your name and reason in the centre's audit trail.",
                  file=sys.stderr)
            typed = _typed_study_id(args, session.study_id)
            password = ask_in_person(f"Password for {session.user.username}, again, to unblind: ",
                                     need=f"unblinding needs the password of {session.user.username} typed "
                                     "again", refused="The study stays blinded")
            done = centre_unblinding.unblind_study(
                session, password=password, reason=args.reason, confirm_study_id=typed,
                randomisation_files=files)
            lines = [f"Unblinded study {done.study} on {done.unblinded_at} ({done.subjects} randomised subject(s) "
                     f"at {done.sites} site(s)); randomisation lists SHA-256 {done.list_sha256}",
                     "The CSV and ODM exports now carry each subject's arm (crf-desktop centre export)."]
    finally:
        session.close()
    for line in lines:
        print(line)
    return 0


def _send(session: Session, folder: str | None) -> None:
    from crf_desktop.services import centre as centre_service

    if folder:
        written = centre_service.send_messages(session, Path(folder).expanduser())
        print(f"Sent to the site(s) in {folder} ({len(written)} message(s))")
    else:
        print("It reaches the site with the next centre import (or add --folder FOLDER to send it now)")


def cmd_query_raise(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service

    session = _login(args)
    try:
        query_id = centre_service.raise_query(session, site=args.site, subject_id=args.subject, visit=args.visit,
                                              form=args.form, repeat_no=args.repeat, field=args.field,
                                              question=args.question)
        print(f"Raised query {query_id} on {args.subject} {args.visit} {args.form}.{args.field}")
        _send(session, args.folder)
    finally:
        session.close()
    return 0


def _decision_line(decision: LastDecision) -> str:
    """``closed by alice (centre) at 2026-11-20 10:00 UTC: reason`` for the query list."""
    from crf_desktop.core.clock import parse_iso
    from crf_desktop.services.centre_queries import CLOSE

    done = "closed" if decision.action == CLOSE else "re-opened"
    why = " / ".join(decision.reason.splitlines()) if decision.reason else "(no reason given)"
    return f"{done} by {decision.by} at {parse_iso(decision.at):%Y-%m-%d %H:%M} UTC: {why}"


def cmd_query_list(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service
    from crf_desktop.services.centre_queries import CLOSE

    session = _login(args)
    try:
        found = centre_service.list_queries(session, site=args.site, status=args.status)
    finally:
        session.close()
    if found:
        print(f"{'QUERY':10} {'ORIGIN':22} {'SITE':4} {'STATUS':8} {'AGE':>4}  WHERE")
    for q in found:
        origin = f"{q.origin}: {q.raised_by}"
        decided = "closed" if q.waiting == CLOSE else "re-opened"  # STATUS is the decided one
        waiting = f"  ({decided} at the centre, waiting for the site's next export)" if q.waiting else ""
        print(f"{q.query_id:10} {origin:22} {q.site:4} {q.status:8} {q.age_days:>3}d  {q.where}{waiting}")
        print(f"    question: {' / '.join(q.question.splitlines())}")
        if q.answer:
            print(f"    answer ({q.answered_by}): {' / '.join(q.answer.splitlines())}")
        if q.decision is not None:
            print(f"    {_decision_line(q.decision)}")
    if not found:
        print("No queries" + (" match" if args.site or args.status else ""))
    return 0


def cmd_query_close(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service

    if args.reopen is not None:  # kept working for old scripts, with a notice naming the command to move to
        print(f"warning: 'centre query close --reopen' is deprecated and will be removed; use: crf-desktop centre "
              f"query reopen {args.query_id} --reason FOLLOW-UP", file=sys.stderr)
    if args.reopen is not None and args.reason is not None:
        raise UserInputError("give --reason to close the query or --reopen to re-open it, not both (to re-open: "
                             f"crf-desktop centre query reopen {args.query_id} --reason FOLLOW-UP)")
    if args.reopen is not None and not args.reopen.strip():
        raise UserInputError(f"--reopen is empty: say why query {args.query_id} is re-opened (the site reads it as "
                             f"the follow-up question): crf-desktop centre query reopen {args.query_id} --reason "
                             "FOLLOW-UP. Nothing was changed")
    session = _login(args)
    try:
        if args.reopen is not None:  # kept for scripts written before "centre query reopen"
            query = centre_service.reopen_query(session, args.query_id, args.reopen)
            print(f"Re-opened query {query.query_id}")
        else:
            query = centre_service.close_query(session, args.query_id, args.reason or "")
            print(f"Closed query {query.query_id}")
        _send(session, args.folder)
    finally:
        session.close()
    return 0


def cmd_query_reopen(args: argparse.Namespace) -> int:
    from crf_desktop.services import centre as centre_service

    session = _login(args)
    try:
        query = centre_service.reopen_query(session, args.query_id, args.reason)
        print(f"Re-opened query {query.query_id}")
        _send(session, args.folder)
    finally:
        session.close()
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``centre`` and its sub-commands."""
    centre = sub.add_parser("centre", help="the coordinating centre: init, enrol, import, sites, query, export, "
                            "unblind")
    centre_sub = centre.add_subparsers(title="centre commands", metavar="ACTION", required=True)

    p = centre_sub.add_parser("init", help="create the centre's database and keys; write its public key file")
    common(p, user=False, whose="centre")
    p.add_argument("--admin", required=True, help="the first user: administrator and data manager")
    p.add_argument("--admin-name", help="their full name")
    p.add_argument("--out-key", required=True, metavar="FILE", help="where to write the centre's public key file")
    p.set_defaults(handler=cmd_init)

    p = centre_sub.add_parser("enrol", help="enrol a site and write its signed enrolment file")
    common(p, whose="centre")
    p.add_argument("--site", required=True, help="the site number, e.g. 02")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the enrolment file")
    p.add_argument("--config", metavar="FILE.json", help="the study configuration for the site (JSON)")
    p.add_argument("--randomisation", metavar="FILE.csv",
                   help="the site's randomisation list (columns seq, rand_no, msc_kit, mmf_kit, arm); sealed with "
                   "an enrolment code that is printed")
    p.set_defaults(handler=cmd_enrol)

    p = centre_sub.add_parser("import", help="apply the sites' packages from the central folder; exit 1 when "
                              "anything was quarantined or is waiting")
    common(p, whose="centre")
    p.add_argument("--from", dest="source", required=True, metavar="FOLDER", help="the central folder")
    p.set_defaults(handler=cmd_import)

    p = centre_sub.add_parser("export", help="export every imported site's data: CSV files or one CDISC ODM 1.3.2 "
                              "file (treatment arms only once the study is unblinded: centre unblind)")
    common(p, whose="centre")
    p.add_argument("--format", required=True, choices=("csv", "odm"), help="csv: a new folder of files with a "
                   "manifest; odm: one XML file")
    p.add_argument("--out", required=True, metavar="PATH", help="a new or empty folder (csv) or a new file (odm)")
    p.set_defaults(handler=cmd_export)

    p = centre_sub.add_parser("unblind", help="unblind the study for database lock (irreversible): the exports "
                              "then carry each subject's arm; --status shows the blinding state")
    common(p, whose="centre")
    p.add_argument("--reason", help="why the study is unblinded, e.g. database locked for the final analysis")
    p.add_argument("--randomisation", metavar="FILE.csv", action="append", default=[],
                   help="the randomisation list of a site enrolled before the centre kept lists (columns seq, "
                   "rand_no, msc_kit, mmf_kit, arm); repeat for each such site")
    p.add_argument("--confirm-study", metavar="STUDY", help="the study id, typed as confirmation (asked for when "
                   "not given)")
    p.add_argument("--status", action="store_true", help="only show whether the study is blinded and which "
                   "randomised subjects lack an arm in the centre's lists")
    p.set_defaults(handler=cmd_unblind)

    p = centre_sub.add_parser("sites", help="list the enrolled sites with their pinned key fingerprints")
    common(p, whose="centre")
    p.set_defaults(handler=cmd_sites)

    query = centre_sub.add_parser("query", help="queries to sites: raise, list, close, reopen")
    query_sub = query.add_subparsers(title="query commands", metavar="ACTION", required=True)
    p = query_sub.add_parser("raise", help="raise a query on a field of a subject the site has sent; the site "
                             "reads it after its next import of the centre's messages")
    common(p, whose="centre")
    p.add_argument("--site", required=True, metavar="SITE", help="the enrolled site the subject belongs to, e.g. 01")
    p.add_argument("--subject", required=True, metavar="SUBJECT", help="subject id, e.g. 01-003")
    p.add_argument("--visit", required=True, metavar="VISIT", help="visit code (e.g. screening, week4), or the "
                   "log's code for a log entry (see: crf-desktop dictionary)")
    p.add_argument("--form", required=True, metavar="FORM", help="form id, e.g. labs (see: crf-desktop dictionary)")
    p.add_argument("--field", required=True, metavar="FIELD", help="field id on that form, e.g. lab_date "
                   "(see: crf-desktop dictionary)")
    p.add_argument("--repeat", type=int, default=0, metavar="N", help="log entry number (0 for visit forms)")
    p.add_argument("--question", required=True, metavar="TEXT", help="what the site must clarify; the site "
                   "answers it on the form")
    p.add_argument("--folder", metavar="FOLDER", help="send it to the site now through this central folder")
    p.set_defaults(handler=cmd_query_raise)
    p = query_sub.add_parser("list", help="list every query of the trial (raised at the centre or at a site) with "
                             "its origin, status, latest answer, age and last close or re-open (who, when, why)")
    common(p, whose="centre")
    p.add_argument("--site", metavar="SITE", help="only this enrolled site's queries, e.g. 01")
    p.add_argument("--status", choices=("open", "answered", "closed"), help="only queries with this status")
    p.set_defaults(handler=cmd_query_list)
    p = query_sub.add_parser("close", help="close a query (to re-open one use: centre query reopen)")
    common(p, whose="centre")
    p.add_argument("query_id", help="C-0001 (raised at the centre) or S01-0005 (query 5 of site 01)")
    p.add_argument("--reason", help="why it is closed; required for a query raised at a site (the site reads it)")
    p.add_argument("--reopen", metavar="FOLLOW-UP", help="deprecated, kept for old scripts: re-open instead of "
                   "closing; use: centre query reopen ID --reason FOLLOW-UP")
    p.add_argument("--folder", metavar="FOLDER", help="send the change to the site now through this central folder")
    p.set_defaults(handler=cmd_query_close)
    p = query_sub.add_parser("reopen", help="re-open an answered or closed query with a follow-up question")
    common(p, whose="centre")
    p.add_argument("query_id", help="C-0001 (raised at the centre) or S01-0005 (query 5 of site 01)")
    p.add_argument("--reason", required=True, metavar="FOLLOW-UP", help="the follow-up question the site reads")
    p.add_argument("--folder", metavar="FOLDER", help="send the change to the site now through this central folder")
    p.set_defaults(handler=cmd_query_reopen)
