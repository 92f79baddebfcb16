"""A siege "since 2015" against one of "tre år": extracted from reports written here, stored, compared."""

from __future__ import annotations

from itertools import count

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.compare import compare_all
from factcheck.extract.extractor import extract
from factcheck.store.writes import store_document
from tests.test_compare_support import relation_between

_serial = count()


def siege_duration(engine: Engine, text: str, language: str, published: str | None) -> int | None:
    """Extract and store one report; the id of its duration claim, or None when it has none."""
    document = domain.Document(
        text=text, origin=f"since-{next(_serial)}.txt", language=language, published=published
    )
    claims = extract(text, language, published)
    with Session(engine) as session, session.begin():
        stored = store_document(session, document, claims, "test")
    ids = [
        claim_id for claim_id, claim in zip(stored.claim_ids, claims, strict=True) if claim.kind == "duration"
    ]
    assert len(ids) <= 1
    return ids[0] if ids else None


THREE_YEARS = (
    "I takt med bakslagen i Raqqa flyttade IS 2 000 krigare till Deir Ezzor, en stad i nordvästra Syrien "
    "som terrorgruppen belägrat i tre år."
)
SINCE_2015 = "The army is 20 km from Deir ez-Zor, where the small government-held part has been besieged by IS since 2015."


def test_three_years_and_since_2015_disagree_on_when_the_siege_began(engine: Engine) -> None:
    three = siege_duration(engine, THREE_YEARS, "sv", "2017-09")
    since = siege_duration(engine, SINCE_2015, "en", "2017-09-02")
    assert three is not None and since is not None
    compare_all(engine)
    relation = relation_between(engine, three, since)
    assert relation is not None and relation.type == "contradicts"
    text = relation.explanation
    assert "disagree on when it began" in text
    assert "'tre år' (2017-09) puts the start of the siege around 2014-09" in text
    assert "'since 2015' (2017-09-02) puts it in 2015" in text
    assert "the start dates disagree" in text
    # Three years allowing for rounding reaches the last days of 2014, so the conflict is a near one.
    assert 0.0 < relation.score < 0.7


def test_a_start_year_inside_the_rounded_span_agrees(engine: Engine) -> None:
    three = siege_duration(engine, THREE_YEARS, "sv", "2017-09")
    since = siege_duration(
        engine,
        "Deir ez-Zor est assiégée par l'EI depuis 2014, et 2 000 combattants y restent.",
        "fr",
        "2017-09-10",
    )
    assert three is not None and since is not None
    compare_all(engine)
    relation = relation_between(engine, three, since)
    assert relation is not None and relation.type == "corroborates"
    assert "puts it in 2014" in relation.explanation


def test_two_start_years_disagree(engine: Engine) -> None:
    a = siege_duration(engine, SINCE_2015, "en", "2017-09-02")
    b = siege_duration(
        engine, "Deir ez-Zor wird seit 2014 vom IS belagert, mit 2000 Kämpfern.", "de", "2017-09-05"
    )
    assert a is not None and b is not None
    compare_all(engine)
    relation = relation_between(engine, a, b)
    assert relation is not None and relation.type == "contradicts"
    assert "'since 2015' (2017-09-02) puts the start of the siege in 2015" in relation.explanation
    assert "'seit 2014' (2017-09-05) puts it in 2014" in relation.explanation


def test_an_undated_report_is_never_related(engine: Engine) -> None:
    three = siege_duration(engine, THREE_YEARS, "sv", None)
    since = siege_duration(engine, SINCE_2015, "en", "2017-09-02")
    assert since is not None and three is not None
    assert siege_duration(engine, SINCE_2015.replace("20 km", "30 km"), "en", None) is None
    compare_all(engine)
    assert relation_between(engine, three, since) is None
