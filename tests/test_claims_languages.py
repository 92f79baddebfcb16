"""The claim layer in all seven languages, on sentences written for these tests (not from the seeds)."""

from __future__ import annotations

import pytest

from factcheck.domain import Claim
from factcheck.extract import extract


def _claims(text: str, language: str, published: str | None = "2017-09-02") -> list[Claim]:
    return extract(text, language, published)


def _only(text: str, language: str, published: str | None = "2017-09-02") -> Claim:
    claims = _claims(text, language, published)
    assert len(claims) == 1, [(c.text, c.kind) for c in claims]
    return claims[0]


# (language, sentence, value_low, value_high, unit, kind)
KINDS = [
    ("sv", "Omkring 5 000 IS-krigare finns kvar i Mosul.", 5000, 5000, "persons", "fighters"),
    (
        "sv",
        "Regeringsstyrkorna kontrollerar nu 40 procent av provinsen Idlib.",
        40,
        40,
        "percent",
        "control_share",
    ),
    ("sv", "Minst 30 civila dödades i flyganfallen mot Aleppo.", 30, 30, "persons", "casualties"),
    ("sv", "Tiotusentals människor har flytt från Mosul.", 20000, 99999, "persons", "displaced"),
    ("sv", "Fronten ligger tre mil från Palmyra.", 30, 30, "km", "distance"),
    ("nb", "Rundt 3000 IS-krigere er igjen i Mosul.", 3000, 3000, "persons", "fighters"),
    ("nb", "Minst 20 sivile ble drept i Raqqa.", 20, 20, "persons", "casualties"),
    ("nb", "Hæren tok tilbake seks landsbyer nær Hama.", 6, 6, "towns", "count"),
    ("nb", "Byen har vært beleiret i to år.", 2, 2, "years", "duration"),
    ("da", "Omkring 12.000 civile er fanget i Raqqa.", 12000, 12000, "persons", "civilians"),
    ("da", "Mindst 300 mennesker er dræbt i kampene om Mosul.", 300, 300, "persons", "casualties"),
    ("da", "5.000 mennesker er flygtet fra Mosul.", 5000, 5000, "persons", "displaced"),
    ("da", "Hæren har indtaget 40 procent af Syrien.", 40, 40, "percent", "control_share"),
    ("da", "Enklaven dækker omkring 1.500 kvadratkilometer.", 1500, 1500, "km2", "area"),
    ("en", "About 2,000 IS fighters remain in Raqqa.", 2000, 2000, "persons", "fighters"),
    ("en", "The army captured four towns near Hama.", 4, 4, "towns", "count"),
    ("en", "More than 50,000 people have fled Mosul.", 50000, 50000, "persons", "displaced"),
    ("en", "The enclave is three times the size of Raqqa.", 3, 3, "count", "ratio"),
    ("en", "The siege lasted 18 months.", 18, 18, "months", "duration"),
    (
        "de",
        "Laut SOHR halten sich in Rakka noch etwa 2.500 IS-Kämpfer auf.",
        2500,
        2500,
        "persons",
        "fighters",
    ),
    (
        "de",
        "Die Regierungstruppen kontrollieren 60 Prozent der Provinz Deir ez-Zor.",
        60,
        60,
        "percent",
        "control_share",
    ),
    ("de", "Mindestens 40 Menschen wurden bei den Kämpfen getötet.", 40, 40, "persons", "casualties"),
    ("de", "Rund 100.000 Menschen sind aus Mossul geflohen.", 100000, 100000, "persons", "displaced"),
    ("de", "Die Front liegt 30 Kilometer von Palmyra entfernt.", 30, 30, "km", "distance"),
    ("de", "Die Armee eroberte zwölf Dörfer bei Hama.", 12, 12, "towns", "count"),
    (
        "fr",
        "Selon l'OSDH, environ 3 000 combattants de l'EI restent à Raqqa.",
        3000,
        3000,
        "persons",
        "fighters",
    ),
    ("fr", "Le régime contrôle 55 pour cent de la Syrie.", 55, 55, "percent", "control_share"),
    ("fr", "Au moins 25 civils ont été tués à Alep.", 25, 25, "persons", "casualties"),
    ("fr", "Plus de 10 000 personnes ont fui Deir ez-Zor.", 10000, 10000, "persons", "displaced"),
    ("fr", "L'armée a repris quatre villages près de Hama.", 4, 4, "towns", "count"),
    (
        "es",
        "Según el OSDH, unos 2.000 combatientes del EI permanecen en Raqqa.",
        2000,
        2000,
        "persons",
        "fighters",
    ),
    ("es", "El régimen controla el 50 por ciento de Siria.", 50, 50, "percent", "control_share"),
    ("es", "Al menos 30 civiles murieron en Alepo.", 30, 30, "persons", "casualties"),
    ("es", "Más de 20.000 personas han huido de Mosul.", 20000, 20000, "persons", "displaced"),
    ("es", "El ejército tomó cinco pueblos cerca de Hama.", 5, 5, "towns", "count"),
]


