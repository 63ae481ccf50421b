"""The centre unblinds the study for database lock (issue 8): after it, the exports carry each subject's arm.

The centre keeps each site's randomisation list (with the arms) from the moment it seals one into an enrolment
file (:func:`check_enrolment_list`, :func:`keep_enrolment_list`, called by ``services.centre.issue_enrolment``).
For sites enrolled before the centre kept lists, the lists are given as CSV files at unblinding; each file is
matched to the site whose randomised subjects it holds (same sequence, randomisation number and both kits).

:func:`unblind_study` is a data manager's deliberate, irreversible act, as at database lock in OpenClinica or
Rave: the password again, the study id typed as confirmation, a reason; refused, with nothing written, when the
study was unblinded already, when no subject was randomised, or when any randomised subject has no arm in the
lists (each named with site, subject and randomisation number). The lists it used, its record (who, when, why,
the lists' SHA-256) and its audit entry commit in one transaction. Audit entries never name an arm.

Unblinding is the database lock. The rule after it, one for every way data enters the centre:

* what would start new data is refused, naming the date and who unblinded (:func:`refuse_after_lock`): enrolling
  a site (``services.centre.issue_enrolment``) and raising a query (``services.centre_queries.raise_query``);
* what the sites send is never lost: packages still apply (late audit entries, answers to queries, corrections),
  and the import report says per site that data arrived after the lock, how many rows and audit entries, so the
  data manager decides what to do with them (:func:`data_after_lock`, also recorded in the audit trail);
* :func:`blinding_status` shows what was unblinded and, where it differs, what is there now, naming the subjects
  whose randomisation arrived after the unblinding and whether the lists give them an arm (the exports carry the
  arm of every randomised subject the lists cover, whenever it arrived).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.centre_access import MANAGE, QUERY, require_centre
from crf_desktop.services.randomisation import list_problems, refuse_list_problems
from crf_desktop.services.randomisation_lists import read_list_csv
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import centre as centre_store
from crf_desktop.store import centre_unblinding as store
from crf_desktop.store.centre_unblinding import StudyUnblinding as StudyUnblinding  # re-exported for UI and CLI
from crf_desktop.store.randomisation import ListEntry


@dataclass(frozen=True, kw_only=True)
class Randomised:
    """A subject's randomisation as the site sent it (never the arm: sites do not send it)."""

    site: str
    subject_id: str
    seq: int
    rand_no: str
    msc_kit: str
    mmf_kit: str

    def numbers(self) -> tuple[int, str, str, str]:
        return self.seq, self.rand_no, self.msc_kit, self.mmf_kit


@dataclass(frozen=True, kw_only=True)
class LateSubject:
    """A subject whose randomisation reached the centre after the unblinding."""

    site: str
    subject_id: str
    has_arm: bool  # whether the centre's lists give the subject an arm (then the exports carry it)

    def text(self) -> str:
        arm = "arm in the exports" if self.has_arm else "NO ARM in the centre's lists (exported without one)"
        return f"site {self.site}, subject {self.subject_id} ({arm})"


@dataclass(frozen=True, kw_only=True)
class BlindingStatus:
    study: str
    unblinding: StudyUnblinding | None
    randomised: int  # subjects randomised at all sites, as imported
    sites: int  # sites with a randomised subject
    missing: tuple[str, ...]  # randomised subjects without an arm in the centre's lists, each named
    late: tuple[LateSubject, ...] = ()  # randomisations that arrived after the unblinding
    late_packages: tuple[tuple[str, int, int], ...] = ()  # (site, packages, rows) applied after the unblinding

    def lines(self) -> list[str]:
        """For the command line and the centre page."""
        done = self.unblinding
        if done is not None:
            out = [f"Study {self.study} was unblinded on {done.unblinded_at} by {done.full_name} "
                   f"({done.unblinded_by}): {done.reason}",
                   f"Unblinded: {done.subjects} randomised subject(s) at {done.sites} site(s); randomisation lists "
                   f"SHA-256 {done.list_sha256}"]
            if (self.randomised, self.sites) != (done.subjects, done.sites) or self.late:
                out.append(f"Now: {self.randomised} randomised subject(s) at {self.sites} site(s); {len(self.late)} "
                           f"subject(s) randomised after the unblinding (database lock):")
                out += [f"  {s.text()}" for s in self.late]
            out += [f"Data after the database lock: site {site}, {packages} package(s), {changed} record(s) new or "
                    "changed" for site, packages, changed in self.late_packages]
            out.append("The CSV and ODM exports carry each subject's arm.")
            return out
        lines = [f"Study {self.study} is blinded: the exports carry no treatment arm.",
                 f"{self.randomised} randomised subject(s) at {self.sites} site(s); "
                 f"{self.randomised - len(self.missing)} with an arm in the centre's randomisation lists."]
        lines += [f"  no arm: {m}" for m in self.missing]
        return lines


