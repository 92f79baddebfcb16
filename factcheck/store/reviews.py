"""Editors' decisions on claims and relations: appended, never overwritten, undone by withdrawal.

A decision is made against the decision the editor saw (``expected``). If someone else decided
in the meantime the write is refused with ReviewConflict, so no review is overwritten silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from factcheck.store import models

CLAIM_VERDICTS = ("verified", "disputed", "needs_source")
RELATION_VERDICTS = ("confirmed", "dismissed")

_reviews = models.REVIEWS
_relations = models.RELATIONS
_claims = models.CLAIMS
_documents = models.DOCUMENTS


class ReviewError(ValueError):
    """A review that cannot be made; the message is one line for the user."""


class ReviewConflict(ReviewError):
    """Someone else reviewed the same thing since the editor looked at it."""


@dataclass(frozen=True, slots=True)
class ReviewView:
    id: int
    target_type: str
    target_key: str
    verdict: str
    note: str | None
    reviewer: str
    created_at: datetime
    withdrawn: bool
    snapshot: str | None


def _view(row: object) -> ReviewView:
    return ReviewView(
        id=row.id,  # type: ignore[attr-defined]
        target_type=row.target_type,  # type: ignore[attr-defined]
        target_key=row.target_key,  # type: ignore[attr-defined]
        verdict=row.verdict,  # type: ignore[attr-defined]
        note=row.note,  # type: ignore[attr-defined]
        reviewer=row.reviewer,  # type: ignore[attr-defined]
        created_at=row.created_at,  # type: ignore[attr-defined]
        withdrawn=row.withdrawn_at is not None,  # type: ignore[attr-defined]
        snapshot=row.snapshot,  # type: ignore[attr-defined]
    )


def latest_review(session: Session, target_type: str, target_key: str) -> ReviewView | None:
    row = session.execute(
        select(_reviews)
        .where(
            _reviews.c.target_type == target_type,
            _reviews.c.target_key == target_key,
            _reviews.c.withdrawn_at.is_(None),
        )
        .order_by(_reviews.c.id.desc())
        .limit(1)
    ).first()
    return _view(row) if row else None


def history(session: Session, target_type: str, target_key: str) -> list[ReviewView]:
    rows = session.execute(
        select(_reviews)
        .where(_reviews.c.target_type == target_type, _reviews.c.target_key == target_key)
        .order_by(_reviews.c.id)
    )
    return [_view(row) for row in rows]


_UNSET = object()


def _check_expected(current: ReviewView | None, expected: object) -> None:
    if expected is _UNSET:
        return
    current_id = current.id if current else None
    if current_id != expected:
        who = (
            f"{current.reviewer} marked it {current.verdict}"
            if current
            else "an earlier review was withdrawn"
        )
        raise ReviewConflict(f"changed since you looked: {who}; reload and decide again")


def _lock_target(session: Session, target_type: str, target_key: str) -> None:
    """Serialise concurrent reviews of one target: a row lock on PostgreSQL, the write lock on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        from factcheck.store.writes import begin_writing

        begin_writing(session)  # else SQLite would check `expected` outside the transaction
        return
    if target_type == "claim":
        session.execute(select(_claims.c.id).where(_claims.c.claim_key == target_key).with_for_update())
    else:
        session.execute(
            select(_relations.c.id).where(_relations.c.relation_key == target_key).with_for_update()
        )


def review_claim(
    session: Session,
    claim_key: str,
    verdict: str,
    reviewer: str,
    note: str | None = None,
    expected: int | object | None = _UNSET,
) -> ReviewView:
    """Record a verdict on a claim. `expected` is the id of the review the editor saw (None: none)."""
    if verdict not in CLAIM_VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r}; use one of {', '.join(CLAIM_VERDICTS)}")
    claim = session.execute(
        select(_claims.c.text, _claims.c.sentence, _documents.c.content_hash)
        .join(_documents, _documents.c.id == _claims.c.document_id)
        .where(_claims.c.claim_key == claim_key)
    ).first()
    if claim is None:
        raise ReviewError(f"no claim with key {claim_key}")
    _lock_target(session, "claim", claim_key)
    _check_expected(latest_review(session, "claim", claim_key), expected)
    return _insert(
        session,
        "claim",
        claim_key,
        verdict,
        reviewer,
        note,
        claim.content_hash,
        f"{claim.text} | {claim.sentence}",
    )


def review_relation(
    session: Session,
    relation_key: str,
    verdict: str,
    reviewer: str,
    note: str | None = None,
    expected: int | object | None = _UNSET,
) -> ReviewView:
    """Confirm or dismiss a flagged relation; the relation's status follows the latest decision."""
    if verdict not in RELATION_VERDICTS:
        raise ReviewError(f"unknown decision {verdict!r}; use one of {', '.join(RELATION_VERDICTS)}")
    relation = session.execute(
        select(_relations.c.explanation).where(_relations.c.relation_key == relation_key)
    ).first()
    if relation is None:
        raise ReviewError(f"no relation with key {relation_key}")
    _lock_target(session, "relation", relation_key)
    _check_expected(latest_review(session, "relation", relation_key), expected)
    view = _insert(session, "relation", relation_key, verdict, reviewer, note, None, relation.explanation)
    session.execute(
        update(_relations).where(_relations.c.relation_key == relation_key).values(status=verdict)
    )
    return view


def _insert(
    session: Session,
    target_type: str,
    target_key: str,
    verdict: str,
    reviewer: str,
    note: str | None,
    document_hash: str | None,
    snapshot: str | None,
) -> ReviewView:
    row = session.execute(
        _reviews.insert()
        .values(
            target_type=target_type,
            target_key=target_key,
            verdict=verdict,
            note=note or None,
            reviewer=reviewer,
            created_at=models.utcnow(),
            document_hash=document_hash,
            snapshot=snapshot,
        )
        .returning(*_reviews.c)
    ).one()
    return _view(row)


def undo(session: Session, target_type: str, target_key: str, reviewer: str) -> ReviewView | None:
    """Withdraw the latest decision on a target (it stays in the history). Returns what was withdrawn."""
    current = latest_review(session, target_type, target_key)
    if current is None:
        return None
    session.execute(update(_reviews).where(_reviews.c.id == current.id).values(withdrawn_at=models.utcnow()))
    if target_type == "relation":
        previous = latest_review(session, target_type, target_key)
        session.execute(
            update(_relations)
            .where(_relations.c.relation_key == target_key)
            .values(status=previous.verdict if previous else "open")
        )
    return current


def relation_statuses(session: Session, relation_keys: list[str]) -> dict[str, str]:
    """The editors' standing decision for each relation key that has one (for recomputes)."""
    decided: dict[str, str] = {}
    for start in range(0, len(relation_keys), 500):
        chunk = relation_keys[start : start + 500]
        rows = session.execute(
            select(_reviews.c.target_key, _reviews.c.verdict)
            .where(
                _reviews.c.target_type == "relation",
                _reviews.c.target_key.in_(chunk),
                _reviews.c.withdrawn_at.is_(None),
            )
            .order_by(_reviews.c.id)
        )
        for key, verdict in rows:
            decided[key] = verdict
    return decided


def orphaned_reviews(session: Session) -> list[ReviewView]:
    """Claim reviews whose claim no longer exists (kept, shown to editors, never deleted)."""
    rows = session.execute(
        select(_reviews)
        .where(_reviews.c.target_type == "claim", _reviews.c.target_key.not_in(select(_claims.c.claim_key)))
        .order_by(_reviews.c.id)
    )
    return [_view(row) for row in rows]
