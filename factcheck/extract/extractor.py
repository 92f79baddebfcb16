"""The whole extraction: numbers -> claims -> attribution -> resolution. Pure: text in, claims out."""

from __future__ import annotations

from typing import Any

from factcheck.domain import Claim

# Bump when extraction output can change, so stored claims can be re-extracted.
EXTRACTOR_VERSION = "1.0"

_DEFAULT_LANGUAGE = "en"


def extract(
    text: str, language: str | None, published: str | None = None, registry: Any = None
) -> list[Claim]:
    """Every quantitative claim in ``text``, with character offsets into ``text``."""
    from factcheck.extract.numbers import find_numbers

    language = language or _DEFAULT_LANGUAGE
    quantities = find_numbers(text, language)
    # Without numbers only a dated state ("besieged since 2015") can still be a claim, and that
    # needs the report's date to measure from.
    if not quantities and not published:
        return []
    from factcheck.extract.claims import build_claims
    from factcheck.extract.sentences import split_sentences

    if registry is None:
        from factcheck.resolve import get_registry

        registry = get_registry()
    sentences = split_sentences(text, language)
    attribute = _attribution(text, language, registry)
    return build_claims(text, language, quantities, published, registry, sentences, attribute)


def _attribution(text: str, language: str, registry: Any) -> Any:
    from factcheck.extract.attribution import attribution_fields

    def run(claims: list[tuple[int, str]]) -> list[dict[str, Any]]:
        return attribution_fields(text, claims, language, registry=registry)

    return run
