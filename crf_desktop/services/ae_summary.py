"""Adverse-event summaries for the screens (issue 6 item 5): a subject's AE timeline and the site's counts.

The arithmetic is :mod:`crf_desktop.forms.ctcae.summary`; here the AE log records are read (``VIEW_DATA``).
Nothing here reads the randomisation: the summaries are blind, never by arm.
"""

from __future__ import annotations

import json

from crf_desktop.core.roles import Permission
from crf_desktop.forms.ctcae.summary import AeBar, AeEntry, SiteAeSummary, site_summary, timeline
from crf_desktop.forms.library import adverse_event
from crf_desktop.services.adverse_events import AE_LOG
from crf_desktop.services.session import Session
from crf_desktop.services.subjects import get_subject
from crf_desktop.store import records as store
from crf_desktop.store.sql import rows

__all__ = ["AeBar", "SiteAeSummary", "site_ae_summary", "subject_ae_timeline"]


def subject_ae_timeline(session: Session, subject_id: str) -> tuple[AeBar, ...]:
    """The subject's adverse events as timeline bars, in onset order."""
    session.require(Permission.VIEW_DATA)
    get_subject(session, subject_id)
    found = [r for r in store.for_subject(session.site.db, subject_id)
             if r.visit == AE_LOG and r.form == adverse_event.FORM_ID]
    return timeline(AeEntry(subject_id=r.subject_id, ae_no=r.repeat_no, data=r.data) for r in found)


def site_ae_summary(session: Session) -> SiteAeSummary:
    """The site's adverse events by SOC and term, subjects by worst grade, SAEs (one query)."""
    session.require(Permission.VIEW_DATA)
    found = rows(session.site.db, "SELECT subject_id, repeat_no, data FROM records WHERE visit = ? AND form = ?",
                 [AE_LOG, adverse_event.FORM_ID])
    return site_summary(AeEntry(subject_id=row["subject_id"], ae_no=int(row["repeat_no"]),
                                data=json.loads(row["data"])) for row in found)
