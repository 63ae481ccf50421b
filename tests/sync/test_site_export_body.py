"""The site package's body (format 2): column-major blocks; the audit trail written as JSON by SQLite (speed,
issue 8) without numbers and hashes, which must read back at the centre exactly as the site holds it, whatever the
text (quotes, line breaks, control characters, non-Latin letters, empty and missing values)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crf_desktop.core.errors import DatabaseCorruptError
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import centre as centre_store
from crf_desktop.store.sql import rows
from crf_desktop.sync.package import AUDIT_CARRIED, FORMAT_VERSION, decode_body, dumps, encode_body
from crf_desktop.sync.site_export import audit_block
from crf_desktop.sync.tables import Block, from_column_block, read_block
from tests.conftest import SiteFixture
from tests.sync.conftest import add_subject, coordinator

AWKWARD = ['said "no"\\ then\nleft', "tab\there\r\n", "\x01\x1f control", "Zoë Ærø 王 ✓ 🙂", "", "\u2028 sep",
           "</script>", "1e5"]


def _awkward_entries(session: Session) -> None:
    for number, text in enumerate(AWKWARD):
        audit.append(session.site.db, user=session.user.username, action="note", subject=None if number % 2 else text,
                     old_value=text, new_value=text[::-1], reason=None if number % 3 else text)


def test_the_audit_block_carries_each_entrys_values_in_order_without_number_or_hashes(enrolled: SiteFixture) -> None:
    session = coordinator(enrolled)
    try:
        _awkward_entries(session)
        db = session.site.db
        for after in (0, 3):
            found = db.execute(f"SELECT {', '.join(AUDIT_CARRIED)} FROM audit WHERE seq > ? ORDER BY seq",  # noqa: S608
                               [after]).fetchall()
            block = json.loads(audit_block(db, after))
            columns = [list(column) for column in zip(*found, strict=True)]
            assert block == {"columns": list(AUDIT_CARRIED), "values": columns}
            assert from_column_block(block) == [dict(zip(AUDIT_CARRIED, row, strict=True)) for row in found]
            assert not {"seq", "prev_hash", "hash"} & set(block["columns"])
        last = int(db.execute("SELECT max(seq) FROM audit").fetchone()[0])
        assert from_column_block(json.loads(audit_block(db, last))) == []
    finally:
        session.close()


def test_rows_read_as_tuples_encode_as_a_column_major_block_with_bytes_as_base64(enrolled: SiteFixture) -> None:
    session = coordinator(enrolled)
    try:
        block = read_block(session.site.db, "SELECT 1 AS n, 'x' AS t, x'00ff' AS b, NULL AS z UNION ALL "
                                            "SELECT 2, 'y', x'01', 3", [])
    finally:
        session.close()
    assert block == Block(columns=["n", "t", "b", "z"], rows=[(1, "x", b"\x00\xff", None), (2, "y", b"\x01", 3)])
    encoded = json.loads(dumps(block.to_json()))
    assert encoded == {"columns": ["n", "t", "b", "z"],
                       "values": [[1, 2], ["x", "y"], [{"$b64": "AP8="}, {"$b64": "AQ=="}], [None, 3]]}
    assert from_column_block(encoded)[1] == {"n": 2, "t": "y", "b": {"$b64": "AQ=="}, "z": 3}
    assert json.loads(dumps(Block(columns=["n"], rows=[]).to_json())) == {"columns": ["n"], "values": [[]]}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(), st.text(), st.none() | st.text(), st.binary()), max_size=12))
def test_any_rows_survive_the_block_and_the_compressed_body(rows: list[tuple[int, str, str | None, bytes]]) -> None:
    block = Block(columns=["i", "t", "n", "b"], rows=rows)
    body = decode_body(encode_body({"tables": {"t": block.to_json()}}), FORMAT_VERSION)
    assert from_column_block(body["tables"]["t"]) == [
        {"i": i, "t": t, "n": n, "b": {"$b64": base64.b64encode(b).decode("ascii")}} for i, t, n, b in rows]


@pytest.mark.parametrize("block", [
    {"columns": ["a", "b"], "values": [[1, 2], [3]]},  # columns of different lengths
    {"columns": ["a", "b"], "values": [[1, 2]]},  # a column missing
    {"columns": ["a"], "rows": [[1]]},  # format 1's shape
    {"columns": "a", "values": [[1]]}, [["a"], [1]], None,
])
def test_a_block_of_another_shape_is_refused(block: object) -> None:
    with pytest.raises(ValueError, match="expected|differ"):
        from_column_block(block)


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


def test_a_trail_with_an_entry_missing_is_not_sent(enrolled: SiteFixture, folder: Path) -> None:
    """The centre numbers the entries on from the previous package, so a gap (a trail damaged outside the app,
    past its triggers) must stop the export at the site, not reach the centre renumbered."""
    session = coordinator(enrolled)
    try:
        add_subject(session)
        db = session.site.db
        db.execute("DROP TRIGGER audit_no_delete")  # what only tampering with the file could do
        db.execute("DELETE FROM audit WHERE seq = 2")
        with pytest.raises(DatabaseCorruptError, match="has no entry 2 .* Run crf-desktop verify"):
            sync_service.export_to_centre(session, folder)
        assert session.audit_trail(limit=1)[0].action == "export failed"
    finally:
        session.close()
    assert not list(folder.glob("to-centre/*/*.crfpkg"))