_NOBODY_RANDOMISED = ("no subject has been randomised at any site (in the packages imported so far): there is "
                      "nothing to unblind. Import the sites' packages first. The study stays blinded")


# -- reading ------------------------------------------------------------------------------------------------
def _randomised(db: sqlite_utils.Database) -> list[Randomised]:
    return [Randomised(site=site, subject_id=str(r["subject_id"]), seq=int(r["seq"]), rand_no=str(r["rand_no"]),
                       msc_kit=str(r["msc_kit"]), mmf_kit=str(r["mmf_kit"]))
            for site, r in centre_store.site_rows(db, "randomisations")]


def _by_number(entries: Sequence[store.SiteEntry]) -> dict[tuple[str, str], ListEntry]:
    return {(e.site, e.entry.rand_no): e.entry for e in entries}


def _without_arm(randomised: Sequence[Randomised], lists: dict[tuple[str, str], ListEntry]) -> list[str]:
    """Every randomised subject the lists give no arm for, or give other numbers than the site assigned."""
    problems = []
    for r in randomised:
        entry = lists.get((r.site, r.rand_no))
        named = f"site {r.site}, subject {r.subject_id}, randomisation number {r.rand_no} (sequence {r.seq})"
        if entry is None:
            problems.append(f"{named}: not in the centre's randomisation list of site {r.site}")
        elif (entry.seq, entry.rand_no, entry.msc_kit, entry.mmf_kit) != r.numbers():
            problems.append(f"{named}, kits {r.msc_kit} / {r.mmf_kit}: the centre's list has sequence {entry.seq}, "
                            f"kits {entry.msc_kit} / {entry.mmf_kit} for this number")
    return problems


def _conflicts(site: str, entries: Sequence[ListEntry], held: Sequence[ListEntry], what: str) -> list[str]:
    """Entries that contradict what the centre keeps for ``site`` (the same entry given again is fine)."""
    by_seq = {e.seq: e for e in held}
    by_number = {e.rand_no.strip().upper(): e for e in held}
    problems = []
    for entry in entries:
        old = by_seq.get(entry.seq) or by_number.get(entry.rand_no.strip().upper())
        if old is not None and old != entry:
            problems.append(f"{what}: sequence {entry.seq} (randomisation number {entry.rand_no}) differs from the "
                            f"entry the centre keeps for site {site} (sequence {old.seq}, {old.rand_no}); entries "
                            "once kept are never changed")
    return problems


def study_arms(db: sqlite_utils.Database, study: str) -> dict[str, str]:
    """subject_id -> arm (as in the list) of every randomised subject with a matching list entry, once the study
    is unblinded; empty while it is blinded (what the exports read)."""
    if store.unblinding(db, study) is None:
        return {}
    lists = _by_number(store.list_entries(db))
    arms = {}
    for r in _randomised(db):
        entry = lists.get((r.site, r.rand_no))
        if entry is not None and (entry.seq, entry.rand_no, entry.msc_kit, entry.mmf_kit) == r.numbers():
            arms[r.subject_id] = entry.arm
    return arms


def _late_subjects(db: sqlite_utils.Database, done: StudyUnblinding,
                   randomised: Sequence[Randomised]) -> tuple[LateSubject, ...]:
    """Randomised subjects whose ``randomised`` audit entry came in a package applied after the unblinding (the
    centre's own clock on both sides); a site first imported after it counts whole."""
    held: dict[str, int] = {}
    for package in store.applied_packages(db):
        if package.applied_at <= done.unblinded_at:
            held[package.site] = max(held.get(package.site, 0), package.audit_seq)
    late = {(site, subject) for site, seq, subject in store.randomised_entries(db) if seq > held.get(site, 0)}
    arms = study_arms(db, done.study)
    return tuple(LateSubject(site=r.site, subject_id=r.subject_id, has_arm=r.subject_id in arms)
                 for r in randomised if (r.site, r.subject_id) in late)


def _late_packages(db: sqlite_utils.Database, done: StudyUnblinding) -> tuple[tuple[str, int, int], ...]:
    per_site: dict[str, tuple[int, int]] = {}
    for package in store.applied_packages(db):
        if package.applied_at > done.unblinded_at:
            count, changed = per_site.get(package.site, (0, 0))
            per_site[package.site] = (count + 1, changed + package.change_count)
    return tuple((site, count, changed) for site, (count, changed) in sorted(per_site.items()))


