"""Hand-written reports for the comparison tests: claims built directly, stored with store_document.

Every report gets its own text (so its own content hash), and each claim's offsets point at its
words in that text, as the extractor's would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.store import models
from factcheck.store.writes import store_document

_serial = count()


@dataclass(frozen=True)
class Said:
    """One claim as a test writes it: the sentence, the words of the figure in it, and its fields."""

    sentence: str
    words: str
    low: float
    high: float | None = None
    kind: str = "fighters"
    unit: str = "persons"
    actor: str | None = "Islamic State"
    location: str | None = "Raqqa"
    as_of: str | None = None
    source: str | None = None
    source_type: str | None = None
    via: tuple[str, ...] = ()
    subject: str | None = None
    approximate: bool = False
    vague: bool = False
    parent: str | None = None


@dataclass
class Report:
    published: str
    language: str = "en"
    outlet: str | None = None
    said: list[Said] = field(default_factory=list)


def store_report(engine: Engine, report: Report) -> tuple[int, ...]:
    """Store the report and return its claim ids in the order the claims were written."""
    text = f"Report {next(_serial)} ({report.published}).\n" + "\n".join(s.sentence for s in report.said)
    claims: list[domain.Claim] = []
    parents: dict[str, str | None] = {}
    for said in report.said:
        sentence_start = text.index(said.sentence)
        start = sentence_start + said.sentence.index(said.words)
        claims.append(
            domain.Claim(
                start=start,
                end=start + len(said.words),
                text=said.words,
                sentence=said.sentence,
                value_low=said.low,
                value_high=said.low if said.high is None else said.high,
                unit=said.unit,
                kind=said.kind,
                approximate=said.approximate,
                vague=said.vague,
                subject=said.subject,
                actor=said.actor,
                location=said.location,
                as_of=said.as_of or report.published,
                source=said.source,
                source_mention=said.source,
                source_type=said.source_type,
                via=said.via,
                sentence_start=sentence_start,
            )
        )
        if said.source:
            parents[said.source] = said.parent
    document = domain.Document(
        text=text,
        origin=f"report-{next(_serial)}.txt",
        outlet=report.outlet,
        language=report.language,
        published=report.published,
    )
    with Session(engine) as session, session.begin():
        stored = store_document(session, document, claims, "test", parents=parents)
    return stored.claim_ids


def relations(engine: Engine) -> list[models.Relation]:
    with Session(engine) as session:
        return list(session.scalars(select(models.Relation).order_by(models.Relation.id)))


def relation_between(engine: Engine, a: int, b: int) -> models.Relation | None:
    for relation in relations(engine):
        if {relation.claim_a_id, relation.claim_b_id} == {a, b}:
            return relation
    return None


def types_of(engine: Engine) -> list[str]:
    return sorted(relation.type for relation in relations(engine))


def one(ids: Sequence[int]) -> int:
    assert len(ids) == 1, ids
    return ids[0]
