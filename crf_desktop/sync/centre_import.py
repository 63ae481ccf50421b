"""The centre's import: every site's packages in sequence order, one transaction each, idempotent.

For each site folder under ``to-centre/``: each package file is framed, placed (its header names this study
and this site), the site is known, the signature is by the pinned key (or, at first contact, by the key the
package names, which is then pinned), the file's name is the one its header gives (a copy of the site's own
package under another name is refused as misnamed, not as another site's), and only then decrypted and
applied. A package seen before is a duplicate (no-op); one with a sequence number seen before but other
content is a fork; a package after a gap waits until the gap is filled. The audit entries of a package must
continue the site's chain exactly where the previous package left it: a format 2 package carries its entries
without numbers and hashes, so the centre chains them on from the head it holds and must arrive at the header's
audit-chain head; a format 1 package's numbers and hashes are checked entry by entry. Both are stored the same
way. Nothing of a refused package is applied.

A refused file is quarantined: reported with what to do about it, recorded and audited once. While it stays in
the folder, later imports report it as still quarantined (since when), not as a new fault; the import is still
not OK (exit 1, as issue 8 asks for anything quarantined) until the file leaves the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import local_display, parse_iso
from crf_desktop.store import audit
from crf_desktop.store import centre as store
from crf_desktop.store.audit import AuditEntry
from crf_desktop.sync.folder import packages_in, site_folders
from crf_desktop.sync.import_checks import check_key, check_named, check_placed
from crf_desktop.sync.keys import KeyPairs, fingerprint
from crf_desktop.sync.package import (
    AUDIT_CARRIED,
    GENESIS,
    Framed,
    PackageRejected,
    Reason,
    frame,
    open_body,
    sha256,
)
from crf_desktop.sync.tables import REPLICATED, from_column_block, from_row_block, row_key

#: (done, total); what it returns is not used: an import is not cancelled halfway
Progress = Callable[[int, int], object]


@dataclass(frozen=True, kw_only=True)
class Quarantined:
    file: str
    reason: Reason
    detail: str
    site: str = ""
    first_seen: str | None = None  # ISO time an earlier import quarantined this same file; None when new

    def line(self) -> str:
        return f"{self.file}: {self.reason.value}: {self.detail}"

    @property
    def advice(self) -> str:
        return self.reason.advice(self.site)


@dataclass(frozen=True, kw_only=True)
class SiteReport:
    site: str
    applied: tuple[int, ...] = ()
    duplicates: tuple[int, ...] = ()
    waiting: tuple[int, ...] = ()  # packages present but held behind a gap
    gaps: tuple[int, ...] = ()  # sequence numbers missing before a waiting package
    quarantined: tuple[Quarantined, ...] = ()
    newly_pinned: bool = False
    fingerprint: str | None = None
    last_seq: int = 0

    @property
    def new_quarantined(self) -> tuple[Quarantined, ...]:
        return tuple(q for q in self.quarantined if q.first_seen is None)

    @property
    def still_quarantined(self) -> tuple[Quarantined, ...]:
        """Files quarantined by an earlier import that are still in the folder, unchanged."""
        return tuple(q for q in self.quarantined if q.first_seen is not None)

    @property
    def ok(self) -> bool:
        return not (self.quarantined or self.waiting)

    def lines(self) -> list[str]:
        out = [f"site {self.site}: {len(self.applied)} applied"
               + (f" ({_ranges(self.applied)})" if self.applied else "")
               + f", {len(self.duplicates)} duplicate(s) skipped, now at package {self.last_seq}"]
        if self.newly_pinned:
            out.append(f"  NEW SITE KEY PINNED: fingerprint {self.fingerprint}; confirm it with the site by phone "
                       "(their About dialog shows it) before trusting its data")
        if self.waiting:
            out.append(f"  waiting: package(s) {_ranges(self.waiting)} are held until package(s) "
                       f"{_ranges(self.gaps)} arrive")
        for item in self.new_quarantined:
            out.append(f"  QUARANTINED {item.line()}")
            out.append(f"    what to do: {item.advice}")
        still = self.still_quarantined
        if still:
            first = local_display(parse_iso(min(q.first_seen or "" for q in still)))
            out.append(f"  STILL QUARANTINED ({len(still)} file{'s' if len(still) > 1 else ''}, first seen {first}; "
                       "not new, reported until the file leaves the folder):")
            out += [f"    {q.file}: {q.reason.value}; what to do: {q.advice}" for q in still]
        return out


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    sites: tuple[SiteReport, ...]
    strays: tuple[str, ...] = ()  # files in the folder that are not packages (reported, never read)
    messages: tuple[str, ...] = ()  # acknowledgement and query messages written to the sites
    problems: tuple[str, ...] = ()  # e.g. the messages could not be written (the packages were still applied)

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sites)

    @property
    def applied(self) -> int:
        return sum(len(s.applied) for s in self.sites)

    def lines(self) -> list[str]:
        out = [line for s in self.sites for line in s.lines()]
        out += [f"ignored (not a package name): {name}" for name in self.strays]
        if self.messages:
            out.append(f"wrote {len(self.messages)} message(s) to sites under from-centre/: "
                       f"{', '.join(self.messages)}")
        out += [f"warning: {problem}" for problem in self.problems]
        if not self.sites:
            out.append("no site folders found under to-centre/")
        new = sum(len(s.new_quarantined) + len(s.waiting) for s in self.sites)
        still = sum(len(s.still_quarantined) for s in self.sites)
        if new:
            out.append("Result: NOT EVERYTHING WAS APPLIED (see above)")
        elif still:
            out.append(f"Result: no new faults, but {still} file(s) stay quarantined (see above) until they are moved "
                       "out of the folder")
        else:
            out.append("Result: OK")
        return out


def _ranges(numbers: tuple[int, ...] | list[int]) -> str:
    parts: list[str] = []
    ordered = sorted(numbers)
    start = prev = ordered[0]
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


@dataclass
class _Work:
    applied: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    newly_pinned: bool = False


def _check_audit(entries: list[dict[str, Any]], framed: Framed, state: store.SiteState) -> list[dict[str, Any]]:
    """Format 1: each entry's number and hashes continue the chain, and the last is the header's head."""
    expected_seq, prev = state.audit_seq + 1, state.audit_hash or GENESIS
    for raw in entries:
        entry = AuditEntry(**raw)
        if entry.seq != expected_seq or entry.prev_hash != prev or entry.computed_hash() != entry.hash:
            raise PackageRejected(Reason.AUDIT_CHAIN, f"audit entry {entry.seq} does not continue the site's "
                                  f"trail after entry {expected_seq - 1}: the site's history was rewritten or the "
                                  "site was restored from an old backup; call the site")
        expected_seq, prev = entry.seq + 1, entry.hash
    if expected_seq - 1 != framed.header.audit_seq or prev != framed.header.audit_hash:
        raise PackageRejected(Reason.AUDIT_CHAIN, f"the package's audit head (entry {framed.header.audit_seq}) "
                              f"is not where its entries end (entry {expected_seq - 1})")
    return entries


def _chain(carried: list[dict[str, Any]], framed: Framed, state: store.SiteState) -> list[dict[str, Any]]:
    """Format 2: number and hash the entries on from the head the centre holds (store/audit.py's chain, the one
    the site wrote); the chain must end exactly at the header's audit-chain head."""
    header = framed.header
    seq, prev = state.audit_seq, state.audit_hash or GENESIS
    entries = []
    for values in carried:
        seq += 1
        entry = AuditEntry(seq=seq, **values, prev_hash=prev)
        prev = entry.computed_hash()
        entries.append({**values, "seq": seq, "prev_hash": entry.prev_hash, "hash": prev})
    if (seq, prev) != (header.audit_seq, header.audit_hash):
        raise PackageRejected(Reason.AUDIT_MISMATCH, f"its {len(carried)} audit entries, chained on from entry "
                              f"{state.audit_seq} as this centre holds it, end at entry {seq} with another hash "
                              f"than the audit-chain head its header names (entry {header.audit_seq}): the site's "
                              "history was rewritten, or restored from an old backup; nothing of it was applied, "
                              "call the site")
    return entries


