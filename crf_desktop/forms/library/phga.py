"""Physician Global Assessment (PhGA) of SLE disease activity: 0-3 with one decimal.

Source: clinical-rules.md section 2 (0-3 on a 10-cm line, ARD review table; anchors 0 none, 1 mild, 2 moderate,
3 severe [M]; assess the PhGA before calculating the SLEDAI). DESIGN.md section 9: one decimal, changes compared
in tenths, which the calculators do (:mod:`crf_desktop.forms.instruments.pga`); this form stores the value as
entered (a ``Decimal`` quantised to one decimal, so 2.0 - 1.7 is exactly 0.3).
"""

from __future__ import annotations

from crf_desktop.forms.instruments import pga as scoring
from crf_desktop.forms.model import Field, FieldType, Form, Range, Section, Text

FORM_ID = "phga"
FIELD_ID = "phga"

ANCHORS_ZH = {0: "无", 1: "轻度", 2: "中度", 3: "重度"}

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Physician global assessment (PhGA)", zh="医生总体评估（PhGA）"),
    sections=(
        Section(
            id="phga",
            title=Text(
                en="Physician global assessment of SLE disease activity", zh="医生对系统性红斑狼疮疾病活动度的总体评估"
            ),
            fields=(
                Field(
                    id=FIELD_ID,
                    label=Text(en="PhGA (0-3)", zh="医生总体评估（0-3）"),
                    type=FieldType.DECIMAL,
                    precision=1,
                    hard_range=Range.of(scoring.PGA_MIN, scoring.PGA_MAX),
                    help=Text(
                        en="Disease activity over the assessment period, one decimal: "
                        + ", ".join(f"{score} = {name}" for score, name in scoring.PGA_ANCHORS.items())
                        + ". Rate before calculating the SLEDAI-2K.",
                        zh="评估期内的疾病活动度，保留一位小数："
                        + "，".join(f"{score} = {name}" for score, name in ANCHORS_ZH.items())
                        + "。请在计算 SLEDAI-2K 之前评估。",
                    ),
                ),
            ),
        ),
    ),
)
