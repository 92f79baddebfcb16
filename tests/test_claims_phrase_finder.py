"""PhraseFinder finds exactly what its case-insensitive pattern finds, only faster."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from factcheck.extract.claim_kinds import _AGE_REACH, _is_age
from factcheck.extract.claim_lexicon import CASE_FOLD_EXCEPTIONS, PhraseFinder, foldable, load_claim_lexicon
from factcheck.extract.claim_sentence import _WORD, SentenceView, Word


def _exceptions_of_running_python() -> set[str]:
    casefix = pytest.importorskip("re._casefix")
    paired = {chr(c) for key, values in casefix._EXTRA_CASES.items() for c in (key, *values) if c > 127}
    found = set(paired)
    for code in range(0x110000):
        lowered = chr(code).lower()
        if len(lowered) == 1 and lowered in paired:
            found.add(chr(code))
    return found | {"\u0130", "\u03a3"}  # "İ" lowers to two characters, "Σ" by context


def test_case_fold_exceptions_match_python() -> None:
    assert set(CASE_FOLD_EXCEPTIONS) == _exceptions_of_running_python()


_PHRASES = ["the city", "the town", "staden", "stan", "l'armée", "die Stadt", "ası", "sa", "a s", "ss"]
_ALPHABET = "theciyownsadSTAÉéılſİΣσς'’- .,\nxß"


@pytest.mark.parametrize("seed", range(40))
def test_find_matches_finditer(seed: int) -> None:
    rng = random.Random(seed)
    finder = PhraseFinder.of(rng.sample(_PHRASES, rng.randint(1, 4)))
    for _ in range(200):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.5:
            text = text.replace("x", rng.choice(["the city", "The Town", "STADEN", "stan", "L'Armée"]))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.span() for m in finder.pattern.finditer(text, start, end)]
        found = [m.span() for m in finder.find(text, start, end, foldable(text, start, end))]
        assert found == expected, (text, start, end)


def test_lexicon_finders_agree_on_language_samples() -> None:
    text = "I staden, the city and THE TOWN; l’armée, die Stadt, den Ort, the army, the military's"
    for language in ("sv", "nb", "da", "en", "de", "fr", "es"):
        lexicon = load_claim_lexicon(language)
        finders = [*lexicon.back_references.values()]
        if lexicon.army_references is not None:
            finders.append(lexicon.army_references)
        for finder in finders:
            for start in range(0, len(text), 7):
                expected = [m.span() for m in finder.pattern.finditer(text, start)]
                found = [
                    m.span() for m in finder.find(text, start, len(text), foldable(text, start, len(text)))
                ]
                assert found == expected


@pytest.mark.parametrize(
    "sentence", ["", "abc", "  a-b c’d 12 000 ", "Über 3 000 Kämpfer, l’armée -x", "İs ΑΣ.Α"]
)
def test_sentence_view_words(sentence: str) -> None:
    view = SentenceView(sentence)
    # The reference, interpreted here: each word found by _WORD and lower-cased on its own by CPython.
    expected = [Word(m.start(), m.end(), m.group(), m.group().lower()) for m in _WORD.finditer(sentence)]
    assert view.words == expected
    assert view.lowers == [w.lower for w in expected]
    for first in range(len(expected) + 2):
        for stop in range(len(expected) + 3):
            assert view.slice(first, stop) == expected[first:stop]


@pytest.mark.parametrize("language", ["en", "fr", "de", "sv"])
def test_age_before_window_finds_what_the_whole_reach_finds(language: str) -> None:
    lexicon = load_claim_lexicon(language)
    assert lexicon.age_before is not None
    rng = random.Random(language)
    pieces = ["aged", "age", "âgé de", "im alter von", "åldern", " ", "\n", "  ", "x", "Olena,", "de", "-"]
    for _ in range(2000):
        lowered = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))).lower() + " 35 år"
        start = len(lowered) - len(" 35 år") + 1
        whole = lexicon.age_before.search(lowered, max(0, start - _AGE_REACH), start) is not None
        assert _is_age(lowered, start, start + 2, replace(lexicon, age_after=None)) == whole, lowered