def _read(body: dict[str, Any], version: int) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]],
                                                      list[dict[str, Any]]]:
    """(tables, audit entries, users) of a body of format ``version``; ValueError (or another error of shape)
    when it is not that format's shape."""
    rows_of = from_row_block if version == 1 else from_column_block
    tables = {name: rows_of(block) for name, block in body.get("tables", {}).items()}
    if version == 1:
        return tables, rows_of(body.get("audit", {"columns": [], "rows": []})), body.get("users", [])
    carried = body["audit"]
    if not isinstance(carried, dict) or carried.get("columns") != list(AUDIT_CARRIED):
        raise ValueError(f"the audit block's columns are not {', '.join(AUDIT_CARRIED)}")
    return tables, rows_of(carried), rows_of(body["users"])


def _apply(db: sqlite_utils.Database, framed: Framed, body: dict[str, Any], state: store.SiteState, *,
           user: str) -> bool:
    """Apply one package (inside the caller's transaction); True when it pinned the site's key."""
    header = framed.header
    if header.prev_sha256 != (state.last_sha256 or GENESIS):
        raise PackageRejected(Reason.FORK, f"package {header.seq} does not follow package {state.last_seq} as the "
                              "centre received it: the site's history branched (restored from an old backup?)")
    try:
        tables, carried, users = _read(body, header.format)
    except (ValueError, AttributeError, KeyError, TypeError) as exc:
        raise PackageRejected(Reason.DECRYPTION, f"the decrypted body is not in the expected shape ({exc})") from None
    by_name = {r.table: r for r in REPLICATED}
    unknown = sorted(set(tables) - set(by_name))
    if unknown:
        raise PackageRejected(Reason.VERSION, f"it carries table(s) {', '.join(unknown)} this centre does not "
                              "know; update crf-desktop at the centre, then import again")
    try:
        entries = (_check_audit if header.format == 1 else _chain)(carried, framed, state)
    except TypeError as exc:  # an entry with other fields than an audit entry's
        raise PackageRejected(Reason.DECRYPTION, f"the decrypted body is not in the expected shape ({exc})") from None
    for name, found in tables.items():
        entry = by_name[name]
        store.upsert_rows(db, header.site, name, [(row_key(entry, row), int(row["change_seq"]), row)
                                                  for row in found])
    store.insert_audit(db, header.site, entries)
    store.replace_users(db, header.site, users)
    _answers(db, header.site, tables.get("queries", []), user=user)
    pinned = state.sign_public is None
    if pinned:
        store.pin(db, header.site, sign_public=header.sign_public, box_public=header.box_public,
                  fingerprint=fingerprint(header.sign_public))
    store.record_package(db, header.site, seq=header.seq, sha256=framed.sha256,
                         header=framed.header_bytes.decode("ascii"), user=user)
    store.advance(db, header.site, seq=header.seq, sha256=framed.sha256, audit_seq=header.audit_seq,
                  audit_hash=header.audit_hash)
    audit.append(db, user=user, action="package imported", field=f"site {header.site}",
                 new_value=f"package {header.seq}: {header.change_count} changes, "
                           f"{len(entries)} audit entries")
    return pinned


