"""Resolution of sources, actors and places across spellings and languages, and the gazetteer."""

from __future__ import annotations

import pytest

from factcheck.resolve import Registry, get_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return get_registry()


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [
        ("Deir ez-Zor", "Deir ez-Zor"),
        ("Deir Ezzor", "Deir ez-Zor"),
        ("Deir al-Zour", "Deir ez-Zor"),
        ("Deir al-Zor", "Deir ez-Zor"),
        ("deir ez zor", "Deir ez-Zor"),
        ("al-Sukhna", "al-Sukhna"),
        ("al-Suknah", "al-Sukhna"),
        ("Sukhnah", "al-Sukhna"),
        ("Albu Kamal", "Albu Kamal"),
        ("Abu Kamal", "Albu Kamal"),
        ("al-Bukamal", "Albu Kamal"),
        ("Raqqa", "Raqqa"),
        ("Rakka", "Raqqa"),
        ("Raqa", "Raqqa"),
        ("Raqqah", "Raqqa"),
        ("Syrien", "Syria"),
        ("Syria", "Syria"),
        ("Syrie", "Syria"),
        ("Siria", "Syria"),
        ("Irak", "Iraq"),
        ("Eufratdalen", "Euphrates valley"),
        ("vallée de l'Euphrate", "Euphrates valley"),
        ("Homsprovinsen", "Homs province"),
        ("Raqqaprovinsen", "Raqqa province"),
        ("Deir ez-Zor provinsen", "Deir ez-Zor province"),
        ("Deir ez-Zor-provinsen", "Deir ez-Zor province"),
        ("provinsen Deir al-Zour", "Deir ez-Zor province"),
        ("Hama province", "Hama province"),
        ("Provinz Homs", "Homs province"),
        ("province de Homs", "Homs province"),
        ("provincia de Hama", "Hama province"),
        ("the old city of Raqqa", "Raqqa old city"),
        ("old quarter of Raqqa city", "Raqqa old city"),
        ("Raqqas gamla stad", "Raqqa old city"),
        ("Irak og Syria", "Iraq and Syria"),
        ("Mossoul", "Mosul"),
    ],
)
def test_places_resolve_across_spellings_and_languages(
    registry: Registry, mention: str, canonical: str
) -> None:
    resolution = registry.resolve_place(mention)
    assert resolution is not None, mention
    assert resolution.canonical == canonical
    assert resolution.score == 100.0


def test_city_and_province_are_different_places(registry: Registry) -> None:
    city, province = registry.resolve_place("Homs"), registry.resolve_place("Homsprovinsen")
    assert city is not None and province is not None
    assert (city.canonical, city.type) == ("Homs", "city")
    assert (province.canonical, province.type) == ("Homs province", "province")
    assert registry.place_contains("Homs province", "Homs")
    assert not registry.place_contains("Homs", "Homs province")


def test_place_containment_is_transitive(registry: Registry) -> None:
    assert registry.place_contains("Raqqa", "Raqqa old city")
    assert registry.place_contains("Raqqa province", "the old city of Raqqa")
    assert registry.place_contains("Syria", "Raqqa old city")
    assert registry.place_contains("Deir ez-Zor province", "Abu Kamal")
    assert registry.place_contains("Euphrates valley", "Albu Kamal")
    assert registry.place_contains("Iraq and Syria", "Mosul")
    assert registry.place_contains("central Syrian desert", "al-Sukhna")
    assert not registry.place_contains("Deir ez-Zor", "Albu Kamal")  # the city, not the province
    assert not registry.place_contains("Iraq", "Raqqa")
    assert not registry.place_contains("Raqqa old city", "Raqqa")
    assert not registry.place_contains("Atlantis", "Raqqa")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IS har förlorat ännu ett fäste i Homsprovinsen i Syrien.", ["Homs province", "Syria"]),
        ("Regimen rycker fram i Hamaprovinsen och i Raqqaprovinsen.", ["Hama province", "Raqqa province"]),
        ("Krigerne har trukket seg til Deir ez-Zor provinsen.", ["Deir ez-Zor province"]),
        ("Die Armee rückt in der Provinz Rakka vor.", ["Raqqa province"]),
        ("L'armée avance dans la province de Deir Ezzor.", ["Deir ez-Zor province"]),
        ("El ejército avanza en la provincia de Hama, en Siria.", ["Hama province", "Syria"]),
        ("SDF kontrollerar nu Raqqas gamla stad.", ["Raqqa old city"]),
        ("Iraks landyta och Syriens öken", ["Iraq", "Syria"]),
        ("IS har mistet 96 prosent av området i Irak og Syria.", ["Iraq and Syria"]),
        ("Hamas said nothing about it.", []),
        ("Han bor i staden sedan tre år.", []),
        ("säger Syrienspecialisten Fabrice Balanche", []),
    ],
)
def test_find_places_in_free_text(registry: Registry, text: str, expected: list[str]) -> None:
    assert [m.canonical for m in registry.find_places(text)] == expected


