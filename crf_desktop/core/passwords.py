"""The password rule, shared by the CLI, the GUI and the services that enforce it."""

from __future__ import annotations

from crf_desktop.core.errors import UserInputError

MIN_LENGTH = 10


def password_problem(password: str, *, username: str = "") -> str | None:
    """Why ``password`` is not acceptable, or ``None`` when it is."""
    if len(password) < MIN_LENGTH:
        return f"the password must be at least {MIN_LENGTH} characters long (it has {len(password)})"
    if username and password.lower() == username.lower():
        return "the password must not be the user name"
    if len(set(password)) < 4:
        return "the password must not repeat the same few characters"
    return None


def check_password(password: str, *, username: str = "") -> None:
    problem = password_problem(password, username=username)
    if problem:
        raise UserInputError(problem)
