"""ODM ``ClinicalData``: subjects down to items, then the audit records, signatures and annotations.

``SubjectData`` > ``StudyEventData`` (per visit; unscheduled visits carry their occurrence as repeat key; each
subject log is one event) > ``FormData`` (repeating forms carry the entry number as repeat key; the record's last
save as its ``AuditRecord``; the current valid signature as its ``Signature``) > ``ItemGroupData`` (one per
section holding data) > ``ItemData`` (answered fields only; a query on a field is an ``Annotation`` on its item).

``AuditRecords`` holds the site audit trails entry by entry: who (``UserRef``), where (``LocationRef``), when,
the reason for change, and in ``SourceID`` what happened (action, subject/visit/form/field, old and new value),
which ODM 1.3.2 has no other element for. ``Signatures`` holds every electronic signature with the SHA-256 of the
signed content as its ``CryptoBindingManifest``; a signature invalidated by a later change is listed there and
named in ``Annotations``, never nested as if it still held.

The element is written as text in pieces (:meth:`ClinicalWriter.chunks`: one subject, or a thousand audit
records, at a time) so that the export never holds the trial as a tree (:mod:`crf_desktop.sync.odm_xml`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from crf_desktop.forms.model import FieldType, Form
from crf_desktop.sync.dataset import AuditRow, QueryRow, RecordRow, SignatureRow, SubjectRow, TrialDataset
from crf_desktop.sync.export_layout import Layout, subject_ids
from crf_desktop.sync.odm_admin import AdminRefs
from crf_desktop.sync.odm_metadata import ARM_ITEM, SUBJECT_EVENT, SUBJECT_FORM, SUBJECT_GROUP, SUBJECT_ITEMS, MetaData
from crf_desktop.sync.odm_names import (
    CENTRE_SITE,
    event_oid,
    form_oid,
    group_oid,
    item_oid,
    location_oid,
    odm_datetime,
    safe,
    user_oid,
)
from crf_desktop.sync.odm_xml import attr, attrs, element, text

_RecordKey = tuple[str, str, str, int]  # subject, visit, form, repeat_no
_AUDIT_CHUNK = 1000  # audit records per piece written


@dataclass(frozen=True, kw_only=True)
class ClinicalCounts:
    """What the clinical data hold."""

    subjects: int
    forms: int
    items: int
    audit_records: int
    signatures: int
    queries: int


class _FormShape:
    """A form's sections and fields, looked up (and their OIDs escaped) once."""

    def __init__(self, form: Form) -> None:
        self.oid = attr(form_oid(form.id))
        self.repeating = form.repeating
        # (escaped group OID, ((escaped item OID, field id, is a time), ...)) per section
        self.sections: list[tuple[str, tuple[tuple[str, str, bool], ...]]] = [
            (attr(group_oid(form.id, s.id)), tuple((attr(item_oid(form.id, f.id)), f.id, f.type is FieldType.TIME)
                                                   for f in s.fields))
            for s in form.sections
        ]


def _query_comment(query: QueryRow) -> str:
    status = f"{query.status}, decided at the centre, waiting for the site" if query.waiting_for_site else query.status
    found = (f"Query {query.query_id} ({status}), raised by {query.raised_by} at {query.raised_at}: "
             f"{query.question}")
    if query.answer is not None:
        found += f" | Answer by {query.answered_by} at {query.answered_at}: {query.answer}"
    if query.closed_by is not None:
        found += f" | Closed by {query.closed_by} at {query.closed_at}"
    return found


def _signature(row: SignatureRow, refs: AdminRefs, signature_id: str | None = None) -> str:
    start = "<Signature>" if signature_id is None else f'<Signature ID="{attr(signature_id)}">'
    return (f'{start}<UserRef UserOID="{attr(user_oid(row.site_id, row.username))}" />'
            f'<LocationRef LocationOID="{attr(location_oid(row.site_id))}" />'
            f'<SignatureRef SignatureOID="{attr(refs.signature_defs[row.meaning])}" />'
            f"{element('DateTimeStamp', None, odm_datetime(row.signed_at, what=f'signature of {row.subject_id}'))}"
            f"{element('CryptoBindingManifest', None, f'sha256:{row.content_sha256}')}</Signature>")


