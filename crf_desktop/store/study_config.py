"""The study configurations installed at the site (migration 8), newest last; rows are never changed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.store.changes import next_change

CHANGE_KIND = "study configuration"


@dataclass(frozen=True, kw_only=True)
class InstalledConfiguration:
    """One installed version: the configuration, where it came from, who installed it and when (UTC ISO)."""

    version: int
    configuration: StudyConfiguration
    source: str
    installed_at: str
    installed_by: str
    change_seq: int


def _row(row: tuple[Any, ...]) -> InstalledConfiguration:
    return InstalledConfiguration(
        version=int(row[0]), configuration=StudyConfiguration.from_dict(json.loads(row[1])), source=row[2],
        installed_at=row[3], installed_by=row[4], change_seq=int(row[5]),
    )


_SELECT = "SELECT version, config, source, installed_at, installed_by, change_seq FROM study_configurations"


def latest(db: sqlite_utils.Database) -> InstalledConfiguration | None:
    """The configuration in force (the highest version), or ``None`` when none was ever installed."""
    row = db.execute(_SELECT + " ORDER BY version DESC LIMIT 1").fetchone()
    return None if row is None else _row(row)


def history(db: sqlite_utils.Database) -> list[InstalledConfiguration]:
    """Every installed version, oldest first."""
    return [_row(r) for r in db.execute(_SELECT + " ORDER BY version")]


def install(db: sqlite_utils.Database, config: StudyConfiguration, *, source: str,
            user: str) -> InstalledConfiguration:
    """Append ``config`` as the next version; call inside the transaction that audits it."""
    row = db.execute("SELECT coalesce(max(version), 0) FROM study_configurations").fetchone()
    version = int(row[0]) + 1
    seq = next_change(db, kind=CHANGE_KIND)
    text = json.dumps(config.to_dict(), sort_keys=True, ensure_ascii=False)
    at = iso(utcnow())
    db.execute(
        "INSERT INTO study_configurations (version, config, source, installed_at, installed_by, change_seq)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [version, text, source, at, user, seq],
    )
    return InstalledConfiguration(version=version, configuration=config, source=source, installed_at=at,
                                  installed_by=user, change_seq=seq)
