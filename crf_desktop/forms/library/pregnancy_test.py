"""Pregnancy test (inclusion 6, exclusion 12): its own small form because relevance cannot read another form.

It applies only to women of childbearing potential (demographics ``sex`` = F and ``childbearing`` = Y). The
engine's conditions read fields of the same form only, so the services show this form only for those women
(or, once the engine passes ``subject_childbearing`` in the context, a form-level condition can say so).
"""

from __future__ import annotations

from crf_desktop.forms.conditions import P
from crf_desktop.forms.model import Choice, Field, FieldType, Form, Section, Text

FORM_ID = "pregnancy_test"

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Pregnancy test", zh="妊娠试验"),
    sections=(
        Section(
            id="pregnancy",
            title=Text(en="Pregnancy test (women of childbearing potential)", zh="妊娠试验（有生育能力的女性）"),
            fields=(
                Field(id="preg_done", label=Text(en="Pregnancy test done", zh="是否进行妊娠试验"),
                      type=FieldType.YES_NO),
                Field(id="preg_not_done_reason", label=Text(en="Reason not done", zh="未做原因"),
                      type=FieldType.TEXT, max_length=200, relevant=P("preg_done", "eq", "N")),
                Field(id="preg_date", label=Text(en="Test date", zh="检测日期"), type=FieldType.DATE,
                      relevant=P("preg_done", "eq", "Y")),
                Field(id="preg_type", label=Text(en="Sample", zh="标本"), type=FieldType.CHOICE,
                      choices=(Choice(code="URINE", label=Text(en="Urine", zh="尿液")),
                               Choice(code="SERUM", label=Text(en="Serum (β-hCG)", zh="血清（β-hCG）"))),
                      relevant=P("preg_done", "eq", "Y")),
                Field(id="preg_result", label=Text(en="Result", zh="结果"), type=FieldType.CHOICE,
                      choices=(Choice(code="NEG", label=Text(en="Negative", zh="阴性")),
                               Choice(code="POS", label=Text(en="Positive", zh="阳性"))),
                      relevant=P("preg_done", "eq", "Y"),
                      help=Text(en="A positive test excludes the subject (exclusion 12) or, after randomisation, "
                                   "is reported as a pregnancy",
                                zh="阳性者应排除（排除标准 12）；随机后阳性须按妊娠事件报告")),
            ),
        ),
    ),
)
