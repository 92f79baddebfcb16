"""The HTML report in real headless Chromium: no console errors, no network, the table sorts.

A screenshot is kept in tests/artifacts/. Without Chromium the test skips, except under CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from factcheck.store.engine import open_store
from tests.conftest import IN_CI, ROOT
from tests.support.browser import Browser, BrowserUnavailable, find_chromium, launch
from tests.test_export_helpers import build_report_store, run_export

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if find_chromium() is None:
        reason = "Chromium not installed (apt-get install chromium, or set FACTCHECK_CHROMIUM)"
        if IN_CI:
            pytest.fail(f"the HTML report test needs Chromium under CI: {reason}")
        pytest.skip(reason)
    try:
        with launch() as running:
            yield running
    except BrowserUnavailable as exc:
        if IN_CI:
            pytest.fail(f"the HTML report test needs Chromium under CI: {exc}")
        pytest.skip(str(exc))


def _report(tmp_path: Path, hostile: bool) -> Path:
    engine: Engine = open_store(f"sqlite:///{tmp_path / 'report.db'}")
    try:
        build_report_store(engine, hostile=hostile)
        return run_export(engine, "html", tmp_path / "report.html")
    finally:
        engine.dispose()


COLUMN = """Array.from(document.querySelectorAll('#claims-table tbody tr')).map(r => r.cells[{index}].textContent.trim())"""
HEADERS = "Array.from(document.querySelectorAll('#claims-table thead th')).map(h => h.textContent.trim())"


def test_report_renders_without_errors_and_the_table_sorts(browser: Browser, tmp_path: Path) -> None:
    path = _report(tmp_path, hostile=False)
    page = browser.new_page()
    page.open(path.as_uri())
    page.settle()
    assert page.console_errors() == []
    assert page.requested_urls() == [path.as_uri()]  # nothing loaded from anywhere else
    assert page.evaluate("document.querySelectorAll('#charts svg.chart').length") == 3
    assert page.evaluate("document.querySelectorAll('#contradictions article').length") == 2

    headers = page.evaluate(HEADERS)
    value, source = headers.index("Value"), headers.index("Source")
    page.evaluate(
        f"document.querySelectorAll('#claims-table thead th')[{value}].querySelector('button').click()"
    )
    ascending = page.evaluate(COLUMN.format(index=value))
    assert ascending == ["37 %", "40 %", "≈2 000", "2 500", "≈4 000", "20 000–25 000", "25 000"]
    page.evaluate(
        f"document.querySelectorAll('#claims-table thead th')[{value}].querySelector('button').click()"
    )
    assert page.evaluate(COLUMN.format(index=value)) == list(reversed(ascending))
    page.evaluate(
        f"document.querySelectorAll('#claims-table thead th')[{source}].querySelector('button').click()"
    )
    sources = page.evaluate(COLUMN.format(index=source))
    assert sources == sorted(sources, key=str.lower)
    assert (
        page.evaluate(
            f"document.querySelectorAll('#claims-table thead th')[{source}].getAttribute('aria-sort')"
        )
        == "ascending"
    )
    page.settle()
    assert page.console_errors() == []
    page.screenshot(ARTIFACTS / "export-report.png")
    assert (ARTIFACTS / "export-report.png").stat().st_size > 10_000


def test_hostile_report_runs_no_injected_script(browser: Browser, tmp_path: Path) -> None:
    path = _report(tmp_path, hostile=True)
    page = browser.new_page()
    page.send(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": "window.alert = () => { window.__alerted = true; };"},
    )
    page.open(path.as_uri())
    page.settle()
    assert page.console_errors() == []
    assert page.evaluate("window.__alerted === true") is False
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert "<script>alert(1)</script>" in page.evaluate("document.body.innerText")
    page.screenshot(ARTIFACTS / "export-report-hostile.png")
