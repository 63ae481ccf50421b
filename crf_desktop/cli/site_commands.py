"""The site's commands: version, init, users, verify, restore, dictionary, demo (the app starts in gui_command)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from crf_desktop import __version__
from crf_desktop.cli.gui_command import start_gui
from crf_desktop.cli.prompts import (
    ask_confirmation,
    ask_new_password,
    ask_password,
    ask_secret,
    common,
    data_dir_of,
    login_session,
    warn,
)
from crf_desktop.cli.sync_commands import ask_enrolment_code, print_enrolment
from crf_desktop.core.clock import local_display
from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import parse_role

# The services and the store are imported by the command that runs, so that registering the commands, --help
# and starting the app (to its login window) load none of them (issue 10).

Subparsers = argparse._SubParsersAction  # the object add_subparsers() returns


# -- commands ----------------------------------------------------------------------------------------------
def cmd_version(_args: argparse.Namespace) -> int:
    import sqlcipher3

    cipher = sqlcipher3.connect(":memory:").execute("PRAGMA cipher_version").fetchone()
    print(f"crf-desktop {__version__}")
    print(f"Python {sys.version.split()[0]}, SQLCipher {cipher[0] if cipher else 'unknown'}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from crf_desktop.services.centre import refuse_existing_data
    from crf_desktop.services.session import init_site
    from crf_desktop.services.sync import init_enrolled_site, read_enrolment, site_key_fingerprint

    data_dir = data_dir_of(args)
    refuse_existing_data(data_dir, making=f"Site {args.site}")  # before the file is read or anything asked
    if args.centre_key:  # read and check the file before asking for anything
        read_enrolment(Path(args.centre_key).expanduser(), site=args.site, study=args.study.upper())
    password = ask_new_password(args.admin)
    enrolled = None
    if args.centre_key:
        session, recovery_key, enrolled = init_enrolled_site(
            data_dir, site=args.site, study=args.study, admin=args.admin, admin_name=args.admin_name or args.admin,
            password=password, centre_key=Path(args.centre_key).expanduser(), enrolment_code=ask_enrolment_code)
        site_fingerprint = site_key_fingerprint(session)
    else:
        session, recovery_key = init_site(data_dir, site=args.site, study=args.study, admin=args.admin,
                                          admin_name=args.admin_name or args.admin, password=password)
    warn(session.warnings)
    session.close()
    print(f"Created site {args.site} for study {args.study} in {data_dir}")
    if enrolled is not None:
        print_enrolment(enrolled, site_fingerprint)
    print(f"Site admin: {args.admin}")
    print()
    print("RECOVERY KEY (shown only this once; print it, seal it in an envelope, keep it locked away):")
    print()
    print(f"    {recovery_key}")
    print()
    print("It is the only way back in if the admin password is forgotten: crf-desktop user recover")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    session = login_session(args)
    try:
        user = session.add_user(username=args.name, full_name=args.full_name, role=parse_role(args.role),
                                password=ask_new_password(args.name))
    finally:
        session.close()
    print(f"Added {user.username} ({user.full_name}, {user.role.label}); they must change the password at "
          "first login")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    session = login_session(args)
    try:
        rows = session.list_users()
    finally:
        session.close()
    print(f"{'USER':16} {'ROLE':13} {'STATE':9} {'PASSWORD':17} FULL NAME")
    for user in rows:
        state = "active" if user.active else "disabled"
        flag = "-" if not user.active else "temporary" if user.must_change_password else "set"
        print(f"{user.username:16} {user.role.value:13} {state:9} {flag:17} {user.full_name}")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from crf_desktop.services.session import login

    if not args.user:
        raise UserInputError("--user NAME is required")
    data_dir = data_dir_of(args)
    if args.reset:
        session = login_session(args)
        try:
            session.reset_password(args.reset, ask_new_password(args.reset))
        finally:
            session.close()
        print(f"Password of {args.reset} reset; they must change it at next login")
        return 0
    current = ask_password(args.user)
    session = login(data_dir, args.user, current)
    try:
        session.change_own_password(current, ask_new_password(args.user))
    finally:
        session.close()
    print(f"Password of {args.user} changed")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    session = login_session(args)
    try:
        session.disable_user(args.name, args.reason)
    finally:
        session.close()
    print(f"Disabled {args.name}; their history stays in the audit trail")
    return 0


def cmd_user_recover(args: argparse.Namespace) -> int:
    from crf_desktop.services.session import recover
    from crf_desktop.store.keywrap import parse_recovery_key

    key = ask_secret("CRF_RECOVERY_KEY", "Recovery key (as printed, e.g. ABCD-EFGH-...): ", what="recovery key",
                  visible=True)
    if parse_recovery_key(key) is None:  # say so before asking for the new password twice
        raise UserInputError("the recovery key is not well-formed: it has 32 letters and digits in 8 groups of "
                             "four, e.g. ABCD-EFGH-...")
    session = recover(data_dir_of(args), recovery_key=key, admin=args.admin, new_password=ask_new_password(args.admin))
    warn(session.warnings)
    session.close()
    print(f"New password set for {args.admin}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from crf_desktop.services.centre import is_centre_dir
    from crf_desktop.services.verify import verify_site

    session = login_session(args)
    try:
        report = verify_site(session)
        what = "the coordinating centre" if is_centre_dir(session) else f"site {session.site_id}"
        print(f"Verifying {what} ({session.study_id}) in {session.data_dir}")
        for check in report.checks:
            mark = "ok  " if check.ok else "FAIL"
            print(f"  [{mark}] {check.name}: {check.detail}")
            for problem in check.problems:
                print(f"         problem: {problem}")
            for warning in check.warnings:
                print(f"         warning: {warning}")
    finally:
        session.close()
    if not report.ok:
        print("Result: PROBLEMS FOUND. Do not enter more data; contact the coordinating centre.")
        return 1
    if report.warnings:
        print(f"Result: OK with {len(report.warnings)} warning(s)")
        return 1 if args.strict else 0
    print("Result: OK")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from crf_desktop.services.session import backups, restore

    data_dir = data_dir_of(args)
    if args.list or not args.backup:
        found = backups(data_dir)
        if not found:
            print(f"No backups in {data_dir} yet (one is taken at the first login of each day)")
            return 0 if args.list else 2
        print(f"Backups of {data_dir}, newest first:")
        for item in found:
            print(f"  {item.name}  ({item.reason}, {local_display(item.taken_at)}, "
                  f"{item.path.stat().st_size // 1024} KiB)")
        if not args.list:
            print("Choose one with --from NAME")
            return 2
        return 0
    if not args.user:
        raise UserInputError("--user NAME is required: the site admin restores a backup")
    ask_confirmation(args, f"Replace the database of {data_dir} by the backup {args.backup}? Data entered after that "
                   "backup will have to be entered again.")
    session, kept = restore(data_dir, username=args.user, password=ask_password(args.user), backup=args.backup,
                            force=args.force)
    warn(session.warnings)
    session.close()
    print(f"Restored {args.backup}. The database it replaced is kept as {kept.name} in {data_dir}.")
    print("Data entered after that backup must be entered again; check it with: crf-desktop verify")
    return 0


def cmd_dictionary(args: argparse.Namespace) -> int:
    from crf_desktop.services.dictionary import write_data_dictionary

    count = write_data_dictionary(Path(args.out).expanduser(), force=args.force)
    print(f"Wrote the data dictionary ({count} fields) to {args.out}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from crf_desktop.services import demo as demo_service
    from crf_desktop.services.centre import holds_centre
    from crf_desktop.store.datadir import default_data_dir, is_site

    data_dir = Path(args.data_dir).expanduser() if args.data_dir else default_data_dir().with_name(
        "crf-desktop-demo")
    if args.join_centre or args.site:
        passwords = _join_demo_centre(data_dir, args)
    elif holds_centre(data_dir):  # left as it is: the demo neither opens nor changes a centre
        raise UserInputError(f"{data_dir} holds a coordinating centre, not a demo site; nothing was changed. Give "
                             "crf-desktop demo another --data-dir (a new folder for a new demo site, or an existing "
                             "demo site's folder)")
    elif is_site(data_dir):
        if not demo_service.is_demo_site(data_dir):  # a real site: the demo neither opens nor changes it
            raise UserInputError(f"{data_dir} holds a crf-desktop site that is not a demo site; nothing was changed. "
                                 f"Open it with crf-desktop --data-dir {data_dir}, or give crf-desktop demo another "
                                 "--data-dir (a new folder for a new demo site)")
        passwords = demo_service.read_demo_passwords(data_dir)
        print(f"Using the existing demo site in {data_dir}")
    else:
        passwords = demo_service.create_demo(data_dir, shared_password=os.environ.get("CRF_PASSWORD"))
        print(f"Created a demo site (fictitious data) in {data_dir}")
        _demo_centre(data_dir, passwords, args.centre_key)
    if passwords:
        print("Demo users and passwords:")
        for name, password in passwords.items():
            print(f"  {name:13} {password}")
    if args.no_gui:
        return 0
    return start_gui(data_dir, demo_users=passwords)


def _join_demo_centre(data_dir: Path, args: argparse.Namespace) -> dict[str, str]:
    """``demo --site 02 --join-centre DIR``: one more demo site for the demo centre (issue 8)."""
    from crf_desktop.services.demo_join import join_demo_centre

    if not (args.site and args.join_centre):
        raise UserInputError("a further demo site needs both --site NUMBER (e.g. 02) and --join-centre DIR (the demo "
                             "centre's folder)")
    if args.centre_key:
        raise UserInputError("--join-centre enrols the new demo site with the demo centre; leave out --centre-key")
    joined = join_demo_centre(data_dir, site=args.site, centre_dir=Path(args.join_centre).expanduser(),
                              shared_password=os.environ.get("CRF_PASSWORD"))
    centre, folder = joined.centre.data_dir, joined.centre.folder
    print(f"Created demo site {joined.site} (fictitious data) in {data_dir}")
    print(f"The demo centre {centre} enrolled it (study configuration and a randomisation list of its own; site "
          f"key {joined.fingerprint})")
    print(f"Subjects {joined.subjects[0]} to {joined.subjects[-1]}")
    print(joined.export.message)
    for problem in joined.export.problems:
        print(f"  problem: {problem}")
    print(f"The demo centre's users admin and datamanager have the passwords in {joined.centre_passwords}")
    print(f"The demo's central folder is {folder}. Next:")
    print(f"  crf-desktop centre import --data-dir {centre} --user datamanager --from {folder}")
    print(f"  crf-desktop export --data-dir {data_dir} --user coordinator --to {folder}")
    print(f"  crf-desktop demo --data-dir {data_dir}    (opens site {joined.site} again)")
    return joined.passwords


def _demo_centre(data_dir: Path, passwords: dict[str, str], centre_key: str | None) -> None:
    """Enrol the new demo site with ``--centre-key``, or with a demo centre made beside it (issue 8)."""
    from crf_desktop.services import demo_centre

    if centre_key:
        fingerprint = demo_centre.enrol_and_export(data_dir, Path(centre_key).expanduser(), passwords, None)
        print(f"Enrolled the demo site with the centre key {centre_key} (site key {fingerprint})")
        return
    made = demo_centre.create_demo_centre(data_dir, passwords)
    demo_centre.enrol_and_export(data_dir, made.key_file, passwords, made.folder)
    print(f"Created a demo coordinating centre in {made.data_dir} (users admin and datamanager, same passwords)")
    print(f"The demo's central folder is {made.folder}; the demo site exported to it once. Try:")
    print(f"  crf-desktop centre import --data-dir {made.data_dir} --user datamanager --from {made.folder}")


def register(sub: Subparsers) -> None:
    """Add the site's commands: version, init, user, verify, restore, dictionary, demo."""

    p = sub.add_parser("version", help="print the version of the app and its SQLCipher")
    p.set_defaults(handler=cmd_version)

    p = sub.add_parser("init", help="create a new site (prints the recovery key once)")
    common(p, user=False)
    p.add_argument("--site", required=True, help="site number, e.g. 01")
    p.add_argument("--study", required=True, help="study identifier, e.g. NCT03580291")
    p.add_argument("--admin", required=True, help="user name of the site admin (password prompted, or "
                   "CRF_NEW_PASSWORD)")
    p.add_argument("--admin-name", help="the admin's full name")
    p.add_argument("--centre-key", metavar="FILE", help="the coordinating centre's key or enrolment file (its "
                   "randomisation list asks for the enrolment code, or CRF_ENROLMENT_CODE)")
    p.set_defaults(handler=cmd_init)

    user = sub.add_parser("user", help="manage users: add, list, passwd, disable, recover")
    user_sub = user.add_subparsers(title="user commands", metavar="ACTION", required=True)
    p = user_sub.add_parser("add", help="add a user (admin); the temporary password must be changed at first login")
    common(p)
    p.add_argument("name", help="the new user's login name")
    p.add_argument("--role", required=True, help="coordinator, investigator, monitor, datamanager or admin")
    p.add_argument("--full-name", required=True, help="full name, as printed on signatures")
    p.set_defaults(handler=cmd_user_add)
    p = user_sub.add_parser("list", help="list the site's users (admin)")
    common(p)
    p.set_defaults(handler=cmd_user_list)
    p = user_sub.add_parser("passwd", help="change your password, or --reset another user's (admin)")
    common(p)
    p.add_argument("--reset", metavar="NAME", help="admin: give NAME a temporary password")
    p.set_defaults(handler=cmd_user_passwd)
    p = user_sub.add_parser("disable", help="disable a user (admin); their history is kept")
    common(p)
    p.add_argument("name", help="the user to disable")
    p.add_argument("--reason", required=True, help="why (goes into the audit trail)")
    p.set_defaults(handler=cmd_user_disable)
    p = user_sub.add_parser("recover", help="set a new admin password with the recovery key")
    common(p, user=False)
    p.add_argument("--admin", required=True, help="the admin whose password to set")
    p.set_defaults(handler=cmd_user_recover)

    p = sub.add_parser("verify", help="check database integrity, the audit chain and the key file")
    common(p)
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too (e.g. clock set back)")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("restore", help="list the backups, or put one in place of the database (admin)")
    common(p)
    p.add_argument("--list", action="store_true", help="only list the backups")
    p.add_argument("--from", dest="backup", metavar="BACKUP", help="a backup name from --list, or a file path")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation (scripts)")
    p.add_argument("--force", action="store_true", help="restore even over a database with newer changes (they "
                   "are lost; tell the coordinating centre)")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("dictionary", help="write the data dictionary (one row per field of every form) as CSV")
    p.add_argument("--out", required=True, metavar="FILE.csv", help="where to write it (a new file)")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")
    p.set_defaults(handler=cmd_dictionary)

    p = sub.add_parser("demo", help="create a demo site with fictitious data, then start the app")
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help="where to create the demo site (default: a crf-desktop-demo folder beside the user data "
                   "directory); an existing demo site there is reused")
    p.add_argument("--no-gui", action="store_true", help="only create the demo site")
    p.add_argument("--centre-key", metavar="FILE", help="enrol the demo site with this centre key file instead of "
                   "creating a demo centre beside it")
    p.add_argument("--join-centre", metavar="DIR", help="create one more demo site (a new --data-dir) enrolled with "
                   "this demo centre (the <demo>-centre folder); it exports to the same central folder")
    p.add_argument("--site", metavar="NUMBER", help="with --join-centre: the new site's number, e.g. 02")
    p.set_defaults(handler=cmd_demo)


