"""Chinese and bilingual CRFs (issue 7 item 4): Chinese labels present and extractable, set in the bundled
Droid Sans Fallback embedded as a subset (never the non-embedded STSong-Light)."""

from __future__ import annotations

import io

import pypdf
import pytest

from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.printing import PrintRequest, render_request
from crf_desktop.services.session import Session
from tests.pdf.conftest import RANDOMISED, pdf_text, squeeze


def fonts_of(pdf: bytes) -> dict[str, dict[str, object]]:
    """Each font of the document by base name: whether its file is embedded, and its subset tag."""
    found: dict[str, dict[str, object]] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for ref in (fonts.get_object().values() if fonts is not None else []):
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(k in descriptor.get_object()
                                                      for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[name.split("+")[-1]] = {"embedded": embedded, "subset": "+" in name}
    return found


@pytest.mark.parametrize("lang", ["zh", "both"])
def test_chinese_labels_are_printed_in_the_embedded_subset_font(new_site_coordinator: Session, lang: str) -> None:
    form = REGISTRY.form("demographics")
    printed = render_request(new_site_coordinator, PrintRequest(form=form.id, lang=lang))
    text = squeeze(" ".join(pdf_text(printed.pdf)))
    assert squeeze(form.title.zh) in text
    for field in form.fields:
        assert squeeze(field.label.zh) in text, field.id
    if lang == "both":
        assert all(squeeze(f.label.en) in text for f in form.fields)
        assert squeeze("Page 1 of") in text and squeeze("第 1 页") in text
    fonts = fonts_of(printed.pdf)
    assert fonts["DroidSansFallback"] == {"embedded": True, "subset": True}
    assert not any("STSong" in name for name in fonts)


def test_a_chinese_casebook_prints_values_and_the_chart(coordinator: Session) -> None:
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="week4", lang="zh"))
    text = squeeze(" ".join(pdf_text(printed.pdf)))
    assert squeeze("第 1 页，共") in text and squeeze("受试者 01-003") in text
    assert squeeze(REGISTRY.form("labs").title.zh) in text


@pytest.mark.parametrize(("lang", "printed_term"), [
    ("zh", "上呼吸道感染 (10046300)"),
    ("both", "Upper respiratory infection / 上呼吸道感染 (10046300)"),
    ("en", "Upper respiratory infection (10046300)"),
])
def test_an_adverse_event_prints_its_ctcae_term_in_the_page_language(coordinator: Session, lang: str,
                                                                     printed_term: str) -> None:
    # 01-003's demo AE: an upper respiratory infection (CTCAE v4.03, MedDRA 10046300; Chinese label from
    # forms/ctcae/labels.py); the stored value is the code, printed after the term's name
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="adverse_events",
                                                       form="adverse_event", repeat_no=1, lang=lang))
    assert squeeze(printed_term) in squeeze(" ".join(pdf_text(printed.pdf)))


@pytest.mark.parametrize(("lang", "printed_soc", "not_printed"), [
    ("zh", "感染及侵染类疾病", "Infections and infestations"),
    ("both", "Infections and infestations / 感染及侵染类疾病", None),
    ("en", "Infections and infestations", "感染及侵染类疾病"),
])
def test_an_adverse_events_derived_term_and_system_organ_class_follow_the_page_language(
        coordinator: Session, lang: str, printed_soc: str, not_printed: str | None) -> None:
    # The term's name and its MedDRA SOC are derived and stored in English; a Chinese page prints them in
    # Chinese (the official Chinese MedDRA name of the SOC "Infections and infestations" is 感染及侵染类疾病).
    printed = render_request(coordinator, PrintRequest(subject_id=RANDOMISED, visit="adverse_events",
                                                       form="adverse_event", repeat_no=1, lang=lang))
    text = squeeze(" ".join(pdf_text(printed.pdf)))
    assert squeeze(printed_soc) in text
    if not_printed is not None:
        assert squeeze(not_printed) not in text
    if lang == "zh":
        assert squeeze("Upper respiratory infection") not in text  # neither the term's row nor its code's
