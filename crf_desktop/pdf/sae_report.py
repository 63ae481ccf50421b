"""The SAE report as a PDF (issue 6 item 4): the content of :func:`crf_desktop.forms.ctcae.sae_report.sae_report`
(the AE record and its SAE report record) laid out as one titled table (section, item, answer) on the study's
pages: :mod:`crf_desktop.pdf.render` draws it with every page's header, footer, wet-signature block and QR code
(which identifies the SAE report record and the hash of its content, as for any printed form).

Row labels are the form declarations' own (one declaration, many readers); only the section names and a few
headline items are worded here.
"""

from __future__ import annotations

from crf_desktop.forms.ctcae.sae_report import SaeReport
from crf_desktop.forms.library import adverse_event, sae_report
from crf_desktop.forms.model import Text
from crf_desktop.pdf.content import QrPayload
from crf_desktop.pdf.document import Document, Header, TablePart
from crf_desktop.pdf.render import render
from crf_desktop.pdf.words import say

TITLE = Text(en="Serious adverse event (SAE) report", zh="严重不良事件（SAE）报告")
COLUMNS = (Text(en="Section", zh="部分"), Text(en="Item", zh="项目"), Text(en="Answer", zh="内容"))
WIDTHS = (0.16, 0.29, 0.55)
EVENT = Text(en="Event", zh="事件")
SERIOUSNESS = Text(en="Seriousness and reporting", zh="严重性与报告")
CAUSALITY = Text(en="Causality and action", zh="因果关系与措施")
DESCRIPTION = Text(en="Description", zh="描述")
OUTCOME = Text(en="Treatment and outcome", zh="治疗与转归")
REPORTER = Text(en="Reporter", zh="报告人")
TERMINOLOGY = Text(en="Terminology", zh="术语版本")
GRADE = Text(en="CTCAE grade and its definition", zh="CTCAE 分级及其定义")
SUSAR = Text(en="Suspected unexpected serious adverse reaction (SUSAR)", zh="可疑且非预期严重不良反应（SUSAR）")
YES, NO = Text(en="Yes", zh="是"), Text(en="No", zh="否")
NOT_GIVEN = Text(en="not entered", zh="未填写")
#: Per blinded product, in the order of ``SaeReport.products``: relationship, action, investigator's reasoning.
PRODUCT_FIELDS = (("ae_rel_msc", "ae_action_msc", "sr_causality_msc"),
                  ("ae_rel_mmf", "ae_action_mmf", "sr_causality_mmf"))
NOTE = Text(
    en="Adverse event #{number} (record version {ae_version}) of subject {subject} and its SAE report. The QR code "
       "identifies the SAE report record and the hash of its content. Products are named blind: never by arm.",
    zh="受试者 {subject} 的不良事件 #{number}（记录版本 {ae_version}）及其严重不良事件报告。"
       "二维码标识该报告记录及其内容哈希值。试验用药按设盲名称记录，不显示分组。",
)


def _ae(field_id: str) -> Text:
    return adverse_event.FORM.field(field_id).label


def _sr(field_id: str) -> Text:
    return sae_report.FORM.field(field_id).label


def _rows(report: SaeReport, lang: str) -> list[tuple[str, str, str]]:
    def text(value: Text | None) -> str:
        return say(value if value is not None else NOT_GIVEN, lang)

    def plain(value: str | None) -> str:
        return value if value else say(NOT_GIVEN, lang)

    grade = "" if report.grade is None else f"{report.grade}: {report.grade_text or ''}".strip()
    term = text(report.term) + (f": {report.other_specify}" if report.other_specify else "")
    criteria = "; ".join(say(c, lang) for c in report.criteria) or say(NOT_GIVEN, lang)
    aware = plain(report.awareness_date) + (f" {report.awareness_time}" if report.awareness_time else "")
    sections: list[tuple[Text, list[tuple[Text, str]]]] = [
        (EVENT, [
            (TERMINOLOGY, f"CTCAE v{report.ctcae_version} · MedDRA v{report.meddra_version} {report.meddra_code}"),
            (_ae("ae_term_name"), term),
            (_ae("ae_soc"), text(report.soc)),
            (_ae("ae_verbatim"), plain(report.verbatim)),
            (_ae("ae_onset"), plain(report.onset)),
            (_ae("ae_end"), plain(report.resolution) if report.resolution else text(report.ongoing)),
            (GRADE, grade or say(NOT_GIVEN, lang)),
        ]),
        (SERIOUSNESS, [
            (_ae("sae_criteria"), criteria),
            (_ae("sae_awareness_date"), aware),
            (_sr("sr_sent_date"), plain(report.sent)),
            (_sr("sr_type"), text(report.report_type)),
        ]),
        (CAUSALITY, [
            row for product, (relationship, action, reasoning) in zip(report.products, PRODUCT_FIELDS, strict=True)
            for row in ((_ae(relationship), text(product.relationship)), (_ae(action), text(product.action)),
                        (_sr(reasoning), plain(product.reasoning)))
        ] + [
            (_ae("ae_expected"), text(report.expectedness)),
            (SUSAR, say(YES if report.suspected_unexpected else NO, lang)),
            (_sr("sr_other_causes"), plain(report.other_causes)),
        ]),
        (DESCRIPTION, [
            (_sr("sr_narrative"), plain(report.narrative)),
            (_sr("sr_history"), plain(report.history)),
            (_sr("sr_tests"), plain(report.tests)),
            (_sr("sr_conmeds"), plain(report.conmeds)),
        ]),
        (OUTCOME, [
            (_ae("ae_treatment"), plain(report.treatment)),
            (_ae("ae_outcome"), text(report.outcome)),
            *(((_ae("ae_death_date"), report.death_date),) if report.death_date else ()),
        ]),
        (REPORTER, [
            (_sr("sr_reporter"), plain(report.reporter)),
            (_sr("sr_reporter_role"), text(report.reporter_role)),
            (_sr("sr_reporter_contact"), plain(report.reporter_contact)),
        ]),
    ]
    rows: list[tuple[str, str, str]] = []
    for section, items in sections:
        for index, (label, value) in enumerate(items):
            rows.append((say(section, lang) if index == 0 else "", say(label, lang), value))
    return rows


def sae_report_part(report: SaeReport, *, qr: QrPayload, lang: str, ae_no: int, ae_version: int) -> TablePart:
    """The report as one titled table on the study's pages (``qr``: the SAE report record's)."""
    note = Text(en=NOTE.en.format(number=ae_no, ae_version=ae_version, subject=report.subject_id),
                zh=NOTE.zh.format(number=ae_no, ae_version=ae_version, subject=report.subject_id))
    return TablePart(qr=qr, title=TITLE, columns=COLUMNS, widths=WIDTHS, rows=tuple(_rows(report, lang)), note=note)


def render_sae_report(header: Header, part: TablePart) -> tuple[bytes, int]:
    """The PDF and its page count."""
    return render(Document(header=header, parts=(part,)))
