"""The hand-built datasets whose ODM files were written by the tree-building writer (before the streamed one,
issue #8/#10) and kept in ``odm_golden/``: the streamed writer must produce the same XML."""

from __future__ import annotations

from dataclasses import replace

from crf_desktop.sync.dataset import AuditRow, QueryRow, TrialDataset
from tests.sync.export_data import small_dataset

#: Every character XML escapes, in attributes and in text, plus a line break and a tab.
AWKWARD = 'a & b < c > d "e" \'f\'\n\tg'


def awkward_dataset() -> TrialDataset:
    """``small_dataset`` (unblinded) with markup characters in values, reasons, query texts and names."""
    base = small_dataset(arms={"01-001": f"MSC {AWKWARD}"})
    records = list(base.records)
    records[0] = replace(records[0], values={"visit_date": "2026-01-12"}, saved_by="coordinator")
    records[5] = replace(records[5], values={"ae_verbatim": AWKWARD, "ae_grade": "2"})
    audit = (*base.audit,
             AuditRow(site_id="01", seq=8, ts="2026-03-05T09:16:00.250000+00:00", user="coordinator",
                      action="change", subject="01-001", visit="adverse_events", form="adverse_event",
                      field="ae_verbatim", old_value="<none>", new_value=AWKWARD, reason=AWKWARD),
             AuditRow(site_id="centre", seq=1, ts="2026-03-08T11:00:00", user="datamanager", action="query raised",
                      subject=None, visit=None, form=None, field=None, old_value=None, new_value=None, reason=None))
    queries = (*base.queries,
               QueryRow(site_id="01", query_id="01-4", subject_id="01-001", visit="adverse_events",
                        form="adverse_event", repeat_no=1, field="ae_verbatim", question=AWKWARD, status="closed",
                        raised_by="monitor", raised_at="2026-03-06T09:00:00+00:00", answer=AWKWARD,
                        answered_by="coordinator", answered_at="2026-03-07T09:00:00+00:00", closed_by="monitor",
                        closed_at="2026-03-07T10:00:00+00:00"),
               QueryRow(site_id="01", query_id="01-5", subject_id="01-002", visit="week4", form="labs",
                        repeat_no=0, field="scr_umol_l", question="no record holds this field", status="open",
                        raised_by="monitor", raised_at="2026-03-06T09:00:00+00:00"))
    return replace(base, exported_by=f"dm {AWKWARD}", records=tuple(records), audit=audit, queries=queries)


GOLDEN = {
    "small.xml": small_dataset,
    "awkward.xml": awkward_dataset,
}
