"""Roles and what each may do (DESIGN.md section 5).

The services layer checks every action against this table; the UI reads the same table only to hide what a
role cannot do. There is no other copy of these rules.
"""

from __future__ import annotations

from enum import StrEnum

from crf_desktop.core.errors import UserInputError


class Role(StrEnum):
    COORDINATOR = "coordinator"
    INVESTIGATOR = "investigator"
    MONITOR = "monitor"
    DATA_MANAGER = "datamanager"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]

    def label_in(self, lang: str) -> str:
        """The role's name in ``lang`` ("en" or "zh")."""
        return self.label_zh if lang == "zh" else self.label


_LABELS = {
    Role.COORDINATOR: "Site coordinator",
    Role.INVESTIGATOR: "Investigator",
    Role.MONITOR: "Monitor",
    Role.DATA_MANAGER: "Data manager",
    Role.ADMIN: "Site administrator",
}

_LABELS_ZH = {
    Role.COORDINATOR: "研究协调员",
    Role.INVESTIGATOR: "研究者",
    Role.MONITOR: "监查员",
    Role.DATA_MANAGER: "数据管理员",
    Role.ADMIN: "分中心管理员",
}


class Permission(StrEnum):
    MANAGE_USERS = "manage users"
    ENTER_DATA = "enter data"
    VIEW_DATA = "view data"
    PRINT = "print"
    EXPORT = "export"
    SIGN = "sign"
    VERIFY_DATA = "verify data"
    RAISE_QUERY = "raise queries"
    ANSWER_QUERY = "answer queries"
    VIEW_AUDIT = "view the audit trail"
    CONFIGURE_STUDY = "load the study configuration"
    RANDOMISE = "randomise subjects"
    UNBLIND = "unblind a subject in an emergency"
    LOCK_CASEBOOK = "lock or unlock a casebook"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.COORDINATOR: frozenset({
        Permission.ENTER_DATA, Permission.VIEW_DATA, Permission.PRINT, Permission.EXPORT,
        Permission.ANSWER_QUERY, Permission.VIEW_AUDIT, Permission.RANDOMISE,
    }),
    Role.INVESTIGATOR: frozenset({
        Permission.ENTER_DATA, Permission.VIEW_DATA, Permission.PRINT, Permission.EXPORT,
        Permission.ANSWER_QUERY, Permission.SIGN, Permission.VIEW_AUDIT, Permission.RANDOMISE,
        Permission.UNBLIND, Permission.LOCK_CASEBOOK,
    }),
    Role.MONITOR: frozenset({
        Permission.VIEW_DATA, Permission.PRINT, Permission.VERIFY_DATA, Permission.RAISE_QUERY,
        Permission.VIEW_AUDIT,
    }),
    Role.DATA_MANAGER: frozenset({
        Permission.VIEW_DATA, Permission.PRINT, Permission.RAISE_QUERY, Permission.VIEW_AUDIT,
        Permission.EXPORT, Permission.LOCK_CASEBOOK,
    }),
    Role.ADMIN: frozenset({Permission.MANAGE_USERS, Permission.VIEW_AUDIT, Permission.CONFIGURE_STUDY}),
}


def can(role: Role, permission: Permission) -> bool:
    """Whether ``role`` holds ``permission``."""
    return permission in _GRANTS[role]


def parse_role(text: str) -> Role:
    """A role from its name as typed (``coordinator``, ``investigator``, ...)."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise UserInputError(f"unknown role {text!r}; choose one of: {names}") from None
