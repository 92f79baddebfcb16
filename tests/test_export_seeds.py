"""Every format on the seeds database, checked against what the store itself holds."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from factcheck.store.queries import ClaimFilter, RelationFilter, count_claims, iter_claims, iter_relations
from factcheck.store.reviews import review_claim
from tests.test_export_formats import assert_claim_review
from tests.test_export_helpers import run_export


def test_seeds_export_in_every_format_agrees_with_the_store(seeds_engine: Engine, tmp_path: Path) -> None:
    with Session(seeds_engine) as session, session.begin():
        claims = list(iter_claims(session))
        assert claims, "the seeds database holds no claims"
        for claim, verdict in zip(claims[:3], ("verified", "disputed", "needs_source"), strict=False):
            review_claim(session, claim.claim_key, verdict, "editor", "seed check")
    with Session(seeds_engine) as session:
        total = count_claims(session, ClaimFilter())
        contradictions = [
            r
            for r in iter_relations(session, RelationFilter(types=("contradicts",)))
            if r.status != "dismissed"
        ]
        corroborations = list(iter_relations(session, RelationFilter(types=("corroborates",))))
        relations_total = len(list(iter_relations(session, RelationFilter(types=(
            "contradicts", "corroborates", "changed_over_time", "different_scope", "repeats")))))  # fmt: skip

    markdown = run_export(seeds_engine, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    assert f"## Contradictions ({len(contradictions)})" in markdown
    assert f"## Corroborations ({len(corroborations)})" in markdown
    summary = markdown.split("## Summary by source")[1]
    counted = [int(n) for n in re.findall(r"^\| .+? \| (\d+) \| \d+ \| \d+ \|$", summary, flags=re.MULTILINE)]
    assert sum(counted) == total

    rows = list(csv.DictReader(io.StringIO(run_export(seeds_engine, "csv", tmp_path / "c.csv").read_text(
        encoding="utf-8"), newline="")))  # fmt: skip
    assert len(rows) == total
    assert {row["language"] for row in rows} >= {"sv", "en"}
    relation_rows = list(csv.DictReader(io.StringIO(run_export(
        seeds_engine, "csv", tmp_path / "r.csv", rows="relations").read_text(encoding="utf-8"), newline="")))  # fmt: skip
    assert len(relation_rows) == relations_total

    sheet = load_workbook(run_export(seeds_engine, "xlsx", tmp_path / "c.xlsx")).active
    assert sheet is not None and sheet.max_row == total + 1

    data = json.loads(run_export(seeds_engine, "json", tmp_path / "d.json").read_text(encoding="utf-8"))
    assert len(data["claims"]) == total and len(data["documents"]) == 5
    assert len(data["relations"]) == relations_total
    assert len([r for r in data["reviews"] if r["target_type"] == "claim"]) == 3

    reviews = json.loads(
        run_export(seeds_engine, "claimreview", tmp_path / "r.jsonld").read_text(encoding="utf-8")
    )
    assert len(reviews) == min(3, len(claims))
    for review in reviews:
        assert_claim_review(review)

    html = run_export(seeds_engine, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("<tr data-order=") == total
