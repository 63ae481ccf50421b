"""Issue 8's "Done means", through the real command: two demo sites and a centre; edits at both sites, exports onto
one folder, import, a query raised at the centre, answered at a site, closed at the centre, the ODM export valid
against the official schema; then the faults (a package renamed into another site's folder, a truncated package,
a duplicate), each refused loudly with nothing of it applied, and nothing lost once the folder is put right."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from crf_desktop.services.queries import answer_query, subject_queries
from crf_desktop.services.records import save_record
from crf_desktop.services.session import login
from crf_desktop.store import records as stored
from crf_desktop.store.centre import site_rows
from tests.e2e.cli import Result, crf
from tests.sync.export_data import odm_schema

PW = "two-site-pass-1"
STUDY = "NCT03580291"


class Demo:
    """The demo's three data directories and their folder, with the commands the README gives."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.site01, self.site02 = root / "demo", root / "demo-02"
        self.centre, self.folder = root / "demo-centre", root / "demo-exchange"
        self.env = env

    def run(self, *args: str) -> Result:
        return crf(*args, env=self.env, password=PW)

    def export(self, site: Path) -> Result:
        sent = self.run("export", "--data-dir", str(site), "--user", "coordinator", "--to", str(self.folder))
        assert sent.code == 0, sent.out + sent.err
        return sent

    def import_(self, expect: int = 0) -> Result:
        done = self.run("centre", "import", "--data-dir", str(self.centre), "--user", "datamanager", "--from",
                        str(self.folder))
        assert done.code == expect, done.out + done.err
        return done

    def outbox(self, site: str) -> Path:
        return self.folder / "to-centre" / site

    def package(self, site: str, seq: int) -> Path:
        return self.outbox(site) / f"{STUDY}_{site}_{seq}.crfpkg"


def _change(site: Path, subject: str, visit: str, form: str, field: str, value: str, reason: str) -> None:
    """A coordinator changes one saved value, with the reason a change needs (through the real store)."""
    session = login(site, "coordinator", PW)
    try:
        record = stored.get(session.site.db, subject_id=subject, visit=visit, form=form)
        assert record is not None
        raw = {**record.data, field: value}
        outcome = save_record(session, subject_id=subject, visit=visit, form_id=form, raw=raw, reason=reason)
        if not outcome.saved:  # a value outside the expected range is confirmed, as the form would ask
            confirmed = {i.field: i.value for i in outcome.refused if i.needs_confirmation}
            outcome = save_record(session, subject_id=subject, visit=visit, form_id=form, raw=raw, reason=reason,
                                  confirmed=confirmed)
        assert outcome.saved, [i.message.en for i in outcome.refused]
    finally:
        session.close()


def _centre_counts(demo: Demo) -> tuple[int, int, int]:
    """What the centre holds: replicated rows, applied packages, site audit entries."""
    session = login(demo.centre, "datamanager", PW)
    try:
        db = session.site.db
        rows, packages, entries = (int(db.execute(sql).fetchone()[0]) for sql in (
            "SELECT count(*) FROM centre_rows", "SELECT count(*) FROM centre_packages",
            "SELECT count(*) FROM centre_audit"))
        return rows, packages, entries
    finally:
        session.close()


def _centre_value(demo: Demo, site: str, subject: str, form: str, field: str) -> str:
    """The value the centre holds for one field of a visit form (the latest version the site sent)."""
    session = login(demo.centre, "datamanager", PW)
    try:
        found = [row for _site, row in site_rows(session.site.db, "records", site)
                 if row["subject_id"] == subject and row["form"] == form]
    finally:
        session.close()
    assert len(found) == 1, f"{len(found)} {form} records of {subject} at the centre"
    return str(json.loads(found[0]["data"])[field])


def _setup(tmp_path: Path, cli_env: dict[str, str]) -> Demo:
    demo = Demo(tmp_path, cli_env)
    first = demo.run("demo", "--data-dir", str(demo.site01), "--no-gui")
    assert first.code == 0, first.err
    joined = demo.run("demo", "--data-dir", str(demo.site02), "--site", "02", "--join-centre", str(demo.centre),
                      "--no-gui")
    assert joined.code == 0, joined.out + joined.err
    assert f"Created demo site 02 (fictitious data) in {demo.site02}" in joined.out
    assert "Subjects 02-001 to 02-010\nSent package 1" in joined.out
    assert f"crf-desktop centre import --data-dir {demo.centre} --user datamanager --from {demo.folder}" in joined.out
    assert f"users admin and datamanager have the passwords in {demo.centre / 'demo-passwords.txt'}" in joined.out
    assert demo.package("01", 1).is_file() and demo.package("02", 1).is_file()
    taken = demo.run("demo", "--data-dir", str(demo.site02.with_name("demo-03")), "--site", "02", "--join-centre",
                     str(demo.centre), "--no-gui")
    assert taken.code == 2 and "site 02 is already enrolled at the demo centre" in taken.err
    assert not demo.site02.with_name("demo-03").exists()
    return demo


