"""CTCAE v4.03 terminology (issue 6 item 1): loader, grades, lookups, Chinese labels, loader failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from crf_desktop.forms.ctcae import (
    UnknownTermError,
    all_terms,
    allowed_grades,
    get_term,
    socs,
    term_by_code,
    term_by_name,
    term_text,
    terms_in_soc,
)
from crf_desktop.forms.ctcae.labels import SOC_ZH, TERM_ZH, has_chinese_label, soc_text
from crf_desktop.forms.ctcae.synonyms import SYNONYMS
from crf_desktop.forms.ctcae.terms import COLUMNS, TerminologyError, load_terminology, terminology


def test_loader_reads_790_terms_in_26_socs() -> None:
    # issue 6 item 1; clinical-rules.md 8.1: 26 SOCs, 790 terms, 790 unique codes
    assert len(all_terms()) == 790
    assert len(socs()) == 26
    assert len({t.meddra_code for t in all_terms()}) == 790
    assert len(terms_in_soc("Infections and infestations")) == 76
    assert len(terms_in_soc("gastrointestinal  DISORDERS")) == 117


def test_terminology_is_loaded_once() -> None:
    # issue 6 item 1: lazily, cached
    assert terminology() is terminology()


def test_term_fields_from_the_file() -> None:
    # issue 6 item 1; clinical-rules.md 8.2 (verbatim grade texts)
    platelets = term_by_code("10035528")
    assert platelets is not None
    assert platelets.term == "Platelet count decreased" and platelets.soc == "Investigations"
    assert platelets.grade_text(4) == "<25,000/mm3; <25.0 x 10e9 /L"
    assert platelets.grade_text(5) is None
    assert platelets.definition.startswith("A finding based on laboratory test results")
    assert term_by_name("platelet COUNT decreased") is platelets
    assert get_term("Platelet count decreased") is platelets
    with pytest.raises(ValueError, match="1-5"):
        platelets.grade_text(6)


def test_dash_grades_are_not_allowed() -> None:
    # issue 6 item 1; clinical-rules.md 8.1 ("-" = grade not available), 8.2 and 8.4
    assert allowed_grades("Febrile neutropenia") == (3, 4, 5)
    assert allowed_grades("10040047") == (4, 5)  # Sepsis
    assert allowed_grades("Lung infection") == (2, 3, 4, 5)
    assert allowed_grades("Platelet count decreased") == (1, 2, 3, 4)
    assert allowed_grades("Anemia") == (1, 2, 3, 4, 5)
    assert allowed_grades("Alopecia") == (1, 2)
    assert allowed_grades(get_term("Proteinuria")) == (1, 2, 3)
    assert allowed_grades("Infections and infestations - Other, specify") == (1, 2, 3, 4, 5)


def test_blank_grade_cells_read_as_not_available() -> None:
    # three grade-5 cells of the file are blank (documented in terms.py)
    assert allowed_grades("Obesity") == (2, 3, 4)
    assert allowed_grades("Lymph node pain") == (1, 2, 3)


def test_unknown_terms_and_socs_are_named() -> None:
    with pytest.raises(UnknownTermError, match="'99999999'"):
        allowed_grades("99999999")
    with pytest.raises(UnknownTermError, match="'Zoster'"):
        get_term("Zoster")
    with pytest.raises(UnknownTermError, match="system organ class"):
        terms_in_soc("Infections")
    assert term_by_code("1") is None


def test_other_specify_terms() -> None:
    # issue 6 item 3: one "Other, specify" term per SOC (one of them spelt with two spaces in the file)
    others = [t for t in all_terms() if t.is_other_specify]
    assert len(others) == 26
    assert {t.soc for t in others} == set(socs())
    assert not get_term("Hypothermia").is_other_specify


def test_chinese_soc_names_cover_all_26() -> None:
    # issue 6 item 1: proper Simplified Chinese MedDRA SOC names
    assert set(SOC_ZH) == set(socs())
    assert SOC_ZH["Infections and infestations"] == "感染及侵染类疾病"
    assert SOC_ZH["Blood and lymphatic system disorders"] == "血液及淋巴系统疾病"
    assert soc_text("Investigations").zh == "各类检查"


def test_chinese_term_labels() -> None:
    # issue 6 item 1: the ~40 terms this trial sees most
    missing = [name for name in TERM_ZH if term_by_name(name) is None]
    assert missing == []
    assert len(TERM_ZH) >= 40
    assert term_text(get_term("Lung infection")).zh == "肺部感染"
    assert term_text(get_term("Urinary tract infection")).zh == "尿路感染"
    assert term_text(get_term("Upper respiratory infection")).zh == "上呼吸道感染"
    assert term_text(get_term("Infusion related reaction")).zh == "输液相关反应"
    assert term_text(get_term("Anemia")).zh == "贫血"
    assert term_text(get_term("Infections and infestations - Other, specify")).zh == "感染及侵染类疾病 - 其他（请注明）"
    untranslated = get_term("Hearing impaired")
    assert term_text(untranslated).zh == "Hearing impaired" and not has_chinese_label(untranslated)


def test_synonym_targets_exist() -> None:
    assert [s.term for s in SYNONYMS if term_by_name(s.term) is None] == []


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_is_named(tmp_path: Path) -> None:
    # issue 6 item 1: the loader fails with a clear message naming the file
    missing = tmp_path / "CTCAE_v4.03.csv"
    with pytest.raises(TerminologyError, match="CTCAE_v4.03.csv is missing"):
        load_terminology(missing)


def test_wrong_header_is_named(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.csv", "Code,SOC,Term\n10002272,Blood,Anemia\n")
    with pytest.raises(TerminologyError, match=r"bad\.csv is malformed: the header"):
        load_terminology(bad)


def test_bad_code_and_short_rows_are_named(tmp_path: Path) -> None:
    header = ",".join(COLUMNS)
    short = _write(tmp_path / "short.csv", f"{header}\n10002272,Blood,Anemia,a,b\n")
    with pytest.raises(TerminologyError, match="line 2 has 5 columns"):
        load_terminology(short)
    code = _write(tmp_path / "code.csv", f"{header}\n1000227X,Blood,Anemia,a,b,c,d,Death,def,\n")
    with pytest.raises(TerminologyError, match="MedDRA code '1000227X' is not 8 digits"):
        load_terminology(code)


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    real = terminology().source.read_text(encoding="utf-8").splitlines(keepends=True)
    truncated = _write(tmp_path / "truncated.csv", "".join(real[:400]))
    with pytest.raises(TerminologyError, match="truncated.csv is malformed: it has .* terms"):
        load_terminology(truncated)


def test_duplicate_code_is_refused(tmp_path: Path) -> None:
    real = terminology().source.read_text(encoding="utf-8").splitlines(keepends=True)
    duplicated = _write(tmp_path / "dup.csv", "".join([*real, real[1]]))
    with pytest.raises(TerminologyError, match="10002272 appears twice"):
        load_terminology(duplicated)


def test_undecodable_file_is_named(tmp_path: Path) -> None:
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(TerminologyError, match="binary.csv cannot be read"):
        load_terminology(binary)
