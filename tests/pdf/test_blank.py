"""Blank CRFs (issue 7 item 1): every form's labels, units and ranges, boxes sized from the declaration, relevance
printed as an instruction, the page frame (protocol, page X of Y), and the whole book covering every form."""

from __future__ import annotations

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.forms.conditions import instruction
from crf_desktop.forms.library import demographics, labs, phga
from crf_desktop.forms.model import FieldType, Form
from crf_desktop.forms.registry import REGISTRY, all_forms
from crf_desktop.pdf.fonts import printable
from crf_desktop.pdf.form_part import Digits, digits
from crf_desktop.services.printing import PrintRequest, render_request
from crf_desktop.services.session import Session
from tests.pdf.conftest import pdf_text


def test_digit_boxes_follow_the_hard_range_and_precision() -> None:
    assert digits(phga.FORM.field("phga")) == Digits(sign=False, whole=1, decimals=1)  # 0-3, one decimal
    assert digits(demographics.FORM.field("age_reported")) == Digits(sign=False, whole=3, decimals=0)  # 0-120
    assert digits(labs.FORM.field("prot24h_in_g")) == Digits(sign=False, whole=2, decimals=2)  # 0-50 g/24 h


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.id)
def test_each_blank_form_prints_its_labels_units_and_frame(new_site_coordinator: Session, form: Form) -> None:
    printed = render_request(new_site_coordinator, PrintRequest(form=form.id))
    pages = pdf_text(printed.pdf)
    assert len(pages) == printed.pages >= 1
    text = " ".join(pages)
    assert pages[0].count(f"Page 1 of {printed.pages}") == 1
    assert all(f"Page {n} of {printed.pages}" in page for n, page in enumerate(pages, 1))
    assert all("Protocol NCT03580291" in page and "Site 01" in page for page in pages)
    assert f"Form {form.id} · version {form.version}" in text
    assert "BLANK CRF" in text
    for number, field in enumerate(form.fields, 1):
        assert f"{number}. {printable(field.label.en)}" in text, field.id
        unit = printable(field.unit.en) if field.unit is not None else ""
        if unit and field.type in (FieldType.INTEGER, FieldType.DECIMAL):
            assert unit in text, field.id
        if field.hard_range is not None and field.type in (FieldType.INTEGER, FieldType.DECIMAL):
            assert field.hard_range.describe(unit) in text, field.id
        for option in field.options():
            assert f"({option.code})" in text, (field.id, option.code)


def test_relevance_is_printed_as_an_instruction(new_site_coordinator: Session) -> None:
    """A pregnancy test only for women of childbearing potential: the condition is printed where it applies."""
    for form_id in ("pregnancy_test", "demographics", "visit_info"):
        form = REGISTRY.form(form_id)
        text = " ".join(pdf_text(render_request(new_site_coordinator, PrintRequest(form=form_id)).pdf))
        conditional = [f for f in form.fields if f.relevant is not None]
        assert conditional, form_id
        for field in conditional:
            assert printable(f"Complete {instruction(field.relevant, form).en}") in text, field.id


def test_dates_have_day_month_year_boxes(new_site_coordinator: Session) -> None:
    text = " ".join(pdf_text(render_request(new_site_coordinator, PrintRequest(form="visit_info")).pdf))
    assert "DD MMM YYYY" in text


def test_the_blank_book_covers_every_visit_and_every_form(new_site_coordinator: Session) -> None:
    printed = render_request(new_site_coordinator, PrintRequest())
    pages = pdf_text(printed.pdf)
    assert "Case report form book" in pages[0] and "Subject number" in pages[0]
    text = " ".join(pages)
    for visit in REGISTRY.schedule.visits:
        for form_id in visit.forms:
            form = REGISTRY.form(form_id)
            assert any(f"Visit {visit.label.en}" in p and f"Form {form_id} · version" in p for p in pages), \
                (visit.code, form_id)
    for form in all_forms():
        assert f"Form {form.id} · version {form.version}" in text
    assert len(pages) == printed.pages


def test_a_visit_prints_its_forms_in_order(new_site_coordinator: Session) -> None:
    pages = pdf_text(render_request(new_site_coordinator, PrintRequest(visit="week4")).pdf)
    seen: list[str] = []
    for page in pages:
        for form_id in REGISTRY.schedule.visit("week4").forms:
            if f"Form {form_id} · version" in page and form_id not in seen:
                seen.append(form_id)
    assert seen == list(REGISTRY.schedule.visit("week4").forms)


def test_unknown_visit_or_form_is_refused_by_name(new_site_coordinator: Session) -> None:
    with pytest.raises(UserInputError, match="week5"):
        render_request(new_site_coordinator, PrintRequest(visit="week5"))
    with pytest.raises(UserInputError, match="nosuchform"):
        render_request(new_site_coordinator, PrintRequest(form="nosuchform"))
    with pytest.raises(UserInputError, match="not part of"):
        render_request(new_site_coordinator, PrintRequest(visit="screening", form="msc_infusion"))
    with pytest.raises(UserInputError, match="klingon"):
        render_request(new_site_coordinator, PrintRequest(lang="klingon"))


def test_a_job_stops_when_the_progress_callback_says_cancel(new_site_coordinator: Session) -> None:
    from crf_desktop.services.printing import Cancelled, prepare

    prepared = prepare(new_site_coordinator, PrintRequest(visit="baseline"))
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(Cancelled):
        prepared.render(progress)
    assert seen == [(1, len(prepared.document.parts)), (2, len(prepared.document.parts))]
    assert prepared.render().pages > 0  # nothing was left half-done: it renders again in full
