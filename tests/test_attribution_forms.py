"""Attribution forms in all seven languages, on sentences written for these tests."""

from __future__ import annotations

import pytest

from factcheck.domain import Claim
from factcheck.extract.attribution import attribute
from factcheck.extract.sentences import split_sentences


def claim_at(text: str, number: str, language: str) -> Claim:
    """A claim on the (unique) number ``number`` in ``text``, in its sentence."""
    assert text.count(number) == 1, number
    start = text.index(number)
    spans = split_sentences(text, language)
    s_start, s_end = next(span for span in spans if span[0] <= start < span[1])
    return Claim(
        start=start,
        end=start + len(number),
        text=number,
        sentence=text[s_start:s_end],
        value_low=1.0,
        value_high=1.0,
        unit="count",
        kind="count",
        sentence_start=s_start,
    )


def attributed(text: str, number: str, language: str) -> Claim:
    [claim] = attribute(text, [claim_at(text, number, language)], language)
    return claim


CASES = [
    # Swedish
    (
        "sv",
        "IS kontrollerar 40 procent av staden, enligt Syriska människorättsobservatoriet.",
        "40",
        "Syrian Observatory for Human Rights",
        (),
    ),
    ("sv", "Omkring 300 civila har dödats, uppger SOHR.", "300", "Syrian Observatory for Human Rights", ()),
    (
        "sv",
        "SOHR uppger att 120 civila har dödats i Raqqa.",
        "120",
        "Syrian Observatory for Human Rights",
        (),
    ),
    ("sv", "Minst 50 personer dödades, rapporterar Reuters.", "50", "Reuters", ()),
    ("sv", "Över 100 soldater har stupat, skriver AFP.", "100", "AFP", ()),
    ("sv", "Det finns 2 000 krigare kvar, säger Brett McGurk.", "2 000", "Brett McGurk", ()),
    ("sv", "Hizbollah meddelade att 12 byar har intagits.", "12", "Hezbollah", ()),
    (
        "sv",
        "Runt 500 krigare finns kvar, säger McGurk till Dagens Nyheter.",
        "500",
        "Brett McGurk",
        ("Dagens Nyheter",),
    ),
    ("sv", "Staden har i dag 200 000 invånare.", "200 000", None, ()),
    # Norwegian bokmål
    ("nb", "Opprørerne kontrollerer 60 prosent av byen, ifølge NTB.", "60", "NTB", ()),
    ("nb", "Over 1 000 sivile har flyktet, melder NRK.", "1 000", "NRK", ()),
    ("nb", "Minst 30 IS-krigere ble drept, sier forskeren Ola Nordmann.", "30", "Ola Nordmann", ()),
    ("nb", "Amerikanske tjenestemenn har anslått at 3000 IS-krigere er igjen.", "3000", "US officials", ()),
    (
        "nb",
        "Hæren har tatt 7 landsbyer, sier Abdulrahman til nyhetsbyrået DPA.",
        "7",
        "Syrian Observatory for Human Rights",
        ("DPA",),
    ),
    # Danish
    ("da", "Mindst 45 mennesker er dræbt, ifølge Ritzau.", "45", "Ritzau", ()),
    ("da", "Omkring 70 procent af byen er generobret, siger analytikere.", "70", "analysts", ()),
    ("da", "Hæren har indtaget 3 landsbyer, skriver Politiken.", "3", "Politiken", ()),
    ("da", "Omkring 8 000 mennesker er flygtet, oplyser FN.", "8 000", "United Nations", ()),
    # English
    (
        "en",
        "At least 40 people were killed, according to the Syrian Observatory.",
        "40",
        "Syrian Observatory for Human Rights",
        (),
    ),
    (
        "en",
        "The monitor said 25 civilians died in the strikes.",
        "25",
        "Syrian Observatory for Human Rights",
        (),
    ),
    (
        "en",
        "Around 3,000 fighters remain in the city, said the Observatory.",
        "3,000",
        "Syrian Observatory for Human Rights",
        (),
    ),
    ("en", "Some 400 militants surrendered, Reuters reported.", "400", "Reuters", ()),
    ("en", "US officials say 12 towns were retaken.", "12", "US officials", ()),
    (
        "en",
        "The Syrian Observatory says the army holds 35 percent of the province.",
        "35",
        "Syrian Observatory for Human Rights",
        (),
    ),
    (
        "en",
        "Brett McGurk told the Guardian that 2,000 fighters remain.",
        "2,000",
        "Brett McGurk",
        ("The Guardian",),
    ),
    (
        "en",
        "The pocket totals about 1,500 square km, said the media unit run by Hezbollah.",
        "1,500",
        "Hezbollah military media unit",
        (),
    ),
    ("en", "The army said the town of 5,000 people had been taken.", "5,000", "army", ()),
    # German
    (
        "de",
        "Laut der Syrischen Beobachtungsstelle für Menschenrechte wurden 35 Zivilisten getötet.",
        "35",
        "Syrian Observatory for Human Rights",
        (),
    ),
    (
        "de",
        "Mindestens 20 Kämpfer seien getötet worden, sagte ein Sprecher der SDF.",
        "20",
        "Syrian Democratic Forces",
        (),
    ),
    ("de", "Die Armee habe 5 Dörfer erobert, berichtet die Nachrichtenagentur dpa.", "5", "DPA", ()),
    (
        "de",
        "Der Beobachtungsstelle zufolge kontrollieren die SDF 90 Prozent der Altstadt.",
        "90",
        "Syrian Observatory for Human Rights",
        (),
    ),
    (
        "de",
        "Die Rebellen kontrollieren 40 Prozent, sagte Abdulrahman der Nachrichtenagentur AFP.",
        "40",
        "Syrian Observatory for Human Rights",
        ("AFP",),
    ),
    # French
    (
        "fr",
        "Selon l'Observatoire syrien des droits de l'homme, 50 civils ont été tués.",
        "50",
        "Syrian Observatory for Human Rights",
        (),
    ),
    ("fr", "D'après l'AFP, 300 familles ont fui la ville.", "300", "AFP", ()),
    (
        "fr",
        "Au moins 12 soldats ont été tués, a déclaré le porte-parole de l'armée syrienne.",
        "12",
        "Syrian army",
        (),
    ),
    (
        "fr",
        "Environ 20 villages ont été repris, a affirmé Rami Abdel Rahman à l'AFP.",
        "20",
        "Syrian Observatory for Human Rights",
        ("AFP",),
    ),
    # Spanish
    (
        "es",
        "Según el Observatorio Sirio de Derechos Humanos, 45 personas murieron.",
        "45",
        "Syrian Observatory for Human Rights",
        (),
    ),
    ("es", "Al menos 30 soldados murieron, informó la agencia EFE.", "30", "EFE", ()),
    ("es", "De acuerdo con la ONU, 6 millones de personas han huido.", "6 millones", "United Nations", ()),
    (
        "es",
        "Unos 200 combatientes se rindieron, afirmó el portavoz de las FDS.",
        "200",
        "Syrian Democratic Forces",
        (),
    ),
    (
        "es",
        "Las fuerzas kurdas controlan el 23 por ciento, dijo el analista Carlos Pérez a El País.",
        "23",
        "Carlos Pérez",
        ("El País",),
    ),
]


