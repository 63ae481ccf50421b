"""Issue 2 item 4: key wrapping round-trips and refuses wrong secrets; migrations are safe to re-run."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crf_desktop.store import keywrap
from crf_desktop.store.migrations import MIGRATIONS, apply_migrations, schema_version
from tests.conftest import SiteFixture


@settings(max_examples=25, deadline=None)
@given(secret=st.binary(min_size=20, max_size=20), context=st.text(min_size=1, max_size=40))
def test_recovery_wrap_round_trips_and_binds_its_context(secret: bytes, context: str) -> None:
    db_key = keywrap.new_database_key()
    wrapped = keywrap.wrap_with_recovery(db_key, secret, context)
    assert keywrap.unwrap_with_recovery(wrapped, secret, context) == db_key
    assert keywrap.unwrap_with_recovery(wrapped, secret, context + "x") is None
    assert keywrap.unwrap_with_recovery(wrapped, bytes(20) if secret != bytes(20) else b"\1" * 20, context) is None


@given(secret=st.binary(min_size=20, max_size=20))
def test_recovery_keys_print_and_parse_back(secret: bytes) -> None:
    text = keywrap.format_recovery_key(secret)
    assert len(text.split("-")) == 8
    assert keywrap.parse_recovery_key(text) == secret
    assert keywrap.parse_recovery_key(text.lower().replace("-", " ")) == secret


def test_password_wrap_uses_argon2id_with_at_least_64_mib_and_binds_the_user() -> None:
    db_key = keywrap.new_database_key()
    wrapped = keywrap.wrap_with_password(db_key, "ward-3-night-shift", "crf-desktop/user/01/li.na")
    assert wrapped.kdf["name"] == "argon2id" and wrapped.kdf["memory_kib"] >= 64 * 1024
    assert keywrap.unwrap_with_password(wrapped, "ward-3-night-shift", "crf-desktop/user/01/li.na") == db_key
    assert keywrap.unwrap_with_password(wrapped, "ward-3-night-shifT", "crf-desktop/user/01/li.na") is None
    # A copy moved to another user's entry does not open.
    assert keywrap.unwrap_with_password(wrapped, "ward-3-night-shift", "crf-desktop/user/01/admin") is None
    round_trip = keywrap.Wrapped.from_json(wrapped.to_json())
    assert keywrap.unwrap_with_password(round_trip, "ward-3-night-shift", "crf-desktop/user/01/li.na") == db_key


@pytest.mark.parametrize("bad", ["", "ABCD", "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-456", "!" * 32])
def test_malformed_recovery_keys_are_refused(bad: str) -> None:
    assert keywrap.parse_recovery_key(bad) is None


def test_migrations_are_applied_once_and_safe_to_re_run(site: SiteFixture) -> None:
    session = site.login()
    try:
        db = session.site.db
        assert schema_version(db) == len(MIGRATIONS)
        assert apply_migrations(db) == []
        assert schema_version(db) == len(MIGRATIONS)
    finally:
        session.close()


def test_an_atomic_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import os as os_module

    from crf_desktop.store.datadir import write_atomic

    target = tmp_path / "keys.json"
    target.write_bytes(b"old")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os_module, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]
