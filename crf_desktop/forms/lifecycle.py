"""The life of a form record: not started → in progress → complete → verified → signed → locked.

Pure rules, read by the services (which enforce them) and the UI (which shows them):
- a save with only required-but-empty gaps is kept as *in progress*; with no gap at all it is *complete*;
  any other error (wrong type, outside the possible range, an unconfirmed expected-range warning) refuses the
  save, so nothing invalid is ever stored;
- changing a record that was complete (or beyond) needs a reason for change, audited field by field;
- a change to a verified or signed record drops it back to complete or in progress: verification and
  signature covered the old values, not the new ones;
- a locked record cannot be changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from crf_desktop.forms.issues import Issue, IssueCode
from crf_desktop.forms.model import Text


class RecordStatus(StrEnum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    COMPLETE = "complete"
    VERIFIED = "verified"
    SIGNED = "signed"
    LOCKED = "locked"

    @property
    def label(self) -> Text:
        return _LABELS[self]


_LABELS = {
    RecordStatus.NOT_STARTED: Text(en="Not started", zh="未开始"),
    RecordStatus.IN_PROGRESS: Text(en="In progress", zh="填写中"),
    RecordStatus.COMPLETE: Text(en="Complete", zh="已完成"),
    RecordStatus.VERIFIED: Text(en="Verified (SDV)", zh="已核查"),
    RecordStatus.SIGNED: Text(en="Signed", zh="已签名"),
    RecordStatus.LOCKED: Text(en="Locked", zh="已锁定"),
}

#: The reasons for change offered in a list; "other" asks for the reason in words.
REASONS_FOR_CHANGE: tuple[tuple[str, Text], ...] = (
    ("transcription", Text(en="Transcription error", zh="转录错误")),
    ("source_update", Text(en="New or corrected information in the source document", zh="源文件信息更新或更正")),
    ("query", Text(en="Answer to a data query", zh="回复数据质疑")),
    ("entered_in_error", Text(en="Entered for the wrong subject or visit", zh="录入到错误的受试者或访视")),
    ("other", Text(en="Other (say why)", zh="其他（请说明）")),
)

_REASON_NEEDED = frozenset({RecordStatus.COMPLETE, RecordStatus.VERIFIED, RecordStatus.SIGNED})


def refusing_issues(issues: Iterable[Issue]) -> list[Issue]:
    """The issues that refuse a save: everything that blocks, except a required field left empty."""
    return [i for i in issues if i.blocks_saving and i.code is not IssueCode.REQUIRED]


def status_after_save(issues: Iterable[Issue]) -> RecordStatus:
    """In progress while a required field is empty, complete when nothing blocks."""
    blocking = [i for i in issues if i.blocks_saving]
    return RecordStatus.IN_PROGRESS if blocking else RecordStatus.COMPLETE


def needs_reason_for_change(current: RecordStatus) -> bool:
    return current in _REASON_NEEDED


def editable(current: RecordStatus) -> bool:
    return current is not RecordStatus.LOCKED