class _Subjects:
    """Writes ``SubjectData`` elements."""

    def __init__(self, dataset: TrialDataset, laid_out: Layout, refs: AdminRefs) -> None:
        self.dataset = dataset
        self.laid_out = laid_out
        self.refs = refs
        self.shapes = {form.id: _FormShape(form) for form in laid_out.forms()}
        self.holders = {h.code: (h.repeatable, attr(event_oid(h.code))) for h in laid_out.holders}
        self.queries: dict[_RecordKey, list[QueryRow]] = defaultdict(list)
        for query in dataset.queries:
            self.queries[(query.subject_id, query.visit, query.form, query.repeat_no)].append(query)
        self.placed_queries: set[str] = set()
        self.valid_signatures: dict[tuple[str, str | None, str | None, int], SignatureRow] = {}
        for signature in sorted(dataset.signatures, key=lambda s: s.signed_at):
            if signature.valid:
                key = (signature.subject_id, signature.visit, signature.form, signature.repeat_no)
                self.valid_signatures[key] = signature
        self.forms = 0
        self.items = 0

    def _signature_at(self, out: list[str], subject: str, visit: str | None, form: str | None,
                      repeat_no: int) -> None:
        found = self.valid_signatures.get((subject, visit, form, repeat_no))
        if found is not None:
            out.append(_signature(found, self.refs))

    def _form_data(self, out: list[str], record: RecordRow) -> None:
        shape = self.shapes[record.form]
        repeat = f' FormRepeatKey="{record.repeat_no}"' if shape.repeating else ""
        saved = odm_datetime(record.saved_at, what=f"record of {record.subject_id}")
        source = (f"{record.form} version {record.form_version}, record version {record.version}, "
                  f"status {record.status}")
        out.append(f'<FormData FormOID="{shape.oid}"{repeat}><AuditRecord>'
                   f'<UserRef UserOID="{attr(user_oid(record.site_id, record.saved_by))}" />'
                   f'<LocationRef LocationOID="{attr(location_oid(record.site_id))}" />'
                   f"{element('DateTimeStamp', None, saved)}{element('SourceID', None, source)}</AuditRecord>")
        self._signature_at(out, record.subject_id, record.visit, record.form, record.repeat_no)
        by_field: dict[str, list[QueryRow]] = defaultdict(list)
        for query in self.queries.get((record.subject_id, record.visit, record.form, record.repeat_no), ()):
            by_field[query.field].append(query)
        values = record.values
        add = out.append  # the inner loop runs once per field of the trial: keep it lean
        for group, items in shape.sections:
            opened = False
            for oid, field_id, is_time in items:
                value = values.get(field_id, "")
                asked = by_field.get(field_id) if by_field else None
                if not value and not asked:
                    continue
                if not opened:
                    add(f'<ItemGroupData ItemGroupOID="{group}">')
                    opened = True
                self.items += 1
                if value:
                    shown = f"{value}:00" if is_time and len(value) == 5 else value
                    start = f'<ItemData ItemOID="{oid}" Value="{attr(shown)}"'
                else:
                    start = f'<ItemData ItemOID="{oid}" IsNull="Yes"'
                if not asked:
                    add(f"{start} />")
                    continue
                add(f"{start}>")
                for number, query in enumerate(asked, start=1):
                    add(f'<Annotation SeqNum="{number}">'
                        f'{element("Comment", {"SponsorOrSite": "Sponsor"}, _query_comment(query))}</Annotation>')
                    self.placed_queries.add(query.query_id)
                add("</ItemData>")
            if opened:
                add("</ItemGroupData>")
        add("</FormData>")
        self.forms += 1

    def _subject_event(self, out: list[str], row: SubjectRow) -> None:
        values = {
            "sex": row.sex, "birth_year": "" if row.birth_year is None else str(row.birth_year),
            "status": row.status, "status_reason": row.status_reason or "",
            "enrolled_at": odm_datetime(row.created_at, what=f"enrolment of {row.subject_id}"),
            "randomisation_no": row.randomisation_no or "",
            "randomised_at": odm_datetime(row.randomised_at, what=f"randomisation of {row.subject_id}")
            if row.randomised_at else "",
        }
        if self.dataset.arms:
            values[ARM_ITEM[0]] = self.dataset.arms.get(row.subject_id, "")
        out.append(f'<StudyEventData StudyEventOID="{attr(event_oid(SUBJECT_EVENT))}">'
                   f'<FormData FormOID="{attr(form_oid(SUBJECT_FORM))}">')
        items = [element("ItemData", {"ItemOID": item_oid(SUBJECT_FORM, name), "Value": values[name]})
                 for name in (*(n for n, _ in SUBJECT_ITEMS), *((ARM_ITEM[0],) if self.dataset.arms else ()))
                 if values[name]]
        group = element("ItemGroupData", {"ItemGroupOID": SUBJECT_GROUP})
        if items:
            group = f'<ItemGroupData ItemGroupOID="{attr(SUBJECT_GROUP)}">{"".join(items)}</ItemGroupData>'
        out.append(f"{group}</FormData></StudyEventData>")

    def subject(self, subject: str, site: str, row: SubjectRow | None) -> str:
        """The ``SubjectData`` element of ``subject``."""
        out = [f'<SubjectData SubjectKey="{attr(subject)}">']
        self._signature_at(out, subject, None, None, 0)
        out.append(f'<SiteRef LocationOID="{attr(location_oid(site))}" />')
        if row is not None:
            self._subject_event(out, row)
        opened = False
        current: tuple[str, int] | None = None
        for record in self.laid_out.records_by_subject.get(subject, ()):
            repeatable, oid = self.holders[record.visit]
            occurrence = max(record.repeat_no, 1) if repeatable else 0
            if not opened or current != (record.visit, occurrence):
                if opened:
                    out.append("</StudyEventData>")
                opened = True
                current = (record.visit, occurrence)
                repeat = f' StudyEventRepeatKey="{occurrence}"' if repeatable else ""
                out.append(f'<StudyEventData StudyEventOID="{oid}"{repeat}>')
                self._signature_at(out, subject, record.visit, None, record.repeat_no if occurrence else 0)
            self._form_data(out, record)
        if opened:
            out.append("</StudyEventData>")
        out.append("</SubjectData>")
        return "".join(out)