def test_find_places_gives_offsets_and_kind(registry: Registry) -> None:
    text = "Staden ligger fem mil från provinsen Deir al-Zour."
    [mention] = registry.find_places(text)
    assert text[mention.start : mention.end] == mention.text == "provinsen Deir al-Zour"
    assert (mention.kind, mention.canonical, mention.score) == ("place", "Deir ez-Zor province", 100.0)


@pytest.mark.parametrize(
    "mention",
    [
        "IS",
        "ISIS",
        "ISIL",
        "Daesh",
        "Islamiska staten",
        "Den islamske staten",
        "Islamischer Staat",
        "État islamique",
        "Estado Islámico",
    ],
)
def test_islamic_state_in_every_language(registry: Registry, mention: str) -> None:
    resolution = registry.resolve_actor(mention)
    assert resolution is not None and resolution.canonical == "Islamic State"


def test_actor_acronyms_are_case_sensitive(registry: Registry) -> None:
    assert registry.find_actors("This is what it is.") == []
    assert [m.canonical for m in registry.find_actors("2 000 IS-män och IS-krigere")] == ["Islamic State"] * 2
    assert registry.resolve_actor("is") is None


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [
        ("regeringsstyrkor", "Syrian government forces"),
        ("den syriska armén", "Syrian government forces"),
        ("syriske styrker", "Syrian government forces"),
        ("the Syrian army", "Syrian government forces"),
        ("forces gouvernementales", "Syrian government forces"),
        ("opprørsalliansen SDF", "Syrian Democratic Forces"),
        ("Forces démocratiques syriennes", "Syrian Democratic Forces"),
        ("kurdiska grupper", "Kurdish groups"),
        ("Hizbollah", "Hezbollah"),
        ("den USA-ledda koalitionen", "US-led coalition"),
        ("civila", "civilians"),
    ],
)
def test_actors_resolve(registry: Registry, mention: str, canonical: str) -> None:
    resolution = registry.resolve_actor(mention)
    assert resolution is not None and resolution.canonical == canonical


@pytest.mark.parametrize(
    "mention",
    [
        "SOHR",
        "Syrian Observatory for Human Rights",
        "Syriska människorättslaboratoriet",
        "Observatoire syrien des droits de l'homme",
        "Observatorio Sirio de Derechos Humanos",
        "Syrische Beobachtungsstelle für Menschenrechte",
        "the Britain-based war monitor",
        "the London-based watchdog group",
        "The Observatory",
    ],
)
def test_sohr_aliases(registry: Registry, mention: str) -> None:
    resolution = registry.resolve_source(mention)
    assert resolution is not None
    assert resolution.canonical == "Syrian Observatory for Human Rights"
    assert resolution.type == "monitor"


def test_generic_descriptions_score_lower(registry: Registry) -> None:
    exact, generic = registry.resolve_source("SOHR"), registry.resolve_source("the monitoring group")
    assert exact is not None and generic is not None
    assert exact.score == 100.0 and generic.score < exact.score


def test_person_linked_to_the_body_they_speak_for(registry: Registry) -> None:
    resolution = registry.resolve_source("SOHR-leder Rami Abdulrahman")
    assert resolution is not None
    assert (resolution.canonical, resolution.type) == ("Rami Abdulrahman", "person")
    assert resolution.parent == "Syrian Observatory for Human Rights"
    assert registry.parent_body("Rami Abdulrahman") == "Syrian Observatory for Human Rights"
    assert registry.speaks_for("Rami Abdulrahman") == "Syrian Observatory for Human Rights"
    assert registry.speaks_for("Brett McGurk") is None  # an envoy speaks in his own name
    surname = registry.resolve_source("Abdulrahman")
    assert surname is not None and surname.canonical == "Rami Abdulrahman"


