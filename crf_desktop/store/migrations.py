"""Schema changes, applied in order at open; each runs once, in a transaction, tracked by user_version."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from crf_desktop.store import (
    schema_centre_queries,
    schema_dashboard,
    schema_export_by_version,
    schema_save_speed,
    schema_signatures,
    schema_study,
    schema_sync,
    schema_unblinding,
)
from crf_desktop.store.schema_triggers import refuse_delete

Migration = Callable[[sqlite_utils.Database], None]


def _m001_foundation(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)
    """)
    db.execute("""
        CREATE TABLE users (
            username TEXT PRIMARY KEY,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        )
    """)
    db.execute("""
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            user TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT,
            visit TEXT,
            form TEXT,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
    """)
    db.execute("CREATE INDEX audit_subject ON audit(subject, seq)")
    # The chain head, kept by a trigger, so cutting entries off the end of the chain is noticed too.
    db.execute("CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER, hash TEXT)")
    db.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, NULL)")
    db.execute("""
        CREATE TRIGGER audit_head_follows AFTER INSERT ON audit BEGIN
            UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
        END
    """)
    db.execute("""
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed');
        END
    """)
    db.execute("""
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted');
        END
    """)
    db.execute("""
        CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN
            SELECT RAISE(ABORT, 'the audit chain head cannot be deleted');
        END
    """)


def _m002_subjects_and_records(db: sqlite_utils.Database) -> None:
    # Every change gets the next number of one site-wide sequence: the sync export reads "since N".
    db.execute("""
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            ts TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject_id TEXT,
            record_id INTEGER
        )
    """)
    db.execute("""
        CREATE TABLE subjects (
            subject_id TEXT PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE,
            initials TEXT NOT NULL,
            birth_year INTEGER,
            sex TEXT NOT NULL,
            status TEXT NOT NULL,
            status_reason TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        )
    """)
    db.execute("""
        CREATE TABLE records (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            visit TEXT NOT NULL,
            form TEXT NOT NULL,
            repeat_no INTEGER NOT NULL DEFAULT 0,
            form_version TEXT NOT NULL,
            status TEXT NOT NULL,
            data TEXT NOT NULL,
            confirmations TEXT NOT NULL DEFAULT '{}',
            version INTEGER NOT NULL,
            change_seq INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            UNIQUE (subject_id, visit, form, repeat_no)
        )
    """)
    db.execute("CREATE INDEX records_change ON records(change_seq)")
    # Every saved version is kept, with the form version it was entered against.
    db.execute("""
        CREATE TABLE record_versions (
            record_id INTEGER NOT NULL REFERENCES records(id),
            version INTEGER NOT NULL,
            form_version TEXT NOT NULL,
            status TEXT NOT NULL,
            data TEXT NOT NULL,
            confirmations TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            saved_by TEXT NOT NULL,
            reason TEXT,
            change_seq INTEGER NOT NULL,
            PRIMARY KEY (record_id, version)
        )
    """)
    refuse_delete(db, "subjects", "subjects")
    refuse_delete(db, "records", "records")
    refuse_delete(db, "record_versions", "saved versions")
    db.execute("""
        CREATE TRIGGER record_versions_no_update BEFORE UPDATE ON record_versions BEGIN
            SELECT RAISE(ABORT, 'saved versions are never changed');
        END
    """)


def _m003_queries(db: sqlite_utils.Database) -> None:
    # Data clarification queries on a field: raised by a monitor or the centre, answered at the site, closed
    # by the raiser. Their history is in the audit trail; the row holds the current state.
    db.execute("""
        CREATE TABLE queries (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            visit TEXT NOT NULL,
            form TEXT NOT NULL,
            repeat_no INTEGER NOT NULL DEFAULT 0,
            field TEXT NOT NULL,
            question TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            status TEXT NOT NULL,
            answer TEXT,
            answered_by TEXT,
            answered_at TEXT,
            closed_by TEXT,
            closed_at TEXT,
            change_seq INTEGER NOT NULL
        )
    """)
    db.execute("CREATE INDEX queries_subject ON queries(subject_id, status)")
    refuse_delete(db, "queries", "queries")


