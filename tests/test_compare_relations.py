"""Each relation type on reports written for these tests, in several languages, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from factcheck.compare import compare_all, compare_new_claims
from factcheck.store.queries import RELATION_TYPES, RelationFilter, iter_relations
from tests.test_compare_support import Report, Said, one, relation_between, relations, store_report

RAQQA_FIGHTERS = "IS fighters in Raqqa"


def fighters(sentence: str, words: str, low: float, high: float | None = None, **fields: object) -> Said:
    fields.setdefault("subject", RAQQA_FIGHTERS)
    return Said(sentence, words, low, high, **fields)  # type: ignore[arg-type]


def test_contradiction_names_both_claims_sources_dates_and_why(engine: Engine) -> None:
    a = one(store_report(engine, Report("2017-09", "sv", said=[fighters(
        "Enligt SOHR finns mellan 2 500 och 3 500 IS-krigare kvar i Raqqa.", "mellan 2 500 och 3 500 IS-krigare",
        2500, 3500, source="SOHR")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-09", "de", said=[fighters(
        "Nach Angaben der US-Armee sind noch 5.000 bis 10.000 IS-Kämpfer in Rakka.", "5.000 bis 10.000 IS-Kämpfer",
        5000, 10000, source="US military")])))  # fmt: skip
    assert compare_new_claims(engine, [b]) == 1
    relation = relation_between(engine, a, b)
    assert relation is not None and relation.type == "contradicts" and relation.status == "open"
    assert 0.0 < relation.score <= 1.0
    text = relation.explanation
    assert "2,500 to 3,500 versus 5,000 to 10,000" in text and "do not overlap" in text
    assert "SOHR" in text and "US military" in text and "2017-09" in text


def test_independent_agreeing_sources_corroborate(engine: Engine) -> None:
    a = one(store_report(engine, Report("2017-08", "fr", said=[fighters(
        "Selon l'OSDH, environ 2 000 combattants de l'EI restent à Raqqa.", "environ 2 000 combattants",
        2000, approximate=True, source="SOHR")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-08", "es", said=[fighters(
        "Unos 2.250 combatientes del EI resisten en Raqqa, según la coalición.", "2.250 combatientes",
        2250, source="US-led coalition")])))  # fmt: skip
    compare_all(engine)
    relation = relation_between(engine, a, b)
    assert relation is not None and relation.type == "corroborates"
    assert "independent" in relation.explanation


def test_relayed_figure_repeats_rather_than_corroborates(engine: Engine) -> None:
    a, b = store_report(engine, Report("2017-08", "sv", said=[
        fighters("Där håller 2 000 milismän ännu ut, rapporterar brittiska Independent.", "2 000 milismän", 2000,
                 source="The Independent", subject="IS fighters still holding out in Raqqa"),
        fighters("Vi tror att det finns runt 2 000 IS-män kvar i Raqqa, säger Brett McGurk till Independent.",
                 "runt 2 000 IS-män", 2000, approximate=True, source="Brett McGurk", via=("The Independent",),
                 subject="IS fighters remaining in Raqqa"),
    ]))  # fmt: skip
    compare_all(engine)
    relation = relation_between(engine, a, b)
    assert relation is not None and relation.type == "repeats"
    assert "not independent" in relation.explanation


def test_person_speaking_for_a_body_is_that_body(engine: Engine) -> None:
    a = one(store_report(engine, Report("2017-11", "nb", said=[Said(
        "Syriske styrker kontrollerer nå anslagsvis 37 prosent av provinsen, ifølge Rami Abdulrahman.",
        "anslagsvis 37 prosent", 37, kind="control_share", unit="percent", actor="Syrian government forces",
        location="Deir ez-Zor province", approximate=True, source="Rami Abdulrahman",
        parent="Syrian Observatory for Human Rights")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-11", "en", said=[Said(
        "Government forces hold 38 percent of the province, the Syrian Observatory said.", "38 percent", 38,
        kind="control_share", unit="percent", actor="Syrian government forces", location="Deir ez-Zor province",
        source="Syrian Observatory for Human Rights")])))  # fmt: skip
    compare_all(engine)
    relation = relation_between(engine, a, b)
    assert relation is not None and relation.type == "repeats"


def test_same_wire_in_two_outlets_is_one_origin(engine: Engine) -> None:
    a = one(store_report(engine, Report("2017-08", "da", outlet="Politiken", said=[fighters(
        "Omkring 2.000 IS-krigere er tilbage i Raqqa.", "Omkring 2.000 IS-krigere", 2000, approximate=True,
        via=("Reuters",))])))  # fmt: skip
    b = one(store_report(engine, Report("2017-08", "en", outlet="Middle East Eye", said=[fighters(
        "About 2,000 IS fighters remain in Raqqa.", "About 2,000 IS fighters", 2000, approximate=True,
        via=("Reuters",))])))  # fmt: skip
    compare_all(engine)
    relation = relation_between(engine, a, b)
    assert relation is not None and relation.type == "repeats"


def test_time_window_separates_contradiction_from_change(engine: Engine) -> None:
    early = one(store_report(engine, Report("2017-08-31", said=[fighters(
        "SOHR says 2,000 IS fighters are in Raqqa.", "2,000 IS fighters", 2000, source="SOHR")])))  # fmt: skip
    close = one(store_report(engine, Report("2017-09-10", said=[fighters(
        "The coalition says 4,000 IS fighters are in Raqqa.", "4,000 IS fighters", 4000,
        source="US-led coalition")])))  # fmt: skip
    later = one(store_report(engine, Report("2018-01", said=[fighters(
        "AFP says 400 IS fighters are left in Raqqa.", "400 IS fighters", 400, source="AFP")])))  # fmt: skip
    compare_all(engine)
    same = relation_between(engine, early, close)
    assert same is not None and same.type == "contradicts"
    change = relation_between(engine, close, later)
    assert change is not None and change.type == "changed_over_time"
    assert "fell" in change.explanation and "2018-01" in change.explanation
    # Only the previous moment is linked: the chain, not every earlier report.
    assert relation_between(engine, early, later) is None


def test_agreeing_figures_months_apart_are_not_corroboration(engine: Engine) -> None:
    a = one(store_report(engine, Report("2017-01", said=[fighters("SOHR: 2,000 fighters in Raqqa.",
        "2,000 fighters", 2000, source="SOHR")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-06", said=[fighters("AFP: 2,000 fighters in Raqqa.",
        "2,000 fighters", 2000, source="AFP")])))  # fmt: skip
    compare_all(engine)
    assert relation_between(engine, a, b) is None


def test_durations_compare_the_start_they_imply(engine: Engine) -> None:
    siege = {"kind": "duration", "unit": "years", "actor": "Islamic State", "location": "Deir ez-Zor",
             "subject": "duration of the IS siege of Deir ez-Zor"}  # fmt: skip
    three = one(
        store_report(
            engine,
            Report(
                "2017-09",
                "sv",
                said=[Said("Deir Ezzor, som terrorgruppen belägrat i tre år.", "tre år", 3, **siege)],
            ),
        )
    )  # type: ignore[arg-type]
    two = one(store_report(engine, Report("2017-09", "de", said=[Said(
        "Deir ez-Zor, das der IS seit zwei Jahren belagert.", "zwei Jahren", 2, source="SANA",
        **siege)])))  # type: ignore[arg-type]  # fmt: skip
    four = one(store_report(engine, Report("2018-09", "en", said=[Said(
        "Deir ez-Zor, besieged by IS for four years.", "four years", 4, source="AP",
        **siege)])))  # type: ignore[arg-type]  # fmt: skip
    compare_all(engine)
    clash = relation_between(engine, three, two)
    assert clash is not None and clash.type == "contradicts" and "when it began" in clash.explanation
    same_start = relation_between(engine, two, four) or relation_between(engine, three, four)
    assert same_start is not None and same_start.type != "changed_over_time"
    agreeing = relation_between(engine, three, four)
    assert agreeing is None or agreeing.type in ("corroborates", "repeats")


def test_part_of_a_place_is_not_the_place(engine: Engine) -> None:
    from factcheck.resolve import get_registry

    share = {"kind": "control_share", "unit": "percent", "actor": "Syrian Democratic Forces"}
    old_city = one(store_report(engine, Report("2017-09-02", said=[Said(
        "SOHR said the SDF were in control of 90 percent of the old quarter of Raqqa.", "90 percent", 90,
        location="Raqqa old city", source="SOHR", subject="share of Raqqa's old city controlled by the SDF",
        **share)])))  # type: ignore[arg-type]  # fmt: skip
    city = one(store_report(engine, Report("2017-09", "sv", said=[Said(
        "SDF kontrollerar 60 procent av Raqqa, enligt koalitionen.", "60 procent", 60, location="Raqqa",
        source="US-led coalition", subject="share of Raqqa controlled by the SDF", **share)])))  # type: ignore[arg-type]  # fmt: skip
    compare_all(engine)
    assert relation_between(engine, old_city, city) is None
    compare_all(engine, with_scope=True, gazetteer=get_registry())
    scoped = relation_between(engine, old_city, city)
    assert scoped is not None and scoped.type == "different_scope"
    assert "Raqqa old city lies within Raqqa" in scoped.explanation


def test_unlike_subjects_in_one_block_are_not_compared(engine: Engine) -> None:
    a = one(store_report(engine, Report("2017-09", said=[Said(
        "IS once held a third of Iraq, analysts say.", "a third", 33.3, kind="control_share", unit="percent",
        location="Iraq", source="analysts", subject="share of Iraq formerly controlled by IS")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-09", said=[Said(
        "IS holds 10 percent of Iraq, the army says.", "10 percent", 10, kind="control_share", unit="percent",
        location="Iraq", source="Iraqi army", subject="share of Iraq controlled by IS")])))  # fmt: skip
    compare_all(engine)
    assert relation_between(engine, a, b) is None
    compare_all(engine, with_scope=True)
    scoped = relation_between(engine, a, b)
    assert scoped is not None and scoped.type == "different_scope" and "earlier state" in scoped.explanation


def test_a_report_does_not_relate_to_itself(engine: Engine) -> None:
    store_report(engine, Report("2017-09", said=[
        fighters("SOHR counts 2,000 fighters in Raqqa.", "2,000 fighters", 2000, source="SOHR"),
        fighters("SOHR also counts 5,000 fighters in Raqqa.", "5,000 fighters", 5000, source="SOHR"),
    ]))  # fmt: skip
    assert compare_all(engine) == 0


def test_other_actor_or_kind_is_another_quantity(engine: Engine) -> None:
    store_report(
        engine, Report("2017-09", said=[fighters("SOHR: 2,000 in Raqqa.", "2,000", 2000, source="SOHR")])
    )
    store_report(engine, Report("2017-09", said=[fighters("AFP: 9,000 SDF in Raqqa.", "9,000", 9000, source="AFP",
                                                           actor="Syrian Democratic Forces")]))  # fmt: skip
    store_report(engine, Report("2017-09", said=[fighters("AP: 9,000 civilians in Raqqa.", "9,000", 9000,
                                                           source="AP", kind="civilians")]))  # fmt: skip
    store_report(engine, Report("2017-09", said=[fighters("TT: 9,000 somewhere.", "9,000", 9000, source="TT",
                                                           location=None)]))  # fmt: skip
    assert compare_all(engine) == 0


def test_incremental_runs_reach_what_a_full_pass_finds(engine: Engine) -> None:
    values = [("2017-01", 2000, "SOHR"), ("2017-03", 2100, "AFP"), ("2017-03", 6000, "AP"),
              ("2017-09", 900, "DPA"), ("2017-02", 3000, "TT"), ("2017-09", 920, "Reuters")]  # fmt: skip
    incremental: set[tuple[str, str]] = set()
    for as_of, value, source in values:
        ids = store_report(engine, Report(as_of, said=[fighters(f"{source}: {value} fighters in Raqqa.",
                                                                 f"{value} fighters", value, source=source)]))  # fmt: skip
        compare_new_claims(engine, ids)
    incremental = {(r.relation_key, r.type) for r in relations(engine)}
    compare_all(engine)
    full = {(r.relation_key, r.type) for r in relations(engine)}
    assert incremental == full
    assert {kind for _key, kind in full} >= {"contradicts", "corroborates", "changed_over_time"}


def test_editors_decisions_survive_recompute(engine: Engine) -> None:
    from factcheck.store.reviews import review_relation, undo

    a = one(store_report(engine, Report("2017-09", said=[fighters("SOHR: 2,000 fighters in Raqqa.",
        "2,000 fighters", 2000, source="SOHR")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-09", said=[fighters("AFP: 7,000 fighters in Raqqa.",
        "7,000 fighters", 7000, source="AFP")])))  # fmt: skip
    compare_all(engine)
    relation = relation_between(engine, a, b)
    assert relation is not None and relation.type == "contradicts"
    with Session(engine) as session, session.begin():
        review_relation(session, relation.relation_key, "dismissed", "editor", note="different counts")
    compare_all(engine)
    compare_all(engine, with_scope=True)
    c = one(store_report(engine, Report("2017-09", said=[fighters("AP: 2,050 fighters in Raqqa.",
        "2,050 fighters", 2050, source="AP")])))  # fmt: skip
    compare_new_claims(engine, [c])
    again = relation_between(engine, a, b)
    assert again is not None and again.status == "dismissed"
    with Session(engine) as session:
        flagged = list(iter_relations(session, RelationFilter(types=("contradicts",), status="open")))
    assert [(r.a.id, r.b.id) for r in flagged] and all({r.a.id, r.b.id} != {a, b} for r in flagged)
    with Session(engine) as session, session.begin():
        undo(session, "relation", relation.relation_key, "editor")
    compare_all(engine)
    restored = relation_between(engine, a, b)
    assert restored is not None and restored.status == "open"


def test_all_types_are_known_to_queries(engine: Engine) -> None:
    store_report(engine, Report("2017-09", said=[fighters("SOHR: 2,000.", "2,000", 2000, source="SOHR")]))
    store_report(engine, Report("2017-09", said=[fighters("AFP: 7,000.", "7,000", 7000, source="AFP")]))
    compare_all(engine)
    with Session(engine) as session:
        types = {r.type for r in iter_relations(session, RelationFilter(types=RELATION_TYPES))}
    assert types <= set(RELATION_TYPES) and types == {"contradicts"}


def test_incremental_durations_reach_what_a_full_pass_finds(engine: Engine) -> None:
    siege = {"kind": "duration", "unit": "years", "actor": "Islamic State", "location": "Deir ez-Zor",
             "subject": "duration of the IS siege of Deir ez-Zor"}  # fmt: skip
    for as_of, years, source in [("2018-09", 4, "AFP"), ("2017-09", 3, "SOHR"), ("2019-03", 2, "AP"),
                                 ("2018-03", 3.5, "TT"), ("2017-10", 1, "DPA")]:  # fmt: skip
        ids = store_report(engine, Report(as_of, said=[Said(f"{source}: besieged for {years} years.",
                                                            f"{years} years", years, source=source, **siege)]))  # type: ignore[arg-type]  # fmt: skip
        compare_new_claims(engine, ids)
    incremental = {(r.relation_key, r.type) for r in relations(engine)}
    compare_all(engine)
    full = {(r.relation_key, r.type) for r in relations(engine)}
    assert incremental == full
    assert {kind for _key, kind in full} >= {"contradicts", "corroborates"}


def test_reextracted_claim_drops_relations_that_no_longer_hold(engine: Engine) -> None:
    from dataclasses import replace

    from sqlalchemy import select

    from factcheck import domain
    from factcheck.store import models
    from factcheck.store.writes import replace_claims

    a = one(store_report(engine, Report("2017-09", said=[fighters("SOHR: 2,000 fighters in Raqqa.",
        "2,000 fighters", 2000, source="SOHR")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-09", said=[fighters("AFP: 7,000 fighters in Raqqa.",
        "7,000 fighters", 7000, source="AFP")])))  # fmt: skip
    compare_new_claims(engine, [b])
    assert relation_between(engine, a, b) is not None
    with Session(engine) as session, session.begin():
        row = session.execute(
            select(models.Claim, models.Document.content_hash)
            .join(models.Document)
            .where(models.Claim.id == b)
        ).one()
        claim, digest = row
        moved = domain.Claim(start=claim.start, end=claim.end, text=claim.text, sentence=claim.sentence,
                             value_low=claim.value_low, value_high=claim.value_high, unit=claim.unit,
                             kind=claim.kind, subject=claim.subject, actor=claim.actor, location="Raqqa old city",
                             as_of=claim.as_of, sentence_start=claim.sentence_start)  # fmt: skip
        ids = replace_claims(session, claim.document_id, digest, [replace(moved)], "test-2")
    assert ids == (b,)
    compare_new_claims(engine, ids)
    assert relation_between(engine, a, b) is None


def _said(engine: Engine, published: str, value: int, source: str) -> int:
    return one(store_report(engine, Report(published, said=[fighters(
        f"{source}: {value:,} fighters in Raqqa.", f"{value:,} fighters", value, source=source)])))  # fmt: skip


def test_a_repeated_figure_is_linked_to_its_first_report_not_to_every_repeat(engine: Engine) -> None:
    first = _said(engine, "2017-09-01", 2000, "SOHR")
    repeats = [_said(engine, f"2017-09-0{day}", 2000, source) for day, source in
               [(2, "AFP"), (3, "AP"), (4, "Reuters"), (5, "DPA")]]  # fmt: skip
    deviant = _said(engine, "2017-09-06", 7000, "TT")
    compare_all(engine)
    pairs = {(r.type, frozenset((r.claim_a_id, r.claim_b_id))) for r in relations(engine)}
    corroborations = {("corroborates", frozenset((first, later))) for later in repeats}
    assert pairs == corroborations | {("contradicts", frozenset((first, deviant)))}
    after = _said(engine, "2017-09-07", 2000, "NTB")
    compare_new_claims(engine, [after])
    new = {(r.type, frozenset((r.claim_a_id, r.claim_b_id))) for r in relations(engine)} - pairs
    # One link per figure: the first 2,000 and the one 7,000, each named in the explanation.
    assert new == {("corroborates", frozenset((first, after))), ("contradicts", frozenset((deviant, after)))}


def test_a_repeat_from_the_same_origin_also_links_the_first_independent_report(engine: Engine) -> None:
    first = _said(engine, "2017-09-01", 2000, "SOHR")
    other = _said(engine, "2017-09-02", 2000, "AFP")
    again = _said(engine, "2017-09-03", 2000, "SOHR")
    compare_all(engine)
    assert relation_between(engine, first, again).type == "repeats"  # type: ignore[union-attr]
    assert relation_between(engine, other, again).type == "corroborates"  # type: ignore[union-attr]


def test_a_back_dated_report_takes_over_the_links_of_the_figure_it_first_reported(engine: Engine) -> None:
    """Reports arriving out of date order: each incremental run ends where a full pass does."""
    order = [("2017-09-05", 2000, "AFP"), ("2017-09-09", 2000, "AP"), ("2017-09-12", 6500, "TT"),
             ("2017-09-02", 2000, "SOHR"), ("2017-09-14", 2000, "Reuters"), ("2017-09-01", 6500, "DPA"),
             ("2017-06-01", 900, "NTB"), ("2017-08-30", 2000, "Ritzau")]  # fmt: skip
    ids = []
    for published, value, source in order:
        ids.append(_said(engine, published, value, source))
        compare_new_claims(engine, [ids[-1]])
    incremental = {(r.relation_key, r.type, r.explanation) for r in relations(engine)}
    compare_all(engine)
    full = {(r.relation_key, r.type, r.explanation) for r in relations(engine)}
    assert incremental == full
    # The back-dated 2,000 (Ritzau, 30 August) is now the first report of that figure.
    ritzau = ids[-1]
    linked = {frozenset((r.claim_a_id, r.claim_b_id)) for r in relations(engine) if r.type == "corroborates"}
    assert {frozenset((ritzau, claim)) for claim in (ids[0], ids[1], ids[3], ids[4])} <= linked
    assert frozenset((ids[0], ids[1])) not in linked


def test_a_reviewed_flag_stays_when_a_back_dated_report_becomes_the_figures_first(engine: Engine) -> None:
    from factcheck.store.reviews import review_relation

    afp = _said(engine, "2017-09-05", 2000, "AFP")
    tt = _said(engine, "2017-09-09", 7000, "TT")
    compare_new_claims(engine, [tt])
    flag = relation_between(engine, afp, tt)
    assert flag is not None and flag.type == "contradicts"
    with Session(engine) as session, session.begin():
        review_relation(session, flag.relation_key, "confirmed", "editor", note="AFP checked")
    sohr = _said(engine, "2017-09-02", 2000, "SOHR")  # now the first report of 2,000
    compare_new_claims(engine, [sohr])
    assert relation_between(engine, sohr, tt).type == "contradicts"  # type: ignore[union-attr]
    for _run in ("incremental", "full"):
        kept = relation_between(engine, afp, tt)
        assert kept is not None and kept.type == "contradicts" and kept.status == "confirmed"
        compare_all(engine)


def test_one_incremental_run_over_many_blocks_in_steps_matches_a_full_pass(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.compare import run

    monkeypatch.setattr(run, "BLOCKS_PER_STEP", 1)  # every block its own read-compare-write step
    ids: list[int] = []
    for place in ("Raqqa", "Deir ez-Zor", "Manbij"):
        for published, value, source in [("2017-09-05", 2000, "AFP"), ("2017-09-02", 2000, "SOHR"),
                                         ("2017-09-09", 7000, "TT"), ("2017-03-01", 900, "AP")]:  # fmt: skip
            ids.extend(store_report(engine, Report(published, said=[fighters(
                f"{source}: {value:,} fighters in {place}.", f"{value:,} fighters", value, source=source,
                location=place)])))  # fmt: skip
    assert compare_new_claims(engine, ids) > 0
    incremental = {(r.relation_key, r.type, r.explanation) for r in relations(engine)}
    compare_all(engine)
    assert incremental == {(r.relation_key, r.type, r.explanation) for r in relations(engine)}
    assert len({r.claim_a_id for r in relations(engine)} | {r.claim_b_id for r in relations(engine)}) == 12


def test_a_review_made_while_a_comparison_runs_is_not_overwritten(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run reads which relations were ever reviewed when it starts; a decision made after that is on
    the relation's row already, and the run's recompute of that relation must leave it there."""
    from factcheck.compare import run
    from factcheck.store.reviews import review_relation

    a = one(store_report(engine, Report("2017-09", said=[fighters("SOHR: 2,000 fighters in Raqqa.",
        "2,000 fighters", 2000, source="SOHR")])))  # fmt: skip
    b = one(store_report(engine, Report("2017-09", said=[fighters("AFP: 7,000 fighters in Raqqa.",
        "7,000 fighters", 7000, source="AFP")])))  # fmt: skip
    compare_new_claims(engine, [b])
    flag = relation_between(engine, a, b)
    assert flag is not None and flag.type == "contradicts"
    with Session(engine) as session, session.begin():
        review_relation(session, flag.relation_key, "dismissed", "editor", note="different counts")
    # As if the run had read the reviewed keys just before the editor's decision was committed.
    monkeypatch.setattr(run, "reviewed_keys", lambda session: set())
    compare_new_claims(engine, [a, b])
    again = relation_between(engine, a, b)
    assert again is not None and again.type == "contradicts" and again.status == "dismissed"
