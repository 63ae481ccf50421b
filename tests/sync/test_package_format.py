"""DESIGN.md section 6: the package format, its checks, the folder's ignore rules, the enrolment file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.study_config import StudyConfiguration
from crf_desktop.store.keywrap import format_recovery_key
from crf_desktop.store.randomisation import ListEntry
from crf_desktop.sync import enrolment
from crf_desktop.sync.folder import ignored, packages_in, write_file
from crf_desktop.sync.keys import KeyPairs
from crf_desktop.sync.package import (
    GENESIS,
    SITE_PACKAGE,
    Header,
    PackageRejected,
    Reason,
    check_signature,
    frame,
    open_body,
    public_keys_b64,
    seal,
)

SITE, CENTRE = KeyPairs.generate(), KeyPairs.generate()


def _header(**changes: object) -> Header:
    sign, box = public_keys_b64(SITE)
    values: dict[str, object] = dict(kind=SITE_PACKAGE, study="NCT03580291", site="01", seq=1, prev_sha256=GENESIS,
                                     created_at="2026-11-25T10:00:00.000000Z", sender_sign_key=sign,
                                     sender_box_key=box, sender_fingerprint=SITE.fingerprint, change_count=2)
    values.update(changes)
    return Header(**values)  # type: ignore[arg-type]


def _package(body: dict[str, object] | None = None) -> bytes:
    return seal(_header(), body or {"tables": {"subjects": [{"subject_id": "01-001"}]}}, sender=SITE,
                receiver_box_public=CENTRE.box_public)


def test_a_package_opens_with_the_receivers_key_and_the_senders_signature() -> None:
    data = _package()
    framed = frame(data)
    check_signature(framed, SITE.sign_public)
    assert open_body(framed, CENTRE) == {"tables": {"subjects": [{"subject_id": "01-001"}]}}
    assert framed.header.seq == 1 and framed.header.site == "01"


def test_the_header_is_clear_and_carries_no_personal_data_while_the_body_is_unreadable() -> None:
    # The marker holds characters outside the base64 alphabet of the header's keys: a three-letter marker such
    # as "ZQX" turns up by chance in one run of a few thousand (it failed CI once).
    marker = "Z.Q.X. 张"
    data = _package({"tables": {"subjects": [{"subject_id": "01-001", "initials": marker}]}})
    assert b"NCT03580291" in data  # the header is readable
    assert marker.encode() not in data and json.dumps(marker).encode() not in data  # the body is not
    assert b'"initials"' not in data


def test_a_body_encrypted_to_another_key_does_not_decrypt() -> None:
    framed = frame(_package())
    with pytest.raises(PackageRejected) as caught:
        open_body(framed, KeyPairs.generate())
    assert caught.value.reason is Reason.DECRYPTION


def test_a_body_moved_under_another_header_does_not_decrypt() -> None:
    """The header is bound into the HPKE encryption (info): re-signing a changed header is not enough."""
    original = frame(_package())
    other = _header(seq=2).to_bytes()
    forged_signed = original.signed.replace(original.header_bytes, other)
    forged = frame(forged_signed + SITE.signer.sign(forged_signed))
    check_signature(forged, SITE.sign_public)  # the sender signed it...
    with pytest.raises(PackageRejected) as caught:
        open_body(forged, CENTRE)  # ...but the body was sealed under the other header
    assert caught.value.reason is Reason.DECRYPTION


def test_a_signature_by_another_key_is_a_key_change() -> None:
    framed = frame(_package())
    with pytest.raises(PackageRejected) as caught:
        check_signature(framed, KeyPairs.generate().sign_public)
    assert caught.value.reason is Reason.KEY_CHANGE


@pytest.mark.parametrize("tenth", range(10))
def test_a_package_cut_at_any_tenth_is_refused_as_truncated(tenth: int) -> None:
    data = _package()
    with pytest.raises(PackageRejected) as caught:
        frame(data[:len(data) * tenth // 10])
    assert caught.value.reason in {Reason.TRUNCATED, Reason.NOT_A_PACKAGE}


def test_extra_bytes_after_the_signature_are_refused() -> None:
    with pytest.raises(PackageRejected) as caught:
        frame(_package() + b"\0")
    assert caught.value.reason is Reason.TRUNCATED


def test_packages_are_written_in_format_2() -> None:
    framed = frame(_package())
    assert framed.header.format == 2 and int.from_bytes(framed.signed[6:8], "big") == 2


def test_an_unknown_format_version_is_named() -> None:
    data = bytearray(_package())
    data[6:8] = (3).to_bytes(2, "big")
    with pytest.raises(PackageRejected, match="format version 3; this crf-desktop reads versions 1 and 2") as caught:
        frame(bytes(data))
    assert caught.value.reason is Reason.VERSION


def test_a_prefix_that_disagrees_with_the_headers_format_is_a_damaged_header() -> None:
    data = bytearray(_package())
    data[6:8] = (1).to_bytes(2, "big")  # a version this crf-desktop reads, but not the one the header names
    with pytest.raises(PackageRejected, match="header says format 2 but the file's prefix says 1") as caught:
        frame(bytes(data))
    assert caught.value.reason is Reason.BAD_HEADER


def test_this_crf_desktop_writes_no_other_format() -> None:
    with pytest.raises(ValueError, match="writes format 2, not 1"):
        seal(_header(format=1), {}, sender=SITE, receiver_box_public=CENTRE.box_public)


@pytest.mark.parametrize("name", [
    ".NCT03580291_01_3.crfpkg.partial", "NCT03580291_01_3.crfpkg.partial", "NCT03580291_01_3.crfpkg.tmp",
    "NCT03580291_01_3 (conflicted copy 2026-11-25).crfpkg", "NCT03580291_01_3.sync-conflict-20261125-101010.crfpkg",
    "~$NCT03580291_01_3.crfpkg", ".DS_Store", "NCT03580291_01_3 (Ward PC's conflicted copy).crfpkg",
    "NCT03580291_01_3-conflict-ward-pc.crfpkg",
])
def test_readers_skip_temporary_hidden_and_conflict_copies(name: str) -> None:
    assert ignored(name)


def test_the_folder_lists_packages_in_sequence_and_reports_strays(tmp_path: Path) -> None:
    for name in ("NCT03580291_01_10.crfpkg", "NCT03580291_01_2.crfpkg", ".NCT03580291_01_3.crfpkg.partial",
                 "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    found, strays = packages_in(tmp_path)
    assert [f.seq for f in found] == [2, 10]
    assert [p.name for p in strays] == ["notes.txt"]


def test_a_file_is_never_written_over_an_existing_one(tmp_path: Path) -> None:
    target = tmp_path / "NCT03580291_01_1.crfpkg"
    write_file(target, b"first")
    with pytest.raises(FileExistsError):
        write_file(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no partial left behind


# -- the enrolment file -------------------------------------------------------------------------------------
LIST = [ListEntry(seq=1, rand_no="R01-001", msc_kit="MSC-0001", mmf_kit="MMF-0001", arm="A"),
        ListEntry(seq=2, rand_no="R01-002", msc_kit="MSC-0002", mmf_kit="MMF-0002", arm="B")]


def test_an_enrolment_file_carries_keys_configuration_and_a_sealed_list(tmp_path: Path) -> None:
    config = StudyConfiguration(sledai_window_days=14)
    data, code = enrolment.make(CENTRE, study="NCT03580291", site="01", issued_at="2026-11-25T10:00:00.000000Z",
                                configuration=config, randomisation=LIST)
    path = tmp_path / "enrol.json"
    path.write_bytes(data)
    found = enrolment.read(path)
    assert found.site == "01" and found.centre_fingerprint == CENTRE.fingerprint
    assert found.configuration == config and found.list_entries == 2
    assert b"MSC-0001" not in data and code is not None
    assert found.randomisation_list(code) == LIST
    with pytest.raises(UserInputError, match="enrolment code is wrong"):
        found.randomisation_list(format_recovery_key(b"\0" * 20))


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage", b'{"format": "something else"}', b"[1, 2, 3]",
                                     b"-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n"])
def test_a_centre_key_file_that_is_not_a_key_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "centre.key"
    path.write_bytes(content)
    with pytest.raises(UserInputError, match="is not a crf-desktop centre key"):
        enrolment.read(path)


def test_a_changed_enrolment_file_is_refused(tmp_path: Path) -> None:
    data, _code = enrolment.make(CENTRE, study="NCT03580291", site="01", issued_at="2026-11-25T10:00:00.000000Z")
    document = json.loads(data)
    document["site"] = "02"
    path = tmp_path / "enrol.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(UserInputError, match="changed or damaged after the centre signed it"):
        enrolment.read(path)