def blinding_status(session: Session) -> BlindingStatus:
    """Whether the study is unblinded: while it is not, which randomised subjects still lack an arm; once it is,
    what was unblinded and what arrived after it."""
    require_centre(session, QUERY, "see whether the study is blinded")
    db = session.site.db
    randomised = _randomised(db)
    done = store.unblinding(db, session.study_id)
    return BlindingStatus(study=session.study_id, unblinding=done,
                          randomised=len(randomised), sites=len({r.site for r in randomised}),
                          missing=tuple(_without_arm(randomised, _by_number(store.list_entries(db)))),
                          late=() if done is None else _late_subjects(db, done, randomised),
                          late_packages=() if done is None else _late_packages(db, done))


# -- the database lock ----------------------------------------------------------------------------------------
def refuse_after_lock(session: Session, what: str) -> None:
    """UserInputError once the study is unblinded: ``what`` (e.g. "new sites cannot be enrolled") is refused."""
    done = store.unblinding(session.site.db, session.study_id)
    if done is not None:
        raise UserInputError(f"the database is locked: study {session.study_id} was unblinded on "
                             f"{done.unblinded_at} by {done.full_name} ({done.unblinded_by}), so {what}. "
                             "Nothing was written")


def unblind_precheck(session: Session, randomisation_files: Sequence[Path] | None = None) -> None:
    """Refuse, before anyone is warned or asked for a password, an unblinding that cannot succeed: a user who may
    not unblind, a study unblinded already, nobody randomised, a list file that cannot be read or matched, or a
    randomised subject without an arm in the kept and given lists. Writes nothing; :func:`unblind_study` checks
    all of it again."""
    require_centre(session, MANAGE, "unblind the study")
    _refuse_unblinded_again(session)
    _arms_for_all(session.site.db, randomisation_files)


def _refuse_unblinded_again(session: Session) -> None:
    done = store.unblinding(session.site.db, session.study_id)
    if done is not None:
        raise UserInputError(f"study {session.study_id} was already unblinded on {done.unblinded_at} by "
                             f"{done.full_name} ({done.unblinded_by}); it is unblinded once")


def data_after_lock(session: Session, sites: Sequence[tuple[str, Sequence[int]]]) -> list[str]:
    """For each site with packages applied (``(site, applied sequence numbers)``) after the unblinding: a line for
    the import report, also kept in the audit trail; empty while the study is blinded."""
    db = session.site.db
    done = store.unblinding(db, session.study_id)
    if done is None:
        return []
    notes = []
    for site, seqs in sites:
        if not seqs:
            continue
        wanted = set(seqs)
        packages = [p for p in store.applied_packages(db, site) if p.seq in wanted]
        changed = sum(p.change_count for p in packages)
        before = max((p.audit_seq for p in store.applied_packages(db, site) if p.seq < min(wanted)), default=0)
        entries = max(p.audit_seq for p in packages) - before if packages else 0
        note = (f"DATA AFTER DATABASE LOCK: site {site} sent data after the study was unblinded (database lock) on "
                f"{done.unblinded_at}: {changed} record(s) new or changed, {entries} audit entr"
                f"{'y' if entries == 1 else 'ies'} in {len(packages)} package(s). They were applied and appear in "
                "the exports; review them and decide whether the locked analysis data set must change")
        audit.append(db, user=session.user.username, action="data after database lock", field=f"site {site}",
                     new_value=f"{changed} record(s), {entries} audit entries in {len(packages)} package(s)",
                     reason=f"study unblinded on {done.unblinded_at}")
        notes.append(note)
    return notes


# -- the lists issued at enrolment ---------------------------------------------------------------------------
def check_enrolment_list(session: Session, site: str, entries: Sequence[ListEntry]) -> None:
    """Refuse (before anything is written) a list with a faulty entry or one that contradicts the site's list
    as the centre keeps it."""
    what = f"the randomisation list for site {site}"
    refuse_list_problems(list_problems(entries, lambda i: f"sequence {entries[i].seq}"), what)
    held = [e.entry for e in store.list_entries(session.site.db, site)]
    refuse_list_problems(_conflicts(site, entries, held, what), what)


def keep_enrolment_list(session: Session, site: str, entries: Sequence[ListEntry], *, source: str) -> int:
    """Keep the list sealed into ``source`` (the enrolment file's name); call in the enrolment's transaction."""
    db = session.site.db
    added = store.add_entries(db, site, entries, source=f"enrolment file {source}", user=session.user.username)
    audit.append(db, user=session.user.username, action="randomisation list kept", field=f"site {site}",
                 new_value=f"{added} new of {len(entries)} entries from enrolment file {source}",
                 reason=f"list SHA-256 {store.lists_sha256((site, e) for e in entries)}")
    return added


