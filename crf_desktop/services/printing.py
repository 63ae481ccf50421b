"""Printing CRFs (issue 7 items 1-5; DESIGN.md section 7): blank and filled forms, visits, the blank book, the
subject casebook; the content hash behind each page's QR code; checking a printed page's QR code.

What is printed is gathered here from the store and handed to :mod:`crf_desktop.pdf` as plain data. A print is
recorded (``store.paper.record_printed``, audited) only once the PDF has been written or sent to a printer
(:func:`record_prints`), never for a preview. The randomisation arm is never read: the casebook's cover shows
the randomisation number and nothing else of the assignment.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crf_desktop.core.clock import local_display, parse_iso, utcnow
from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.model import Form, Text
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.pdf.content import QrPayload, Reference, form_values, parse_qr, record_key, sha256_of
from crf_desktop.pdf.document import LANGUAGES, Cancelled, Document, FormPart, Header, Part, Progress
from crf_desktop.pdf.render import render
from crf_desktop.services import print_casebook, study_forms
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import paper, records, users
from crf_desktop.store.records import Record

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["LANGUAGES", "Cancelled", "PrintRequest", "Prepared", "Printed", "Progress", "QrVerdict", "content_hash",
           "prepare", "record_prints", "render_request", "verify_qr", "write_pdf"]

#: The study's title as the registry record gives its subject (NCT03580291: MSC transplantation in lupus
#: nephritis, other study ID 2017001).
STUDY_TITLE = Text(en="Mesenchymal stem cell transplantation in lupus nephritis",
                   zh="间充质干细胞移植治疗狼疮性肾炎")
PROTOCOL_IDS = {"NCT03580291": "NCT03580291 (2017001)"}
#: Blank entry sheets of each log (adverse events, medications) in the blank book: a site on paper needs several.
LOG_ENTRIES = 3
MAX_LOG_ENTRIES = 20
#: Casebook parts that are not form records; their QR code holds the casebook's version and hash.
CASEBOOK_PARTS = frozenset({print_casebook.COVER, print_casebook.OUTCOMES, print_casebook.TREND,
                            print_casebook.AUDIT})


@dataclass(frozen=True, kw_only=True)
class PrintRequest:
    """What to print: blank (``subject_id`` None) or one subject's; a form, a visit (or log), or everything."""

    subject_id: str | None = None
    visit: str | None = None
    form: str | None = None
    repeat_no: int | None = None
    lang: str = "en"
    log_entries: int = LOG_ENTRIES  # the whole blank book: blank entry sheets of each log

    def describe(self) -> str:
        what = "blank " if self.subject_id is None else f"subject {self.subject_id} "
        if self.form is not None:
            what += f"form {self.form}" + (f" at {self.visit}" if self.visit else "")
        elif self.visit is not None:
            what += f"visit {self.visit}"
        else:
            what += "book" if self.subject_id is None else "casebook"
        return f"{what} ({self.lang})"


@dataclass(frozen=True, kw_only=True)
class Printed:
    """A rendered PDF, and the records it shows (recorded as printed once it is written)."""

    request: PrintRequest
    pdf: bytes
    pages: int
    shown: tuple[QrPayload, ...]


@dataclass(frozen=True, kw_only=True)
class QrVerdict:
    matches: bool
    message: str


# -- checking a request ---------------------------------------------------------------------------------
def _visit_forms(visit: str) -> tuple[str, ...]:
    try:
        return REGISTRY.schedule.visit(visit).forms
    except KeyError:
        pass
    try:
        return REGISTRY.schedule.log(visit).forms
    except KeyError:
        codes = [v.code for v in REGISTRY.schedule.visits] + [log.code for log in REGISTRY.schedule.logs]
        raise UserInputError(f"there is no visit or log {visit!r}; choose one of: {', '.join(codes)}") from None


def check_request(session: Session, request: PrintRequest) -> None:
    """Refuse an unknown language, visit, form or subject, naming it."""
    if request.lang not in LANGUAGES:
        raise UserInputError(f"language {request.lang!r}: choose one of {', '.join(LANGUAGES)}")
    if request.form is not None:
        try:
            REGISTRY.form(request.form)
        except KeyError as exc:
            raise UserInputError(str(exc.args[0])) from None
    if request.visit is not None and request.form is not None and request.form not in _visit_forms(request.visit):
        raise UserInputError(f"form {request.form!r} is not part of {request.visit!r}; its forms are: "
                             f"{', '.join(_visit_forms(request.visit))}")
    if request.visit is not None:
        _visit_forms(request.visit)
    if not 1 <= request.log_entries <= MAX_LOG_ENTRIES:
        raise UserInputError(f"{request.log_entries} blank entry sheets per log: give a number from 1 to "
                             f"{MAX_LOG_ENTRIES}")
    if request.subject_id is not None:
        get_subject(session, request.subject_id)
        if request.repeat_no is not None and request.form is None:
            raise UserInputError("an entry number picks one entry of a log form; name the form too (e.g. --visit "
                                 "adverse_events --form adverse_event --entry 2)")
    elif request.repeat_no:
        raise UserInputError("an entry number only applies to a subject's log; a blank form has no entries")


