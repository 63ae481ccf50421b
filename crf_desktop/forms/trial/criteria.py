"""The 7 inclusion and 12 exclusion criteria of NCT03580291, worded as in the registry record, in English and
Simplified Chinese, and who decides each one.

Wording: the registry record's text. Where the record prints "=50%" and "=265.2umol/L", a "≥" was lost in the
registry's character encoding; the criteria read "≥ 50 %" and "≥ 265.2 µmol/L" (decision, issue 4 item 1).

``DATA``: the app evaluates the criterion from recorded data (:func:`crf_desktop.forms.trial.eligibility.
evaluate_eligibility`) and shows the evidence; ``INVESTIGATOR``: the investigator answers on the eligibility
form; ``MIXED``: recorded data plus an investigator answer (inclusion 5: sex and childbearing potential plus
the answer; inclusion 7: consent date plus the answer; exclusion 12: pregnancy test plus the answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from crf_desktop.forms.model import Text


class Decider(StrEnum):
    """Who decides a criterion."""

    DATA = "data"
    INVESTIGATOR = "investigator"
    MIXED = "mixed"


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """One eligibility criterion: id (``inc1`` .. ``exc12``, also the eligibility form's field id), text, decider."""

    id: str
    text: Text
    decider: Decider

    @property
    def inclusion(self) -> bool:
        """Whether it is an inclusion criterion (met = required) rather than an exclusion (met = excluded)."""
        return self.id.startswith("inc")

    @property
    def number(self) -> int:
        """Its number in the registry's list."""
        return int(self.id[3:])

    @property
    def short(self) -> Text:
        """``Inclusion 4`` / ``入选标准 4``."""
        if self.inclusion:
            return Text(en=f"Inclusion {self.number}", zh=f"入选标准 {self.number}")
        return Text(en=f"Exclusion {self.number}", zh=f"排除标准 {self.number}")


def _c(criterion_id: str, decider: Decider, en: str, zh: str) -> Criterion:
    return Criterion(id=criterion_id, text=Text(en=en, zh=zh), decider=decider)


D, INV, M = Decider.DATA, Decider.INVESTIGATOR, Decider.MIXED

INCLUSION: tuple[Criterion, ...] = (
    _c("inc1", D,
       "Subjects who met the American College of Rheumatology (ACR, 1997) classification criteria for SLE",
       "符合美国风湿病学会（ACR）1997 年系统性红斑狼疮分类标准"),
    _c("inc2", D, "Ages: 18-60 years old (including)", "年龄 18～60 岁（含 18 岁及 60 岁）"),
    _c("inc3", D,
       "Presence of class III, IV, V, III+V or IV+V LN as determined by renal biopsy within 12 weeks of "
       "randomization (2003 ISN/RPS LN classification criteria)",
       "随机前 12 周内经肾活检证实为 III 型、IV 型、V 型、III+V 型或 IV+V 型狼疮肾炎"
       "（2003 年 ISN/RPS 狼疮肾炎病理分型标准）"),
    _c("inc4", D,
       "Morning proteinuria/creatinine ratio > 1.0 or 24 hours proteinuria > 1.0 g, with or without microscopic "
       "hematuria (> 5 red blood cells/high-power field)",
       "晨尿蛋白/肌酐比值 > 1.0 或 24小时尿蛋白定量 > 1.0 g，伴或不伴镜下血尿（红细胞 > 5 个/高倍视野）"),
    _c("inc5", M,
       "Women of childbearing age agreed to adopt effective contraception measures during the trial period",
       "育龄期女性同意在试验期间采取有效的避孕措施"),
    _c("inc6", D, "Urine pregnancy tests were negative in women of childbearing age", "育龄期女性尿妊娠试验阴性"),
    _c("inc7", M,
       "Subject signed the informed consent form voluntarily and complied with the requirements of the research "
       "program",
       "受试者自愿签署知情同意书，并能遵守研究方案的要求"),
)

EXCLUSION: tuple[Criterion, ...] = (
    _c("exc1", D,
       "Received MMF, CTX, other potent immunosuppressive agents (including cyclosporine, tacrolimus, Tripterygium "
       "wilfordii and leflunomide) or biologics (Rituximab or others) within the past 12 weeks",
       "近 12 周内使用过吗替麦考酚酯（MMF）、环磷酰胺（CTX）、其他强效免疫抑制剂（包括环孢素、他克莫司、雷公藤及"
       "来氟米特）或生物制剂（利妥昔单抗或其他）"),
    _c("exc2", INV, "Previous failure to respond to MMF", "既往吗替麦考酚酯治疗无效"),
    _c("exc3", INV, "Known intolerance to MMF", "已知不耐受吗替麦考酚酯"),
    _c("exc4", D, "Renal biopsy showing ≥ 50% glomerulus sclerosis", "肾活检显示肾小球硬化 ≥ 50%"),
    _c("exc5", D,
       "Renal biopsy showing capillary loops necrosis, microthrombus formation in capillary loops, or cellular "
       "crescent in ≥ 50% of glomeruli",
       "肾活检显示 ≥ 50% 的肾小球存在毛细血管袢坏死、毛细血管袢内微血栓形成或细胞性新月体"),
    _c("exc6", INV,
       "Patients diagnosed with other autoimmune diseases apart from SLE: dermatomyositis/polymyositis, mixed "
       "connective tissue disease, scleroderma, rheumatoid arthritis, etc. However, participants with secondary "
       "Sjogren's syndrome are allowed to take part in the study",
       "除系统性红斑狼疮外合并其他自身免疫病：皮肌炎/多发性肌炎、混合性结缔组织病、硬皮病、类风湿关节炎等；"
       "继发性干燥综合征患者可以参加本研究"),
    _c("exc7", D,
       "Patients suffering from severe liver or kidney dysfunction (total bilirubin more than 14 mg/L, aspartate "
       "aminotransferase (AST) or alanine aminotransferase (ALT) more than 1.5 times the upper limit of normal lab "
       "value; creatinine clearance rate (Ccr) < 30 mL/min or serum creatinine (Scr) ≥ 265.2 µmol/L)",
       "严重肝肾功能不全（总胆红素 > 14 mg/L，谷草转氨酶（AST）或谷丙转氨酶（ALT）> 1.5 倍正常值上限；"
       "肌酐清除率（Ccr）< 30 mL/min 或血肌酐（Scr）≥ 265.2 µmol/L）"),
    _c("exc8", D,
       "Patients with hematological abnormalities (white blood cell < 3000/µL, hemoglobin < 8 g/dL, and/or "
       "platelets < 50000/µL)",
       "血液学异常（白细胞计数 < 3000/µL，血红蛋白 < 8 g/dL，和/或血小板计数 < 50000/µL）"),
    _c("exc9", INV,
       "Patients diagnosed with severe or uncontrolled cardiovascular, neurological, pulmonary (including "
       "obstructive pulmonary disease and interstitial lung disease), hepatic, endocrine (including uncontrolled "
       "diabetes mellitus), and gastrointestinal disorders",
       "患有严重或未控制的心血管、神经系统、肺部（包括阻塞性肺疾病及间质性肺疾病）、肝脏、内分泌（包括未控制的"
       "糖尿病）及胃肠道疾病"),
    _c("exc10", INV,
       "Known active or history of recurrent bacterial, viral, fungal, mycobacterial or other infections "
       "(including but not limited to tuberculosis, atypical mycobacterial infection, granulomatous disease showed "
       "by chest X-ray, hepatitis B, hepatitis C, HIV infection and herpes zoster, whereas not including "
       "onychomycosis). Any infection requiring hospitalization within 4 weeks prior to enrollment or intravenous "
       "antimicrobial treatment within 2 weeks prior to randomization",
       "已知活动性或反复发作的细菌、病毒、真菌、分枝杆菌或其他感染（包括但不限于结核、非典型分枝杆菌感染、胸部 X "
       "线显示的肉芽肿性疾病、乙型肝炎、丙型肝炎、HIV 感染及带状疱疹，不包括甲真菌病）；入组前 4 周内因感染需住院"
       "治疗，或随机前 2 周内需静脉抗感染治疗"),
    _c("exc11", INV,
       "History of malignancy, including solid tumor and hematologic malignancies (except basal cell carcinoma "
       "which has been excised or successfully treated)",
       "恶性肿瘤病史，包括实体瘤及血液系统恶性肿瘤（已切除或已治愈的基底细胞癌除外）"),
    _c("exc12", M, "Women who are pregnant or breastfeeding", "妊娠期或哺乳期女性"),
)

CRITERIA: tuple[Criterion, ...] = INCLUSION + EXCLUSION
BY_ID: dict[str, Criterion] = {c.id: c for c in CRITERIA}
