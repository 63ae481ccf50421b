"""Issue 4 items 2 and 3: randomisation of eligible subjects from the site's blinded list, blinding (the arm is
nowhere but in an emergency unblinding), emergency unblinding, the kit checks and the infusion-reaction prompt."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.forms.ctcae.terms import term_by_name
from crf_desktop.forms.issues import IssueCode
from crf_desktop.services import records as rec
from crf_desktop.services.form_checks import PromptCause
from crf_desktop.services.randomisation import (
    _ARM_LABELS,
    ARM_MMF,
    ARM_MSC,
    ListEntry,
    assignment,
    kit_problem,
    load_randomisation_list,
    randomisation_status,
    randomise,
    unblind,
    unblinded,
    unblinding,
)
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store.audit import AuditEntry
from crf_desktop.store.subjects import SubjectStatus
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import as_user, lab_ranges, save, screen

LIST = [
    ListEntry(seq=1, rand_no="R001", msc_kit="MSC-0001", mmf_kit="MMF-0001", arm=ARM_MMF),
    ListEntry(seq=2, rand_no="R002", msc_kit="MSC-0002", mmf_kit="MMF-0002", arm=ARM_MSC),
]


def _load(site: SiteFixture, entries: list[ListEntry]) -> None:
    admin = site.login()
    try:
        assert load_randomisation_list(admin, entries) == len(entries)
    finally:
        admin.close()


def _leaks_arm(entry: AuditEntry) -> bool:
    """Whether an audit entry shows an arm: its label (or a part naming one arm) anywhere, or an arm code in any
    entry but a form value (where "A" is e.g. the biopsy activity code, typed by the user)."""
    texts = [v for v in (entry.action, entry.field, entry.old_value, entry.new_value, entry.reason) if v]
    codes = re.compile(rf"\b({ARM_MSC}|{ARM_MMF})\b")
    words = [w for label in _ARM_LABELS.values() for w in (label.en, label.zh)]
    words += ["placebo MMF", "placebo MSC", "MSC + ", "+ MMF"]
    form_value = entry.action in ("value entered", "value changed")
    return any((codes.search(t) and not form_value) or any(w in t for w in words) for t in texts)


def _all_audit(session: Session) -> list[AuditEntry]:
    return session.audit_trail(limit=100000)


def test_the_list_is_validated_and_loaded_by_the_study_configuration(site_with_users: SiteFixture) -> None:
    # issue 4 item 2: the study configuration carries the list; unique numbers and kits, two arms only
    admin = site_with_users.login()
    try:
        bad = [
            ListEntry(seq=1, rand_no="R001", msc_kit="MSC-0001", mmf_kit="MMF-0001", arm="C"),
            ListEntry(seq=2, rand_no="R001", msc_kit="msc 0001", mmf_kit="MMF-0002", arm=ARM_MSC),
        ]
        with pytest.raises(UserInputError) as refused:
            load_randomisation_list(admin, bad)
        assert "arm 'C' is not an arm code of the study" in refused.value.message
        assert "sequence 2: randomisation number R001 is also used at sequence 1" in refused.value.message
        assert "kit number msc 0001 is also used at sequence 1" in refused.value.message
        assert randomisation_status(admin) == (0, 0)
        assert load_randomisation_list(admin, LIST) == 2
        with pytest.raises(UserInputError, match="sequence 2 is also used at sequence 2 of the list already held"):
            load_randomisation_list(admin, [LIST[1]])
        assert randomisation_status(admin) == (2, 0)
        entry = next(e for e in _all_audit(admin) if e.action == "randomisation list loaded")
        assert entry.new_value == "2 entries, sequence 1-2" and not _leaks_arm(entry)
        assert _leaks_arm(replace(entry, new_value=f"arm {ARM_MSC}"))  # the search itself finds an arm
        assert _leaks_arm(replace(entry, reason=_ARM_LABELS[ARM_MMF].zh))
    finally:
        admin.close()
    coordinator = as_user(site_with_users, "coordinator")
    try:
        with pytest.raises(PermissionDenied):
            load_randomisation_list(coordinator, LIST)
    finally:
        coordinator.close()


def test_randomising_eligible_subjects_assigns_the_next_number_and_kits_never_the_arm(
        site_with_users: SiteFixture) -> None:
    # issue 4 item 2: eligible → next number and kits, who and when; ineligible, twice, exhausted are refused
    _load(site_with_users, LIST)
    coordinator = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(coordinator)
        ineligible = screen(coordinator, initials="AA", labs={"upcr_in_g_g": "0.60", "prot24h_in_g": "0.80"})
        with pytest.raises(UserInputError, match="cannot be randomised: Not eligible: Inclusion 4"):
            randomise(coordinator, ineligible)
        incomplete = screen(coordinator, initials="BB", biopsy=False)
        with pytest.raises(UserInputError, match=r"Not evaluable: .*missing: ISN/RPS class \(renal biopsy\)"):
            randomise(coordinator, incomplete)
        first, second, third = (screen(coordinator, initials=i) for i in ("CC", "DD", "EE"))
        assigned = randomise(coordinator, first)
        assert (assigned.rand_no, assigned.msc_kit, assigned.mmf_kit) == ("R001", "MSC-0001", "MMF-0001")
        assert assigned.randomised_by == "coordinator" and assigned.randomised_at
        assert not hasattr(assigned, "arm")
        assert get_subject(coordinator, first).status is SubjectStatus.ON_STUDY
        assert assignment(coordinator, first) == assigned and assignment(coordinator, second) is None
        with pytest.raises(UserInputError, match="already randomised"):
            randomise(coordinator, first)
        assert randomise(coordinator, second).rand_no == "R002"
        with pytest.raises(UserInputError, match=r"list is used up \(2 of 2"):
            randomise(coordinator, third)
        assert get_subject(coordinator, third).status is SubjectStatus.SCREENING
        assert randomisation_status(coordinator) == (2, 2)
        entry = next(e for e in _all_audit(coordinator) if e.action == "randomised" and e.subject == first)
        assert entry.new_value == "randomisation number R001, MSC/placebo kit MSC-0001, MMF/placebo kit MMF-0001"
        assert [e for e in _all_audit(coordinator) if _leaks_arm(e)] == []
    finally:
        coordinator.close()
    monitor = as_user(site_with_users, "monitor")
    try:
        with pytest.raises(PermissionDenied):
            randomise(monitor, third)
    finally:
        monitor.close()


def test_emergency_unblinding_is_for_investigators_with_a_reason_and_is_flagged(site_with_users: SiteFixture) -> None:
    # issue 4 item 2: emergency unblinding by an investigator: reason required, audited, flagged for the centre
    _load(site_with_users, LIST)
    investigator = as_user(site_with_users, "investigator")
    try:
        lab_ranges(investigator)
        sid = screen(investigator)
        with pytest.raises(UserInputError, match="has not been randomised"):
            unblind(investigator, sid, "Severe sepsis")
        randomise(investigator, sid)
        with pytest.raises(UserInputError, match="give the medical reason"):
            unblind(investigator, sid, "  ")
        assert not unblinded(investigator, sid)
        label = unblind(investigator, sid, "Severe sepsis; ICU needs to know the treatment")
        assert label == _ARM_LABELS[ARM_MMF]
        assert unblinded(investigator, sid)
        first = unblinding(investigator, sid)
        assert first is not None and first.unblinded_by == "investigator"
        rows = investigator.site.db.execute(
            "SELECT subject_id, unblinded_by, reason, change_seq FROM unblindings").fetchall()
        assert [tuple(r[:3]) for r in rows] == [(sid, "investigator",
                                                 "Severe sepsis; ICU needs to know the treatment")]
        assert rows[0][3] > 0  # in the change sequence: it travels to the centre
        entry = next(e for e in _all_audit(investigator) if e.action == "emergency unblinding")
        assert (entry.subject, entry.reason) == (sid, "Severe sepsis; ICU needs to know the treatment")
        assert not any(_leaks_arm(e) for e in _all_audit(investigator))
    finally:
        investigator.close()
    coordinator = as_user(site_with_users, "coordinator")
    try:
        with pytest.raises(PermissionDenied):
            unblind(coordinator, sid, "curious")
        assert any(e.action == "refused" and e.new_value == "unblind a subject in an emergency"
                   for e in _all_audit(coordinator))
    finally:
        coordinator.close()


def _infusion(session: Session, kit: str, **changes: str) -> dict[str, str]:
    raw = {"inf_given": "Y", "inf_date": session.today().isoformat(), "inf_weight_kg": "55.5", "inf_kit": kit,
           "inf_lot": "L2024-01", "inf_interrupted": "N", "inf_reaction": "N"}
    raw.update(changes)
    return raw


def test_kits_are_checked_against_the_assignment(site_with_users: SiteFixture) -> None:
    # issue 4 item 3: kit number check against the assignment (infusion: MSC kit; dispensing: MMF kit)
    _load(site_with_users, LIST)
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        sid = screen(session)
        early = rec.save_record(session, subject_id=sid, visit="baseline", form_id="msc_infusion",
                                raw=_infusion(session, "MSC-0001"))
        assert not early.saved and "has not been randomised" in early.refused[0].message.en
        randomise(session, sid)
        wrong = rec.save_record(session, subject_id=sid, visit="baseline", form_id="msc_infusion",
                                raw=_infusion(session, "MSC-0002"))
        assert not wrong.saved and wrong.record is None
        assert [(i.code, i.field) for i in wrong.refused] == [(IssueCode.INCONSISTENT, "inf_kit")]
        assert "kit MSC-0002 is not the MSC/placebo kit assigned to" in wrong.refused[0].message.en
        assert "(expected MSC-0001)" in wrong.refused[0].message.en
        assert kit_problem(session, sid, msc_kit="msc 0001") is None
        assert save(session, sid, "baseline", "msc_infusion", _infusion(session, "msc-0001")).saved
        dispensing = {"kit_number": "MSC-0001", "kit_dispensed_date": session.today().isoformat(),
                      "kit_dispensed_n": "120", "kit_units_per_day": "4", "kit_returned": "N"}
        refused = rec.save_record(session, subject_id=sid, visit="baseline", form_id="drug_kits", raw=dispensing,
                                  repeat_no=1)
        assert not refused.saved and refused.refused[0].field == "kit_number"
        assert "(expected MMF-0001)" in refused.refused[0].message.en
        assert save(session, sid, "baseline", "drug_kits", dict(dispensing, kit_number="MMF-0001"), repeat_no=1)
    finally:
        session.close()


def test_an_infusion_reaction_prompts_for_an_adverse_event(site_with_users: SiteFixture) -> None:
    # issue 4 item 3: infusion interrupted / reaction with a prompt to record an adverse event
    _load(site_with_users, LIST)
    session = as_user(site_with_users, "coordinator")
    try:
        lab_ranges(session)
        sid = screen(session)
        randomise(session, sid)
        quiet = save(session, sid, "baseline", "msc_infusion", _infusion(session, "MSC-0001"))
        assert quiet.adverse_event is None
        reaction = save(session, sid, "baseline", "msc_infusion", _infusion(
            session, "MSC-0001", inf_reaction="Y", inf_reaction_details="Fever 38.6 °C and chills at 20 min",
            inf_reaction_ae="N"))
        prompt = reaction.adverse_event
        assert prompt is not None and prompt.cause is PromptCause.INFUSION_REACTION
        term = term_by_name("Infusion related reaction")
        assert term is not None
        assert prompt.prefill == {"ae_visit": "baseline", "ae_term": term.meddra_code,
                                  "ae_onset": session.today().isoformat(),
                                  "ae_verbatim": "Fever 38.6 °C and chills at 20 min"}
        assert "adverse event" in prompt.message.en and prompt.message.zh
        recorded = save(session, sid, "baseline", "msc_infusion", _infusion(
            session, "MSC-0001", inf_reaction="Y", inf_reaction_details="Fever 38.6 °C and chills at 20 min",
            inf_reaction_ae="Y"))
        assert recorded.adverse_event is None  # already on the AE log
        interrupted = save(session, sid, "baseline", "msc_infusion", _infusion(
            session, "MSC-0001", inf_interrupted="Y", inf_interrupted_details="Line occluded, 10 min"))
        assert interrupted.adverse_event is not None
        assert interrupted.adverse_event.cause is PromptCause.INFUSION_INTERRUPTED
    finally:
        session.close()