@pytest.mark.parametrize(("language", "text", "number", "source", "via"), CASES)
def test_attribution_form(
    language: str, text: str, number: str, source: str | None, via: tuple[str, ...]
) -> None:
    claim = attributed(text, number, language)
    assert claim.source == source
    assert claim.via == via


def test_attribution_fills_mention_type_and_score() -> None:
    claim = attributed(
        "Syriske styrker kontrollerer 37 prosent, ifølge SOHR-leder Rami Abdulrahman.", "37", "nb"
    )
    # A spokesperson or head speaks for the body: the body is the source, the person is the mention.
    assert claim.source == "Syrian Observatory for Human Rights"
    assert claim.source_mention == "SOHR-leder Rami Abdulrahman"
    assert claim.source_type == "monitor"
    assert claim.source_score == 100.0


def test_unknown_source_is_kept_with_score_zero() -> None:
    claim = attributed("Minst 30 IS-krigere ble drept, sier forskeren Ola Nordmann.", "30", "nb")
    assert (claim.source, claim.source_type, claim.source_score) == ("Ola Nordmann", "person", 0.0)
    assert claim.source_mention == "forskeren Ola Nordmann"


def test_capitalised_word_mid_sentence_is_not_a_verb() -> None:
    claim = attributed("The United States States 4 goals for the talks.", "4", "en")
    assert claim.source is None


def test_report_voice_has_no_source() -> None:
    for language, text, number in [
        ("sv", "IS kontrollerade tidigare en tredjedel av landet och 10 städer.", "10"),
        ("nb", "Byen ligger 50 kilometer fra grensen.", "50"),
        ("da", "Byen har 20 000 indbyggere.", "20 000"),
        ("en", "The town lies 50 km east of Homs.", "50"),
        ("de", "Die Stadt liegt 40 Kilometer von der Grenze entfernt.", "40"),
        ("fr", "La ville compte 30 000 habitants.", "30 000"),
        ("es", "La ciudad tiene 15 000 habitantes.", "15 000"),
    ]:
        claim = attributed(text, number, language)
        assert (claim.source, claim.source_mention, claim.via) == (None, None, ()), text


MORE_CASES = [
    ("en", "U.S. officials estimate that fewer than 3,000 militants remain.", "3,000", "US officials", ()),
    (
        "en",
        '"We believe about 1,000 are left," coalition spokesman Col. Ryan Dillon told reporters.',
        "1,000",
        "US-led coalition",
        (),
    ),
    (
        "de",
        "Unter den Toten seien 12 Zivilisten, sagte der Leiter, Rami Abdel Rahman, der Deutschen Presse-Agentur.",
        "12",
        "Syrian Observatory for Human Rights",
        ("DPA",),
    ),
    (
        "da",
        "- Vi har befriet 300 landsbyer, siger Ali Mayhoub fra hæren til DR.",
        "300",
        "Syrian army",
        ("DR",),
    ),
]


@pytest.mark.parametrize(("language", "text", "number", "source", "via"), MORE_CASES)
def test_attribution_past_acronyms_appositions_and_modifiers(
    language: str, text: str, number: str, source: str | None, via: tuple[str, ...]
) -> None:
    claim = attributed(text, number, language)
    assert (claim.source, claim.via) == (source, via)
