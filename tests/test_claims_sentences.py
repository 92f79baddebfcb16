"""The sentence splitter that claims and attribution rely on."""

from __future__ import annotations

import pytest

from factcheck.extract.sentences import split_sentences


def _sentences(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "sv",
            "Staden ligger ca. 5 mil bort. Där bor bl.a. kurder.",
            ["Staden ligger ca. 5 mil bort.", "Där bor bl.a. kurder."],
        ),
        ("sv", "Det hände t.ex. i Homs. Sedan kom IS.", ["Det hände t.ex. i Homs.", "Sedan kom IS."]),
        ("nb", "Byen falt 2. november. Hæren rykket inn.", ["Byen falt 2. november.", "Hæren rykket inn."]),
        ("da", "Der var bl.a. 300 krigere. De flygtede.", ["Der var bl.a. 300 krigere.", "De flygtede."]),
        ("en", "The U.S. Army said so. It was late.", ["The U.S. Army said so.", "It was late."]),
        (
            "en",
            "DAMASCUS, Sept. 2 (Xinhua) -- IS lost. Then Aug. 18 came.",
            ["DAMASCUS, Sept. 2 (Xinhua) -- IS lost.", "Then Aug. 18 came."],
        ),
        (
            "de",
            "Es gab z.B. Kämpfe. Am 3. Oktober fiel die Stadt.",
            ["Es gab z.B. Kämpfe.", "Am 3. Oktober fiel die Stadt."],
        ),
        ("fr", "M. Dupont a parlé. Il était 20 h.", ["M. Dupont a parlé.", "Il était 20 h."]),
        ("es", "Lo dijo el Sr. Pérez. ¿Y ahora? Nada.", ["Lo dijo el Sr. Pérez.", "¿Y ahora?", "Nada."]),
    ],
)
def test_abbreviations_do_not_end_sentences(language: str, text: str, expected: list[str]) -> None:
    assert _sentences(text, language) == expected


def test_headings_quote_lines_and_paragraphs_are_their_own_sentences() -> None:
    text = (
        "Slutstrid väntas i Raqqa\n\n"
        "IS håller ut, rapporterar Reuters.\n"
        "– Vi tror att det finns 2 000 IS-män kvar, säger han.\n"
        "Foto: AP X03126\n"
        "TOP STORIES\n"
        "010020070750000000000000011103261365773551"
    )
    assert _sentences(text, "sv") == [
        "Slutstrid väntas i Raqqa",
        "IS håller ut, rapporterar Reuters.",
        "– Vi tror att det finns 2 000 IS-män kvar, säger han.",
        "Foto: AP X03126",
        "TOP STORIES",
        "010020070750000000000000011103261365773551",
    ]


def test_hard_wrapped_lines_join_and_spans_point_into_the_text() -> None:
    text = "  The army captured four\nother towns on Friday. It\nadvanced.\n"
    spans = split_sentences(text, "en")
    assert [text[s:e] for s, e in spans] == [
        "The army captured four\nother towns on Friday.",
        "It\nadvanced.",
    ]
    assert spans[0][0] == 2


def test_empty_and_punctuation_only_text() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences("\n\n  \n", "nb") == []
    assert _sentences("...", "fr") == ["..."]


def test_unknown_language_falls_back() -> None:
    assert _sentences("One. Two.", "xx") == ["One.", "Two."]


def test_a_line_opening_with_a_number_after_a_number_is_not_a_wrap() -> None:
    text = "Page 2 of 3\n3 min read\nIS håller ut där\n2 000 milismän finns."
    assert _sentences(text, "sv") == ["Page 2 of 3", "3 min read", "IS håller ut där\n2 000 milismän finns."]
