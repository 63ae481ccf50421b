"""Migration 8: the study configuration issued by the centre (issue 4/5/6, delivered in the enrolment file of issue 8).

Its own module so the part that owns these tables owns their schema; migrations.py lists it in order.
Append-only once released: a later change is a new migration, never an edit of this one.

``study_configurations`` keeps every configuration the site ever installed: ``version`` counts 1, 2, ... at the
site, ``config`` is the JSON form (``forms.study_config.StudyConfiguration.to_dict``), ``source`` says where it
came from (the enrolment file's name, "site initialisation", an administrator's file), with who and when, and
``change_seq`` from the site-wide change sequence so it travels to the centre. The configuration in force is the
highest version; rows are never changed or deleted, so what applied to any past result can be shown again.
"""

from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    """Create the append-only table of installed study configurations."""
    db.execute("""
        CREATE TABLE study_configurations (
            version INTEGER PRIMARY KEY,
            config TEXT NOT NULL,
            source TEXT NOT NULL,
            installed_at TEXT NOT NULL,
            installed_by TEXT NOT NULL,
            change_seq INTEGER NOT NULL,
            CHECK (version >= 1),
            CHECK (length(trim(source)) > 0)
        )
    """)
    db.execute("""
        CREATE TRIGGER study_configurations_no_update BEFORE UPDATE ON study_configurations BEGIN
            SELECT RAISE(ABORT, 'installed study configurations are never changed: install a new one');
        END
    """)
    db.execute("""
        CREATE TRIGGER study_configurations_no_delete BEFORE DELETE ON study_configurations BEGIN
            SELECT RAISE(ABORT, 'installed study configurations are never deleted');
        END
    """)
