"""The demo centre keeps site 01's randomisation list (as ``centre enrol --randomisation`` would), so a new user
can try the database-lock unblinding of issue 8 on the demo without a CSV: afterwards the trial dataset the
exports read carries the arm of every randomised demo subject, as the demo's list assigned it."""

from __future__ import annotations

from pathlib import Path

from crf_desktop.services import centre as centre_service
from crf_desktop.services.centre_unblinding import unblind_study
from crf_desktop.services.demo import create_demo, demo_randomisation_list
from crf_desktop.services.demo_centre import create_demo_centre, enrol_and_export
from crf_desktop.services.session import login

PASSWORD = "demo-unblind-pass-1"


def test_the_demo_study_unblinds_with_the_list_the_centre_kept(tmp_path: Path) -> None:
    site = tmp_path / "demo"
    passwords = create_demo(site, shared_password=PASSWORD)
    made = create_demo_centre(site, passwords)
    enrol_and_export(site, made.key_file, passwords, made.folder)
    session = login(made.data_dir, "datamanager", PASSWORD)
    try:
        centre_service.import_packages(session, made.folder)
        assert centre_service.trial_dataset(session).arms == {}  # blinded until the unblinding
        unblind_study(session, password=PASSWORD, reason="demo database lock", confirm_study_id=session.study_id)
        dataset = centre_service.trial_dataset(session)
    finally:
        session.close()
    by_number = {e.rand_no: e.arm for e in demo_randomisation_list("01")}
    randomised = {s.subject_id: s.randomisation_no for s in dataset.subjects if s.randomisation_no}
    assert randomised, "the demo randomises subjects"
    assert dataset.arms == {subject: by_number[number] for subject, number in randomised.items()}