@pytest.mark.parametrize(("language", "text", "low", "high", "unit", "kind"), KINDS)
def test_kind_unit_and_value(language: str, text: str, low: float, high: float, unit: str, kind: str) -> None:
    claim = _only(text, language)
    assert (claim.value_low, claim.value_high) == (low, high)
    assert (claim.unit, claim.kind) == (unit, kind)
    assert text[claim.start - claim.sentence_start :].startswith(claim.text)


# Numbers that are no claims: dates, years as dates, times, relative time, articles, page furniture.
NOT_CLAIMS = [
    ("sv", "För två år sedan föll staden i händerna på IS."),
    ("sv", "Staden återtogs den 2 november 2017 klockan 14.30."),
    ("sv", "Foto: Anders Svensson / TT X03126"),
    ("sv", "Det var ett av de sista fästena."),
    ("nb", "Det er bare noen dager siden hæren tok byen."),
    ("nb", "Kalifatet ble erklært i 2014."),
    ("da", "For tre år siden faldt byen."),
    ("da", "Byen blev generobret den 3. oktober."),
    ("en", "Three years ago the group seized the city."),
    ("en", "The army laid siege to the town on Aug. 18 at 10:30 a.m."),
    ("en", "It was one of the last major enclaves."),
    ("de", "Vor drei Jahren eroberte der IS die Stadt."),
    ("de", "Die Stadt fiel am 3. Oktober 2017."),
    ("fr", "Il y a deux ans, la ville est tombée."),
    ("fr", "La ville est tombée le 17 octobre 2017."),
    ("es", "Hace tres años el EI tomó la ciudad."),
    ("es", "La ciudad cayó el 17 de octubre de 2017."),
]


@pytest.mark.parametrize(("language", "text"), NOT_CLAIMS)
def test_not_claims(language: str, text: str) -> None:
    assert _claims(text, language) == []


# (language, sentence, published, as_of)
RELATIVE_DAYS = [
    ("sv", "I fredags dödades minst 30 civila i Aleppo.", "2017-09-02", "2017-09-01"),
    ("sv", "På lördagen uppgav SOHR att 2 000 IS-män fanns kvar i Raqqa.", "2017-09-03", "2017-09-02"),
    ("sv", "Igår dödades 12 civila i Raqqa.", "2017-09-02", "2017-09-01"),
    ("nb", "På lørdag ble 20 sivile drept i Raqqa.", "2017-09-03", "2017-09-02"),
    ("da", "I fredags blev 15 civile dræbt i Raqqa.", "2017-09-02", "2017-09-01"),
    ("en", "The army captured four towns near Hama on Friday.", "2017-09-02", "2017-09-01"),
    ("en", "Yesterday 40 civilians were killed in Raqqa.", "2017-09-02", "2017-09-01"),
    ("de", "Am Freitag wurden mindestens 40 Menschen getötet.", "2017-09-02", "2017-09-01"),
    ("fr", "Samedi, au moins 25 civils ont été tués à Alep.", "2017-09-03", "2017-09-02"),
    ("es", "El viernes murieron al menos 30 civiles en Alepo.", "2017-09-02", "2017-09-01"),
    # Without a full report date a relative day cannot be resolved: the report's month stands.
    ("en", "The army captured four towns near Hama on Friday.", "2017-09", "2017-09"),
    ("sv", "I fredags dödades minst 30 civila i Aleppo.", None, None),
    # A weekday named on the report's own day means that day; "last Friday" never does.
    ("en", "On Saturday 40 civilians were killed in Raqqa.", "2017-09-02", "2017-09-02"),
    ("en", "Last Saturday 40 civilians were killed in Raqqa.", "2017-09-02", "2017-08-26"),
]


