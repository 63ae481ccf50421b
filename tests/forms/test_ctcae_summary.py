"""Issue 6 item 5: AE summaries from the AE log's stored values (pure): a subject's timeline and the site's counts
by SOC and term, by worst grade per subject, and SAEs. No arms anywhere."""

from __future__ import annotations

from datetime import date

from crf_desktop.forms.ctcae.summary import AeEntry, site_summary, timeline

LUNG, URI, SEPSIS = "10061229", "10046300", "10040047"


def entry(subject: str, number: int, **data: str) -> AeEntry:
    return AeEntry(subject_id=subject, ae_no=number, data=data)


def test_timeline_bars_run_from_onset_to_resolution_or_stay_open() -> None:
    bars = timeline([
        entry("S1", 2, ae_term=URI, ae_onset="2024-05-01", ae_ongoing="Y", ae_grade="2"),
        entry("S1", 1, ae_term=LUNG, ae_onset="2024-03", ae_ongoing="N", ae_end="2024-04-02", ae_grade="3",
              ae_serious="Y"),
        entry("S1", 3, ae_term="99999999", ae_onset="2024-05-01"),  # not a CTCAE term: left out
        entry("S1", 4, ae_term=URI, ae_onset=""),  # no onset: left out
    ])
    assert [b.ae_no for b in bars] == [1, 2]
    lung, uri = bars
    # a partial onset is drawn from its earliest day, a partial end to its latest
    assert (lung.start, lung.end, lung.onset_partial, lung.serious, lung.grade) == (
        date(2024, 3, 1), date(2024, 4, 2), True, True, 3)
    assert uri.ongoing and uri.end is None and not uri.serious


def test_a_fatal_event_ends_at_the_date_of_death() -> None:
    bar, = timeline([entry("S1", 1, ae_term=SEPSIS, ae_onset="2024-05-01", ae_ongoing="N", ae_grade="5",
                           ae_outcome="FATAL", ae_death_date="2024-05-04", ae_serious="Y")])
    assert bar.end == date(2024, 5, 4) and bar.grade == 5


def test_site_counts_each_subject_once_per_term_at_the_worst_grade() -> None:
    summary = site_summary([
        entry("S1", 1, ae_term=LUNG, ae_grade="2"),
        entry("S1", 2, ae_term=LUNG, ae_grade="3", ae_serious="Y"),
        entry("S2", 1, ae_term=LUNG, ae_grade="2"),
        entry("S2", 2, ae_term=URI),  # no grade yet: an event, not in the grade columns
        entry("S3", 1, ae_term=SEPSIS, ae_grade="5", ae_outcome="FATAL", ae_serious="Y"),
        entry("S4", 1, ae_term="not a code", ae_grade="1"),
    ])
    assert (summary.events, summary.subjects_with_events) == (5, 3)
    assert dict(summary.worst_grade) == {1: 0, 2: 1, 3: 1, 4: 0, 5: 1}
    assert (summary.serious_events, summary.subjects_with_serious, summary.fatal_events) == (2, 2, 1)
    infections, = summary.socs
    assert infections.soc == "Infections and infestations" and (infections.events, infections.subjects) == (5, 3)
    lung = infections.terms[0]
    assert lung.term.term == "Lung infection" and (lung.events, lung.subjects, lung.serious_events) == (3, 2, 1)
    assert dict(lung.worst_grade) == {1: 0, 2: 1, 3: 1, 4: 0, 5: 0}
    uri = next(t for t in infections.terms if t.term.meddra_code == URI)
    assert uri.events == 1 and sum(uri.worst_grade.values()) == 0