def _audit_records(rows: list[AuditRow]) -> Iterator[str]:
    """The ``AuditRecords`` element, a thousand records at a time."""
    if not rows:
        yield "<AuditRecords />"
        return
    yield "<AuditRecords>"
    ids: dict[str, str] = {}  # site -> escaped ID part
    # (site, user) -> what follows the ID: the edit point, the user and the location, up to the time stamp
    refs: dict[tuple[str, str], str] = {}
    seen: set[str] = set()
    out: list[str] = []
    add = out.append  # one entry per audited action of the whole trial: keep the loop lean
    for count, row in enumerate(rows):
        site = row.site_id
        part = ids.get(site)
        if part is None:
            part = ids[site] = attr(safe(site))
        record_id = f"AR.{part}.{row.seq}"
        if record_id in seen:  # XML IDs must be unique; a site's numbering is, but never trust it blindly
            record_id = f"{record_id}.{count}"
        seen.add(record_id)
        who = refs.get((site, row.user))
        if who is None:
            edit = ' EditPoint="DataManagement"' if site == CENTRE_SITE else ""
            who = refs[(site, row.user)] = (f'{edit}><UserRef UserOID="{attr(user_oid(site, row.user))}" />'
                                            f'<LocationRef LocationOID="{attr(location_oid(site))}" />')
        source = f"site {site} audit #{row.seq}: {row.action}"
        where = [p for p in (row.subject, row.visit, row.form, row.field) if p]
        if where:
            source = f"{source} {'/'.join(where)}"
        if row.old_value is not None or row.new_value is not None:
            source = f"{source}: {row.old_value or ''} -> {row.new_value or ''}"
        reason = f"<ReasonForChange>{text(row.reason)}</ReasonForChange>" if row.reason else ""
        stamp = odm_datetime(row.ts, what=f"audit entry {row.seq} of site {site}")
        add(f'<AuditRecord ID="{record_id}"{who}<DateTimeStamp>{stamp}</DateTimeStamp>{reason}'
            f"<SourceID>{text(source)}</SourceID></AuditRecord>")
        if len(out) == _AUDIT_CHUNK:
            yield "".join(out)
            out.clear()
    out.append("</AuditRecords>")
    yield "".join(out)