# -- references and hashes --------------------------------------------------------------------------------
def _form_reference(session: Session, subject_id: str, visit: str, form: Form, repeat_no: int,
                    record: Record | None) -> Reference:
    return Reference(study=session.study_id, site=session.site_id, subject=subject_id, visit=visit, form=form.id,
                     repeat_no=repeat_no, form_version=record.form_version if record else form.version,
                     record_version=record.version if record else 0)


def _form_payload(session: Session, subject_id: str, visit: str, form: Form, repeat_no: int,
                  record: Record | None) -> QrPayload:
    ref = _form_reference(session, subject_id, visit, form, repeat_no, record)
    return QrPayload(reference=ref, sha256=sha256_of(ref, form_values(form, record.data if record else None)))


def scope_payload(session: Session, subject_id: str, found: list[Record], *, visit: str = "",
                  part: str = print_casebook.COVER) -> QrPayload:
    """The QR payload of a casebook (or visit) part: its version is the sum of the record versions it covers (it
    grows with every save), its hash covers each record's version and values."""
    chosen = sorted((r for r in found if not visit or r.visit == visit), key=lambda r: (r.visit, r.form,
                                                                                        r.repeat_no))
    ref = Reference(study=session.study_id, site=session.site_id, subject=subject_id, visit=visit, form=part,
                    record_version=sum(r.version for r in chosen))
    values = {record_key(r.visit, r.form, r.repeat_no): {"version": r.version, "values": r.data} for r in chosen}
    return QrPayload(reference=ref, sha256=sha256_of(ref, values))


def content_hash(session: Session, subject_id: str, visit: str | None, form: str | None,
                 repeat_no: int = 0) -> tuple[int, str]:
    """(record version, SHA-256 of the printed content) of a form record as it is now, or of a visit (form
    None) or the casebook (visit None, or a casebook part's name as ``form``), exactly as a page prints it."""
    session.require(Permission.VIEW_DATA)
    db = session.site.db
    if visit and form and form not in CASEBOOK_PARTS:
        declared = REGISTRY.form(form)
        record = records.get(db, subject_id=subject_id, visit=visit, form=form, repeat_no=repeat_no)
        payload = _form_payload(session, subject_id, visit, declared, repeat_no, record)
    else:
        payload = scope_payload(session, subject_id, records.for_subject(db, subject_id), visit=visit or "",
                                part=form or print_casebook.COVER)
    return payload.reference.record_version, payload.sha256


# -- building documents -----------------------------------------------------------------------------------
def _header(session: Session, lang: str) -> Header:
    user = session.user
    return Header(study_title=STUDY_TITLE, study_id=session.study_id,
                  protocol_no=PROTOCOL_IDS.get(session.study_id, session.study_id), site_id=session.site_id,
                  printed_by=f"{user.full_name} ({user.username})", printed_at=utcnow(), lang=lang)


def _blank_part(session: Session, visit: str, form: Form) -> FormPart:
    return FormPart(qr=_form_payload(session, "", visit, form, 0, None),
                    visit_label=print_casebook.visit_label(visit), form=form)


def blank_parts(session: Session, request: PrintRequest) -> list[Part]:
    """A form, a visit's forms, or the whole book: cover, every visit's forms, ``log_entries`` entry sheets of
    each log form."""
    if request.form is not None:
        form = study_forms.form_for(session, request.form)
        holders = [v.code for v in REGISTRY.schedule.visits if form.id in v.forms]
        holders += [g.code for g in REGISTRY.schedule.logs if form.id in g.forms]
        visit = request.visit or (holders[0] if holders else "")
        return [_blank_part(session, visit, form)]
    if request.visit is not None:
        return [_blank_part(session, request.visit, study_forms.form_for(session, f))
                for f in _visit_forms(request.visit)]
    parts: list[Part] = [print_casebook.blank_cover(session, scope_payload(session, "", []))]
    for scheduled in REGISTRY.schedule.visits:
        parts += [_blank_part(session, scheduled.code, study_forms.form_for(session, f)) for f in scheduled.forms]
    for log in REGISTRY.schedule.logs:  # several entry sheets of each log form, one after the other
        parts += [_blank_part(session, log.code, study_forms.form_for(session, f)) for f in log.forms
                  for _sheet in range(request.log_entries)]
    return parts


