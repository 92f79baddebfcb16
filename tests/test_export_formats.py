"""Each export format's content, on SQLite and PostgreSQL, from report data built through the store."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import Engine

from factcheck.export import ExportError, export
from factcheck.store.queries import ClaimFilter
from tests.test_export_helpers import GENERATED, ReportStore, build_report_store, generated_at, run_export


@pytest.fixture
def report(engine: Engine) -> ReportStore:
    return build_report_store(engine)


def test_markdown_lists_contradictions_with_both_claims_then_corroborations_then_sources(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    text = run_export(engine, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    headings = re.findall(r"^##? .*$", text, flags=re.MULTILINE)
    assert headings == [
        "# Discrepancy report",
        "## Contradictions (2)",
        "## Contradictions dismissed by editors (1)",
        "## Corroborations (1)",
        "## Summary by source",
    ]
    contradictions = text.split("## Contradictions (2)")[1].split("## Contradictions dismissed")[0]
    first = contradictions.split("### 2.")[0]
    assert "### 1. fighters (IS) in Raqqa" in first
    assert "≈2 000 — Brett McGurk (via The Independent)" in first
    assert "≈4 000 — SOHR (via Reuters)" in first
    assert "Report: aftonbladet-raqqa.txt, published 2017-10-14" in first
    assert "“We believe about 2,000 IS fighters remain in Raqqa" in first
    assert "**Explanation:** 2 000 vs 4 000 IS fighters in Raqqa, same month" in first
    assert re.search(r"\*\*Editor's decision:\*\* confirmed by anna on \d{4}-\d{2}-\d{2}", first)
    assert "**Editor's note:** Real discrepancy" in first
    assert "not yet decided" in contradictions.split("### 2.")[1]
    assert "Different months" in text.split("## Contradictions dismissed by editors (1)")[1]
    corroborations = text.split("## Corroborations (1)")[1].split("## Summary")[0]
    assert "20 000–25 000 — UN" in corroborations
    summary = text.split("## Summary by source")[1]
    assert "| SOHR | 3 | 1 | 0 |" in summary
    assert "| Brett McGurk | 2 | 2 | 0 |" in summary
    assert "| The Independent | 1 | 0 | 1 |" in summary
    assert f"Generated {GENERATED}." in text


def test_markdown_only_contradictions_leaves_out_corroborations(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    text = run_export(engine, "md", tmp_path / "r.md", only_contradictions=True).read_text(encoding="utf-8")
    assert "## Contradictions (2)" in text
    assert "Corroborations" not in text
    assert "dismissed" not in text.lower()
    assert "| UN |" not in text  # the UN's only claim is in no contradiction


def test_csv_has_one_row_per_claim_with_stable_columns(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    raw = run_export(engine, "csv", tmp_path / "c.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == 7
    assert list(rows[0])[:3] == ["claim_id", "claim_key", "document"]
    by_key = {row["claim_key"]: row for row in rows}
    first = by_key[report.claim_keys["c1"]]
    assert first["value_low"] == "2000" and first["approximate"] == "true"
    assert first["source"] == "Brett McGurk" and first["via"] == "The Independent"
    assert first["status"] == "verified" and first["review_note"] == "Confirmed with the desk"
    assert first["review_reviewer"] == "anna" and first["contradictions"] == "1"
    assert by_key[report.claim_keys["c6"]]["status"] == "unreviewed"  # its review was withdrawn
    assert by_key[report.claim_keys["c6"]]["review_note"] == ""
    assert by_key[report.claim_keys["c7"]]["value_high"] == "25000"
    assert [int(row["claim_id"]) for row in rows] == sorted(int(row["claim_id"]) for row in rows)


def test_csv_relations_rows_carry_both_claims_and_the_decision(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    path = run_export(engine, "csv", tmp_path / "r.csv", rows="relations")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert [row["relation_key"] for row in rows] == [
        report.relation_keys[k] for k in ("r1", "r4", "r2", "r3")
    ]
    first = rows[0]
    assert first["type"] == "contradicts" and first["decision"] == "confirmed"
    assert first["decision_note"] == "Real discrepancy" and first["decision_reviewer"] == "anna"
    assert first["a_source"] == "Brett McGurk" and first["b_source"] == "SOHR"
    assert first["a_value_low"] == "2000" and first["b_value_low"] == "4000"
    assert rows[3]["status"] == "dismissed"


def test_csv_filters_by_source_alias_kind_dates_and_status(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    from factcheck.cli.export_cmd import resolve_source_name

    def keys(claim_filter: ClaimFilter, **options: object) -> set[str]:
        path = run_export(engine, "csv", tmp_path / "f.csv", claim_filter=claim_filter, **options)
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
        inverse = {key: label for label, key in report.claim_keys.items()}
        column = "relation_key" if options.get("rows") == "relations" else "claim_key"
        return {inverse.get(row[column], row[column]) for row in rows}

    sohr = resolve_source_name(engine, "Syrian Observatory for Human Rights")
    assert sohr == "SOHR"
    assert resolve_source_name(engine, "sohr") == "SOHR"
    assert keys(ClaimFilter(source=sohr)) == {"c2", "c5", "c6"}
    assert keys(ClaimFilter(kind="fighters")) == {"c1", "c2", "c4"}
    assert keys(ClaimFilter(since="2017-10", until="2017-10")) == {"c1", "c2", "c3"}
    assert keys(ClaimFilter(status="disputed")) == {"c2"}
    assert keys(ClaimFilter(location="Syria"), only_contradictions=True) == set()  # r3 was dismissed
    relation_keys = keys(ClaimFilter(source="UN"), rows="relations")
    assert relation_keys == {report.relation_keys["r4"]}  # a relation shows when either claim matches


def test_xlsx_keeps_numbers_as_numbers_and_text_as_text(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = run_export(engine, "xlsx", tmp_path / "c.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    header, rows = values[0], values[1:]
    assert header[:3] == ("claim_id", "claim_key", "document")
    assert len(rows) == 7
    record = dict(zip(header, next(r for r in rows if r[1] == report.claim_keys["c7"]), strict=True))
    assert record["value_low"] == 20000 and isinstance(record["value_low"], (int, float))
    assert record["value_high"] == 25000
    assert record["approximate"] is False
    assert record["text"] == "20.000 und 25.000" and record["source"] == "UN"
    assert record["subject"] is None
    relations = load_workbook(run_export(engine, "xlsx", tmp_path / "r.xlsx", rows="relations")).active
    assert relations is not None
    assert relations.title == "relations"
    assert relations.max_row == 5


def test_json_holds_claims_relations_documents_and_reviews(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    data = json.loads(run_export(engine, "json", tmp_path / "d.json").read_text(encoding="utf-8"))
    assert list(data) == [
        "format", "schema_version", "generator", "generated_at", "filter",
        "claims", "relations", "context_claims", "documents", "reviews",
    ]  # fmt: skip
    assert data["format"] == "factcheck-export" and data["schema_version"] == 1
    assert data["generated_at"] == GENERATED
    assert len(data["claims"]) == 7 and data["context_claims"] == []
    assert [c["id"] for c in data["claims"]] == sorted(c["id"] for c in data["claims"])
    claim_keys = {c["claim_key"] for c in data["claims"]}
    assert len(data["relations"]) == 4
    for relation in data["relations"]:
        assert relation["claim_a"] in claim_keys and relation["claim_b"] in claim_keys
    document_ids = {d["id"] for d in data["documents"]}
    assert {c["document_id"] for c in data["claims"]} == document_ids
    assert {d["language"] for d in data["documents"]} == {"en", "sv", "nb", "de"}
    withdrawn = [r for r in data["reviews"] if r["withdrawn"]]
    assert [r["target_key"] for r in withdrawn] == [report.claim_keys["c6"]]
    assert len(data["reviews"]) == 6
    c1 = next(c for c in data["claims"] if c["claim_key"] == report.claim_keys["c1"])
    assert c1["via"] == ["The Independent"] and c1["value_low"] == 2000.0 and c1["status"] == "verified"


def test_json_includes_the_other_claim_of_a_relation_as_context(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    path = run_export(engine, "json", tmp_path / "d.json", claim_filter=ClaimFilter(source="UN"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [c["claim_key"] for c in data["claims"]] == [report.claim_keys["c7"]]
    assert [c["claim_key"] for c in data["context_claims"]] == [report.claim_keys["c3"]]
    assert data["filter"]["source"] == "UN"
    assert len(data["documents"]) == 2


def test_claimreview_objects_have_the_required_fields(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    from factcheck.export.data import Publisher

    path = tmp_path / "r.jsonld"
    export(engine, "claimreview", path, ClaimFilter(), generated_at=generated_at(),
           publisher=Publisher("Faktakollen", "https://faktakollen.example/raqqa"))  # fmt: skip
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert len(reviews) == 3  # verified, disputed, needs_source; the withdrawn verdict is gone
    ratings = {}
    for review in reviews:
        assert_claim_review(review)
        assert review["author"] == {
            "@type": "Organization", "name": "Faktakollen", "url": "https://faktakollen.example/raqqa",
        }  # fmt: skip
        assert review["url"].startswith("https://faktakollen.example/raqqa#claim-")
        ratings[review["identifier"]] = review["reviewRating"]["alternateName"]
    assert ratings == {
        report.claim_keys["c1"]: "Accurate",
        report.claim_keys["c2"]: "Disputed",
        report.claim_keys["c5"]: "Unsupported: needs a source",
    }
    first = next(r for r in reviews if r["identifier"] == report.claim_keys["c1"])
    assert first["itemReviewed"]["author"] == {"@type": "Person", "name": "Brett McGurk"}
    assert first["itemReviewed"]["appearance"][0]["url"] == "https://example.org/raqqa-independent"
    assert first["reviewBody"] == "Confirmed with the desk"


def assert_claim_review(review: dict[str, object]) -> None:
    """The properties schema.org ClaimReview consumers (e.g. Google's fact-check markup) require."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    assert isinstance(review["url"], str) and re.match(r"^(https?://|urn:)", review["url"])
    assert isinstance(review["datePublished"], str) and re.match(
        r"^\d{4}-\d{2}-\d{2}$", review["datePublished"]
    )
    author = review["author"]
    assert isinstance(author, dict) and author["@type"] == "Organization" and author["name"]
    rating = review["reviewRating"]
    assert isinstance(rating, dict) and rating["@type"] == "Rating"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    item = review["itemReviewed"]
    assert isinstance(item, dict) and item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Organization", "Person") and item["author"]["name"]
    assert re.match(r"^\d{4}(-\d{2}){0,2}$", item["datePublished"])
    assert item["appearance"] and item["appearance"][0]["@type"] == "CreativeWork"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.meta: list[dict[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))
        if tag == "meta":
            self.meta.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_with_table_charts_and_sections(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    text = run_export(engine, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    parsed = _Collector()
    parsed.feed(text)
    assert "link" in parsed.tags  # only the data: favicon
    assert re.findall(r'(?:src|href)="([^"]*)"', text) == ["data:,"]
    policy = next(m["content"] for m in parsed.meta if m.get("http-equiv") == "Content-Security-Policy")
    assert policy and policy.startswith("default-src 'none'; script-src 'sha256-")
    assert parsed.tags.count("svg") >= 3 + 3  # three charts plus their legend swatches
    assert text.count("<tr data-order=") == 7
    for section in ("contradictions", "dismissed", "corroborations", "charts", "claims", "summary"):
        assert f'<section id="{section}">' in text
    assert [s.get("type") for s in parsed.scripts] == ["application/json", None]
    meta = json.loads(
        text.split('<script type="application/json" id="report-meta">')[1].split("</script>")[0]
    )
    assert meta["claims"] == 7 and meta["generated_at"] == GENERATED


def test_every_format_is_deterministic_apart_from_the_timestamp(
    engine: Engine, report: ReportStore, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    for fmt in ("md", "html", "csv", "xlsx", "json", "claimreview"):
        first = run_export(engine, fmt, tmp_path / f"a.{fmt}").read_bytes()
        second = run_export(engine, fmt, tmp_path / f"b.{fmt}").read_bytes()
        assert first == second, fmt
    later = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    export(engine, "md", tmp_path / "later.md", ClaimFilter(), generated_at=later)
    a = (tmp_path / "a.md").read_text(encoding="utf-8").replace(GENERATED, "T")
    b = (tmp_path / "later.md").read_text(encoding="utf-8").replace("2025-01-02T03:04:05Z", "T")
    assert a == b


def test_export_refuses_xlsx_to_stdout_and_unknown_formats(engine: Engine, report: ReportStore) -> None:
    with pytest.raises(ExportError, match="-o"):
        export(engine, "xlsx", None, ClaimFilter())
    with pytest.raises(ExportError, match="unknown format"):
        export(engine, "pdf", None, ClaimFilter())
    with pytest.raises(ExportError, match="unknown rows"):
        export(engine, "csv", None, ClaimFilter(), rows="documents")
