"""Search synonyms for this trial: abbreviations, lay and British words, and Chinese words that lead to a
CTCAE v4.03 term (e.g. "plt" -> Platelet count decreased, "pneumonia" -> Lung infection).

Some events have no CTCAE v4.03 term of their own (herpes zoster is not among the 76 infection terms,
clinical-rules.md 8.4): their synonyms lead to the SOC's "Other, specify" term with the words to put in the
"specify" field. The sponsor may prefer another convention (herpes zoster under Skin infection, 8.4 [M]): change
the target here, nowhere else. A test checks that every target is a term of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from crf_desktop.forms.model import Text

INFECTION_OTHER: Final = "Infections and infestations - Other, specify"


@dataclass(frozen=True, slots=True, kw_only=True)
class Synonym:
    """Words that lead to one term; ``specify`` is the suggested text for an "Other, specify" term."""

    words: tuple[str, ...]
    term: str
    specify: Text | None = None


SYNONYMS: Final[tuple[Synonym, ...]] = (
    Synonym(words=("plt", "platelet", "platelets", "thrombocytopenia", "血小板减少", "血小板减少症"),
            term="Platelet count decreased"),
    Synonym(words=("wbc", "leukopenia", "leucopenia", "white cell count decreased", "白细胞减少", "白细胞减少症"),
            term="White blood cell decreased"),
    Synonym(words=("neutropenia", "anc", "neut", "中性粒细胞减少", "粒细胞减少"), term="Neutrophil count decreased"),
    Synonym(words=("lymphopenia", "lymphocytopenia", "淋巴细胞减少"), term="Lymphocyte count decreased"),
    Synonym(words=("hb", "hgb", "anaemia", "haemoglobin decreased", "hemoglobin decreased", "血红蛋白降低"),
            term="Anemia"),
    Synonym(words=("alt", "sgpt", "gpt", "transaminase", "transaminases", "转氨酶升高", "谷丙转氨酶升高"),
            term="Alanine aminotransferase increased"),
    Synonym(words=("ast", "sgot", "got", "transaminase", "transaminases", "转氨酶升高", "谷草转氨酶升高"),
            term="Aspartate aminotransferase increased"),
    Synonym(words=("bilirubin", "hyperbilirubinemia", "jaundice", "胆红素升高"), term="Blood bilirubin increased"),
    Synonym(words=("creatinine", "scr", "血肌酐升高"), term="Creatinine increased"),
    Synonym(words=("albumin decreased", "low albumin", "白蛋白降低"), term="Hypoalbuminemia"),
    Synonym(words=("aki", "acute renal failure", "急性肾衰竭"), term="Acute kidney injury"),
    Synonym(words=("infusion reaction", "transfusion reaction", "输注反应", "输液反应"),
            term="Infusion related reaction"),
    Synonym(words=("allergy", "hypersensitivity", "过敏"), term="Allergic reaction"),
    Synonym(words=("uti", "urinary infection", "泌尿系感染", "泌尿道感染"), term="Urinary tract infection"),
    Synonym(words=("uri", "urti", "common cold", "感冒", "上感"), term="Upper respiratory infection"),
    Synonym(words=("pneumonia", "chest infection", "肺炎"), term="Lung infection"),
    Synonym(words=("bronchitis", "支气管炎"), term="Bronchial infection"),
    Synonym(words=("cellulitis", "蜂窝织炎"), term="Skin infection"),
    Synonym(words=("pyelonephritis", "肾盂肾炎"), term="Kidney infection"),
    Synonym(words=("septicemia", "septicaemia", "败血症"), term="Sepsis"),
    Synonym(words=("fever", "pyrexia", "febrile", "发烧"), term="Fever"),
    Synonym(words=("tiredness", "asthenia", "疲劳"), term="Fatigue"),
    Synonym(words=("rash", "皮疹"), term="Rash maculo-papular"),
    Synonym(words=("hair loss", "掉发"), term="Alopecia"),
    Synonym(words=("high blood pressure", "hbp"), term="Hypertension"),
    Synonym(words=("high blood sugar", "steroid diabetes", "血糖升高"), term="Hyperglycemia"),
    Synonym(words=("low potassium", "血钾降低", "低血钾"), term="Hypokalemia"),
    Synonym(words=("herpes zoster", "zoster", "shingles", "带状疱疹"), term=INFECTION_OTHER,
            specify=Text(en="Herpes zoster", zh="带状疱疹")),
    Synonym(words=("herpes simplex", "hsv", "单纯疱疹"), term=INFECTION_OTHER,
            specify=Text(en="Herpes simplex", zh="单纯疱疹")),
    Synonym(words=("cmv", "cytomegalovirus", "巨细胞病毒感染"), term=INFECTION_OTHER,
            specify=Text(en="Cytomegalovirus infection", zh="巨细胞病毒感染")),
    Synonym(words=("influenza", "流感"), term=INFECTION_OTHER,
            specify=Text(en="Influenza", zh="流行性感冒")),
    Synonym(words=("tuberculosis", "tb", "结核"), term=INFECTION_OTHER,
            specify=Text(en="Tuberculosis", zh="结核病")),
)
