"""The subject casebook PDF (budget 1 s, in each print language: English, Chinese, both) against bare reportlab
drawing the same amount of text."""

from __future__ import annotations

import io
from pathlib import Path

from benchmarks.baselines import bare_pdf
from benchmarks.timing import Figure, median_seconds, not_measured
from crf_desktop.services.session import Session

CASEBOOK_BUDGET = 1.0


def _fullest_subject(session: Session) -> str:
    """The subject with the most records (a completed subject with AEs): the longest casebook."""
    row = session.site.db.execute(
        "SELECT subject_id FROM records GROUP BY subject_id ORDER BY count(*) DESC, subject_id LIMIT 1").fetchone()
    return str(row[0])


def measure(session: Session, folder: Path, rounds: int) -> list[Figure]:
    try:
        from crf_desktop.services.printing import PrintRequest, render_request
    except ImportError as exc:
        return [not_measured("casebook_pdf", CASEBOOK_BUDGET, f"services.printing cannot be imported ({exc})")]
    from pypdf import PdfReader

    folder.mkdir(parents=True, exist_ok=True)
    subject_id = _fullest_subject(session)
    found = []
    for lang in ("en", "zh", "both"):  # Chinese and both: the embedded CJK font, bilingual: twice the text
        request = PrintRequest(subject_id=subject_id, lang=lang)
        printed = render_request(session, request)
        text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(printed.pdf)).pages)
        ours = median_seconds(lambda request=request: render_request(session, request), min(rounds, 3))  # type: ignore[misc]
        bare = median_seconds(bare_pdf(text, printed.pages, folder / f"bare-{lang}.pdf"), min(rounds, 3))
        found.append(Figure(name=f"casebook_pdf_{lang}", median=ours, baseline=bare, budget=CASEBOOK_BUDGET,
                            budget_text="1 s", extra={"subject": subject_id, "pages": printed.pages,
                                                      "characters": len(text), "bytes": len(printed.pdf)}))
    return found
