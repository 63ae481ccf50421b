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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.etree import ElementTree as ET  # noqa: S405 - writing only

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
    sub,
    tag,
    user_oid,
)

_RecordKey = tuple[str, str, str, int]  # subject, visit, form, repeat_no


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
    """A form's sections and fields, looked up once."""

    def __init__(self, form: Form) -> None:
        self.oid = form_oid(form.id)
        self.repeating = form.repeating
        # (group OID, ((item OID, field id, is a time), ...)) per section
        self.sections: list[tuple[str, tuple[tuple[str, str, bool], ...]]] = [
            (group_oid(form.id, s.id), tuple((item_oid(form.id, f.id), f.id, f.type is FieldType.TIME)
                                             for f in s.fields))
            for s in form.sections
        ]


def _query_comment(query: QueryRow) -> str:
    text = (f"Query {query.query_id} ({query.status}), raised by {query.raised_by} at {query.raised_at}: "
            f"{query.question}")
    if query.answer is not None:
        text += f" | Answer by {query.answered_by} at {query.answered_at}: {query.answer}"
    if query.closed_by is not None:
        text += f" | Closed by {query.closed_by} at {query.closed_at}"
    return text


def _signature(parent: ET.Element, row: SignatureRow, refs: AdminRefs, attrs: dict[str, str] | None = None) -> None:
    signature = sub(parent, "Signature", attrs)
    sub(signature, "UserRef", {"UserOID": user_oid(row.site_id, row.username)})
    sub(signature, "LocationRef", {"LocationOID": location_oid(row.site_id)})
    sub(signature, "SignatureRef", {"SignatureOID": refs.signature_defs[row.meaning]})
    sub(signature, "DateTimeStamp", text=odm_datetime(row.signed_at, what=f"signature of {row.subject_id}"))
    sub(signature, "CryptoBindingManifest", text=f"sha256:{row.content_sha256}")


class _Writer:
    def __init__(self, dataset: TrialDataset, laid_out: Layout, refs: AdminRefs) -> None:
        self.dataset = dataset
        self.laid_out = laid_out
        self.refs = refs
        self.shapes = {form.id: _FormShape(form) for form in laid_out.forms()}
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

    def _signature_at(self, parent: ET.Element, subject: str, visit: str | None, form: str | None,
                      repeat_no: int) -> None:
        found = self.valid_signatures.get((subject, visit, form, repeat_no))
        if found is not None:
            _signature(parent, found, self.refs)

    def _form_data(self, event: ET.Element, record: RecordRow) -> None:
        shape = self.shapes[record.form]
        attrs = {"FormOID": shape.oid}
        if shape.repeating:
            attrs["FormRepeatKey"] = str(record.repeat_no)
        data = sub(event, "FormData", attrs)
        audit = sub(data, "AuditRecord")
        sub(audit, "UserRef", {"UserOID": user_oid(record.site_id, record.saved_by)})
        sub(audit, "LocationRef", {"LocationOID": location_oid(record.site_id)})
        sub(audit, "DateTimeStamp", text=odm_datetime(record.saved_at, what=f"record of {record.subject_id}"))
        sub(audit, "SourceID", text=f"{record.form} version {record.form_version}, record version "
                                    f"{record.version}, status {record.status}")
        self._signature_at(data, record.subject_id, record.visit, record.form, record.repeat_no)
        by_field: dict[str, list[QueryRow]] = defaultdict(list)
        for query in self.queries.get((record.subject_id, record.visit, record.form, record.repeat_no), ()):
            by_field[query.field].append(query)
        values = record.values
        element = ET.SubElement  # the inner loop runs once per field of the trial: keep it lean
        for group_id, items in shape.sections:
            group: ET.Element | None = None
            for oid, field_id, is_time in items:
                value = values.get(field_id, "")
                asked = by_field.get(field_id) if by_field else None
                if not value and not asked:
                    continue
                if group is None:
                    group = element(data, "ItemGroupData", {"ItemGroupOID": group_id})
                if not value:
                    item = element(group, "ItemData", {"ItemOID": oid, "IsNull": "Yes"})
                else:
                    item = element(group, "ItemData", {"ItemOID": oid,
                                                       "Value": f"{value}:00" if is_time and len(value) == 5
                                                       else value})
                self.items += 1
                for number, query in enumerate(asked or (), start=1):
                    note = sub(item, "Annotation", {"SeqNum": str(number)})
                    sub(note, "Comment", {"SponsorOrSite": "Sponsor"}, _query_comment(query))
                    self.placed_queries.add(query.query_id)
        self.forms += 1

    def _subject_event(self, subject_data: ET.Element, row: SubjectRow) -> None:
        event = sub(subject_data, "StudyEventData", {"StudyEventOID": event_oid(SUBJECT_EVENT)})
        form = sub(event, "FormData", {"FormOID": form_oid(SUBJECT_FORM)})
        group = sub(form, "ItemGroupData", {"ItemGroupOID": SUBJECT_GROUP})
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
        for name in (*(n for n, _ in SUBJECT_ITEMS), *((ARM_ITEM[0],) if self.dataset.arms else ())):
            if values[name]:
                sub(group, "ItemData", {"ItemOID": item_oid(SUBJECT_FORM, name), "Value": values[name]})

    def subject(self, parent: ET.Element, subject: str, site: str, row: SubjectRow | None) -> None:
        subject_data = sub(parent, "SubjectData", {"SubjectKey": subject})
        self._signature_at(subject_data, subject, None, None, 0)
        sub(subject_data, "SiteRef", {"LocationOID": location_oid(site)})
        if row is not None:
            self._subject_event(subject_data, row)
        event: ET.Element | None = None
        current: tuple[str, int] | None = None
        for record in self.laid_out.records_by_subject.get(subject, ()):
            holder = self.laid_out.holder(record.visit)
            occurrence = max(record.repeat_no, 1) if holder.repeatable else 0
            if event is None or current != (record.visit, occurrence):
                current = (record.visit, occurrence)
                attrs = {"StudyEventOID": event_oid(record.visit)}
                if holder.repeatable:
                    attrs["StudyEventRepeatKey"] = str(occurrence)
                event = sub(subject_data, "StudyEventData", attrs)
                self._signature_at(event, subject, record.visit, None, record.repeat_no if occurrence else 0)
            self._form_data(event, record)


