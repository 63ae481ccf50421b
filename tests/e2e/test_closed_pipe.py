"""Output piped into a reader that stops early (``crf-desktop centre query list | head``) is not an error: the
command ends quietly with exit 0 instead of printing "unexpected error: BrokenPipeError" (QA finding)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_reader_that_went_away_is_not_an_error(cli_env: dict[str, str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes a line
    try:
        done = subprocess.run([sys.executable, "-m", "crf_desktop", "version"], stdout=write_end,
                              stderr=subprocess.PIPE, env=cli_env, timeout=120, check=False)
    finally:
        os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert b"BrokenPipeError" not in done.stderr and b"unexpected error" not in done.stderr
