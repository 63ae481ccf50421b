"""Issue 2 item 7: the CLI end to end, including every failure a user can cause (exit 2) or meet (exit 1)."""

from __future__ import annotations

import re
from pathlib import Path

from crf_desktop.cli import build_parser
from crf_desktop.store.datadir import DB_FILE, KEY_FILE
from tests.e2e.cli import crf

PW = "site-admin-pw-1"
ROOT = Path(__file__).resolve().parents[2]


def _init(tmp_path: Path, env: dict[str, str]) -> Path:
    data = tmp_path / "site01"
    result = crf("init", "--data-dir", str(data), "--site", "01", "--study", "NCT03580291", "--admin", "admin",
                 "--admin-name", "Ada Admin", env=env, new_password=PW)
    assert result.code == 0, result.err
    assert re.search(r"^\s+([A-Z2-7]{4}-){7}[A-Z2-7]{4}$", result.out, re.M), "recovery key printed once"
    return data


def test_version(cli_env: dict[str, str]) -> None:
    result = crf("version", env=cli_env)
    assert result.code == 0
    assert result.out.startswith("crf-desktop ")
    assert "SQLCipher 4." in result.out


def test_init_user_add_passwd_disable_verify(tmp_path: Path, cli_env: dict[str, str]) -> None:
    data = _init(tmp_path, cli_env)
    d = ["--data-dir", str(data)]
    assert crf("user", "add", *d, "--user", "admin", "li.na", "--role", "coordinator", "--full-name", "Li Na",
               env=cli_env, password=PW, new_password="temporary-1").code == 0
    # The first command of the new user is refused until the temporary password is changed ...
    refused = crf("verify", *d, "--user", "li.na", env=cli_env, password="temporary-1")
    assert refused.code == 2 and "still has a temporary password" in refused.err
    assert f"crf-desktop user passwd --data-dir {data} --user li.na" in refused.err  # the command to run, whole
    assert crf("user", "passwd", *d, "--user", "li.na", env=cli_env, password="temporary-1",
               new_password="li-na-own-pw-1").code == 0
    assert crf("verify", *d, "--user", "li.na", env=cli_env, password="li-na-own-pw-1").code == 0
    listed = crf("user", "list", *d, "--user", "admin", env=cli_env, password=PW)
    assert "li.na" in listed.out and "coordinator" in listed.out
    assert crf("user", "passwd", *d, "--user", "admin", "--reset", "li.na", env=cli_env, password=PW,
               new_password="temporary-2").code == 0
    assert crf("user", "disable", *d, "--user", "admin", "li.na", "--reason", "left", env=cli_env,
               password=PW).code == 0
    gone = crf("verify", *d, "--user", "li.na", env=cli_env, password="temporary-2")
    assert gone.code == 2 and "is disabled" in gone.err
    assert crf("verify", *d, "--user", "admin", env=cli_env, password=PW).code == 0


def test_user_mistakes_exit_2_with_a_message(tmp_path: Path, cli_env: dict[str, str]) -> None:
    data = _init(tmp_path, cli_env)
    d = ["--data-dir", str(data)]
    cases = [
        (crf("verify", *d, "--user", "admin", env=cli_env, password="wrong-password"), "attempts left"),
        (crf("verify", *d, "--user", "admin", env=cli_env), "set CRF_PASSWORD"),
        (crf("verify", *d, env=cli_env, password=PW), "--user NAME is required"),
        (crf("verify", "--data-dir", str(tmp_path / "nowhere"), "--user", "admin", env=cli_env, password=PW),
         "does not exist"),
        (crf("verify", "--data-dir", str(tmp_path), "--user", "admin", env=cli_env, password=PW),
         "is not a crf-desktop site"),
        (crf("init", *d, "--site", "01", "--study", "NCT03580291", "--admin", "admin", env=cli_env,
             new_password=PW), "already holds site 01 of study NCT03580291"),
        (crf("init", "--data-dir", str(tmp_path / "new"), "--site", "1", "--study", "NCT03580291", "--admin",
             "admin", env=cli_env, new_password=PW), "site '1' is not a site number"),
        (crf("init", "--data-dir", str(tmp_path / "new"), "--site", "02", "--study", "NCT03580291", "--admin",
             "admin", env=cli_env, new_password="short"), "at least 10 characters"),
        (crf("user", "add", *d, "--user", "admin", "x y", "--role", "coordinator", "--full-name", "X",
             env=cli_env, password=PW, new_password="temporary-1"), "user name 'x y' is not valid"),
        (crf("user", "add", *d, "--user", "admin", "zed", "--role", "nurse", "--full-name", "Z", env=cli_env,
             password=PW, new_password="temporary-1"), "unknown role 'nurse'"),
        (crf("user", "recover", *d, "--admin", "admin", env=cli_env, recovery_key="AAAA-BBBB",
             new_password="new-admin-pw-1"), "not well-formed"),
        (crf("bogus-command", env=cli_env), "invalid choice"),
    ]
    for result, message in cases:
        assert result.code == 2, (message, result)
        assert message in result.err, (message, result.err)
    assert not (tmp_path / "new" / DB_FILE).exists(), "a refused init leaves nothing half-written"


