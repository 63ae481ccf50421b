"""The printed words that are not in a form declaration (headers, footers, boxes), in English and Chinese,
and how a text is set in each print language ("both": English, then Chinese)."""

from __future__ import annotations

from crf_desktop.forms.model import Text


def say(text: Text, lang: str) -> str:
    """One line: English, Chinese, or ``English / 中文`` (identical texts once)."""
    if lang == "both":
        return text.en if text.en == text.zh else f"{text.en} / {text.zh}"
    return text.get(lang)


def lines(text: Text, lang: str) -> list[str]:
    """Separate lines: English, Chinese, or English then Chinese (identical texts once)."""
    if lang == "both":
        return [text.en] if text.en == text.zh else [text.en, text.zh]
    return [text.get(lang)]


PROTOCOL = Text(en="Protocol", zh="方案编号")
SITE = Text(en="Site", zh="分中心")
SUBJECT = Text(en="Subject", zh="受试者")
VISIT = Text(en="Visit", zh="访视")
FORM = Text(en="Form", zh="表单")
VERSION = Text(en="version", zh="版本")
CASEBOOK = Text(en="Casebook", zh="病例汇总")
ENTRY = Text(en="entry", zh="条目")
PRINTED = Text(en="Printed by {who} at {when}", zh="打印人 {who}，打印时间 {when}")
PRINTED_BOTH = "Printed by / 打印人 {who}, {when}"
PAGE = Text(en="Page {n} of {total}", zh="第 {n} 页，共 {total} 页")
PRINTED_NAME = Text(en="Printed name", zh="姓名（正楷）")
SIGNATURE = Text(en="Signature", zh="签名")
DATE = Text(en="Date (DD / MMM / YYYY)", zh="日期（日 / 月 / 年）")
WET_SIGNATURE = Text(en="Investigator's signature on paper", zh="研究者手写签名")
E_SIGNED = Text(en="Electronically signed ({scope}) by {name} ({role}) at {when} UTC. Meaning: {meaning}",
                zh="已电子签名（{scope}）：{name}（{role}），{when} UTC。含义：{meaning}")
E_SIGNATURE_VOID = Text(en="No longer valid: the data changed after signing; to be signed again.",
                        zh="已失效：签名后数据有改动，需重新签名。")
BLANK = Text(en="BLANK CRF", zh="空白病例报告表")
RECORD = Text(en="Record version {version} · {status}", zh="记录版本 {version} · {status}")
NOT_ENTERED = Text(en="not entered (required)", zh="未填写（必填）")
NOT_ANSWERED = Text(en="not entered", zh="未填写")
NOT_APPLICABLE = Text(en="not applicable", zh="不适用")
COMPLETE_IF = Text(en="Complete {condition}", zh="{condition}，请填写")
COMPUTED = Text(en="computed by crf-desktop", zh="由系统计算")
COMPUTED_FROM = Text(en="Computed: {what}", zh="计算：{what}")
RANGE = Text(en="Allowed {range}", zh="允许范围 {range}")
EXPECTED = Text(en="expected {range}", zh="预期范围 {range}")
TICK_ONE = Text(en="tick one", zh="单选")
TICK_ANY = Text(en="tick all that apply", zh="可多选")
TICKED = Text(en="ticked", zh="已勾选")
NOT_TICKED = Text(en="not ticked", zh="未勾选")
UNKNOWN_PARTS = Text(en="write UN / UNK for an unknown day / month", zh="日 / 月不详填 UN / UNK")
CODE_FROM = Text(en="code ({terminology})", zh="编码（{terminology}）")
FLAG_LOW = Text(en="L (below the reference range)", zh="L（低于参考范围）")
FLAG_HIGH = Text(en="H (above the reference range)", zh="H（高于参考范围）")
CONTENTS = Text(en="This book holds", zh="本册包括")
CHART_NOT_RECORDED = Text(en="not recorded", zh="未记录")
CHART_NO_VISITS = Text(en="No visit with values recorded yet.", zh="尚无已记录数值的访视。")
