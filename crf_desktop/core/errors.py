"""Errors a person can act on.

Every error the user can cause carries a message that names the thing (file, user, field) and what to do.
The CLI maps ``exit_code`` to its exit status: 2 for bad usage or bad input, 1 for everything else.
"""

from __future__ import annotations


class CrfError(Exception):
    """Base of every expected failure; never shown as a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UserInputError(CrfError):
    """The user gave something wrong: a bad argument, a short password, an unknown user."""

    exit_code = 2


class AuthenticationError(UserInputError):
    """Wrong user name or password."""


class AccountLockedError(UserInputError):
    """Too many failed logins; the account is locked for a while."""

    def __init__(self, message: str, *, seconds_left: int) -> None:
        super().__init__(message)
        self.seconds_left = seconds_left


class PasswordChangeRequired(UserInputError):
    """The password was reset by an admin and must be changed before work can go on."""


class PermissionDenied(UserInputError):
    """The user's role does not allow the action."""


class DataDirError(UserInputError):
    """The data directory is missing, foreign, or already a site."""


class DataDirInUseError(CrfError):
    """Another crf-desktop process has the data directory open; ``holder`` says which."""

    def __init__(self, message: str, *, holder: str = "another process") -> None:
        super().__init__(message)
        self.holder = holder


class KeyFileError(CrfError):
    """The key file beside the database is missing or damaged."""


class DatabaseCorruptError(CrfError):
    """The database fails its integrity check or cannot be decrypted with a valid key."""


class StorageError(CrfError):
    """The disk refused a read or write: full, read-only, unplugged, or no permission. Nothing is damaged."""
