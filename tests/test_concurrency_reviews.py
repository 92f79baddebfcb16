"""A review's check of `expected` and its insert are atomic: no one can decide in between, on either engine."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from factcheck import domain
from factcheck.store import reviews
from factcheck.store.engine import create_store_engine, session_factory
from factcheck.store.reviews import ReviewConflict, latest_review, review_claim
from factcheck.store.writes import SourceIds, store_document


def _one_claim(engine: Engine) -> str:
    text_ = "Report\n\nAbout 2,000 fighters remain in Raqqa."
    claim = domain.Claim(start=14, end=19, text="2,000", sentence=text_.split("\n\n")[1], value_low=2000,
                         value_high=2000, unit="persons", kind="fighters")  # fmt: skip
    with session_factory(engine)() as session, session.begin():
        store_document(session, domain.Document(text=text_, origin="r.txt"), [claim], "t", SourceIds())
    return claim.claim_key(domain.content_hash(text_))


def _impatient(url: str) -> Engine:
    """A second editor's connection that gives up on a lock after half a second."""
    if url.startswith("sqlite"):
        from sqlalchemy import create_engine

        return create_engine(url, connect_args={"timeout": 0.5})
    engine = create_store_engine(url)

    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _lock_timeout(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("SET lock_timeout = '500ms'")
        cursor.close()

    return engine


def test_no_review_slips_in_between_check_and_write(
    engine: Engine, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _one_claim(engine)
    other = _impatient(db_url)
    outcome: list[str] = []
    check = reviews._check_expected

    def check_then_race(current: object, expected: object) -> None:
        check(current, expected)  # type: ignore[arg-type]
        # Anna's check passed; Björn now tries to decide on the same claim before her write.
        monkeypatch.setattr(reviews, "_check_expected", check)
        try:
            with session_factory(other)() as session, session.begin():
                review_claim(session, key, "disputed", "bjorn", expected=None)
            outcome.append("bjorn wrote in between")
        except (OperationalError, ReviewConflict) as exc:
            outcome.append(f"bjorn waited: {type(exc).__name__}")

    monkeypatch.setattr(reviews, "_check_expected", check_then_race)
    with session_factory(engine)() as session, session.begin():
        review_claim(session, key, "verified", "anna", expected=None)
    other.dispose()
    assert outcome and outcome[0].startswith("bjorn waited"), outcome
    with session_factory(engine)() as session:
        latest = latest_review(session, "claim", key)
        assert latest is not None and latest.reviewer == "anna"
        assert session.execute(text("SELECT count(*) FROM reviews")).scalar() == 1


def test_a_stale_decision_is_refused(engine: Engine) -> None:
    key = _one_claim(engine)
    make = session_factory(engine)
    with make() as session, session.begin():
        first = review_claim(session, key, "verified", "anna", expected=None)
    with make() as session, session.begin(), pytest.raises(ReviewConflict, match="anna marked it verified"):
        review_claim(session, key, "disputed", "bjorn", expected=None)
    with make() as session, session.begin():
        assert review_claim(session, key, "disputed", "bjorn", expected=first.id).verdict == "disputed"
