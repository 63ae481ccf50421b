"""Issue 8 "Done means", two demo sites: ``demo --site 02 --join-centre DIR`` enrols one more demo site with the demo
centre, made from the centre's enrolment (configuration and a randomisation list of its own), and refuses, writing
nothing, when the centre is not a demo centre, the site number is taken or the data directory exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.services import centre as centre_service
from crf_desktop.services import demo_join
from crf_desktop.services.demo import create_demo, demo_randomisation_list, read_demo_passwords
from crf_desktop.services.demo_centre import DemoCentre, create_demo_centre, enrol_and_export
from crf_desktop.services.randomisation import assignment
from crf_desktop.services.session import login
from crf_desktop.services.study_config import installed_configuration
from crf_desktop.services.subjects import list_subjects
from crf_desktop.store.randomisation import ListEntry

PASSWORD = "demo-join-pass-1"


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoCentre]:
    """Site 01 and its demo centre, as ``crf-desktop demo`` makes them."""
    site = tmp_path_factory.mktemp("two-sites") / "demo"
    passwords = create_demo(site, shared_password=PASSWORD)
    made = create_demo_centre(site, passwords)
    enrol_and_export(site, made.key_file, passwords, made.folder)
    yield made


def _enrolled(centre: DemoCentre) -> list[str]:
    session = login(centre.data_dir, "admin", PASSWORD)
    try:
        return [s.site for s in centre_service.pinned_sites(session)]
    finally:
        session.close()


def _nothing_left(data_dir: Path) -> bool:
    return not data_dir.exists() and not data_dir.with_name(f".{data_dir.name}.partial").exists()


def test_site_01_keeps_its_list_and_every_site_has_a_list_of_its_own() -> None:
    first, second = demo_randomisation_list(), demo_randomisation_list("02")
    # site 01's list is the one the demo always had: blocks ABBA, BAAB, ... from the first
    assert "".join("A" if e.arm == first[0].arm else "B" for e in first[:8]) == "ABBABAAB"
    assert [e.rand_no for e in first[:2]] == ["R01-001", "R01-002"]
    assert [e.rand_no for e in second[:2]] == ["R02-001", "R02-002"]
    assert [e.arm for e in first] != [e.arm for e in second]
    assert second == demo_randomisation_list("02")  # deterministic per site
    assert all(isinstance(e, ListEntry) for e in second) and len(second) == len(first)


def test_the_demo_centre_keeps_its_demo_passwords(centre: DemoCentre) -> None:
    assert read_demo_passwords(centre.data_dir) == {"admin": PASSWORD, "datamanager": PASSWORD}


def test_refusals_write_nothing(centre: DemoCentre, tmp_path: Path) -> None:
    new = tmp_path / "demo-09"
    cases: list[tuple[dict[str, object], str]] = [
        ({"site": "01", "centre_dir": centre.data_dir}, "site 01 is already enrolled at the demo centre"),
        ({"site": "9", "centre_dir": centre.data_dir}, "site '9' is not a site number"),
        ({"site": "09", "centre_dir": tmp_path / "nowhere-centre"}, "nowhere-centre does not exist"),
        ({"site": "09", "centre_dir": centre.data_dir.with_name("demo")}, "is not a demo centre"),
    ]
    for kwargs, message in cases:
        with pytest.raises(UserInputError, match=message):
            demo_join.join_demo_centre(new, shared_password=PASSWORD, **kwargs)  # type: ignore[arg-type]
        assert _nothing_left(new)
    existing = tmp_path / "taken"
    existing.mkdir()
    with pytest.raises(UserInputError, match="already exists: a new demo site needs a new folder"):
        demo_join.join_demo_centre(existing, site="09", centre_dir=centre.data_dir, shared_password=PASSWORD)
    assert list(existing.iterdir()) == []
    assert _enrolled(centre) == ["01"]


def test_a_real_centre_is_not_a_demo_centre(tmp_path: Path) -> None:
    real = tmp_path / "trial-centre"
    session, _recovery = centre_service.init_centre(real, admin="dm", admin_name="Data Manager", password=PASSWORD,
                                                    out_key=tmp_path / "key.json")
    session.close()
    (real / "centre-key.json").write_bytes((tmp_path / "key.json").read_bytes())
    with pytest.raises(UserInputError, match="it keeps no demo passwords"):
        demo_join.join_demo_centre(tmp_path / "demo-02", site="02", centre_dir=real, shared_password=PASSWORD)
    assert _nothing_left(tmp_path / "demo-02")


@pytest.mark.slow
def test_a_joined_site_is_made_from_its_enrolment_and_a_failed_build_leaves_nothing(
        centre: DemoCentre, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "demo-02"

    def broken(_data_dir: Path, _passwords: dict[str, str]) -> list[str]:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(demo_join, "fill_demo", broken)
        with pytest.raises(OSError, match="No space left"):
            demo_join.join_demo_centre(data_dir, site="02", centre_dir=centre.data_dir, shared_password=PASSWORD)
    assert _nothing_left(data_dir)
    assert not (centre.folder / "to-centre" / "02").exists()

    joined = demo_join.join_demo_centre(data_dir, site="02", centre_dir=centre.data_dir, shared_password=PASSWORD)
    assert joined.subjects[:2] == ("02-001", "02-002") and len(joined.subjects) == 10
    assert joined.export.seq == 1 and joined.export.package == centre.folder / "to-centre/02/NCT03580291_02_1.crfpkg"
    assert read_demo_passwords(data_dir) == joined.passwords
    assert _enrolled(centre) == ["01", "02"]
    session = login(data_dir, "coordinator", PASSWORD)
    try:
        assert session.site_id == "02"
        assert [s.subject_id for s in list_subjects(session)] == list(joined.subjects)
        first = assignment(session, "02-003")  # the story's first randomised subject
        assert first is not None and first.rand_no == "R02-001"
        installed = installed_configuration(session)
        assert installed is not None and installed.source == "enrolment-02.json"
    finally:
        session.close()

    with pytest.raises(UserInputError, match="site 02 is already enrolled at the demo centre"):
        demo_join.join_demo_centre(tmp_path / "demo-03", site="02", centre_dir=centre.data_dir,
                                   shared_password=PASSWORD)
    assert _nothing_left(tmp_path / "demo-03")
