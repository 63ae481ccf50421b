"""The centre's master randomisation lists and its unblinding of the study (migration 10, issue 8).

Rows are only ever added (triggers refuse UPDATE and DELETE). The arms are read only by :func:`list_entries`,
which the unblinding service uses; nothing else at the centre reads them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.store.randomisation import ListEntry
from crf_desktop.store.sql import rows


@dataclass(frozen=True, kw_only=True)
class SiteEntry:
    """One entry of a site's randomisation list as the centre keeps it."""

    site: str
    entry: ListEntry
    source: str


@dataclass(frozen=True, kw_only=True)
class StudyUnblinding:
    study: str
    unblinded_at: str  # UTC ISO
    unblinded_by: str
    full_name: str
    reason: str
    list_sha256: str  # of every list entry the unblinding used (:func:`lists_sha256`)
    subjects: int  # randomised subjects unblinded
    sites: int


def lists_sha256(entries: Iterable[tuple[str, ListEntry]]) -> str:
    """SHA-256 of ``(site, entry)`` pairs as canonical JSON, in site and sequence order: the same lists give the
    same digest wherever they came from (an enrolment, a CSV file)."""
    ordered = sorted(((site, e.seq, e.rand_no, e.msc_kit, e.mmf_kit, e.arm) for site, e in entries))
    data = json.dumps(ordered, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def list_entries(db: sqlite_utils.Database, site: str | None = None) -> list[SiteEntry]:
    """The stored entries (of one site, or all), in site and sequence order."""
    found = rows(db, "SELECT site, seq, rand_no, msc_kit, mmf_kit, arm, source FROM centre_randomisation_lists "
                 "WHERE ? IS NULL OR site = ? ORDER BY site, seq", [site, site])
    return [SiteEntry(site=r["site"], source=r["source"],
                      entry=ListEntry(seq=int(r["seq"]), rand_no=r["rand_no"], msc_kit=r["msc_kit"],
                                      mmf_kit=r["mmf_kit"], arm=r["arm"]))
            for r in found]


def add_entries(db: sqlite_utils.Database, site: str, entries: Sequence[ListEntry], *, source: str,
                user: str) -> int:
    """Keep the entries the centre does not hold yet (an entry held already, identical, is skipped: a list given
    again); returns how many were added. The caller has checked that none contradicts a stored entry; the
    table's unique keys refuse one that does."""
    held = {(e.entry.seq, e.entry.rand_no, e.entry.msc_kit, e.entry.mmf_kit, e.entry.arm)
            for e in list_entries(db, site)}
    new = [e for e in entries if (e.seq, e.rand_no, e.msc_kit, e.mmf_kit, e.arm) not in held]
    digest = lists_sha256((site, e) for e in entries)
    now = iso(utcnow())
    db.conn.executemany(
        "INSERT INTO centre_randomisation_lists (site, seq, rand_no, msc_kit, mmf_kit, arm, source, list_sha256, "
        "stored_at, stored_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(site, e.seq, e.rand_no, e.msc_kit, e.mmf_kit, e.arm, source, digest, now, user) for e in new])
    return len(new)


def record_unblinding(db: sqlite_utils.Database, *, study: str, user: str, full_name: str, reason: str,
                      list_sha256: str, subjects: int, sites: int) -> StudyUnblinding:
    """The study's unblinding; the table's unique study refuses a second one."""
    done = StudyUnblinding(study=study, unblinded_at=iso(utcnow()), unblinded_by=user, full_name=full_name,
                           reason=reason, list_sha256=list_sha256, subjects=subjects, sites=sites)
    db.execute("INSERT INTO centre_unblindings (study, unblinded_at, unblinded_by, full_name, reason, list_sha256, "
               "subjects, sites) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [done.study, done.unblinded_at, done.unblinded_by, done.full_name, done.reason, done.list_sha256,
                done.subjects, done.sites])
    return done


def unblinding(db: sqlite_utils.Database, study: str) -> StudyUnblinding | None:
    found = rows(db, "SELECT study, unblinded_at, unblinded_by, full_name, reason, list_sha256, subjects, sites "
                 "FROM centre_unblindings WHERE study = ?", [study])
    return StudyUnblinding(**found[0]) if found else None


# -- what arrived after the unblinding (database lock) ---------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class AppliedPackage:
    site: str
    seq: int
    applied_at: str  # UTC ISO, the centre's clock (comparable with ``StudyUnblinding.unblinded_at``)
    change_count: int  # replicated rows the package carried (new or changed records, queries, ...)
    audit_seq: int  # the site's last audit entry carried so far


def applied_packages(db: sqlite_utils.Database, site: str | None = None) -> list[AppliedPackage]:
    """Every package the centre applied (of one site, or all), in site and sequence order."""
    found = rows(db, "SELECT site, seq, header, applied_at FROM centre_packages WHERE ? IS NULL OR site = ? "
                 "ORDER BY site, seq", [site, site])
    out = []
    for r in found:
        header = json.loads(r["header"])
        out.append(AppliedPackage(site=r["site"], seq=int(r["seq"]), applied_at=r["applied_at"],
                                  change_count=int(header.get("change_count", 0)),
                                  audit_seq=int(header.get("audit_seq", 0))))
    return out


def randomised_entries(db: sqlite_utils.Database) -> list[tuple[str, int, str]]:
    """(site, audit seq, subject) of every site's ``randomised`` audit entry the centre holds."""
    return [(r["site"], int(r["seq"]), str(r["subject"]))
            for r in rows(db, "SELECT site, seq, subject FROM centre_audit WHERE action = 'randomised' "
                          "ORDER BY site, seq", [])]
