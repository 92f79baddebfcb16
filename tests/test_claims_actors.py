""" "The army" as the actor of a figure: it is the army the report named before (written for these tests)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract

# (language, text, mention, actor)
ARMY = [
    (
        "en",
        "The Syrian army launched an offensive east of Hama. "
        "The army forces also captured four towns, closing in on IS positions.",
        "four",
        "Syrian government forces",
    ),
    (
        "en",
        "The Syrian army, backed by Russian air power, advanced. Later the army seized dozens of hills held by IS.",
        "dozens",
        "Syrian government forces",
    ),
    (
        "sv",
        "Den syriska armén inledde en offensiv öster om Hama. Armén har intagit fyra byar nära IS-ställningar.",
        "fyra",
        "Syrian government forces",
    ),
    (
        "fr",
        "L'armée syrienne a lancé une offensive près de Hama. L'armée a repris quatre villages tenus par l'EI.",
        "quatre",
        "Syrian government forces",
    ),
]


@pytest.mark.parametrize(("language", "text", "mention", "actor"), ARMY)
def test_the_army_is_the_army_named_before(language: str, text: str, mention: str, actor: str) -> None:
    claim = next(c for c in extract(text, language, "2017-09-02") if c.text == mention)
    assert claim.actor == actor


def test_the_army_without_an_army_named_before_is_no_actor_of_its_own() -> None:
    text = "The army captured four towns near Hama."
    claim = next(c for c in extract(text, "en", "2017-09-02") if c.text == "four")
    assert claim.actor is None
