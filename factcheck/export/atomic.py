"""Write a file whole or not at all: a temporary file beside the target, then os.replace.

A reader never sees half a report, and a failed export leaves the previous file untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _new_file_mode(target: Path) -> int:
    try:
        return os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        # mkstemp makes 0600 files; a new report gets the permissions any new file would.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's directory; renamed onto the target when the block succeeds."""
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, _new_file_mode(target))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(target: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream (newlines written as given) that replaces the target on success."""
    with atomic_path(target) as temporary, open(temporary, "w", encoding="utf-8", newline="") as stream:
        yield stream
