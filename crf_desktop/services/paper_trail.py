"""The paper trail of a record (issue 7 item 7): printed, signed by hand, and the scan of the signed page.

The printing service records each print (:func:`crf_desktop.store.paper.record_printed`). A coordinator then
enters who signed the printed CRF and on which date, and may attach a scan of the signed page (PDF, PNG or JPEG,
at most 20 MB). The scan is kept in the encrypted database with its SHA-256, and the QR code printed on the page
is read back and compared with the record version it was printed from.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped, unused-ignore]
import sqlite_utils
import zxingcpp
from PIL import Image, UnidentifiedImageError

from crf_desktop.core.clock import parse_iso
from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.pdf.content import QrPayload, parse_qr
from crf_desktop.services.printing import content_hash
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import audit, paper, records
from crf_desktop.store.paper import PrintRecord as PrintRecord  # re-exported for the UI
from crf_desktop.store.paper import ScanInfo as ScanInfo
from crf_desktop.store.paper import WetSignature as WetSignature

MAX_SCAN_BYTES = 20 * 1024 * 1024
#: Pages of a PDF scan searched for the QR code (a signed CRF is a few pages; a whole casebook a few dozen).
MAX_PDF_PAGES = 60
RENDER_DPI = 200
_QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
NO_QR = "no QR code found: check the scan is straight and at least 150 dpi"
_MAGIC = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
)


@dataclass(frozen=True, kw_only=True)
class RecordPaper:
    """The paper trail of one record: its prints, hand signatures and scans, oldest first."""

    prints: tuple[PrintRecord, ...]
    wet_signatures: tuple[WetSignature, ...]
    scans: tuple[ScanInfo, ...]


@dataclass(frozen=True, kw_only=True)
class QrCheck:
    """What the scan's QR code says about the record: ``message`` for people, ``matches`` when current."""

    message: str
    matches: bool
    payload: QrPayload | None = None


def _label(form_id: str, repeat_no: int, subject_id: str, visit: str) -> str:
    number = f" #{repeat_no}" if repeat_no else ""
    return f"{REGISTRY.form(form_id).title.en}{number} of {subject_id} at {visit}"


def _record(session: Session, subject_id: str, visit: str, form_id: str, repeat_no: int) -> records.Record:
    get_subject(session, subject_id)
    found = records.get(session.site.db, subject_id=subject_id, visit=visit, form=form_id, repeat_no=repeat_no)
    if found is None:
        raise UserInputError(f"{_label(form_id, repeat_no, subject_id, visit)} has not been entered yet; enter and "
                             "print it before recording its paper signature or scan")
    return found


def _covers(p: PrintRecord, visit: str, form_id: str, repeat_no: int) -> bool:
    return p.visit is None or (p.visit == visit and (p.form is None or (p.form, p.repeat_no) == (form_id, repeat_no)))


def record_paper(session: Session, *, subject_id: str, visit: str, form_id: str, repeat_no: int = 0) -> RecordPaper:
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    db = session.site.db

    def mine(visit_: str | None, form_: str | None, repeat_: int) -> bool:
        return (visit_, form_, repeat_) == (visit, form_id, repeat_no)

    return RecordPaper(
        prints=tuple(p for p in paper.prints_of(db, subject_id) if _covers(p, visit, form_id, repeat_no)),
        wet_signatures=tuple(w for w in paper.wet_signatures_of(db, subject_id)
                             if mine(w.visit, w.form, w.repeat_no)),
        scans=tuple(s for s in paper.scans_of(db, subject_id) if mine(s.visit, s.form, s.repeat_no)),
    )


