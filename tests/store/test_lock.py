"""Issue 2 item 8: one writer at a time, and a warning for network filesystems."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crf_desktop.core.errors import DataDirInUseError
from crf_desktop.store.datadir import filesystem_from_mounts
from tests.conftest import ADMIN_PASSWORD, SiteFixture


def test_a_second_session_on_the_same_data_dir_is_refused(site: SiteFixture) -> None:
    first = site.login()
    try:
        with pytest.raises(DataDirInUseError, match="already open in crf-desktop"):
            site.login()
    finally:
        first.close()
    site.login().close()  # released on close


def test_another_process_is_refused_while_the_site_is_open(site: SiteFixture) -> None:
    first = site.login()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from crf_desktop.core.errors import DataDirInUseError\n"
        "from crf_desktop.services.session import login\n"
        "try:\n"
        f"    login(Path({str(site.data_dir)!r}), 'admin', {ADMIN_PASSWORD!r})\n"
        "except DataDirInUseError as exc:\n"
        "    print(exc)\n"
        "    sys.exit(7)\n"
    )
    try:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    finally:
        first.close()
    assert result.returncode == 7
    assert "process" in result.stdout


MOUNTS = """\
/dev/vda1 / ext4 rw,relatime 0 0
server:/export /mnt/share nfs4 rw 0 0
//nas/crf /media/nas cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/home/ward/crf", None), ("/mnt/share/site01", "nfs4"), ("/media/nas", "cifs"), ("/tmp/x", None)],
)
def test_network_filesystems_are_recognised(path: str, expected: str | None) -> None:
    assert filesystem_from_mounts(Path(path), MOUNTS) == expected