def _audit_source(row: AuditRow) -> str:
    text = f"site {row.site_id} audit #{row.seq}: {row.action}"
    where = [part for part in (row.subject, row.visit, row.form, row.field) if part]
    if where:
        text = f"{text} {'/'.join(where)}"
    if row.old_value is not None or row.new_value is not None:
        text = f"{text}: {row.old_value or ''} -> {row.new_value or ''}"
    return text


def _audit_records(parent: ET.Element, rows: Iterable[AuditRow]) -> int:
    records = sub(parent, "AuditRecords")
    element = ET.SubElement  # one entry per audited action of the whole trial: keep the loop lean
    count = 0
    seen: set[str] = set()
    for row in rows:
        site = row.site_id
        record_id = f"AR.{safe(site)}.{row.seq}"
        if record_id in seen:  # XML IDs must be unique; a site's numbering is, but never trust it blindly
            record_id = f"{record_id}.{count}"
        seen.add(record_id)
        attrs = {"ID": record_id}
        if site == CENTRE_SITE:
            attrs["EditPoint"] = "DataManagement"
        record = element(records, "AuditRecord", attrs)
        element(record, "UserRef", {"UserOID": user_oid(site, row.user)})
        element(record, "LocationRef", {"LocationOID": location_oid(site)})
        element(record, "DateTimeStamp").text = odm_datetime(row.ts, what=f"audit entry {row.seq} of site {site}")
        if row.reason:
            element(record, "ReasonForChange").text = row.reason
        element(record, "SourceID").text = _audit_source(row)
        count += 1
    return count


def _annotations(parent: ET.Element, texts: list[str]) -> None:
    if not texts:
        return
    annotations = sub(parent, "Annotations")
    for number, text in enumerate(texts, start=1):
        note = sub(annotations, "Annotation", {"SeqNum": str(number), "ID": f"AN.{number}"})
        sub(note, "Comment", {"SponsorOrSite": "Sponsor"}, text)


def clinical_element(dataset: TrialDataset, laid_out: Layout, meta: MetaData,
                     refs: AdminRefs) -> tuple[ET.Element, ClinicalCounts]:
    """The ``ClinicalData`` element of ``dataset``."""
    clinical = ET.Element(tag("ClinicalData"), {"StudyOID": meta.study_oid, "MetaDataVersionOID": meta.version_oid})
    writer = _Writer(dataset, laid_out, refs)
    rows: Mapping[str, SubjectRow] = {s.subject_id: s for s in dataset.subjects}
    sites = {r.subject_id: r.site_id for r in dataset.records} | {s.subject_id: s.site_id for s in dataset.subjects}
    subjects = subject_ids(dataset)
    for subject in subjects:
        writer.subject(clinical, subject, sites[subject], rows.get(subject))
    audit_count = _audit_records(clinical, sorted(dataset.audit, key=lambda a: (a.site_id, a.seq)))
    signatures = sub(clinical, "Signatures")
    notes: list[str] = []
    for number, row in enumerate(sorted(dataset.signatures, key=lambda s: (s.site_id, s.signed_at)), start=1):
        signature_id = f"SG.{safe(row.site_id)}.{number}"
        _signature(signatures, row, refs, {"ID": signature_id})
        if not row.valid:
            where = "/".join(p for p in (row.subject_id, row.visit, row.form) if p)
            notes.append(f"Signature {signature_id} by {row.printed_name} ({row.role}) at {row.signed_at} on {where} "
                         "is no longer valid: the signed data changed after signing")
    notes += [f"{q.subject_id}/{q.visit}/{q.form}#{q.repeat_no}/{q.field}: {_query_comment(q)}"
              for q in dataset.queries if q.query_id not in writer.placed_queries]
    _annotations(clinical, notes)
    return clinical, ClinicalCounts(subjects=len(subjects), forms=writer.forms, items=writer.items,
                                    audit_records=audit_count, signatures=len(dataset.signatures),
                                    queries=len(dataset.queries))