def mark_wet_signed(session: Session, *, subject_id: str, visit: str, form_id: str, signer_name: str,
                    signed_on: date, repeat_no: int = 0) -> WetSignature:
    """Record that the latest printed copy of a record was signed by hand, by whom and on which date; audited."""
    session.require(Permission.ENTER_DATA)
    _record(session, subject_id, visit, form_id, repeat_no)
    label = _label(form_id, repeat_no, subject_id, visit)
    name = " ".join(signer_name.split())
    if not name:
        raise UserInputError(f"enter the name of the person who signed the printed {label}")
    printed = record_paper(session, subject_id=subject_id, visit=visit, form_id=form_id, repeat_no=repeat_no).prints
    if not printed:
        raise UserInputError(f"no printed copy of {label} is recorded; print it (Print…) and have it signed first")
    latest = printed[-1]
    printed_on = parse_iso(latest.printed_at).astimezone().date()
    if signed_on > session.today():
        raise UserInputError(f"the signature date {signed_on.isoformat()} is in the future; enter the date written "
                             "next to the signature")
    if signed_on < printed_on:
        raise UserInputError(f"the signature date {signed_on.isoformat()} is before the page was printed "
                             f"({printed_on.isoformat()}); check the date written next to the signature")
    db = session.site.db
    target = form_id if repeat_no == 0 else f"{form_id}#{repeat_no}"
    with db.atomic():
        signed = paper.insert_wet_signature(db, subject_id=subject_id, visit=visit, form=form_id,
                                            repeat_no=repeat_no, print_id=latest.id,
                                            record_version=latest.record_version, signer_name=name,
                                            signed_on=signed_on.isoformat(), user=session.user.username)
        audit.append(db, user=session.user.username, action="signed on paper", subject=subject_id, visit=visit,
                     form=target, new_value=f"signed by {name} on {signed_on.isoformat()} (print of "
                                            f"{latest.printed_at}, version {latest.record_version})")
    return signed


def _media_type(content: bytes, path: Path) -> tuple[str, str]:
    for magic, media_type, name in _MAGIC:
        if content.startswith(magic):
            return media_type, name
    raise UserInputError(f"the file {path.name} is not a PDF, PNG or JPEG file (its first bytes say otherwise); "
                         "scan the signed page to one of those formats")


def _pages(content: bytes, media_type: str, path: Path) -> list[Image.Image]:
    """The scan as images to search for QR codes (PDF pages rendered at RENDER_DPI)."""
    if media_type != "application/pdf":
        try:
            image = Image.open(io.BytesIO(content))
            image.load()
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise UserInputError(f"the file {path.name} cannot be read as an image ({exc}); scan the page "
                                 "again") from None
        return [image]
    try:
        document = pypdfium2.PdfDocument(content)
    except pypdfium2.PdfiumError as exc:
        raise UserInputError(f"the file {path.name} cannot be read as a PDF ({exc}); scan the page again") from None
    try:
        return [document[i].render(scale=RENDER_DPI / 72).to_pil() for i in range(min(len(document), MAX_PDF_PAGES))]
    finally:
        document.close()


def read_qr_codes(content: bytes, media_type: str, path: Path) -> list[str]:
    """The text of every QR code found on the scan, page by page."""
    found: list[str] = []
    for page in _pages(content, media_type, path):
        found += [code.text for code in zxingcpp.read_barcodes(page, formats=_QR)]
    return found


def check_qr(session: Session, record: records.Record, texts: list[str]) -> QrCheck:
    """Compare the QR codes of a scan with the record it is attached to; UserInputError when it is another's."""
    ours: list[QrPayload] = []
    for text in texts:
        try:
            ours.append(parse_qr(text))
        except ValueError:
            continue
    if not ours:
        return QrCheck(message=NO_QR, matches=False)
    wanted = (session.study_id, session.site_id, record.subject_id, record.visit, record.form, record.repeat_no)
    same = [p for p in ours if (p.reference.study, p.reference.site, p.reference.subject, p.reference.visit,
                                p.reference.form, p.reference.repeat_no) == wanted]
    if not same:
        ref = ours[0].reference
        raise UserInputError(
            f"the scan's QR code is for study {ref.study}, site {ref.site}, subject {ref.subject}, visit "
            f"{ref.visit or '-'}, form {ref.form}; attach it to that record, not to "
            f"{_label(record.form, record.repeat_no, record.subject_id, record.visit)}")
    payload = max(same, key=lambda p: p.reference.record_version)
    version = payload.reference.record_version
    if version > record.version:
        raise UserInputError(f"the scan's QR code names version {version} but the record only has version "
                             f"{record.version}: the page was not printed from this site's database")
    if version < record.version:
        return QrCheck(message=f"printed from version {version}; the record is now version {record.version}",
                       matches=False, payload=payload)
    _current_version, digest = content_hash(session, record.subject_id, record.visit, record.form, record.repeat_no)
    if digest != payload.sha256:
        return QrCheck(message=f"the QR code names version {version}, but the printed content's hash differs from "
                               "that version's: the page does not show the data in the database", matches=False,
                       payload=payload)
    return QrCheck(message=f"matches version {version}", matches=True, payload=payload)


