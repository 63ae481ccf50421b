"""Informed consent (ICH E6 4.8): when, which version, by whom; the subject's consent date anchors date rules."""

from __future__ import annotations

from crf_desktop.forms.model import Field, FieldType, Form, Section, Text

FORM_ID = "consent"

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Informed consent", zh="知情同意"),
    sections=(
        Section(
            id="consent",
            title=Text(en="Informed consent", zh="知情同意"),
            fields=(
                Field(
                    id="consent_version",
                    label=Text(en="Informed consent form version", zh="知情同意书版本号"),
                    type=FieldType.TEXT,
                    max_length=20,
                    help=Text(en="As printed on the form, e.g. V2.0", zh="以知情同意书上印刷的为准，如 V2.0"),
                ),
                Field(
                    id="consent_version_date",
                    label=Text(en="Informed consent form version date", zh="知情同意书版本日期"),
                    type=FieldType.DATE,
                ),
                Field(
                    id="consent_date",
                    label=Text(en="Date informed consent signed", zh="知情同意日期"),
                    type=FieldType.DATE,
                    not_before=("consent_version_date",),
                ),
                Field(
                    id="consent_time",
                    label=Text(en="Time informed consent signed", zh="知情同意签署时间"),
                    type=FieldType.TIME,
                    required=False,
                    help=Text(
                        en="Record it when study procedures start on the same day",
                        zh="如同日开始研究相关操作，请记录签署时间",
                    ),
                ),
                Field(
                    id="consent_obtained_by",
                    label=Text(en="Consent obtained by (investigator's name)", zh="知情同意获取者（研究者姓名）"),
                    type=FieldType.TEXT,
                    max_length=60,
                ),
                Field(
                    id="consent_copy_given",
                    label=Text(
                        en="Subject received a copy of the signed consent form",
                        zh="受试者已获得签署的知情同意书副本",
                    ),
                    type=FieldType.YES_NO,
                ),
            ),
        ),
    ),
)