def filled_form_parts(session: Session, subject_id: str, visit: str, form: Form, found: Mapping[tuple[str, str, int],
                      Record], lang: str, repeat_no: int | None = None) -> list[FormPart]:
    """One form of a visit as printed: the record, or each entry of a repeating form (an empty one when none)."""
    repeatable = any(v.code == visit and v.repeatable for v in REGISTRY.schedule.visits)  # unscheduled visits
    if form.repeating or repeatable:
        numbers = sorted(n for (v, f, n) in found if v == visit and f == form.id and (n > 0 or repeatable))
        if repeat_no is not None:
            if repeat_no not in numbers:
                raise UserInputError(f"subject {subject_id} has no {form.id} entry #{repeat_no} at {visit}; its "
                                     f"entries are: {', '.join(map(str, numbers)) or 'none'}")
            numbers = [repeat_no]
        numbers = numbers or [1 if form.repeating else 0]
    else:
        numbers = [0]
    return [print_casebook.filled_part(session, subject_id, visit, form, n, found.get((visit, form.id, n)),
                                       _form_payload(session, subject_id, visit, form, n,
                                                     found.get((visit, form.id, n))))
            for n in numbers]


def filled_parts(session: Session, request: PrintRequest) -> list[Part]:
    assert request.subject_id is not None  # noqa: S101 - the caller checked
    subject_id, lang = request.subject_id, request.lang
    all_records = records.for_subject(session.site.db, subject_id)
    found = {(r.visit, r.form, r.repeat_no): r for r in all_records}
    if request.form is not None:
        form = study_forms.form_for(session, request.form)
        visit = request.visit or next((v for (v, f, _n) in found if f == form.id), "")
        if not visit:
            raise UserInputError(f"subject {subject_id} has no {form.id} record yet; name the visit with --visit")
        return list(filled_form_parts(session, subject_id, visit, form, found, lang, request.repeat_no))
    if request.visit is not None:
        return [part for f in print_casebook.visit_forms(session, subject_id, request.visit, found)
                for part in filled_form_parts(session, subject_id, request.visit, study_forms.form_for(session, f),
                                              found, lang)]
    return print_casebook.casebook_parts(session, subject_id, all_records, found, lang,
                                         lambda visit, form: filled_form_parts(session, subject_id, visit, form,
                                                                               found, lang),
                                         lambda part: scope_payload(session, subject_id, all_records, part=part))


@dataclass(frozen=True, kw_only=True)
class Prepared:
    """A print job with its data read from the database (on the thread that owns the session); rendering it
    touches no database and may run on another thread."""

    request: PrintRequest
    document: Document

    def render(self, progress: Progress | None = None) -> Printed:
        """The PDF; :class:`Cancelled` when ``progress`` returns False."""
        pdf, pages = render(self.document, progress)
        return Printed(request=self.request, pdf=pdf, pages=pages, shown=tuple(p.qr for p in self.document.parts))


def prepare(session: Session, request: PrintRequest) -> Prepared:
    """Check ``request`` and gather what it prints."""
    session.require(Permission.PRINT)
    check_request(session, request)
    header = _header(session, request.lang)
    if request.subject_id is None:
        return Prepared(request=request, document=Document(header=header, parts=tuple(blank_parts(session, request))))
    whole = request.visit is None and request.form is None
    signatures = print_casebook.casebook_signatures(session, request.subject_id) if whole else ()
    return Prepared(request=request, document=Document(header=header, parts=tuple(filled_parts(session, request)),
                                                       signatures=signatures))


def render_request(session: Session, request: PrintRequest, progress: Progress | None = None) -> Printed:
    """Prepare and render ``request`` at once (nothing recorded yet: see :func:`record_prints`)."""
    return prepare(session, request).render(progress)


def record_prints(session: Session, printed: Printed, where: str) -> None:
    """Record that ``printed`` went to paper or a file (``where``): each filled record shown, with its version
    and hash (``store.paper``: a row and an audit entry each), or one audit entry for a blank print."""
    request = printed.request
    db = session.site.db
    with db.atomic():
        if request.subject_id is None:
            session.record("blank CRF printed", visit=request.visit, form=request.form,
                           new_value=f"{printed.pages} pages, {request.lang}, to {where}")
            return
        for payload in printed.shown:
            ref = payload.reference
            is_form = ref.form not in CASEBOOK_PARTS
            if not is_form and ref.form != print_casebook.COVER:
                continue  # the casebook as a whole is recorded once, with its cover
            paper.record_printed(db, subject_id=request.subject_id, visit=ref.visit or None,
                                 form=ref.form if is_form else None, repeat_no=ref.repeat_no,
                                 record_version=ref.record_version or None, content_sha256=payload.sha256,
                                 user=session.user.username, lang=request.lang)


