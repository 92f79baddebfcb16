"""Store writes on both engines: idempotent documents, stable claim keys, reviews kept through re-extraction."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.store import models
from factcheck.store.queries import ClaimFilter, claim_page, count_claims, iter_claims, sort_key_of
from factcheck.store.reviews import ReviewConflict, latest_review, orphaned_reviews, review_claim, undo
from factcheck.store.writes import replace_claims, store_document

TEXT = "Enligt SOHR finns 2 000 krigare kvar i Raqqa. Staden ligger fem mil bort."


def _claim(start: int, end: int, low: float, high: float | None = None, **extra: object) -> domain.Claim:
    fields: dict[str, object] = {
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "sentence": TEXT,
        "value_low": low,
        "value_high": low if high is None else high,
        "unit": "persons",
        "kind": "fighters",
    }
    fields.update(extra)
    return domain.Claim(**fields)  # type: ignore[arg-type]


DOCUMENT = domain.Document(text=TEXT, origin="/tmp/a.txt", language="sv", published="2017-08")
FIGHTERS = _claim(
    18, 23, 2000, source="Syrian Observatory for Human Rights", source_type="monitor", location="Raqqa"
)
DISTANCE = _claim(63, 70, 50, unit="km", kind="distance")


def _count(session: Session, model: type[models.Base]) -> int:
    return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_document_stored_once(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        first = store_document(session, DOCUMENT, [FIGHTERS, DISTANCE], "v1")
    with Session(engine) as session, session.begin():
        again = store_document(session, DOCUMENT, [FIGHTERS, DISTANCE], "v1")
    assert first.new and len(first.claim_ids) == 2
    assert not again.new and again.document_id == first.document_id
    with Session(engine) as session:
        assert _count(session, models.Document) == 1
        assert _count(session, models.Claim) == 2
        assert _count(session, models.Source) == 1


def test_views_pages_and_filters(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        store_document(session, DOCUMENT, [FIGHTERS, DISTANCE], "v1")
    with Session(engine) as session:
        everything = list(iter_claims(session))
        assert [view.kind for view in everything] == ["fighters", "distance"]
        assert everything[0].source == "Syrian Observatory for Human Rights"
        assert everything[0].status == "unreviewed" and everything[0].flags == 0
        assert count_claims(session, ClaimFilter(kind="distance")) == 1
        assert count_claims(session, ClaimFilter(language="sv", since="2017-08", until="2017-08")) == 2
        first = claim_page(session, sort="value", limit=1)
        rest = claim_page(session, sort="value", after=sort_key_of(first[0], "value"), limit=10)
        assert [v.value_low for v in first + rest] == [50, 2000]
        backwards = claim_page(session, sort="value", descending=True, limit=10)
        assert [v.value_low for v in backwards] == [2000, 50]


def test_review_conflicts_and_undo(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        store_document(session, DOCUMENT, [FIGHTERS], "v1")
    key = FIGHTERS.claim_key(DOCUMENT.content_hash)
    with Session(engine) as session, session.begin():
        first = review_claim(session, key, "verified", "anna", expected=None)
    with Session(engine) as session, session.begin(), pytest.raises(ReviewConflict):
        # Bo looked before Anna decided: his decision must not silently replace hers.
        review_claim(session, key, "disputed", "bo", expected=None)
    with Session(engine) as session, session.begin():
        review_claim(session, key, "disputed", "bo", note="two sources disagree", expected=first.id)
    with Session(engine) as session, session.begin():
        withdrawn = undo(session, "claim", key, "bo")
        assert withdrawn is not None and withdrawn.verdict == "disputed"
    with Session(engine) as session:
        current = latest_review(session, "claim", key)
        assert current is not None and current.verdict == "verified"
        assert claim_page(session, ClaimFilter(status="verified"))[0].claim_key == key
        assert _count(session, models.Review) == 2


def test_reextraction_keeps_reviews(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        stored = store_document(session, DOCUMENT, [FIGHTERS, DISTANCE], "v1")
    old_key = FIGHTERS.claim_key(DOCUMENT.content_hash)
    distance_key = DISTANCE.claim_key(DOCUMENT.content_hash)
    with Session(engine) as session, session.begin():
        review_claim(session, old_key, "verified", "anna")
        review_claim(session, distance_key, "needs_source", "anna")
    # A better extractor widens the span of the first claim and no longer sees the second.
    wider = _claim(12, 23, 2000, location="Raqqa")
    with Session(engine) as session, session.begin():
        replace_claims(session, stored.document_id, DOCUMENT.content_hash, [wider], "v2")
    new_key = wider.claim_key(DOCUMENT.content_hash)
    with Session(engine) as session:
        moved = latest_review(session, "claim", new_key)
        assert moved is not None and moved.verdict == "verified"
        orphans = orphaned_reviews(session)
        assert [o.verdict for o in orphans] == ["needs_source"]
        assert orphans[0].snapshot and "fem mil" in orphans[0].snapshot
        assert _count(session, models.Review) == 2
        assert _count(session, models.Claim) == 1
