"""The demo's signatures and paper trail (issue 7): the investigator signs a complete casebook and three visits
of another subject; the coordinator prints two visits and records that one of them was signed by hand.

Run after the coordinator's work; the monitor's verification afterwards changes no data, so the signatures stay
valid. What cannot be signed (the demo story changed) is skipped rather than failing the demo.
"""

from __future__ import annotations

from pathlib import Path

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.services import paper_trail, printing
from crf_desktop.services.session import Session, login
from crf_desktop.services.signatures import SignTarget, sign, signable_records
from crf_desktop.store import paper, records

#: Which demo subjects (by position) get what: a signed casebook (a subject who completed the study), three
#: signed visits, a visit printed and signed by hand, a visit printed only. None of them is a visit the monitor
#: verifies, so the demo shows every state side by side.
CASEBOOK_SIGNED = 8
VISITS_SIGNED = (4, ("screening", "baseline", "week4"))
WET_SIGNED = (9, "baseline")
PRINTED_ONLY = (5, "week4")


def _signable(session: Session, target: SignTarget) -> bool:
    try:
        signable_records(session, target)
    except UserInputError:
        return False
    return True


def sign_demo(session: Session, password: str, subject_ids: list[str]) -> list[str]:
    """The investigator's signatures (each re-checks the password); what was signed."""
    targets = [SignTarget(subject_id=subject_ids[CASEBOOK_SIGNED])] if len(subject_ids) > CASEBOOK_SIGNED else []
    index, visits = VISITS_SIGNED
    if len(subject_ids) > index:
        targets += [SignTarget(subject_id=subject_ids[index], visit=visit) for visit in visits]
    signed = []
    for target in targets:
        if _signable(session, target):
            sign(session, target, password=password)
            signed.append(target.describe())
    return signed


def _print(session: Session, record: records.Record) -> None:
    version, digest = printing.content_hash(session, record.subject_id, record.visit, record.form, 0)
    with session.site.db.atomic():
        paper.record_printed(session.site.db, subject_id=record.subject_id, visit=record.visit, form=record.form,
                             repeat_no=0, record_version=version, content_sha256=digest,
                             user=session.user.username, lang="both")


def paper_demo(session: Session, subject_ids: list[str], signer: str) -> list[str]:
    """Print a complete visit and record it signed by hand; print another one only. What was done."""
    done: list[str] = []
    for (index, visit), by_hand in ((WET_SIGNED, True), (PRINTED_ONLY, False)):
        if len(subject_ids) <= index:
            continue
        found = [r for r in records.for_subject(session.site.db, subject_ids[index])
                 if r.visit == visit and r.repeat_no == 0]
        if not found or any(r.status not in (RecordStatus.COMPLETE, RecordStatus.VERIFIED) for r in found):
            continue
        for record in found:
            _print(session, record)
            if by_hand:
                paper_trail.mark_wet_signed(session, subject_id=record.subject_id, visit=visit, form_id=record.form,
                                            signer_name=signer, signed_on=session.today())
        done.append(f"{subject_ids[index]} {visit}")
    return done


def populate_signatures(data_dir: Path, passwords: dict[str, str], subject_ids: list[str], *,
                        investigator_name: str) -> None:
    """The investigator's signatures, then the coordinator's prints and record of a hand-signed visit."""
    investigator = login(data_dir, "investigator", passwords["investigator"])
    try:
        sign_demo(investigator, passwords["investigator"], subject_ids)
    finally:
        investigator.close()
    coordinator = login(data_dir, "coordinator", passwords["coordinator"])
    try:
        paper_demo(coordinator, subject_ids, investigator_name.split(" (")[0])
    finally:
        coordinator.close()
