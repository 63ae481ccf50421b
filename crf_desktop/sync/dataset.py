"""What the centre's exports read: the trial's data as plain, immutable rows.

The centre import (``sync.centre_*``) fills this from the centre database; the CSV and ODM writers
(``sync.csv_export``, ``sync.odm_export``) only read it. Neither side knows how the other stores anything, and
tests can build a dataset by hand. Values are the stored texts of the form declarations (canonical units,
decimals as text, dates ISO, partial dates as entered), keyed by field id.

Blinding: ``arms`` is empty unless the centre has unblinded the study (an audited, database-lock action); the
writers print an arm only from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class SiteRow:
    site_id: str
    key_fingerprint: str  # the pinned Ed25519 key, as shown for out-of-band confirmation
    last_package_seq: int
    last_import_at: str | None  # UTC ISO


@dataclass(frozen=True, kw_only=True)
class UserRow:
    site_id: str  # the site the user belongs to ("centre" for the centre's own users)
    username: str
    full_name: str
    role: str


@dataclass(frozen=True, kw_only=True)
class SubjectRow:
    site_id: str
    subject_id: str  # "01-001": the site number is its prefix, so it is unique across sites
    sex: str
    birth_year: int | None
    status: str
    status_reason: str | None
    created_at: str
    randomisation_no: str | None = None
    randomised_at: str | None = None


@dataclass(frozen=True, kw_only=True)
class RecordRow:
    """The current version of one form record (a visit form, or one entry of a subject log)."""

    site_id: str
    subject_id: str
    visit: str  # visit code, or the log code for repeating logs
    form: str
    repeat_no: int  # 0 for visit forms; 1, 2, ... for log entries and repeated unscheduled visits
    form_version: str
    status: str  # in_progress | complete | verified
    version: int
    values: Mapping[str, str]
    saved_at: str
    saved_by: str


@dataclass(frozen=True, kw_only=True)
class AuditRow:
    site_id: str
    seq: int
    ts: str  # UTC ISO
    user: str
    action: str
    subject: str | None
    visit: str | None
    form: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


@dataclass(frozen=True, kw_only=True)
class SignatureRow:
    site_id: str
    subject_id: str
    visit: str | None  # None when the whole casebook was signed
    form: str | None  # None when a visit or the casebook was signed
    repeat_no: int
    record_version: int | None
    username: str
    printed_name: str
    role: str
    meaning: str
    signed_at: str  # UTC ISO
    content_sha256: str
    valid: bool  # False once the signed data changed


@dataclass(frozen=True, kw_only=True)
class QueryRow:
    site_id: str
    query_id: str  # unique across the trial (site-raised ids are prefixed with the site)
    subject_id: str
    visit: str
    form: str
    repeat_no: int
    field: str
    question: str
    status: str  # with a centre decision the site has not applied yet already applied (as the centre lists it)
    raised_by: str
    raised_at: str
    waiting_for_site: bool = False  # ``status`` is a centre decision the site applies on its next export
    answer: str | None = None
    answered_by: str | None = None
    answered_at: str | None = None
    closed_by: str | None = None
    closed_at: str | None = None
    # the last close or re-open (who, when, why): at the site, or the centre's decision (close | reopen)
    last_decision: str | None = None
    last_decision_by: str | None = None
    last_decision_at: str | None = None
    last_decision_reason: str | None = None


@dataclass(frozen=True, kw_only=True)
class TrialDataset:
    study_id: str
    exported_at: str  # UTC ISO
    exported_by: str
    sites: tuple[SiteRow, ...] = ()
    users: tuple[UserRow, ...] = ()
    subjects: tuple[SubjectRow, ...] = ()
    records: tuple[RecordRow, ...] = ()
    audit: tuple[AuditRow, ...] = ()
    signatures: tuple[SignatureRow, ...] = ()
    queries: tuple[QueryRow, ...] = ()
    arms: Mapping[str, str] = field(default_factory=dict)  # subject_id -> arm, only after centre unblinding
