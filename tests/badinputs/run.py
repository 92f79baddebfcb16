"""Run `factcheck` in a child process and measure it: exit code, output, wall time, peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # this child's peak resident memory
    timed_out: bool


def run_factcheck(args: list[str], *, timeout: float = 120, stdin: bytes | None = None) -> Completed:
    """`python -m factcheck ARGS`; killed after `timeout` seconds (timed_out says so)."""
    with tempfile.TemporaryDirectory() as scratch:
        out_path, err_path = Path(scratch) / "out", Path(scratch) / "err"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            started = time.monotonic()
            process = subprocess.Popen(
                [sys.executable, "-m", "factcheck", *args],
                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                stdout=out,
                stderr=err,
            )
            killed = threading.Event()

            def kill() -> None:
                killed.set()
                process.kill()

            watchdog = threading.Timer(timeout, kill)
            watchdog.start()
            try:
                if stdin is not None and process.stdin is not None:
                    process.stdin.write(stdin)
                    process.stdin.close()
                # wait4 gives this child's own resource usage (RUSAGE_CHILDREN would mix in others).
                _pid, status, usage = os.wait4(process.pid, 0)
            finally:
                watchdog.cancel()
            process.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.monotonic() - started
        return Completed(
            returncode=process.returncode,
            stdout=out_path.read_text(encoding="utf-8", errors="replace"),
            stderr=err_path.read_text(encoding="utf-8", errors="replace"),
            seconds=seconds,
            peak_mb=usage.ru_maxrss / 1024,
            timed_out=killed.is_set(),
        )
