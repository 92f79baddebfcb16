"""Builds factcheck with its hot modules compiled to C extensions by mypyc.

Extraction (numbers, sentences, claims, attribution, the entity scans) and the comparison sweep are
plain typed Python that an ingest runs millions of times. mypyc compiles these same modules, with
the same behaviour, into C extensions that the interpreter imports in place of the .py files; the
rest of the package (CLI, store, TUI, exports) stays interpreted. Set FACTCHECK_PURE_PYTHON=1 to
build without compiling, e.g. on a platform without a C compiler.

The package's metadata lives in pyproject.toml; this file only adds the extensions.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

# Globs relative to this file; package __init__ modules stay interpreted (they keep imports lazy).
COMPILED = (
    "factcheck/dates.py",
    "factcheck/extract/*.py",
    "factcheck/extract/numbers/*.py",
    "factcheck/resolve/*.py",
    "factcheck/compare/classify.py",
    "factcheck/compare/pairs.py",
    "factcheck/compare/quantity.py",
    "factcheck/compare/records.py",
    "factcheck/compare/timing.py",
)
# Stays interpreted: claim_context caches per Registry object in a WeakKeyDictionary, and mypyc's native
# classes take no weak references.
INTERPRETED = frozenset({"factcheck/resolve/registry.py"})


def compiled_modules(root: Path) -> list[str]:
    paths = {path.relative_to(root).as_posix() for pattern in COMPILED for path in root.glob(pattern)}
    return sorted(path for path in paths - INTERPRETED if not path.endswith("/__init__.py"))


def ext_modules() -> list:
    if os.environ.get("FACTCHECK_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify

    root = Path(__file__).resolve().parent
    os.chdir(root)  # mypycify takes paths relative to the project
    return mypycify(compiled_modules(root), opt_level="3", group_name="factcheck.native")


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import it for the module list
    setup(ext_modules=ext_modules())