def _answers(db: sqlite_utils.Database, site: str, rows: list[dict[str, Any]], *, user: str) -> None:
    """A site's answer to a centre query updates the centre's query (audited at the centre)."""
    for row in rows:
        ref = row.get("centre_ref")
        current = store.query(db, ref) if ref else None
        if current is None or current["site"] != site or not row.get("answered_at"):
            continue
        if row["answered_at"] == current["answered_at"] or current["status"] == "closed":
            continue
        store.update_query(db, current["id"], bump=False, status="answered", answer=row["answer"],
                           answered_by=row["answered_by"], answered_at=row["answered_at"])
        audit.append(db, user=user, action="query answered at site", subject=row["subject_id"],
                     visit=row["visit"], form=row["form"], field=row["field"], old_value=current["answer"],
                     new_value=row["answer"], reason=f"query {current['id']}, answered by {row['answered_by']}")


def _reject(db: sqlite_utils.Database, work: _Work, site: str, path: Path, data: bytes, exc: PackageRejected, *,
            user: str) -> None:
    digest = sha256(data)
    with db.atomic():
        new = store.quarantine(db, site, file=path.name, sha256=digest, reason=str(exc))
        if new:
            audit.append(db, user=user, action="package quarantined", field=f"site {site}", new_value=path.name,
                         reason=str(exc))
    first_seen = None if new else _first_seen(db, site, path.name, digest)
    work.quarantined.append(Quarantined(file=path.name, reason=exc.reason, detail=exc.detail, site=site,
                                        first_seen=first_seen))


