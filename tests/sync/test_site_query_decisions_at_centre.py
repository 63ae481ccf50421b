"""A site query's closes and re-opens, wherever they were made, as the centre shows them (issue 8 follow-up).

1. The raiser closing or re-opening their own query at the site is the query's last decision at the centre (who,
   when, why): the site's audit entries name the query (``query 1``) and reach the centre with each package.
   Entries from an older site version carry no query number: the centre falls back to the row's close.
2. ``queries.csv``'s ``status`` is the status the centre lists (a decision the site has not applied yet counts),
   with ``waiting_for_site`` 1 until the site's next package confirms it.
3. The site's audit entry for a centre decision it applied names the centre user who decided (username, full
   name, date), beside the user who ran the export.
"""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.services import centre as centre_service
from crf_desktop.services.centre_export import export_trial
from crf_desktop.services.queries import close_query
from crf_desktop.store import audit
from crf_desktop.store import queries as site_queries
from crf_desktop.store.sql import rows
from tests.conftest import FakeClock
from tests.sync import test_site_queries_at_centre as answered
from tests.sync.test_site_queries_at_centre import World

#: The same fixture as there: site 01's monitor raised a query, the coordinator answered it, the centre imported it.
world = answered.world


def _listed(world: World) -> centre_service.CentreQuery:
    (found,) = [q for q in centre_service.list_queries(world.centre) if q.query_id == world.query_id]
    return found


def _at_site(world: World, *, reopen_with: str | None = None) -> None:
    """The raiser (the site's monitor) closes, or re-opens with a follow-up, their own query at the site."""
    monitor = world.as_user("monitor")
    try:
        close_query(monitor, world.site_query, reopen_with=reopen_with)
    finally:
        monitor.close()


def _csv_row(world: World, out: Path) -> dict[str, str]:
    export_trial(world.centre, kind="csv", out=out)
    with (out / "queries.csv").open(encoding="utf-8-sig", newline="") as handle:
        return next(r for r in csv.DictReader(handle) if r["query_id"] == world.query_id)


# -- 1. the raiser's close and re-open at the site --------------------------------------------------------------

def test_the_raiser_reopening_their_query_at_the_site_is_its_last_decision_at_the_centre(
        world: World, fake_clock: FakeClock, tmp_path: Path) -> None:
    _at_site(world)
    world.site_round()
    fake_clock.now += timedelta(days=1)
    reopened_at = fake_clock.now
    _at_site(world, reopen_with="Please also check the date on the log")
    world.site_round()
    listed = _listed(world)
    assert listed.status == "open" and listed.decision is not None
    assert (listed.decision.action, listed.decision.by, listed.decision.reason) == (
        "reopen", "monitor", "Please also check the date on the log")
    assert listed.decision.at.startswith(reopened_at.strftime("%Y-%m-%dT%H:%M"))
    row = _csv_row(world, tmp_path / "csv")
    assert (row["status"], row["last_decision"], row["last_decision_by"], row["last_decision_reason"]) == (
        "open", "reopen", "monitor", "Please also check the date on the log")
    # the site's entries name the query, as they reached the centre
    reasons = {r["action"]: r["reason"] for r in rows(world.centre.site.db, "SELECT action, reason FROM centre_audit "
                                                     "WHERE site = '01' AND subject = ?", [world.subject])}
    expected = f"query {world.site_query}"
    assert [reasons[a] for a in ("query raised", "query answered", "query closed", "query re-opened")] == [
        expected] * 4


def test_a_reopen_at_the_site_after_the_centres_close_is_the_last_decision(
        world: World, fake_clock: FakeClock) -> None:
    centre_service.close_query(world.centre, world.query_id, "Confirmed against the consent log at SDV")
    world.site_round()  # applied at the site
    fake_clock.now += timedelta(hours=3)
    _at_site(world, reopen_with="The log page is missing after all")
    world.site_round()
    listed = _listed(world)
    assert (listed.status, listed.waiting) == ("open", None)
    assert listed.decision is not None
    assert (listed.decision.action, listed.decision.by, listed.decision.reason) == (
        "reopen", "monitor", "The log page is missing after all")
    fake_clock.now += timedelta(hours=1)
    _at_site(world)  # and closed again by the raiser: the site's close, not the centre's earlier one
    world.site_round()
    decision = _listed(world).decision
    assert decision is not None and (decision.action, decision.by, decision.reason) == ("close", "monitor", "")
    assert decision.at.startswith(fake_clock.now.strftime("%Y-%m-%dT%H:%M"))


