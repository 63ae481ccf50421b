"""How the centre's exports lay the trial out: forms in declaration order, visits in schedule order.

Both writers (CSV and ODM) read a :class:`~crf_desktop.sync.dataset.TrialDataset` through :func:`layout`, which
checks the data against the form declarations first: a record of an unknown form or visit, or a value for a field
the form does not declare, means the centre runs an older crf-desktop than a site, and exporting would silently
drop data. That is refused with a message naming the record and what to do.

``repeat_no`` of a record means: the entry number for a repeating form (adverse events from 1; a visit's first
drug-kit record may be 0), the occurrence of a repeatable visit (unscheduled visits) for the forms it holds, and 0
otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from crf_desktop.core.errors import CrfError
from crf_desktop.forms.model import Form
from crf_desktop.forms.registry import REGISTRY, Registry
from crf_desktop.forms.schedule import Visit
from crf_desktop.sync.dataset import RecordRow, TrialDataset


class ExportDataError(CrfError):
    """The dataset holds data the form declarations do not describe."""


@dataclass(frozen=True, kw_only=True)
class Holder:
    """A visit or a subject log: what holds forms in the schedule."""

    code: str
    label_en: str
    label_zh: str
    forms: tuple[str, ...]
    visit: Visit | None  # None for a subject log

    @property
    def repeatable(self) -> bool:
        """Whether a subject can have several occurrences (unscheduled visits)."""
        return self.visit is not None and self.visit.repeatable


@dataclass(frozen=True, kw_only=True)
class Layout:
    """The dataset checked and ordered for writing."""

    registry: Registry
    holders: tuple[Holder, ...]
    records_by_form: Mapping[str, tuple[RecordRow, ...]]  # every form id, in declaration order
    records_by_subject: Mapping[str, tuple[RecordRow, ...]]  # subject id -> records in casebook order

    def forms(self) -> tuple[Form, ...]:
        """Every declared form, in declaration order."""
        return self.registry.all_forms()

    def holder(self, code: str) -> Holder:
        """The visit or log ``code``."""
        return next(h for h in self.holders if h.code == code)


def holders_of(registry: Registry) -> tuple[Holder, ...]:
    """Visits in schedule order, then the subject logs."""
    visits = tuple(Holder(code=v.code, label_en=v.label.en, label_zh=v.label.zh, forms=v.forms, visit=v)
                   for v in registry.schedule.visits)
    logs = tuple(Holder(code=log.code, label_en=log.label.en, label_zh=log.label.zh, forms=log.forms, visit=None)
                 for log in registry.schedule.logs)
    return visits + logs


def _where(record: RecordRow) -> str:
    entry = f" #{record.repeat_no}" if record.repeat_no else ""
    return f"subject {record.subject_id} (site {record.site_id}), {record.visit} / {record.form}{entry}"


_UPGRADE = "update crf-desktop at the centre to the version the sites run, then export again"


def _check(record: RecordRow, registry: Registry, holders: Mapping[str, Holder],
           field_ids: Mapping[str, frozenset[str]]) -> None:
    holder = holders.get(record.visit)
    if holder is None:
        raise ExportDataError(f"{_where(record)}: the visit schedule has no visit or log {record.visit!r}; {_UPGRADE}")
    if record.form not in registry.forms:
        raise ExportDataError(f"{_where(record)}: no form {record.form!r} is declared; {_UPGRADE}")
    if record.form not in holder.forms:
        raise ExportDataError(f"{_where(record)}: the schedule does not place form {record.form!r} at "
                              f"{record.visit!r}; {_UPGRADE}")
    form = registry.forms[record.form]
    unknown = record.values.keys() - field_ids[form.id]
    if unknown:
        raise ExportDataError(f"{_where(record)}: form {form.id!r} declares no field {', '.join(sorted(unknown))}; "
                              f"{_UPGRADE}")
    if record.repeat_no < 0:
        raise ExportDataError(f"{_where(record)}: the repeat number {record.repeat_no} is negative; the centre "
                              "database is damaged, run crf-desktop verify")


def layout(dataset: TrialDataset, registry: Registry = REGISTRY) -> Layout:
    """Check every record against ``registry`` and order them: by site, subject, visit, form, repeat number."""
    holders = holders_of(registry)
    by_code = {h.code: h for h in holders}
    holder_rank = {h.code: i for i, h in enumerate(holders)}
    form_rank = {form_id: i for i, form_id in enumerate(registry.forms)}
    field_ids = {form.id: frozenset(f.id for f in form.fields) for form in registry.all_forms()}
    for record in dataset.records:
        _check(record, registry, by_code, field_ids)
    repeatable = {h.code: h.repeatable for h in holders}
    ordered = sorted(dataset.records, key=lambda r: (r.site_id, r.subject_id, holder_rank[r.visit],
                                                     r.repeat_no if repeatable[r.visit] else 0,
                                                     form_rank[r.form], r.repeat_no))
    by_form: dict[str, list[RecordRow]] = {form_id: [] for form_id in registry.forms}
    by_subject: dict[str, list[RecordRow]] = defaultdict(list)
    for record in ordered:
        by_form[record.form].append(record)
        by_subject[record.subject_id].append(record)
    return Layout(
        registry=registry,
        holders=holders,
        records_by_form={k: tuple(v) for k, v in by_form.items()},
        records_by_subject={k: tuple(v) for k, v in by_subject.items()},
    )


def subject_ids(dataset: TrialDataset) -> list[str]:
    """Every subject of the dataset (listed or holding records), sorted by site then subject."""
    sites = {s.subject_id: s.site_id for s in dataset.subjects}
    for record in dataset.records:
        sites.setdefault(record.subject_id, record.site_id)
    return sorted(sites, key=lambda subject: (sites[subject], subject))
