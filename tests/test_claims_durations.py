"""A state held "since YEAR" (besieged, controlled, occupied) is a duration up to the report's date."""

from __future__ import annotations

import pytest

from factcheck.domain import Claim
from factcheck.extract.claim_since import duration_since
from factcheck.extract.extractor import extract

# A second sentence with a figure of its own: the extractor reads no further in a report where the number
# layer finds no number at all, and the year of "since 2015" is a date to the number layer.
FIGURES = {
    "en": "IS has 2,000 fighters there.",
    "sv": "2 000 IS-krigare finns kvar.",
    "de": "2000 IS-Kämpfer sind dort.",
    "nb": "2000 IS-krigere er igjen.",
    "fr": "2 000 combattants y restent.",
    "es": "Quedan 2.000 combatientes.",
}


def durations(text: str, language: str, published: str | None) -> list[Claim]:
    report = f"{text} {FIGURES[language]}"
    return [claim for claim in extract(report, language, published) if claim.kind == "duration"]


@pytest.mark.parametrize(
    ("language", "published", "text", "written"),
    [
        ("en", "2017-09-02", "The government-held part of Deir ez-Zor has been besieged by IS since 2015.",
         "since 2015"),
        ("sv", "2017-09-02", "IS har belägrat staden Deir Ezzor sedan 2015, enligt armén.", "sedan 2015"),
        ("de", "2017-09-02", "Die Stadt Deir ez-Zor wird seit 2015 vom IS belagert.", "seit 2015"),
        ("nb", "2017-09-02", "Deir ez-Zor har vært beleiret av IS siden 2015.", "siden 2015"),
        ("fr", "2017-09-02", "La ville de Deir ez-Zor est assiégée par l'EI depuis 2015.", "depuis 2015"),
        ("es", "2017-09-02", "La ciudad de Deir ez-Zor está sitiada por el EI desde 2015.", "desde 2015"),
    ],
)  # fmt: skip
def test_a_siege_since_a_year_is_its_duration_to_the_report(
    language: str, published: str, text: str, written: str
) -> None:
    (claim,) = durations(text, language, published)
    assert claim.text == written and claim.unit == "years" and claim.approximate
    # From the last day of 2015 (1.67 years) to its first (2.67 years) before 2 September 2017.
    assert claim.value_low == pytest.approx(1.67, abs=0.01)
    assert claim.value_high == pytest.approx(2.67, abs=0.01)
    assert claim.as_of == published
    assert claim.location == "Deir ez-Zor" and claim.actor == "Islamic State"
    assert claim.subject == "duration of the siege of Deir ez-Zor by Islamic State"


def test_control_and_occupation_since_a_year_count_too() -> None:
    (held,) = durations("IS has controlled Raqqa since 2014, residents say.", "en", "2017-06")
    assert held.subject is not None and held.subject.startswith("duration of the control of Raqqa")
    assert (held.value_low, held.value_high) == pytest.approx((2.42, 3.49), abs=0.01)
    (occupied,) = durations("Raqqa är ockuperad av IS sedan 2014.", "sv", "2017")
    assert occupied.subject is not None and "occupation" in occupied.subject


def test_a_month_dated_report_widens_the_range_by_the_month() -> None:
    (claim,) = durations("Deir ez-Zor has been besieged by IS since 2015.", "en", "2017-09")
    assert claim.value_low == pytest.approx(duration_since(2015, "2017-09-01")[0])  # type: ignore[index]
    assert claim.value_high == pytest.approx(duration_since(2015, "2017-09-30")[1])  # type: ignore[index]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "In 2015 IS took Palmyra, and 2,000 fighters moved to Deir ez-Zor."),
        ("en", "Since 2015, 2,000 fighters have left Raqqa for Deir ez-Zor."),
        ("en", "IS has been in Raqqa since 2014, and 2,000 fighters remain."),
        ("sv", "Sedan 2015 har 2 000 IS-krigare lämnat Raqqa."),
        ("sv", "Staden belägrades 2015, och sedan 2016 har 2 000 krigare flytt."),
        ("de", "Seit 2012 war die Stadt geteilt, 2000 Kämpfer sind geblieben."),
        ("fr", "Depuis 2015, 2 000 combattants ont quitté Raqqa."),
    ],
)
def test_a_year_without_a_held_state_stays_a_date(language: str, text: str) -> None:
    claims = extract(text, language, "2017-09-02")
    assert claims, "the other figure is still a claim"
    assert not [claim for claim in claims if claim.kind == "duration"]
    assert not [
        claim.text for claim in claims if any(year in claim.text for year in ("2012", "2014", "2015", "2016"))
    ]


def test_without_a_report_date_there_is_no_duration() -> None:
    text = "Deir ez-Zor has been besieged by IS since 2015. IS has 2,000 fighters there."
    assert durations(text, "en", None) == []
    assert [claim.text for claim in extract(text, "en", None)] == ["2,000"]


def test_a_year_after_the_report_is_no_duration() -> None:
    assert duration_since(2018, "2017-09-02") is None
    assert (
        durations("Deir ez-Zor has been besieged by IS since 2018. IS has 2,000 fighters.", "en", "2017")
        == []
    )


def test_a_counted_siege_duration_names_the_siege_in_its_subject() -> None:
    text = "IS flyttade krigare till Deir Ezzor, en stad i Syrien som terrorgruppen belägrat i tre år."
    (claim,) = durations(text, "sv", "2017-09")
    assert (claim.text, claim.value_low, claim.approximate) == ("tre år", 3, False)
    assert claim.subject == "duration of the siege of Deir ez-Zor by Islamic State"


def test_a_dated_state_alone_is_still_a_claim() -> None:
    """A report whose only figure is "since YEAR" still yields the duration claim."""
    from factcheck.extract import extract

    claims = extract("The town has been besieged by IS since 2015.", "en", "2017-09-02")
    assert [(c.text, c.kind, c.unit) for c in claims] == [("since 2015", "duration", "years")]
    assert extract("The town has been besieged by IS since 2015.", "en", None) == []
