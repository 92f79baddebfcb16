"""Report data for the export tests, built with the store's own writes (no extractor needed).

`build_report_store` stores four reports in four languages with attributed, relayed claims,
source aliases, relations of each kind and editors' decisions (one of them withdrawn). With
`hostile=True` the text editors and sources control carries spreadsheet formulas and HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.store import models
from factcheck.store.reviews import review_claim, review_relation, undo
from factcheck.store.writes import SourceIds, normalize_alias, store_document

FORMULA = '=HYPERLINK("http://x","y")'
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PAYLOADS = (FORMULA, SCRIPT, IMG)
GENERATED = "2024-05-01T12:00:00Z"


@dataclass
class ReportStore:
    claim_keys: dict[str, str] = field(default_factory=dict)  # label -> claim_key
    relation_keys: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # label -> source name


def _claim(text: str, quoted: str, **fields: object) -> domain.Claim:
    start = text.index(quoted)
    sentence_start = text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0
    sentence_end = text.find(". ", start)
    sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
    return domain.Claim(
        start=start,
        end=start + len(quoted),
        text=quoted,
        sentence=text[sentence_start:sentence_end],
        sentence_start=sentence_start,
        **fields,  # type: ignore[arg-type]
    )


def build_report_store(engine: Engine, hostile: bool = False) -> ReportStore:
    mcgurk = FORMULA if hostile else "Brett McGurk"
    sohr = SCRIPT if hostile else "SOHR"
    independent = IMG if hostile else "The Independent"
    extra = f" {FORMULA} {SCRIPT} {IMG}" if hostile else ""
    result = ReportStore(sources={"mcgurk": mcgurk, "sohr": sohr, "independent": independent, "un": "UN"})

    texts = {
        "en": (
            f"We believe about 2,000 IS fighters remain in Raqqa, Brett McGurk told The Independent{extra}. "
            "Some 25,000 civilians are held in the city as human shields."
        ),
        "sv": (
            f"Omkring 4 000 IS-krigare finns kvar i Raqqa, uppger SOHR enligt Reuters{extra}. "
            "Det är fler än tidigare rapporterat."
        ),
        "nb": (
            "Rundt 2 500 IS-krigere er igjen i Raqqa, sier Brett McGurk. "
            f"IS kontrollerer 37 prosent av Syria, ifølge SOHR{extra}."
        ),
        "de": (
            f"Der IS kontrolliert 40 Prozent Syriens, sagt SOHR{extra}. "
            "Zwischen 20.000 und 25.000 Zivilisten sind laut UN in Rakka eingeschlossen."
        ),
    }
    documents = {
        "en": domain.Document(texts["en"], "https://example.org/raqqa-independent", "Raqqa holdouts", None, "en", "2017-10-12"),
        "sv": domain.Document(texts["sv"], "/reports/aftonbladet-raqqa.txt", None, None, "sv", "2017-10-14"),
        "nb": domain.Document(texts["nb"], "/reports/nrk-raqqa.txt", None, None, "nb", "2017-09-01"),
        "de": domain.Document(texts["de"], "/reports/zeit-syrien.txt", None, None, "de", "2017-11-02"),
    }  # fmt: skip
    fighters = {"kind": "fighters", "unit": "persons", "actor": "IS", "location": "Raqqa"}
    claims = {
        "en": [
            ("c1", _claim(texts["en"], "2,000", value_low=2000.0, value_high=2000.0, approximate=True,
                          as_of="2017-10", source=mcgurk, source_type="person", source_mention="Brett McGurk",
                          via=(independent,), **fighters)),
            ("c3", _claim(texts["en"], "25,000", value_low=25000.0, value_high=25000.0, kind="civilians",
                          unit="persons", location="Raqqa", as_of="2017-10", source=independent,
                          source_type="media")),
        ],
        "sv": [
            ("c2", _claim(texts["sv"], "4 000", value_low=4000.0, value_high=4000.0, approximate=True,
                          as_of="2017-10", source=sohr, source_type="ngo", source_mention="SOHR",
                          via=("Reuters",), **fighters)),
        ],
        "nb": [
            ("c4", _claim(texts["nb"], "2 500", value_low=2500.0, value_high=2500.0, as_of="2017-09",
                          source=mcgurk, source_type="person", **fighters)),
            ("c5", _claim(texts["nb"], "37 prosent", value_low=37.0, value_high=37.0, kind="control_share",
                          unit="percent", actor="IS", location="Syria", as_of="2017-09", source=sohr,
                          source_type="ngo")),
        ],
        "de": [
            ("c6", _claim(texts["de"], "40 Prozent", value_low=40.0, value_high=40.0, kind="control_share",
                          unit="percent", actor="IS", location="Syria", as_of="2017-11", source=sohr,
                          source_type="ngo")),
            ("c7", _claim(texts["de"], "20.000 und 25.000", value_low=20000.0, value_high=25000.0,
                          kind="civilians", unit="persons", location="Raqqa", as_of="2017-11", source="UN",
                          source_type="un")),
        ],
    }  # fmt: skip
    sources = SourceIds()
    with Session(engine) as session, session.begin():
        for language, document in documents.items():
            store_document(session, document, [claim for _, claim in claims[language]], "test-1", sources)
            for label, claim in claims[language]:
                result.claim_keys[label] = claim.claim_key(document.content_hash)
        source_table = models.SOURCES
        sohr_id = session.execute(
            source_table.select().with_only_columns(source_table.c.id).where(source_table.c.name == sohr)
        ).scalar_one()
        for alias in ("Syrian Observatory for Human Rights", "Syriska människorättsobservatoriet"):
            session.execute(
                models.SOURCE_ALIASES.insert().values(
                    source_id=sohr_id, alias=alias, normalized=normalize_alias(alias), origin="user"
                )
            )

        ids = {
            label: session.execute(
                models.CLAIMS.select()
                .with_only_columns(models.CLAIMS.c.id)
                .where(models.CLAIMS.c.claim_key == key)
            ).scalar_one()
            for label, key in result.claim_keys.items()
        }
        relations = [
            ("r1", "c1", "c2", "contradicts", 0.9, f"2 000 vs 4 000 IS fighters in Raqqa, same month{extra}"),
            ("r2", "c2", "c4", "contradicts", 0.7, "4 000 vs 2 500 IS fighters in Raqqa"),
            ("r3", "c5", "c6", "contradicts", 0.4, "37 % vs 40 % of Syria held by IS"),
            ("r4", "c3", "c7", "corroborates", 0.8, "25 000 falls within 20 000–25 000 civilians in Raqqa"),
        ]
        for label, a, b, type_, score, explanation in relations:
            key = f"{result.claim_keys[a]}:{result.claim_keys[b]}"
            result.relation_keys[label] = key
            session.execute(
                models.RELATIONS.insert().values(
                    relation_key=key, claim_a_id=ids[a], claim_b_id=ids[b], type=type_, score=score,
                    explanation=explanation, status="open", computed_at=models.utcnow(),
                )
            )  # fmt: skip
    with Session(engine) as session, session.begin():
        review_claim(session, result.claim_keys["c1"], "verified", "anna", f"Confirmed with the desk{extra}")
        review_claim(session, result.claim_keys["c2"], "disputed", "bo", f"Other counts are lower{extra}")
        review_claim(session, result.claim_keys["c5"], "needs_source", "anna")
        review_claim(session, result.claim_keys["c6"], "verified", "bo")
        undo(session, "claim", result.claim_keys["c6"], "bo")
        review_relation(session, result.relation_keys["r1"], "confirmed", "anna", f"Real discrepancy{extra}")
        review_relation(session, result.relation_keys["r3"], "dismissed", "bo", "Different months")
    return result


def generated_at() -> object:
    from datetime import datetime

    return datetime.fromisoformat(GENERATED.replace("Z", "+00:00"))


def run_export(engine: Engine, fmt: str, path: Path, **options: object) -> Path:
    from factcheck.export import export
    from factcheck.store.queries import ClaimFilter

    claim_filter = options.pop("claim_filter", ClaimFilter())
    export(engine, fmt, path, claim_filter, generated_at=generated_at(), **options)  # type: ignore[arg-type]
    return path


def test_report_store_holds_what_the_export_tests_expect(engine: Engine) -> None:
    from factcheck.store.queries import ClaimFilter, RelationFilter, count_claims, iter_relations

    built = build_report_store(engine)
    with Session(engine) as session:
        assert count_claims(session, ClaimFilter()) == 7
        assert count_claims(session, ClaimFilter(status="verified")) == 1
        assert count_claims(session, ClaimFilter(only_flagged=True)) == 3  # r3 is dismissed
        statuses = {
            view.relation_key: view.status
            for view in iter_relations(session, RelationFilter(types=("contradicts", "corroborates")))
        }
    assert statuses[built.relation_keys["r1"]] == "confirmed"
    assert statuses[built.relation_keys["r3"]] == "dismissed"
    assert statuses[built.relation_keys["r4"]] == "open"
