"""Issue 2: the stdlib-only building blocks (ids, password rule, roles, clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crf_desktop.core import clock
from crf_desktop.core.errors import UserInputError
from crf_desktop.core.ids import site_id, study_id, username
from crf_desktop.core.passwords import password_problem
from crf_desktop.core.roles import Permission, Role, can, parse_role


@pytest.mark.parametrize("bad", ["1", "0001", "A1", "", " 01"])
def test_site_numbers_are_two_or_three_digits(bad: str) -> None:
    with pytest.raises(UserInputError, match="not a site number"):
        site_id(bad)
    assert site_id("01") == "01"


def test_study_and_user_names() -> None:
    assert study_id("NCT03580291") == "NCT03580291"
    with pytest.raises(UserInputError):
        study_id("NCT 0358")
    assert username(" li.na ") == "li.na"
    for bad in ("Li", "1abc", "a", "x y", "ab/c"):
        with pytest.raises(UserInputError, match="is not valid"):
            username(bad)


def test_password_rule() -> None:
    assert password_problem("123456789") is not None
    assert password_problem("aaaaaaaaaaaa") is not None  # repeats the same few characters
    assert password_problem("coordinator", username="coordinator") is not None
    assert password_problem("ward-3-night-shift") is None


def test_roles_from_their_names_and_the_admin_enters_no_data() -> None:
    assert parse_role(" Investigator ") is Role.INVESTIGATOR
    with pytest.raises(UserInputError, match="unknown role 'nurse'"):
        parse_role("nurse")
    assert can(Role.INVESTIGATOR, Permission.SIGN) and not can(Role.COORDINATOR, Permission.SIGN)
    assert not can(Role.ADMIN, Permission.ENTER_DATA)
    assert not can(Role.MONITOR, Permission.ENTER_DATA) and can(Role.MONITOR, Permission.RAISE_QUERY)


# Hypothesis takes naive bounds and attaches the zone itself.
@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))  # noqa: DTZ001
def test_iso_round_trips(moment: datetime) -> None:
    assert clock.parse_iso(clock.iso(moment)) == moment


@pytest.mark.parametrize("text", ["2026-03-05", "2026-03-05T14:02:11Z", "2026-03-05T14:02:11.123456+08:00",
                                  "2026-03-05 14:02:11.123456Z", " 2026-03-05T14:02:11.123456Z", ""])
def test_a_time_stamp_of_another_shape_is_refused(text: str) -> None:
    # the audit trail's times are evidence: shown as stored (audit table) rather than guessed at
    with pytest.raises(ValueError, match="not a UTC time stamp"):
        clock.parse_iso(text)


def test_clock_is_always_utc_and_refuses_naive_time() -> None:
    clock.set_clock(lambda: datetime(2026, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=8))))
    try:
        assert clock.utcnow() == datetime(2026, 1, 1, 0, 0, tzinfo=UTC)
        clock.set_clock(lambda: datetime(2026, 1, 1))  # noqa: DTZ001 - the point of the test
        with pytest.raises(ValueError, match="naive"):
            clock.utcnow()
    finally:
        clock.set_clock(None)