def _annotations(texts: list[str]) -> str:
    if not texts:
        return ""
    notes = "".join(f'<Annotation SeqNum="{number}" ID="AN.{number}">'
                    f'{element("Comment", {"SponsorOrSite": "Sponsor"}, note)}</Annotation>'
                    for number, note in enumerate(texts, start=1))
    return f"<Annotations>{notes}</Annotations>"


class ClinicalWriter:
    """The ``ClinicalData`` element of a dataset: :meth:`chunks` writes it, :attr:`counts` then says what it held."""

    def __init__(self, dataset: TrialDataset, laid_out: Layout, meta: MetaData, refs: AdminRefs) -> None:
        self._dataset = dataset
        self._laid_out = laid_out
        self._meta = meta
        self._refs = refs
        self.counts: ClinicalCounts | None = None

    def chunks(self) -> Iterator[str]:
        """The element as text, one subject (or a thousand audit records) per piece."""
        dataset, refs = self._dataset, self._refs
        yield f"<ClinicalData{attrs({'StudyOID': self._meta.study_oid, 'MetaDataVersionOID': self._meta.version_oid})}>"
        writer = _Subjects(dataset, self._laid_out, refs)
        rows: Mapping[str, SubjectRow] = {s.subject_id: s for s in dataset.subjects}
        sites = {r.subject_id: r.site_id for r in dataset.records} | {s.subject_id: s.site_id for s in dataset.subjects}
        subjects = subject_ids(dataset)
        for subject in subjects:
            yield writer.subject(subject, sites[subject], rows.get(subject))
        yield from _audit_records(sorted(dataset.audit, key=lambda a: (a.site_id, a.seq)))
        signatures: list[str] = []
        notes: list[str] = []
        for number, row in enumerate(sorted(dataset.signatures, key=lambda s: (s.site_id, s.signed_at)), start=1):
            signature_id = f"SG.{safe(row.site_id)}.{number}"
            signatures.append(_signature(row, refs, signature_id))
            if not row.valid:
                where = "/".join(p for p in (row.subject_id, row.visit, row.form) if p)
                notes.append(f"Signature {signature_id} by {row.printed_name} ({row.role}) at {row.signed_at} on "
                             f"{where} is no longer valid: the signed data changed after signing")
        notes += [f"{q.subject_id}/{q.visit}/{q.form}#{q.repeat_no}/{q.field}: {_query_comment(q)}"
                  for q in dataset.queries if q.query_id not in writer.placed_queries]
        held = "".join(signatures)
        yield f"{f'<Signatures>{held}</Signatures>' if held else '<Signatures />'}{_annotations(notes)}</ClinicalData>"
        self.counts = ClinicalCounts(subjects=len(subjects), forms=writer.forms, items=writer.items,
                                     audit_records=len(dataset.audit), signatures=len(dataset.signatures),
                                     queries=len(dataset.queries))