def _m004_randomisation(db: sqlite_utils.Database) -> None:
    # The site's blinded randomisation list (from the centre's enrolment file) and its use. The arm is only
    # ever read by an emergency unblinding; no screen, print or export of the site shows it.
    db.execute("""
        CREATE TABLE randomisation_list (
            seq INTEGER PRIMARY KEY,
            rand_no TEXT NOT NULL UNIQUE,
            msc_kit TEXT NOT NULL UNIQUE,
            mmf_kit TEXT NOT NULL UNIQUE,
            arm TEXT NOT NULL
        )
    """)
    db.execute("""
        CREATE TABLE randomisations (
            subject_id TEXT PRIMARY KEY REFERENCES subjects(subject_id),
            seq INTEGER NOT NULL UNIQUE REFERENCES randomisation_list(seq),
            randomised_at TEXT NOT NULL,
            randomised_by TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        )
    """)
    db.execute("""
        CREATE TABLE unblindings (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            unblinded_at TEXT NOT NULL,
            unblinded_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        )
    """)
    for table, what in (("randomisation_list", "randomisation list entries"), ("randomisations", "randomisations"),
                        ("unblindings", "unblinding records")):
        refuse_delete(db, table, what)
        db.execute(f"""
            CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN
                SELECT RAISE(ABORT, '{what} are never changed');
            END
        """)


def _m005_lab_reference_ranges(db: sqlite_utils.Database) -> None:
    # Each laboratory's reference range (LLN/ULN) per analyte, versioned by the date it applies from. A new
    # version, or a correction of one (same date, later id, with a reason), is a new row: rows are never
    # changed or deleted, so the range a flag was computed from can always be shown again.
    db.execute("""
        CREATE TABLE lab_ranges (
            id INTEGER PRIMARY KEY,
            lab_key TEXT NOT NULL,
            lab_name TEXT NOT NULL,
            analyte TEXT NOT NULL,
            lln TEXT,
            uln TEXT,
            unit TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            entered_by TEXT NOT NULL,
            reason TEXT,
            change_seq INTEGER NOT NULL,
            CHECK (lln IS NOT NULL OR uln IS NOT NULL)
        )
    """)
    db.execute("CREATE INDEX lab_ranges_lookup ON lab_ranges(lab_key, analyte, valid_from, id)")
    refuse_delete(db, "lab_ranges", "reference range versions")
    db.execute("""
        CREATE TRIGGER lab_ranges_no_update BEFORE UPDATE ON lab_ranges BEGIN
            SELECT RAISE(ABORT, 'reference range versions are never changed: enter a new version');
        END
    """)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("foundation: meta, users, audit trail", _m001_foundation),
    ("subjects, form records and their versions, the change sequence", _m002_subjects_and_records),
    ("data clarification queries", _m003_queries),
    ("randomisation list, randomisations, emergency unblinding", _m004_randomisation),
    ("laboratory reference ranges, versioned", _m005_lab_reference_ranges),
    ("electronic signatures, paper trail, scans, locks", schema_signatures.migrate),
    ("site and centre keys, exported packages, what came back from the centre", schema_sync.migrate),
    ("the study configuration issued by the centre", schema_study.migrate),
    ("covering indexes for the site dashboard", schema_dashboard.migrate),
    ("the centre's unblinding of the study for database lock", schema_unblinding.migrate),
    ("the centre's handling of queries raised at the sites", schema_centre_queries.migrate),
    ("a leaner write path for form saves", schema_save_speed.migrate),
    ("the export finds changed records through their versions", schema_export_by_version.migrate),
]


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations the database has not seen; returns their names. Safe to call again."""
    applied = []
    for number, (name, migration) in enumerate(MIGRATIONS, start=1):
        if schema_version(db) >= number:
            continue
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
        applied.append(name)
    return applied
