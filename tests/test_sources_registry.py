"""User aliases and merges: claims move, names resolve to the target, and both survive a restart."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.pipeline import load_registry
from factcheck.store import models
from factcheck.store.engine import open_store, session_factory
from factcheck.store.search import search_claim_ids
from factcheck.store.sources import SourceError, add_alias, find_source, merge_sources, source_stats
from factcheck.store.writes import SourceIds, store_document

SOHR = "Syrian Observatory for Human Rights"
SWEDISH = "Syriska människorättslaboratoriet"


def _claim_doc(session: Session, name: str, source: str, value: int) -> tuple[int, ...]:
    sentence = f"Enligt {source} finns {value} krigare kvar i Raqqa."
    text = f"{name}\n\n{sentence}"
    start = text.index(str(value))
    claim = domain.Claim(
        start=start, end=start + len(str(value)), text=str(value), sentence=sentence, value_low=value,
        value_high=value, unit="persons", kind="fighters", location="Raqqa", source=source, source_mention=source,
    )  # fmt: skip
    document = domain.Document(text=text, origin=f"/r/{name}.txt", language="sv", published="2017-08")
    return store_document(session, document, [claim], "test", SourceIds()).claim_ids


def _session(engine: Engine) -> Session:
    return session_factory(engine)()


def test_merge_moves_claims_and_keeps_the_name_as_an_alias(engine: Engine) -> None:
    with _session(engine) as session, session.begin():
        # A report cited the Swedish name before the registry knew it: it became a source of its own.
        old = _claim_doc(session, "a", SWEDISH, 2000)
        _claim_doc(session, "b", SOHR, 2500)
    with _session(engine) as session, session.begin():
        result = merge_sources(session, SWEDISH, "SOHR")
    assert (result.source, result.into, result.claims_moved) == (SWEDISH, SOHR, 1)
    with _session(engine) as session:
        target = session.execute(
            select(models.SOURCES.c.id).where(models.SOURCES.c.name == SOHR)
        ).scalar_one()
        merged = session.execute(select(models.SOURCES).where(models.SOURCES.c.name == SWEDISH)).one()
        assert merged.merged_into_id == target
        assert (
            session.execute(select(models.CLAIMS.c.source_id).where(models.CLAIMS.c.id == old[0])).scalar()
            == target
        )
        assert find_source(session, SWEDISH) == (target, SOHR)
        assert sorted(search_claim_ids(session, SWEDISH)) == sorted(search_claim_ids(session, "SOHR"))
        assert len(search_claim_ids(session, "SOHR")) == 2
        (view,) = source_stats(session)
        assert (view.name, view.claims, view.merged_from) == (SOHR, 2, (SWEDISH,))
        assert SWEDISH in view.user_aliases
    with _session(engine) as session, session.begin():
        # A later report citing the old name lands on the target.
        assert SourceIds().get(session, SWEDISH, None) == target


def test_merging_a_source_into_itself_is_refused(engine: Engine) -> None:
    with _session(engine) as session, session.begin():
        _claim_doc(session, "a", SOHR, 2000)
    with (
        _session(engine) as session,
        session.begin(),
        pytest.raises(SourceError, match="already the same source"),
    ):
        merge_sources(session, "the Britain-based war monitor", "SOHR")


def test_unknown_names_are_one_line_errors(engine: Engine) -> None:
    with _session(engine) as session, session.begin():
        with pytest.raises(SourceError, match="no source named"):
            merge_sources(session, "Nobody At All", "SOHR")
        with pytest.raises(SourceError, match="no source named"):
            add_alias(session, "Qwxz Unknown Body", "QUB")


def test_user_alias_survives_a_restart_and_resolves_new_reports(db_url: str) -> None:
    engine = open_store(db_url)
    with _session(engine) as session, session.begin():
        assert add_alias(session, "SOHR", "Människorättsobservatoriet i London") == SOHR
    engine.dispose()

    restarted = open_store(db_url)
    with _session(restarted) as session:
        registry = load_registry(session)
        resolved = registry.resolve_known_source("Människorättsobservatoriet i London")
        assert resolved is not None and resolved.canonical == SOHR
        (view,) = [v for v in source_stats(session) if v.name == SOHR]
        assert view.user_aliases == ("Människorättsobservatoriet i London",)
    with _session(restarted) as session, session.begin():
        _claim_doc(session, "c", SOHR, 900)
    with _session(restarted) as session:
        assert len(search_claim_ids(session, "Människorättsobservatoriet i London")) == 1
    restarted.dispose()


def test_an_alias_of_another_source_is_refused(engine: Engine) -> None:
    with _session(engine) as session, session.begin():
        _claim_doc(session, "a", SOHR, 2000)
        _claim_doc(session, "b", "Reuters", 100)
        add_alias(session, "Reuters", "R-byrån")
    with (
        _session(engine) as session,
        session.begin(),
        pytest.raises(SourceError, match="already an alias of"),
    ):
        add_alias(session, "SOHR", "r-byrån")


def test_stats_count_claims_and_contradictions(engine: Engine) -> None:
    with _session(engine) as session, session.begin():
        (a,) = _claim_doc(session, "a", SOHR, 2000)
        (b,) = _claim_doc(session, "b", "Reuters", 400)
        _claim_doc(session, "c", "Reuters", 450)
        session.execute(
            models.RELATIONS.insert().values(
                relation_key="k1", claim_a_id=a, claim_b_id=b, type="contradicts", score=0.9, explanation="x",
                status="open", computed_at=models.utcnow(),
            )
        )  # fmt: skip
    with _session(engine) as session:
        figures = {view.name: (view.claims, view.contradicted) for view in source_stats(session)}
    assert figures == {"Reuters": (2, 1), SOHR: (1, 1)}
