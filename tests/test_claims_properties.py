"""Extraction never raises and always returns claims that point into the text it was given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.domain import KINDS, LANGUAGES, UNITS
from factcheck.extract import extract
from factcheck.extract.sentences import split_sentences

# Text that looks like news now and then: words, numbers, separators, punctuation, line breaks.
_PIECES = st.sampled_from(
    [
        "2 000", "1,5", "25.000", "37 prosent", "fem mil", "tre år", "i fredags", "on Friday", "IS-krigare",
        "kontrollerar", "av provinsen", "i staden", "Raqqa", "Deir ez-Zor", "enligt SOHR", "said", "–", "\n",
        "\n\n", ".", ",", "%", "km²", "dozens", "hundratusentals", "ca.", "U.S.", "2017-09-02", "Foto:",
    ]
)  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_TEXT,
    language=st.sampled_from(LANGUAGES),
    published=st.sampled_from([None, "2017", "2017-09", "2017-09-02"]),
)
def test_extract_never_raises_and_claims_are_well_formed(
    text: str, language: str, published: str | None
) -> None:
    for claim in extract(text, language, published):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence
        assert claim.kind in KINDS and claim.unit in UNITS
        assert claim.value_low <= claim.value_high


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, language=st.sampled_from(LANGUAGES))
def test_sentences_are_ordered_trimmed_and_inside_the_text(text: str, language: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text, language):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
