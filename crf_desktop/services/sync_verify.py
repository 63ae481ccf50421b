"""``verify``'s sync check: the packages a site exported, or the site histories a centre holds, are unbroken."""

from __future__ import annotations

import hashlib

from crf_desktop.services.session import Session
from crf_desktop.store import centre as centre_store
from crf_desktop.store import sync_state
from crf_desktop.store.audit import GENESIS, AuditEntry
from crf_desktop.sync.package import PackageRejected, frame


def _site_problems(session: Session) -> tuple[str, list[str]]:
    problems: list[str] = []
    previous = GENESIS
    exported = sync_state.packages_after(session.site.db, 0)
    for expected, (package, content) in enumerate(exported, start=1):
        name = f"exported package {package.seq}"
        if package.seq != expected:
            problems.append(f"{name} follows package {expected - 1}: packages are missing from the site's record")
        expected_prev, previous = previous, package.sha256  # the recorded hash links the chain on
        if hashlib.sha256(content).hexdigest() != package.sha256:
            problems.append(f"{name}: its stored bytes do not match its recorded hash")
            continue
        try:
            header = frame(content).header
        except PackageRejected as exc:
            problems.append(f"{name}: {exc}")
            continue
        if header.prev_sha256 != expected_prev:
            problems.append(f"{name} does not name package {package.seq - 1} as its predecessor")
    acked = sync_state.acked_seq(session.site.db)
    return f"{len(exported)} package(s) exported; the centre has applied up to package {acked}", problems


def _centre_problems(session: Session) -> tuple[str, list[str]]:
    problems: list[str] = []
    db = session.site.db
    sites = centre_store.sites(db)
    for state in sites:
        expected, prev = 1, GENESIS
        for row in centre_store.audit_rows(db, state.site):
            entry = AuditEntry(**{k: row[k] for k in centre_store.AUDIT_COLUMNS})
            if entry.seq != expected or entry.prev_hash != prev or entry.computed_hash() != entry.hash:
                problems.append(f"site {state.site}: audit entry {entry.seq} as held at the centre does not continue "
                                "the chain")
                break
            expected, prev = entry.seq + 1, entry.hash
        if (expected - 1, prev) != (state.audit_seq, state.audit_hash or GENESIS):
            problems.append(f"site {state.site}: the centre's copy of the audit trail ends at entry {expected - 1}, "
                            f"its last package said {state.audit_seq}")
    return f"{len(sites)} site(s); every site's audit trail as received is unbroken", problems


def sync_problems(session: Session) -> tuple[str, list[str]]:
    """(detail, problems) for the site's exported packages, or for a centre the sites' histories it holds."""
    if centre_store.is_centre(session.site.db):
        return _centre_problems(session)
    return _site_problems(session)