@pytest.mark.parametrize(("language", "text", "published", "as_of"), RELATIVE_DAYS)
def test_relative_days(language: str, text: str, published: str | None, as_of: str | None) -> None:
    assert _only(text, language, published).as_of == as_of


def test_location_and_actor_follow_references() -> None:
    text = (
        "Regeringsstyrkorna tog i veckan kontroll över staden Deir Ezzor. "
        "Omkring 90 000 civila finns fortfarande kvar i staden."
    )
    claim = _only(text, "sv")
    assert (claim.kind, claim.location, claim.actor) == ("civilians", "Deir ez-Zor", "civilians")
    english = _only("Syrian government forces now control about 60 percent of Deir ez-Zor province.", "en")
    assert english.actor == "Syrian government forces"
    assert english.location == "Deir ez-Zor province"
    assert english.approximate
    assert english.subject == "share of Deir ez-Zor province controlled by Syrian government forces"


def test_two_countries_joined_are_one_location() -> None:
    claim = _only("IS har mistet 95 prosent av området de kontrollerte i Irak og Syria.", "nb")
    assert claim.location == "Iraq and Syria"
    assert claim.kind == "control_share"


def test_an_estimate_is_approximate() -> None:
    claim = _only("Officials estimated that between 2,500 and 3,500 IS fighters remained in Mosul.", "en")
    assert (claim.value_low, claim.value_high, claim.approximate) == (2500, 3500, True)


def test_extraction_is_pure_and_offsets_are_into_the_text() -> None:
    text = "Rubrik utan punkt\n\nEnligt SOHR finns runt 2 000 IS-krigare kvar i Raqqa.\n"
    first = _claims(text, "sv")
    assert first == _claims(text, "sv")
    (claim,) = first
    assert text[claim.start : claim.end] == claim.text == "runt 2 000"
    assert text[claim.sentence_start :].startswith(claim.sentence)


FURNITURE = [
    ("en", "Photo 1 of 12"),
    ("en", "Read more: 5 things to know about Raqqa"),
    ("en", "Share this article 1.2k shares"),
    ("en", "Sign up for our newsletter and get 20% off your first year."),
    ("en", "Route 4 was closed after the attack."),
    ("en", "A 35-year-old man was among the dead."),
    ("sv", "Läs mer: 5 saker du behöver veta om Raqqa"),
    ("sv", "Mannen är 45 år gammal."),
    ("nb", "Les også: 3 ting du må vite"),
    ("da", "Læs også: 7 spørgsmål og svar om krigen"),
    ("de", "Lesen Sie auch: 5 Fragen zum Krieg in Syrien"),
    ("de", "Der 35-jährige Kommandeur wurde getötet."),
    ("fr", "Lire aussi : 5 questions sur la guerre"),
    ("fr", "Un homme âgé de 35 ans a été arrêté."),
    ("es", "Lea también: 5 claves de la guerra"),
    ("es", "Un hombre de 35 años de edad fue detenido."),
]


@pytest.mark.parametrize(("language", "text"), FURNITURE)
def test_page_furniture_ages_and_labels_are_not_claims(language: str, text: str) -> None:
    assert _claims(text, language) == []


def test_a_number_naming_a_unit_is_not_a_count_but_its_strength_is() -> None:
    claim = _only("The 17th Brigade lost 300 men near Raqqa.", "en")
    assert (claim.value_low, claim.kind) == (300, "fighters")


def test_the_province_of_a_city_named_before() -> None:
    text = (
        "Den syriske hær har fredag generobret byen Deir ez-Zor. "
        "IS kontrollerer nu kun omkring ti procent af provinsen. "
        "Kampene har kostet over 200 mennesker livet på en uge."
    )
    share, dead = _claims(text, "da", "2017-11-04")
    assert (share.kind, share.location, share.actor, share.value_low) == (
        "control_share",
        "Deir ez-Zor province",
        "Islamic State",
        10,
    )
    assert (dead.kind, dead.unit) == ("casualties", "persons")
