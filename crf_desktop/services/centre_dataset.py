"""The imported trial as a :class:`~crf_desktop.sync.dataset.TrialDataset`, for the centre's CSV and ODM exports."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from crf_desktop.core.clock import iso, utcnow
from crf_desktop.services.centre_queries import CentreQuery, LastDecision, site_raised
from crf_desktop.services.centre_unblinding import study_arms
from crf_desktop.store import centre as store
from crf_desktop.store import users as centre_users
from crf_desktop.store.query_decisions import centre_query_decisions
from crf_desktop.sync.dataset import (
    AuditRow,
    QueryRow,
    RecordRow,
    SignatureRow,
    SiteRow,
    SubjectRow,
    TrialDataset,
    UserRow,
)

_QUERY_FIELDS = ("subject_id", "visit", "form", "repeat_no", "field", "question", "status", "raised_by",
                 "raised_at", "answer", "answered_by", "answered_at", "closed_by", "closed_at")


def _decision(decision: LastDecision | None) -> dict[str, Any]:
    """The ``last_decision*`` columns of a query's export row."""
    if decision is None:
        return {}
    return {"last_decision": decision.action, "last_decision_by": decision.by, "last_decision_at": decision.at,
            "last_decision_reason": decision.reason}


def _site_raised(query: CentreQuery) -> QueryRow:
    """A query raised at a site as the centre lists it: a centre decision the site has not applied yet is in its
    status, question and close, with ``waiting_for_site``."""
    return QueryRow(site_id=query.site, query_id=query.query_id, waiting_for_site=query.waiting is not None,
                    **_decision(query.decision), **{k: getattr(query, k) for k in _QUERY_FIELDS})


def build_dataset(db: sqlite_utils.Database, *, study: str, user: str) -> TrialDataset:
    randomised = {(s, r["subject_id"]): r for s, r in store.site_rows(db, "randomisations")}
    subjects = tuple(
        SubjectRow(site_id=s, subject_id=r["subject_id"], sex=r["sex"], birth_year=r["birth_year"],
                   status=r["status"], status_reason=r["status_reason"], created_at=r["created_at"],
                   randomisation_no=randomised.get((s, r["subject_id"]), {}).get("rand_no"),
                   randomised_at=randomised.get((s, r["subject_id"]), {}).get("randomised_at"))
        for s, r in store.site_rows(db, "subjects"))
    records = tuple(
        RecordRow(site_id=s, subject_id=r["subject_id"], visit=r["visit"], form=r["form"],
                  repeat_no=int(r["repeat_no"]), form_version=r["form_version"], status=r["status"],
                  version=int(r["version"]), values=json.loads(r["data"]), saved_at=r["updated_at"],
                  saved_by=r["updated_by"])
        for s, r in store.site_rows(db, "records"))
    audit_rows = tuple(
        AuditRow(site_id=site, seq=seq, ts=ts, user=by, action=action, subject=subject, visit=visit, form=form,
                 field=field, old_value=old, new_value=new, reason=reason)
        for site, seq, ts, by, action, subject, visit, form, field, old, new, reason in store.audit_entries(db))
    signatures = tuple(
        SignatureRow(site_id=s, subject_id=r["subject_id"], visit=r["visit"], form=r["form"],
                     repeat_no=int(r["repeat_no"]), record_version=r["record_version"], username=r["username"],
                     printed_name=r["printed_name"], role=r["role"], meaning=r["meaning"], signed_at=r["signed_at"],
                     content_sha256=r["content_sha256"], valid=bool(r["valid"]))
        for s, r in store.site_rows(db, "signatures"))
    decided = centre_query_decisions(db)  # the centre's own queries; a site's carry theirs in site_raised
    queries = [QueryRow(site_id=q["site"], query_id=q["id"], repeat_no=int(q["repeat_no"]),
                        **_decision(decided.get(q["id"])), **{k: q[k] for k in _QUERY_FIELDS if k != "repeat_no"})
               for q in store.queries(db)]
    queries += [_site_raised(q) for q in site_raised(db)]
    users = [UserRow(site_id=u["site"], username=u["username"], full_name=u["full_name"], role=u["role"])
             for u in store.site_users(db)]
    users += [UserRow(site_id="centre", username=u.username, full_name=u.full_name, role=u.role.value)
              for u in centre_users.all_users(db)]
    sites = tuple(SiteRow(site_id=s.site, key_fingerprint=s.fingerprint or "", last_package_seq=s.last_seq,
                          last_import_at=s.last_import_at) for s in store.sites(db))
    return TrialDataset(study_id=study, exported_at=iso(utcnow()), exported_by=user, sites=sites,
                        users=tuple(users), subjects=subjects, records=records, audit=audit_rows,
                        signatures=signatures, queries=tuple(queries), arms=study_arms(db, study))
