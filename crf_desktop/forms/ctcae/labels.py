"""Simplified Chinese labels for the 26 MedDRA system organ classes and the terms this trial sees most.

SOC names: the official Chinese MedDRA SOC names (as used by NMPA/CDE). Term names: the usual Chinese CTCAE
v4.03 wording. Terms without a label here are shown in English in both languages; the stored value is always
the MedDRA code, so a label is display only. "<SOC> - Other, specify" terms are labelled from their SOC
("感染及侵染类疾病 - 其他（请注明）").
"""

from __future__ import annotations

from typing import Final

from crf_desktop.forms.ctcae.terms import Term
from crf_desktop.forms.model import Text

SOC_ZH: Final[dict[str, str]] = {
    "Blood and lymphatic system disorders": "血液及淋巴系统疾病",
    "Cardiac disorders": "心脏器官疾病",
    "Congenital, familial and genetic disorders": "各种先天性家族性遗传性疾病",
    "Ear and labyrinth disorders": "耳及迷路类疾病",
    "Endocrine disorders": "内分泌系统疾病",
    "Eye disorders": "眼器官疾病",
    "Gastrointestinal disorders": "胃肠系统疾病",
    "General disorders and administration site conditions": "全身性疾病及给药部位各种反应",
    "Hepatobiliary disorders": "肝胆系统疾病",
    "Immune system disorders": "免疫系统疾病",
    "Infections and infestations": "感染及侵染类疾病",
    "Injury, poisoning and procedural complications": "各类损伤、中毒及操作并发症",
    "Investigations": "各类检查",
    "Metabolism and nutrition disorders": "代谢及营养类疾病",
    "Musculoskeletal and connective tissue disorders": "各种肌肉骨骼及结缔组织疾病",
    "Neoplasms benign, malignant and unspecified (incl cysts and polyps)": (
        "良性、恶性及性质不明的肿瘤（包括囊状和息肉状）"
    ),
    "Nervous system disorders": "各类神经系统疾病",
    "Pregnancy, puerperium and perinatal conditions": "妊娠期、产褥期及围产期状况",
    "Psychiatric disorders": "精神病类",
    "Renal and urinary disorders": "肾脏及泌尿系统疾病",
    "Reproductive system and breast disorders": "生殖系统及乳腺疾病",
    "Respiratory, thoracic and mediastinal disorders": "呼吸系统、胸及纵隔疾病",
    "Skin and subcutaneous tissue disorders": "皮肤及皮下组织类疾病",
    "Social circumstances": "社会环境",
    "Surgical and medical procedures": "各种手术及医疗操作",
    "Vascular disorders": "血管与淋巴管类疾病",
}

#: The suffix of the Chinese label of an "Other, specify" term.
OTHER_SPECIFY_ZH: Final = "其他（请注明）"

#: Chinese labels of the terms this trial sees most, by CTCAE v4.03 term name (a test checks every name).
TERM_ZH: Final[dict[str, str]] = {
    # infections and infusion reactions
    "Lung infection": "肺部感染",
    "Urinary tract infection": "尿路感染",
    "Upper respiratory infection": "上呼吸道感染",
    "Bronchial infection": "支气管感染",
    "Skin infection": "皮肤感染",
    "Kidney infection": "肾脏感染",
    "Mucosal infection": "黏膜感染",
    "Sepsis": "脓毒症",
    "Infusion related reaction": "输液相关反应",
    "Allergic reaction": "过敏反应",
    "Anaphylaxis": "严重过敏反应",
    "Cytokine release syndrome": "细胞因子释放综合征",
    # cytopenias and laboratory terms
    "Anemia": "贫血",
    "Febrile neutropenia": "发热性中性粒细胞减少",
    "White blood cell decreased": "白细胞计数降低",
    "Neutrophil count decreased": "中性粒细胞计数降低",
    "Lymphocyte count decreased": "淋巴细胞计数降低",
    "Platelet count decreased": "血小板计数降低",
    "Alanine aminotransferase increased": "丙氨酸氨基转移酶升高",
    "Aspartate aminotransferase increased": "天门冬氨酸氨基转移酶升高",
    "Blood bilirubin increased": "血胆红素升高",
    "Creatinine increased": "肌酐升高",
    "Hypoalbuminemia": "低白蛋白血症",
    "Hyperglycemia": "高血糖",
    "Hypokalemia": "低钾血症",
    "Hyperkalemia": "高钾血症",
    "Proteinuria": "蛋白尿",
    "Acute kidney injury": "急性肾损伤",
    "Chronic kidney disease": "慢性肾脏病",
    # general, gastrointestinal, skin, nervous system, vascular
    "Fever": "发热",
    "Fatigue": "乏力",
    "Chills": "寒战",
    "Edema limbs": "四肢水肿",
    "Diarrhea": "腹泻",
    "Nausea": "恶心",
    "Vomiting": "呕吐",
    "Abdominal pain": "腹痛",
    "Anorexia": "厌食",
    "Mucositis oral": "口腔黏膜炎",
    "Rash maculo-papular": "斑丘疹",
    "Pruritus": "瘙痒",
    "Urticaria": "荨麻疹",
    "Alopecia": "脱发",
    "Headache": "头痛",
    "Dizziness": "头晕",
    "Insomnia": "失眠",
    "Cough": "咳嗽",
    "Arthralgia": "关节痛",
    "Myalgia": "肌痛",
    "Hypertension": "高血压",
    "Hypotension": "低血压",
    "Thromboembolic event": "血栓栓塞事件",
}


def soc_text(soc: str) -> Text:
    """A SOC's name in English and Chinese (English in both when it has no Chinese name)."""
    return Text(en=soc, zh=SOC_ZH.get(soc, soc))


def term_text(term: Term) -> Text:
    """A term's name in English and Chinese (English in both when it has no Chinese label)."""
    if term.is_other_specify:
        return Text(en=term.term, zh=f"{SOC_ZH.get(term.soc, term.soc)} - {OTHER_SPECIFY_ZH}")
    return Text(en=term.term, zh=TERM_ZH.get(term.term, term.term))


def has_chinese_label(term: Term) -> bool:
    """Whether the term has its own Chinese label (not the English fallback)."""
    return term.is_other_specify or term.term in TERM_ZH
