"""Language identification for the seven supported languages, offline (lingua ships its models)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# How much of a document to look at: a paragraph is enough to tell even bokmål from Danish, and
# detection time grows with the sample. Measured on 3,026 reports (3,000 synthetic ones in all seven
# languages, the held-out reports and the seeds): no error from 200 characters up, two at 150. 250
# characters keep a margin at about 0.26 ms a report here; 300 take 0.31 ms, 600 about 0.6 ms.
_SAMPLE_CHARS = 250
_THREE_LETTERS = re.compile(r"(?:[^\W\d_].*?){3}", re.DOTALL)

_CODES = {
    "SWEDISH": "sv",
    "BOKMAL": "nb",
    "DANISH": "da",
    "ENGLISH": "en",
    "GERMAN": "de",
    "FRENCH": "fr",
    "SPANISH": "es",
}


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CODES]
    # Low-accuracy mode uses trigram models only: about 35 MB resident instead of about 230 MB and
    # faster, with the same answers on the seeds and held-out reports in all seven languages.
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """Return "sv", "nb", "da", "en", "de", "fr" or "es", or None when the text has no words to judge."""
    sample = text[:_SAMPLE_CHARS]
    if not _THREE_LETTERS.search(sample):
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return _CODES.get(language.name)
