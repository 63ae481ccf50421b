"""What every command shares: prompts for secrets and confirmation, the data directory, logging in."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crf_desktop.core.errors import UserInputError

if TYPE_CHECKING:  # imported when a command logs in: registering the commands stays cheap (issue 10)
    from crf_desktop.services.session import Session

Handler = Callable[[argparse.Namespace], int]


# -- prompts ---------------------------------------------------------------------------------------------
def ask_secret(env_name: str, prompt: str, *, confirm: bool = False, what: str = "password",
            visible: bool = False) -> str:
    value = os.environ.get(env_name)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UserInputError(f"no {what} given: run this in a terminal to be asked, or set {env_name}")
    import getpass  # here: starting the app asks for nothing in the terminal (issue 10: start-up time)

    try:
        if visible:
            return input(prompt)
        first = getpass.getpass(prompt)
        repeated = getpass.getpass("Repeat it: ") if confirm else first
    except EOFError:
        raise UserInputError(f"no {what} given (the input was closed); nothing was changed") from None
    if repeated != first:
        raise UserInputError("the two passwords differ; nothing was changed")
    return first


def ask_in_person(prompt: str, *, need: str, refused: str) -> str:
    """A secret the person gives now, for a deliberate confirmation: never from the environment (``CRF_PASSWORD``
    logs in, it does not confirm). Asked in the terminal; when standard input is not a terminal, its first line is
    read (a script pipes it on purpose). With neither, UserInputError: ``need`` (what is asked for), how to give
    it, and ``refused`` (what stays as it was)."""
    try:
        if sys.stdin.isatty():
            import getpass

            given = getpass.getpass(prompt)
        else:
            given = sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    except EOFError:
        given = ""
    if not given:
        raise UserInputError(f"{need}, and none was given: run this in a terminal to be asked, or give it on standard "
                             f"input (e.g. a pipe); CRF_PASSWORD does not answer this confirmation. {refused}")
    return given


def ask_password(user: str) -> str:
    return ask_secret("CRF_PASSWORD", f"Password for {user}: ")


def ask_new_password(whose: str) -> str:
    return ask_secret("CRF_NEW_PASSWORD", f"New password for {whose} (at least 10 characters): ", confirm=True)


def ask_confirmation(args: argparse.Namespace, question: str) -> None:
    """Ask before something that cannot be undone; ``--yes`` answers for scripts."""
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise UserInputError("this needs confirmation and there is no terminal to ask in: add --yes to confirm "
                             f"({question.rstrip('?')})")
    try:
        answer = input(f"{question} Type yes to go on: ")
    except EOFError:
        answer = ""
    if answer.strip().lower() != "yes":
        raise UserInputError("not confirmed; nothing was changed")


def warn(lines: Sequence[str]) -> None:
    for line in lines:
        print(f"warning: {line}", file=sys.stderr)


def data_dir_of(args: argparse.Namespace) -> Path:
    from crf_desktop.store.datadir import default_data_dir

    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def login_session(args: argparse.Namespace) -> Session:
    from crf_desktop.services.session import login

    if not args.user:
        raise UserInputError("--user NAME is required: which user is doing this?")
    session = login(data_dir_of(args), args.user, ask_password(args.user))
    warn(session.warnings)
    return session


def common(parser: argparse.ArgumentParser, *, user: bool = True, whose: str = "site") -> None:
    """``--data-dir`` (the ``whose``'s data directory: ``site`` or ``centre``) and, with ``user``, ``--user``."""
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help=f"the {whose}'s data directory (default: the platform's user data directory)")
    if user:
        parser.add_argument("--user", metavar="NAME", help="who is doing this (password prompted, or CRF_PASSWORD)")
