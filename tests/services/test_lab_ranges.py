"""Issue 4 item 5: each laboratory value carries the site laboratory's reference range (LLN/ULN, entered once per
laboratory and analyte, versioned) and shows low/high flags."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from crf_desktop.core.errors import PermissionDenied, UserInputError
from crf_desktop.services.lab_ranges import (
    Flag,
    lab_flags,
    missing_reference_ranges,
    reference_range,
    reference_ranges,
    set_reference_range,
)
from crf_desktop.services.subjects import register_subject
from crf_desktop.store.database import DatabaseError
from tests.conftest import SiteFixture
from tests.services.test_eligibility_service import LAB, as_user, labs_raw, save


def test_ranges_are_versioned_and_the_one_valid_on_the_sample_date_flags_the_values(
        site_with_users: SiteFixture) -> None:
    # issue 4 item 5: LLN/ULN per laboratory and analyte, versioned; low/high flags use the sample date's version
    session = as_user(site_with_users, "coordinator")
    try:
        today = session.today()
        old_from, new_from = today - timedelta(days=400), today - timedelta(days=10)
        set_reference_range(session, lab_name=LAB, analyte="alt", lln="7", uln="40", unit="U_L", valid_from=old_from)
        set_reference_range(session, lab_name="central  LABORATORY", analyte="alt", lln=Decimal(7), uln=Decimal(35),
                            unit="U_L", valid_from=new_from)
        # a range in mg/dL compared with a value entered in g/L: both converted exactly (90 mg/dL = 0.9 g/L)
        set_reference_range(session, lab_name=LAB, analyte="c3", lln="90", uln="180", unit="MG_DL",
                            valid_from=old_from)
        set_reference_range(session, lab_name=LAB, analyte="plt", lln="125", uln="350", unit="E9_L",
                            valid_from=old_from)
        assert reference_range(session, LAB, "alt", old_from - timedelta(days=1)) is None
        first = reference_range(session, LAB, "alt", new_from - timedelta(days=1))
        second = reference_range(session, LAB, "alt", new_from)
        assert first is not None and first.uln == Decimal(40)
        assert second is not None and second.uln == Decimal(35)
        assert missing_reference_ranges(session, LAB, today) == [("ast", "ULN"), ("c4", "LLN")]

        sid = register_subject(session, initials="ZSF", birth_year=1990, sex="F").subject_id
        sample_day = today - timedelta(days=20)  # before the new version: ULN 40 applies
        save(session, sid, "screening", "labs", labs_raw(sample_day, alt_u_l="38", c3_unit="G_L", c3_in_g_l="0.50",
                                                         plt_in_e9_l="400.00"))
        flags = lab_flags(session, sid, "screening")
        assert flags["alt"].flag is Flag.NORMAL and flags["alt"].range == first
        assert flags["c3"].flag is Flag.LOW and flags["c3"].value == Decimal("0.500")
        assert flags["plt"].flag is Flag.HIGH
        assert flags["hb"].flag is Flag.NO_RANGE and flags["hb"].range is None
        # the same value on a sample taken under the new version is high
        save(session, sid, "week4", "labs", labs_raw(today, alt_u_l="38"))
        assert lab_flags(session, sid, "week4")["alt"].flag is Flag.HIGH
        assert lab_flags(session, sid, "week8") == {}
        assert len(reference_ranges(session, LAB)) == 4
    finally:
        session.close()


def test_corrections_need_a_reason_and_every_entry_is_audited_and_kept(site_with_users: SiteFixture) -> None:
    # issue 4 item 5: versions kept; a correction of a version is a new, audited row
    session = as_user(site_with_users, "investigator")
    try:
        day = session.today() - timedelta(days=30)
        set_reference_range(session, lab_name=LAB, analyte="ast", lln="8", uln="38", unit="U_L", valid_from=day)
        with pytest.raises(UserInputError, match="give a reason"):
            set_reference_range(session, lab_name=LAB, analyte="ast", lln="8", uln="35", unit="U_L", valid_from=day)
        set_reference_range(session, lab_name=LAB, analyte="ast", lln="8", uln="35", unit="U_L", valid_from=day,
                            reason="Typing error: the report says 35")
        current = reference_range(session, LAB, "ast", day)
        assert current is not None and current.uln == Decimal(35)
        assert [r.uln for r in reference_ranges(session, LAB)] == [Decimal(38), Decimal(35)]
        entries = [e for e in session.audit_trail(limit=10) if e.action.startswith("reference range")]
        assert [e.action for e in entries] == ["reference range corrected", "reference range entered"]
        assert entries[0].old_value is not None and "ULN 38 U/L" in entries[0].old_value
        assert entries[0].new_value is not None and "ULN 35 U/L" in entries[0].new_value
        assert entries[0].reason == "Typing error: the report says 35"
        with pytest.raises(DatabaseError, match="never changed"):
            session.site.db.execute("UPDATE lab_ranges SET uln = '99'")
        with pytest.raises(DatabaseError, match="never deleted"):
            session.site.db.execute("DELETE FROM lab_ranges")
    finally:
        session.close()


def test_impossible_ranges_and_other_roles_are_refused(site_with_users: SiteFixture) -> None:
    # issue 4 item 5: a range names a known analyte and unit, LLN < ULN, and the limit the trial needs
    session = as_user(site_with_users, "coordinator")
    day = session.today()
    try:
        cases = [
            ({"analyte": "alt", "lln": "50", "uln": "40", "unit": "U_L"}, "must be below"),
            ({"analyte": "alt", "lln": "7", "uln": None, "unit": "U_L"}, "the ULN is needed"),
            ({"analyte": "c3", "lln": None, "uln": "1.8", "unit": "G_L"}, "the LLN is needed"),
            ({"analyte": "scr", "lln": "45", "uln": "84", "unit": "MMOL_L"}, "not allowed for scr"),
            ({"analyte": "ldl", "lln": "1", "uln": "3", "unit": "MMOL_L"}, "unknown analyte"),
            ({"analyte": "hb", "lln": "1,15", "uln": "150", "unit": "G_L"}, "type a number"),
        ]
        for arguments, message in cases:
            with pytest.raises(UserInputError, match=message):
                set_reference_range(session, lab_name=LAB, valid_from=day, **arguments)  # type: ignore[arg-type]
    finally:
        session.close()
    monitor = as_user(site_with_users, "monitor")
    try:
        with pytest.raises(PermissionDenied):
            set_reference_range(monitor, lab_name=LAB, analyte="alt", lln="7", uln="40", unit="U_L", valid_from=day)
    finally:
        monitor.close()