def test_entries_from_an_older_site_version_without_the_query_number_fall_back_to_the_row(world: World) -> None:
    """An older site wrote its query entries without a reason: its close is still shown (from the row), and a
    re-open it made cannot be tied to the query, so the centre shows what it knew before."""
    session = world.as_user("monitor")
    db = session.site.db
    try:  # what the older version's close_query wrote: the change and an entry that does not name the query
        query = site_queries.get(db, world.site_query)
        assert query is not None
        with db.atomic():
            site_queries.update(db, query, status="closed", closed_by="monitor", closed_at=iso(utcnow()))
            audit.append(db, user="monitor", action="query closed", subject=query.subject_id, visit=query.visit,
                         form=query.form, field=query.field)
    finally:
        session.close()
    world.site_round()
    decision = _listed(world).decision
    assert decision is not None and (decision.action, decision.by, decision.reason) == ("close", "monitor", "")
    assert world.centre.site.db.execute("SELECT count(*) FROM centre_audit WHERE action = 'query closed' "
                                        "AND reason IS NULL").fetchone()[0] == 1

    session = world.as_user("monitor")
    db = session.site.db
    try:  # the older version's re-open, likewise
        query = site_queries.get(db, world.site_query)
        assert query is not None
        with db.atomic():
            site_queries.update(db, query, status="open", question=f"{query.question}\n— And the date?")
            audit.append(db, user="monitor", action="query re-opened", new_value="And the date?",
                         subject=query.subject_id, visit=query.visit, form=query.form, field=query.field)
    finally:
        session.close()
    world.site_round()
    listed = _listed(world)
    assert listed.status == "open" and listed.decision is None  # no close on the row, no entry naming the query


# -- 2. queries.csv: the status the centre lists, and whether the site still has to apply it ----------------------

def test_queries_csv_shows_the_decided_status_waiting_for_the_site_until_its_next_package(
        world: World, tmp_path: Path) -> None:
    row = _csv_row(world, tmp_path / "before")
    assert (row["status"], row["waiting_for_site"]) == ("answered", "0")
    centre_service.close_query(world.centre, world.query_id, "Checked, fine")
    row = _csv_row(world, tmp_path / "decided")
    assert (row["status"], row["waiting_for_site"], row["closed_by"]) == ("closed", "1", "dm (centre)")
    assert _listed(world).status == row["status"]  # the same as the Centre page and `centre query list`
    world.site_round()
    row = _csv_row(world, tmp_path / "applied")
    assert (row["status"], row["waiting_for_site"], row["closed_by"]) == ("closed", "0", "dm (centre)")
    centre_service.reopen_query(world.centre, world.query_id, "Which version of the log?")
    row = _csv_row(world, tmp_path / "reopened")
    assert (row["status"], row["waiting_for_site"], row["closed_by"]) == ("open", "1", "")
    assert row["question"].endswith("— Which version of the log?")
    header = list(row)
    assert header[header.index("status") + 1] == "waiting_for_site"


# -- 3. the site's entry for a centre decision names who decided -------------------------------------------------

def test_the_sites_entry_for_a_centre_decision_names_the_centre_user_who_decided(
        world: World, fake_clock: FakeClock) -> None:
    decided_on = fake_clock.now
    centre_service.close_query(world.centre, world.query_id, "Confirmed against the consent log at SDV")
    fake_clock.now += timedelta(days=2)  # the site runs its export two days later
    world.site_round()
    centre_service.reopen_query(world.centre, world.query_id, "Please attach the log page")
    world.site_round()
    session = world.as_user("monitor")
    try:
        closed, reopened = [e for e in reversed(session.audit_trail(subject=world.subject))
                            if e.action in ("query closed at centre", "query re-opened at centre")]
    finally:
        session.close()
    assert closed.user == "coordinator"  # who ran the export that applied it
    assert closed.reason == (f"closed at the centre by dm (Dana Manager, centre) on {decided_on:%Y-%m-%d %H:%M} "
                             f"UTC: Confirmed against the consent log at SDV (query {world.site_query}, "
                             "centre decision 1)")
    assert (reopened.reason or "").startswith(
        f"re-opened at the centre by dm (Dana Manager, centre) on {fake_clock.now:%Y-%m-%d %H:%M} UTC: "
        "Please attach the log page")
    assert (closed.old_value, closed.new_value) == ("answered", "closed")
