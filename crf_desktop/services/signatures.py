"""Electronic signatures of a form, a visit or a whole casebook (issue 7 item 6; DESIGN.md section 5).

Only an investigator signs, after re-entering the password (counted towards the lockout like a login). Only
complete or verified forms can be signed, and a visit or casebook only when everything required in it is. A
later change to signed data invalidates the signature (``services.records`` calls
:func:`crf_desktop.store.signatures.invalidate_covering` in the save's transaction); ``verify`` recomputes the
hash of every valid signature (:func:`signature_problems`).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.library import visit_info
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.session import Session
from crf_desktop.services.subject_context import SubjectContext, form_context
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import audit, records
from crf_desktop.store import signatures as store
from crf_desktop.store.records import Record
from crf_desktop.store.signatures import MEANING as MEANING
from crf_desktop.store.signatures import StoredSignature as StoredSignature  # re-exported for the UI

SIGNABLE = frozenset({RecordStatus.COMPLETE, RecordStatus.VERIFIED})


@dataclass(frozen=True, kw_only=True)
class SignTarget:
    """What is signed: a form record (visit and form), a visit (form None) or the casebook (both None)."""

    subject_id: str
    visit: str | None = None
    form: str | None = None
    repeat_no: int = 0

    def describe(self) -> str:
        if self.visit is None:
            return f"the casebook of {self.subject_id}"
        if self.form is None:
            return f"visit {self.visit} of {self.subject_id}"
        form = REGISTRY.form(self.form).title.en
        number = f" #{self.repeat_no}" if self.repeat_no else ""
        return f"{form}{number} of {self.subject_id} at {self.visit}"


def _visit_forms(code: str, context: SubjectContext) -> tuple[str, ...]:
    """The forms visit ``code`` expects of a subject with ``context`` (no pregnancy test for a man)."""
    try:
        return REGISTRY.schedule.visit(code).forms_for(context)
    except KeyError:
        try:
            REGISTRY.schedule.log(code)
        except KeyError:
            raise UserInputError(f"there is no visit or log {code!r} in the schedule") from None
        return ()  # a log's entries are all optional: whatever was entered must be complete


def _label(record: Record) -> str:
    number = f" #{record.repeat_no}" if record.repeat_no else ""
    return f"{REGISTRY.form(record.form).title.en}{number} ({record.visit})"


def _gaps_of_visit(code: str, found: list[Record], context: SubjectContext) -> list[str]:
    """What keeps a visit (or log) from being signed: forms not complete, required forms missing."""
    gaps = [f"{_label(r)} is {r.status.value}" for r in found if r.status not in SIGNABLE]
    info = next((r for r in found if r.form == visit_info.FORM_ID and r.repeat_no == 0), None)
    if info is not None and info.data.get(visit_info.DONE_FIELD) == "N":
        return gaps  # the visit did not take place: only what was entered must be complete
    have = {r.form for r in found}
    gaps += [f"{REGISTRY.form(f).title.en} ({code}) is not started" for f in _visit_forms(code, context)
             if f not in have]
    return gaps


def signable_records(session: Session, target: SignTarget) -> list[Record]:
    """The records ``target`` would sign; UserInputError listing what is not complete when it cannot be signed."""
    get_subject(session, target.subject_id)
    every = records.for_subject(session.site.db, target.subject_id)
    covered = store.in_scope(every, visit=target.visit, form=target.form, repeat_no=target.repeat_no)
    context = form_context(session.site.db, target.subject_id)
    if target.form is not None:
        assert target.visit is not None  # noqa: S101 - SignTarget's contract
        try:
            belongs = target.form in REGISTRY.schedule.visit(target.visit).forms
        except KeyError:
            belongs = target.form in {f for log in REGISTRY.schedule.logs if log.code == target.visit
                                      for f in log.forms}
        if not belongs:
            raise UserInputError(f"form {target.form!r} does not belong to {target.visit!r}")
        if not covered:
            raise UserInputError(f"{target.describe()} has not been entered yet; there is nothing to sign")
        record = covered[0]
        if record.status not in SIGNABLE:
            raise UserInputError(f"{target.describe()} is {record.status.value}; only a complete (or verified) "
                                 "form can be signed: complete it first")
        return covered
    if target.visit is not None:
        gaps = _gaps_of_visit(target.visit, covered, context)
        if not covered:
            raise UserInputError(f"nothing has been entered for {target.describe()}; there is nothing to sign")
    else:
        if not covered:
            raise UserInputError(f"nothing has been entered in {target.describe()}; there is nothing to sign")
        gaps = []
        for code in sorted({r.visit for r in covered}):
            gaps += _gaps_of_visit(code, [r for r in covered if r.visit == code], context)
    if gaps:
        shown = "; ".join(gaps[:6]) + (f"; and {len(gaps) - 6} more" if len(gaps) > 6 else "")
        raise UserInputError(f"{target.describe()} cannot be signed until everything required in it is "
                             f"complete: {shown}")
    return covered


def _target_of(signature: StoredSignature) -> str | None:
    if signature.form is None:
        return None
    return signature.form if signature.repeat_no == 0 else f"{signature.form}#{signature.repeat_no}"


def sign(session: Session, target: SignTarget, *, password: str) -> StoredSignature:
    """Sign ``target`` as the logged-in investigator after re-authentication; audited."""
    session.require(Permission.SIGN)
    covered = signable_records(session, target)
    db = session.site.db
    user = session.user
    standing = [s for s in store.valid_signatures(db, target.subject_id)
                if (s.visit, s.form, s.repeat_no) == (target.visit, target.form, target.repeat_no)
                and s.username == user.username]
    if standing:
        raise UserInputError(f"you already signed {target.describe()} at {standing[-1].signed_at} and the data "
                             "have not changed since; there is nothing to re-sign")
    session.check_password(password)  # AuthenticationError (audited, counted) on a wrong password
    digest = store.content_sha256(target.subject_id, covered)
    version = covered[0].version if target.form is not None else None
    with db.atomic():
        signature = store.insert(db, subject_id=target.subject_id, visit=target.visit, form=target.form,
                                 repeat_no=target.repeat_no, record_version=version, username=user.username,
                                 printed_name=user.full_name, role=user.role.value, covered=covered, digest=digest)
        audit.append(db, user=user.username, action="signed", subject=target.subject_id, visit=target.visit,
                     form=_target_of(signature),
                     new_value=f"{signature.scope} signature by {user.full_name} ({user.role.label}): {MEANING}; "
                               f"{len(covered)} record{'s' if len(covered) != 1 else ''}, sha256 {digest}")
    return signature


def signatures_of(session: Session, subject_id: str) -> list[StoredSignature]:
    """Every signature of a subject (valid and invalidated), oldest first."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    return store.signatures_of(session.site.db, subject_id)