def attach_scan(session: Session, *, subject_id: str, visit: str, form_id: str, path: Path,
                repeat_no: int = 0) -> tuple[ScanInfo, QrCheck]:
    """Attach the scan of a signed page to its record: checked, hashed, stored encrypted, audited."""
    session.require(Permission.ENTER_DATA)
    record = _record(session, subject_id, visit, form_id, repeat_no)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UserInputError(f"{path} is not a file; choose the scanned PDF, PNG or JPEG file")
        if size > MAX_SCAN_BYTES:
            raise UserInputError(f"the file {path.name} is {size / 1024 / 1024:.1f} MB; a scan may be at most "
                                 f"{MAX_SCAN_BYTES // 1024 // 1024} MB: scan at 150-300 dpi in grey scale")
        content = path.read_bytes()
    except FileNotFoundError:
        raise UserInputError(f"the file {path} does not exist; choose the scanned file again") from None
    except OSError as exc:
        raise UserInputError(f"the file {path} cannot be read ({exc.strerror}); copy it to this computer and try "
                             "again") from None
    if not content:
        raise UserInputError(f"the file {path.name} is empty; scan the page again")
    media_type, _kind = _media_type(content, path)
    qr = check_qr(session, record, read_qr_codes(content, media_type, path))
    digest = hashlib.sha256(content).hexdigest()
    db = session.site.db
    target = form_id if repeat_no == 0 else f"{form_id}#{repeat_no}"
    with db.atomic():
        scan = paper.insert_scan(
            db, subject_id=subject_id, visit=visit, form=form_id, repeat_no=repeat_no, file_name=path.name,
            media_type=media_type, content=content, sha256=digest,
            qr_text=qr.payload.text() if qr.payload else None,
            qr_record_version=qr.payload.reference.record_version if qr.payload else None,
            record_version=record.version, qr_result=qr.message, user=session.user.username)
        audit.append(db, user=session.user.username, action="scan attached", subject=subject_id, visit=visit,
                     form=target, new_value=f"{path.name} ({media_type}, {len(content)} bytes, sha256 {digest}): "
                                            f"{qr.message}")
    return scan, qr


def scan_content(session: Session, scan: ScanInfo) -> bytes:
    """A stored scan's bytes, checked against the SHA-256 taken when it was attached."""
    session.require(Permission.VIEW_DATA)
    content = paper.scan_content(session.site.db, scan.id)
    if content is None or hashlib.sha256(content).hexdigest() != scan.sha256:
        raise UserInputError(f"the stored scan {scan.file_name} does not match its SHA-256; run verify")
    return content


def scan_problems(db: sqlite_utils.Database) -> tuple[int, list[str]]:
    """Recompute the SHA-256 of every attached scan (``verify``): (how many, mismatches described)."""
    problems: list[str] = []
    count = 0
    for scan_id, subject_id, file_name, stored, content in db.execute(
        "SELECT id, subject_id, file_name, sha256, content FROM scans ORDER BY id"
    ):
        count += 1
        if hashlib.sha256(bytes(content)).hexdigest() != stored:
            problems.append(f"scan {scan_id} ({file_name}, subject {subject_id}) no longer matches the SHA-256 "
                            "taken when it was attached: it was changed outside the application")
    return count, problems
