"""The site package's body: the audit trail is written as JSON by SQLite (speed, issue 8), and must read back at
the centre exactly as the site holds it, whatever the text (quotes, line breaks, control characters, non-Latin
letters, empty and missing values)."""

from __future__ import annotations

import json
from pathlib import Path

from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import centre as centre_store
from crf_desktop.store.sql import rows
from crf_desktop.sync.package import dumps
from crf_desktop.sync.site_export import audit_block
from crf_desktop.sync.tables import Block, read_block
from tests.conftest import SiteFixture
from tests.sync.conftest import add_subject, coordinator

AWKWARD = ['said "no"\\ then\nleft', "tab\there\r\n", "\x01\x1f control", "Zoë Ærø 王 ✓ 🙂", "", "\u2028 sep",
           "</script>", "1e5"]


def _awkward_entries(session: Session) -> None:
    for number, text in enumerate(AWKWARD):
        audit.append(session.site.db, user=session.user.username, action="note", subject=None if number % 2 else text,
                     old_value=text, new_value=text[::-1], reason=None if number % 3 else text)


def test_the_audit_block_is_the_json_pythons_encoder_writes(enrolled: SiteFixture) -> None:
    session = coordinator(enrolled)
    try:
        _awkward_entries(session)
        db = session.site.db
        for after in (0, 3):
            found = rows(db, "SELECT seq, ts, user, action, subject, visit, form, field, old_value, new_value,"
                             " reason, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq", [after])
            expected = dumps({"columns": list(found[0]), "rows": [list(r.values()) for r in found]})
            assert audit_block(db, after) == expected
            assert json.loads(audit_block(db, after))["rows"][0][0] == after + 1
        last = int(db.execute("SELECT max(seq) FROM audit").fetchone()[0])
        assert json.loads(audit_block(db, last))["rows"] == []
    finally:
        session.close()


def test_rows_read_as_tuples_encode_as_the_columnar_block_with_bytes_as_base64(enrolled: SiteFixture) -> None:
    session = coordinator(enrolled)
    try:
        block = read_block(session.site.db, "SELECT 1 AS n, 'x' AS t, x'00ff' AS b, NULL AS z", [])
    finally:
        session.close()
    assert block == Block(columns=["n", "t", "b", "z"], rows=[(1, "x", b"\x00\xff", None)])
    assert json.loads(dumps(block.to_json())) == {"columns": ["n", "t", "b", "z"],
                                                  "rows": [[1, "x", {"$b64": "AP8="}, None]]}


def test_the_centre_holds_awkward_audit_text_exactly(enrolled: SiteFixture, folder: Path,
                                                    centre_session: Session) -> None:
    session = coordinator(enrolled)
    try:
        add_subject(session)
        _awkward_entries(session)
        sync_service.export_to_centre(session, folder)
        site_audit = rows(session.site.db, "SELECT * FROM audit WHERE seq <= "
                                           "(SELECT max(audit_to) FROM sync_packages) ORDER BY seq")
    finally:
        session.close()
    report = centre_service.import_packages(centre_session, folder)
    assert report.ok and report.sites[0].applied == (1,)
    at_centre = [{k: v for k, v in r.items() if k != "site"}
                 for r in centre_store.audit_rows(centre_session.site.db, "01")]
    assert at_centre == site_audit
    assert any(r["old_value"] == "Zoë Ærø 王 ✓ 🙂" for r in at_centre)
