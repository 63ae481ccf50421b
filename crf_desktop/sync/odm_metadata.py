"""ODM ``Study``: global variables, measurement units and the ``MetaDataVersion`` built from the declarations.

One ``StudyEventDef`` per visit of the schedule and per subject log, one ``FormDef`` per form, one
``ItemGroupDef`` per section, one ``ItemDef`` per field (data type, length or significant digits, the question
in English and Chinese, the unit, ``RangeCheck`` for the hard range (``Hard``) and the expected range (``Soft``),
a ``CodeListRef`` for single choices and yes/no), and a ``CodeList`` per distinct list of answers. Derived values
and relevance conditions are described in the item's ``Description``. A small ``subject`` event carries what the
casebook knows about the subject itself (sex, birth year, status, randomisation number, and the arm only when the
study has been unblinded at the centre; the arm's ``CodeList`` decodes the list's codes, A and B, in English and
Chinese from ``forms.arms``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from xml.etree import ElementTree as ET  # noqa: S405 - writing only

from crf_desktop import __version__
from crf_desktop.forms.arms import ARM_LABELS, ARM_QUESTION
from crf_desktop.forms.conditions import instruction
from crf_desktop.forms.model import Choice, Field, FieldType, Form, Range, Text
from crf_desktop.forms.registry import Registry
from crf_desktop.sync.export_layout import Holder, holders_of
from crf_desktop.sync.odm_names import event_oid, form_oid, group_oid, item_oid, sub, tag, translated

SUBJECT_EVENT = "subject"
SUBJECT_FORM = "subject"
SUBJECT_GROUP = "IG.subject"
#: The subject event's items: (name, label); "arm" is added only when arms are exported.
SUBJECT_ITEMS: tuple[tuple[str, Text], ...] = (
    ("sex", Text(en="Sex", zh="性别")),
    ("birth_year", Text(en="Year of birth", zh="出生年份")),
    ("status", Text(en="Subject status", zh="受试者状态")),
    ("status_reason", Text(en="Reason for the status", zh="状态原因")),
    ("enrolled_at", Text(en="Enrolled at (UTC)", zh="入组时间（UTC）")),
    ("randomisation_no", Text(en="Randomisation number", zh="随机号")),
    ("randomised_at", Text(en="Randomised at (UTC)", zh="随机化时间（UTC）")),
)
ARM_ITEM = ("arm", ARM_QUESTION)
ARM_CODE_LIST = "CL.subject.arm"
SUBJECT_TYPES = {"birth_year": "integer", "enrolled_at": "datetime", "randomised_at": "datetime"}

_DATA_TYPES: dict[FieldType, str] = {
    FieldType.TEXT: "text",
    FieldType.INTEGER: "integer",
    FieldType.DECIMAL: "float",
    FieldType.DATE: "date",
    FieldType.PARTIAL_DATE: "partialDate",
    FieldType.TIME: "time",
    FieldType.CHOICE: "text",
    FieldType.MULTI_CHOICE: "text",
    FieldType.YES_NO: "text",
    FieldType.CHECKBOX: "boolean",
}
#: Fields whose answers are one code of a list (a multiple choice holds several codes: no CodeListRef).
_CODED = frozenset({FieldType.CHOICE, FieldType.YES_NO})


@dataclass(frozen=True, kw_only=True)
class MetaData:
    """The OIDs the clinical data refer to."""

    study_oid: str
    version_oid: str


def version_oid(registry: Registry) -> str:
    """The MetaDataVersion OID: changes whenever a form id or version changes."""
    key = ";".join(f"{f.id}:{f.version}" for f in registry.all_forms())
    return f"MDV.{hashlib.sha256(key.encode()).hexdigest()[:12]}"


class _Lists:
    """Code lists and measurement units, shared between items that declare the same answers or unit."""

    def __init__(self) -> None:
        self.code_lists: dict[tuple[tuple[str, str, str], ...], tuple[str, Form, Field]] = {}
        self.units: dict[tuple[str, str], str] = {}

    def code_list(self, form: Form, f: Field) -> str:
        key = tuple((o.code, o.label.en, o.label.zh) for o in f.options())
        found = self.code_lists.setdefault(key, (f"CL.{form.id}.{f.id}", form, f))
        return found[0]

    def unit(self, unit: Text) -> str:
        return self.units.setdefault((unit.en, unit.zh), f"MU.{len(self.units) + 1}")


def _event_def(parent: ET.Element, holder: Holder) -> None:
    visit = holder.visit
    if visit is None:
        kind, category = "Common", "subject log"
    else:
        kind = "Scheduled" if visit.target_day is not None else "Unscheduled"
        category = visit.kind.value
    event = sub(parent, "StudyEventDef", {"OID": event_oid(holder.code), "Name": holder.label_en,
                                          "Repeating": "Yes" if holder.repeatable else "No", "Type": kind,
                                          "Category": category})
    translated(event, "Description", holder.label_en, holder.label_zh)
    for number, form_id in enumerate(holder.forms, start=1):
        sub(event, "FormRef", {"FormOID": form_oid(form_id), "OrderNumber": str(number), "Mandatory": "No"})


def _form_def(parent: ET.Element, form: Form) -> None:
    element = sub(parent, "FormDef", {"OID": form_oid(form.id), "Name": form.title.en,
                                      "Repeating": "Yes" if form.repeating else "No"})
    translated(element, "Description", f"{form.title.en} (version {form.version})",
               f"{form.title.zh}（版本 {form.version}）")
    for number, section in enumerate(form.sections, start=1):
        sub(element, "ItemGroupRef", {"ItemGroupOID": group_oid(form.id, section.id), "OrderNumber": str(number),
                                      "Mandatory": "No"})
    sub(element, "Alias", {"Context": "crf-desktop form id", "Name": form.id})


def _group_defs(parent: ET.Element, form: Form) -> None:
    for section in form.sections:
        group = sub(parent, "ItemGroupDef", {"OID": group_oid(form.id, section.id), "Name": section.title.en,
                                             "Repeating": "No"})
        translated(group, "Description", section.title.en, section.title.zh)
        for number, f in enumerate(section.fields, start=1):
            mandatory = f.required and f.relevant is None and not f.is_derived and f.type is not FieldType.CHECKBOX
            sub(group, "ItemRef", {"ItemOID": item_oid(form.id, f.id), "OrderNumber": str(number),
                                   "Mandatory": "Yes" if mandatory else "No"})


def _description(form: Form, f: Field) -> Text | None:
    parts_en: list[str] = []
    parts_zh: list[str] = []
    if f.derived is not None:
        parts_en.append(f"Derived (read-only): {f.derived.description.en}")
        parts_zh.append(f"计算值（只读）：{f.derived.description.zh}")
    if f.relevant is not None:
        condition = instruction(f.relevant, form)
        parts_en.append(f"Asked only {condition.en}")
        parts_zh.append(f"仅在以下情况填写：{condition.zh}")
    if f.type is FieldType.MULTI_CHOICE:
        parts_en.append("Several answers, stored as comma-separated codes: "
                        + "; ".join(f"{o.code} = {o.label.en}" for o in f.options()))
        parts_zh.append("可多选，以逗号分隔的代码保存：" + "；".join(f"{o.code} = {o.label.zh}" for o in f.options()))
    if f.help is not None:
        parts_en.append(f.help.en)
        parts_zh.append(f.help.zh)
    if not parts_en:
        return None
    return Text(en=". ".join(parts_en), zh="。".join(parts_zh))


def _range_checks(parent: ET.Element, f: Field, declared: Range | None, soft_hard: str, unit_oid: str | None) -> None:
    if declared is None:
        return
    described = declared.describe(f.unit_text("en"))
    described_zh = declared.describe(f.unit_text("zh"))
    for comparator, bound in (("GE", declared.low), ("LE", declared.high)):
        if bound is None:
            continue
        check = sub(parent, "RangeCheck", {"Comparator": comparator, "SoftHard": soft_hard})
        sub(check, "CheckValue", text=str(bound))
        if unit_oid is not None:
            sub(check, "MeasurementUnitRef", {"MeasurementUnitOID": unit_oid})
        if soft_hard == "Hard":
            translated(check, "ErrorMessage", f"Outside the accepted range {described}; the value is refused",
                       f"超出允许范围 {described_zh}，不能保存")
        else:
            translated(check, "ErrorMessage", f"Outside the expected range {described}; confirm the value",
                       f"超出预期范围 {described_zh}，请确认")


def _item_def(parent: ET.Element, form: Form, f: Field, lists: _Lists) -> None:
    attrs = {"OID": item_oid(form.id, f.id), "Name": f.id, "DataType": _DATA_TYPES[f.type]}
    if f.type is FieldType.TEXT:
        attrs["Length"] = str(f.max_length)
    if f.type is FieldType.DECIMAL and f.precision is not None:
        attrs["SignificantDigits"] = str(f.precision)
    if f.is_derived:
        attrs["Origin"] = "Derived"
    item = sub(parent, "ItemDef", attrs)
    description = _description(form, f)
    if description is not None:
        translated(item, "Description", description.en, description.zh)
    translated(item, "Question", f.label.en, f.label.zh)
    unit_oid = lists.unit(f.unit) if f.unit is not None else None
    if unit_oid is not None:
        sub(item, "MeasurementUnitRef", {"MeasurementUnitOID": unit_oid})
    _range_checks(item, f, f.hard_range, "Hard", unit_oid)
    _range_checks(item, f, f.expected_range, "Soft", unit_oid)
    if f.type in _CODED:
        sub(item, "CodeListRef", {"CodeListOID": lists.code_list(form, f)})
    if f.terminology is not None:
        sub(item, "Alias", {"Context": "terminology", "Name": f.terminology})


def _code_list(parent: ET.Element, oid: str, form: Form, f: Field, options: tuple[Choice, ...]) -> None:
    code_list = sub(parent, "CodeList", {"OID": oid, "Name": f"{form.id}.{f.id}", "DataType": "text"})
    for number, option in enumerate(options, start=1):
        item = sub(code_list, "CodeListItem", {"CodedValue": option.code, "OrderNumber": str(number)})
        translated(item, "Decode", option.label.en, option.label.zh)


def _arm_code_list(parent: ET.Element) -> None:
    code_list = sub(parent, "CodeList", {"OID": ARM_CODE_LIST, "Name": f"{SUBJECT_FORM}.{ARM_ITEM[0]}",
                                         "DataType": "text"})
    for number, (code, label) in enumerate(sorted(ARM_LABELS.items()), start=1):
        item = sub(code_list, "CodeListItem", {"CodedValue": code, "OrderNumber": str(number)})
        translated(item, "Decode", label.en, label.zh)


def _subject_event_def(version: ET.Element) -> None:
    event = sub(version, "StudyEventDef", {"OID": event_oid(SUBJECT_EVENT), "Name": "Subject", "Repeating": "No",
                                           "Type": "Common", "Category": "subject"})
    translated(event, "Description", "What the casebook records about the subject", "受试者基本信息")
    sub(event, "FormRef", {"FormOID": form_oid(SUBJECT_FORM), "OrderNumber": "1", "Mandatory": "Yes"})


def study_element(registry: Registry, *, study_id: str, with_arm: bool) -> tuple[ET.Element, MetaData]:
    """The ``Study`` element with its ``MetaDataVersion``; the arm item only when ``with_arm``."""
    meta = MetaData(study_oid=study_id, version_oid=version_oid(registry))
    study = ET.Element(tag("Study"), {"OID": meta.study_oid})
    variables = sub(study, "GlobalVariables")
    sub(variables, "StudyName", text=study_id)
    sub(variables, "StudyDescription", text=f"Case report forms of study {study_id}, exported by crf-desktop "
                                           f"{__version__}")
    sub(variables, "ProtocolName", text=study_id)
    basic = sub(study, "BasicDefinitions")
    version = sub(study, "MetaDataVersion", {"OID": meta.version_oid, "Name": f"{study_id} forms",
                                             "Description": ", ".join(f"{f.id} {f.version}"
                                                                      for f in registry.all_forms())})
    holders = holders_of(registry)
    protocol = sub(version, "Protocol")
    for number, code in enumerate((SUBJECT_EVENT, *(h.code for h in holders)), start=1):
        sub(protocol, "StudyEventRef", {"StudyEventOID": event_oid(code), "OrderNumber": str(number),
                                        "Mandatory": "Yes" if code in (SUBJECT_EVENT, "screening") else "No"})
    _subject_event_def(version)
    for holder in holders:
        _event_def(version, holder)
    subject_form = sub(version, "FormDef", {"OID": form_oid(SUBJECT_FORM), "Name": "Subject", "Repeating": "No"})
    sub(subject_form, "ItemGroupRef", {"ItemGroupOID": SUBJECT_GROUP, "OrderNumber": "1", "Mandatory": "Yes"})
    for form in registry.all_forms():
        _form_def(version, form)
    subject_items = SUBJECT_ITEMS + ((ARM_ITEM,) if with_arm else ())
    subject_group = sub(version, "ItemGroupDef", {"OID": SUBJECT_GROUP, "Name": "Subject", "Repeating": "No"})
    for number, (name, _label) in enumerate(subject_items, start=1):
        sub(subject_group, "ItemRef", {"ItemOID": item_oid(SUBJECT_FORM, name), "OrderNumber": str(number),
                                       "Mandatory": "No"})
    for form in registry.all_forms():
        _group_defs(version, form)
    for name, label in subject_items:
        item = sub(version, "ItemDef", {"OID": item_oid(SUBJECT_FORM, name), "Name": name,
                                        "DataType": SUBJECT_TYPES.get(name, "text")})
        translated(item, "Question", label.en, label.zh)
        if name == ARM_ITEM[0]:
            sub(item, "CodeListRef", {"CodeListOID": ARM_CODE_LIST})
    lists = _Lists()
    for form in registry.all_forms():
        for f in form.fields:
            _item_def(version, form, f, lists)
    for oid, form, f in lists.code_lists.values():
        _code_list(version, oid, form, f, f.options())
    if with_arm:
        _arm_code_list(version)
    for (en, zh), oid in lists.units.items():
        unit = sub(basic, "MeasurementUnit", {"OID": oid, "Name": en})
        translated(unit, "Symbol", en, zh)
    if not lists.units:
        study.remove(basic)
    return study, meta
