"""Migration 7: the site's signing key, the centre's key, exported packages and what came back (issue 8).

Its own module so the part that owns these tables owns their schema; migrations.py lists it in order.
Append-only once released: a later change is a new migration, never an edit of this one.

Every database gets all the tables (a site and a centre share one schema); a site fills the ``sync_*`` tables,
a centre the ``centre_*`` tables. Private keys live only here, inside the encrypted database.
"""

from __future__ import annotations

import sqlite_utils

from crf_desktop.store.schema_triggers import refuse_delete


def _site_tables(db: sqlite_utils.Database) -> None:
    # The site's own keys and the centre's public keys from the enrolment file (one row).
    db.execute("""
        CREATE TABLE sync_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            sign_key BLOB NOT NULL,
            box_key BLOB NOT NULL,
            centre_box_public BLOB NOT NULL,
            centre_sign_public BLOB NOT NULL,
            centre_fingerprint TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            enrolment_sha256 TEXT NOT NULL
        )
    """)
    # Every package this site wrote, with its bytes: a package lost from the folder is written again as it was.
    db.execute("""
        CREATE TABLE sync_packages (
            seq INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            change_to INTEGER NOT NULL,
            audit_to INTEGER NOT NULL,
            change_count INTEGER NOT NULL,
            folder TEXT NOT NULL,
            content BLOB NOT NULL
        )
    """)
    refuse_delete(db, "sync_packages", "exported packages")
    # Messages from the centre already applied (by sequence), and the last acknowledgement.
    db.execute("""
        CREATE TABLE sync_inbox (
            seq INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            acked_seq INTEGER NOT NULL,
            queries INTEGER NOT NULL
        )
    """)
    # A query raised at the centre carries the centre's id and revision at the site.
    db.execute("ALTER TABLE queries ADD COLUMN centre_ref TEXT")
    db.execute("ALTER TABLE queries ADD COLUMN centre_rev INTEGER")
    db.execute("CREATE UNIQUE INDEX queries_centre_ref ON queries(centre_ref) WHERE centre_ref IS NOT NULL")
    # The export reads "change_seq > last exported" from every replicated table: index each.
    # (migration 6's tables are in the same database by now: index those that lack one too.)
    existing = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    tables = set(db.table_names())
    for table in ("subjects", "record_versions", "queries", "randomisations", "unblindings", "lab_ranges",
                  "signatures", "paper_prints", "wet_signatures", "scans", "casebook_locks"):
        if table in tables and f"{table}_change" not in existing:
            db.execute(f"CREATE INDEX {table}_change ON {table}(change_seq)")


def _centre_tables(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE centre_keys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            sign_key BLOB NOT NULL,
            box_key BLOB NOT NULL,
            created_at TEXT NOT NULL
        )
    """)
    # Sites the centre enrolled; the key is pinned at the first package.
    db.execute("""
        CREATE TABLE centre_sites (
            site TEXT PRIMARY KEY,
            enrolled_at TEXT NOT NULL,
            enrolled_by TEXT NOT NULL,
            sign_public BLOB,
            box_public BLOB,
            fingerprint TEXT,
            pinned_at TEXT,
            last_seq INTEGER NOT NULL DEFAULT 0,
            last_sha256 TEXT,
            audit_seq INTEGER NOT NULL DEFAULT 0,
            audit_hash TEXT,
            last_import_at TEXT,
            out_seq INTEGER NOT NULL DEFAULT 0,
            out_digest TEXT
        )
    """)
    db.execute("""
        CREATE TABLE centre_packages (
            site TEXT NOT NULL,
            seq INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            header TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            applied_by TEXT NOT NULL,
            PRIMARY KEY (site, seq)
        )
    """)
    refuse_delete(db, "centre_packages", "applied packages")
    # The replicated rows of every site, by table and key, as the site last sent them.
    db.execute("""
        CREATE TABLE centre_rows (
            site TEXT NOT NULL,
            tbl TEXT NOT NULL,
            key TEXT NOT NULL,
            change_seq INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (site, tbl, key)
        )
    """)
    # Each site's audit trail, entry for entry, with its hashes (the chain is checked on every package).
    db.execute("""
        CREATE TABLE centre_audit (
            site TEXT NOT NULL,
            seq INTEGER NOT NULL,
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
            hash TEXT NOT NULL,
            PRIMARY KEY (site, seq)
        )
    """)
    refuse_delete(db, "centre_audit", "site audit entries")
    db.execute("""
        CREATE TRIGGER centre_audit_no_update BEFORE UPDATE ON centre_audit BEGIN
            SELECT RAISE(ABORT, 'site audit entries are never changed');
        END
    """)
    db.execute("""
        CREATE TABLE centre_site_users (
            site TEXT NOT NULL,
            username TEXT NOT NULL,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL,
            active INTEGER NOT NULL,
            PRIMARY KEY (site, username)
        )
    """)
    db.execute("""
        CREATE TABLE centre_quarantine (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            reason TEXT NOT NULL,
            found_at TEXT NOT NULL,
            UNIQUE (site, file, sha256)
        )
    """)
    # Queries raised at the centre; rev counts their changes, so a site applies each state once, in any order.
    db.execute("""
        CREATE TABLE centre_queries (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            visit TEXT NOT NULL,
            form TEXT NOT NULL,
            repeat_no INTEGER NOT NULL,
            field TEXT NOT NULL,
            question TEXT NOT NULL,
            status TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            answer TEXT,
            answered_by TEXT,
            answered_at TEXT,
            closed_by TEXT,
            closed_at TEXT,
            rev INTEGER NOT NULL
        )
    """)
    db.execute("CREATE INDEX centre_queries_site ON centre_queries(site, status)")
    refuse_delete(db, "centre_queries", "queries")


def migrate(db: sqlite_utils.Database) -> None:
    _site_tables(db)
    _centre_tables(db)