def latest_for(signatures: list[StoredSignature], target: SignTarget) -> StoredSignature | None:
    """The newest signature of exactly this scope (valid or not), to show its manifestation."""
    same = [s for s in signatures if (s.visit, s.form, s.repeat_no) == (target.visit, target.form, target.repeat_no)]
    return same[-1] if same else None


def covering(signatures: list[StoredSignature], *, visit: str, form: str,
             repeat_no: int) -> list[StoredSignature]:
    """The newest signature of each scope (form, visit, casebook) that holds this record."""
    newest: dict[tuple[str | None, str | None, int], StoredSignature] = {}
    for s in signatures:
        if s.covers(visit=visit, form=form, repeat_no=repeat_no):
            newest[(s.visit, s.form, s.repeat_no)] = s
    return sorted(newest.values(), key=lambda s: s.id)


def signature_problems_of(db: sqlite_utils.Database, standing: list[StoredSignature]) -> list[str]:
    """Recompute the content hash of each signature given; the mismatches, described."""
    problems: list[str] = []
    by_subject: dict[str, list[Record]] = {}
    for signature in standing:
        if signature.subject_id not in by_subject:
            by_subject[signature.subject_id] = records.for_subject(db, signature.subject_id)
        covered = store.in_scope(by_subject[signature.subject_id], visit=signature.visit, form=signature.form,
                                 repeat_no=signature.repeat_no)
        if store.content_sha256(signature.subject_id, covered) != signature.content_sha256:
            where = SignTarget(subject_id=signature.subject_id, visit=signature.visit, form=signature.form,
                               repeat_no=signature.repeat_no).describe()
            problems.append(f"signature {signature.id} ({where}, signed by {signature.username} at "
                            f"{signature.signed_at}) no longer matches the data it signed: the records were "
                            "changed outside the application")
    return problems


def signature_problems(session: Session) -> tuple[int, list[str]]:
    """Recompute the content hash of every valid signature: (how many checked, mismatches described)."""
    standing = store.valid_signatures(session.site.db)
    return len(standing), signature_problems_of(session.site.db, standing)
