"""Issue 8 item 4: a query raised at a site is handled at the centre.

It reaches the centre in the site's package and is listed with the centre's own (origin, site, raiser, status,
answer, age); the centre closes or re-opens it with a reason; the decision travels back in the signed
``from-centre/<site>/`` message and is applied on the site's next export run, audited at both ends; a decision
that meets a query the site changed meanwhile follows "the last decision wins, in status-history order"
(``store/query_decisions.py``), and nothing the site wrote is lost. The list and ``queries.csv`` show each query's
last close or re-open, who, when and why; listing a site that is not enrolled says so (QA findings 2 and 4).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.core.roles import Role
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.centre_export import export_trial
from crf_desktop.services.dashboard import build_dashboard
from crf_desktop.services.queries import answer_query, close_query, raise_query, subject_queries
from crf_desktop.services.records import field_history
from crf_desktop.services.session import Session, login
from crf_desktop.store import audit, users
from crf_desktop.store import centre as centre_store
from crf_desktop.store.query_decisions import Decision
from crf_desktop.store.sql import rows
from tests.conftest import USER_PASSWORD, FakeClock, SiteFixture
from tests.sync.conftest import CENTRE_PASSWORD, add_subject, coordinator


@dataclass
class World:
    site: SiteFixture
    folder: Path
    centre: Session
    subject: str
    site_query: int  # the site's own id of the monitor's query

    @property
    def query_id(self) -> str:
        return f"S01-{self.site_query:04d}"

    def as_user(self, name: str) -> Session:
        return login(self.site.data_dir, name, USER_PASSWORD)

    def site_round(self) -> sync_service.ExportResult:
        """The centre sends its messages (as its page and ``--folder`` do right after a decision), the site runs
        its export (which reads them first), and the centre imports the package. Before the site's first
        export the folder is not a central folder yet, and the centre has nothing to send (no site key)."""
        if (self.folder / "to-centre").is_dir():
            centre_service.send_messages(self.centre, self.folder)
        session = coordinator(self.site)
        try:
            result = sync_service.export_to_centre(session, self.folder)
        finally:
            session.close()
        centre_service.import_packages(self.centre, self.folder)
        return result

    def at_site(self) -> tuple[str, str, str | None]:
        session = self.as_user("monitor")
        try:
            (query,) = [q for q in subject_queries(session, self.subject) if q.id == self.site_query]
            return query.status.value, query.question, query.answer
        finally:
            session.close()

    def site_actions(self) -> list[str]:
        session = self.as_user("monitor")
        try:
            return [e.action for e in reversed(session.audit_trail(subject=self.subject))]
        finally:
            session.close()


@pytest.fixture
def world(enrolled: SiteFixture, folder: Path, centre_session: Session) -> Iterator[World]:
    """Site 01 with a subject and a query its monitor raised, answered by the coordinator, imported at the
    centre."""
    session = coordinator(enrolled)
    try:
        sid = add_subject(session)
    finally:
        session.close()
    monitor = login(enrolled.data_dir, "monitor", USER_PASSWORD)
    try:
        query = raise_query(monitor, subject_id=sid, visit="screening", form_id="consent",
                            field_id="consent_obtained_by", question="Is the name as on the consent log?")
    finally:
        monitor.close()
    session = coordinator(enrolled)
    try:
        answer_query(session, query.id, "Yes, Dr Wang signed the log")
    finally:
        session.close()
    built = World(site=enrolled, folder=folder, centre=centre_session, subject=sid, site_query=query.id)
    built.site_round()
    yield built


def test_a_site_raised_query_is_listed_at_the_centre_with_its_origin(world: World) -> None:
    qid = centre_service.raise_query(world.centre, site="01", subject_id=world.subject, visit="screening",
                                     form="consent", repeat_no=0, field="consent_date", question="Date of consent?")
    listed = centre_service.list_queries(world.centre)
    assert [(q.query_id, q.origin, q.raised_by, q.status) for q in listed] == [
        (world.query_id, "site", "monitor", "answered"), (qid, "centre", "dm", "open")]
    site_raised = listed[0]
    assert (site_raised.site, site_raised.where, site_raised.answer, site_raised.answered_by) == (
        "01", f"{world.subject} screening consent.consent_obtained_by", "Yes, Dr Wang signed the log", "coordinator")
    assert site_raised.age_days == 0 and site_raised.waiting is None
    assert [q.query_id for q in centre_service.list_queries(world.centre, status="answered")] == [world.query_id]
    assert [q.query_id for q in centre_service.list_queries(world.centre, status="open")] == [qid]
    with pytest.raises(UserInputError, match="site 02 is not enrolled at this centre"):  # not "no queries match"
        centre_service.list_queries(world.centre, site="02")
    with pytest.raises(UserInputError, match="'pending' is not a query status"):
        centre_service.list_queries(world.centre, status="pending")


@pytest.mark.slow
def test_the_centre_closes_a_site_query_and_the_site_sees_it_after_its_next_export(world: World) -> None:
    closed = centre_service.close_query(world.centre, world.query_id, "Confirmed against the consent log at SDV")
    assert (closed.status, closed.waiting, closed.closed_by) == ("closed", "close", "dm (centre)")
    centre_entry = audit.entries(world.centre.site.db, subject=world.subject)[0]
    assert (centre_entry.action, centre_entry.old_value, centre_entry.new_value) == ("query closed", "answered",
                                                                                     "closed")
    assert world.query_id in (centre_entry.reason or "") and "consent log at SDV" in (centre_entry.reason or "")
    assert world.at_site()[0] == "answered"  # nothing reaches the site before its export run

    result = world.site_round()
    assert result.queries_received == 1
    assert world.at_site() == ("closed", "Is the name as on the consent log?", "Yes, Dr Wang signed the log")
    assert world.site_actions()[-1] == "query closed at centre"
    session = world.as_user("monitor")
    try:
        entry = [e for e in session.audit_trail(subject=world.subject) if e.action == "query closed at centre"][0]
        assert (entry.reason or "").startswith("closed at the centre by dm (Dana Manager, centre) on 20")
        assert "consent log at SDV" in (entry.reason or "")
        assert next(r for r in build_dashboard(session).rows
                    if r.subject.subject_id == world.subject).open_queries == 0
        history = [e.action for e in field_history(session, subject_id=world.subject, visit="screening",
                                                   form_id="consent", field_id="consent_obtained_by")]
        assert [a for a in history if a.startswith("query")] == ["query raised", "query answered",
                                                                  "query closed at centre"]
    finally:
        session.close()
    (listed,) = centre_service.list_queries(world.centre)
    assert (listed.status, listed.waiting) == ("closed", None)  # the site's package confirmed it
    centre_site_audit = [r["action"] for r in rows(world.centre.site.db, "SELECT action FROM centre_audit "
                                                   "WHERE site = '01' AND subject = ?", [world.subject])]
    assert "query closed at centre" in centre_site_audit  # the site's audit trail, as it reached the centre

    centre_service.reopen_query(world.centre, world.query_id, "Please attach the log page as a scan")
    world.site_round()
    status, question, _answer = world.at_site()
    assert status == "open" and question.endswith("— Please attach the log page as a scan")
    assert world.site_actions()[-1] == "query re-opened at centre"
    (listed,) = centre_service.list_queries(world.centre)
    assert (listed.status, listed.waiting, listed.closed_by) == ("open", None, None)


def test_the_site_closing_first_wins_and_the_centre_decision_is_still_recorded(world: World) -> None:
    centre_service.close_query(world.centre, world.query_id, "Fine as answered")
    monitor = world.as_user("monitor")
    try:
        close_query(monitor, world.site_query)  # the raiser closes it at the site before the message arrives
    finally:
        monitor.close()
    world.site_round()
    assert world.at_site()[0] == "closed"
    assert world.site_actions()[-1] == "centre closed query already closed"
    (listed,) = centre_service.list_queries(world.centre)
    assert (listed.status, listed.closed_by, listed.waiting) == ("closed", "monitor", None)
    with pytest.raises(UserInputError, match=f"query {world.query_id} is already closed by monitor"):
        centre_service.close_query(world.centre, world.query_id, "again")


@pytest.mark.slow
def test_an_answer_given_after_the_centre_decided_is_kept_and_the_close_still_wins(world: World) -> None:
    centre_service.close_query(world.centre, world.query_id, "Fine as answered")
    session = coordinator(world.site)
    try:
        answer_query(session, world.site_query, "Correction: Dr Wang Wei, the log says so")
    finally:
        session.close()
    world.site_round()  # the close arrives after the second answer: last in the status history wins
    assert world.at_site() == ("closed", "Is the name as on the consent log?",
                               "Correction: Dr Wang Wei, the log says so")
    (listed,) = centre_service.list_queries(world.centre)
    assert (listed.status, listed.answer) == ("closed", "Correction: Dr Wang Wei, the log says so")
    session = coordinator(world.site)
    try:  # once closed at the site, a further answer is refused there until the query is re-opened
        with pytest.raises(UserInputError, match="is closed"):
            answer_query(session, world.site_query, "one more thing")
    finally:
        session.close()
    centre_service.reopen_query(world.centre, world.query_id, "Is the correction on the source too?")
    world.site_round()
    session = coordinator(world.site)
    try:
        answer_query(session, world.site_query, "Yes, initialled and dated")
    finally:
        session.close()
    world.site_round()
    (listed,) = centre_service.list_queries(world.centre)
    assert (listed.status, listed.answer) == ("answered", "Yes, initialled and dated")


def test_close_then_reopen_before_the_site_runs_applies_both_in_order(world: World) -> None:
    centre_service.close_query(world.centre, world.query_id, "Fine")
    reopened = centre_service.reopen_query(world.centre, world.query_id, "Sorry: which version of the log?")
    assert (reopened.status, reopened.waiting) == ("open", "reopen")
    assert reopened.question.endswith("— Sorry: which version of the log?")
    world.site_round()
    status, question, _answer = world.at_site()
    assert status == "open" and question.endswith("— Sorry: which version of the log?")
    actions = world.site_actions()
    assert actions[-2:] == ["query closed at centre", "query re-opened at centre"]
    world.site_round()  # the same message read again changes nothing
    assert world.site_actions().count("query re-opened at centre") == 1


def test_bad_ids_wrong_roles_and_closed_queries_are_refused_and_nothing_is_written(world: World) -> None:
    db = world.centre.site.db

    def written() -> tuple[int, int]:
        return (db.execute("SELECT count(*) FROM centre_query_decisions").fetchone()[0],
                db.execute("SELECT count(*) FROM centre_queries").fetchone()[0])

    before = written()
    with pytest.raises(UserInputError, match="'01-0001' is not a query id"):
        centre_service.close_query(world.centre, "01-0001", "x")
    with pytest.raises(UserInputError, match="there is no query 'S01-0099'"):
        centre_service.close_query(world.centre, "S01-0099", "x")
    with pytest.raises(UserInputError, match="there is no query 'C-0007'"):
        centre_service.reopen_query(world.centre, "C-0007", "x")
    with pytest.raises(UserInputError, match=f"say why the centre closes query {world.query_id}"):
        centre_service.close_query(world.centre, world.query_id, "  ")
    with pytest.raises(UserInputError, match="is still open|say why"):
        centre_service.reopen_query(world.centre, world.query_id, "")
    assert written() == before
    world.centre.add_user(username="coord", full_name="Centre Coordinator", role=Role.COORDINATOR,
                          password=CENTRE_PASSWORD)
    users.update(db, "coord", must_change_password=False)
    world.centre.close()
    other = login(world.centre.data_dir, "coord", CENTRE_PASSWORD)
    try:
        with pytest.raises(PermissionDenied, match="may not close queries"):
            centre_service.close_query(other, world.query_id, "x")
        with pytest.raises(PermissionDenied, match="may not see queries"):
            centre_service.list_queries(other)
        assert other.site.db.execute("SELECT count(*) FROM centre_query_decisions").fetchone()[0] == before[0]
    finally:
        other.close()
    world.centre = login(world.centre.data_dir, "dm", CENTRE_PASSWORD)
    db = world.centre.site.db
    assert centre_service.close_query(world.centre, "s01-1", "Lower case and no padding work too").status == "closed"
    with pytest.raises(UserInputError, match="already closed"):
        centre_service.close_query(world.centre, world.query_id, "twice")
    assert written() == (before[0] + 1, before[1])
    with pytest.raises(Exception, match="never changed"):
        db.execute("UPDATE centre_query_decisions SET reason = 'rewritten'")
    world.centre.close()


def test_the_exports_carry_every_query_once(world: World) -> None:
    qid = centre_service.raise_query(world.centre, site="01", subject_id=world.subject, visit="screening",
                                     form="consent", repeat_no=0, field="consent_date", question="Date of consent?")
    centre_service.close_query(world.centre, world.query_id, "Fine")
    world.site_round()  # the centre query reaches the site (and comes back as a row with centre_ref)
    world.site_round()
    dataset = centre_service.trial_dataset(world.centre)
    assert sorted((q.query_id, q.status) for q in dataset.queries) == [(qid, "open"), (world.query_id, "closed")]
    listed = {q.query_id for q in centre_service.list_queries(world.centre)}
    assert listed == {q.query_id for q in dataset.queries}


def test_the_age_counts_days_from_raising_until_closing(world: World, fake_clock: FakeClock) -> None:
    fake_clock.now += timedelta(days=10, hours=2)
    (listed,) = centre_service.list_queries(world.centre)
    assert listed.age_days == 10
    assert centre_service.close_query(world.centre, world.query_id, "Fine").age_days == 10
    fake_clock.now += timedelta(days=5)
    (listed,) = centre_service.list_queries(world.centre)
    assert listed.age_days == 10  # closed: the age stops


def test_a_decision_on_a_query_the_site_does_not_have_refuses_the_message_and_applies_nothing(world: World) -> None:
    """As after a site restored from an old backup: the centre holds a query the site no longer has."""
    centre_service.close_query(world.centre, world.query_id, "Fine")
    with world.centre.site.db.atomic():
        centre_store.insert_decision(world.centre.site.db, "01", 99, Decision(
            no=1, action="close", reason="not at the site", seen_status="open", decided_by="dm",
            decided_at="2026-01-01T00:00:00.000000Z"))
    result = world.site_round()
    assert result.queries_received == 0
    assert any("query 99, which this site did not raise" in p for p in result.problems), result.problems
    assert world.at_site()[0] == "answered"  # the good decision in the same message waits too: nothing half-applied
    assert "query closed at centre" not in world.site_actions()


# -- issue 8 QA: the last close or re-open (who, when, why) in the list and in queries.csv ----------------------

def _listed(world: World, query_id: str) -> centre_service.CentreQuery:
    return next(q for q in centre_service.list_queries(world.centre) if q.query_id == query_id)


def test_a_site_query_closed_and_reopened_at_the_centre_lists_who_when_and_why(
        world: World, fake_clock: FakeClock) -> None:
    assert _listed(world, world.query_id).decision is None  # answered, never closed
    closed_at = fake_clock.now
    centre_service.close_query(world.centre, world.query_id, "Confirmed against the consent log at SDV")
    decision = _listed(world, world.query_id).decision
    assert decision is not None
    assert (decision.action, decision.by, decision.reason) == ("close", "dm (centre)",
                                                               "Confirmed against the consent log at SDV")
    assert decision.at.startswith(closed_at.strftime("%Y-%m-%dT%H:%M"))
    world.site_round()  # applied at the site and confirmed: the decision is still the last one
    assert _listed(world, world.query_id).decision == decision

    fake_clock.now += timedelta(days=2)
    centre_service.reopen_query(world.centre, world.query_id, "Please attach the log page as a scan")
    decision = _listed(world, world.query_id).decision
    assert decision is not None
    assert (decision.action, decision.reason) == ("reopen", "Please attach the log page as a scan")
    assert decision.at.startswith(fake_clock.now.strftime("%Y-%m-%dT%H:%M"))


def test_a_site_query_closed_by_its_raiser_at_the_site_names_the_raiser_without_a_reason(world: World) -> None:
    monitor = world.as_user("monitor")
    try:
        close_query(monitor, world.site_query)
    finally:
        monitor.close()
    world.site_round()
    decision = _listed(world, world.query_id).decision
    assert decision is not None and (decision.action, decision.by, decision.reason) == ("close", "monitor", "")


def test_the_centres_own_query_keeps_the_reason_it_was_closed_or_reopened_with(world: World) -> None:
    qid = centre_service.raise_query(world.centre, site="01", subject_id=world.subject, visit="screening",
                                     form="consent", repeat_no=0, field="consent_date", question="Date of consent?")
    centre_service.close_query(world.centre, qid, "Date matches the consent form: see the monitoring report")
    decision = _listed(world, qid).decision
    assert decision is not None
    assert (decision.action, decision.by, decision.reason) == (
        "close", "dm", "Date matches the consent form: see the monitoring report")  # a colon in it stays
    centre_service.reopen_query(world.centre, qid, "Which version of the form?")
    decision = _listed(world, qid).decision
    assert decision is not None and (decision.action, decision.reason) == ("reopen", "Which version of the form?")
    centre_service.close_query(world.centre, qid)  # the centre's own query may be closed without a reason
    decision = _listed(world, qid).decision
    assert decision is not None and (decision.action, decision.reason) == ("close", "")
    assert _listed(world, world.query_id).decision is None  # another query's decisions are not mixed in


def test_queries_csv_carries_the_last_decision_with_its_reason(world: World, tmp_path: Path) -> None:
    qid = centre_service.raise_query(world.centre, site="01", subject_id=world.subject, visit="screening",
                                     form="consent", repeat_no=0, field="consent_date", question="Date of consent?")
    centre_service.close_query(world.centre, world.query_id, "Checked, fine")
    export_trial(world.centre, kind="csv", out=tmp_path / "csv")
    with (tmp_path / "csv" / "queries.csv").open(encoding="utf-8-sig", newline="") as handle:
        exported = {row["query_id"]: row for row in csv.DictReader(handle)}
    site_row, centre_row = exported[world.query_id], exported[qid]
    assert list(site_row)[-4:] == ["last_decision", "last_decision_by", "last_decision_at", "last_decision_reason"]
    assert (site_row["last_decision"], site_row["last_decision_by"], site_row["last_decision_reason"]) == (
        "close", "dm (centre)", "Checked, fine")
    assert site_row["last_decision_at"]
    assert (centre_row["last_decision"], centre_row["last_decision_reason"]) == ("", "")  # still open, never closed


def test_listing_a_site_that_is_not_enrolled_says_so(world: World) -> None:
    with pytest.raises(UserInputError, match=r"site 07 is not enrolled at this centre \(enrolled: 01\)"):
        centre_service.list_queries(world.centre, site="07")
    assert [q.query_id for q in centre_service.list_queries(world.centre, site="01")] == [world.query_id]
