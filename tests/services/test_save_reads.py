"""Issue 10: a save reuses what the editor and the save before it read (the site's read cache), and never acts on
something out of date: a lock, a signature, a corrected consent date, a new study configuration or another
program's change made after the first read is seen by the very next save or check."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.issues import IssueCode
from crf_desktop.services import records as rec
from crf_desktop.services.locks import CasebookLocked, lock_casebook
from crf_desktop.services.signatures import SignTarget, sign
from crf_desktop.services.study_config import current_configuration, install_configuration
from crf_desktop.store import signatures as signature_store
from crf_desktop.store.database import connect_keyed
from crf_desktop.store.datadir import DB_FILE
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.services.signature_data import as_user, missed_visit, signable_casebook, subject_with_consent
from tests.services.test_study_configuration import NARROW


def test_a_lock_made_after_a_save_refuses_the_next_save(site_with_users: SiteFixture) -> None:
    subject_id = signable_casebook(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        missed_visit(session, subject_id, "week4", reason="ILLNESS")  # the save's reads are now kept
        sign(session, SignTarget(subject_id=subject_id), password=USER_PASSWORD)
        lock_casebook(session, subject_id)
        with pytest.raises(CasebookLocked, match="is locked"):
            missed_visit(session, subject_id, "week4", reason="SUBJECT")
    finally:
        session.close()


def test_a_signature_made_after_a_save_is_invalidated_by_the_next_change(site_with_users: SiteFixture) -> None:
    subject_id = signable_casebook(site_with_users)
    session = as_user(site_with_users, "investigator")
    try:
        missed_visit(session, subject_id, "week4", reason="ILLNESS")  # kept: the subject has no signature
        sign(session, SignTarget(subject_id=subject_id, visit="week4", form="visit_info"), password=USER_PASSWORD)
        assert len(signature_store.valid_signatures(session.site.db, subject_id)) == 1
        missed_visit(session, subject_id, "week4", reason="SUBJECT")
        assert signature_store.valid_signatures(session.site.db, subject_id) == []
    finally:
        session.close()


def test_a_corrected_consent_date_applies_to_the_next_check_of_another_form(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)  # consent three days ago
    session = as_user(site_with_users, "coordinator")
    try:
        visit_day = (session.today() - timedelta(days=5)).isoformat()

        def before_consent() -> bool:
            result = rec.check(session, subject_id=subject_id, form_id="visit_info",
                               raw={"visit_done": "Y", "visit_date": visit_day})
            return any(i.code is IssueCode.DATE_BEFORE_CONSENT for i in result.issues)

        assert before_consent()
        consent_day = (session.today() - timedelta(days=10)).isoformat()
        outcome = rec.save_record(session, subject_id=subject_id, visit="screening", form_id="consent", raw={
            "consent_version": "2.1", "consent_version_date": "2018-06-01", "consent_date": consent_day,
            "consent_obtained_by": "Dr Wang", "consent_copy_given": "Y"}, reason="date misread from the form")
        assert outcome.saved and outcome.changed_fields == ("consent_date",)
        assert not before_consent()
    finally:
        session.close()


def test_a_new_study_configuration_is_in_force_at_once(site_with_users: SiteFixture) -> None:
    admin = site_with_users.login()
    try:
        before = current_configuration(admin)
        install_configuration(admin, NARROW, source="enrolment-01.crfenrol")
        assert current_configuration(admin) == NARROW != before
    finally:
        admin.close()


def test_a_change_by_another_program_is_seen_by_the_next_save(site_with_users: SiteFixture) -> None:
    """A record changed through another connection (as a repair tool or a second window would) after the editor
    opened it: the save refuses instead of overwriting what it has not seen."""
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        opened = rec.get_record(session, subject_id=subject_id, visit="screening", form_id="consent")
        assert opened is not None
        other = connect_keyed(session.data_dir / DB_FILE, session.site.db_key)
        try:
            other.execute("UPDATE records SET version = version + 1 WHERE id = ?", [opened.id])
            other.commit()
        finally:
            other.close()
        with pytest.raises(UserInputError, match="was saved by someone else"):
            rec.save_record(session, subject_id=subject_id, visit="screening", form_id="consent",
                            raw={**opened.data, "consent_obtained_by": "Dr Li"}, reason="name corrected",
                            expected_version=opened.version)
    finally:
        session.close()


def test_a_record_handed_out_can_be_changed_without_changing_what_the_next_reader_gets(
        site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        first = rec.get_record(session, subject_id=subject_id, visit="screening", form_id="consent")
        assert first is not None
        first.data["consent_obtained_by"] = "changed by the holder"
        again = rec.get_record(session, subject_id=subject_id, visit="screening", form_id="consent")
        assert again is not None and again.data["consent_obtained_by"] == "Dr Wang"
    finally:
        session.close()
