"""``centre export``: the trial's data as CSV files or one CDISC ODM 1.3.2 file, audited.

Reads everything imported (:func:`crf_desktop.services.centre.trial_dataset`, which checks that this is the centre
and that the user may export) and hands it to the writers in ``sync`` (:func:`~crf_desktop.sync.csv_export.write_csv`,
:func:`~crf_desktop.sync.odm_export.write_odm`). Each export is entered in the centre's audit trail with its path,
its checksum and whether treatment arms were included. The writers never overwrite an earlier export.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from crf_desktop.core.errors import UserInputError
from crf_desktop.services.centre import trial_dataset
from crf_desktop.services.session import Session
from crf_desktop.sync.csv_export import MANIFEST, write_csv
from crf_desktop.sync.export_files import collector_paused
from crf_desktop.sync.odm_export import write_odm

FORMATS = ("csv", "odm")


@dataclass(frozen=True, kw_only=True)
class TrialExport:
    """What an export wrote: ``path`` is the CSV folder or the ODM file."""

    kind: str
    path: Path
    message: str
    arms_included: bool


def export_trial(session: Session, *, kind: str, out: Path) -> TrialExport:
    """Write the ``kind`` ("csv" or "odm") export of every imported site's data to ``out`` (new folder / file)."""
    kind = kind.strip().lower()
    if kind not in FORMATS:
        raise UserInputError(f"unknown export format {kind!r}; choose csv or odm")
    out = out.expanduser()
    with collector_paused():  # the dataset as well as the writing
        dataset = trial_dataset(session)
        if kind == "csv":
            csv_result = write_csv(dataset, out)
            result = TrialExport(kind=kind, path=out, message=csv_result.message,
                                 arms_included=csv_result.arms_included)
            checksum = f"checksums in {MANIFEST}"
        else:
            odm_result = write_odm(dataset, out)
            result = TrialExport(kind=kind, path=out, message=odm_result.message,
                                 arms_included=odm_result.arms_included)
            checksum = f"SHA-256 {odm_result.sha256}"
    arms = "treatment arms included (unblinded)" if result.arms_included else "blinded, no treatment arms"
    try:
        session.record("trial data exported", new_value=str(out),
                       reason=f"{kind.upper()}: {len(dataset.subjects)} subjects from {len(dataset.sites)} site(s); "
                              f"{arms}; {checksum}")
    except BaseException:
        # an export the audit trail does not show must not exist
        if out.is_dir():
            shutil.rmtree(out, ignore_errors=True)
        else:
            out.unlink(missing_ok=True)
        raise
    return result