def test_damaged_files_exit_1_with_a_message(tmp_path: Path, cli_env: dict[str, str]) -> None:
    data = _init(tmp_path, cli_env)
    d = ["--data-dir", str(data), "--user", "admin"]
    key_file = data / KEY_FILE
    original = key_file.read_bytes()
    key_file.write_text("{ not json")
    damaged = crf("verify", *d, env=cli_env, password=PW)
    assert damaged.code == 1 and "key file" in damaged.err and "damaged" in damaged.err
    key_file.unlink()
    missing = crf("verify", *d, env=cli_env, password=PW)
    assert missing.code == 1 and "missing" in missing.err and "crf-desktop user recover" in missing.err
    key_file.write_bytes(original)
    (data / DB_FILE).write_bytes(b"\0" * 8192)
    corrupt = crf("verify", *d, env=cli_env, password=PW)
    assert corrupt.code == 1 and "cannot be read" in corrupt.err


def test_a_key_file_from_another_site_is_refused(tmp_path: Path, cli_env: dict[str, str]) -> None:
    first = _init(tmp_path / "a", cli_env)
    second = _init(tmp_path / "b", cli_env)
    (second / KEY_FILE).write_bytes((first / KEY_FILE).read_bytes())
    result = crf("verify", "--data-dir", str(second), "--user", "admin", env=cli_env, password=PW)
    assert result.code == 1
    assert "cannot be read" in result.err or "does not belong" in result.err


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    names = []
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for name, sub in action.choices.items():
            nested = [a for a in sub._actions if a.__class__.__name__ == "_SubParsersAction"]
            names += [f"{name} {n}" for a in nested for n in a.choices] or [name]
    missing = [name for name in names if f"crf-desktop {name}" not in readme]
    assert missing == [], f"commands not in README.md: {missing}"


def test_dictionary_has_a_row_per_field_with_both_labels(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """Issue 3 item 8."""
    import csv

    from crf_desktop.forms.registry import REGISTRY

    out = tmp_path / "dictionary.csv"
    result = crf("dictionary", "--out", str(out), env=cli_env)
    assert result.code == 0, result.err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(form.fields) for form in REGISTRY.all_forms())
    weight = next(row for row in rows if row["field"] == "weight_kg")
    assert (weight["form"], weight["label_zh"], weight["unit_en"]) == ("demographics", "体重", "kg")
    assert crf("dictionary", "--out", str(tmp_path / "missing" / "d.csv"), env=cli_env).code == 2
    assert crf("dictionary", "--out", str(tmp_path), env=cli_env).code == 2
    other = tmp_path / "blank.pdf"
    other.write_bytes(b"%PDF- a printed book")
    refused = crf("dictionary", "--out", str(other), env=cli_env)
    assert refused.code == 2 and "already exists" in refused.err and other.read_bytes() == b"%PDF- a printed book"
    assert crf("dictionary", "--out", str(other), "--force", env=cli_env).code == 0
    assert other.read_bytes().startswith("\ufeff".encode())
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_data_dir_before_the_command_is_honoured(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """QA finding: `crf-desktop --data-dir D verify` must not fall back to the default folder."""
    data = _init(tmp_path, cli_env)
    result = crf("--data-dir", str(data), "verify", "--user", "admin", env=cli_env, password=PW)
    assert result.code == 0, result.err


def test_a_full_disk_is_reported_as_such_not_as_damage() -> None:
    """QA finding: ENOSPC and SQLite's disk errors are a storage problem, never 'restore from a backup'."""
    import errno

    import sqlcipher3

    from crf_desktop.store.database import storage_error

    full = storage_error(OSError(errno.ENOSPC, "No space left on device"), "site.db")
    assert full is not None and "the disk is full" in str(full) and "backup" not in str(full)
    disk = storage_error(sqlcipher3.OperationalError("disk I/O error"), "site.db")
    assert disk is not None and "may be full" in str(disk)
    assert storage_error(sqlcipher3.DatabaseError("file is not a database"), "site.db") is None



def test_a_damaged_database_is_reported_in_one_line(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """QA finding: integrity failures were ~100 lines; one line naming restore --list is what helps."""
    data = _init(tmp_path, cli_env)
    raw = bytearray((data / DB_FILE).read_bytes())
    raw[5000] ^= 0x01
    (data / DB_FILE).write_bytes(bytes(raw))
    result = crf("verify", "--data-dir", str(data), "--user", "admin", env=cli_env, password=PW)
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert "crf-desktop restore --list" in result.err


def test_only_this_study_can_be_set_up(tmp_path: Path, cli_env: dict[str, str]) -> None:
    result = crf("init", "--data-dir", str(tmp_path / "x"), "--site", "01", "--study", "XYZ123", "--admin", "admin",
                 env=cli_env, new_password=PW)
    assert result.code == 2 and "NCT03580291 only" in result.err