def _first_seen(db: sqlite_utils.Database, site: str, file: str, digest: str) -> str | None:
    """When an earlier import quarantined this very file (same name and content)."""
    row = db.execute("SELECT found_at FROM centre_quarantine WHERE site = ? AND file = ? AND sha256 = ?",
                     [site, file, digest]).fetchone()
    return None if row is None else str(row[0])


def import_site(db: sqlite_utils.Database, folder: Path, *, study: str, centre: KeyPairs, user: str,
                tick: Callable[[], None] | None = None) -> tuple[SiteReport, list[str]]:
    """Import one site's folder; returns its report and the names of files that are not packages."""
    site = folder.name
    found, strays = packages_in(folder)
    work = _Work()
    candidates: dict[int, tuple[Framed, bytes]] = {}
    for item in found:
        try:
            data = item.path.read_bytes()
        except OSError:  # vanished or locked while a sync tool works on it: the next run sees it
            continue
        state = store.site(db, site)
        try:
            framed = frame(data)
            check_placed(framed, study=study, site=site)
            check_key(framed, state, site)
            assert state is not None  # noqa: S101 - check_key refused an unknown site
            check_named(db, framed, item.path, state)
            if item.seq <= state.last_seq:
                known = store.applied_sha256(db, site, item.seq)
                if known == framed.sha256:
                    work.duplicates.append(item.seq)
                    continue
                raise PackageRejected(Reason.FORK, f"package {item.seq} was applied before with other content: "
                                      "the site re-used a sequence number (restored from an old backup?); "
                                      "nothing of it was merged, call the site")
            candidates[item.seq] = (framed, data)
        except PackageRejected as exc:
            _reject(db, work, site, item.path, data, exc, user=user)
        if tick is not None:
            tick()
    while True:
        state = store.site(db, site)
        assert state is not None or not candidates  # noqa: S101
        if state is None or state.last_seq + 1 not in candidates:
            break
        seq = state.last_seq + 1
        framed, data = candidates.pop(seq)
        try:
            with db.atomic():
                body = open_body(framed, centre)
                work.newly_pinned |= _apply(db, framed, body, state, user=user)
            work.applied.append(seq)
        except PackageRejected as exc:
            _reject(db, work, site, Path(f"{study}_{site}_{seq}.crfpkg"), data, exc, user=user)
    final = store.site(db, site)
    last = final.last_seq if final else 0
    waiting = sorted(s for s in candidates if s > last)
    gaps = sorted(set(range(last + 1, max(waiting) + 1)) - set(waiting)) if waiting else []
    report = SiteReport(site=site, applied=tuple(work.applied), duplicates=tuple(work.duplicates),
                        waiting=tuple(waiting), gaps=tuple(gaps), quarantined=tuple(work.quarantined),
                        newly_pinned=work.newly_pinned, fingerprint=final.fingerprint if final else None,
                        last_seq=last)
    return report, [p.name for p in strays]


def import_folder(db: sqlite_utils.Database, folder: Path, *, study: str, centre: KeyPairs, user: str,
                  progress: Progress | None = None) -> ImportReport:
    folders = site_folders(folder)
    total = sum(len(packages_in(f)[0]) for f in folders)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    reports: list[SiteReport] = []
    strays: list[str] = []
    for site_folder in folders:
        report, stray = import_site(db, site_folder, study=study, centre=centre, user=user, tick=tick)
        reports.append(report)
        strays += [f"{site_folder.name}/{name}" for name in stray]
    return ImportReport(sites=tuple(reports), strays=tuple(strays))
