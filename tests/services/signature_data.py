"""Records to sign in the signature, paper-trail and lock tests (a consent form, visits that did not take place),
and scans of printed pages with their QR code.

A visit that did not take place needs only its visit information form, which keeps whole visits and casebooks
signable without entering every form of a real visit.
"""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pypdfium2
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from crf_desktop.forms.registry import REGISTRY
from crf_desktop.pdf.content import QrPayload, Reference
from crf_desktop.services import records as rec
from crf_desktop.services.printing import content_hash
from crf_desktop.services.session import Session, login
from crf_desktop.services.subjects import register_subject
from crf_desktop.store import paper
from tests.conftest import USER_PASSWORD, SiteFixture


def as_user(site: SiteFixture, user: str) -> Session:
    return login(site.data_dir, user, USER_PASSWORD)


def consent(session: Session, subject_id: str, *, obtained_by: str = "Dr Wang", complete: bool = True) -> None:
    day = (session.today() - timedelta(days=3)).isoformat()
    outcome = rec.save_record(session, subject_id=subject_id, visit="screening", form_id="consent", raw={
        "consent_version": "2.1", "consent_version_date": "2018-06-01", "consent_date": day,
        "consent_obtained_by": obtained_by, "consent_copy_given": "Y" if complete else ""},
        reason="transcription")
    assert outcome.saved, outcome.refused


def missed_visit(session: Session, subject_id: str, visit: str, reason: str = "SUBJECT") -> None:
    outcome = rec.save_record(session, subject_id=subject_id, visit=visit, form_id="visit_info",
                              raw={"visit_done": "N", "missed_reason": reason}, reason="transcription")
    assert outcome.saved, outcome.refused


def subject_with_consent(site: SiteFixture) -> str:
    """A new subject whose consent form is complete (entered by the coordinator)."""
    session = as_user(site, "coordinator")
    try:
        subject_id = register_subject(session, initials="ZSF", birth_year=1990, sex="F").subject_id
        consent(session, subject_id)
    finally:
        session.close()
    return subject_id


def signable_casebook(site: SiteFixture) -> str:
    """A subject whose screening and week 4 visits did not take place: everything required is complete."""
    session = as_user(site, "coordinator")
    try:
        subject_id = register_subject(session, initials="LMN", birth_year=1988, sex="F").subject_id
        missed_visit(session, subject_id, "screening")
        missed_visit(session, subject_id, "week4")
    finally:
        session.close()
    return subject_id


def qr_text(session: Session, subject_id: str, visit: str, form: str) -> str:
    version, digest = content_hash(session, subject_id, visit, form, 0)
    ref = Reference(study=session.study_id, site=session.site_id, subject=subject_id, visit=visit, form=form,
                    repeat_no=0, form_version=REGISTRY.form(form).version, record_version=version)
    return QrPayload(reference=ref, sha256=digest).text()


def printed(session: Session, subject_id: str, visit: str, form: str) -> str:
    """Record a print of the record as it is now (as the printing service does); the page's QR text."""
    version, digest = content_hash(session, subject_id, visit, form, 0)
    with session.site.db.atomic():
        paper.record_printed(session.site.db, subject_id=subject_id, visit=visit, form=form, repeat_no=0,
                             record_version=version, content_sha256=digest, user=session.user.username, lang="en")
    return qr_text(session, subject_id, visit, form)


def page_pdf(qr_text: str | None) -> bytes:
    """One A4 page with a title, a signature line and (unless None) the QR code, 30 mm wide, top right."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 780, "Informed consent - signed by the investigator")
    page.line(72, 100, 300, 100)
    if qr_text is not None:
        widget = QrCodeWidget(qr_text)
        x0, y0, x1, y1 = widget.getBounds()
        size = 85  # points: 30 mm
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, page, 450, 720)
    page.showPage()
    page.save()
    return buffer.getvalue()


def scan_file(pdf: bytes, path: Path, *, dpi: int = 200) -> Path:
    """``pdf``'s first page as a scanner saves it (format from the suffix: .png or .jpg)."""
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=dpi / 72).to_pil().convert("L")
    document.close()
    image.save(path, quality=90) if path.suffix == ".jpg" else image.save(path)
    return path
