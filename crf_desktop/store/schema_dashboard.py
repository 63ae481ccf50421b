"""Migration 9: the indexes the site dashboard reads from (issue 10: 1,000 subjects × 8 visits within 150 ms).

Its own module so the part that reads these indexes owns them; migrations.py lists it in order.
Append-only once released: a later change is a new migration, never an edit of this one.

The dashboard's queries read a few values of many records; without these indexes each of them decrypts every
page of the ``records`` table, form data included. With them each reads an index only ("covering index"):

- ``records_states``: (subject, visit, form, repeat) with the record's status and version, for the status grid
  (``store.records.status_grid``) and the signature marks (``services.signature_states``), site-wide or for
  some subjects;
- ``records_by_form``: a form's records by (form, repeat, subject, visit), with four values of their data as
  index expressions: the visit information's "visit done" and visit date (``services.dashboard``) and the
  screening demographics' sex and childbearing potential, which the schedule's form conditions read
  (``services.subject_context``). It also finds the site's adverse events and SAE reports without a table scan.
  A query must spell the expressions exactly as :data:`VISIT_DONE_EXPR` ... :data:`CHILDBEARING_EXPR` for SQLite
  to read the values from the index (``tests/services/test_dashboard_queries.py`` checks the query plans).
"""

from __future__ import annotations

import sqlite_utils

VISIT_DONE_EXPR = "json_extract(data, '$.visit_done')"
VISIT_DATE_EXPR = "json_extract(data, '$.visit_date')"
SEX_EXPR = "json_extract(data, '$.sex')"
CHILDBEARING_EXPR = "json_extract(data, '$.childbearing')"


def migrate(db: sqlite_utils.Database) -> None:
    """Create the dashboard's covering indexes on ``records`` (no table changes)."""
    db.execute("CREATE INDEX records_states ON records(subject_id, visit, form, repeat_no, status, version)")
    db.execute(f"CREATE INDEX records_by_form ON records(form, repeat_no, subject_id, visit, {VISIT_DONE_EXPR},"
               f" {VISIT_DATE_EXPR}, {SEX_EXPR}, {CHILDBEARING_EXPR})")
