"""Printing an SAE report (issue 6 item 4): the AE record and its SAE report record, as
:func:`crf_desktop.forms.ctcae.sae_report.sae_report` assembles them, drawn by :mod:`crf_desktop.pdf.sae_report`.

The result is an ordinary :class:`~crf_desktop.services.printing.Printed`: the print preview shows it, and
writing or printing it records the print like any form's (``printing.record_prints``: the SAE report record's
version and content hash, audited). The page's QR code is the SAE report record's, exactly as the generic form
print makes it (``printing.content_hash``), so "Check a printed page…" recognises it.
"""

from __future__ import annotations

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.ctcae.sae_report import sae_report
from crf_desktop.forms.library import adverse_event
from crf_desktop.forms.library import sae_report as report_form
from crf_desktop.forms.validation import validate
from crf_desktop.pdf.content import QrPayload, Reference
from crf_desktop.pdf.document import LANGUAGES
from crf_desktop.pdf.sae_report import render_sae_report, sae_report_part
from crf_desktop.services.adverse_events import AE_LOG
from crf_desktop.services.printing import Printed, PrintRequest, _header, content_hash
from crf_desktop.services.records import validation_context
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import records as store


def print_sae_report(session: Session, *, subject_id: str, ae_no: int, lang: str = "en") -> Printed:
    """The PDF of the SAE report of adverse event #``ae_no``; nothing is recorded until it is written or printed.

    UserInputError naming what is missing: an unknown subject or language, an AE that is not serious, or a
    report not saved yet.
    """
    session.require(Permission.PRINT)
    if lang not in LANGUAGES:
        raise UserInputError(f"language {lang!r}: use one of {', '.join(LANGUAGES)}")
    get_subject(session, subject_id)
    db = session.site.db
    ae = store.get(db, subject_id=subject_id, visit=AE_LOG, form=adverse_event.FORM_ID, repeat_no=ae_no)
    if ae is None or ae.data.get("ae_serious") != "Y":
        raise UserInputError(f"adverse event #{ae_no} of {subject_id} is not a serious adverse event: it has no SAE "
                             "report to print")
    report = store.get(db, subject_id=subject_id, visit=AE_LOG, form=report_form.FORM_ID, repeat_no=ae_no)
    if report is None:
        raise UserInputError(f"the SAE report of adverse event #{ae_no} of {subject_id} is not saved yet: fill it "
                             "in and save it, then print it")
    context = validation_context(session, subject_id)
    content = sae_report(validate(adverse_event.FORM, ae.data, context).values, subject_id=subject_id,
                         report=validate(report_form.FORM, report.data, context).values)
    version, sha256 = content_hash(session, subject_id, AE_LOG, report_form.FORM_ID, ae_no)
    qr = QrPayload(reference=Reference(study=session.study_id, site=session.site_id, subject=subject_id,
                                       visit=AE_LOG, form=report_form.FORM_ID, repeat_no=ae_no,
                                       form_version=report.form_version, record_version=version), sha256=sha256)
    header = _header(session, lang)  # the same page header as every printed form
    pdf, pages = render_sae_report(header, sae_report_part(content, qr=qr, lang=lang, ae_no=ae_no,
                                                           ae_version=ae.version))
    request = PrintRequest(subject_id=subject_id, visit=AE_LOG, form=report_form.FORM_ID, repeat_no=ae_no, lang=lang)
    return Printed(request=request, pdf=pdf, pages=pages, shown=(qr,))
