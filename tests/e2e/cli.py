"""Running the real ``crf-desktop`` command in a subprocess, as a site's script would."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass


@dataclass
class Result:
    code: int
    out: str
    err: str


def crf(*args: str, env: dict[str, str], password: str | None = None, new_password: str | None = None,
        recovery_key: str | None = None, typed: str | None = None) -> Result:
    """Run ``crf-desktop ARGS``; ``typed`` is what a person types on standard input (none: no input at all)."""
    run_env = dict(env)
    for name, value in (("CRF_PASSWORD", password), ("CRF_NEW_PASSWORD", new_password),
                        ("CRF_RECOVERY_KEY", recovery_key)):
        if value is not None:
            run_env[name] = value
    stdin = {"input": typed} if typed is not None else {"stdin": subprocess.DEVNULL}
    done = subprocess.run([sys.executable, "-m", "crf_desktop", *args], env=run_env, capture_output=True,
                          text=True, timeout=120, check=False, **stdin)  # type: ignore[call-overload]
    assert "Traceback" not in done.stderr, done.stderr
    return Result(done.returncode, done.stdout, done.stderr)
