"""What an investigator sees on paper beyond the basics (issue 7): ×10⁹/L as printed on the screen, bold Chinese,
several blank entry sheets per log, one audit row per print job, Chinese status and signature meaning, and a
blank page's QR code checked against its hash."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.library import labs
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.pdf import fonts
from crf_desktop.pdf.content import QrPayload
from crf_desktop.services.print_casebook import PRINTED_ACTION, print_jobs
from crf_desktop.services.printing import (
    PrintRequest,
    check_request,
    prepare,
    record_prints,
    render_request,
    verify_qr,
)
from crf_desktop.services.session import Session, login
from crf_desktop.store import audit
from tests.pdf.conftest import DEMO_PASSWORD, RANDOMISED, pdf_text, squeeze


def test_powers_of_ten_print_as_superscripts_and_read_back_as_such(new_site_coordinator: Session) -> None:
    printed = render_request(new_site_coordinator, PrintRequest(visit="screening", form=labs.FORM_ID))
    text = " ".join(pdf_text(printed.pdf))
    wbc = next(f for f in REGISTRY.form(labs.FORM_ID).fields if f.unit is not None and "⁹" in f.unit.en)
    assert wbc.label.en in text  # "White blood cell count (×10⁹/L)", copied as the screen shows it
    assert "^9" not in text and "10^" not in text


def test_a_superscript_is_set_small_and_raised_in_helvetica() -> None:
    assert fonts.runs("×10⁹/L") == ((fonts.LATIN, "×10", fonts.BASELINE),
                                    (fonts.LATIN, "9", fonts.SUPERSCRIPT), (fonts.LATIN, "/L", fonts.BASELINE))
    assert fonts.width("10⁹", 10) < fonts.width("109", 10)  # the raised digit is smaller
    assert fonts.actual_text("9", fonts.SUPERSCRIPT) == "<FEFF2079>"


def test_bold_chinese_is_outlined_as_no_bold_face_exists(new_site_coordinator: Session) -> None:
    def render_modes(lang: str) -> bytes:
        printed = render_request(new_site_coordinator, PrintRequest(visit="week4", form="phga", lang=lang))
        page = pypdf.PdfReader(io.BytesIO(printed.pdf)).pages[0]
        return page.get_contents().get_data()  # type: ignore[union-attr]

    assert b"2 Tr" in render_modes("zh")  # the bold Chinese headings: fill and stroke
    assert b"2 Tr" not in render_modes("en")  # Helvetica-Bold is a real bold face


def _form_pages(pdf: bytes, form_id: str) -> int:
    return sum(f"Form {form_id} · version" in page for page in pdf_text(pdf))


def test_the_blank_book_holds_several_entry_sheets_of_each_log(new_site_coordinator: Session) -> None:
    one = render_request(new_site_coordinator, PrintRequest(log_entries=1))
    three = render_request(new_site_coordinator, PrintRequest())
    conmed_pages = _form_pages(one.pdf, "conmed")
    assert conmed_pages >= 1
    assert _form_pages(three.pdf, "conmed") == 3 * conmed_pages
    assert _form_pages(three.pdf, "adverse_event") == 3 * _form_pages(one.pdf, "adverse_event")
    assert _form_pages(three.pdf, "labs") == _form_pages(one.pdf, "labs")  # visits are printed once


@pytest.mark.parametrize("request_", [PrintRequest(log_entries=0), PrintRequest(log_entries=21),
                                      PrintRequest(subject_id=RANDOMISED, repeat_no=1)])
def test_a_meaningless_request_is_refused(coordinator: Session, request_: PrintRequest) -> None:
    with pytest.raises(UserInputError):
        check_request(coordinator, request_)


def test_one_audit_row_per_print_job_in_the_casebook_appendix(coordinator: Session) -> None:
    before = len(audit.entries(coordinator.site.db, subject=RANDOMISED))
    first = render_request(coordinator, PrintRequest(subject_id=RANDOMISED))
    record_prints(coordinator, first, "/tmp/first.pdf")
    entries = audit.entries(coordinator.site.db, subject=RANDOMISED, newest_first=False)
    job = entries[before:]
    assert len(job) > 10 and all(e.action == PRINTED_ACTION for e in job)  # one per form (the paper trail)
    assert print_jobs(job) == [job]
    again = render_request(coordinator, PrintRequest(subject_id=RANDOMISED))
    appendix = " ".join(page for page in pdf_text(again.pdf) if "Audit trail" in page)
    assert f"{PRINTED_ACTION} ×{len(job)}" in appendix and f"(#{job[0].seq}–{job[-1].seq})" in appendix
    assert appendix.count("CRF printed") == 1 + sum(  # the job's row, and any print the demo made form by form
        1 for group in print_jobs(entries[:before]) if group[0].action == PRINTED_ACTION)


def test_print_jobs_keep_other_entries_and_separate_jobs_apart() -> None:
    def entry(seq: int, action: str, ts: str, user: str = "coordinator") -> audit.AuditEntry:
        return audit.AuditEntry(seq=seq, ts=f"2026-01-01T{ts}.000000Z", user=user, action=action)

    entries = [entry(1, PRINTED_ACTION, "10:00:00"), entry(2, PRINTED_ACTION, "10:00:01"),
               entry(3, "value entered", "10:00:02"), entry(4, PRINTED_ACTION, "10:00:03"),
               entry(5, PRINTED_ACTION, "11:00:00"), entry(6, PRINTED_ACTION, "11:00:00", user="monitor")]
    assert [[e.seq for e in group] for group in print_jobs(entries)] == [[1, 2], [3], [4], [5], [6]]


def test_a_chinese_casebook_says_the_status_and_the_signature_meaning_in_chinese(demo_site: Path) -> None:
    from crf_desktop.services.signatures import SignTarget, sign

    investigator = login(demo_site, "investigator", DEMO_PASSWORD)
    try:
        signature = sign(investigator, SignTarget(subject_id=RANDOMISED, visit="week4", form="phga"),
                         password=DEMO_PASSWORD)
        cover = prepare(investigator, PrintRequest(subject_id=RANDOMISED, lang="zh")).document.parts[0]
        printed = render_request(investigator, PrintRequest(subject_id=RANDOMISED, visit="week4", form="phga",
                                                            lang="zh"))
    finally:
        investigator.close()
    status = dict((label.en, value) for label, value in cover.subject_lines)["Status"]  # type: ignore[union-attr]
    assert re.match(r"^[\u4e00-\u9fff]", status), status  # 研究中, not "on_study"
    text = squeeze(" ".join(pdf_text(printed.pdf)))
    assert "我已审阅这些数据" in text
    assert squeeze(signature.meaning) in text  # with the English the investigator confirmed


def test_a_blank_pages_qr_code_is_checked_against_its_hash(coordinator: Session) -> None:
    payload: QrPayload = prepare(coordinator, PrintRequest(visit="week4", form="phga")).document.parts[0].qr
    assert verify_qr(coordinator, payload.text()).matches
    forged = payload.text().replace(payload.sha256, "0" * 64)
    verdict = verify_qr(coordinator, forged)
    assert not verdict.matches and "hash" in verdict.message