# -- unblinding ---------------------------------------------------------------------------------------------
def _supplied(files: Sequence[Path], randomised: Sequence[Randomised],
              stored: Sequence[store.SiteEntry]) -> list[tuple[str, Path, list[ListEntry]]]:
    """Each file read, checked and matched to its site; UserInputError naming the file otherwise."""
    held: dict[str, list[ListEntry]] = {}
    for e in stored:
        held.setdefault(e.site, []).append(e.entry)
    found = []
    for path in files:
        entries = read_list_csv(path)
        numbers = {(e.seq, e.rand_no, e.msc_kit, e.mmf_kit) for e in entries}
        sites = sorted({r.site for r in randomised if r.numbers() in numbers})
        what = f"the randomisation list {path}"
        if not sites:
            raise UserInputError(f"{what} holds no entry assigned to a subject at any site (same sequence, "
                                 "randomisation number and both kits); check that it is a site's list as the centre "
                                 "issued it. Nothing was written")
        if len(sites) > 1:
            raise UserInputError(f"{what} holds entries assigned at sites {', '.join(sites)}; give each site's list "
                                 "in its own file. Nothing was written")
        site = sites[0]
        refuse_list_problems(_conflicts(site, entries, held.get(site, []), what), what)
        held.setdefault(site, []).extend(entries)
        found.append((site, path, entries))
    return found


def _arms_for_all(db: sqlite_utils.Database, files: Sequence[Path] | None
                  ) -> tuple[list[Randomised], list[tuple[str, Path, list[ListEntry]]]]:
    """The randomised subjects and the lists read from ``files``; UserInputError when nobody is randomised or a
    randomised subject has no arm in the kept and given lists (each named)."""
    randomised = _randomised(db)
    if not randomised:
        raise UserInputError(_NOBODY_RANDOMISED)
    stored = store.list_entries(db)
    supplied = _supplied(list(files or ()), randomised, stored)
    lists = _by_number(stored)
    for site, _path, entries in supplied:
        lists.update({(site, e.rand_no): e for e in entries})
    missing = _without_arm(randomised, lists)
    if missing:
        raise UserInputError(
            f"{len(missing)} randomised subject(s) have no arm in the centre's randomisation lists, so the study "
            "stays blinded: " + "; ".join(missing[:10]) + (f"; and {len(missing) - 10} more" if len(missing) > 10
                                                            else "")
            + ". Give the lists of those sites as CSV files (columns seq, rand_no, msc_kit, mmf_kit, arm)")
    return randomised, supplied


def unblind_study(session: Session, *, password: str, reason: str, confirm_study_id: str,
                  randomisation_files: Sequence[Path] | None = None) -> StudyUnblinding:
    """Unblind the study for database lock; irreversible. Returns the record the exports and screens show.

    ``password``: the user's, again (counted towards the lockout like a login). ``confirm_study_id``: the study
    id typed by the user. ``randomisation_files``: CSV lists of sites enrolled before the centre kept lists.
    """
    require_centre(session, MANAGE, "unblind the study")
    db = session.site.db
    study = session.study_id
    why = reason.strip()
    if not why:
        raise UserInputError("give the reason for unblinding the study (e.g. database locked on <date>, final "
                             "analysis); it is kept with the unblinding and in the audit trail")
    if confirm_study_id.strip() != study:
        raise UserInputError(f"the study id typed ({confirm_study_id.strip() or 'nothing'}) is not {study}; type "
                             "the study id exactly to confirm. The study stays blinded")
    _refuse_unblinded_again(session)
    session.check_password(password)  # AuthenticationError (audited, counted) on a wrong password
    randomised, supplied = _arms_for_all(db, randomisation_files)
    user = session.user
    with db.atomic():
        for site, path, entries in supplied:
            added = store.add_entries(db, site, entries, source=f"file {path.name} at unblinding", user=user.username)
            audit.append(db, user=user.username, action="randomisation list kept", field=f"site {site}",
                         new_value=f"{added} new of {len(entries)} entries from {path.name}",
                         reason=f"list SHA-256 {store.lists_sha256((site, e) for e in entries)}")
        used = store.lists_sha256((e.site, e.entry) for e in store.list_entries(db))
        sites = len({r.site for r in randomised})
        done = store.record_unblinding(db, study=study, user=user.username, full_name=user.full_name, reason=why,
                                       list_sha256=used, subjects=len(randomised), sites=sites)
        audit.append(db, user=user.username, action="study unblinded", field=f"study {study}",
                     new_value=f"{len(randomised)} randomised subject(s) at {sites} site(s); exports carry the arms",
                     reason=f"{why} (randomisation lists SHA-256 {used})")
    return done
