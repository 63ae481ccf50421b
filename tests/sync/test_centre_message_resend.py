"""QA: a centre query sent into the wrong folder never reached the site, and nothing ever sent it again.

The centre now sends only into a central folder the sites export to, and every import run writes a site's last
message again where the folder lacks it (a message is a snapshot: a site that has it already skips its number).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crf_desktop.core.errors import UserInputError
from crf_desktop.services import centre as centre_service
from crf_desktop.services import sync as sync_service
from crf_desktop.services.queries import subject_queries
from crf_desktop.services.session import Session
from tests.conftest import SiteFixture
from tests.sync.conftest import coordinator, subject_at_centre


def _raise(centre_session: Session, sid: str) -> str:
    return centre_service.raise_query(centre_session, site="01", subject_id=sid, visit="screening", form="consent",
                                      repeat_no=0, field="consent_obtained_by", question="Who took consent?")


def test_the_centre_sends_only_into_the_folder_the_sites_export_to(
        enrolled: SiteFixture, folder: Path, tmp_path: Path, centre_session: Session) -> None:
    sid = subject_at_centre(enrolled, folder, centre_session)
    _raise(centre_session, sid)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UserInputError, match=r"has no to-centre/ folder: it is not the central folder.*nothing was "
                                             r"written"):
        centre_service.send_messages(centre_session, empty)
    assert list(empty.iterdir()) == []


def test_a_message_that_went_to_another_folder_is_written_again_at_the_next_import(
        enrolled: SiteFixture, folder: Path, tmp_path: Path, centre_session: Session) -> None:
    sid = subject_at_centre(enrolled, folder, centre_session)  # message 1 (the acknowledgement) goes to the folder
    old_copy = tmp_path / "old-copy-of-the-exchange"
    shutil.copytree(folder, old_copy)
    _raise(centre_session, sid)
    (sent,) = centre_service.send_messages(centre_session, old_copy)  # message 2: into the wrong (old) folder
    assert not (folder / sent.relative_to(old_copy)).exists()

    report = centre_service.import_packages(centre_session, folder)  # nothing new from the site, but:
    assert report.messages == (sent.name,)  # the query's message is written where the site reads
    assert centre_service.import_packages(centre_session, folder).messages == ()  # once

    session = coordinator(enrolled)
    try:
        result = sync_service.export_to_centre(session, folder)
        assert result.queries_received == 1
        (query,) = subject_queries(session, sid)
        assert query.question == "Who took consent?"
    finally:
        session.close()
