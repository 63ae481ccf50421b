"""The site summary: per visit, how many subjects are SRI-4 and renal responders, non-responders, or not
evaluable. No treatment arms appear (the study is blinded at the sites, DESIGN.md section 9)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crf_desktop.forms.outcomes.response import SubjectOutcomes
from crf_desktop.forms.outcomes.values import Status


@dataclass(frozen=True, slots=True, kw_only=True)
class Counts:
    """Subjects by status at one visit."""

    responders: int = 0
    non_responders: int = 0
    not_evaluable: int = 0

    @property
    def total(self) -> int:
        return self.responders + self.non_responders + self.not_evaluable

    def add(self, status: Status) -> Counts:
        """These counts with one more subject of ``status``."""
        return Counts(
            responders=self.responders + (status is Status.RESPONDER),
            non_responders=self.non_responders + (status is Status.NON_RESPONDER),
            not_evaluable=self.not_evaluable + (status is Status.NOT_EVALUABLE),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class VisitSummary:
    """One visit: SRI-4 counts; renal counts (responder = complete or partial, i.e. total remission) with the
    complete and partial responders also counted apart."""

    visit: str
    sri4: Counts
    renal: Counts
    renal_complete: int
    renal_partial: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteSummary:
    """The site's subjects, counted per visit, under one renal response definition."""

    definition: str
    subjects: int
    visits: tuple[VisitSummary, ...]

    def visit(self, code: str) -> VisitSummary:
        """The summary of visit ``code``; ``KeyError`` naming it when absent."""
        for summary in self.visits:
            if summary.visit == code:
                return summary
        raise KeyError(f"the site summary has no visit {code!r}")


def site_summary(outcomes: Iterable[SubjectOutcomes]) -> SiteSummary:
    """Count responders / non-responders / not evaluable per visit over the subjects' outcomes (from
    :func:`~crf_desktop.forms.outcomes.response.subject_outcomes`, all under the same renal definition).

    Visits appear in the order the subjects' outcomes list them. ValueError when the outcomes mix renal
    response definitions (the counts would not be comparable).
    """
    subjects = list(outcomes)
    definitions = sorted({subject.definition for subject in subjects})
    if len(definitions) > 1:
        raise ValueError(f"outcomes: subjects were assessed under different renal definitions: {definitions}")
    order: list[str] = []
    sri4: dict[str, Counts] = {}
    renal: dict[str, Counts] = {}
    complete: dict[str, int] = {}
    partial: dict[str, int] = {}
    for subject in subjects:
        for row in subject.visits:
            if row.visit not in sri4:
                order.append(row.visit)
                sri4[row.visit], renal[row.visit] = Counts(), Counts()
                complete[row.visit] = partial[row.visit] = 0
            sri4[row.visit] = sri4[row.visit].add(row.sri4.status)
            renal[row.visit] = renal[row.visit].add(row.renal.status)
            complete[row.visit] += row.renal.category == "complete"
            partial[row.visit] += row.renal.category == "partial"
    return SiteSummary(
        definition=definitions[0] if definitions else "",
        subjects=len(subjects),
        visits=tuple(
            VisitSummary(
                visit=code,
                sri4=sri4[code],
                renal=renal[code],
                renal_complete=complete[code],
                renal_partial=partial[code],
            )
            for code in order
        ),
    )
