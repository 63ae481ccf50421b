"""A large fictitious site for measurements: N subjects with visit records, written straight to the store.

The records go through the store's own write path (versions, change sequence) in one transaction, so the
database looks like one filled through the app, only faster to build.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from crf_desktop.core.roles import Role
from crf_desktop.forms.lifecycle import RecordStatus
from crf_desktop.forms.registry import REGISTRY
from crf_desktop.services.session import Session, init_site, login
from crf_desktop.store import records, subjects, users
from crf_desktop.store.subjects import SubjectStatus

PASSWORD = "benchmark-password-1"
VISITS = ("screening", "baseline", "week4", "week8", "week12", "week16", "week20", "week24")


def build_site(folder: Path, *, n_subjects: int) -> Session:
    """A site with ``n_subjects`` subjects, each with every visit's visit-information record; returns a
    coordinator's session on it."""
    session, _recovery = init_site(folder, site="01", study="NCT03580291", admin="admin", admin_name="Admin",
                                   password=PASSWORD)
    session.add_user(username="coordinator", full_name="Coordinator", role=Role.COORDINATOR, password=PASSWORD)
    users.update(session.site.db, "coordinator", must_change_password=False)
    db = session.site.db
    today = session.today()
    with db.atomic():
        for number in range(n_subjects):
            subject = subjects.insert(db, site="01", initials="AB", birth_year=1985, sex="F", created_by="admin")
            subjects.set_status(db, subject.subject_id, SubjectStatus.ON_STUDY, None)
            baseline = today - timedelta(days=number % 170)
            for index, visit in enumerate(VISITS):
                day = baseline + timedelta(days=max(0, index - 1) * 28)
                if day > today:
                    break
                records.write(db, current=None, subject_id=subject.subject_id, visit=visit, form="visit_info",
                              repeat_no=0,
                              form_version="1.0", status=RecordStatus.COMPLETE,
                              data={"visit_done": "Y", "visit_date": day.isoformat()}, confirmations={},
                              user="admin", reason=None)
    assert REGISTRY.form("visit_info")
    session.close()
    return login(folder, "coordinator", PASSWORD)


def payload_size(data: dict[str, str]) -> int:
    return len(json.dumps(data))
