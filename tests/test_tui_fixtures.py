"""A small store built by hand for the TUI tests, plus tests of the TUI's data service.

The seeds database is used as well (see test_tui_seeds.py); this one does not depend on the
extractor, and it holds what the seeds do not: a real contradiction and hostile report text.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.store import models
from factcheck.store.engine import open_store
from factcheck.store.queries import ClaimFilter
from factcheck.store.writes import SourceIds, store_document

SOHR = "Syrian Observatory for Human Rights"
HOSTILE = "[bold]Breaking[/] \x1b[31mred\x1b[0m [link=http://x]x[/link] \x07"

REPORTS: tuple[tuple[str, str, str, str, list[dict[str, object]]], ...] = (
    (
        "independent-raqqa.txt",
        "en",
        "2017-08-10",
        "The battle for Raqqa enters its third month. About 2 000 IS fighters remain in Raqqa, "
        "according to The Independent. Civilians are trapped in the old city.",
        [
            dict(text="About 2 000", value=2000.0, kind="fighters", unit="persons", actor="IS",
                 location="Raqqa", as_of="2017-08", source="The Independent", source_type="media",
                 source_mention="The Independent", source_score=97.0, approximate=True,
                 subject="IS fighters"),
        ],
    ),
    (
        "sohr-raqqa.txt",
        "sv",
        "2017-08-20",
        "Striderna i Raqqa fortsätter. Omkring 400 IS-krigare finns kvar i Raqqa, uppger "
        "Syriska människorättsobservatoriet enligt Reuters. Kurdiska styrkor rycker fram.",
        [
            dict(text="Omkring 400", value=400.0, kind="fighters", unit="persons", actor="IS",
                 location="Raqqa", as_of="2017-08-19", source=SOHR, source_type="ngo",
                 source_mention="Syriska människorättsobservatoriet", source_score=88.5, approximate=True,
                 via=("Reuters",), subject="IS-krigare"),
        ],
    ),
    (
        "coalition-raqqa.txt",
        "de",
        "2017-10-05",
        "Nach Angaben der US-geführten Koalition sind noch 300 IS-Kämpfer in Rakka. "
        "Die Stadt ist zu 90 Prozent befreit.",
        [
            dict(text="300", value=300.0, kind="fighters", unit="persons", actor="IS", location="Raqqa",
                 as_of="2017-10-05", source="US-led coalition", source_type="military",
                 source_mention="US-geführten Koalition", source_score=91.0, subject="IS-Kämpfer"),
            dict(text="90 Prozent", value=90.0, kind="control_share", unit="percent", actor="SDF",
                 location="Raqqa", as_of="2017-10-05", source="US-led coalition", source_type="military",
                 source_mention="US-geführten Koalition", source_score=91.0),
        ],
    ),
    (
        "hostile.txt",
        "en",
        "2017-09-01",
        f"Reports say {HOSTILE} 45 percent of Mosul was retaken. Nobody confirmed it.",
        [
            dict(text=f"{HOSTILE} 45 percent", value=45.0, kind="control_share", unit="percent",
                 location="Mosul", as_of="2017-09", source="[red]Evil[/red] \x1b[2J Agency",
                 source_type="media", source_mention=f"{HOSTILE}", source_score=12.0,
                 subject="[b]Mosul[/b]"),
        ],
    ),
)  # fmt: skip


def _claims(text: str, specs: list[dict[str, object]]) -> list[domain.Claim]:
    claims = []
    for spec in specs:
        written = str(spec["text"])
        start = text.index(written)
        sentence_start = text.rfind(". ", 0, start)
        sentence_start = 0 if sentence_start < 0 else sentence_start + 2
        sentence_end = text.find(". ", start)
        sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
        claims.append(
            domain.Claim(
                start=start,
                end=start + len(written),
                text=written,
                sentence=text[sentence_start:sentence_end],
                sentence_start=sentence_start,
                value_low=float(spec["value"]),  # type: ignore[arg-type]
                value_high=float(spec["value"]),  # type: ignore[arg-type]
                unit=str(spec["unit"]),
                kind=str(spec["kind"]),
                approximate=bool(spec.get("approximate", False)),
                subject=spec.get("subject"),  # type: ignore[arg-type]
                actor=spec.get("actor"),  # type: ignore[arg-type]
                location=spec.get("location"),  # type: ignore[arg-type]
                as_of=spec.get("as_of"),  # type: ignore[arg-type]
                source=spec.get("source"),  # type: ignore[arg-type]
                source_type=spec.get("source_type"),  # type: ignore[arg-type]
                source_mention=spec.get("source_mention"),  # type: ignore[arg-type]
                source_score=spec.get("source_score"),  # type: ignore[arg-type]
                via=tuple(spec.get("via", ())),  # type: ignore[arg-type]
            )
        )
    return claims


def add_relation(
    session: Session, a: int, b: int, type_: str, score: float, explanation: str, status: str = "open"
) -> None:
    claims = models.Claim.__table__
    keys = dict(session.execute(claims.select().with_only_columns(claims.c.id, claims.c.claim_key)).all())
    session.execute(
        models.Relation.__table__.insert().values(
            relation_key=f"{keys[a]}:{keys[b]}",
            claim_a_id=a,
            claim_b_id=b,
            type=type_,
            score=score,
            explanation=explanation,
            status=status,
            computed_at=models.utcnow(),
        )
    )


def build_store(engine: Engine) -> dict[str, int]:
    """Four reports, five claims, one open contradiction and two other relations. Returns claim ids."""
    ids: dict[str, int] = {}
    sources = SourceIds()
    with Session(engine) as session, session.begin():
        for name, language, published, text, specs in REPORTS:
            document = domain.Document(
                text=text, origin=f"/reports/{name}", language=language, published=published
            )
            stored = store_document(session, document, _claims(text, specs), "test", sources)
            for spec, claim_id in zip(specs, stored.claim_ids, strict=True):
                ids[f"{name}:{spec['text']}"] = claim_id
        independent = ids["independent-raqqa.txt:About 2 000"]
        sohr = ids["sohr-raqqa.txt:Omkring 400"]
        coalition = ids["coalition-raqqa.txt:300"]
        add_relation(
            session, independent, sohr, "contradicts", 0.91,
            "2 000 vs 400 IS fighters in Raqqa, nine days apart: five times as many.",
        )  # fmt: skip
        add_relation(
            session, sohr, coalition, "changed_over_time", 0.6,
            "400 in August, 300 in October: consistent with a shrinking force.",
        )  # fmt: skip
    return {
        "independent": independent,
        "sohr": sohr,
        "coalition": coalition,
        "hostile": ids[f"hostile.txt:{HOSTILE} 45 percent"],
    }


def open_tui_store(tmp_path: Path) -> Iterator[tuple[Engine, dict[str, int]]]:
    """The body of a fixture: other test modules wrap it in their own `tui_store` fixture."""
    engine = open_store(f"sqlite:///{tmp_path / 'tui.db'}")
    ids = build_store(engine)
    yield engine, ids
    engine.dispose()


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test on a fresh event loop (no pytest async plugin is installed)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


@pytest.fixture
def tui_store(tmp_path: Path) -> Iterator[tuple[Engine, dict[str, int]]]:
    yield from open_tui_store(tmp_path)


# The data service ---------------------------------------------------------------------------


def test_data_service_pages_and_counts(tui_store: tuple[Engine, dict[str, int]]) -> None:
    from factcheck.tui.data import DataService

    engine, _ = tui_store
    data = DataService(engine)
    first = data.claim_page(ClaimFilter(), limit=2)
    rest = data.claim_page(ClaimFilter(), after=(first[-1].id, first[-1].id), limit=10)
    assert len(first) == 2
    assert [c.id for c in first + rest] == [1, 2, 3, 4, 5]
    assert data.count(ClaimFilter()) == 5
    assert data.count(ClaimFilter(kind="fighters")) == 3
    assert data.count(ClaimFilter(only_flagged=True)) == 2


def test_data_service_context_highlights_the_claim(tui_store: tuple[Engine, dict[str, int]]) -> None:
    from factcheck.tui.data import DataService

    engine, ids = tui_store
    context = DataService(engine).claim_context(ids["sohr"])
    assert context is not None
    assert context.before.endswith("fortsätter. ")
    assert context.after.startswith(" IS-krigare")
    whole = context.before + context.claim.text + context.after
    sentence = whole[context.sentence_offset : context.sentence_offset + context.sentence_length]
    assert sentence == context.claim.sentence
    assert {r.type for r in context.relations} == {"contradicts", "changed_over_time"}


def test_data_service_sources_and_chart(tui_store: tuple[Engine, dict[str, int]]) -> None:
    from factcheck.tui.data import DataService

    engine, _ = tui_store
    data = DataService(engine)
    by_name = {row.name: row for row in data.sources()}
    assert by_name["US-led coalition"].claims == 2
    assert by_name[SOHR].contradicted == 1
    assert by_name["The Independent"].contradicted == 1
    assert by_name["US-led coalition"].contradicted == 0
    top = data.quantities()[0]
    assert (top.kind, top.location, top.claims) == ("fighters", "Raqqa", 3)
    series = data.series("fighters", "Raqqa")
    assert [(p.source, p.as_of, p.value_low) for p in series] == [
        ("The Independent", "2017-08", 2000.0),
        (SOHR, "2017-08-19", 400.0),
        ("US-led coalition", "2017-10-05", 300.0),
    ]
