"""Typed identifiers and their format checks."""

from __future__ import annotations

import re
from typing import NewType

from crf_desktop.core.errors import UserInputError

SiteId = NewType("SiteId", str)
StudyId = NewType("StudyId", str)
Username = NewType("Username", str)

_SITE = re.compile(r"^[0-9]{2,3}$")
_STUDY = re.compile(r"^[A-Za-z0-9_-]{3,40}$")
_USER = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


def site_id(text: str) -> SiteId:
    """A site number such as ``01`` (two or three digits)."""
    if not _SITE.match(text):
        raise UserInputError(f"site {text!r} is not a site number: use two or three digits, e.g. 01")
    return SiteId(text)


#: The one study this build of the application is made for (its forms come from this study's registry record).
STUDY = "NCT03580291"


def study_id(text: str) -> StudyId:
    """The study identifier: only :data:`STUDY`, the study whose forms this application carries."""
    if _STUDY.match(text) and text.upper() != STUDY:
        raise UserInputError(f"study {text!r}: this crf-desktop carries the forms of {STUDY} only; use --study {STUDY}")
    if not _STUDY.match(text):
        raise UserInputError(
            f"study {text!r} is not a study identifier: use 3-40 letters, digits, '-' or '_', e.g. NCT03580291"
        )
    return StudyId(text.upper())


def username(text: str) -> Username:
    """A login name: lower case, starts with a letter, 2-32 characters of a-z, 0-9, '.', '_', '-'."""
    name = text.strip()
    if not _USER.match(name):
        raise UserInputError(
            f"user name {text!r} is not valid: use 2-32 lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter"
        )
    return Username(name)
