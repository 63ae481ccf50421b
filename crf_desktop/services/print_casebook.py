"""The pieces of a printed casebook besides the forms: the cover, the filled form parts with their laboratory
flags and signature manifestations, the derived outcomes, the trend chart and the audit appendix."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from crf_desktop.core.clock import parse_iso, utcnow
from crf_desktop.core.roles import Permission, Role
from crf_desktop.forms.library import labs
from crf_desktop.forms.model import Form, Text, same
from crf_desktop.forms.outcomes.response import CATEGORY_TEXT
from crf_desktop.forms.outcomes.values import STATUS_TEXT
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.pdf.content import QrPayload
from crf_desktop.pdf.document import ChartPart, CoverPart, FormPart, Part, SignatureMark, TablePart
from crf_desktop.pdf.words import say
from crf_desktop.services import outcomes, study_forms
from crf_desktop.services.lab_ranges import Flag, lab_flags
from crf_desktop.services.randomisation import assignment
from crf_desktop.services.session import Session
from crf_desktop.services.subject_context import form_context
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import audit, users
from crf_desktop.store import signatures as signature_store
from crf_desktop.store.records import Record
from crf_desktop.store.signatures import StoredSignature

COVER, OUTCOMES, TREND, AUDIT = "casebook", "outcomes", "trend", "audit"

_SUBJECT = Text(en="Subject number", zh="受试者编号")
_INITIALS = Text(en="Subject initials", zh="受试者姓名缩写")
_SITE = Text(en="Site", zh="分中心")
_SEX = Text(en="Sex", zh="性别")
_BIRTH = Text(en="Year of birth", zh="出生年份")
_RAND = Text(en="Randomisation number", zh="随机号")
_STATUS = Text(en="Status", zh="状态")
#: The signature meaning in Chinese; a Chinese page prints it with the English wording the signer confirmed.
_MEANING_ZH = "我已审阅这些数据，确认其准确、完整"
_SEXES = {"F": Text(en="Female", zh="女"), "M": Text(en="Male", zh="男")}


def visit_label(visit: str) -> Text:
    """A visit's or log's label (the code itself when the schedule does not know it)."""
    try:
        return REGISTRY.schedule.visit(visit).label
    except KeyError:
        pass
    try:
        return REGISTRY.schedule.log(visit).label
    except KeyError:
        return same(visit)


# -- cover ------------------------------------------------------------------------------------------------
def blank_cover(session: Session, payload: QrPayload) -> CoverPart:
    contents = tuple(v.label for v in REGISTRY.schedule.visits) + tuple(g.label for g in REGISTRY.schedule.logs)
    return CoverPart(qr=payload, title=Text(en="Case report form book", zh="病例报告表册"),
                     subject_lines=((_SITE, session.site_id), (_SUBJECT, ""), (_INITIALS, "")), contents=contents)


def subject_cover(session: Session, subject_id: str, payload: QrPayload, contents: tuple[Text, ...],
                  lang: str) -> CoverPart:
    subject = get_subject(session, subject_id)
    assigned = assignment(session, subject_id)  # the randomisation number and kits; never the arm
    lines = [(_SITE, session.site_id), (_SUBJECT, subject.subject_id), (_INITIALS, subject.initials),
             (_SEX, say(_SEXES.get(subject.sex, same(subject.sex)), lang)),
             (_BIRTH, str(subject.birth_year) if subject.birth_year else "—"),
             (_STATUS, say(subject.status.label, lang)
              + (f" ({subject.status_reason})" if subject.status_reason else ""))]
    if assigned is not None:
        lines.append((_RAND, assigned.rand_no))
    return CoverPart(qr=payload, title=Text(en="Subject casebook", zh="受试者病例报告表汇总"),
                     subject_lines=tuple(lines), contents=contents)


# -- signatures -------------------------------------------------------------------------------------------
def _mark(signature: StoredSignature) -> SignatureMark:
    try:
        role = Role(signature.role)
        role_text = Text(en=role.label, zh=role.label_zh)
    except ValueError:
        role_text = same(signature.role)
    if signature.visit is None:
        scope = Text(en="whole casebook", zh="整本病例")
    elif signature.form is None:
        label = visit_label(signature.visit)
        scope = Text(en=f"visit {label.en}", zh=f"访视 {label.zh}")
    else:
        scope = Text(en="this form", zh="本表单")
    meaning = (Text(en=signature.meaning, zh=_MEANING_ZH) if signature.meaning == signature_store.MEANING
               else same(signature.meaning))
    return SignatureMark(printed_name=signature.printed_name, username=signature.username, role=role_text,
                         meaning=meaning, signed_at=signature.signed_at, scope=scope, valid=signature.valid)


def _latest(signatures: list[StoredSignature], visit: str | None, form: str | None,
            repeat_no: int) -> SignatureMark | None:
    same_scope = [s for s in signatures if (s.visit, s.form, s.repeat_no) == (visit, form, repeat_no)]
    return _mark(same_scope[-1]) if same_scope else None


def casebook_signatures(session: Session, subject_id: str) -> tuple[SignatureMark, ...]:
    mark = _latest(signature_store.signatures_of(session.site.db, subject_id), None, None, 0)
    return (mark,) if mark is not None else ()


# -- form parts -------------------------------------------------------------------------------------------
def _saved(session: Session, record: Record) -> str:
    user = users.get(session.site.db, record.updated_by)
    name = user.full_name if user is not None else record.updated_by
    return f"{name}, {parse_iso(record.updated_at).strftime('%Y-%m-%d %H:%M')} UTC"


def filled_part(session: Session, subject_id: str, visit: str, form: Form, repeat_no: int, record: Record | None,
                payload: QrPayload) -> FormPart:
    flags: dict[str, str] = {}
    if form.id == labs.FORM_ID and record is not None:
        flags = {f.field: f.flag.value for f in lab_flags(session, subject_id, visit).values()
                 if f.flag in (Flag.LOW, Flag.HIGH)}
    signatures = signature_store.signatures_of(session.site.db, subject_id) if record is not None else []
    marks = tuple(m for m in (_latest(signatures, visit, form.id, repeat_no), _latest(signatures, visit, None, 0))
                  if m is not None)
    return FormPart(qr=payload, visit_label=visit_label(visit), form=form,
                    values=dict(record.data) if record is not None else {},
                    status=record.status.label if record is not None else Text(en="Not started", zh="未开始"),
                    flags=flags, signatures=marks, saved=_saved(session, record) if record is not None else "")


# -- outcomes, trend, audit -------------------------------------------------------------------------------
def outcomes_part(session: Session, subject_id: str, payload: QrPayload, lang: str) -> TablePart:
    found = outcomes.outcomes_of(session, subject_id)
    rows: list[tuple[str, ...]] = []
    for visit in found.visits:
        days = "" if visit.days_from_baseline is None else str(visit.days_from_baseline)
        rows.append((say(visit_label(visit.visit), lang), days, say(visit.sri4.describe(), lang),
                     say(visit.renal.describe(), lang)))
    timing = found.time_to_response
    first = timing.first_response
    reached = (f"{say(visit_label(first.visit), lang)}" + (f" (day {first.days})" if first.days is not None else "")
               if first is not None else say(Text(en="not reached", zh="未达到"), lang))
    rows.append((say(Text(en="Time to first renal response", zh="首次肾脏缓解时间"), lang), "", "", reached))
    for remission in found.remission:
        status = say(STATUS_TEXT[remission.status], lang)
        category = say(CATEGORY_TEXT[remission.category], lang) if remission.category else status
        rows.append((say(Text(en=f"Total remission, {visit_label(remission.visit).en}",
                              zh=f"总缓解，{visit_label(remission.visit).zh}"), lang), "", "", category))
    return TablePart(qr=payload, title=Text(en="Derived outcomes", zh="衍生结局"),
                     columns=(Text(en="Visit", zh="访视"), Text(en="Days from baseline", zh="距基线天数"),
                              Text(en="SRI-4", zh="SRI-4"),
                              Text(en=f"Renal response ({found.definition})", zh=f"肾脏缓解（{found.definition}）")),
                     widths=(1.2, 0.7, 2.2, 2.4), rows=tuple(rows),
                     note=Text(en="Computed by crf-desktop from the saved records (clinical-rules.md sections 5 and "
                                  "6); not evaluable is never counted as no response.",
                               zh="由系统根据已保存记录计算；无法评估不计为未缓解。"))


def _when(ts: str) -> str:
    return parse_iso(ts).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def audit_part(session: Session, subject_id: str, payload: QrPayload) -> TablePart:
    session.require(Permission.VIEW_AUDIT)
    names: dict[str, str] = {}
    rows: list[tuple[str, ...]] = []
    for group in print_jobs(audit.entries(session.site.db, subject=subject_id, newest_first=False)):
        entry = group[0]
        if entry.user not in names:
            user = users.get(session.site.db, entry.user)
            names[entry.user] = user.full_name if user is not None else entry.user
        if len(group) > 1:
            rows.append(_print_job_row(group))
            continue
        where = " · ".join(x for x in (entry.visit, entry.form, entry.field) if x)
        rows.append((str(entry.seq), _when(entry.ts), entry.user, entry.action, where,
                     entry.old_value or "", entry.new_value or "", entry.reason or ""))
    who = "; ".join(f"{login} = {name}" for login, name in names.items())
    zone = utcnow().astimezone().strftime("%Z")
    return TablePart(qr=payload, title=Text(en="Audit trail", zh="稽查轨迹"),
                     columns=(Text(en="#", zh="序号"), Text(en="When", zh="时间"), Text(en="Who", zh="操作人"),
                              Text(en="What", zh="操作"), Text(en="Visit · form · field", zh="访视 · 表单 · 字段"),
                              Text(en="Old value", zh="原值"), Text(en="New value", zh="新值"),
                              Text(en="Reason", zh="原因")),
                     widths=(0.4, 1.25, 0.85, 0.95, 1.9, 1.0, 1.35, 1.2), rows=tuple(rows),
                     note=Text(en=f"Every entry of the hash-chained audit trail for this subject, oldest first; times "
                                  f"in local time ({zone}). One print job is one row (its entries, one per printed "
                                  f"form with the version and SHA-256 printed, are numbered by the row's range). "
                                  f"Users: {who}.",
                               zh=f"本受试者哈希链稽查轨迹的全部条目，按时间先后排列；时间为本地时间（{zone}）。"
                                  f"一次打印合为一行（其各表单条目含版本与 SHA-256，序号见该行范围）。用户：{who}。"))


#: The audit action of a printed CRF (``store.paper.record_printed``: one entry per form of a print job).
PRINTED_ACTION = "CRF printed"
#: Entries of one print job are written in one transaction: consecutive, by one user, within this many seconds.
_JOB_SECONDS = 5.0


def print_jobs(entries: list[audit.AuditEntry]) -> list[list[audit.AuditEntry]]:
    """``entries`` in groups: the consecutive "CRF printed" entries of one print job together, any other alone."""
    groups: list[list[audit.AuditEntry]] = []
    for entry in entries:
        last = groups[-1][-1] if groups else None
        if (last is not None and entry.action == PRINTED_ACTION == last.action and entry.user == last.user
                and entry.seq == last.seq + 1
                and (parse_iso(entry.ts) - parse_iso(last.ts)).total_seconds() <= _JOB_SECONDS):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


def _print_job_row(group: list[audit.AuditEntry]) -> tuple[str, ...]:
    """One row for a print job: the range of its entries and, per visit, how many forms it printed."""
    first, last = group[0], group[-1]
    per_visit: dict[str, int] = {}
    for entry in group:
        key = entry.visit or COVER
        per_visit[key] = per_visit.get(key, 0) + 1
    where = "; ".join(f"{visit} ({count})" for visit, count in per_visit.items())
    languages = sorted({(e.new_value or "").rpartition(", ")[2] for e in group} - {""})
    return (str(first.seq), _when(first.ts), first.user, f"{PRINTED_ACTION} ×{len(group)} (#{first.seq}–{last.seq})",
            where, "", ", ".join(languages), "")


def visit_forms(session: Session, subject_id: str, visit: str, found: Mapping[tuple[str, str, int], Record]
                ) -> tuple[str, ...]:
    """The forms of a visit printed for this subject: those the schedule expects of them (no pregnancy test for a
    man) and any form holding data although it no longer applies (nothing entered is left off)."""
    try:
        scheduled = REGISTRY.schedule.visit(visit)
    except KeyError:
        return REGISTRY.schedule.log(visit).forms
    expected = scheduled.forms_for(form_context(session.site.db, subject_id))
    return tuple(f for f in scheduled.forms if f in expected or any(k[:2] == (visit, f) for k in found))


def casebook_parts(session: Session, subject_id: str, all_records: list[Record],
                   found: Mapping[tuple[str, str, int], Record], lang: str,
                   form_parts: Callable[[str, Form], list[FormPart]],
                   payload_of: Callable[[str], QrPayload]) -> list[Part]:
    """Cover, every visit with a record (all its forms), every log entry, outcomes, trend chart, audit."""
    visited = {r.visit for r in all_records}
    body: list[Part] = []
    contents: list[Text] = []
    for visit in REGISTRY.schedule.visits:
        if visit.code in visited:
            contents.append(visit.label)
            body += [p for f in visit_forms(session, subject_id, visit.code, found)
                     for p in form_parts(visit.code, study_forms.form_for(session, f))]
    for log in REGISTRY.schedule.logs:
        entries = sorted({n for (v, _f, n) in found if v == log.code})
        word = "entry" if len(entries) == 1 else "entries"
        contents.append(Text(en=f"{log.label.en}: {len(entries)} {word}", zh=f"{log.label.zh}：{len(entries)} 条"))
        # a linked form (the SAE report of an AE) is printed where it exists: an AE that is not serious has none
        used = {f for (v, f, _n) in found if v == log.code}
        body += [p for f in log.forms if f in used for p in form_parts(log.code, study_forms.form_for(session, f))]
    contents += [Text(en="Derived outcomes", zh="衍生结局"), Text(en="Trend chart", zh="趋势图"),
                 Text(en="Audit trail", zh="稽查轨迹")]
    cover = subject_cover(session, subject_id, payload_of(COVER), tuple(contents), lang)
    return [cover, *body, outcomes_part(session, subject_id, payload_of(OUTCOMES), lang),
            ChartPart(qr=payload_of(TREND), chart=outcomes.trend_of(session, subject_id)),
            audit_part(session, subject_id, payload_of(AUDIT))]
