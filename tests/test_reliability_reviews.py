"""Re-extraction after an extractor change keeps every review: attached to its claim, or kept as orphaned.

The extractor change is simulated by having `reextract` find different claims in the same document.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from factcheck import domain, pipeline
from factcheck.store import models
from factcheck.store.engine import session_factory
from factcheck.store.reviews import orphaned_reviews, review_claim, undo
from factcheck.store.writes import store_document

TEXT = (
    "About 2,000 fighters remain in Raqqa, the observatory said. "
    "Some 500 civilians fled on Friday. "
    "Government forces hold 30 percent of the province. "
    "The front is 7 km north of the city."
)


def _claim(
    words: str, value: float, unit: str, kind: str, *, high: float | None = None, pad: int = 0
) -> domain.Claim:
    start = TEXT.index(words)
    end = start + len(words) + pad
    return domain.Claim(
        start=start,
        end=end,
        text=TEXT[start:end],
        sentence=TEXT[start:end],
        value_low=value,
        value_high=value if high is None else high,
        unit=unit,
        kind=kind,
    )


# What the "old" extractor found.
FIGHTERS = _claim("2,000 fighters", 2000, "persons", "fighters")
CIVILIANS = _claim("500 civilians", 500, "persons", "civilians")
SHARE = _claim("30 percent", 30, "percent", "control_share")
FRONT = _claim("7 km", 7, "km", "distance")
OLD = [FIGHTERS, CIVILIANS, SHARE, FRONT]

# What the "new" extractor finds: the same fighters claim with a better subject (same key); the
# civilians claim with a longer span (new key, same value); the share with a different value over
# the same words (new key); the front claim is gone; a new claim appears.
NEW = [
    domain.Claim(**{**{f: getattr(FIGHTERS, f) for f in FIGHTERS.__slots__}, "subject": "IS fighters"}),
    _claim("Some 500 civilians", 500, "persons", "civilians"),
    _claim("30 percent", 25, "percent", "control_share", high=35),
    _claim("About 2,000", 2000, "persons", "fighters", pad=0),
]


def _key(claim: domain.Claim) -> str:
    return claim.claim_key(domain.content_hash(TEXT))


def _status(engine: Engine, claim_key: str) -> str | None:
    from factcheck.store.queries import claim_status_expr

    claims = models.Claim.__table__
    with engine.connect() as connection:
        return connection.execute(select(claim_status_expr()).where(claims.c.claim_key == claim_key)).scalar()


def _review_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(models.Review.__table__)).scalar_one())


@pytest.fixture
def reviewed(engine: Engine) -> Engine:
    """One stored document with four claims, each reviewed (one review then withdrawn and redone)."""
    document = domain.Document(text=TEXT, origin="report.txt", language="en", published="2017-09-02")
    make_session = session_factory(engine)
    with make_session() as session, session.begin():
        stored = store_document(session, document, OLD, "old-1")
        assert stored.new and len(stored.claim_ids) == 4
    with make_session() as session, session.begin():
        review_claim(session, _key(FIGHTERS), "verified", "anna", "checked with SOHR")
        review_claim(session, _key(CIVILIANS), "disputed", "bo", "UN says 400")
        review_claim(session, _key(SHARE), "needs_source", "anna")
        review_claim(session, _key(FRONT), "needs_source", "bo")
        undo(session, "claim", _key(FRONT), "bo")
        review_claim(session, _key(FRONT), "verified", "bo", "map checked")
    return engine


def _reextract_with(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, claims: list[domain.Claim], version: str
) -> None:
    import factcheck.extract

    monkeypatch.setattr(factcheck.extract, "EXTRACTOR_VERSION", version)
    monkeypatch.setattr(pipeline, "extract_document", lambda document, registry: list(claims))
    summary = pipeline.reextract(engine, compare=False)
    assert summary.failed == 0 and summary.existing == 1, summary


def test_reviews_follow_their_claims_through_reextraction(
    reviewed: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = reviewed
    before = _review_count(engine)
    _reextract_with(monkeypatch, engine, NEW, "new-2")

    assert _review_count(engine) == before, "re-extraction deleted reviews"
    # Same key: untouched, and the claim row took the new extractor's fields.
    assert _status(engine, _key(FIGHTERS)) == "verified"
    # Span changed, same value: the review moved to the claim covering the same words.
    assert _status(engine, _key(NEW[1])) == "disputed"
    # Value changed over the same words: the review moved too (the editor will see the new value).
    assert _status(engine, _key(NEW[2])) == "needs_source"
    # The new claim has no review.
    assert _status(engine, _key(NEW[3])) is None

    with session_factory(engine)() as session:
        orphans = orphaned_reviews(session)
    # The front claim truly disappeared: both its reviews (the withdrawn one and the standing one) are
    # kept, pointing at the old key, with what the editor saw.
    assert {review.target_key for review in orphans} == {_key(FRONT)}
    assert sorted(review.verdict for review in orphans) == ["needs_source", "verified"]
    standing = [review for review in orphans if not review.withdrawn]
    assert len(standing) == 1 and standing[0].snapshot and "7 km" in standing[0].snapshot

    claims = models.Claim.__table__
    documents = models.Document.__table__
    with engine.connect() as connection:
        keys = set(connection.execute(select(claims.c.claim_key)).scalars())
        subject = connection.execute(
            select(claims.c.subject).where(claims.c.claim_key == _key(FIGHTERS))
        ).scalar_one()
        version = connection.execute(select(documents.c.extractor_version)).scalar_one()
    assert keys == {_key(claim) for claim in NEW}
    assert subject == "IS fighters"
    assert version == "new-2"


def test_an_orphaned_review_reattaches_when_its_claim_returns(
    reviewed: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = reviewed
    before = _review_count(engine)
    _reextract_with(monkeypatch, engine, NEW, "new-2")
    _reextract_with(monkeypatch, engine, OLD, "old-again-3")
    assert _review_count(engine) == before
    with session_factory(engine)() as session:
        assert orphaned_reviews(session) == []
    assert _status(engine, _key(FRONT)) == "verified"
    assert _status(engine, _key(FIGHTERS)) == "verified"


def test_a_failing_reextraction_changes_nothing(reviewed: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.extract

    engine = reviewed

    def broken(document: domain.Document, registry: object) -> list[domain.Claim]:
        raise TypeError("extractor bug")

    monkeypatch.setattr(factcheck.extract, "EXTRACTOR_VERSION", "broken-9")
    monkeypatch.setattr(pipeline, "extract_document", broken)
    errors: list[str] = []
    summary = pipeline.reextract(engine, compare=False, on_error=errors.append)
    assert (
        summary.failed == 1
        and len(errors) == 1
        and "report.txt" in errors[0]
        and "extractor bug" in errors[0]
    )
    claims = models.Claim.__table__
    with engine.connect() as connection:
        keys = set(connection.execute(select(claims.c.claim_key)).scalars())
    assert keys == {_key(claim) for claim in OLD}
    assert _status(engine, _key(CIVILIANS)) == "disputed"


@pytest.mark.slow
def test_real_reextraction_of_the_seeds_keeps_every_review(seeds_engine: Engine) -> None:
    """Every seed claim reviewed, then `reextract --all` with the real extractor: nothing is lost."""
    claims = models.Claim.__table__
    make_session = session_factory(seeds_engine)
    with seeds_engine.connect() as connection:
        keys = list(connection.execute(select(claims.c.claim_key).order_by(claims.c.id)).scalars())
    assert keys
    verdicts = ("verified", "disputed", "needs_source")
    with make_session() as session, session.begin():
        for index, key in enumerate(keys):
            review_claim(session, key, verdicts[index % 3], "editor")
    before = {key: _status(seeds_engine, key) for key in keys}
    summary = pipeline.reextract(seeds_engine, everything=True, compare=False)
    assert summary.failed == 0, summary.errors
    with make_session() as session:
        assert orphaned_reviews(session) == []
    assert {key: _status(seeds_engine, key) for key in keys} == before
