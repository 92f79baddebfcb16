"""Search finds claims by source across aliases and languages, and by words, on both engines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from factcheck import domain
from factcheck.store.engine import session_factory
from factcheck.store.queries import ClaimFilter, get_claims
from factcheck.store.search import fts5_query, query_words, search_claim_ids, tsquery
from factcheck.store.writes import SourceIds, replace_claims, store_document

SOHR = "Syrian Observatory for Human Rights"

# (language, published, sentence, number text, value, kind, location, source, source mention)
REPORTS = [
    ("sv", "2017-08-12", "Enligt Syriska människorättsobservatoriet finns det runt 2 000 IS-krigare kvar i Raqqa.",
     "2 000", 2000, "fighters", "Raqqa", SOHR, "Syriska människorättsobservatoriet"),
    ("en", "2017-09-03", "About 3,500 civilians are trapped in Deir al-Zour, the Britain-based war monitor said.",
     "3,500", 3500, "civilians", "Deir ez-Zor", SOHR, "the Britain-based war monitor"),
    ("de", "2017-10-20", "Laut Reuters halten sich in Rakka noch etwa 400 IS-Kämpfer auf.",
     "400", 400, "fighters", "Raqqa", "Reuters", "Reuters"),
    ("fr", "2017-11-02", "Selon l'Observatoire syrien des droits de l'homme, 120 personnes ont péri à Boukamal.",
     "120", 120, "casualties", "Albu Kamal", SOHR, "l'Observatoire syrien des droits de l'homme"),
    ("nb", "2017-11-09", "Mer enn 96 prosent av Raqqa er ødelagt.",
     "96 prosent", 96, "control_share", "Raqqa", None, None),
]  # fmt: skip


def _store(session: Session, index: int, row: tuple) -> None:
    language, published, sentence, number, value, kind, location, source, mention = row
    text = f"Rapport {index}\n\n{sentence}"
    start = text.index(number)
    document = domain.Document(
        text=text, origin=f"/news/report_{index}.txt", language=language, published=published
    )
    claim = domain.Claim(
        start=start,
        end=start + len(number),
        text=number,
        sentence=sentence,
        value_low=value,
        value_high=value,
        unit="percent" if kind == "control_share" else "persons",
        kind=kind,
        location=location,
        source=source,
        source_mention=mention,
        source_type="monitor" if source == SOHR else None,
        as_of=published[:7],
        sentence_start=text.index(sentence),
    )
    store_document(session, document, [claim], "test", SourceIds())


@pytest.fixture
def store(engine: Engine) -> Iterator[Engine]:
    with session_factory(engine)() as session, session.begin():
        for index, row in enumerate(REPORTS):
            _store(session, index, row)
    yield engine


def _search(engine: Engine, query: str, **filters: str) -> list[tuple[str, str | None]]:
    with session_factory(engine)() as session:
        ids = search_claim_ids(session, query, claim_filter=ClaimFilter(**filters))
        views = get_claims(session, ids)
        return [(views[i].language or "", views[i].source) for i in ids]


def test_an_acronym_finds_the_source_in_every_language(store: Engine) -> None:
    found = _search(store, "SOHR")
    assert sorted(language for language, _ in found) == ["en", "fr", "sv"]
    assert {source for _, source in found} == {SOHR}


@pytest.mark.parametrize(
    "query",
    [
        "Syriska människorättslaboratoriet",
        "syrian observatry for human rights",
        "Observatoire syrien des droits de l'homme",
    ],
)
def test_other_names_and_misspellings_find_the_same_source(store: Engine, query: str) -> None:
    assert sorted(language for language, _ in _search(store, query)) == ["en", "fr", "sv"]


def test_source_and_words_narrow_each_other(store: Engine) -> None:
    assert _search(store, "SOHR Raqqa") == [("sv", SOHR)]


def test_words_match_sentences_subjects_and_places(store: Engine) -> None:
    # The German claim says "Rakka", but its location is the canonical "Raqqa".
    assert sorted(language for language, _ in _search(store, "Raqqa")) == ["de", "nb", "sv"]
    assert _search(store, "Rakka") == [("de", "Reuters")]
    assert _search(store, "krigare") == [("sv", SOHR)]
    assert _search(store, "civilian") == [("en", SOHR)]  # words of four letters or more match as prefixes


def test_filters_apply_to_every_kind_of_match(store: Engine) -> None:
    assert _search(store, "SOHR", kind="casualties") == [("fr", SOHR)]
    assert _search(store, "SOHR", language="en") == [("en", SOHR)]
    assert _search(store, "SOHR", location="Raqqa") == [("sv", SOHR)]
    assert sorted(lang for lang, _ in _search(store, "SOHR", since="2017-09", until="2017-10")) == ["en"]


@pytest.mark.parametrize(
    "query",
    ['"', "'", "((", ")", "AND", "OR NOT", "NEAR(a b)", "*", "^Raqqa", "source_mention:SOHR", "-Raqqa", "a:b:c",
     '"unterminated', "Raqqa OR", "x' OR 1=1 --", "'; DROP TABLE claims; --", "\\", "%", "_", "", "   ", "🙂",
     "a" * 500, "Raqqa & | ! <-> :*", "{}[]", "NULL"],
)  # fmt: skip
def test_any_input_is_a_valid_query(store: Engine, query: str) -> None:
    found = _search(store, query)
    assert isinstance(found, list)
    assert len(_search(store, "Raqqa")) == 3  # nothing was dropped


def test_operators_are_searched_as_words(store: Engine) -> None:
    assert _search(store, "Raqqa OR Rakka") == []  # "or" is a word here, and no claim contains it
    assert sorted(lang for lang, _ in _search(store, "(Raqqa)")) == ["de", "nb", "sv"]


def test_query_builders_quote_every_word() -> None:
    words = query_words('IS-krigare "OR" x\'y NEAR(')
    assert words == ["is", "krigare", "or", "x", "y", "near"]
    assert fts5_query(words) == '"is" "krigare"* "or" "x" "y" "near"*'
    assert tsquery(["o'k", "raqqa"]) == "'o''k' & 'raqqa':*"


def test_changed_and_deleted_claims_leave_the_index(store: Engine) -> None:
    with session_factory(store)() as session, session.begin():
        ids = search_claim_ids(session, "Rakka")
        view = get_claims(session, ids)[ids[0]]
        replace_claims(session, view.document_id, view.document_hash, [], "test-2")
    assert _search(store, "Rakka") == []
