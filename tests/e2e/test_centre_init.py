"""``centre init`` never replaces an existing key file: a key file the sites hold may be another centre's, and
writing over it would silently send the next site's packages to the wrong key (QA finding, issue 8)."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.cli import crf

PASSWORD = "centre-init-pass-1"


def test_an_existing_key_file_is_refused_and_nothing_is_created(tmp_path: Path, cli_env: dict[str, str]) -> None:
    key = tmp_path / "centre-key.json"
    key.write_text("the first centre's key file", encoding="utf-8")
    centre = tmp_path / "centre"
    result = crf("centre", "init", "--data-dir", str(centre), "--admin", "dm", "--out-key", str(key), env=cli_env,
                 new_password=PASSWORD)
    assert result.code == 2
    assert str(key) in result.err and "already exists" in result.err
    assert key.read_text(encoding="utf-8") == "the first centre's key file"
    assert not centre.exists()
