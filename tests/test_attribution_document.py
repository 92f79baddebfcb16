"""Attribution across sentences: nesting, neighbour sentences, quotations, hedges, bylines, report voice."""

from __future__ import annotations

from factcheck.domain import Claim
from factcheck.extract.attribution import attribute
from tests.test_attribution_forms import claim_at


def sources(text: str, numbers: list[str], language: str) -> list[tuple[str | None, tuple[str, ...]]]:
    claims = attribute(text, [claim_at(text, n, language) for n in numbers], language)
    return [(c.source, c.via) for c in claims]


SOHR = "Syrian Observatory for Human Rights"


def test_nested_speaker_reported_by_an_outlet() -> None:
    text = "Syriska människorättsobservatoriet uppger att 20 civila har dödats, skriver Reuters."
    assert sources(text, ["20"], "sv") == [(SOHR, ("Reuters",))]
    text = "Reuters reported that the Observatory said 20 civilians were killed."
    assert sources(text, ["20"], "en") == [(SOHR, ("Reuters",))]


def test_nested_relays_keep_their_order() -> None:
    text = "McGurk told the BBC that 2,000 fighters remain, AFP reported."
    assert sources(text, ["2,000"], "en") == [("Brett McGurk", ("BBC", "AFP"))]
    text = "– Det är 300 krigare kvar, sier hærens talsmann Ali Mayhoub ifølge NTB."
    # A spokesman speaks for the army; NTB relays him.
    assert sources(text, ["300"], "nb") == [("Syrian army", ("NTB",))]


def test_hedge_carries_the_previous_sentence_source() -> None:
    text = "Staden intogs i går, rapporterar brittiska Independent.\n\nIS-styrkorna uppges hålla 25 000 civila i staden."
    assert sources(text, ["25 000"], "sv") == [("The Independent", ())]
    text = "The town fell on Friday, the Observatory said. Reportedly, 15 soldiers were killed."
    assert sources(text, ["15"], "en") == [(SOHR, ())]
    text = "Die Stadt fiel am Freitag, berichtet Reuters. Rund 2000 IS-Kämpfer sollen noch in Rakka sein."
    assert sources(text, ["2000"], "de") == [("Reuters", ())]
    text = "La ville est tombée vendredi, selon l'AFP. Les jihadistes auraient perdu 80 pour cent de leur territoire."
    assert sources(text, ["80"], "fr") == [("AFP", ())]
    text = "La ciudad cayó el viernes, informó EFE. Se estima que 5 000 yihadistas siguen en la zona."
    assert sources(text, ["5 000"], "es") == [("EFE", ())]
    text = "Byen falt fredag, melder NTB. Minst 20 IS-krigere skal ha blitt drept."
    assert sources(text, ["20"], "nb") == [("NTB", ())]


def test_hedge_does_not_reach_past_an_unattributed_sentence() -> None:
    text = "Reuters reported the attack on Friday. The town lies near the border. About 30 people are reported to have died."
    assert sources(text, ["30"], "en") == [(None, ())]


def test_background_after_a_sourced_sentence_stays_in_the_report_voice() -> None:
    text = (
        "IS har drivits ut ur staden, uppger SOHR, skriver Reuters. Staden ligger cirka fem mil från Palmyra."
    )
    assert sources(text, ["fem mil"], "sv") == [(None, ())]
    text = "SOHR said 30 people died. The town lies 50 km east of Homs. Last year 10,000 people lived there."
    assert sources(text, ["50 km", "10,000"], "en") == [(None, ()), (None, ())]


def test_trailing_speaker_line_closes_the_sentences_of_that_speaker() -> None:
    text = (
        "Regjeringsstyrkene kontrollerer 40 prosent av provinsen, ifølge SOHR. "
        "Kurdiske styrker kontrollerer 25 prosent.\n\n"
        "Resten er fortsatt under IS-kontroll, sier Abdulrahman til NTB."
    )
    assert sources(text, ["40", "25"], "nb") == [(SOHR, ("NTB",)), (SOHR, ("NTB",))]


def test_a_trailing_source_does_not_reach_back_to_report_voice() -> None:
    text = (
        "I Syrien har man kvar små fläckar, från att tidigare ha kontrollerat 50 procent av landet. "
        "Regimen har nu 60 procent av Syrien, enligt bedömare."
    )
    assert sources(text, ["50", "60"], "sv") == [(None, ()), ("analysts", ())]


def test_attribution_in_the_next_sentence_only_covers_its_own_sentence() -> None:
    text = "IS lost 30 villages this week. The pocket totals about 1,500 square km, said the media unit run by Hezbollah."
    assert sources(text, ["30", "1,500"], "en") == [(None, ()), ("Hezbollah military media unit", ())]


def test_quotation_takes_its_speaker_line() -> None:
    text = (
        "– Vi tror att det finns runt 2 000 IS-män kvar, säger experten Brett McGurk till Independent.\n\n"
        "– Vi har räknat 300 döda. Ytterligare 50 saknas, säger han."
    )
    assert sources(text, ["2 000", "300", "50"], "sv") == [("Brett McGurk", ("The Independent",))] * 3


def test_pronoun_refers_to_the_last_person_quoted() -> None:
    text = '"We counted 300 bodies," McGurk said. "Another 50 are missing," he said.'
    assert sources(text, ["300", "50"], "en") == [("Brett McGurk", ())] * 2
    text = "Er sprach von Fortschritten. Der Feind habe 12 Dörfer verloren, sagte er."
    assert sources(text, ["12"], "de") == [(None, ())]  # nobody named before "er"


def test_generic_description_refers_to_the_monitor_named_before() -> None:
    text = "Airwars said it counted 40 strikes in May. The monitor said 25 civilians died."
    assert sources(text, ["25"], "en") == [("Airwars", ())]


def test_two_speakers_in_one_sentence() -> None:
    text = "SOHR sade att 40 dödats medan armén uppgav att 12 dödats."
    result = sources(text, ["40", "12"], "sv")
    assert result[0] == (SOHR, ())
    assert result[1][0] == "armén"


def test_wire_agency_in_the_byline_relays_every_claim() -> None:
    text = "Army advances\n\nBy Reuters\n\nThe army took 5 villages, the monitor said.\n\nThe town has 20,000 inhabitants."
    assert sources(text, ["5", "20,000"], "en") == [(SOHR, ("Reuters",)), (None, ("Reuters",))]
    text = "Armén rycker fram\n\nAv TT\n\nArmén har tagit 5 byar, uppger SOHR."
    assert sources(text, ["5"], "sv") == [(SOHR, ("TT",))]


def test_publisher_and_author_bylines_are_not_relays() -> None:
    text = "Source: Xinhua| 2017-09-02\n\nDAMASCUS (Xinhua) -- The army captured 4 towns on Friday."
    assert sources(text, ["4"], "en") == [(None, ())]
    text = "By Jane Smith\n\nThe army captured 4 towns on Friday."
    assert sources(text, ["4"], "en") == [(None, ())]


def test_photo_credits_are_not_sources() -> None:
    text = "Byen ble tatt fredag.\n\nAP/ NTB Scanpix\n\nMinst 40 mennesker ble drept."
    assert sources(text, ["40"], "nb") == [(None, ())]


def test_returns_copies_and_handles_empty_input() -> None:
    text = "Minst 50 personer dödades, rapporterar Reuters."
    claim = claim_at(text, "50", "sv")
    [result] = attribute(text, [claim], "sv")
    assert claim.source is None and result.source == "Reuters"
    assert result.start == claim.start and result.sentence == claim.sentence
    assert attribute(text, [], "sv") == []
    assert isinstance(result, Claim)
