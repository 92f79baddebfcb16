"""No SQL is built by string formatting: user text reaches the database only as bound parameters.

The test reads every module under factcheck/ and flags calls that run or declare SQL (execute,
exec_driver_sql, executescript, text, literal_column, ...) whose statement is an f-string, a
%-format, a .format() call or a string concatenation with something that is not a literal, either
directly or through a local name assigned such a value. The few reviewed exceptions are listed
below with the reason they take no user input; an entry that no longer matches fails the test too,
so the list is re-reviewed whenever that code changes.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "factcheck"
SQL_CALLS = {
    "execute",
    "executemany",
    "executescript",
    "exec_driver_sql",
    "text",
    "sql_text",
    "literal_column",
}

# (path relative to the project, the flagged statement's source, stripped) -> why it is safe.
REVIEWED: dict[tuple[str, str], str] = {
    ("factcheck/store/engine.py", 'f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"'): "a module constant (int)",
    ("factcheck/compare/run.py", 'f"PRAGMA cache_size = -{int(kib)}"'): (
        "a size in KiB from the module's constants, forced through int()"
    ),
    ("factcheck/compare/run.py", 'f"PRAGMA cache_size = -{int(SQLITE_RUN_CACHE_KIB)}"'): (
        "a module constant (int), forced through int()"
    ),
    ("factcheck/compare/run.py", 'f"PRAGMA cache_size = {int(previous or -2000)}"'): (
        "an int read back from PRAGMA cache_size, forced through int()"
    ),
    ("factcheck/store/engine.py", 'f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}"'): (
        "a module constant (int)"
    ),
    (
        "factcheck/compare/persist.py",
        "f\"DELETE FROM relations WHERE relation_key = {mark} AND type IN ({', '.join([mark] * len(wanted))})\"",
    ): "only the driver's placeholder mark (? or %s); keys and types travel as bound parameters",
    (
        "factcheck/compare/persist.py",
        'f"SELECT {column}, relation_key, type FROM relations WHERE {column} IN ({marks})"',
    ): (
        "column is one of two literal column names in a constant tuple, marks the driver's placeholders; "
        "the claim ids travel as bound parameters"
    ),
    (
        "factcheck/store/writes.py",
        "f\"INSERT INTO claims ({', '.join(quote(name) for name in _CLAIM_COLUMNS)}) \"\n"
        "        f\"VALUES ({', '.join([mark] * len(columns))}) ON CONFLICT (claim_key) DO NOTHING\"",
    ): (
        "column names from a constant tuple, quoted by the dialect, and the driver's placeholder marks; "
        "the claims' values travel as bound parameters"
    ),
}


def _formatted(node: ast.expr) -> bool:
    """An expression that builds a string from non-literal parts."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return isinstance(node.left, (ast.Constant, ast.JoinedStr)) and isinstance(
            getattr(node.left, "value", ""), str
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [node.left, node.right]
        return any(_formatted(part) for part in parts) or not all(
            isinstance(part, ast.Constant) for part in parts
        )
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def _scopes(tree: ast.Module) -> list[ast.AST]:
    return [
        tree,
        *(node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))),
    ]


def _assignments(scope: ast.AST) -> dict[str, list[ast.expr]]:
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found.setdefault(node.target.id, []).append(node.value)
    return found


def formatted_sql(path: Path) -> set[str]:
    """Source of every formatted statement passed to a SQL call in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    source = path.read_text(encoding="utf-8")
    flagged: set[str] = set()
    for scope in _scopes(tree):
        names = _assignments(scope)
        for node in ast.walk(scope):
            if not (isinstance(node, ast.Call) and _call_name(node) in SQL_CALLS and node.args):
                continue
            statement = node.args[0]
            candidates = [statement]
            if isinstance(statement, ast.Name):
                candidates += names.get(statement.id, [])
            for candidate in candidates:
                if _formatted(candidate):
                    flagged.add((ast.get_source_segment(source, candidate) or ast.dump(candidate)).strip())
    return flagged


def test_no_sql_is_built_by_string_formatting() -> None:
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        found |= {(relative, statement) for statement in formatted_sql(path)}
    unreviewed = sorted(found - set(REVIEWED))
    assert not unreviewed, "SQL built by string formatting (use bound parameters):\n" + "\n".join(
        f"  {path}: {statement}" for path, statement in unreviewed
    )
    stale = sorted(set(REVIEWED) - found)
    assert not stale, f"reviewed exceptions that no longer exist (remove them): {stale}"


def test_the_checker_catches_formatting(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(session, text, name, value):\n"
        "    session.execute(text(f\"SELECT * FROM claims WHERE text = '{name}'\"))\n"
        '    session.execute("SELECT %s" % name)\n'
        '    session.execute("SELECT {}".format(name))\n'
        '    session.execute("SELECT " + name)\n'
        '    statement = f"DELETE FROM claims WHERE id = {value}"\n'
        "    session.exec_driver_sql(statement)\n"
        '    session.execute(text("SELECT * FROM claims WHERE id = :id"), {"id": value})\n'
        '    session.execute("SELECT 1" + " FROM claims")\n',
        encoding="utf-8",
    )
    assert formatted_sql(sample) == {
        "f\"SELECT * FROM claims WHERE text = '{name}'\"",
        '"SELECT %s" % name',
        '"SELECT {}".format(name)',
        '"SELECT " + name',
        'f"DELETE FROM claims WHERE id = {value}"',
    }