def write_pdf(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, renamed when complete."""
    check_output(path)
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
    except OSError as exc:
        raise UserInputError(f"cannot write {path}: {exc.strerror or exc}; choose a folder you may write to") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def check_output(path: Path) -> None:
    """Refuse an output path that cannot be written, before any work is done."""
    folder = path.parent
    if not folder.is_dir():
        raise UserInputError(f"cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise UserInputError(f"cannot write {path}: it is a folder; give a file name ending in .pdf")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UserInputError(f"cannot write {path}: permission denied; choose a folder you may write to")


# -- checking a printed page ------------------------------------------------------------------------------
def _who_when(session: Session, record: Record) -> str:
    user = users.get(session.site.db, record.updated_by)
    name = user.full_name if user is not None else record.updated_by
    return f"changed by {name} ({record.updated_by}) at {local_display(parse_iso(record.updated_at))}"


def verify_qr(session: Session, text: str) -> QrVerdict:
    """Whether a printed page's QR text matches the record as it is now."""
    session.require(Permission.VIEW_DATA)
    try:
        payload = parse_qr(text)
    except ValueError as exc:
        raise UserInputError(str(exc)) from None
    ref = payload.reference
    if (ref.study, ref.site) != (session.study_id, session.site_id):
        raise UserInputError(f"the page was printed for study {ref.study}, site {ref.site}; this is study "
                             f"{session.study_id}, site {session.site_id}")
    if not ref.subject:
        return _verify_blank(session, payload)
    get_subject(session, ref.subject)
    version, digest = content_hash(session, ref.subject, ref.visit or None, ref.form, ref.repeat_no)
    what = f"{ref.subject}, {ref.visit or 'casebook'}, {ref.form}" + (f" #{ref.repeat_no}" if ref.repeat_no else "")
    if version == ref.record_version and digest == payload.sha256:
        return QrVerdict(matches=True, message=f"{what}: matches version {version}")
    db = session.site.db
    if ref.visit and ref.form not in CASEBOOK_PARTS:
        latest = records.get(db, subject_id=ref.subject, visit=ref.visit, form=ref.form, repeat_no=ref.repeat_no)
    else:
        found = [r for r in records.for_subject(db, ref.subject) if not ref.visit or r.visit == ref.visit]
        latest = max(found, key=lambda r: r.updated_at, default=None)
    changed = f", {_who_when(session, latest)}" if latest is not None else ""
    if latest is not None and ref.form not in CASEBOOK_PARTS and ref.record_version is not None \
            and _data_unchanged_since(db, latest, ref.record_version):
        # a monitor's source-data verification (or a status change) makes a new version with the same data: the
        # paper page still shows what the database holds, so the hand signature on it stands
        return QrVerdict(matches=True, message=f"{what}: the data are unchanged since the page was printed "
                                               f"(version {ref.record_version}; now version {version}, "
                                               f"{latest.status.value}{changed})")
    if version == ref.record_version:
        return QrVerdict(matches=False, message=f"{what}: does not match version {version}: the printed content's "
                                                "hash differs from the database's; the page was not printed from "
                                                "this record")
    return QrVerdict(matches=False, message=f"{what}: does not match the current version: printed from version "
                                            f"{ref.record_version}, now version {version}{changed}")


def _data_unchanged_since(db: Database, latest: Record, printed_version: int) -> bool:
    """Whether the record's values and form version are the same now as in ``printed_version``."""
    then = next((v for v in records.versions(db, latest.id) if v.version == printed_version), None)
    return then is not None and then.data == latest.data and then.form_version == latest.form_version


def _verify_blank(session: Session, payload: QrPayload) -> QrVerdict:
    ref = payload.reference
    try:
        form = study_forms.form_for(session, ref.form)
    except KeyError:
        raise UserInputError(f"the blank page is of form {ref.form!r}, which this version of crf-desktop does not "
                             "know") from None
    if form.version == ref.form_version and payload.sha256 != _form_payload(session, "", ref.visit, form, 0,
                                                                            None).sha256:
        return QrVerdict(matches=False, message=f"blank {form.id}: does not match: the QR code's hash is not that "
                                                f"of a blank {form.id} (version {form.version}) at {ref.visit or '?'}"
                                                "; the code was altered or not printed by crf-desktop")
    if form.version == ref.form_version:
        return QrVerdict(matches=True, message=f"blank {form.id}: matches form version {form.version}")
    return QrVerdict(matches=False, message=f"blank {form.id}: does not match the current version: printed from "
                                            f"form version {ref.form_version}, now version {form.version}")
