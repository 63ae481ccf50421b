"""Visit information, the first form of every visit: did the visit take place, and on which date.

The visit date drives the schedule: the baseline visit's date anchors every target date and window, and a
follow-up visit dated outside its window is a protocol deviation (recorded, never refused).
"""

from __future__ import annotations

from crf_desktop.forms.conditions import P
from crf_desktop.forms.model import Choice, Field, FieldType, Form, Section, Text

FORM_ID = "visit_info"
DATE_FIELD = "visit_date"
DONE_FIELD = "visit_done"

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Visit information", zh="访视信息"),
    sections=(
        Section(
            id="visit",
            title=Text(en="Visit", zh="访视"),
            fields=(
                Field(
                    id=DONE_FIELD,
                    label=Text(en="Did the visit take place?", zh="本次访视是否进行？"),
                    type=FieldType.YES_NO,
                ),
                Field(
                    id=DATE_FIELD,
                    label=Text(en="Visit date", zh="访视日期"),
                    type=FieldType.DATE,
                    not_before_consent=True,
                    relevant=P(DONE_FIELD, "eq", "Y"),
                ),
                Field(
                    id="missed_reason",
                    label=Text(en="Reason the visit did not take place", zh="未进行访视的原因"),
                    type=FieldType.CHOICE,
                    choices=(
                        Choice(code="SUBJECT", label=Text(en="Subject did not attend", zh="受试者未到访")),
                        Choice(code="ILLNESS", label=Text(en="Subject too ill / hospitalised", zh="受试者病重或住院")),
                        Choice(code="WITHDRAWN", label=Text(en="Subject withdrawn", zh="受试者已退出")),
                        Choice(code="OTHER", label=Text(en="Other, specify", zh="其他，请注明")),
                    ),
                    relevant=P(DONE_FIELD, "eq", "N"),
                ),
                Field(
                    id="missed_reason_other",
                    label=Text(en="Other reason, specify", zh="其他原因，请注明"),
                    type=FieldType.TEXT,
                    max_length=200,
                    relevant=P("missed_reason", "eq", "OTHER"),
                ),
            ),
        ),
    ),
)
