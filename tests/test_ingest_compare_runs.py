"""A large ingest compares its new claims in runs that grow with the store, and ends where a full pass does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from benchmarks.synthetic import CorpusConfig, write_corpus
from factcheck import pipeline
from factcheck.compare import compare_all
from factcheck.read import read_paths
from tests.test_compare_support import relations


def _small_schedule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int) -> list[str]:
    """600 synthetic reports (five claims each) and a schedule scaled down to them: runs from 300 new claims,
    at most `cap`, batches of 50 reports (well under a run, so the runs' sizes show). Returns the files."""
    corpus = write_corpus(tmp_path / "corpus", CorpusConfig(reports=600, seed=3), fmt="txt")
    monkeypatch.setattr(pipeline, "COMPARE_EVERY", 300)
    monkeypatch.setattr(pipeline, "COMPARE_AT_MOST", cap)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 50)
    return [str(path) for path in sorted(corpus.files)]


def test_runs_grow_with_the_store_up_to_a_cap_and_reach_what_a_full_pass_finds(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus_files = _small_schedule(tmp_path, monkeypatch, cap=400)
    runs: list[tuple[int, int]] = []  # (claims stored before the run's claims, claims in the run)
    compare_new = pipeline._compare_new

    def recording(engine_: Engine, claim_ids: tuple[int, ...]) -> int:
        runs.append((min(claim_ids) - 1, len(claim_ids)))
        return compare_new(engine_, claim_ids)

    monkeypatch.setattr(pipeline, "_compare_new", recording)
    summary = pipeline.ingest(engine, read_paths(corpus_files))
    assert summary.new == 600 and summary.claims == sum(size for _before, size in runs)
    batch = pipeline.BATCH_SIZE * 5  # claims a batch of synthetic reports brings: runs start after a batch
    wanted = [min(400, max(300, pipeline.COMPARE_SHARE * before)) for before, _size in runs]
    # Every run but the last (the end of the ingest) waited for its share of the store, and no longer.
    assert all(
        low <= size < low + batch for low, (_before, size) in list(zip(wanted, runs, strict=True))[:-1]
    )
    assert len(runs) >= 4 and 400 in wanted  # the runs grew with the store and met the cap
    # The summary tells each run: the store's claims after it, its new claims, its CPU time.
    assert [(store, new) for store, new, _cpu in summary.compare_runs] == [(b + n, n) for b, n in runs]
    incremental = {(r.relation_key, r.type, r.explanation) for r in relations(engine)}
    # Later runs displace links earlier ones made (a back-dated report becomes a figure's first): the summary
    # counts the relations the ingest leaves in the store, not every one a run wrote on the way.
    assert summary.relations == len(incremental)
    compare_all(engine)
    assert incremental == {(r.relation_key, r.type, r.explanation) for r in relations(engine)}
    assert len(incremental) > 100


def _recorded_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of new claims of each comparison run the ingest makes from now on."""
    runs: list[int] = []
    compare_new = pipeline._compare_new

    def recording(engine_: Engine, claim_ids: tuple[int, ...]) -> int:
        runs.append(len(claim_ids))
        return compare_new(engine_, claim_ids)

    monkeypatch.setattr(pipeline, "_compare_new", recording)
    return runs


@pytest.mark.parametrize("cap", [100_000, 1_500])
def test_a_known_total_skips_runs_the_final_one_would_repeat_while_under_the_cap(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    files = _small_schedule(tmp_path, monkeypatch, cap=cap)
    runs = _recorded_runs(monkeypatch)
    summary = pipeline.ingest(engine, read_paths(files), expected=len(files))
    assert summary.new == 600 and sum(runs) == summary.claims
    if cap > summary.claims:
        assert runs == [summary.claims]  # everything fits in the final run: one reading of the store
    else:
        # A run falls due once the waiting claims reach the cap, whatever is still to come.
        assert len(runs) >= 2 and all(size < cap + pipeline.BATCH_SIZE * 10 for size in runs)
    incremental = {(r.relation_key, r.type, r.explanation) for r in relations(engine)}
    compare_all(engine)
    assert incremental == {(r.relation_key, r.type, r.explanation) for r in relations(engine)}


def test_an_underestimated_total_still_compares_in_runs(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _small_schedule(tmp_path, monkeypatch, cap=1_000)
    runs = _recorded_runs(monkeypatch)
    # Told of 100 reports where there are 600 (as with JSON lines counted as files): once the 100 are in,
    # nothing more is expected, so runs wait for the cap, and the claims are all compared all the same.
    summary = pipeline.ingest(engine, read_paths(files), expected=100)
    assert sum(runs) == summary.claims and len(runs) >= 2
    assert all(size < 1_000 + pipeline.BATCH_SIZE * 10 for size in runs)


def test_reextracting_unchanged_reports_tells_no_gain_and_keeps_every_relation(
    engine: Engine, tmp_path: Path
) -> None:
    """Each re-extracted report's run refreshes the links it had: the summary counts none of them as added."""
    corpus = write_corpus(tmp_path / "corpus", CorpusConfig(reports=120, seed=5), fmt="txt")
    ingested = pipeline.ingest(engine, read_paths([str(path) for path in sorted(corpus.files)]))
    before = {(r.relation_key, r.type) for r in relations(engine)}
    assert ingested.relations == len(before) > 50
    again = pipeline.reextract(engine, everything=True)
    assert again.failed == 0 and again.existing == 120
    assert again.relations == 0 and again.line().endswith("0 relations added")
    assert {(r.relation_key, r.type) for r in relations(engine)} == before
