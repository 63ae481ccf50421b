"""The QR code on every page (issue 7 item 3): it decodes to the record reference and the hash of what is
printed, which is reproducible from the database; a change after printing makes the check say so."""

from __future__ import annotations

import subprocess
from pathlib import Path

import PIL.Image
import zxingcpp

from crf_desktop.pdf.content import parse_qr
from crf_desktop.services import records
from crf_desktop.services.printing import PrintRequest, content_hash, record_prints, render_request, verify_qr
from crf_desktop.services.session import Session
from tests.pdf.conftest import RANDOMISED


def qr_texts(pdf: bytes, tmp_path: Path, page: int = 1) -> list[str]:
    source = tmp_path / "printed.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), str(source),
                    str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png"))
    found = [code.text for code in zxingcpp.read_barcodes(PIL.Image.open(image))]
    image.unlink()
    return found


def test_the_qr_code_names_the_record_and_the_hash_of_its_printed_content(coordinator: Session,
                                                                          tmp_path: Path) -> None:
    record = records.get_record(coordinator, subject_id=RANDOMISED, visit="week4", form_id="phga")
    assert record is not None
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="week4", form="phga"))
    [text] = qr_texts(printed.pdf, tmp_path)
    payload = parse_qr(text)
    ref = payload.reference
    assert (ref.study, ref.site, ref.subject, ref.visit, ref.form, ref.repeat_no) == (
        "NCT03580291", "01", RANDOMISED, "week4", "phga", 0)
    assert ref.record_version == record.version
    assert (ref.record_version, payload.sha256) == content_hash(coordinator, RANDOMISED, "week4", "phga", 0)
    assert verify_qr(coordinator, text).message.endswith(f"matches version {record.version}")


def test_every_page_of_a_multi_page_form_carries_the_same_qr(coordinator: Session, tmp_path: Path) -> None:
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="screening", form="labs"))
    assert printed.pages >= 2
    assert qr_texts(printed.pdf, tmp_path, 1) == qr_texts(printed.pdf, tmp_path, printed.pages)


def test_a_change_after_printing_makes_the_check_say_it_does_not_match(coordinator: Session,
                                                                      tmp_path: Path) -> None:
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="baseline", form="bilag"))
    record_prints(coordinator, printed, "a test file")
    [text] = qr_texts(printed.pdf, tmp_path)
    record = records.get_record(coordinator, subject_id=RANDOMISED, visit="baseline", form_id="bilag")
    assert record is not None
    raw = dict(record.data)
    raw["bilag_renal_notes"] = "Active nephritis; sediment reviewed again"
    outcome = records.save_record(coordinator, subject_id=RANDOMISED, visit="baseline", form_id="bilag", raw=raw,
                                  reason="Transcription error", expected_version=record.version)
    assert outcome.saved
    verdict = verify_qr(coordinator, text)
    assert not verdict.matches
    assert (f"does not match the current version: printed from version {record.version}, now version "
            f"{record.version + 1}, changed by") in verdict.message
    assert coordinator.user.full_name in verdict.message
    printed_entries = [e for e in coordinator.audit_trail(subject=RANDOMISED) if e.action == "CRF printed"]
    assert printed_entries and printed_entries[0].form == "bilag"


def test_casebook_pages_carry_the_casebook_version(coordinator: Session, tmp_path: Path) -> None:
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED))
    [text] = qr_texts(printed.pdf, tmp_path, 1)
    payload = parse_qr(text)
    total = sum(r.version for r in records.subject_records(coordinator, RANDOMISED))
    assert (payload.reference.form, payload.reference.record_version) == ("casebook", total)
    assert verify_qr(coordinator, text).matches


def test_a_blank_page_checks_against_the_form_version(new_site_coordinator: Session, tmp_path: Path) -> None:
    printed = render_request(new_site_coordinator, PrintRequest(form="phga"))
    [text] = qr_texts(printed.pdf, tmp_path)
    assert parse_qr(text).reference.subject == ""
    assert verify_qr(new_site_coordinator, text).message.startswith("blank phga: matches form version")


def test_a_verification_after_printing_leaves_the_paper_page_valid(coordinator: Session, demo_site: Path,
                                                                  tmp_path: Path) -> None:
    """A monitor's source-data verification makes a new record version with the same data: the hand-signed
    page still shows what the database holds, so the check must not send the site to reprint and re-sign."""
    from crf_desktop.services.session import login
    from tests.pdf.conftest import DEMO_PASSWORD

    form = next(r for r in records.subject_records(coordinator, RANDOMISED)
                if r.status.value == "complete" and r.visit == "week4")
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="week4", form=form.form))
    [text] = qr_texts(printed.pdf, tmp_path)
    coordinator.close()
    monitor = login(demo_site, "monitor", DEMO_PASSWORD)
    try:
        verified = records.verify_record(monitor, subject_id=RANDOMISED, visit="week4", form_id=form.form)
        assert verified.version == form.version + 1
        verdict = verify_qr(monitor, text)
        assert verdict.matches
        assert f"the data are unchanged since the page was printed (version {form.version}; now version " \
               f"{form.version + 1}, verified" in verdict.message
    finally:
        monitor.close()
