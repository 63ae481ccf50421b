"""Migration 6: electronic signatures, the paper trail of printed pages and their scans, casebook locks (issue 7).

Its own module so the part that owns these tables owns their schema; migrations.py lists it in order.
Append-only once released: a later change is a new migration, never an edit of this one.

Every table carries ``change_seq`` (the site-wide change sequence) so the sync export sends it to the centre.
History is kept by refusing UPDATE and DELETE; the one change allowed anywhere is marking a valid signature
invalid, once, with when, by whom and why.
"""

from __future__ import annotations

import sqlite_utils

from crf_desktop.store.schema_triggers import refuse_delete, refuse_update


def _signatures(db: sqlite_utils.Database) -> None:
    # One row per electronic signature. Scope: a form (visit and form set), a visit (form NULL) or the whole
    # casebook (visit and form NULL). ``covered`` lists the records signed as JSON [[visit, form, repeat_no,
    # version], ...]; ``content_sha256`` is the hash of their canonical content at signing.
    db.execute("""
        CREATE TABLE signatures (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            visit TEXT,
            form TEXT,
            repeat_no INTEGER NOT NULL DEFAULT 0,
            record_version INTEGER,
            username TEXT NOT NULL,
            printed_name TEXT NOT NULL,
            role TEXT NOT NULL,
            meaning TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            covered TEXT NOT NULL,
            valid INTEGER NOT NULL DEFAULT 1 CHECK (valid IN (0, 1)),
            invalidated_at TEXT,
            invalidated_by TEXT,
            invalidated_reason TEXT,
            change_seq INTEGER NOT NULL,
            CHECK (form IS NULL OR visit IS NOT NULL)
        )
    """)
    db.execute("CREATE INDEX signatures_subject ON signatures(subject_id, valid)")
    db.execute("CREATE INDEX signatures_change ON signatures(change_seq)")
    db.execute("""
        CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures BEGIN
            SELECT RAISE(ABORT, 'signatures are never deleted');
        END
    """)
    # The only update: a valid signature becomes invalid, once, saying when, by whom and why.
    db.execute("""
        CREATE TRIGGER signatures_only_invalidated BEFORE UPDATE ON signatures
        WHEN NOT (OLD.valid = 1 AND NEW.valid = 0
                  AND NEW.invalidated_at IS NOT NULL AND NEW.invalidated_by IS NOT NULL
                  AND NEW.invalidated_reason IS NOT NULL AND NEW.change_seq > OLD.change_seq
                  AND NEW.id = OLD.id AND NEW.subject_id = OLD.subject_id
                  AND NEW.visit IS OLD.visit AND NEW.form IS OLD.form AND NEW.repeat_no = OLD.repeat_no
                  AND NEW.record_version IS OLD.record_version AND NEW.username = OLD.username
                  AND NEW.printed_name = OLD.printed_name AND NEW.role = OLD.role AND NEW.meaning = OLD.meaning
                  AND NEW.signed_at = OLD.signed_at AND NEW.content_sha256 = OLD.content_sha256
                  AND NEW.covered = OLD.covered)
        BEGIN
            SELECT RAISE(ABORT, 'a signature is never changed; it can only be marked invalid, once');
        END
    """)


def _paper_trail(db: sqlite_utils.Database) -> None:
    # A CRF printed (filled, from a record version): one row per printed form; visit/form NULL for a print of
    # a whole visit or casebook that the printer recorded as one job.
    db.execute("""
        CREATE TABLE paper_prints (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            visit TEXT,
            form TEXT,
            repeat_no INTEGER NOT NULL DEFAULT 0,
            record_version INTEGER,
            content_sha256 TEXT NOT NULL,
            lang TEXT NOT NULL,
            printed_at TEXT NOT NULL,
            printed_by TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        )
    """)
    db.execute("CREATE INDEX paper_prints_subject ON paper_prints(subject_id, visit, form, repeat_no)")
    refuse_delete(db, "paper_prints", "print records")
    refuse_update(db, "paper_prints", "print records")
    # A printed CRF signed by hand: who signed it and on which date, as the coordinator entered them.
    db.execute("""
        CREATE TABLE wet_signatures (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            visit TEXT NOT NULL,
            form TEXT NOT NULL,
            repeat_no INTEGER NOT NULL DEFAULT 0,
            print_id INTEGER REFERENCES paper_prints(id),
            record_version INTEGER,
            signer_name TEXT NOT NULL,
            signed_on TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            entered_by TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        )
    """)
    db.execute("CREATE INDEX wet_signatures_subject ON wet_signatures(subject_id, visit, form, repeat_no)")
    refuse_delete(db, "wet_signatures", "paper signature records")
    refuse_update(db, "wet_signatures", "paper signature records")
    # A scan of a signed page, kept in the (SQLCipher-encrypted) database with its SHA-256 and what its QR
    # code said when it was attached.
    db.execute("""
        CREATE TABLE scans (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            visit TEXT NOT NULL,
            form TEXT NOT NULL,
            repeat_no INTEGER NOT NULL DEFAULT 0,
            file_name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            qr_text TEXT,
            qr_record_version INTEGER,
            record_version INTEGER,
            qr_result TEXT NOT NULL,
            attached_at TEXT NOT NULL,
            attached_by TEXT NOT NULL,
            change_seq INTEGER NOT NULL
        )
    """)
    db.execute("CREATE INDEX scans_subject ON scans(subject_id, visit, form, repeat_no)")
    refuse_delete(db, "scans", "attached scans")
    refuse_update(db, "scans", "attached scans")


def _locks(db: sqlite_utils.Database) -> None:
    # Lock and unlock events of a subject's casebook; the latest one says whether it is locked now.
    db.execute("""
        CREATE TABLE casebook_locks (
            id INTEGER PRIMARY KEY,
            subject_id TEXT NOT NULL REFERENCES subjects(subject_id),
            action TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
            at TEXT NOT NULL,
            by TEXT NOT NULL,
            reason TEXT,
            change_seq INTEGER NOT NULL,
            CHECK (action = 'lock' OR reason IS NOT NULL)
        )
    """)
    db.execute("CREATE INDEX casebook_locks_subject ON casebook_locks(subject_id, id)")
    refuse_delete(db, "casebook_locks", "lock and unlock records")
    refuse_update(db, "casebook_locks", "lock and unlock records")


def migrate(db: sqlite_utils.Database) -> None:
    """Signatures, print and wet-signature records, scans, casebook locks."""
    _signatures(db)
    _paper_trail(db)
    _locks(db)