@pytest.mark.slow
def test_two_demo_sites_and_a_centre_run_the_whole_loop_and_refuse_every_fault(tmp_path: Path,
                                                                               cli_env: dict[str, str]) -> None:
    demo = _setup(tmp_path, cli_env)

    # -- edits at both sites, both export onto the one folder, one import applies both -------------------------
    _change(demo.site01, "01-005", "screening", "demographics", "height_cm", "163.0", "Re-measured at the clinic")
    _change(demo.site02, "02-005", "screening", "demographics", "height_cm", "158.0", "Transcription error")
    assert "Sent package 2" in demo.export(demo.site01).out
    assert "Sent package 2" in demo.export(demo.site02).out
    imported = demo.import_()
    assert "site 01: 2 applied (1-2)" in imported.out and "site 02: 2 applied (1-2)" in imported.out
    assert imported.out.count("NEW SITE KEY PINNED") == 2 and "Result: OK" in imported.out
    assert _centre_value(demo, "02", "02-005", "demographics", "height_cm") == "158.0"

    # -- a query raised at the centre on a site-02 field, answered there with a change, closed at the centre ----
    raised = demo.run("centre", "query", "raise", "--data-dir", str(demo.centre), "--user", "datamanager", "--site",
                      "02", "--subject", "02-005", "--visit", "screening", "--form", "demographics", "--field",
                      "weight_kg", "--question", "The clinic note gives 67.2 kg; please check", "--folder",
                      str(demo.folder))
    assert raised.code == 0, raised.err
    assert "1 query change(s) from the centre" in demo.export(demo.site02).out
    session = login(demo.site02, "coordinator", PW)
    try:
        (query,) = [q for q in subject_queries(session, "02-005") if q.raised_by.endswith("(centre)")]
        assert query.field == "weight_kg"
    finally:
        session.close()
    _change(demo.site02, "02-005", "screening", "demographics", "weight_kg", "67.2", "Corrected from the clinic note")
    session = login(demo.site02, "coordinator", PW)
    try:
        answer_query(session, query.id, "Corrected to 67.2 kg from the clinic note")
    finally:
        session.close()
    demo.export(demo.site02)
    demo.import_()
    assert _centre_value(demo, "02", "02-005", "demographics", "weight_kg") == "67.2"
    listed = demo.run("centre", "query", "list", "--data-dir", str(demo.centre), "--user", "datamanager")
    assert "answered" in listed.out and "Corrected to 67.2 kg" in listed.out
    closed = demo.run("centre", "query", "close", "C-0001", "--data-dir", str(demo.centre), "--user", "datamanager",
                      "--folder", str(demo.folder))
    assert closed.code == 0, closed.err
    demo.export(demo.site02)
    session = login(demo.site02, "coordinator", PW)
    try:
        (query,) = [q for q in subject_queries(session, "02-005") if q.raised_by.endswith("(centre)")]
        assert query.status.value == "closed"
    finally:
        session.close()

    # -- the trial's exports hold both sites: ODM valid against the official schema, CSV -----------------------
    odm = tmp_path / "trial.xml"
    made = demo.run("centre", "export", "--data-dir", str(demo.centre), "--user", "datamanager", "--format", "odm",
                    "--out", str(odm))
    assert made.code == 0, made.err
    text = odm.read_text(encoding="utf-8")
    assert [f"{e.path}: {e.reason}" for e in odm_schema().iter_errors(text)] == []
    assert 'SubjectKey="01-001"' in text and 'SubjectKey="02-010"' in text
    out = tmp_path / "csv"
    made = demo.run("centre", "export", "--data-dir", str(demo.centre), "--user", "datamanager", "--format", "csv",
                    "--out", str(out))
    assert made.code == 0, made.err
    with (out / "subjects.csv").open(encoding="utf-8-sig", newline="") as handle:
        subjects = {row["subject_id"] for row in csv.DictReader(handle)}
    assert {f"0{s}-0{n:02d}" for s in (1, 2) for n in range(1, 11)} <= subjects

    # -- faults: each refused loudly, nothing of it applied -----------------------------------------------------
    assert "Result: OK" in demo.import_().out  # everything sent so far is in
    _change(demo.site01, "01-006", "screening", "demographics", "height_cm", "160.0", "Re-measured")
    demo.export(demo.site01)  # site 01's package 3
    before = _centre_counts(demo)
    next02 = len(list(demo.outbox("02").glob("*.crfpkg"))) + 1
    misplaced = demo.package("02", next02)
    shutil.move(demo.package("01", 3), misplaced)  # renamed into site 02's folder
    refused = demo.import_(expect=1)
    assert (f"QUARANTINED {misplaced.name}: package of another site or study: it was written by site 01 but lies "
            "in the folder of site 02") in refused.out
    assert "Result: NOT EVERYTHING WAS APPLIED" in refused.out
    assert _centre_counts(demo) == before

    misplaced.unlink()  # the data manager removes it; site 01 writes its package 3 again (not acknowledged yet)
    demo.export(demo.site01)
    assert demo.package("01", 3).is_file()
    assert "site 01: 1 applied (3)" in demo.import_().out
    after_01 = _centre_counts(demo)
    assert after_01[1] == before[1] + 1

    _change(demo.site02, "02-006", "screening", "demographics", "height_cm", "161.0", "Re-measured")
    demo.export(demo.site02)
    damaged = demo.package("02", next02)
    whole = damaged.read_bytes()
    damaged.write_bytes(whole[: len(whole) // 2])  # a copy cut short
    refused = demo.import_(expect=1)
    assert f"QUARANTINED {damaged.name}: truncated or damaged file" in refused.out
    assert _centre_counts(demo) == after_01

    damaged.unlink()  # site 02 writes the package again, whole, and it is applied: nothing lost
    demo.export(demo.site02)
    assert damaged.read_bytes() == whole
    assert f"site 02: 1 applied ({next02})" in demo.import_().out
    assert _centre_value(demo, "02", "02-006", "demographics", "height_cm") == "161.0"

    settled = _centre_counts(demo)
    copy = demo.outbox("02") / f"{STUDY}_02_1 (copy).crfpkg"  # a sync tool's duplicate
    shutil.copy(demo.package("02", 1), copy)
    again = demo.import_()
    assert f"site 02: 0 applied, {next02} duplicate(s) skipped" in again.out
    assert f"ignored (not a package name): 02/{copy.name}" in again.out
    assert _centre_counts(demo) == settled
