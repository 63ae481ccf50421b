"""Filled CRFs and the casebook (issue 7 item 2): values with units and laboratory flags, empty required fields
shown empty, every visit and log entry, derived outcomes, the trend chart, the audit appendix; never the arm."""

from __future__ import annotations

from pathlib import Path

from crf_desktop.forms.registry import REGISTRY
from crf_desktop.pdf.fonts import printable
from crf_desktop.pdf.form_part import value_text
from crf_desktop.services import records
from crf_desktop.services.lab_ranges import Flag, lab_flags
from crf_desktop.services.printing import PrintRequest, render_request
from crf_desktop.services.randomisation import unblind
from crf_desktop.services.session import Session, login
from tests.pdf.conftest import ARM_CODE, ARM_WORDS, DEMO_PASSWORD, RANDOMISED, SCREENING_SUBJECT, pdf_text


def test_a_filled_form_shows_every_value_with_its_unit_and_the_lab_flags(coordinator: Session) -> None:
    record = records.get_record(coordinator, subject_id=RANDOMISED, visit="screening", form_id="labs")
    assert record is not None
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="screening", form="labs"))
    pages = pdf_text(printed.pdf)
    text = " ".join(pages)
    assert all(f"Page {n} of {len(pages)}" in p and f"Subject {RANDOMISED}" in p for n, p in enumerate(pages, 1))
    assert f"Record version {record.version}" in text
    form = REGISTRY.form("labs")
    shown = [f for f in form.fields if record.data.get(f.id)]
    assert len(shown) > 10
    for field in shown:
        assert printable(value_text(field, record.data[field.id], "en")) in text, field.id
    flags = [f for f in lab_flags(coordinator, RANDOMISED, "screening").values() if f.flag in (Flag.LOW, Flag.HIGH)]
    assert flags  # the demo's screening labs have values outside the laboratory's ranges
    low = sum(f.flag is Flag.LOW for f in flags)
    high = sum(f.flag is Flag.HIGH for f in flags)
    assert text.count("L (below the reference range)") == low
    assert text.count("H (above the reference range)") == high


def test_an_empty_required_field_is_printed_empty_not_left_out(coordinator: Session) -> None:
    # the demo's screening subject lacks the investigator's answer to exclusion 12 (tests/ui/blinding.py)
    record = records.get_record(coordinator, subject_id=SCREENING_SUBJECT, visit="screening",
                                form_id="inclusion_exclusion")
    assert record is not None and not record.data.get("exc12_inv")
    text = " ".join(pdf_text(render_request(coordinator, PrintRequest(
        subject_id=SCREENING_SUBJECT, visit="screening", form="inclusion_exclusion")).pdf))
    label = REGISTRY.form("inclusion_exclusion").field("exc12_inv").label.en
    number = [f.id for f in REGISTRY.form("inclusion_exclusion").fields].index("exc12_inv") + 1
    after = text.split(f"{number}. {printable(label)}", 1)[1]
    assert after.lstrip().startswith("not entered (required)") or "not entered (required)" in after[:400]


def test_the_casebook_holds_every_visit_log_entry_outcomes_chart_and_audit(coordinator: Session) -> None:
    found = records.subject_records(coordinator, RANDOMISED)
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED))
    pages = pdf_text(printed.pdf)
    assert len(pages) == printed.pages
    assert "Subject casebook" in pages[0] and "Randomisation number" in pages[0]
    for record in found:
        title = REGISTRY.form(record.form).title.en
        entry = f"(entry #{record.repeat_no})" if record.repeat_no else ""
        assert any(printable(title) in p and f"Form {record.form} · version" in p and entry in p for p in pages), \
            (record.visit, record.form, record.repeat_no)
    text = " ".join(pages)
    assert "Derived outcomes" in text and "SRI-4" in text
    assert "Disease activity and renal markers over time" in text and "Urine protein/creatinine ratio" in text
    audit_pages = [p for p in pages if "Audit trail" in p and "Old value" in p]
    assert audit_pages
    trail = coordinator.audit_trail(subject=RANDOMISED, limit=100000)
    entered = [e for e in trail if e.action == "value entered"]
    assert " ".join(audit_pages).count("value entered") == len(entered)


def test_the_casebook_never_prints_the_arm_even_after_an_emergency_unblinding(demo_site: Path) -> None:

    investigator = login(demo_site, "investigator", DEMO_PASSWORD)
    try:
        arm = unblind(investigator, RANDOMISED, "Anaphylaxis: the emergency team asks what was given")
        printed = render_request(investigator, PrintRequest(subject_id=RANDOMISED, lang="both"))
    finally:
        investigator.close()
    text = " ".join(pdf_text(printed.pdf))
    assert "emergency unblinding" in text  # the audit appendix shows that it happened
    leaks = [w for w in ARM_WORDS if w.lower() in text.lower()] + ARM_CODE.findall(text)
    assert leaks == []
    assert arm.en not in text and arm.zh not in text


def test_a_signed_form_prints_the_signature_manifestation(demo_site: Path) -> None:
    from crf_desktop.services.signatures import SignTarget, sign

    investigator = login(demo_site, "investigator", DEMO_PASSWORD)
    try:
        signature = sign(investigator, SignTarget(subject_id=RANDOMISED, visit="week4", form="phga"),
                         password=DEMO_PASSWORD)
        printed = render_request(investigator, PrintRequest(subject_id=RANDOMISED, visit="week4", form="phga"))
        record = records.get_record(investigator, subject_id=RANDOMISED, visit="week4", form_id="phga")
        assert record is not None
        raw = dict(record.data)
        raw["phga"] = "1.5" if raw.get("phga") != "1.5" else "1.4"
        assert records.save_record(investigator, subject_id=RANDOMISED, visit="week4", form_id="phga", raw=raw,
                                   reason="Transcription error", expected_version=record.version).saved
        after = render_request(investigator, PrintRequest(subject_id=RANDOMISED, visit="week4", form="phga"))
    finally:
        investigator.close()
    text = " ".join(pdf_text(printed.pdf))
    assert (f"Electronically signed (this form) by {signature.printed_name} (Investigator) at "
            f"{signature.signed_at.replace('T', ' ')[:19]} UTC") in text
    assert signature.meaning in text
    assert "No longer valid" not in text
    assert "No longer valid: the data changed after signing" in " ".join(pdf_text(after.pdf))


def test_the_casebook_prints_a_linked_log_form_only_where_it_exists(coordinator: Session) -> None:
    """An AE that is not serious has no SAE report: the casebook must not show an empty, "required" one."""
    from crf_desktop.services import records as record_service
    from crf_desktop.services.printing import PrintRequest, render_request

    for subject_id in ("01-003", "01-009"):
        stored = [r for r in record_service.subject_records(coordinator, subject_id) if r.form == "sae_report"]
        aes = [r for r in record_service.subject_records(coordinator, subject_id) if r.form == "adverse_event"]
        printed = render_request(coordinator, PrintRequest(subject_id=subject_id))
        shown = [p.reference for p in printed.shown if p.reference.form in ("sae_report", "adverse_event")]
        assert sorted(r.repeat_no for r in shown if r.form == "sae_report") == sorted(r.repeat_no for r in stored)
        assert sorted(r.repeat_no for r in shown if r.form == "adverse_event") == sorted(r.repeat_no for r in aes)