@pytest.mark.parametrize(
    ("mention", "canonical", "type_"),
    [
        ("brittiska Independent", "The Independent", "outlet"),
        ("nyhetsbyrået DPA", "DPA", "news agency"),
        ("syrisk statstelevision", "Syrian state television", "outlet"),
        ("den amerikanska militären", "US military", "military"),
        ("Amerikanske tjenestemenn", "US officials", "collective"),
        ("bedömare", "analysts", "collective"),
        ("the media unit run by Hezbollah", "Hezbollah military media unit", "armed group"),
        ("den USA-ledede koalisjonen", "US-led coalition", "military"),
        ("UN Special Envoy to Syria Staffan de Mistura", "Staffan de Mistura", "person"),
        ("l'AFP", "AFP", "news agency"),
        ("Agence France-Presse", "AFP", "news agency"),
    ],
)
def test_sources_resolve(registry: Registry, mention: str, canonical: str, type_: str) -> None:
    resolution = registry.resolve_source(mention)
    assert resolution is not None
    assert (resolution.canonical, resolution.type) == (canonical, type_)
    assert resolution.mention == mention


@pytest.mark.parametrize(
    ("mention", "person"),
    [
        ("Ali Maybou", "Ali Mayhoub"),
        ("Ali Mahmoud", "Ali Mayhoub"),
        ("Brett McGuire", "Brett McGurk"),
        ("Rami Abdullah", "Rami Abdulrahman"),
    ],
)
def test_near_miss_people_do_not_merge(registry: Registry, mention: str, person: str) -> None:
    resolution = registry.resolve_source(mention)
    assert resolution is not None
    assert resolution.canonical != person
    assert resolution.canonical == mention


def test_typo_in_a_known_name_merges_with_its_score(registry: Registry) -> None:
    resolution = registry.resolve_source("Fabrice Balance")
    assert resolution is not None
    assert resolution.canonical == "Fabrice Balanche"
    assert 90.0 <= resolution.score < 100.0
    hezbollah = registry.resolve_source("Syrian Observatory for Human Right")
    assert hezbollah is not None and hezbollah.canonical == "Syrian Observatory for Human Rights"


def test_unknown_names_become_new_entities(registry: Registry) -> None:
    person = registry.resolve_source("statsvetaren Anna Lindqvist")
    assert person is not None
    assert (person.canonical, person.type, person.score) == ("Anna Lindqvist", "person", 0.0)
    agency = registry.resolve_source("the Kurdish news agency Hawar")
    assert agency is not None and agency.type == "news agency" and agency.score == 0.0
    assert registry.resolve_source("  ,, ") is None
    assert registry.resolve_place("Atlantis") is None


def test_source_facts(registry: Registry) -> None:
    assert registry.source_type("Reuters") == "news agency"
    assert registry.source_type("Syrian Observatory for Human Rights") == "monitor"
    assert registry.source_type("Nobody Knows") is None
    assert "SOHR" in registry.aliases("Syrian Observatory for Human Rights")
    assert "Syriska människorättslaboratoriet" in registry.aliases("Syrian Observatory for Human Rights")
    assert registry.parent_body("Reuters") is None


def test_with_aliases_extends_a_copy(registry: Registry) -> None:
    extended = registry.with_aliases(
        [
            ("Syrienobservatoriet", "Syrian Observatory for Human Rights", None),
            ("Kurdistan 24", "Kurdistan24", "outlet"),
            ("Rudaw", "Kurdistan24", None),  # merge a shipped entity into the new one
        ]
    )
    added = extended.resolve_source("Syrienobservatoriet")
    assert added is not None and added.canonical == "Syrian Observatory for Human Rights"
    new = extended.resolve_source("Kurdistan 24")
    assert new is not None and (new.canonical, new.type, new.score) == ("Kurdistan24", "outlet", 100.0)
    merged = extended.resolve_source("Rudaw")
    assert merged is not None and merged.canonical == "Kurdistan24"
    assert [m.canonical for m in extended.find_sources("enligt Syrienobservatoriet och Kurdistan 24")] == [
        "Syrian Observatory for Human Rights",
        "Kurdistan24",
    ]
    # The shipped registry is untouched.
    original = registry.resolve_source("Rudaw")
    assert original is not None and original.canonical == "Rudaw"
    unknown = registry.resolve_source("Syrienobservatoriet")
    assert unknown is None or unknown.score == 0.0


def test_with_aliases_adds_places(registry: Registry) -> None:
    extended = registry.with_aliases([("Raqqa stad", "Raqqa", None), ("Tabqa dam", "Tabqa Dam", "district")])
    assert extended.resolve_place("Raqqa stad") is not None
    dam = extended.resolve_place("Tabqa dam")
    assert dam is not None and dam.canonical == "Tabqa Dam"
