"""``crf-desktop export``: the export is complete and reported first, then the backup after it (issue 8: an
encrypted backup after each export; the export's own cost grows with the changes, the backup's with the
database, so they are two steps)."""

from __future__ import annotations

from pathlib import Path

from crf_desktop.store.backup import BACKUP_DIR, list_backups
from tests.conftest import USER_PASSWORD, SiteFixture
from tests.e2e.cli import crf
from tests.sync.conftest import add_subject, coordinator


def _export(site: SiteFixture, folder: Path, env: dict[str, str]) -> tuple[int, str, str]:
    done = crf("export", "--data-dir", str(site.data_dir), "--user", "coordinator", "--to", str(folder), env=env,
               password=USER_PASSWORD)
    return done.code, done.out, done.err


def test_export_prints_the_package_then_takes_and_names_the_backup(enrolled: SiteFixture, folder: Path,
                                                                   cli_env: dict[str, str]) -> None:
    session = coordinator(enrolled)
    try:
        add_subject(session)
    finally:
        session.close()
    code, out, err = _export(enrolled, folder, cli_env)
    assert code == 0, err
    lines = out.splitlines()
    sent = next(i for i, line in enumerate(lines) if line.startswith("Sent package 1 with"))
    taken = next(i for i, line in enumerate(lines) if line.startswith("Backup taken: "))
    assert sent < taken  # the person sees the export's result before the backup's
    name = lines[taken].removeprefix("Backup taken: ")
    assert [b.name for b in list_backups(enrolled.data_dir) if b.reason == "export"] == [name]
    assert (folder / "to-centre" / "01" / "NCT03580291_01_1.crfpkg").is_file()

    code, out, err = _export(enrolled, folder, cli_env)  # nothing sent: no backup either
    assert code == 0, err
    assert "Nothing to send" in out and "Backup taken" not in out
    assert [b.reason for b in list_backups(enrolled.data_dir)].count("export") == 1


def test_a_backup_that_cannot_be_written_is_a_warning_not_a_failed_export(enrolled: SiteFixture, folder: Path,
                                                                          cli_env: dict[str, str]) -> None:
    session = coordinator(enrolled)
    try:
        add_subject(session)
    finally:
        session.close()
    backups = enrolled.data_dir / BACKUP_DIR
    kept = sorted(backups.iterdir()) if backups.is_dir() else []
    for path in kept:
        path.unlink()
    if backups.is_dir():
        backups.rmdir()
    backups.write_text("not a folder", encoding="utf-8")  # the backup folder cannot be made
    code, out, err = _export(enrolled, folder, cli_env)
    assert code == 0, err
    assert "Sent package 1 with" in out and "Backup taken" not in out
    assert "the backup after the export could not be written" in err and "The export itself is complete" in err
    assert (folder / "to-centre" / "01" / "NCT03580291_01_1.crfpkg").is_file()
    session = coordinator(enrolled)
    try:
        actions = [e.action for e in session.audit_trail(limit=6)]
    finally:
        session.close()
    assert "package exported" in actions and "backup failed" in actions
