"""Issue 7 item 7: printed and hand-signed CRFs, and scans of signed pages checked by their QR code.

The scans are made as a scanner would: a page drawn with reportlab (text and the page's QR code, whose text comes
from the printing service's ``content_hash`` and ``QrPayload``), rendered to pixels by pdfium at 200 dpi, saved as
PNG or JPEG; the app reads them back with zxing-cpp.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.services.dashboard import CellState, subject_row
from crf_desktop.services.paper_trail import NO_QR, attach_scan, mark_wet_signed, record_paper, scan_content
from crf_desktop.services.signature_states import PRINTED, WET_SIGNED, visit_marks
from crf_desktop.store import audit, paper
from tests.conftest import SiteFixture
from tests.services.signature_data import (
    as_user,
    consent,
    missed_visit,
    page_pdf,
    printed,
    qr_text,
    scan_file,
    subject_with_consent,
)


def test_a_printed_form_is_marked_signed_on_paper(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        missed_visit(session, subject_id, "week4")
        today = session.today()
        with pytest.raises(UserInputError, match="no printed copy of Visit information .* is recorded"):
            mark_wet_signed(session, subject_id=subject_id, visit="week4", form_id="visit_info",
                            signer_name="Dr Wang", signed_on=today)
        printed(session, subject_id, "week4", "visit_info")
        row = subject_row(session, subject_id)
        assert row is not None
        assert {c.visit: c.state for c in row.cells}["week4"] is CellState.MISSED  # a missed visit stays missed
        printed(session, subject_id, "screening", "consent")
        with pytest.raises(UserInputError, match="in the future"):
            mark_wet_signed(session, subject_id=subject_id, visit="screening", form_id="consent",
                            signer_name="Dr Wang", signed_on=today + timedelta(days=1))
        with pytest.raises(UserInputError, match="before the page was printed"):
            mark_wet_signed(session, subject_id=subject_id, visit="screening", form_id="consent",
                            signer_name="Dr Wang", signed_on=today - timedelta(days=2))
        with pytest.raises(UserInputError, match="enter the name"):
            mark_wet_signed(session, subject_id=subject_id, visit="screening", form_id="consent",
                            signer_name="  ", signed_on=today)
        signed = mark_wet_signed(session, subject_id=subject_id, visit="screening", form_id="consent",
                                 signer_name=" Dr  Wang Li ", signed_on=today)
        assert (signed.signer_name, signed.signed_on, signed.record_version) == ("Dr Wang Li", today.isoformat(), 1)
        trail = record_paper(session, subject_id=subject_id, visit="screening", form_id="consent")
        assert len(trail.prints) == 1 and trail.wet_signatures == (signed,)
        entry = audit.entries(session.site.db, subject=subject_id, limit=1)[0]
        assert (entry.action, entry.form) == ("signed on paper", "consent")
        assert entry.new_value is not None and entry.new_value.startswith(f"signed by Dr Wang Li on {today}")
    finally:
        session.close()
    monitor = as_user(site_with_users, "monitor")
    try:
        with pytest.raises(PermissionDenied):
            mark_wet_signed(monitor, subject_id=subject_id, visit="screening", form_id="consent",
                            signer_name="Dr Wang", signed_on=today)
    finally:
        monitor.close()


def test_a_visit_is_marked_printed_then_wet_signed(site_with_users: SiteFixture) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        missed_visit(session, subject_id, "week4")
        printed(session, subject_id, "week4", "visit_info")
        assert visit_marks(session.site.db)[(subject_id, "week4")] == PRINTED
        mark_wet_signed(session, subject_id=subject_id, visit="week4", form_id="visit_info", signer_name="Dr Wang",
                        signed_on=session.today())
        assert visit_marks(session.site.db)[(subject_id, "week4")] == WET_SIGNED
        assert (subject_id, "screening") not in visit_marks(session.site.db)  # screening was not printed
    finally:
        session.close()


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_a_scan_whose_qr_matches_the_current_version_is_attached(
    site_with_users: SiteFixture, tmp_path: Path, suffix: str,
) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        path = scan_file(page_pdf(printed(session, subject_id, "screening", "consent")), tmp_path / f"page{suffix}")
        scan, check = attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent", path=path)
        assert (check.message, check.matches) == ("matches version 1", True)
        assert scan.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert scan.media_type == ("image/png" if suffix == ".png" else "image/jpeg")
        assert scan_content(session, scan) == path.read_bytes()
        entry = audit.entries(session.site.db, subject=subject_id, limit=1)[0]
        assert entry.action == "scan attached" and entry.new_value is not None
        assert scan.sha256 in entry.new_value and "matches version 1" in entry.new_value
    finally:
        session.close()


def test_a_scan_printed_from_an_older_version_says_so(site_with_users: SiteFixture, tmp_path: Path) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        pdf = page_pdf(printed(session, subject_id, "screening", "consent"))
        consent(session, subject_id, obtained_by="Dr Li")  # now version 2
        scan, check = attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent",
                                  path=scan_file(pdf, tmp_path / "old.png"))
        assert check.message == "printed from version 1; the record is now version 2"
        assert not check.matches and scan.qr_record_version == 1 and scan.record_version == 2
        # The PDF a scanner writes is read page by page.
        (tmp_path / "old.pdf").write_bytes(pdf)
        _pdf_scan, pdf_check = attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent",
                                           path=tmp_path / "old.pdf")
        assert pdf_check.message == "printed from version 1; the record is now version 2"
        current = page_pdf(printed(session, subject_id, "screening", "consent"))
        (tmp_path / "current.pdf").write_bytes(current)
        _scan2, now = attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent",
                                  path=tmp_path / "current.pdf")
        assert now.message == "matches version 2"
        assert len(record_paper(session, subject_id=subject_id, visit="screening", form_id="consent").scans) == 3
    finally:
        session.close()


def test_scans_without_a_qr_code_or_of_another_record_or_not_a_scan(site_with_users: SiteFixture,
                                                                   tmp_path: Path) -> None:
    subject_id = subject_with_consent(site_with_users)
    session = as_user(site_with_users, "coordinator")
    try:
        missed_visit(session, subject_id, "week4")
        _scan2, blank = attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent",
                                    path=scan_file(page_pdf(None), tmp_path / "crooked.png"))
        assert blank.message == NO_QR == "no QR code found: check the scan is straight and at least 150 dpi"
        other = scan_file(page_pdf(qr_text(session, subject_id, "week4", "visit_info")), tmp_path / "other.png")
        with pytest.raises(UserInputError, match=f"the scan's QR code is for .*subject {subject_id}, visit week4, "
                                                 "form visit_info; attach it to that record"):
            attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent", path=other)
        text = tmp_path / "notes.png"
        text.write_text("not an image")
        with pytest.raises(UserInputError, match="notes.png is not a PDF, PNG or JPEG file"):
            attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent", path=text)
        broken = tmp_path / "broken.png"
        broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
        with pytest.raises(UserInputError, match="broken.png cannot be read as an image"):
            attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent", path=broken)
        huge = tmp_path / "huge.pdf"
        with huge.open("wb") as handle:
            handle.write(b"%PDF-1.4\n")
            handle.truncate(21 * 1024 * 1024)
        with pytest.raises(UserInputError, match=r"huge.pdf is 21.0 MB; a scan may be at most 20 MB"):
            attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent", path=huge)
        with pytest.raises(UserInputError, match="does not exist"):
            attach_scan(session, subject_id=subject_id, visit="screening", form_id="consent",
                        path=tmp_path / "missing.png")
        with pytest.raises(UserInputError, match="has not been entered yet"):
            attach_scan(session, subject_id=subject_id, visit="screening", form_id="demographics",
                        path=tmp_path / "crooked.png")
        assert len(paper.scans_of(session.site.db, subject_id)) == 1  # only the scan without a QR code
    finally:
        session.close()
