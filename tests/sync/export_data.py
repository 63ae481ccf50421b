"""Hand-built trial datasets for the export tests (no database: the exports only read a TrialDataset)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import xmlschema

from crf_desktop.forms.model import Field, FieldType
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.sync.dataset import (
    AuditRow,
    QueryRow,
    RecordRow,
    SignatureRow,
    SiteRow,
    SubjectRow,
    TrialDataset,
    UserRow,
)

SCHEMA_DIR = Path(__file__).parent / "odm_schema"
CHINESE_TERM = "狼疮性肾炎复发，伴“蛋白尿”增加"
CHINESE_QUERY = "请核实肌酐单位（µmol/L）"
SIGNED_HASH = "ab" * 32


def odm_schema() -> xmlschema.XMLSchema:
    """The official ODM 1.3.2 schema from the local copy; ``allow="local"`` forbids any download."""
    return xmlschema.XMLSchema(str(SCHEMA_DIR / "ODM1-3-2.xsd"), allow="local")


def sample_value(f: Field) -> str:
    """A stored text of the right type for ``f`` (inside its hard range)."""
    low = f.hard_range.low if f.hard_range is not None and f.hard_range.low is not None else None
    if f.type is FieldType.INTEGER:
        return str(int(low) if low is not None else 1)
    if f.type is FieldType.DECIMAL:
        value = low if low is not None else Decimal(1)
        return str(value.quantize(Decimal(1).scaleb(-(f.precision or 0))))
    options = [o.code for o in f.options()]
    by_type = {
        FieldType.TEXT: "文本 text",
        FieldType.DATE: "2024-03-05",
        FieldType.PARTIAL_DATE: "2019-03",
        FieldType.TIME: "09:05",
        FieldType.CHOICE: options[0] if options else "",
        FieldType.MULTI_CHOICE: ",".join(sorted(options[:2])),
        FieldType.YES_NO: "Y",
        FieldType.CHECKBOX: "1",
    }
    return by_type[f.type]


def _record(subject: str, visit: str, form: str, values: dict[str, str], *, repeat_no: int = 0,
            site: str = "01", user: str = "coordinator") -> RecordRow:
    return RecordRow(site_id=site, subject_id=subject, visit=visit, form=form, repeat_no=repeat_no,
                     form_version=REGISTRY.form(form).version, status="complete", version=2, values=values,
                     saved_at="2026-03-05T09:15:00+00:00", saved_by=user)


SITES = (
    SiteRow(site_id="01", key_fingerprint="1a2b 3c4d 5e6f 7081", last_package_seq=3,
            last_import_at="2026-03-06T08:00:00+00:00"),
    SiteRow(site_id="02", key_fingerprint="9f8e 7d6c 5b4a 3928", last_package_seq=1,
            last_import_at="2026-03-06T08:00:00+00:00"),
)
USERS = (
    UserRow(site_id="01", username="coordinator", full_name="张伟", role="coordinator"),
    UserRow(site_id="01", username="investigator", full_name="Li Na", role="investigator"),
    UserRow(site_id="02", username="coordinator", full_name="Wang Fang", role="coordinator"),
    UserRow(site_id="centre", username="datamanager", full_name="Dana Manager", role="datamanager"),
)
SUBJECTS = (
    SubjectRow(site_id="01", subject_id="01-001", sex="F", birth_year=1990, status="randomised", status_reason=None,
               created_at="2026-01-10T08:00:00+00:00", randomisation_no="R001",
               randomised_at="2026-01-20T09:00:00+00:00"),
    SubjectRow(site_id="01", subject_id="01-002", sex="M", birth_year=1985, status="screening", status_reason=None,
               created_at="2026-02-01T08:00:00+00:00"),
    SubjectRow(site_id="02", subject_id="02-001", sex="F", birth_year=1979, status="withdrawn",
               status_reason="moved away", created_at="2026-01-15T08:00:00+00:00"),
)


def small_dataset(*, arms: dict[str, str] | None = None) -> TrialDataset:
    """Three subjects at two sites: visit forms, an unscheduled visit, two AE entries and a medication, an audit
    record, a valid and an invalidated signature, a query on a field."""
    records = (
        _record("01-001", "screening", "visit_info", {"visit_date": "2026-01-12"}),
        _record("01-001", "screening", "demographics", {"dob": "1990-04-12", "sex": "F"}),
        _record("01-001", "week4", "labs", {"scr_umol_l": "88.4", "lab_date": "2026-02-09"}),
        _record("01-001", "week4", "phga", {"phga": "1.5"}),
        _record("01-001", "unscheduled", "visit_info", {"visit_date": "2026-02-20"}, repeat_no=1),
        _record("01-001", "adverse_events", "adverse_event", {"ae_verbatim": CHINESE_TERM, "ae_grade": "2"},
                repeat_no=1),
        _record("01-001", "adverse_events", "adverse_event", {"ae_verbatim": "Headache"}, repeat_no=2),
        _record("01-001", "concomitant_medications", "conmed", {"cm_name": "羟氯喹 hydroxychloroquine"}, repeat_no=1),
        _record("02-001", "screening", "visit_info", {"visit_date": "2026-01-16"}, site="02"),
    )
    audit = (
        AuditRow(site_id="01", seq=7, ts="2026-03-05T09:15:00+00:00", user="coordinator", action="change",
                 subject="01-001", visit="week4", form="labs", field="scr_umol_l", old_value="80.0",
                 new_value="88.4", reason="转录错误 transcription error"),
        AuditRow(site_id="02", seq=1, ts="2026-01-16T10:00:00+00:00", user="coordinator", action="create",
                 subject="02-001", visit="screening", form="visit_info", field=None, old_value=None, new_value=None,
                 reason=None),
    )
    signatures = (
        SignatureRow(site_id="01", subject_id="01-001", visit="week4", form="labs", repeat_no=0, record_version=2,
                     username="investigator", printed_name="Li Na", role="investigator",
                     meaning="I have reviewed and approve these data", signed_at="2026-03-05T10:00:00+00:00",
                     content_sha256=SIGNED_HASH, valid=True),
        SignatureRow(site_id="01", subject_id="01-001", visit="screening", form="demographics", repeat_no=0,
                     record_version=1, username="investigator", printed_name="Li Na", role="investigator",
                     meaning="I have reviewed and approve these data", signed_at="2026-02-01T10:00:00+00:00",
                     content_sha256="cd" * 32, valid=False),
    )
    queries = (
        QueryRow(site_id="01", query_id="C-1", subject_id="01-001", visit="week4", form="labs", repeat_no=0,
                 field="scr_umol_l", question=CHINESE_QUERY, status="answered", raised_by="datamanager",
                 raised_at="2026-03-06T09:00:00+00:00", answer="Confirmed", answered_by="coordinator",
                 answered_at="2026-03-07T09:00:00+00:00"),
    )
    return TrialDataset(study_id="NCT03580291", exported_at="2026-03-08T12:00:00+00:00", exported_by="datamanager",
                        sites=SITES, users=USERS, subjects=SUBJECTS, records=records, audit=audit,
                        signatures=signatures, queries=queries, arms=arms or {})


def every_form_dataset(*, subjects: int = 1) -> TrialDataset:
    """Every form at every visit or log that holds it, each field answered, for ``subjects`` subjects."""
    records: list[RecordRow] = []
    subject_rows: list[SubjectRow] = []
    for number in range(1, subjects + 1):
        subject = f"01-{number:03d}"
        subject_rows.append(SubjectRow(site_id="01", subject_id=subject, sex="F", birth_year=1990,
                                       status="randomised", status_reason=None,
                                       created_at="2026-01-10T08:00:00+00:00"))
        holders = [(v.code, v.forms, v.repeatable) for v in REGISTRY.schedule.visits]
        holders += [(log.code, log.forms, False) for log in REGISTRY.schedule.logs]
        for code, form_ids, repeatable in holders:
            for form_id in form_ids:
                form = REGISTRY.form(form_id)
                values = {f.id: sample_value(f) for f in form.fields}
                repeats = (1, 2) if form.repeating else ((1,) if repeatable else (0,))
                records += [_record(subject, code, form_id, values, repeat_no=r) for r in repeats]
    return TrialDataset(study_id="NCT03580291", exported_at="2026-03-08T12:00:00+00:00", exported_by="datamanager",
                        sites=SITES[:1], users=USERS, subjects=tuple(subject_rows), records=tuple(records))
