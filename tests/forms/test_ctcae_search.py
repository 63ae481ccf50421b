"""CTCAE term search (issue 6 item 2): type-ahead over term, SOC, MedDRA code, Chinese label and synonyms."""

from __future__ import annotations

import time

import pytest

from crf_desktop.forms.ctcae import MatchKind, all_terms, search, terms_in_soc


def first(query: str) -> str:
    hits = search(query)
    assert hits, query
    return hits[0].term.term


@pytest.mark.parametrize("query", ["plt", "PLT", "platelet", "thrombocytopenia", "血小板", "血小板减少", "10035528"])
def test_platelet_queries(query: str) -> None:
    # issue 6 item 2: "plt", "platelet", "thrombocytopenia", Chinese, MedDRA code
    assert first(query) == "Platelet count decreased"


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("wbc", "White blood cell decreased"),
        ("leukopenia", "White blood cell decreased"),
        ("neutropenia", "Neutrophil count decreased"),
        ("anc", "Neutrophil count decreased"),
        ("alt", "Alanine aminotransferase increased"),
        ("sgpt", "Alanine aminotransferase increased"),
        ("infusion reaction", "Infusion related reaction"),
        ("uti", "Urinary tract infection"),
        ("pneumonia", "Lung infection"),
        ("肺炎", "Lung infection"),
        ("fever", "Fever"),
        ("hb", "Anemia"),
        ("anaemia", "Anemia"),
        ("贫血", "Anemia"),
        ("diarrhoea", "Diarrhea"),
        ("Fèver", "Fever"),
        ("ｐｌｔ", "Platelet count decreased"),
    ],
)
def test_synonyms_and_spellings(query: str, term: str) -> None:
    # issue 6 item 2: trial synonyms; case-, accent- and width-insensitive; British spellings
    assert first(query) == term


def test_transaminase_finds_alt_and_ast() -> None:
    hits = search("transaminase")
    names = [h.term.term for h in hits[:2]]
    assert names == ["Alanine aminotransferase increased", "Aspartate aminotransferase increased"]
    assert {h.match for h in hits[:2]} == {MatchKind.EXACT}


@pytest.mark.parametrize("query", ["herpes zoster", "Shingles", "带状疱疹", "zoster"])
def test_herpes_zoster_leads_to_other_specify(query: str) -> None:
    # issue 6 item 2; clinical-rules.md 8.4: no herpes zoster term in v4.03
    hit = search(query)[0]
    assert hit.term.term == "Infections and infestations - Other, specify"
    assert hit.code == "10021881"
    assert hit.specify is not None and hit.specify.en == "Herpes zoster" and hit.specify.zh == "带状疱疹"


def test_herpes_lists_each_specified_event() -> None:
    specified = [h.specify.en for h in search("herpes") if h.specify is not None]
    assert specified == ["Herpes simplex", "Herpes zoster"]


def test_ranking_exact_prefix_word_prefix_substring() -> None:
    # issue 6 item 2: exact first, then prefix, then word-prefix, then substring; ties by term
    hits = search("rash", limit=50)
    kinds = [h.match for h in hits]
    assert kinds == sorted(kinds)
    assert hits[0].term.term == "Rash maculo-papular" and hits[0].match is MatchKind.EXACT
    prefix = [h.term.term for h in hits if h.match is MatchKind.PREFIX]
    assert prefix == sorted(prefix, key=str.casefold) == ["Rash acneiform", "Rash pustular"]
    assert [h.term.term for h in hits if h.match is MatchKind.WORD_PREFIX] == ["Papulopustular rash"]
    hits = search("infection", limit=100)
    assert hits[0].match is MatchKind.PREFIX
    words = [h.term.term for h in hits if h.match is MatchKind.WORD_PREFIX]
    assert words == sorted(words, key=str.casefold)
    assert words[:2] == ["Abdominal infection", "Anorectal infection"] and "Lung infection" in words


def test_multi_word_query_matches_word_prefixes() -> None:
    names = [h.term.term for h in search("count decr")]
    assert {"Lymphocyte count decreased", "Neutrophil count decreased", "Platelet count decreased"} <= set(names)


def test_substring_and_soc_matches_come_last() -> None:
    hits = search("thrombo", limit=100)
    assert hits[0].match is MatchKind.PREFIX
    hits = search("各类检查", limit=200)  # the Investigations SOC in Chinese
    assert hits[0].term.term == "Investigations - Other, specify" and hits[0].match is MatchKind.PREFIX
    assert {h.match for h in hits[1:]} == {MatchKind.SOC}
    assert len(hits) == len(terms_in_soc("Investigations"))


def test_code_prefix() -> None:
    hits = search("1003552")
    assert hits[0].code == "10035528" and hits[0].match is MatchKind.PREFIX


def test_short_queries_do_not_match_inside_words() -> None:
    assert all(h.match <= MatchKind.WORD_PREFIX for h in search("hb", limit=100))
    assert search("") == [] and search("   ") == []


def test_labels_follow_language() -> None:
    hit = search("plt", lang="zh")[0]
    assert hit.label == "血小板计数降低" and hit.soc_label == "各类检查"
    hit = search("plt")[0]
    assert hit.label == "Platelet count decreased" and hit.soc_label == "Investigations"
    with pytest.raises(ValueError, match="lang"):
        search("plt", lang="fr")
    with pytest.raises(ValueError, match="limit"):
        search("plt", limit=0)


def test_limit() -> None:
    assert len(search("a", limit=5)) == 5


def test_browse_by_soc() -> None:
    # issue 6 item 2: browsing by SOC
    terms = terms_in_soc("Infections and infestations")
    assert terms[0].soc == "Infections and infestations"
    assert "Sepsis" in {t.term for t in terms}


def test_fast_enough_for_type_ahead() -> None:
    # issue 6 item 2: fast enough for type-ahead over 790 terms (loose bound; benchmarks measure it)
    search("warm-up")
    started = time.perf_counter()
    for query in ("p", "pl", "pla", "plat", "plate", "platel", "platele", "platelet") * 10:
        search(query)
    assert (time.perf_counter() - started) / 80 < 0.02


def test_every_term_finds_itself_by_name_and_code() -> None:
    # issue 6 item 2: exact term and code matches come first, for all 790 terms
    for term in all_terms():
        for query in (term.term, term.meddra_code):
            hit = search(query, limit=1)[0]
            assert (hit.term, hit.match) == (term, MatchKind.EXACT), query
