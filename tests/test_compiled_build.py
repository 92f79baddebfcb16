"""The modules setup.py compiles with mypyc are the ones that run, built from the sources as they are.

An extension module is imported in place of its .py file, so an extension left over from older sources
would run old code: these tests say so (and `make`, which rebuilds when a compiled source changes, fixes it).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _setup_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factcheck_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPILED = _setup_script().compiled_modules(ROOT)


def test_the_hot_modules_are_compiled() -> None:
    listed = set(COMPILED)
    for hot in ("factcheck/extract/claims.py", "factcheck/extract/numbers/grammar.py",
                "factcheck/resolve/matcher.py", "factcheck/compare/pairs.py"):  # fmt: skip
        assert hot in listed
    assert not any(path.endswith("__init__.py") for path in listed)  # packages keep their imports lazy


@pytest.mark.skipif(
    bool(os.environ.get("FACTCHECK_PURE_PYTHON")), reason="built with FACTCHECK_PURE_PYTHON=1"
)
@pytest.mark.parametrize("path", COMPILED)
def test_compiled_module_is_current(path: str) -> None:
    source = ROOT / path
    built = [
        source.with_suffix(suffix) for suffix in EXTENSION_SUFFIXES if source.with_suffix(suffix).exists()
    ]
    assert built, f"{path} has no compiled extension: run `make` to compile it"
    assert built[0].stat().st_mtime >= source.stat().st_mtime, (
        f"{built[0].name} is older than {path}: run `make` to rebuild the compiled modules"
    )
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    assert isinstance(module.__loader__, ExtensionFileLoader), f"{path} runs interpreted"


def test_lazy_indexes_are_built_once() -> None:
    """Compiled classes have no __dict__, so functools.cached_property would rebuild on every access."""
    from factcheck.resolve import get_registry

    registry = get_registry()
    index = registry._indexes["place"]
    assert index.matcher is index.matcher
    assert index.fuzzy_choices is index.fuzzy_choices
    assert index.person_keys is index.person_keys
    importlib.import_module("factcheck.extract").extract("IS har 2 000 krigare i Raqqa.", "sv", None)
    assert index.matcher is index.matcher
