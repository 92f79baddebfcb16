"""Language identification: lingua on the opening of a report, after a function-word short cut that settles
unmistakable English, German, French and Spanish and leaves everything else to lingua."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.read.language import _CODES, _SAMPLE_CHARS, _detector, detect_language, function_word_language

HELDOUT = Path(__file__).resolve().parent / "heldout"
REPORTS = sorted(HELDOUT.glob("*.txt"))


def _lingua(text: str) -> str | None:
    found = _detector().detect_language_of(text[:_SAMPLE_CHARS])
    return _CODES.get(found.name) if found is not None else None


def _paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if len(part) >= 40]


@pytest.mark.parametrize("path", REPORTS, ids=lambda path: path.stem)
def test_held_out_reports_are_told_apart(path: Path) -> None:
    assert detect_language(path.read_text(encoding="utf-8")) == path.stem.split("_")[0]


def test_the_short_cut_settles_the_four_languages_it_knows() -> None:
    wanted = {"en", "de", "fr", "es"}
    settled = [function_word_language(p.read_text(encoding="utf-8")) for p in REPORTS if p.stem[:2] in wanted]
    assert len(settled) == 12
    assert sum(code is not None for code in settled) >= 10


@pytest.mark.parametrize("language", ["sv", "nb", "da"])
def test_scandinavian_text_is_always_left_to_lingua(language: str) -> None:
    for path in HELDOUT.glob(f"{language}_*.txt"):
        text = path.read_text(encoding="utf-8")
        assert function_word_language(text) is None
        assert all(function_word_language(part) is None for part in _paragraphs(text))


def test_the_short_cut_agrees_with_lingua_wherever_it_decides() -> None:
    decided = 0
    for path in REPORTS:
        for part in [path.read_text(encoding="utf-8"), *_paragraphs(path.read_text(encoding="utf-8"))]:
            settled = function_word_language(part)
            if settled is not None:
                decided += 1
                assert settled == _lingua(part), part[:80]
    assert decided >= 12


@pytest.mark.parametrize(
    "text",
    [
        # Arabic names bring "al" into any language; numbers and names alone decide nothing.
        "al-Assad al-Bab al-Raqqa al-Mayadin 2 000 3 000 Deir ez-Zor Raqqa Idlib Aleppo Homs Hama",
        # Danish and Norwegian share "for", "to", "by", "den", "der", "dem" with English or German.
        "Det er for tidligt at sige, hvor mange der er dræbt i byen, men to kilder siger at den er tom.",
        # A Nordic letter anywhere in the opening sends the text to lingua.
        "The Syrian Observatory said that the fighters in the city have been there since the spring, ifølge AP.",
        "",
    ],
)
def test_doubtful_openings_go_to_lingua(text: str) -> None:
    assert function_word_language(text) is None


def test_a_report_that_opens_in_english_is_english() -> None:
    text = (
        "The Syrian Observatory for Human Rights said on Monday that the fighters who remain in the city "
        "have been surrounded and that the coalition has been striking their positions from the air."
    )
    assert function_word_language(text) == "en"
    assert detect_language(text) == "en"
